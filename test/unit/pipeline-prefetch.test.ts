// A stage's prefetch: started as soon as the stage it waits for is done, while the stages in
// between run; its answer reaches the stage, its log lines appear in the stage's own group, a
// failed prefetch is the stage's to handle, and without the stage it waits for it never starts.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { runPipeline } from '../../src/pipeline/pipeline.ts';
import type { Stage } from '../../src/pipeline/stage.ts';
import { recordingContext } from '../support/pipeline-context.ts';

const ctx = recordingContext;

const plain = (name: Stage['name'], order: string[]): Stage => ({
  name, rules: [],
  async run() {
    order.push(`${name} runs`);
    return { status: 'passed', findings: [] };
  },
});

test('the prefetch starts once the stage it waits for is done, runs while the stages between run, and its answer and lines reach the stage', async () => {
  const lines: string[] = [];
  const order: string[] = [];
  let release!: () => void;
  const modulesRunning = new Promise<void>((r) => (release = r));
  const build: Stage = {
    name: 'build', rules: [],
    prefetch: {
      after: 'cache',
      async run(c) {
        order.push('prefetch starts');
        c.ports.log.info('listing packages');
        // Still running when modules starts: the two overlap.
        await modulesRunning;
        return 'main packages';
      },
    },
    async run(c) {
      order.push(`build got ${await c.prefetched}`);
      return { status: 'passed', findings: [] };
    },
  };
  const modules: Stage = {
    name: 'modules', rules: [],
    async run() {
      order.push('modules runs');
      release();
      return { status: 'passed', findings: [] };
    },
  };
  const r = await runPipeline([plain('toolchain', order), plain('cache', order), modules, build], ctx(lines));
  assert.equal(r.verdict.passed, true);
  assert.deepEqual(order, ['toolchain runs', 'cache runs', 'prefetch starts', 'modules runs', 'build got main packages']);
  // The prefetch's line is held until the build's group opens, and printed inside it.
  const i = lines.indexOf('info listing packages');
  assert.ok(i > lines.indexOf('group build') && i < lines.indexOf('endgroup build'), lines.join('\n'));
  assert.ok(lines.indexOf('endgroup modules') < i);
});

test('a prefetch that fails is never an unhandled rejection: the stage sees the error and decides', async () => {
  const order: string[] = [];
  const build: Stage = {
    name: 'build', rules: [],
    prefetch: { after: 'cache', run: async () => { throw new Error('go list failed'); } },
    async run(c) {
      await c.prefetched!.then(() => order.push('answer'), (e: Error) => order.push(`asked again after: ${e.message}`));
      return { status: 'passed', findings: [] };
    },
  };
  const r = await runPipeline([plain('cache', order), build], ctx([]));
  assert.equal(r.verdict.passed, true);
  assert.deepEqual(order, ['cache runs', 'asked again after: go list failed']);
});

test('a prefetch that throws at once is handled the same way', async () => {
  const order: string[] = [];
  const build: Stage = {
    name: 'build', rules: [],
    prefetch: { after: 'cache', run: () => { throw new Error('no go'); } },
    async run(c) {
      await c.prefetched!.catch((e: Error) => order.push(e.message));
      return { status: 'passed', findings: [] };
    },
  };
  await runPipeline([plain('cache', order), build], ctx([]));
  assert.deepEqual(order, ['cache runs', 'no go']);
});

test('without the stage it waits for, the prefetch never starts and the stage runs without an answer', async () => {
  const order: string[] = [];
  const build: Stage = {
    name: 'build', rules: [],
    prefetch: { after: 'cache', run: async () => void order.push('prefetch') },
    async run(c) {
      order.push(c.prefetched === undefined ? 'no answer' : 'answer');
      return { status: 'passed', findings: [] };
    },
  };
  await runPipeline([plain('toolchain', order), build], ctx([]));
  assert.deepEqual(order, ['toolchain runs', 'no answer']);
});
