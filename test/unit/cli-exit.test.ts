// The CLI's exit code from a finished run: 0 pass, 1 fail, 2 when a usage-error rule raised an
// error (the run still went on and wrote its reports).
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { rule } from '../../src/pipeline/findings.ts';
import { applyRuleOverrides } from '../../src/pipeline/gate.ts';
import { exitCodeOf, usageErrors, EXIT_FAIL, EXIT_PASS, EXIT_USAGE } from '../../src/cli/exit.ts';
import { idleAtExit } from '../../src/cli/prompt-exit.ts';
import { makeFinding, makeReport, RULES, stageResult } from '../support/report.ts';
import { buildStage } from '../../src/stages/build.ts';

const unknownTarget = rule({ id: 'build/unknown-target', name: 'UnknownTarget', shortDescription: 's', fullDescription: 'f', help: 'h', defaultSeverity: 'error', usageError: true });
const staticRules = [...Object.values(RULES), unknownTarget];

const runOf = (findings: ReturnType<typeof makeFinding>[]) => makeReport([stageResult({ name: 'build', findings })], { staticRules }).run;

test('exit codes: pass 0, a failed check 1, a usage-error rule 2 (even next to failed checks)', () => {
  assert.equal(exitCodeOf(runOf([])), EXIT_PASS);
  assert.equal(exitCodeOf(runOf([makeFinding(RULES.tidy, 'modules', { message: 'not tidy' })])), EXIT_PASS);
  assert.equal(exitCodeOf(runOf([makeFinding(RULES.compile, 'build', { message: 'broke' })])), EXIT_FAIL);
  const target = makeFinding(unknownTarget, 'build', { message: 'target plan9/sparc64 is not supported by go1.26.3 (see go tool dist list)' });
  assert.equal(exitCodeOf(runOf([target])), EXIT_USAGE);
  assert.equal(exitCodeOf(runOf([target, makeFinding(RULES.compile, 'build', { message: 'broke' })])), EXIT_USAGE);
  assert.deepEqual(usageErrors(runOf([target])).map((f) => f.ruleId), ['build/unknown-target']);
  // Turned down to a warning by the rules input, it is neither a usage error nor a failure.
  const [down] = applyRuleOverrides([target], new Map([['build/unknown-target', 'warning']]));
  assert.equal(exitCodeOf(runOf([down])), EXIT_PASS);
});

test('the build stage declares its unknown-target rule as a usage error, and only that one', () => {
  assert.deepEqual(buildStage.rules.filter((r) => r.usageError).map((r) => r.id), ['build/unknown-target']);
});

test('idleAtExit: only the standard streams and closes on their way may be left when the CLI ends at once', () => {
  assert.equal(idleAtExit([]), true);
  assert.equal(idleAtExit(['PipeWrap', 'PipeWrap', 'CloseReq']), true);
  assert.equal(idleAtExit(['TTYWrap', 'TTYWrap']), true);
  // A child still running, a timer, a file operation, a socket: Node's own end waits for them.
  for (const busy of ['ProcessWrap', 'Timeout', 'FSReqCallback', 'FileHandle', 'TCPSocketWrap', 'Immediate']) {
    assert.equal(idleAtExit(['PipeWrap', busy]), false, busy);
  }
});
