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

/**
 * Kinds of what still holds Node's event loop (process.getActiveResourcesInfo()) that a finished
 * run may leave behind: the standard streams and a close on its way. Anything else (a child
 * still running, a timer, a file operation) is work a prompt exit would cut short.
 */
const LEFT_AT_EXIT = new Set(['TTYWrap', 'PipeWrap', 'CloseReq']);

/**
 * Whether the process may end now rather than wait for Node's own teardown of a finished run
 * (the environment, the heap, the worker threads: 3-4 ms the user waits for after the verdict).
 */
export function idleAtExit(resources: readonly string[]): boolean {
  return resources.every((r) => LEFT_AT_EXIT.has(r));
}
