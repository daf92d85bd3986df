// The CLI has no post step: with --cache-dir it restores from and saves to a local directory
// in the same run, with the same keys and matching as the Action; without it, the user's own
// Go caches are used untouched.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';
import { cacheWorkspace, editGreeting, offlineGoEnv } from '../support/cache-fixture.ts';
import { removeTree, treeSize } from '../../src/cache/disk.ts';

function outputsOf(outDir: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(outDir, 'outputs.json'), 'utf8')) as Record<string, string>;
}

function storedKeys(cacheDir: string): string[] {
  const entries = path.join(cacheDir, 'entries');
  return fs.readdirSync(entries).filter((n) => !n.startsWith('.')).map((n) => (JSON.parse(fs.readFileSync(path.join(entries, n, 'meta.json'), 'utf8')) as { key: string }).key).sort();
}

test('--cache-dir: the first run misses and saves, the second restores the module cache exactly (no proxy needed) and leaves no temp copies', async (t) => {
  const { ws } = cacheWorkspace();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cli-tmp-'));
  const cacheDir = path.join(tmp, 'cache');
  t.onTestFinished(() => {
    removeTree(ws);
    removeTree(tmp);
  });
  const env = { ...offlineGoEnv(), TMPDIR: tmp };
  // Without a GitHub event nothing says the code is trusted: cache auto only restores (issue 10).
  // --workspace .: the workspace is the directory above the module, as a checkout with the module in app/.
  const args = (out: string) => ['run', '--workspace', '.', '--dir', 'app', '--targets', 'linux/amd64', '--cache-dir', cacheDir, '--cache', 'read-write', '--out', out];

  const one = await runCli(args('out1'), { cwd: ws, env });
  assert.equal(one.code, 0, one.stdout + one.stderr);
  assert.equal(outputsOf(path.join(ws, 'out1'))['cache-hit'], 'miss');
  const afterOne = storedKeys(cacheDir);
  assert.equal(afterOne.length, 2);
  assert.match(afterOne.join(' '), /go-release-gate-v1-gobuild-/);
  assert.match(afterOne.join(' '), /go-release-gate-v1-gomod-/);
  assert.match(fs.readFileSync(path.join(ws, 'out1', 'summary.md'), 'utf8'), /### cache save/);

  const two = await runCli(args('out2'), { cwd: ws, env: { ...env, GOPROXY: 'off' } });
  assert.equal(two.code, 0, two.stdout + two.stderr);
  assert.equal(outputsOf(path.join(ws, 'out2'))['cache-hit'], 'hit');
  assert.match(two.stderr, /module cache \(GOMODCACHE\): hit/);
  assert.match(two.stderr, /build cache \(GOCACHE\): hit/);
  // The module key was not saved again; a new build entry was, and it replaced the older one of
  // its scope (issue 9: --cache-dir stays bounded; before, both were kept).
  const afterTwo = storedKeys(cacheDir);
  assert.equal(afterTwo.length, 2);
  const modKey = afterOne.find((k) => k.includes('-gomod-'))!;
  assert.ok(afterTwo.includes(modKey));
  assert.ok(afterTwo.some((k) => k.includes('-gobuild-') && !afterOne.includes(k)), 'a new build entry');
  // The CLI has no post step, and its cache table says so.
  const summary2 = fs.readFileSync(path.join(ws, 'out2', 'summary.md'), 'utf8');
  assert.doesNotMatch(summary2, /post step/);
  assert.match(summary2, /end of the run, after trimming/);
  // The restored copies under the CLI's temp directory are gone once saved.
  const leftovers = fs.readdirSync(tmp).filter((n) => n.startsWith('go-release-gate-')).flatMap((n) => (fs.existsSync(path.join(tmp, n, 'go-release-gate-cache')) ? fs.readdirSync(path.join(tmp, n, 'go-release-gate-cache')) : []));
  assert.deepEqual(leftovers, []);
});

test('without --cache-dir the gate uses the caller\'s own GOMODCACHE and reports the cache as off', async (t) => {
  const { ws } = cacheWorkspace();
  const own = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-own-modcache-'));
  t.onTestFinished(() => {
    removeTree(ws);
    removeTree(own);
  });
  const r = await runCli(['run', '--workspace', '.', '--dir', 'app', '--targets', 'linux/amd64', '--out', 'out'], { cwd: ws, env: { ...offlineGoEnv(), GOMODCACHE: own } });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(outputsOf(path.join(ws, 'out'))['cache-hit'], 'off');
  assert.ok(fs.existsSync(path.join(own, 'golang.org', 'x', 'text@v0.21.0')), 'modules went into the caller\'s GOMODCACHE');
  assert.doesNotMatch(fs.readFileSync(path.join(ws, 'out', 'summary.md'), 'utf8'), /### cache save/);
});

test('--cache-dir stays bounded: after several real runs with changing sources only the newest build cache is kept', async (t) => {
  const { ws, app } = cacheWorkspace();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cli-bounded-'));
  const cacheDir = path.join(tmp, 'cache');
  t.onTestFinished(() => {
    removeTree(ws);
    removeTree(tmp);
  });
  const env = { ...offlineGoEnv(), TMPDIR: tmp };
  const buildKeysIn = () => storedKeys(cacheDir).filter((k) => k.includes('-gobuild-'));
  const sizes: number[] = [];
  let previous: string[] = [];
  for (let run = 1; run <= 4; run++) {
    editGreeting(app, `hello, run ${run}`);
    const r = await runCli(['run', '--workspace', '.', '--dir', 'app', '--targets', 'linux/amd64', '--cache-dir', cacheDir, '--cache', 'read-write', '--out', `out${run}`], { cwd: ws, env });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const build = buildKeysIn();
    assert.equal(build.length, 1, `run ${run}: one build cache entry, have ${build.join(', ')}`);
    assert.notDeepEqual(build, previous, `run ${run} saved a new build cache entry`);
    if (run > 1) assert.match(r.stderr, /local directory: dropped 1 older build cache \(GOCACHE\) entry \([\d.]+ [KMG]iB\): only the newest per scope is kept/);
    previous = build;
    assert.equal(storedKeys(cacheDir).filter((k) => k.includes('-gomod-')).length, 1, 'go.sum did not change: one module entry');
    sizes.push(treeSize(cacheDir));
  }
  // Without pruning each run adds a whole build cache; with it the directory stays near its first size.
  assert.ok(sizes[3] < sizes[0] * 1.5, `cache dir sizes per run: ${sizes.join(', ')}`);
});
