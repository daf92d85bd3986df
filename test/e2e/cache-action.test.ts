// The Go caches through dist/main.js + dist/post.js as the runner starts them, with
// @actions/cache unchanged against the loopback cache service. The gate's go commands get
// modules from a file:// proxy (test/support/cache-fixture.ts); once the module cache is
// supposed to be restored, GOPROXY=off proves it was.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/runner.ts';
import { emptyRunnerTemp, goCacheArchive, moveJobBack, planOf, startRepo } from '../support/cache-runs.ts';
import { bumpDependency, dropTextDependency, editGreeting } from '../support/cache-fixture.ts';

const OFFLINE = { GOPROXY: 'off' };

function created(server: { requests: { op: string; key?: string }[] }): string[] {
  return server.requests.filter((r) => r.op === 'CreateCacheEntry').map((r) => r.key ?? '');
}

/** Warnings and errors about caches (other stages may warn about the fixture for their own reasons). */
function cacheAnnotations(step: { stdout: string }): string[] {
  return step.stdout.split('\n').filter((l) => /^::(warning|error)/.test(l) && /cache|Failed to (save|restore)/i.test(l));
}

/** The cache stage's table rows in the job summary: cache label -> cells. */
function cacheRows(summary: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of summary.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells[0]?.startsWith('module cache') || cells[0]?.startsWith('build cache')) rows.set(cells[0].startsWith('module') ? 'modules' : 'build', cells);
  }
  return rows;
}

test('first job misses and saves both caches; the next hits exactly; a go.sum change misses the module key and restores the build cache by prefix', async (t) => {
  const repo = await startRepo();
  t.onTestFinished(() => repo.close());

  // Job 1: nothing cached yet.
  const one = await repo.job({ runId: '1001' });
  assert.equal(one.main.code, 0, one.main.stdout + one.main.stderr);
  assert.equal(one.main.outputs.verdict, 'pass');
  assert.equal(one.main.outputs['cache-hit'], 'miss');
  const plan1 = planOf(one.runner);
  const [mod1, build1] = plan1.slots;
  assert.deepEqual([mod1.state, build1.state], ['miss', 'miss']);
  // Restored into fresh directories under RUNNER_TEMP.
  assert.ok(mod1.dir.startsWith(path.join(repo.home, 'temp')), mod1.dir);
  assert.equal(one.post.code, 0, one.post.stdout + one.post.stderr);
  assert.deepEqual(created(repo.server), [mod1.key, build1.key]);
  assert.deepEqual(repo.server.entries().map((e) => e.key), [mod1.key, build1.key]);
  assert.match(mod1.key, /^go-release-gate-v1-gomod-Linux-X64-go[\d.]+-[0-9a-f]{12}-[0-9a-f]{20}$/);
  assert.match(build1.key, /-r1001\.1$/);
  assert.match(one.post.summary, /### cache save/);
  assert.deepEqual(cacheAnnotations(one.main), []);
  assert.deepEqual(cacheAnnotations(one.post), []);
  // trim.txt is never saved: restoring it would stop Go's own trimming for good.
  assert.ok(!goCacheArchive(repo.server, build1.key).names.includes('trim.txt'));

  // Job 2, same commit: the module key hits exactly, so no module download is possible or needed.
  const two = await repo.job({ runId: '1002', env: OFFLINE });
  assert.equal(two.main.code, 0, two.main.stdout + two.main.stderr);
  assert.equal(two.main.outputs['cache-hit'], 'hit');
  // The gate's own -modcacherw is not reported as the user's weak setting.
  const report2 = JSON.parse(fs.readFileSync(two.main.outputs['report-file'], 'utf8'));
  assert.deepEqual(report2.findings.filter((f: { ruleId: string }) => f.ruleId === 'modules/weak-verification'), []);
  const [mod2, build2] = planOf(two.runner).slots;
  assert.equal(mod2.matchedKey, mod1.key);
  assert.equal(mod2.key, mod1.key);
  assert.equal(build2.state, 'hit');
  assert.equal(build2.matchedKey, build1.key);
  const rows = cacheRows(two.main.summary);
  assert.equal(rows.get('modules')?.[1], 'hit');
  assert.equal(rows.get('modules')?.[2], mod1.key);
  assert.match(rows.get('modules')?.[3] ?? '', /MiB/);
  // Post: the module key is immutable and already holds these modules; the build cache is saved fresh.
  assert.equal(two.post.code, 0);
  assert.deepEqual(created(repo.server), [mod1.key, build1.key, build2.key]);
  assert.match(build2.key, /-r1002\.1$/);

  // Job 3: a dependency bump changes go.sum.
  bumpDependency(repo.app);
  const three = await repo.job({ runId: '1003' });
  assert.equal(three.main.code, 0, three.main.stdout + three.main.stderr);
  assert.equal(three.main.outputs.verdict, 'pass');
  assert.equal(three.main.outputs['cache-hit'], 'partial');
  const [mod3, build3] = planOf(three.runner).slots;
  assert.notEqual(mod3.key, mod1.key, 'a go.sum change makes a new module key');
  assert.equal(mod3.matchedKey, mod1.key, 'the older module cache is restored through a restore key');
  assert.equal(build3.state, 'partial');
  assert.equal(build3.matchedKey, build2.key, 'the newest build cache of the same inputs, by prefix');
  // Not under the first restore key (same inputs and go.sum) but under the second (same inputs).
  assert.ok(!build2.key.startsWith(build3.restoreKeys[0]) && build2.key.startsWith(build3.restoreKeys[1]), build3.restoreKeys.join(' '));
  assert.equal(three.post.code, 0);
  assert.deepEqual(created(repo.server).slice(3), [mod3.key, build3.key]);
});

test('a pull_request job restores but saves nothing', async (t) => {
  const repo = await startRepo();
  t.onTestFinished(() => repo.close());
  const push = await repo.job({ runId: '2001' });
  assert.equal(push.main.outputs.verdict, 'pass');
  const before = repo.server.entries().map((e) => e.key);
  assert.equal(before.length, 2);
  const requestsBefore = repo.server.requests.length;

  editGreeting(repo.app, 'hello from a fork');
  bumpDependency(repo.app);
  const event = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'events', 'pull_request.json'), 'utf8'));
  const pr = await repo.job({ runId: '2002', eventName: 'pull_request', ref: 'refs/pull/42/merge', event });
  assert.equal(pr.main.code, 0, pr.main.stdout + pr.main.stderr);
  assert.equal(pr.main.outputs.verdict, 'pass');
  assert.equal(pr.main.outputs['cache-hit'], 'partial');
  assert.equal(planOf(pr.runner).mode, 'read-only');
  assert.match(cacheRows(pr.main.summary).get('build')?.[5] ?? '', /^no: read-only/);
  assert.equal(pr.post.code, 0);
  const after = repo.server.requests.slice(requestsBefore);
  assert.deepEqual(after.map((r) => r.op).filter((op) => op !== 'GetCacheEntryDownloadURL' && op !== 'download'), [], 'no write of any kind');
  assert.deepEqual(repo.server.entries().map((e) => e.key), before);
  assert.match(pr.post.summary, /\| skipped \|/);
});

test('trimming: build-cache entries a job did not use are not saved again', async (t) => {
  const repo = await startRepo();
  t.onTestFinished(() => repo.close());
  // Job 1 ran three hours before job 2.
  emptyRunnerTemp(repo.home);
  const r1 = repo.runner({ runId: '3001' });
  const main1 = await r1.main();
  assert.equal(main1.outputs.verdict, 'pass', main1.stdout);
  moveJobBack(r1, 3 * 60 * 60 * 1000);
  const post1 = await r1.post();
  assert.equal(post1.code, 0);
  const build1 = planOf(r1).slots[1];
  const saved1 = goCacheArchive(repo.server, build1.key);
  assert.ok(saved1.bytes > 0);

  // Job 2: a commit that no longer uses golang.org/x/text, and changes a package.
  dropTextDependency(repo.app);
  editGreeting(repo.app, 'hello, trimmed cache');
  const two = await repo.job({ runId: '3002' });
  assert.equal(two.main.outputs.verdict, 'pass', two.main.stdout);
  const build2 = planOf(two.runner).slots[1];
  assert.equal(build2.matchedKey, build1.key);
  const saved2 = goCacheArchive(repo.server, build2.key);
  const fresh = saved2.names.filter((n) => !saved1.names.includes(n));
  const kept = saved2.names.filter((n) => saved1.names.includes(n));
  const dropped = saved1.names.filter((n) => !saved2.names.includes(n));
  // New entries for the changed packages came in, x/text's compiled packages went out.
  assert.ok(fresh.length > 0, 'the changed packages were compiled and saved');
  assert.ok(kept.length > 0, 'entries the job used (the standard library) were kept');
  assert.ok(dropped.length > 0, 'unused entries were dropped');
  assert.ok(saved2.bytes < saved1.bytes, `saved ${saved2.bytes} B after ${saved1.bytes} B: without trimming it could only grow`);
  assert.ok(!saved2.names.includes('trim.txt'));
  // The trim line names the cache it trimmed (issue 9 changed it from "GOCACHE: dropped ... trim.txt").
  const line = two.post.stdout.split('\n').find((l) => l.startsWith('build cache (GOCACHE): trimmed'));
  assert.match(line ?? '', /^build cache \(GOCACHE\): trimmed from [\d.]+ [KMG]?i?B to [\d.]+ [KMG]?i?B: dropped [1-9]\d* entries not used this run/);
  assert.doesNotMatch(line ?? '', /trim\.txt/);
  assert.deepEqual(cacheAnnotations(two.post), []);
});

test('a cache service that hands keys back in lower case (as act\'s does): an exact hit, not partial, and not saved again', async (t) => {
  const repo = await startRepo({ lowercaseKeys: true });
  t.onTestFinished(() => repo.close());
  const one = await repo.job({ runId: '4001' });
  assert.equal(one.main.outputs.verdict, 'pass', one.main.stdout);
  assert.equal(one.post.code, 0);
  const [mod1] = planOf(one.runner).slots;
  assert.match(mod1.key, /-Linux-X64-/, 'our keys carry upper case');
  assert.ok(repo.server.entry(mod1.key), 'saved (in lower case)');
  const createdBefore = created(repo.server).length;

  const two = await repo.job({ runId: '4002', env: OFFLINE });
  assert.equal(two.main.code, 0, two.main.stdout + two.main.stderr);
  const [mod2, build2] = planOf(two.runner).slots;
  assert.equal(mod2.matchedKey, mod1.key.toLowerCase(), 'the service answered with the lower-case key');
  assert.equal(mod2.state, 'hit');
  assert.equal(two.main.outputs['cache-hit'], 'hit');
  assert.equal(build2.state, 'hit');
  const rows = cacheRows(two.main.summary);
  assert.equal(rows.get('modules')?.[1], 'hit');
  assert.match(rows.get('modules')?.[5] ?? '', /^no: exact key hit/);
  assert.equal(two.post.code, 0);
  // Only the new per-run build key was created: the module entry was not saved again.
  assert.deepEqual(created(repo.server).slice(createdBefore), [build2.key.toLowerCase()]);
  assert.deepEqual(cacheAnnotations(two.post), []);
});
