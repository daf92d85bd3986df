// A Finding is the one currency between stages and reporters: SARIF, the summary,
// annotations and the gate all read findings; no stage formats its own report.
import { sha256Hex } from '../util/hash.ts';

export type Severity = 'error' | 'warning' | 'note';

export type StageName = 'toolchain' | 'cache' | 'modules' | 'build' | 'inspect' | 'scan' | 'sign' | 'gate' | 'merge';

/** Where a finding points: a source line (relative to the repository root) or a built artifact. */
export interface Location {
  /** Path relative to the repository root, '/'-separated. */
  file?: string;
  line?: number;
  column?: number;
  /** Path of a built artifact, relative to the repository root when it lies inside it. */
  artifact?: string;
}

/** Static description of a check; one per rule id, shared by every finding it raises. */
export interface Rule {
  id: string;
  name: string;
  shortDescription: string;
  fullDescription: string;
  /** Plain-text help: what it means and how to fix it. */
  help: string;
  helpUri: string;
  defaultSeverity: Severity;
  /** CVSS-like 0 < n <= 10 for security rules; code scanning sorts on it. */
  securitySeverity?: number;
  /** The external tool whose check this is (e.g. "trivy"); unset for go-release-gate's own checks. Each tool is one SARIF run. */
  tool?: string;
  /**
   * An error of this rule means the inputs asked for something that cannot be done (a target
   * the toolchain does not know): a usage error, which the CLI exits 2 for, not a failed check.
   * The run still goes on and writes its reports.
   */
  usageError?: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  stage: StageName;
  location?: Location;
  /** Stable across re-runs: same rule + same subject = same fingerprint. */
  fingerprint: string;
  /** Long text (compiler output, tool stderr) shown collapsed. */
  details?: string;
  fix?: string;
  /**
   * This finding explains others (a replace that was never vendored explains the vendor files
   * that then differ): the verdict lists root causes before their consequences.
   */
  rootCause?: boolean;
  /** Steps from the program to the problem (a call path into a vulnerable function), rendered as a SARIF code flow. */
  codeFlow?: { message: string; location?: Location }[];
  /** Extra facts for SARIF result properties (reachability, platforms). */
  properties?: Record<string, string>;
}

export interface FindingInput {
  severity?: Severity;
  message: string;
  location?: Location;
  /** What the finding is about, for the fingerprint (defaults to the location). */
  subject?: string;
  details?: string;
  fix?: string;
  rootCause?: boolean;
}

export function fingerprintOf(ruleId: string, subject: string): string {
  return sha256Hex(`${ruleId}\0${subject}`).slice(0, 32);
}

function describeLocation(loc: Location | undefined): string {
  if (!loc) return '';
  if (loc.file) return `${loc.file}:${loc.line ?? 0}`;
  return loc.artifact ?? '';
}

/** Builds a finding for `rule`; messages must be exact (which file, which library, which setting). */
export function finding(rule: Rule, stage: StageName, input: FindingInput): Finding {
  const subject = input.subject ?? `${describeLocation(input.location)}\0${input.message}`;
  const f: Finding = {
    ruleId: rule.id,
    severity: input.severity ?? rule.defaultSeverity,
    message: input.message,
    stage,
    fingerprint: fingerprintOf(rule.id, subject),
  };
  if (input.location) f.location = input.location;
  if (input.details) f.details = input.details;
  if (input.fix) f.fix = input.fix;
  if (input.rootCause) f.rootCause = true;
  return f;
}

const order: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/** Most severe first, then by location, so every report lists findings in the same order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    order[a.severity] - order[b.severity] ||
    describeLocation(a.location).localeCompare(describeLocation(b.location)) ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}

export function rule(r: Omit<Rule, 'helpUri'> & { helpUri?: string }): Rule {
  return { helpUri: `https://github.com/org/go-release-gate/blob/v1/docs/rules.md#${r.id.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`, ...r };
}
