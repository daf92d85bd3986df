// A real runner runs the workflow: nektos/act in host mode checks out a fixture repository that
// holds this action (action.yml + dist/ of the working tree, `uses: ./`), runs main and post for
// a push and a pull_request event, and a later step reads the outputs. A module that does not
// compile fails the job. What act does differently from GitHub's runner is in the README.
import { test, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/runner.ts';
import { moduleFixture } from '../support/gate.ts';
import { commitAll } from '../support/git.ts';
import { runAct, type ActRun } from '../support/act.ts';

const WORKFLOW = '.github/workflows/gate.yml';
const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A checkout as a user has it: the action at the root, the Go module in app/, the workflow. */
function fixtureRepo(module: string): string {
  const repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'grg-act-repo-')));
  fs.copyFileSync(path.join(ROOT, 'action.yml'), path.join(repo, 'action.yml'));
  fs.cpSync(path.join(ROOT, 'dist'), path.join(repo, 'dist'), { recursive: true });
  fs.cpSync(moduleFixture(module), path.join(repo, 'app'), { recursive: true });
  fs.mkdirSync(path.join(repo, '.github', 'workflows'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'act', 'gate.yml'), path.join(repo, WORKFLOW));
  commitAll(repo);
  return repo;
}

interface Outcome extends ActRun { results: Record<string, string> }

async function gate(module: string, event: 'push' | 'pull_request', payload: object, cache: string): Promise<Outcome> {
  const repo = fixtureRepo(module);
  const results = `${repo}-results`;
  const cacheServerPath = `${repo}-actcache`;
  made.push(repo, results, cacheServerPath);
  fs.mkdirSync(results);
  const run = await runAct({ repo, event, payload, workflow: WORKFLOW, env: { RESULT_DIR: results, GATE_CACHE: cache }, cacheServerPath });
  const read: Record<string, string> = {};
  for (const f of fs.readdirSync(results)) read[f] = fs.readFileSync(path.join(results, f), 'utf8');
  return { ...run, results: read };
}

/** Main and post of the action (`./`) both ran, with this outcome for main. */
function assertStepsRan(r: ActRun, main: 'Success' | 'Failure') {
  assert.match(r.log, /⭐ Run Main \.\/\n/, r.log);
  assert.match(r.log, new RegExp(`(✅|❌) {2}${main} - Main \\./ \\[`), r.log);
  assert.match(r.log, /⭐ Run Post \.\/\n/, 'the post step ran');
  assert.match(r.log, /✅ {2}Success - Post \.\/ \[/, 'the post step never fails the job');
  assert.match(r.log, /⭐ Run Main read the outputs\n/, 'the later step ran');
}

test('act, push: main and post run, the outputs reach a later step, the job passes, post saves the build cache to act\'s cache server', async () => {
  const r = await gate('pass', 'push', { ref: 'refs/heads/main', repository: { full_name: 'org/app' } }, 'auto');
  assert.equal(r.code, 0, r.log);
  assertStepsRan(r, 'Success');
  assert.match(r.log, /🏁 {2}Job succeeded/);
  assert.equal(r.results.verdict, 'pass');
  assert.equal(r.results.mode, 'check');
  assert.equal(r.results.reasons, '[]');
  assert.deepEqual(JSON.parse(r.results.artifacts).map((a: { path: string }) => a.path), ['gate-out/pass_linux_amd64']);
  // A new RUNNER_TEMP and an empty cache server: nothing to restore on a first run.
  assert.equal(r.results['cache-hit'], 'miss');
  assert.match(r.log, /\| outputs read: verdict=pass mode=check/);
  // act echoes the job summary the step wrote.
  assert.match(r.log, /Mode \*\*check\*\* \(push event on main\)/);
  // The tool's own lines stream inside the stage's group, as the runner shows them.
  assert.match(r.log, /::group::build\n(.*\n)*?.*\[command\]\S*go build /);
  // act's cache server speaks the v1 protocol: @actions/cache falls back to it, and the save works.
  assert.match(r.log, /Saved the build cache \(GOCACHE\) \([^)]+\) as go-release-gate-v1-gobuild-/);
});

test('act, pull_request: a check that passes, outputs read by the later step', async () => {
  const payload = { number: 7, pull_request: { number: 7, head: { ref: 'feature', sha: '0'.repeat(40) }, base: { ref: 'main' } }, repository: { full_name: 'org/app' } };
  const r = await gate('pass', 'pull_request', payload, 'off');
  assert.equal(r.code, 0, r.log);
  assertStepsRan(r, 'Success');
  assert.equal(r.results.verdict, 'pass');
  assert.equal(r.results.mode, 'check');
  assert.equal(r.results['cache-hit'], 'off');
  assert.match(r.log, /Mode \*\*check\*\* \(pull_request event/, 'the gate saw the pull_request event act was given');
});

test('act, a module that does not compile: the job fails, the later step still reads verdict fail and the reason', async () => {
  const r = await gate('compile-error', 'push', { ref: 'refs/heads/main', repository: { full_name: 'org/app' } }, 'off');
  assert.notEqual(r.code, 0, r.log);
  assertStepsRan(r, 'Failure');
  assert.match(r.log, /🏁 {2}Job failed/);
  assert.equal(r.results.verdict, 'fail');
  assert.match(JSON.parse(r.results.reasons)[0], /^build: linux\/amd64 example\.com\/compileerror: .*undefined: missingGreeting/);
  assert.match(r.log, /go-release-gate: fail/);
});
