// Stages whose checks go on in the background: collected before a stage that settles first and
// before the verdict; their log lines stay together under their own name; a crash there is an
// errored stage, never a pass.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { runPipeline } from '../../src/pipeline/pipeline.ts';
import { finding, rule } from '../../src/pipeline/findings.ts';
import type { Stage, StageOutcome } from '../../src/pipeline/stage.ts';
import { recordingContext } from '../support/pipeline-context.ts';

const R = rule({ id: 'modules/x', name: 'X', shortDescription: 's', fullDescription: 'f', help: 'h', defaultSeverity: 'error' });

const ctx = recordingContext;

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => { resolve = a; reject = b; });
  return { promise, resolve, reject };
}

test('a pending stage runs alongside the next, is collected before a settling stage, and its lines are grouped under its name', async () => {
  const lines: string[] = [];
  const gate = deferred<StageOutcome>();
  const order: string[] = [];
  const modules: Stage = {
    name: 'modules', rules: [R],
    run: () => Promise.reject(new Error('the pipeline starts stages that have start()')),
    async start(c) {
      c.ports.log.info('modules starts');
      const pending = (async () => {
        const out = await gate.promise;
        c.ports.log.info('modules verified');
        order.push('modules done');
        return out;
      })();
      return { status: 'passed', findings: [], pending };
    },
  };
  const build: Stage = {
    name: 'build', rules: [],
    async run(c) {
      c.ports.log.info('build runs');
      order.push('build');
      // The background check finishes while this stage still works: its line must not land in this group.
      gate.resolve({ status: 'failed', findings: [finding(R, 'modules', { message: 'go.sum line 3 does not match' })] });
      await new Promise((r) => setTimeout(r, 10));
      return { status: 'passed', findings: [] };
    },
  };
  const sign: Stage = { name: 'sign', rules: [], settlesFirst: true, async run() { order.push('sign'); return { status: 'passed', findings: [] }; } };
  const r = await runPipeline([modules, build, sign], ctx(lines));
  assert.deepEqual(order, ['build', 'modules done', 'sign']);
  assert.deepEqual(r.stages.map((s) => [s.name, s.status]), [['modules', 'failed'], ['build', 'passed'], ['sign', 'passed']]);
  assert.equal(r.verdict.passed, false);
  assert.deepEqual(r.verdict.reasons, ['modules: go.sum line 3 does not match']);
  const buildGroup = lines.slice(lines.indexOf('group build'), lines.indexOf('endgroup build') + 1);
  assert.ok(!buildGroup.includes('info modules verified'), buildGroup.join('\n'));
  const later = lines.indexOf('group modules (checks that ran alongside)');
  assert.ok(later > lines.indexOf('endgroup build') && lines.indexOf('info modules verified') > later, lines.join('\n'));
  assert.ok(lines.indexOf('group modules (checks that ran alongside)') < lines.indexOf('group sign'));
});

test('a background check that throws is an errored stage and fails the verdict, even when no stage settles first', async () => {
  const lines: string[] = [];
  const modules: Stage = {
    name: 'modules', rules: [],
    async run() {
      return { status: 'passed', findings: [], pending: Promise.reject(new Error('go mod verify: no output')) };
    },
  };
  const build: Stage = { name: 'build', rules: [], async run() { return { status: 'passed', findings: [] }; } };
  const r = await runPipeline([modules, build], ctx(lines));
  assert.equal(r.stages[0].status, 'errored');
  assert.equal(r.verdict.passed, false);
  assert.match(r.verdict.reasons[0], /modules stage: go mod verify: no output/);
});

test('masks are never held back while a stage works in the background', async () => {
  const lines: string[] = [];
  const seen = { mask: false, info: true };
  const release = deferred<void>();
  const modules: Stage = {
    name: 'modules', rules: [],
    async run(c) {
      const pending = (async () => {
        await new Promise((r) => setImmediate(r));
        c.ports.log.mask('s3cret');
        c.ports.log.info('after mask');
        await release.promise;
        return { status: 'passed' as const, findings: [] };
      })();
      return { status: 'passed', findings: [], pending };
    },
  };
  const build: Stage = {
    name: 'build', rules: [],
    async run() {
      await new Promise((r) => setTimeout(r, 5));
      // By now the mask has reached the logger, though the info line is still held.
      seen.mask = lines.includes('mask s3cret');
      seen.info = lines.includes('info after mask');
      release.resolve();
      return { status: 'passed', findings: [] };
    },
  };
  const r = await runPipeline([modules, build], ctx(lines));
  assert.deepEqual(seen, { mask: true, info: false });
  assert.equal(r.verdict.passed, true);
  assert.ok(lines.includes('info after mask'));
});
