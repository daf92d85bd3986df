// Text a pull request controls (a .trivyignore statement, an advisory title from the DB, a
// file name the compiler quotes, a cache key the cache service returns) carries
// "\n::error title=Gate passed::...\n::add-mask::fail\n::stop-commands::...": the real bundle,
// started as the runner starts it for a pull_request, prints it as text. Each test reads the raw
// stdout/stderr the way the runner does (test/support/workflow-commands.ts), checks the planted
// text did reach the log (so the test can fail), that no line of it is obeyed, and the verdict.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Runner, makeWorkspace } from '../support/runner.ts';
import { eventPayload, moduleFixture } from '../support/gate.ts';
import { go, goTestEnv, tempDir, writeFiles } from '../support/gomodules.ts';
import { fixtureTrivyCache, trivyBin, VULN_MAIN, vulnGoMod } from '../support/trivy.ts';
import { hostilePayload, injectedCommands, runnerCommands } from '../support/workflow-commands.ts';
import { runCli } from '../support/cli.ts';
import { startRepo } from '../support/cache-runs.ts';
import { COMMAND_BREAK } from '../../src/util/logtext.ts';

const PR = { eventName: 'pull_request', ref: 'refs/pull/42/merge', event: eventPayload('pull_request') };

/** The go settings the fixtures were prepared with: the gate's go finds the same module cache. */
function goEnv(): Record<string, string> {
  const e = goTestEnv();
  return { GOMODCACHE: e.GOMODCACHE, GOTOOLCHAIN: e.GOTOOLCHAIN, GOFLAGS: e.GOFLAGS };
}

function assertNothingInjected(output: string): void {
  assert.deepEqual(injectedCommands(output).map((c) => c.line), [], 'no line of the planted text is a command the runner obeys');
}

/** The failing step's own message is still a live error command (stop-commands did not swallow it). */
function assertFailedStep(stdout: string): void {
  const last = runnerCommands(stdout).filter((c) => c.name === 'error').at(-1);
  assert.ok(last && last.data.startsWith('go-release-gate: fail'), `the step's failure is announced last: ${last?.line}`);
}

test('pull_request: a .trivyignore.yaml statement and an advisory title full of workflow commands stay text; the advisory still fails the gate', async (t) => {
  // x/text v0.3.4: CVE-2020-28852 (its title rewritten in the fixture DB), CVE-2021-38561
  // (ignored, with the hostile statement) and CVE-2022-32149 (HIGH: fails the gate).
  const ws = tempDir(t, 'grg-hostile-scan-');
  const statement = `accepted: we never parse tags${hostilePayload('statement')}`;
  writeFiles(ws, {
    'go.mod': vulnGoMod('v0.3.4'),
    'main.go': VULN_MAIN,
    '.trivyignore.yaml': `vulnerabilities:\n  - id: CVE-2021-38561\n    statement: ${JSON.stringify(statement)}\n    expired_at: 2099-12-31\n`,
  });
  go(['mod', 'tidy'], ws);
  const runner = new Runner({
    workspace: ws, ...PR,
    inputs: { targets: 'linux/amd64', scan: 'on', 'trivy-path': trivyBin(), 'trivy-cache-dir': fixtureTrivyCache(t), 'trivy-skip-db-update': 'true', cache: 'off' },
    env: goEnv(),
  });
  const main = await runner.main();
  assert.equal(main.code, 1, main.stdout + main.stderr);
  assert.equal(main.outputs.verdict, 'fail');
  const reasons = JSON.parse(main.outputs.reasons) as string[];
  assert.ok(reasons.some((r) => r.includes('CVE-2022-32149')), reasons.join('\n'));
  assert.ok(reasons.some((r) => r.includes('CVE-2020-28852')), reasons.join('\n'));

  // The statement reached the log as plain lines (Trivy handed it back with real newlines) ...
  assert.match(main.stdout, new RegExp(`^:${COMMAND_BREAK}:stop-commands::pwnd-statement$`, 'm'));
  assert.match(main.stdout, new RegExp(`^:${COMMAND_BREAK}:add-mask::fail$`, 'm'));
  assert.match(main.stdout, new RegExp(`#${COMMAND_BREAK}#\\[add-mask\\]v1-statement`));
  // ... the title inside annotations, escaped onto their one line by @actions/core.
  assert.ok(runnerCommands(main.stdout).some((c) => c.name === 'error' && c.data.includes('::stop-commands::pwnd-title')), 'the hostile title is in an annotation');
  assertNothingInjected(main.stdout + main.stderr);
  assertFailedStep(main.stdout);
});

test('pull_request: a compiler error quoting a file name that holds workflow commands stays text, Action and CLI alike', async (t) => {
  const ws = makeWorkspace(moduleFixture('pass'));
  t.onTestFinished(() => fs.rmSync(ws, { recursive: true, force: true }));
  // The go command prints the file name raw, newlines included, at the start of its diagnostic;
  // the gate quotes its last line ("##[add-mask]v1-file.go") in the finding and the reasons.
  const name = `broken${hostilePayload('file')}.go`;
  fs.writeFileSync(path.join(ws, name), 'package main\n\nfunc broken() { missingHostile() }\n');
  const runner = new Runner({ workspace: ws, ...PR, inputs: { targets: 'linux/amd64', scan: 'off', cache: 'off' }, env: goEnv() });
  const main = await runner.main();
  assert.equal(main.code, 1, main.stdout + main.stderr);
  assert.equal(main.outputs.verdict, 'fail');
  const reasons = JSON.parse(main.outputs.reasons) as string[];
  assert.ok(reasons.some((r) => r.startsWith('build: ') && r.includes('missingHostile')), reasons.join('\n'));
  assert.ok(main.stdout.includes('v1-file.go:3: undefined: missingHostile'), 'the file name reached the log');
  assertNothingInjected(main.stdout + main.stderr);
  assertFailedStep(main.stdout);

  // The CLI, as a CI step would run it: its log (stderr) and verdict (stdout) are read the same way.
  const cli = await runCli(['run', '--targets', 'linux/amd64', '--scan', 'off', '--out', 'cli-out'], { cwd: ws, env: goEnv() });
  assert.equal(cli.code, 1, cli.stdout + cli.stderr);
  assert.match(cli.stdout, /^verdict: fail$/m);
  assert.match(cli.stdout, new RegExp(`^  - build: .*#${COMMAND_BREAK}#\\[add-mask\\]v1-file\\.go:3: undefined: missingHostile$`, 'm'));
  assertNothingInjected(cli.stdout + cli.stderr);
});

test('pull_request: a cache key the cache service returns with workflow commands in it stays text', async (t) => {
  const repo = await startRepo();
  t.onTestFinished(() => repo.close());
  // A push saves the caches; then the stored module-cache key is replaced by one that starts
  // with it and goes on with the payload (keys may hold anything but commas), as an entry
  // someone else saved under a longer key would be.
  const push = await repo.job({ runId: '2001' });
  assert.equal(push.main.code, 0, push.main.stdout + push.main.stderr);
  const entry = repo.server.entries()[0];
  assert.ok(entry, 'the push saved a cache entry');
  entry.key = `${entry.key}${hostilePayload('key')}`;

  const pr = await repo.job({ runId: '2002', ...PR });
  assert.equal(pr.main.code, 0, pr.main.stdout + pr.main.stderr);
  assert.equal(pr.main.outputs.verdict, 'pass');
  assert.ok(pr.main.stdout.includes('pwnd-key'), 'the matched key reached the log');
  assertNothingInjected(pr.main.stdout + pr.main.stderr + pr.post.stdout + pr.post.stderr);
});
