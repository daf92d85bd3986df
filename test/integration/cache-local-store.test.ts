// The CLI's --cache-dir store: real tar archives, the cache service's matching and immutability,
// and eviction so the directory does not grow without bound.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localCacheStore } from '../../src/cli/cache-store.ts';

function tmp(t: { onTestFinished(fn: () => unknown): void }): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-local-store-'));
  t.onTestFinished(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

function fill(dir: string, files: Record<string, string>): void {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

test('save and restore by key, prefix and restore key; the first save of a key wins; mtimes survive', async (t) => {
  const root = tmp(t);
  let clock = 1_000;
  const store = localCacheStore(path.join(root, 'store'), { now: () => clock });
  const dir = path.join(root, 'gocache');
  fill(dir, { 'aa/aa01-d': 'one', README: 'r' });
  const old = new Date('2026-01-01T00:00:00Z');
  fs.utimesSync(path.join(dir, 'aa', 'aa01-d'), old, old);
  await store.save([dir], 'build-x-r1');
  clock += 10;
  fill(dir, { 'aa/aa02-d': 'two' });
  await store.save([dir], 'build-x-r2');
  clock += 10;
  fill(dir, { 'bb/bb01-d': 'other' });
  await store.save([dir], 'build-y-r1');
  fill(dir, { 'zz/changed': 'after the first save' });
  await store.save([dir], 'build-y-r1');

  const restoreInto = async (key: string, restoreKeys: string[]) => {
    fs.rmSync(dir, { recursive: true, force: true });
    const r = await store.restore([dir], key, restoreKeys);
    return { key: r.matchedKey, files: fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).sort() : [] };
  };
  assert.deepEqual(await restoreInto('build-x-r1', []), { key: 'build-x-r1', files: ['README', 'aa', 'aa/aa01-d'] });
  assert.equal(fs.statSync(path.join(dir, 'aa', 'aa01-d')).mtimeMs, old.getTime(), 'Go\'s mtimes are what trimming reads next time');
  assert.equal((await restoreInto('build-x-', [])).key, 'build-x-r2', 'newest with the prefix');
  assert.equal((await restoreInto('build-z-r1', ['build-y-', 'build-'])).key, 'build-y-r1');
  assert.deepEqual((await restoreInto('build-y-r1', [])).files, ['bb', 'bb/bb01-d'], 'keys are immutable: the second save of build-y-r1 changed nothing');
  assert.equal((await restoreInto('nothing', ['nope-'])).key, undefined);
  // A directory count mismatch is another entry, as the service's version is.
  assert.equal((await store.restore([dir, path.join(root, 'second')], 'build-x-r1', [])).matchedKey, undefined);
});

test('a damaged archive fails the restore loudly', async (t) => {
  const root = tmp(t);
  const store = localCacheStore(path.join(root, 'store'));
  const dir = path.join(root, 'mod');
  fill(dir, { 'a/b.txt': 'x'.repeat(20_000) });
  await store.save([dir], 'mod-1');
  const entries = path.join(root, 'store', 'entries');
  const archive = path.join(entries, fs.readdirSync(entries)[0], '0.tar');
  fs.truncateSync(archive, Math.floor(fs.statSync(archive).size / 2) + 7);
  await assert.rejects(store.restore([dir], 'mod-1', []), /tar -xf failed/);
});

test('entries idle for a week go, and the least recently used go first over the size limit', async (t) => {
  const root = tmp(t);
  const DAY = 24 * 60 * 60 * 1000;
  let clock = 0;
  const dir = path.join(root, 'd');
  fill(dir, { f: 'x'.repeat(9_000) });
  await localCacheStore(path.join(root, 'store'), { now: () => clock }).save([dir], 'a');
  const entries = path.join(root, 'store', 'entries');
  const bytes = (JSON.parse(fs.readFileSync(path.join(entries, fs.readdirSync(entries)[0], 'meta.json'), 'utf8')) as { bytes: number }).bytes;
  // Room for two entries of this size, not three.
  const store = localCacheStore(path.join(root, 'store'), { now: () => clock, maxBytes: Math.floor(bytes * 2.5) });
  clock = 1 * DAY;
  await store.save([dir], 'b');
  clock = 2 * DAY;
  await store.restore([path.join(root, 'r')], 'a', []); // a is used again: b is now the least recent
  await store.save([dir], 'c'); // three entries do not fit: b goes
  const keys = async () => {
    const out: string[] = [];
    for (const k of ['a', 'b', 'c', 'd']) if ((await store.restore([path.join(root, `r-${k}-${clock}`)], k, [])).matchedKey) out.push(k);
    return out;
  };
  assert.deepEqual(await keys(), ['a', 'c']);
  clock = 12 * DAY; // every entry idle more than a week when the next save runs
  await store.save([dir], 'd');
  assert.deepEqual(await keys(), ['d']);
});
