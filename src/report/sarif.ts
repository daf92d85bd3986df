// SARIF 2.1.0 as GitHub code scanning ingests it: one run per tool with its own category, every
// rule fully described, every result located with a line, stable fingerprints, and GitHub's
// limits kept (25,000 results per run, 10 MB gzipped): when cut, the most severe stay.
//
// The document is typed with the SARIF 2.1.0 object model of @types/sarif (Log, Run,
// ReportingDescriptor, Result): a misspelt or misplaced property is a compile error here, not
// a file code scanning rejects. GitHub's own requirements (a location per result, a numeric
// security-severity, ...) are stricter than the schema and are kept by the code below.
import type { Log, ReportingDescriptor, Result, Run } from 'sarif';
import type * as Zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Finding, Rule, Severity } from '../pipeline/findings.ts';
import { onFirstUse } from '../util/builtin.ts';
import type { Report } from './model.ts';
import { allRules, rankFindings, toolsThatRan } from './model.ts';
import { resolveLocation, repoRelative, toUriReference } from './location.ts';
import { escapeHtml } from './escape.ts';

export const SARIF_LIMITS = {
  resultsPerRun: 25_000,
  rulesPerRun: 25_000,
  gzipBytes: 10 * 1024 * 1024,
  /** A single advisory text must not eat the budget of every other result. */
  messageChars: 8_000,
};
export type SarifLimits = typeof SARIF_LIMITS;

export interface SarifRunStats {
  tool: string;
  category: string;
  /** Findings of this tool in the run. */
  total: number;
  /** Results written (the most severe first). */
  kept: number;
  /** Why results were left out: GitHub's per-run result limit or its file-size limit. */
  cut?: 'results-per-run' | 'file-size';
}

export interface SarifOutput {
  text: string;
  runs: SarifRunStats[];
  /**
   * At least its gzipped size: that size when the text had to be compressed to know whether it
   * fits, else the most gzip could make of a text this long (already under the limit).
   */
  gzipBytesAtMost: number;
}

/** zlib is loaded only for a SARIF file that might not fit: a few milliseconds of every start otherwise. */
const zlib = onFirstUse<typeof Zlib>('node:zlib');

/** deflateBound for the gzip wrapper, with room to spare: gzip never makes n bytes longer than this. */
export function gzipBound(n: number): number {
  return n + (n >>> 12) + (n >>> 14) + (n >>> 25) + 64;
}

/** The gzipped size of text, or gzip's bound for it when that bound is already within limit. */
function gzippedAtMost(text: string, limit: number): number {
  const bound = gzipBound(Buffer.byteLength(text));
  if (bound <= limit) return bound;
  return zlib().gzipSync(text).length;
}

const LEVEL: Record<Severity, NonNullable<Result['level']>> = { error: 'error', warning: 'warning', note: 'note' };

/** security-severity as code scanning wants it: a number in (0, 10], written as a string; anything else is left out. */
export function securitySeverity(value: number | undefined): string | undefined {
  if (value === undefined || !Number.isFinite(value) || value <= 0 || value > 10) return undefined;
  const s = value.toFixed(1);
  return s === '0.0' ? '0.1' : s;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function helpMarkdown(r: Rule): string {
  // Rule text can come from advisories: escaped, because code scanning renders this as Markdown.
  const link = /^https?:\/\/[^\s()<>]+$/.test(r.helpUri) ? `\n\n[${escapeHtml(r.id)}](${r.helpUri})` : '';
  return `${escapeHtml(r.help)}${link}`;
}

/** A rule id that a finding uses but no stage declared still gets a complete descriptor. */
function fallbackRule(id: string, tool: string | undefined): Rule {
  const name = id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1)).join('') || 'Finding';
  const text = `Finding ${id} reported by ${tool ?? 'go-release-gate'}.`;
  return { id, name, shortDescription: text, fullDescription: text, help: 'See the finding message.', helpUri: 'https://github.com/org/go-release-gate#reports', defaultSeverity: 'warning', ...(tool ? { tool } : {}) };
}

/** A rule descriptor as code scanning wants it (shared with the merge of shard SARIF). */
export function sarifRule(r: Rule): ReportingDescriptor {
  const sev = securitySeverity(r.securitySeverity);
  return {
    id: r.id,
    name: r.name,
    shortDescription: { text: r.shortDescription },
    fullDescription: { text: r.fullDescription },
    help: { text: r.help, markdown: helpMarkdown(r) },
    helpUri: r.helpUri,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: sev ? { tags: ['security', 'supply-chain'], 'security-severity': sev } : { tags: ['reliability'] },
  };
}

/** One located result; defaultFile is where a finding without a location points (the module's go.mod). */
export function sarifResult(f: Finding, ruleIndex: number, fingerprint: string, defaultFile: string, limits: SarifLimits = SARIF_LIMITS): Result {
  const loc = resolveLocation(f, defaultFile);
  const text = f.fix ? `${f.message}\nFix: ${f.fix}` : f.message;
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: truncate(text || f.ruleId, limits.messageChars) },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: toUriReference(loc.path), uriBaseId: '%SRCROOT%' },
        region: { startLine: loc.line, ...(loc.column ? { startColumn: loc.column } : {}) },
      },
    }],
    partialFingerprints: { primaryLocationLineHash: fingerprint },
    ...(f.codeFlow?.length ? { codeFlows: [codeFlowOf(f.codeFlow, limits.messageChars)] } : {}),
    properties: { stage: f.stage, ...(loc.original ? { originalLocation: loc.original } : {}), ...(loc.artifact ? { artifact: loc.artifact } : {}), ...(f.properties ?? {}) },
  };
}

/** A call path as code scanning shows it: one thread flow, every step with its message, located where it is in the repository. */
function codeFlowOf(steps: NonNullable<Finding['codeFlow']>, messageChars: number) {
  return {
    threadFlows: [{
      locations: steps.map((s) => ({
        location: {
          message: { text: truncate(s.message, messageChars) },
          ...(s.location?.file ? {
            physicalLocation: {
              artifactLocation: { uri: toUriReference(s.location.file), uriBaseId: '%SRCROOT%' },
              region: { startLine: s.location.line ?? 1 },
            },
          } : {}),
        },
      })),
    }],
  };
}

/** The category code scanning keys alerts by: per tool, and per module so a monorepo's modules do not replace each other's alerts. */
export function categoryOf(toolKey: string, r: Report): string {
  const moduleDir = repoRelative(path.relative(r.config.workspace, r.config.dir));
  return `go-release-gate/${toolKey}/${moduleDir ? `${moduleDir}/` : ''}`;
}

interface RunPlan {
  key: string;
  driver: { name: string; version?: string; informationUri?: string };
  rules: Rule[];
  /** Ranked, most severe first. */
  findings: Finding[];
  executionSuccessful: boolean;
  notifications: string[];
}

function planRuns(r: Report): RunPlan[] {
  const rules = allRules(r.run);
  const ruleById = new Map(rules.map((x) => [x.id, x]));
  const ranked = rankFindings(r.run.findings, rules);
  const toolOf = (f: Finding) => ruleById.get(f.ruleId)?.tool ?? '';
  const ran = toolsThatRan(r.run.stages);
  const keys = ['', ...ran.map((t) => t.name)];
  for (const f of ranked) if (!keys.includes(toolOf(f))) keys.push(toolOf(f));
  return keys.map((key) => {
    const info = ran.find((t) => t.name === key);
    const stages = key === '' ? r.run.stages : r.run.stages.filter((s) => s.tools?.some((t) => t.name === key));
    const findings = ranked.filter((f) => toolOf(f) === key);
    const own = rules.filter((x) => (x.tool ?? '') === key);
    for (const f of findings) if (!own.some((x) => x.id === f.ruleId)) own.push(ruleById.get(f.ruleId) ?? fallbackRule(f.ruleId, key || undefined));
    const errored = stages.filter((s) => s.status === 'errored');
    return {
      key,
      driver: key === ''
        ? { name: r.tool.name, version: r.tool.version, informationUri: r.tool.informationUri }
        : { name: key, ...(info?.version ? { version: info.version } : {}), ...(info?.informationUri ? { informationUri: info.informationUri } : {}) },
      rules: own,
      findings,
      executionSuccessful: errored.length === 0,
      notifications: errored.map((s) => `${s.name} stage: ${s.reason ?? 'could not complete'}`),
    };
  });
}

function renderRun(p: RunPlan, keep: number, r: Report, limits: SarifLimits): Run {
  const findings = p.findings.slice(0, keep);
  const referenced = new Set(findings.map((f) => f.ruleId));
  // Rules that results use come first, so a cut on rules never orphans a result.
  const rules = [...p.rules.filter((x) => referenced.has(x.id)), ...p.rules.filter((x) => !referenced.has(x.id))].slice(0, limits.rulesPerRun);
  const index = new Map(rules.map((x, i) => [x.id, i]));
  const seen = new Map<string, number>();
  const results = findings.map((f) => {
    // Two findings with one fingerprint are two occurrences, numbered as CodeQL does, never one merged alert.
    const n = (seen.get(f.fingerprint) ?? 0) + 1;
    seen.set(f.fingerprint, n);
    return sarifResult(f, index.get(f.ruleId)!, `${f.fingerprint}:${n}`, r.defaultFile, limits);
  });
  const started = r.run.startedAt;
  const ended = new Date(started.getTime() + Math.max(0, r.run.durationMs));
  const ev = r.config.event;
  return {
    tool: { driver: { ...p.driver, ...(p.key === '' ? { semanticVersion: r.tool.version } : {}), rules: rules.map(sarifRule) } },
    automationDetails: { id: categoryOf(p.key || 'checks', r) },
    ...(ev.repositoryUrl && ev.sha ? { versionControlProvenance: [{ repositoryUri: ev.repositoryUrl, revisionId: ev.sha, ...(ev.ref ? { branch: ev.ref } : {}) }] } : {}),
    originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(r.config.workspace.endsWith(path.sep) ? r.config.workspace : `${r.config.workspace}${path.sep}`).href } },
    invocations: [{
      executionSuccessful: p.executionSuccessful,
      startTimeUtc: started.toISOString(),
      endTimeUtc: ended.toISOString(),
      ...(p.notifications.length ? { toolExecutionNotifications: p.notifications.map((text) => ({ level: 'error', message: { text } })) } : {}),
    }],
    results,
  };
}

function serialize(plans: RunPlan[], keep: number[], r: Report, limits: SarifLimits): string {
  const doc: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: plans.map((p, i) => renderRun(p, keep[i], r, limits)),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function buildSarif(r: Report, limits: SarifLimits = SARIF_LIMITS): SarifOutput {
  const plans = planRuns(r);
  const keep = plans.map((p) => Math.min(p.findings.length, limits.resultsPerRun));
  const cut: (SarifRunStats['cut'])[] = plans.map((p, i) => (keep[i] < p.findings.length ? 'results-per-run' : undefined));
  let text = serialize(plans, keep, r, limits);
  let gz = gzippedAtMost(text, limits.gzipBytes);
  // Over the size limit: shrink every run proportionally (keeping its most severe results) until it fits.
  while (gz > limits.gzipBytes && keep.some((k) => k > 0)) {
    const scale = Math.min(0.9, (limits.gzipBytes / gz) * 0.95);
    for (let i = 0; i < keep.length; i++) {
      const next = Math.floor(keep[i] * scale);
      if (next < keep[i]) cut[i] = 'file-size';
      keep[i] = next;
    }
    text = serialize(plans, keep, r, limits);
    gz = gzippedAtMost(text, limits.gzipBytes);
  }
  return {
    text,
    gzipBytesAtMost: gz,
    runs: plans.map((p, i) => ({
      tool: p.driver.name,
      category: categoryOf(p.key || 'checks', r),
      total: p.findings.length,
      kept: keep[i],
      ...(cut[i] ? { cut: cut[i] } : {}),
    })),
  };
}

