// pull_request, as the runner runs us: dist/main.js then dist/post.js, GITHUB_EVENT_NAME and a
// real-shaped payload at GITHUB_EVENT_PATH. A pull request checks (no release report) with
// read-only caches.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { Runner, makeWorkspace } from '../support/runner.ts';
import { assertRunOutputs, eventPayload, moduleFixture } from '../support/gate.ts';

function pullRequestRunner(fixture: string, payload: string, inputs: Record<string, string> = {}): { runner: Runner; ws: string } {
  const ws = makeWorkspace(moduleFixture(fixture));
  const runner = new Runner({ workspace: ws, eventName: 'pull_request', ref: 'refs/pull/42/merge', event: eventPayload(payload), inputs });
  return { runner, ws };
}

test('pull_request from a fork, passing module: pass, check mode, caches read-only, no release report, valid SARIF with no results', async () => {
  const { runner, ws } = pullRequestRunner('pass', 'pull_request-fork');
  const main = await runner.main();
  assert.equal(main.code, 0, main.stdout + main.stderr);
  const { sarif } = await assertRunOutputs(main, ws, { verdict: 'pass', mode: 'check', artifacts: ['gate-out/pass_linux_amd64'] });
  assert.match(main.summary, /Mode \*\*check\*\* \(pull_request event from a fork\), caches \*\*not used\*\* \(read-only, but the cache stage was skipped: no cache store/);
  assert.ok(!main.summary.includes('Release report'));
  assert.equal(sarif.runs.length, 1);
  assert.equal(sarif.runs[0].automationDetails.id, 'go-release-gate/checks/');
  assert.deepEqual(sarif.runs[0].results, []);
  assert.equal(sarif.runs[0].versionControlProvenance[0].revisionId, runner.baseEnv.GITHUB_SHA);
  assert.ok(!/::error/.test(main.stdout), 'no error annotations on a pass');
  const post = await runner.post();
  assert.equal(post.code, 0, post.stdout + post.stderr);
});

test('pull_request with a compile error: step fails, reason and annotation at main.go:7, SARIF result on that line', async () => {
  const { runner, ws } = pullRequestRunner('compile-error', 'pull_request');
  const main = await runner.main();
  assert.equal(main.code, 1, main.stdout + main.stderr);
  const { sarif, report } = await assertRunOutputs(main, ws, {
    verdict: 'fail',
    mode: 'check',
    reasons: [/^build: linux\/amd64 example\.com\/compileerror: main\.go:7: undefined: missingGreeting$/],
    artifacts: [],
  });
  assert.match(main.summary, /Mode \*\*check\*\* \(pull_request event\)/);
  assert.match(main.summary, /^- build: linux\/amd64 example\.com\/compileerror: main\.go:7: undefined: missingGreeting$/m);
  assert.match(main.summary, /### ❌ build: failed/);
  assert.match(main.summary, /<details><summary>build output<\/summary>\n\n<pre>\n[^]*\.\/main\.go:7:14: undefined: missingGreeting/);
  // The annotation sits on the line, and the failed step's own message follows.
  assert.match(main.stdout, /^::error file=main\.go,line=7,col=14::build\/compile-failed: linux\/amd64 example\.com\/compileerror: main\.go:7: undefined: missingGreeting$/m);
  assert.match(main.stdout, /^::error::go-release-gate: fail/m);
  const results = sarif.runs[0].results;
  assert.equal(results.length, 1);
  assert.equal(results[0].ruleId, 'build/compile-failed');
  assert.equal(results[0].level, 'error');
  assert.deepEqual(results[0].locations[0].physicalLocation, { artifactLocation: { uri: 'main.go', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 14 } });
  assert.equal(report.findings[0].fingerprint, results[0].partialFingerprints.primaryLocationLineHash.split(':')[0]);
  const post = await runner.post();
  assert.equal(post.code, 0, post.stdout + post.stderr);
});
