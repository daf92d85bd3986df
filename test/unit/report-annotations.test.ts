import { test } from 'vitest';
import assert from 'node:assert/strict';
import { annotate, countingLogger, ANNOTATION_LIMIT } from '../../src/report/annotations.ts';
import type { Logger } from '../../src/ports/ports.ts';
import type { Location } from '../../src/pipeline/findings.ts';
import { RULES, makeFinding as f } from '../support/report.ts';
import { STAGE_CRASHED } from '../../src/pipeline/pipeline.ts';

interface Emitted { level: 'error' | 'warning' | 'info'; message: string; location?: Location }

function recorder(): Logger & { emitted: Emitted[] } {
  const emitted: Emitted[] = [];
  return {
    emitted,
    info: (message) => void emitted.push({ level: 'info', message }),
    debug: () => undefined,
    warning: (message, location) => void emitted.push({ level: 'warning', message, ...(location ? { location } : {}) }),
    error: (message, location) => void emitted.push({ level: 'error', message, ...(location ? { location } : {}) }),
    group: (_n, fn) => fn(),
    mask: () => undefined,
  };
}

const rules = Object.values(RULES);

test('within the per-step limit, every error and warning is annotated at its file and line', () => {
  const log = recorder();
  annotate([
    f(RULES.tidy, 'modules', { message: 'not tidy', location: { file: 'go.mod', line: 3 } }),
    f(RULES.compile, 'build', { message: 'broke', location: { file: 'main.go', line: 7, column: 14 } }),
    f(RULES.info, 'inspect', { message: 'just a note' }),
  ], log, { rules });
  assert.deepEqual(log.emitted, [
    { level: 'error', message: 'build/compile-failed: broke', location: { file: 'main.go', line: 7, column: 14 } },
    { level: 'warning', message: 'modules/not-tidy: not tidy', location: { file: 'go.mod', line: 3 } },
  ]);
});

test('over the limit: the most severe first, one slot for the failed step, and a note saying how many more', () => {
  const findings = [];
  for (let i = 0; i < 25; i++) findings.push(f(RULES.compile, 'build', { message: `compile ${i}`, location: { file: `f${i}.go`, line: 1 } }));
  findings.push(f(RULES.sum, 'modules', { message: 'go.sum hash mismatch', location: { file: 'go.sum', line: 12 } }));
  for (let i = 0; i < 15; i++) findings.push(f(RULES.tidy, 'modules', { message: `tidy ${i}` }));
  const log = recorder();
  const emitted = annotate(findings, log, { rules, reserveErrors: 1 });
  const errors = log.emitted.filter((e) => e.level === 'error');
  const warnings = log.emitted.filter((e) => e.level === 'warning');
  assert.equal(errors.length, ANNOTATION_LIMIT - 1, 'one error slot left for setFailed');
  assert.equal(warnings.length, ANNOTATION_LIMIT);
  // The security rule outranks plain errors.
  assert.equal(errors[0].message, 'modules/sum-mismatch: go.sum hash mismatch');
  assert.equal(errors.at(-1)!.message, '18 more errors not shown as annotations (GitHub shows 10 per step): see the job summary, results.sarif and report.json.');
  assert.equal(warnings.at(-1)!.message, '6 more warnings not shown as annotations (GitHub shows 10 per step): see the job summary, results.sarif and report.json.');
  assert.deepEqual(emitted, { error: 9, warning: 10 });
});

test('annotations already spent by stages shrink the budget; with none left the note goes to the log', () => {
  const findings = [f(RULES.tidy, 'modules', { message: 'a' }), f(RULES.tidy, 'modules', { message: 'b' })];
  const log = recorder();
  annotate(findings, log, { rules, spent: { error: 0, warning: 9 } });
  assert.deepEqual(log.emitted.map((e) => [e.level, e.message.slice(0, 6)]), [['warning', '2 more']]);
  const none = recorder();
  annotate(findings, none, { rules, spent: { error: 0, warning: 10 } });
  assert.deepEqual(none.emitted.map((e) => e.level), ['info']);
  assert.match(none.emitted[0].message, /^2 more warnings/);
});

test('a location outside the repository, or a built file (not in the repository), is not annotated on a file', () => {
  const log = recorder();
  annotate([
    f(RULES.compile, 'build', { message: 'abs', location: { file: '/usr/local/go/src/x.go', line: 2 } }),
    f(RULES.compile, 'build', { message: 'bin', location: { artifact: 'gate-out/app_linux_amd64' } }),
    f(RULES.compile, 'build', { message: 'tmp', location: { artifact: '/runner/_temp/app' } }),
  ], log, { rules });
  const by = new Map(log.emitted.map((e) => [e.message.split(': ')[1], e.location]));
  assert.equal(by.get('abs'), undefined);
  // Issue 9: a build output is never a location; located findings carry their source file instead.
  assert.equal(by.get('bin'), undefined);
  assert.equal(by.get('tmp'), undefined);
});

test('the counting logger passes everything through and counts errors and warnings', async () => {
  const inner = recorder();
  const log = countingLogger(inner);
  log.warning('w1');
  log.error('e1', { file: 'go.mod', line: 1 });
  log.info('i');
  await log.group('g', async () => log.warning('w2'));
  assert.deepEqual(log.tally, { error: 1, warning: 2 });
  assert.equal(inner.emitted.length, 4);
});

test('a crashed stage is not annotated twice: the pipeline already said so when it happened', () => {
  const log = recorder();
  annotate([
    f(STAGE_CRASHED, 'build', { message: 'build stage: go list failed', subject: 'build' }),
    f(RULES.compile, 'build', { message: 'broke', location: { file: 'main.go', line: 1 } }),
  ], log, { rules });
  assert.deepEqual(log.emitted.map((e) => e.message), ['build/compile-failed: broke']);
});

test('stage by stage: each stage\'s findings are annotated when it ends, within one shared budget, and the "more" note comes last', async () => {
  const { stageAnnotator } = await import('../../src/report/annotations.ts');
  const inner = recorder();
  const log = countingLogger(inner);
  const a = stageAnnotator(log);
  a.stage([f(RULES.tidy, 'modules', { message: 'tidy 0', location: { file: 'go.mod', line: 3 } }), f(RULES.info, 'modules', { message: 'a note' })], [RULES.tidy, RULES.info]);
  assert.deepEqual(inner.emitted, [{ level: 'warning', message: 'modules/not-tidy: tidy 0', location: { file: 'go.mod', line: 3 } }]);
  const errors = [];
  for (let i = 0; i < 12; i++) errors.push(f(RULES.compile, 'build', { message: `compile ${i}`, location: { file: `f${i}.go`, line: 1 } }));
  a.stage(errors, [RULES.compile]);
  const annotated = inner.emitted.filter((e) => e.level === 'error');
  // One slot for the failed step, one for the note: 8 errors annotated, the other 4 logged as text under this stage.
  assert.equal(annotated.length, ANNOTATION_LIMIT - 2);
  assert.equal(inner.emitted.filter((e) => e.level === 'info' && /^error build\/compile-failed: compile \d+ \(not annotated/.test(e.message)).length, 4);
  a.stage([f(RULES.compile, 'sign', { message: 'late error' })], [RULES.compile]);
  assert.ok(!inner.emitted.some((e) => e.level === 'error' && e.message.includes('late error')), 'once errors were hidden, later ones are too');
  a.finish();
  assert.equal(inner.emitted.at(-1)!.message, '5 more errors not shown as annotations (GitHub shows 10 per step): see the job summary, results.sarif and report.json.');
  assert.equal(inner.emitted.at(-1)!.level, 'error');
  assert.equal(log.tally.error, ANNOTATION_LIMIT - 1, 'the failed step still has its slot');
});
