// govulncheck's -json output, validated: a stream of JSON objects (indented, one after another,
// not one per line), each with exactly one of config, SBOM, progress, osv, finding. Anything
// else, or a finding that names no OSV entry the stream carried, fails closed with the offset.

export interface GovulncheckFrame {
  module: string;
  version?: string;
  package?: string;
  function?: string;
  receiver?: string;
  position?: { filename: string; line: number; column?: number };
}

export interface GovulncheckFinding {
  osv: string;
  fixedVersion?: string;
  /** Vulnerable symbol first, the program's own code last (govulncheck's order). */
  trace: GovulncheckFrame[];
}

export interface GovulncheckOsv {
  id: string;
  aliases: string[];
  summary: string;
  /** Modules the entry affects (stdlib for the standard library). */
  modules: string[];
}

export interface GovulncheckReport {
  scannerVersion: string;
  goVersion: string;
  db: string;
  scanMode: string;
  osvs: Map<string, GovulncheckOsv>;
  findings: GovulncheckFinding[];
}

export class GovulncheckOutputError extends Error {
  constructor(message: string) {
    super(`govulncheck output: ${message}`);
    this.name = 'GovulncheckOutputError';
  }
}

/** Splits concatenated JSON values, honouring strings, and returns each with its byte offset. */
export function splitJsonStream(text: string): { offset: number; value: unknown }[] {
  const out: { offset: number; value: unknown }[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    if (text[i] !== '{') throw new GovulncheckOutputError(`expected "{" at offset ${i}, found ${JSON.stringify(text.slice(i, i + 20))}`);
    const start = i;
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      }
    }
    if (depth !== 0) throw new GovulncheckOutputError(`the object at offset ${start} is cut off (${text.length - start} bytes, unbalanced)`);
    try {
      out.push({ offset: start, value: JSON.parse(text.slice(start, i)) });
    } catch (e) {
      throw new GovulncheckOutputError(`the object at offset ${start} is not JSON: ${(e as Error).message}`);
    }
  }
  return out;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';

function frame(v: unknown, at: string): GovulncheckFrame {
  if (!isObj(v) || !str(v.module)) throw new GovulncheckOutputError(`${at}: a trace frame without a module`);
  const f: GovulncheckFrame = { module: v.module };
  for (const k of ['version', 'package', 'function', 'receiver'] as const) {
    if (v[k] !== undefined) {
      if (!str(v[k])) throw new GovulncheckOutputError(`${at}: frame field ${k} is not a string`);
      f[k] = v[k];
    }
  }
  if (v.position !== undefined) {
    const p = v.position;
    if (!isObj(p) || !str(p.filename) || typeof p.line !== 'number') throw new GovulncheckOutputError(`${at}: a frame position without filename and line`);
    f.position = { filename: p.filename, line: p.line, ...(typeof p.column === 'number' ? { column: p.column } : {}) };
  }
  return f;
}

export function parseGovulncheck(text: string): GovulncheckReport {
  const report: GovulncheckReport = { scannerVersion: '', goVersion: '', db: '', scanMode: '', osvs: new Map(), findings: [] };
  let sawConfig = false;
  for (const { offset, value } of splitJsonStream(text)) {
    const at = `object at offset ${offset}`;
    if (!isObj(value)) throw new GovulncheckOutputError(`${at} is not an object`);
    const keys = Object.keys(value);
    if (keys.length !== 1) throw new GovulncheckOutputError(`${at} has fields ${keys.join(', ') || '(none)'}; expected exactly one message`);
    const [kind] = keys;
    const body = value[kind];
    if (!isObj(body)) throw new GovulncheckOutputError(`${at}: ${kind} is not an object`);
    switch (kind) {
      case 'config':
        sawConfig = true;
        report.scannerVersion = str(body.scanner_version) ? body.scanner_version : '';
        report.goVersion = str(body.go_version) ? body.go_version : '';
        report.db = str(body.db) ? body.db : '';
        report.scanMode = str(body.scan_mode) ? body.scan_mode : '';
        break;
      case 'SBOM':
      case 'progress':
        break;
      case 'osv': {
        if (!str(body.id)) throw new GovulncheckOutputError(`${at}: an osv entry without an id`);
        const aliases = Array.isArray(body.aliases) ? body.aliases.filter(str) : [];
        const affected = Array.isArray(body.affected) ? body.affected : [];
        const modules = affected.map((a) => (isObj(a) && isObj(a.package) && str(a.package.name) ? a.package.name : '')).filter(Boolean);
        report.osvs.set(body.id, { id: body.id, aliases, summary: str(body.summary) ? body.summary : '', modules });
        break;
      }
      case 'finding': {
        if (!str(body.osv)) throw new GovulncheckOutputError(`${at}: a finding without an osv id`);
        if (!Array.isArray(body.trace) || body.trace.length === 0) throw new GovulncheckOutputError(`${at}: finding ${body.osv} has no trace`);
        report.findings.push({
          osv: body.osv,
          ...(str(body.fixed_version) ? { fixedVersion: body.fixed_version } : {}),
          trace: body.trace.map((f, i) => frame(f, `${at} trace[${i}]`)),
        });
        break;
      }
      default:
        throw new GovulncheckOutputError(`${at}: unknown message "${kind}"`);
    }
  }
  if (!sawConfig) throw new GovulncheckOutputError('no config message: this is not govulncheck -json output');
  for (const f of report.findings) {
    if (!report.osvs.has(f.osv)) throw new GovulncheckOutputError(`finding for ${f.osv}, but the stream carries no osv entry for it`);
  }
  return report;
}

export interface GovulncheckRunOptions {
  db: string;
  tags: string[];
  /** Package patterns, relative to the module (./...). */
  patterns: string[];
}

/** Source mode, JSON, the run's build tags: one invocation per GOOS/GOARCH (set in the environment). */
export function govulncheckArgs(o: GovulncheckRunOptions): string[] {
  return ['-json', '-mode', 'source', '-db', o.db, ...(o.tags.length ? ['-tags', o.tags.join(',')] : []), ...o.patterns];
}
