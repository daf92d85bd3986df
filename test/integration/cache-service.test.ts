// The Action's CacheStore (@actions/cache, unchanged) against the loopback cache service v2:
// real archives up and down, the service's matching rules, and failures that @actions/cache
// only logs turned into errors the cache stage can report.
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { startCacheServer, type CacheServer } from '../support/cache-server.ts';
import { actionCacheStore } from '../../src/action/cache-store.ts';
import { restoreSlot, RestoreTimeout } from '../../src/stages/cache.ts';
import type { CacheStore, Logger } from '../../src/ports/ports.ts';

let server: CacheServer;
let home: string;
let store: CacheStore;

beforeAll(async () => {
  server = await startCacheServer();
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cache-svc-'));
  for (const d of ['temp', 'ws']) fs.mkdirSync(path.join(home, d));
  Object.assign(process.env, server.env, { RUNNER_TEMP: path.join(home, 'temp'), GITHUB_WORKSPACE: path.join(home, 'ws'), GITHUB_SERVER_URL: 'https://github.com' });
  store = actionCacheStore()!;
  assert.ok(store, 'the cache service is available once ACTIONS_RESULTS_URL is set');
});
afterAll(async () => {
  await server.close();
  fs.rmSync(home, { recursive: true, force: true });
});

/**
 * Runs fn with the text this process writes to stdout collected (the client logs a lot). The
 * test runner's own messages to its parent are binary and pass through untouched.
 */
async function quietly<T>(fn: () => Promise<T>): Promise<{ value: T; out: string }> {
  const original = process.stdout.write;
  let out = '';
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof chunk !== 'string') return (original as (c: Uint8Array, ...r: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    return { value: await fn(), out };
  } finally {
    process.stdout.write = original;
  }
}

async function quietlyRejects(fn: () => Promise<unknown>): Promise<{ error: Error; out: string }> {
  const r = await quietly(async () => {
    try {
      await fn();
    } catch (e) {
      return e as Error;
    }
    return undefined;
  });
  assert.ok(r.value, `expected a failure; log:\n${r.out}`);
  return { error: r.value, out: r.out };
}

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, rel);
    if (fs.statSync(p).isFile()) out[rel] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
  }
  return out;
}

function makeDir(name: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(home, name);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

test('save then restore gives back the same tree; a key is matched exactly, then as a prefix (newest first), then by restore keys', async () => {
  const dir = makeDir('match', { 'a.txt': 'one', 'sub/b.txt': 'two' });
  const want = tree(dir);
  await quietly(() => store.save([dir], 'match-gomod-aaa-r1'));
  fs.writeFileSync(path.join(dir, 'a.txt'), 'newer');
  await quietly(() => store.save([dir], 'match-gomod-aaa-r2'));
  await quietly(() => store.save([dir], 'match-gomod-bbb-r1'));
  assert.deepEqual(server.entries().map((e) => e.key).slice(-3), ['match-gomod-aaa-r1', 'match-gomod-aaa-r2', 'match-gomod-bbb-r1']);

  fs.rmSync(dir, { recursive: true });
  const exact = await quietly(() => store.restore([dir], 'match-gomod-aaa-r1', ['match-gomod-']));
  assert.deepEqual(exact.value, { matchedKey: 'match-gomod-aaa-r1' });
  assert.deepEqual(tree(dir), want);

  fs.rmSync(dir, { recursive: true });
  assert.deepEqual((await quietly(() => store.restore([dir], 'match-gomod-aaa', []))).value, { matchedKey: 'match-gomod-aaa-r2' }, 'prefix of the key: newest');
  assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), 'newer');
  fs.rmSync(dir, { recursive: true });
  assert.deepEqual((await quietly(() => store.restore([dir], 'match-gomod-ccc', ['match-gomod-bbb', 'match-gomod-']))).value, { matchedKey: 'match-gomod-bbb-r1' }, 'restore keys in order');
  assert.deepEqual((await quietly(() => store.restore([dir], 'match-gomod-ccc', ['nothing-']))).value, {}, 'a miss');
  // The version covers the paths: the same key saved from another directory is another entry.
  assert.deepEqual((await quietly(() => store.restore([path.join(home, 'elsewhere')], 'match-gomod-aaa-r1', []))).value, {});
});

test('an archive over 128 MiB goes up in blocks and comes back byte for byte', async () => {
  // Random bytes do not compress: the archive stays over the storage SDK's single-upload limit.
  const dir = makeDir('big', { 'blob.bin': randomBytes(136 * 1024 * 1024), 'small.txt': 'x' });
  const want = tree(dir);
  const before = server.requests.length;
  await quietly(() => store.save([dir], 'big-1'));
  const uploads = server.requests.slice(before).filter((r) => r.op === 'upload');
  assert.ok(uploads.length >= 3, `block uploads then a block list, got ${uploads.length}`);
  assert.ok(server.entry('big-1')!.size > 128 * 1024 * 1024);
  fs.rmSync(dir, { recursive: true });
  assert.deepEqual((await quietly(() => store.restore([dir], 'big-1', []))).value, { matchedKey: 'big-1' });
  assert.deepEqual(tree(dir), want);
  fs.rmSync(dir, { recursive: true });
});

test('saving a key that exists fails (keys are immutable) instead of passing silently', async () => {
  const dir = makeDir('dup', { 'a.txt': 'a' });
  await quietly(() => store.save([dir], 'dup-1'));
  const { error } = await quietlyRejects(() => store.save([dir], 'dup-1'));
  assert.match(error.message, /Unable to reserve cache with key dup-1/);
});

test('the service answering 500 to the lookup: the restore fails with the reason, and the client\'s own annotation becomes plain text', async () => {
  const dir = makeDir('svc500', { 'a.txt': 'a' });
  await quietly(() => store.save([dir], 'svc500-1'));
  server.fault = { target: 'GetCacheEntryDownloadURL', kind: '500' };
  try {
    const { error, out } = await quietlyRejects(() => store.restore([dir], 'svc500-1', []));
    assert.match(error.message, /Failed to restore: .*500/);
    assert.doesNotMatch(out, /^::(warning|error)/m);
    assert.match(out, /^Failed to restore: /m);
  } finally {
    server.fault = undefined;
  }
});

test('a truncated archive fails the restore and names the matched entry; restoreSlot leaves an empty directory', async () => {
  const src = makeDir('trunc-src', Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`f${i}.txt`, randomBytes(4096).toString('hex')])));
  await quietly(() => store.save([src], 'trunc-1'));
  const dir = path.join(home, 'trunc-src');
  server.fault = { target: 'download', kind: 'truncate' };
  try {
    const { error } = await quietlyRejects(() => store.restore([dir], 'trunc-1', []));
    assert.equal((error as Error & { matchedKey?: string }).matchedKey, 'trunc-1');
    const warnings: string[] = [];
    const r = await quietly(() => restoreSlot(store, 'modules', dir, { key: 'trunc-1', restoreKeys: [], hitPrefix: 'trunc-1' }, 60_000, logger(warnings)));
    assert.equal(r.value.slot.state, 'error');
    assert.equal(r.value.slot.matchedKey, 'trunc-1');
    assert.deepEqual(fs.readdirSync(dir), [], 'nothing of the half archive is left to build on');
    assert.equal(warnings.length, 1);
  } finally {
    server.fault = undefined;
  }
});

test('a lookup that never answers: restoreSlot gives up at its deadline and switches to a stand-in directory', async () => {
  const dir = makeDir('hang', { 'a.txt': 'a' });
  await quietly(() => store.save([dir], 'hang-1'));
  server.fault = { target: 'GetCacheEntryDownloadURL', kind: 'hang', hangMs: 4_000 };
  try {
    const warnings: string[] = [];
    const r = await quietly(() => restoreSlot(store, 'build', dir, { key: 'hang-1', restoreKeys: [], hitPrefix: 'hang-1' }, 500, logger(warnings)));
    assert.equal(r.value.slot.state, 'error');
    assert.notEqual(r.value.slot.dir, dir);
    assert.deepEqual(fs.readdirSync(r.value.slot.dir), []);
    assert.match(r.value.slot.noSave ?? '', /timed out/);
    assert.match(warnings[0], /did not finish within 500 ms/);
    assert.ok(new RestoreTimeout('x') instanceof Error);
  } finally {
    server.fault = undefined;
  }
  // Let the abandoned request end (the server drops it) before the next test.
  await new Promise((r) => setTimeout(r, 4_500));
});

function logger(warnings: string[]): Logger {
  return {
    info: () => undefined,
    debug: () => undefined,
    warning: (m) => void warnings.push(m),
    error: (m) => void warnings.push(m),
    group: (_n, fn) => fn(),
    mask: () => undefined,
  };
}
