// Trivy as the scan stage runs it: the argument arrays (never a shell string) and the JSON
// report (`--format json`) read into the few fields the gate uses. Pure: no I/O here.

export type TrivySeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'UNKNOWN';

export const SEVERITY_ORDER: readonly TrivySeverity[] = ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

export interface TrivyVuln {
  id: string;
  pkg: string;
  installed: string;
  fixed: string;
  severity: TrivySeverity;
  /** Where Trivy took the severity from (ghsa, nvd, ...). */
  severitySource: string;
  title: string;
  description: string;
  primaryUrl: string;
  /** Highest CVSS base score Trivy reported for the severity source (or any source), if any. */
  cvss?: number;
}

export interface TrivySuppressed {
  vuln: TrivyVuln;
  statement: string;
  /** The ignore file that suppressed it, as Trivy names it. */
  source: string;
}

export interface TrivyTarget {
  /** Path relative to the scanned directory (go.mod, app_linux_amd64). */
  target: string;
  /** gomod, gobinary, ... */
  type: string;
  vulns: TrivyVuln[];
  suppressed: TrivySuppressed[];
}

export interface TrivyScanOptions {
  cacheDir: string;
  skipDbUpdate: boolean;
  output: string;
  /** An explicit config file: without one Trivy reads trivy.yaml from its working directory. */
  config?: string;
  ignoreFile?: string;
  skipDirs?: string[];
}

/** `trivy fs|rootfs ...`: vulnerabilities of Go modules only, no telemetry, no version check, no scan cache on disk. */
export function trivyScanArgs(kind: 'fs' | 'rootfs', target: string, o: TrivyScanOptions): string[] {
  const args = [kind, '--scanners', 'vuln', '--pkg-types', 'library', '--format', 'json', '--output', o.output, '--show-suppressed'];
  args.push('--skip-version-check', '--disable-telemetry', '--skip-java-db-update', '--offline-scan', '--no-progress', '--cache-backend', 'memory');
  if (o.config) args.push('--config', o.config);
  if (o.cacheDir) args.push('--cache-dir', o.cacheDir);
  if (o.skipDbUpdate) args.push('--skip-db-update');
  if (o.ignoreFile) args.push('--ignorefile', o.ignoreFile);
  for (const d of o.skipDirs ?? []) args.push('--skip-dirs', d);
  // "--" ends the flags: a target path starting with "-" is still a path.
  args.push('--', target);
  return args;
}

export class TrivyOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrivyOutputError';
  }
}

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function severity(v: unknown): TrivySeverity {
  const s = str(v).toUpperCase();
  return (SEVERITY_ORDER as readonly string[]).includes(s) ? (s as TrivySeverity) : 'UNKNOWN';
}

function cvssScore(v: Obj, source: string): number | undefined {
  const all = obj(v.CVSS);
  if (!all) return undefined;
  const score = (c: unknown) => {
    const o = obj(c);
    if (!o) return undefined;
    const n = [o.V40Score, o.V3Score].find((x) => typeof x === 'number' && x > 0 && x <= 10);
    return n as number | undefined;
  };
  return score(all[source]) ?? score(all.nvd) ?? score(all.ghsa) ?? Object.values(all).map(score).find((x) => x !== undefined);
}

function vuln(v: unknown, where: string): TrivyVuln {
  const o = obj(v);
  const id = o ? str(o.VulnerabilityID) : '';
  if (!o || !id) throw new TrivyOutputError(`${where}: a vulnerability without VulnerabilityID`);
  const source = str(o.SeveritySource);
  const cvss = cvssScore(o, source);
  return {
    id,
    pkg: str(o.PkgName) || str(o.PkgID),
    installed: str(o.InstalledVersion),
    fixed: str(o.FixedVersion),
    severity: severity(o.Severity),
    severitySource: source,
    title: str(o.Title),
    description: str(o.Description),
    primaryUrl: str(o.PrimaryURL),
    ...(cvss !== undefined ? { cvss } : {}),
  };
}

/** Reads Trivy's JSON report; anything that is not one is a TrivyOutputError (the scan then fails closed). */
export function parseTrivyReport(text: string): TrivyTarget[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new TrivyOutputError(`the JSON report is not JSON (${(e as Error).message})`);
  }
  const root = obj(doc);
  if (!root || root.SchemaVersion !== 2) throw new TrivyOutputError(`the JSON report is not Trivy's schema version 2 (SchemaVersion ${JSON.stringify(root?.SchemaVersion)})`);
  if (root.Results === undefined || root.Results === null) return [];
  if (!Array.isArray(root.Results)) throw new TrivyOutputError('Results is not an array');
  return root.Results.map((r, i) => {
    const o = obj(r);
    if (!o) throw new TrivyOutputError(`Results[${i}] is not an object`);
    const target = str(o.Target);
    const vulns = Array.isArray(o.Vulnerabilities) ? o.Vulnerabilities.map((v) => vuln(v, target)) : [];
    const suppressed: TrivySuppressed[] = [];
    for (const m of Array.isArray(o.ExperimentalModifiedFindings) ? o.ExperimentalModifiedFindings : []) {
      const mo = obj(m);
      if (!mo || str(mo.Type) !== 'vulnerability' || str(mo.Status) !== 'ignored') continue;
      suppressed.push({ vuln: vuln(mo.Finding, target), statement: str(mo.Statement), source: str(mo.Source) });
    }
    return { target, type: str(o.Type), vulns, suppressed };
  });
}

/** `trivy --version --format json`: the version and the DB it would use. */
export function parseTrivyVersion(text: string): { version: string; dbUpdatedAt?: string; dbNextUpdate?: string } {
  let o: Obj | undefined;
  try {
    o = obj(JSON.parse(text));
  } catch {
    o = undefined;
  }
  if (o && typeof o.Version === 'string') {
    const db = obj(o.VulnerabilityDB);
    return {
      version: o.Version,
      ...(db && typeof db.UpdatedAt === 'string' ? { dbUpdatedAt: db.UpdatedAt } : {}),
      ...(db && typeof db.NextUpdate === 'string' ? { dbNextUpdate: db.NextUpdate } : {}),
    };
  }
  const m = /Version:\s*(\S+)/.exec(text);
  if (!m) throw new TrivyOutputError(`cannot read the version from "${text.trim().slice(0, 200)}"`);
  return { version: m[1] };
}
