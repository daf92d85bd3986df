// The gate: findings (after the user's per-rule overrides) and stage states -> verdict.
// A stage that crashed or could not run its check never counts as passed.
import type { Finding } from './findings.ts';
import type { StageResult } from './stage.ts';
import type { RuleLevel } from '../config/config.ts';

export interface Verdict {
  passed: boolean;
  reasons: string[];
}

/** Applies "rule-id=off|note|warning|error" overrides; "off" drops the finding. */
export function applyRuleOverrides(findings: Finding[], rules: ReadonlyMap<string, RuleLevel>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const level = rules.get(f.ruleId);
    if (level === 'off') continue;
    out.push(level ? { ...f, severity: level } : f);
  }
  return out;
}

const MAX_REASONS = 20;

export function decide(stages: readonly StageResult[]): Verdict {
  const causes: string[] = [];
  const rest: string[] = [];
  for (const s of stages) {
    const errors = s.findings.filter((f) => f.severity === 'error');
    for (const f of errors) {
      // Root causes first (findings that explain others), each group in stage order.
      (f.rootCause ? causes : rest).push(f.stage === s.name && f.message.startsWith(`${s.name} stage:`) ? f.message : `${s.name}: ${f.message}`);
    }
    // A failed or errored stage always names itself, even when it raised no error finding.
    if ((s.status === 'failed' || s.status === 'errored') && errors.length === 0) {
      rest.push(`${s.name}: ${s.status === 'errored' ? 'could not complete' : 'failed'}${s.reason ? `: ${s.reason}` : ''}`);
    }
  }
  const reasons = [...causes, ...rest];
  if (reasons.length > MAX_REASONS) {
    const more = reasons.length - MAX_REASONS;
    reasons.splice(MAX_REASONS, reasons.length, `... and ${more} more (see the report)`);
  }
  return { passed: reasons.length === 0, reasons };
}
