import type { RunResult } from '../pipeline/pipeline.ts';
import type { Artifact, GoToolchain, StageResult, ToolInfo } from '../pipeline/stage.ts';
import type { Finding, Rule, Severity } from '../pipeline/findings.ts';
import type { Config } from '../config/config.ts';

/** Everything the reporters read: one run, already decided. */
export interface Report {
  tool: { name: string; version: string; informationUri: string };
  run: RunResult;
  config: Config;
  goVersion: string;
  /** The toolchain that built the release, when the toolchain stage found one. */
  go?: GoToolchain;
  artifacts: Artifact[];
  /** Repository-relative path every location-less finding falls back to (the module's go.mod). */
  defaultFile: string;
  facts: Record<string, string>;
}

export const TOOL = { name: 'go-release-gate', informationUri: 'https://github.com/org/go-release-gate' };

/** The stages' static rules plus the rules they found at run time, one per id. */
export function allRules(run: RunResult): Rule[] {
  const seen = new Map<string, Rule>();
  for (const r of [...run.rules, ...run.stages.flatMap((s) => s.rules ?? [])]) if (!seen.has(r.id)) seen.set(r.id, r);
  return [...seen.values()];
}

/** The external tools that actually ran (a tool that did not run keeps its previous alerts open). */
export function toolsThatRan(stages: readonly StageResult[]): ToolInfo[] {
  const seen = new Map<string, ToolInfo>();
  for (const s of stages) for (const t of s.tools ?? []) if (!seen.has(t.name)) seen.set(t.name, t);
  return [...seen.values()];
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/**
 * Most severe first: level, then the rule's security severity (a 9.8 CVE before a 4.3 one),
 * then the pipeline's stable order. Cuts (SARIF limits, annotations) keep the head of this list.
 */
export function rankFindings(findings: readonly Finding[], rules: readonly Rule[]): Finding[] {
  const sec = new Map(rules.map((r) => [r.id, r.securitySeverity ?? 0]));
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || (sec.get(b.f.ruleId) ?? 0) - (sec.get(a.f.ruleId) ?? 0) || a.i - b.i)
    .map((x) => x.f);
}

/** The artifact a finding is about, else "file:line", or "" for a finding about the whole run. */
export function where(f: Finding): string {
  const loc = f.location;
  if (!loc) return '';
  // A binary's finding also carries its main package's source line (for code scanning): the
  // reader of the summary wants the binary.
  if (loc.artifact) return loc.artifact;
  if (loc.file) return `${loc.file}${loc.line ? `:${loc.line}` : ''}`;
  return '';
}
