// push to a branch and workflow_dispatch, as the runner runs us: a check with caches saved.
// The ways to fail available today (no main package, a malformed go.mod) each give a failing
// verdict with the reason first and SARIF that code scanning accepts.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { Runner, makeWorkspace } from '../support/runner.ts';
import { assertRunOutputs, eventPayload, moduleFixture } from '../support/gate.ts';

function pushRunner(fixture: string, eventName = 'push', payload = 'push-branch'): { runner: Runner; ws: string } {
  const ws = makeWorkspace(moduleFixture(fixture));
  return { runner: new Runner({ workspace: ws, eventName, ref: 'refs/heads/main', event: eventPayload(payload) }), ws };
}

test('push to a branch, passing module: pass, check mode, caches read-write', async () => {
  const { runner, ws } = pushRunner('pass');
  const main = await runner.main();
  assert.equal(main.code, 0, main.stdout + main.stderr);
  await assertRunOutputs(main, ws, { verdict: 'pass', mode: 'check', artifacts: ['gate-out/pass_linux_amd64'] });
  assert.match(main.summary, /Mode \*\*check\*\* \(push event on main\), caches \*\*not used\*\* \(read-write, but the cache stage was skipped: no cache store/);
  assert.match(main.summary, /### Artifacts/);
  assert.ok(!main.summary.includes('Release report'));
  assert.equal((await runner.post()).code, 0);
});

test('workflow_dispatch on a branch: a check with caches saved, as documented', async () => {
  const { runner, ws } = pushRunner('pass', 'workflow_dispatch', 'workflow_dispatch');
  const main = await runner.main();
  assert.equal(main.code, 0, main.stdout + main.stderr);
  await assertRunOutputs(main, ws, { verdict: 'pass', mode: 'check' });
  assert.match(main.summary, /Mode \*\*check\*\* \(workflow_dispatch event on main\), caches \*\*not used\*\* \(read-write, but the cache stage was skipped: no cache store/);
  assert.equal((await runner.post()).code, 0);
});

test('push, no main package: fail, the reason names the directory, the SARIF result sits on go.mod', async () => {
  const { runner, ws } = pushRunner('no-main');
  const main = await runner.main();
  assert.equal(main.code, 1, main.stdout + main.stderr);
  const { sarif } = await assertRunOutputs(main, ws, {
    verdict: 'fail',
    mode: 'check',
    reasons: [/^build: no main package in \.: the module root is not package main and cmd\/ has no main package$/],
    artifacts: [],
  });
  const r = sarif.runs[0].results[0];
  assert.equal(r.ruleId, 'build/no-main-package');
  assert.equal(r.locations[0].physicalLocation.artifactLocation.uri, 'go.mod');
  assert.match(main.stdout, /^::error file=go\.mod,line=1::build\/no-main-package: /m);
  assert.equal((await runner.post()).code, 0);
});

test('push, malformed go.mod: fail with the go.mod line in the reason, never a pass because a check crashed', async () => {
  const { runner, ws } = pushRunner('malformed-gomod');
  const main = await runner.main();
  assert.equal(main.code, 1, main.stdout + main.stderr);
  const { sarif, report } = await assertRunOutputs(main, ws, { verdict: 'fail', mode: 'check', reasons: [/go\.mod:5/], artifacts: [] });
  // Whichever stage catches it (a modules check, or build's go list), it is an error located in go.mod.
  const errors = sarif.runs[0].results.filter((r: { level: string }) => r.level === 'error');
  assert.ok(errors.length >= 1);
  assert.ok(errors.every((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri === 'go.mod'));
  assert.ok(report.stages.some((s: { status: string }) => s.status === 'failed' || s.status === 'errored'));
  assert.equal((await runner.post()).code, 0);
});
