// The CLI's exit code, as the README promises it: 0 pass, 1 fail, 2 usage or configuration
// error. A run whose inputs asked for the impossible (a rule marked usageError raised an
// error, e.g. an unknown target) is a usage error even though the pipeline ran and wrote its
// reports. Pure.
import type { Finding } from '../pipeline/findings.ts';
import type { RunResult } from '../pipeline/pipeline.ts';
import { allRules } from '../report/model.ts';

export const EXIT_PASS = 0;
export const EXIT_FAIL = 1;
export const EXIT_USAGE = 2;

/** The error findings that make this run a usage error (after the user's rule overrides). */
export function usageErrors(result: RunResult): Finding[] {
  const usage = new Set(allRules(result).filter((r) => r.usageError).map((r) => r.id));
  return result.findings.filter((f) => f.severity === 'error' && usage.has(f.ruleId));
}

export function exitCodeOf(result: RunResult): number {
  if (usageErrors(result).length) return EXIT_USAGE;
  return result.verdict.passed ? EXIT_PASS : EXIT_FAIL;
}
