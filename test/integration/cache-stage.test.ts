// The cache stage and the save step with the real Go toolchain and the CLI's local cache
// directory: fresh directories, -modcacherw, restore and save, and trimming checked against
// what Go itself does with the mtimes of the entries it uses.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { recordingPorts, stageContext } from '../support/context.ts';
import { ageTree, cacheWorkspace, dropTextDependency, GO, offlineGoEnv } from '../support/cache-fixture.ts';
import { cacheStage, CACHE_DIR_NAME } from '../../src/stages/cache.ts';
import { toolchainStage } from '../../src/stages/toolchain.ts';
import { buildStage } from '../../src/stages/build.ts';
import { saveCaches, trimBuildCache } from '../../src/stages/cache-save.ts';
import { localCacheStore } from '../../src/cli/cache-store.ts';
import { parsePlan, PLAN_STATE_KEY, type CachePlan } from '../../src/cache/plan.ts';
import { listGoCache, removeTree } from '../../src/cache/disk.ts';
import { isCacheEntry } from '../../src/cache/trim.ts';
import type { CacheStore } from '../../src/ports/ports.ts';

const HOUR = 60 * 60 * 1000;

function env(extra: Record<string, string> = {}): Record<string, string> {
  const e: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) e[k] = v;
  return { ...e, ...offlineGoEnv(), ...extra };
}

async function gateRun(ws: string, tempDir: string, store: CacheStore | undefined, extraEnv: Record<string, string>, inputs: Record<string, string> = {}, withBuild = true) {
  const { ports, rec } = recordingPorts({ workspace: ws, env: env(extraEnv), tempDir });
  if (store) ports.cache = store;
  // No GitHub event here: cache auto would only restore (issue 10), and these tests save.
  const ctx = stageContext({ 'working-directory': 'app', targets: 'linux/amd64', cache: 'read-write', ...inputs }, ports);
  assert.equal((await toolchainStage.run(ctx)).status, 'passed');
  const cache = await cacheStage.run(ctx);
  const build = withBuild ? await buildStage.run(ctx) : undefined;
  return { ctx, rec, cache, build, plan: parsePlan(rec.state[PLAN_STATE_KEY] ?? '') };
}

test('restores into fresh directories even when old read-only files are there, adds -modcacherw to GOFLAGS, and a second run hits', async (t) => {
  const { ws } = cacheWorkspace();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cache-stage-'));
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cache-local-'));
  t.onTestFinished(() => [ws, tempDir, cacheDir].forEach(removeTree));
  // What a previous job could leave behind: a read-only module tree ("Cannot open: File exists").
  const stale = path.join(tempDir, CACHE_DIR_NAME, 'gomod', 'golang.org', 'x', 'text@v0.21.0');
  fs.mkdirSync(stale, { recursive: true });
  fs.writeFileSync(path.join(stale, 'stale.go'), 'package stale\n');
  fs.chmodSync(stale, 0o555);
  const store = localCacheStore(cacheDir);

  const one = await gateRun(ws, tempDir, store, { GITHUB_RUN_ID: '1' });
  assert.equal(one.cache.status, 'passed');
  assert.equal(one.build?.status, 'passed', JSON.stringify(one.build?.findings));
  assert.ok(one.plan);
  const [mod, build] = one.plan.slots;
  assert.deepEqual([mod.state, build.state], ['miss', 'miss']);
  assert.equal(one.ctx.state.goEnv.GOMODCACHE, mod.dir);
  assert.equal(one.ctx.state.goEnv.GOCACHE, build.dir);
  assert.equal(one.ctx.state.goEnv.GOFLAGS, '-buildvcs=false -modcacherw', 'the flags Go already had stay');
  assert.equal(one.ctx.state.facts['cache-goflags-added'], '-modcacherw', 'later stages can tell the gate\'s flag from the user\'s');
  assert.ok(!fs.existsSync(path.join(stale, 'stale.go')));
  // -modcacherw: the module cache Go filled is writable, so it can be replaced next time.
  const textDir = path.join(mod.dir, 'golang.org', 'x', 'text@v0.21.0');
  assert.ok(fs.statSync(textDir).mode & 0o200);
  assert.equal(one.ctx.state.facts['cache-hit'], 'miss');
  const rows = await saveCaches(one.plan, store, one.ctx.ports.log);
  assert.deepEqual(rows.map((r) => r.result), ['saved', 'saved']);

  const two = await gateRun(ws, tempDir, store, { GITHUB_RUN_ID: '2', GOPROXY: 'off' });
  assert.equal(two.build?.status, 'passed', JSON.stringify(two.build?.findings));
  const [mod2, build2] = two.plan!.slots;
  // Same temp directory, as for a second use of the gate in one job: its own directories.
  assert.deepEqual([path.basename(mod2.dir), path.basename(build2.dir)], ['gomod-2', 'gocache-2']);
  assert.deepEqual([mod2.state, mod2.matchedKey], ['hit', mod.key]);
  assert.deepEqual([build2.state, build2.matchedKey], ['hit', build.key]);
  assert.equal(two.ctx.state.facts['cache-hit'], 'hit');
  assert.deepEqual(two.cache.table?.rows.map((r) => r[1]), ['hit', 'hit']);
  const rows2 = await saveCaches(two.plan!, store, two.ctx.ports.log);
  assert.deepEqual(rows2.map((r) => r.result), ['skipped', 'saved']);
  assert.match(rows2[0].detail, /key hit/);

  // read-only (pull requests): restores, never writes.
  const three = await gateRun(ws, tempDir, store, { GITHUB_RUN_ID: '3' }, { cache: 'read-only' }, false);
  assert.equal(three.plan!.slots[0].state, 'hit');
  const rows3 = await saveCaches(three.plan!, store, three.ctx.ports.log);
  assert.deepEqual(rows3.map((r) => r.result), ['skipped', 'skipped']);
  // The module entry and the newest build entry: run two's save replaced run one's build entry
  // of the same scope (issue 9: the local store keeps the newest per scope; before, 3 were kept).
  assert.equal(fs.readdirSync(path.join(cacheDir, 'entries')).filter((n) => !n.startsWith('.')).length, 2);
});

test('a store that fails on every call: warnings, empty caches, the stage passes and go commands still get their directories', async (t) => {
  const { ws } = cacheWorkspace();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cache-stage-'));
  t.onTestFinished(() => [ws, tempDir].forEach(removeTree));
  const broken: CacheStore = {
    kind: 'broken',
    async restore(paths) {
      // Half an extraction, then the failure.
      fs.writeFileSync(path.join(paths[0], 'half-written'), 'x');
      throw new Error('quota exceeded');
    },
    async save() {
      throw new Error('quota exceeded');
    },
  };
  const r = await gateRun(ws, tempDir, broken, { GITHUB_RUN_ID: '1' }, {}, false);
  assert.equal(r.cache.status, 'passed');
  assert.match(r.cache.reason ?? '', /went on without the cache .*quota exceeded/);
  assert.equal(r.rec.logs.filter((l) => l.startsWith('warning:')).length, 2);
  assert.equal(r.ctx.state.facts['cache-hit'], 'miss');
  assert.deepEqual(r.plan!.slots.map((s) => s.state), ['error', 'error']);
  for (const slot of r.plan!.slots) assert.deepEqual(fs.readdirSync(slot.dir), [], `${slot.kind}: nothing half-written is left`);
  assert.equal(r.ctx.state.goEnv.GOMODCACHE, r.plan!.slots[0].dir);
  // Go fills the empty directories itself (here, without a build, by hand).
  fs.mkdirSync(path.join(r.plan!.slots[0].dir, 'cache', 'download'), { recursive: true });
  fs.writeFileSync(path.join(r.plan!.slots[1].dir, 'README'), 'written by go\n');
  fs.mkdirSync(path.join(r.plan!.slots[1].dir, 'ab'));
  fs.writeFileSync(path.join(r.plan!.slots[1].dir, 'ab', 'ab01-d'), 'output');
  const rows = await saveCaches(r.plan!, broken, r.ctx.ports.log);
  assert.deepEqual(rows.map((x) => x.result), ['failed', 'failed']);
  assert.ok(r.rec.logs.some((l) => /warning: Could not save the module cache .*quota exceeded/.test(l)));
});

function go(args: string[], cwd: string, gocache: string): void {
  execFileSync(GO, args, { cwd, env: { ...env(), GOCACHE: gocache, GOMODCACHE: path.join(path.dirname(gocache), 'mod'), GOFLAGS: '-modcacherw' }, stdio: 'pipe' });
}

test('trimming against real Go: what the build used is kept (a rebuild adds nothing), what it did not use goes, and the size cap drops the oldest', async (t) => {
  const { ws, app } = cacheWorkspace();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-trim-'));
  t.onTestFinished(() => [ws, tmp].forEach(removeTree));
  const gocache = path.join(tmp, 'gocache');
  const build = () => go(['build', '-trimpath', '-o', path.join(tmp, 'app.bin'), '.'], app, gocache);
  build();
  // That build was three hours ago; this job starts now and no longer uses golang.org/x/text.
  ageTree(gocache, 3 * HOUR);
  const plan: CachePlan = { version: 1, mode: 'read-write', store: 'test', startedAtMs: Date.now(), maxBytes: 1024 ** 4, slots: [] };
  dropTextDependency(app);
  build();
  const before = listGoCache(gocache).filter((f) => isCacheEntry(f.path));
  const trim = trimBuildCache(plan, gocache);
  assert.ok(trim.unused.length > 0, 'x/text\'s compiled packages were not used');
  assert.ok(trim.touchedThisRun > 0);
  assert.ok(trim.sizeAfter < trim.sizeBefore);
  assert.ok(!fs.existsSync(path.join(gocache, 'trim.txt')));
  const kept = new Set(listGoCache(gocache).filter((f) => isCacheEntry(f.path)).map((f) => f.path));
  assert.equal(kept.size, before.length - trim.unused.length);

  // Everything this build needs is still there: building again writes no new entry.
  build();
  const after = listGoCache(gocache).filter((f) => isCacheEntry(f.path)).map((f) => f.path);
  assert.deepEqual(after.filter((p) => !kept.has(p)), []);

  // The cap: oldest first, down to the limit.
  const entries = listGoCache(gocache).filter((f) => isCacheEntry(f.path));
  const total = entries.reduce((n, f) => n + f.size, 0);
  const capped = trimBuildCache({ ...plan, maxBytes: Math.floor(total / 2) }, gocache);
  assert.ok(capped.overLimit.length > 0);
  assert.ok(capped.sizeAfter <= Math.floor(total / 2));
  const newestDropped = Math.max(...capped.overLimit.map((f) => f.mtimeMs));
  const oldestKept = Math.min(...listGoCache(gocache).filter((f) => isCacheEntry(f.path)).map((f) => f.mtimeMs));
  assert.ok(newestDropped <= oldestKept, 'nothing kept is older than what was dropped');
});

test('release mode restores the module cache only: the build cache starts empty however warm the store is', async (t) => {
  const { ws } = cacheWorkspace();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cache-release-'));
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cache-local-'));
  t.onTestFinished(() => [ws, tempDir, cacheDir].forEach(removeTree));
  const store = localCacheStore(cacheDir);
  const warm = await gateRun(ws, tempDir, store, { GITHUB_RUN_ID: '1' });
  // A planted build-cache entry (what a poisoned cache would hold): saved with the rest.
  const planted = path.join('ff', `ff${'0'.repeat(62)}-d`);
  fs.mkdirSync(path.join(warm.plan!.slots[1].dir, 'ff'), { recursive: true });
  fs.writeFileSync(path.join(warm.plan!.slots[1].dir, planted), 'not what the compiler wrote');
  assert.deepEqual((await saveCaches(warm.plan!, store, warm.ctx.ports.log)).map((r) => r.result), ['saved', 'saved']);
  const check = await gateRun(ws, tempDir, store, { GITHUB_RUN_ID: '2' }, {}, false);
  assert.ok(fs.existsSync(path.join(check.plan!.slots[1].dir, planted)), 'a check run restores it');

  const rel = await gateRun(ws, tempDir, store, { GITHUB_RUN_ID: '3', GOPROXY: 'off' }, { mode: 'release' });
  assert.equal(rel.build?.status, 'passed', JSON.stringify(rel.build?.findings));
  const [mod, build] = rel.plan!.slots;
  assert.equal(mod.state, 'hit', 'the module cache is restored (go mod verify checks it)');
  assert.equal(build.matchedKey, undefined);
  assert.match(build.notRestored ?? '', /release builds never use a restored build cache/);
  assert.equal(rel.ctx.state.facts['cache-build'], 'not restored');
  assert.deepEqual(rel.cache.table?.rows.map((r) => r[1]), ['hit', 'not restored: release builds never use a restored build cache (it cannot be verified)']);
  // Go compiled everything itself: the planted entry is not there, Go's own are.
  assert.ok(!fs.existsSync(path.join(build.dir, planted)), 'a release never sees a restored build cache');
  assert.ok(listGoCache(build.dir).filter((f) => isCacheEntry(f.path)).length > 0);
  // The table says when the local store saves: there is no post step in the CLI.
  assert.match(rel.cache.table?.rows[1][5] ?? '', /^end of the run, after trimming$/);
});
