// Our model of Trivy's JSON report (`trivy fs|rootfs --format json`, schema version 2): the
// few fields the gate reads, typed, and a reader that validates them at run time.
//
// Trivy publishes no typed model of its report for TypeScript (there is no "trivy-sarif-types"
// package on npm, and Trivy's SARIF output drops what the gate needs: fixed versions, the
// severity source, suppressed findings with their statements). So the model is ours, written
// from Trivy's Go types (pkg/types/report.go: Report, Result; pkg/types/vulnerability.go:
// DetectedVulnerability; pkg/result/filter.go: ModifiedFinding). A report of any other shape
// (a field of the wrong type, an unknown severity, a list that is not a list) is a
// TrivyOutputError: the scan then fails closed, it never reads "no vulnerabilities" from a
// document it did not understand. Pure: no I/O here.

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

/** The report as Trivy writes it: only the fields the gate reads, with Trivy's names. */
export interface TrivyJsonReport {
  SchemaVersion: 2;
  Results?: TrivyJsonResult[] | null;
}

export interface TrivyJsonResult {
  Target: string;
  Type?: string;
  Vulnerabilities?: TrivyJsonVulnerability[] | null;
  /** Findings an ignore file suppressed (with --show-suppressed). */
  ExperimentalModifiedFindings?: { Type?: string; Status?: string; Statement?: string; Source?: string; Finding?: TrivyJsonVulnerability }[] | null;
}

export interface TrivyJsonVulnerability {
  VulnerabilityID: string;
  PkgName?: string;
  PkgID?: string;
  InstalledVersion?: string;
  FixedVersion?: string;
  /** One of SEVERITY_ORDER; Trivy omits it when empty. */
  Severity?: string;
  SeveritySource?: string;
  Title?: string;
  Description?: string;
  PrimaryURL?: string;
  /** Per source (nvd, ghsa, ...): base scores. */
  CVSS?: Record<string, { V3Score?: number; V40Score?: number }>;
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

/** An optional string field: absent (or null) is "", anything but a string is an unknown shape. */
function str(o: Obj, key: string, where: string): string {
  const v = o[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new TrivyOutputError(`${where}: ${key} is ${typeof v}, not a string`);
  return v;
}

/** An optional list: absent (or null) is empty, anything but an array is an unknown shape. */
function list(o: Obj, key: string, where: string): unknown[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new TrivyOutputError(`${where}: ${key} is not an array`);
  return v;
}

function severity(o: Obj, where: string): TrivySeverity {
  const s = str(o, 'Severity', where);
  // Trivy omits an empty severity: that is its own UNKNOWN. A value it never writes is not.
  if (s === '') return 'UNKNOWN';
  const up = s.toUpperCase();
  if (!(SEVERITY_ORDER as readonly string[]).includes(up)) throw new TrivyOutputError(`${where}: Severity "${s.slice(0, 40)}" is not one of ${SEVERITY_ORDER.join(', ')}`);
  return up as TrivySeverity;
}

function cvssScore(v: Obj, source: string, where: string): number | undefined {
  if (v.CVSS === undefined || v.CVSS === null) return undefined;
  const all = obj(v.CVSS);
  if (!all) throw new TrivyOutputError(`${where}: CVSS is not an object`);
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
  const id = o && typeof o.VulnerabilityID === 'string' ? o.VulnerabilityID : '';
  if (!o || !id) throw new TrivyOutputError(`${where}: a vulnerability without VulnerabilityID`);
  const at = `${where} ${id}`;
  const source = str(o, 'SeveritySource', at);
  const cvss = cvssScore(o, source, at);
  return {
    id,
    pkg: str(o, 'PkgName', at) || str(o, 'PkgID', at),
    installed: str(o, 'InstalledVersion', at),
    fixed: str(o, 'FixedVersion', at),
    severity: severity(o, at),
    severitySource: source,
    title: str(o, 'Title', at),
    description: str(o, 'Description', at),
    primaryUrl: str(o, 'PrimaryURL', at),
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
  return list(root, 'Results', 'the JSON report').map((r, i) => {
    const o = obj(r);
    if (!o) throw new TrivyOutputError(`Results[${i}] is not an object`);
    const target = str(o, 'Target', `Results[${i}]`);
    const where = target || `Results[${i}]`;
    const vulns = list(o, 'Vulnerabilities', where).map((v) => vuln(v, target));
    const suppressed: TrivySuppressed[] = [];
    for (const m of list(o, 'ExperimentalModifiedFindings', where)) {
      const mo = obj(m);
      if (!mo) throw new TrivyOutputError(`${where}: an ExperimentalModifiedFindings entry is not an object`);
      if (str(mo, 'Type', where) !== 'vulnerability' || str(mo, 'Status', where) !== 'ignored') continue;
      suppressed.push({ vuln: vuln(mo.Finding, target), statement: str(mo, 'Statement', where), source: str(mo, 'Source', where) });
    }
    return { target, type: str(o, 'Type', where), vulns, suppressed };
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
