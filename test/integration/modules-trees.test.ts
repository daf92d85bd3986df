// The module tree check against the real go command: the h1 it computes for a tree equals the
// one the go command recorded at download, for real modules and for a module whose file names
// sort differently by UTF-16 and by bytes; every way of changing a tree after download is a
// problem naming the module; and without an extracted tree the check falls back to the real
// go mod verify, zips included.
import { test, beforeAll, vi } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync, spawnSync } from 'node:child_process';
import { hashTree, moduleTreeHash } from '../../src/modules/tree.ts';
import { verifyTrees, type TreeModule } from '../../src/modules/trees.ts';
import { verifyModuleTrees, type Runner } from '../../src/modules/commands.ts';
import { parseDownloadJson } from '../../src/modules/gooutput.ts';
import { loadModuleSetup } from '../../src/modules/load.ts';
import { locator } from '../../src/modules/locate.ts';
import { GO, SHARED_MODCACHE, buildApp, copyFixture, go, goTestEnv, tempDir, writeFiles } from '../support/gomodules.ts';

type T = Parameters<typeof tempDir>[0];

let plain: string;
beforeAll(() => {
  plain = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-trees-app-'));
  buildApp(plain, { vendor: false });
  // Every module of its build list into the shared cache, which the tests below serve as a
  // file:// proxy (tidy alone fetches only what it loads packages from).
  go(['mod', 'download'], plain);
  return () => fs.rmSync(plain, { recursive: true, force: true });
});

/** A stored (uncompressed) zip with UTF-8 names, as a module proxy serves one. */
function storedZip(entries: [name: string, data: string][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const n = Buffer.from(name);
    const data = Buffer.from(text);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(0x21, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(n.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    central.push(cd, n);
    offset += local.length + n.length + data.length;
  }
  const cdSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

// U+FF41 (fullwidth a) and U+10400 (Deseret capital long i) are letters a module may name files
// with. UTF-16 puts U+10400 (a surrogate pair, 0xD801...) first; bytes put U+FF41 (0xEF...) first.
const ODD_NAMES: [string, string][] = [
  ['go.mod', 'module example.com/odd\n\ngo 1.22\n'],
  ['odd.go', 'package odd\n'],
  ['\u{FF41}.txt', 'fullwidth\n'],
  ['\u{10400}.txt', 'deseret\n'],
  ['B.txt', 'upper\n'],
  ['a/b.txt', 'nested\n'],
];

/** A file:// module proxy serving example.com/odd v1.0.0, and a fresh module cache the real go fills from it. */
function downloadOdd(t: T): { mod: TreeModule; sum: string; cache: string } {
  const proxy = tempDir(t, 'grg-trees-proxy-');
  const v = path.join(proxy, 'example.com', 'odd', '@v');
  fs.mkdirSync(v, { recursive: true });
  fs.writeFileSync(path.join(v, 'list'), 'v1.0.0\n');
  fs.writeFileSync(path.join(v, 'v1.0.0.info'), '{"Version":"v1.0.0","Time":"2024-01-01T00:00:00Z"}\n');
  fs.writeFileSync(path.join(v, 'v1.0.0.mod'), ODD_NAMES[0][1]);
  fs.writeFileSync(path.join(v, 'v1.0.0.zip'), storedZip(ODD_NAMES.map(([n, d]) => [`example.com/odd@v1.0.0/${n}`, d])));
  const cache = tempDir(t, 'grg-trees-cache-');
  const out = go(['mod', 'download', '-json', 'example.com/odd@v1.0.0'], proxy, goTestEnv({ GOMODCACHE: cache, GOPROXY: `file://${proxy}`, GOSUMDB: 'off', GOFLAGS: '-modcacherw' }));
  const [m] = parseDownloadJson(out);
  assert.ok(m.dir && m.zip && m.sum, out);
  return { mod: { path: m.path, version: m.version, dir: m.dir, zip: m.zip }, sum: m.sum, cache };
}

/** The app's modules downloaded into a module cache of its own (from the shared one, no network). */
function downloadApp(t: T): { repo: string; env: Record<string, string>; modules: ReturnType<typeof parseDownloadJson> } {
  const repo = copyFixture(t, plain);
  const env = goTestEnv({ GOMODCACHE: tempDir(t, 'grg-trees-modcache-'), GOPROXY: `file://${SHARED_MODCACHE}/cache/download`, GOSUMDB: 'off', GOFLAGS: '-modcacherw' });
  const modules = parseDownloadJson(go(['mod', 'download', '-json'], repo, env));
  assert.ok(modules.length >= 3, 'the app has dependencies');
  return { repo, env, modules };
}

test('the h1 of every extracted tree equals the one the go command recorded at download', async (t) => {
  const { modules } = downloadApp(t);
  for (const m of modules) {
    assert.ok(m.dir && m.sum, `${m.path}: go mod download -json names its tree and sum`);
    assert.equal(moduleTreeHash(hashTree(m.dir), `${m.path}@${m.version}`), m.sum, `${m.path}@${m.version}`);
  }
  const { problems, checked } = await verifyTrees(modules.map((m) => ({ path: m.path, version: m.version, dir: m.dir!, zip: m.zip! })));
  assert.deepEqual(problems, []);
  assert.equal(checked, modules.length);
});

test('file names are ordered by their bytes, as the go command orders them', async (t) => {
  const { mod, sum } = downloadOdd(t);
  assert.equal(moduleTreeHash(hashTree(mod.dir), `${mod.path}@${mod.version}`), sum);
  // Ordered as JavaScript compares strings, the hash differs: the test can tell the two apart.
  const tree = hashTree(mod.dir);
  const utf16 = new Map([...tree].sort(([a], [b]) => (a < b ? -1 : 1)));
  assert.notDeepEqual([...utf16.keys()], [...tree.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
});

const TAMPERING: [string, (dir: string, mod: TreeModule) => void, RegExp][] = [
  ['a changed file', (d) => fs.appendFileSync(path.join(d, 'odd.go'), '// changed\n'), /^dir has been modified \(.*\)$/],
  ['an added file', (d) => fs.writeFileSync(path.join(d, 'extra.go'), 'package odd\n'), /^dir has been modified \(.*\)$/],
  ['a removed file', (d) => fs.rmSync(path.join(d, 'B.txt')), /^dir has been modified \(.*\)$/],
  ['a renamed file', (d) => fs.renameSync(path.join(d, 'a', 'b.txt'), path.join(d, 'a', 'c.txt')), /^dir has been modified \(.*\)$/],
  ['a file turned into a symbolic link to its own copy', (d) => {
    fs.copyFileSync(path.join(d, 'odd.go'), path.join(d, '..', 'copy.go'));
    fs.rmSync(path.join(d, 'odd.go'));
    fs.symlinkSync(path.join(d, '..', 'copy.go'), path.join(d, 'odd.go'));
  }, /^dir has been modified \(.*\): odd\.go is a symbolic link, which extraction never makes$/],
  ['a FIFO (never read: reading one would block)', (d) => execFileSync('mkfifo', [path.join(d, 'pipe')]), /^dir has been modified \(.*\): pipe is not a regular file, which extraction never makes$/],
  ['a missing ziphash', (_, m) => fs.rmSync(`${m.zip}hash`), /^missing ziphash: .*v1\.0\.0\.ziphash does not exist$/],
];

for (const [what, tamper, want] of TAMPERING) {
  test(`${what} in a module tree after download is a problem naming the module`, async (t) => {
    const { mod } = downloadOdd(t);
    const untouched = await verifyTrees([mod]);
    assert.deepEqual(untouched, { problems: [], checked: 1, reused: 0 });
    tamper(mod.dir, mod);
    const { problems } = await verifyTrees([mod]);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.equal(problems[0].path, 'example.com/odd');
    assert.equal(problems[0].version, 'v1.0.0');
    assert.match(problems[0].problem, want);
  });
}

/** The runner the stage gives these checks, on the real go (or a wrapper in front of it). */
function runner(goBin: string, env: Record<string, string>): Runner {
  return {
    async go(args, cwd) {
      const r = spawnSync(goBin, args, { cwd, env, encoding: 'utf8' });
      return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
    },
  };
}

async function locatorOf(repo: string) {
  const { setup } = await loadModuleSetup(repo, '', repo);
  assert.ok(setup);
  return locator(setup);
}

test('a downloaded module without an extracted tree falls back to go mod verify, which rehashes its zip', async (t) => {
  const { repo, env, modules } = downloadApp(t);
  const victim = modules.find((m) => m.path === 'rsc.io/quote')!;
  // The tree is gone and the zip is another module's: the go command would extract it unchecked.
  fs.rmSync(victim.dir!, { recursive: true, force: true });
  const { mod: other } = downloadOdd(t);
  fs.copyFileSync(other.zip, victim.zip!);
  const v = await verifyModuleTrees(runner(GO, env), repo, await locatorOf(repo), modules);
  assert.equal(v.ok, false);
  assert.match(v.result, /problem/);
  assert.ok(v.findings.some((f) => /^go mod verify: rsc\.io\/quote v1\.5\.2: zip has been modified/.test(f.message)), JSON.stringify(v.findings));
});

test('the fallback trusts go mod verify only when it says "all modules verified"', async (t) => {
  const { repo, env, modules } = downloadApp(t);
  fs.rmSync(modules[0].dir!, { recursive: true, force: true });
  const bin = tempDir(t, 'grg-silent-go-');
  writeFiles(bin, { go: `#!/bin/sh\nif [ "$1" = mod ] && [ "$2" = verify ]; then exit 0; fi\nexec ${GO} "$@"\n` });
  fs.chmodSync(path.join(bin, 'go'), 0o755);
  const v = await verifyModuleTrees(runner(path.join(bin, 'go'), env), repo, await locatorOf(repo), modules);
  assert.equal(v.ok, false);
  const f = v.findings.find((x) => x.ruleId === 'modules/verify-failed');
  assert.ok(f, JSON.stringify(v.findings));
  assert.equal(f.severity, 'error');
  assert.match(f.message, /^go mod verify exited with 0 but printed nothing instead of "all modules verified"; the module cache is not verified/);
  assert.deepEqual(f.location, { file: 'go.mod', line: 1 });
});

test('with every tree in place, go mod verify is not run and the trees are hashed', async (t) => {
  const { repo, env, modules } = downloadApp(t);
  // A go that fails `go mod verify`: were it run, the outcome would say so.
  const bin = tempDir(t, 'grg-failing-verify-go-');
  writeFiles(bin, { go: `#!/bin/sh\nif [ "$1" = mod ] && [ "$2" = verify ]; then echo broken >&2; exit 1; fi\nexec ${GO} "$@"\n` });
  fs.chmodSync(path.join(bin, 'go'), 0o755);
  const v = await verifyModuleTrees(runner(path.join(bin, 'go'), env), repo, await locatorOf(repo), modules);
  assert.deepEqual(v.findings, []);
  assert.equal(v.result, `${modules.length} module trees hashed: each is what was downloaded`);
});

// Records of unchanged trees (src/modules/treememo.ts). The trees here were just extracted, so a
// memo whose clock runs a minute ahead is what makes them old enough to record.
const ahead = (t: T, reuse = true) => ({ gocache: tempDir(t, 'grg-trees-gocache-'), reuse, now: () => Date.now() + 60_000 });
const recordsIn = (gocache: string) => (fs.existsSync(path.join(gocache, 'go-release-gate')) ? fs.readdirSync(path.join(gocache, 'go-release-gate')).filter((f) => f.startsWith('tree-')) : []);

test('a tree hashed once is taken from its record on the next run, while none of its files changed', async (t) => {
  const { modules } = downloadApp(t);
  const trees = modules.map((m) => ({ path: m.path, version: m.version, dir: m.dir!, zip: m.zip! }));
  const memo = ahead(t);
  assert.deepEqual(await verifyTrees(trees, memo), { problems: [], checked: trees.length, reused: 0 });
  assert.equal(recordsIn(memo.gocache).length, trees.length);
  assert.deepEqual(await verifyTrees(trees, memo), { problems: [], checked: trees.length, reused: trees.length });
  // A release takes no record: every tree is hashed again.
  assert.deepEqual(await verifyTrees(trees, { ...memo, reuse: false }), { problems: [], checked: trees.length, reused: 0 });
});

const MORE_TAMPERING: typeof TAMPERING = [
  ...TAMPERING,
  // Same inode, same size, mtime put back: only the ctime, which no unprivileged process can set, tells.
  ['a byte changed in place with its size and mtime put back', (d) => {
    const file = path.join(d, 'odd.go');
    const before = fs.statSync(file, { bigint: true });
    // touch -r keeps the nanoseconds (Node's utimes rounds them).
    const ref = path.join(d, '..', 'times-ref');
    execFileSync('touch', ['-r', file, ref]);
    fs.writeFileSync(file, 'package odX\n');
    execFileSync('touch', ['-r', ref, file]);
    const after = fs.statSync(file, { bigint: true });
    assert.deepEqual([after.ino, after.size, after.mtimeNs], [before.ino, before.size, before.mtimeNs]);
  }, /^dir has been modified \(.*\)$/],
  ['a file replaced by a copy with its mtime put back', (d) => {
    const file = path.join(d, 'B.txt');
    const ref = path.join(d, '..', 'times-ref');
    execFileSync('touch', ['-r', file, ref]);
    fs.rmSync(file);
    fs.writeFileSync(file, 'UPPER\n');
    execFileSync('touch', ['-r', ref, file]);
  }, /^dir has been modified \(.*\)$/],
];

// A record lists its entries and a later run stats that list, reading no directory: what was
// added below the root shows only in the identity of the directory that holds it.
MORE_TAMPERING.push(
  ['a file added in a subdirectory', (d) => fs.writeFileSync(path.join(d, 'a', 'extra.go'), 'package a\n'), /^dir has been modified \(.*\)$/],
  ['a file added in a new directory two levels down', (d) => {
    fs.mkdirSync(path.join(d, 'a', 'x'));
    fs.writeFileSync(path.join(d, 'a', 'x', 'y.txt'), 'new\n');
  }, /^dir has been modified \(.*\)$/],
  ['a file moved from a subdirectory to the root', (d) => fs.renameSync(path.join(d, 'a', 'b.txt'), path.join(d, 'b.txt')), /^dir has been modified \(.*\)$/],
  ['a subdirectory replaced by a file', (d) => {
    fs.rmSync(path.join(d, 'a'), { recursive: true });
    fs.writeFileSync(path.join(d, 'a'), 'nested\n');
  }, /^dir has been modified \(.*\)$/],
);

for (const [what, tamper, want] of MORE_TAMPERING) {
  test(`${what} after the tree was recorded is still found: the record is not taken`, async (t) => {
    const { mod } = downloadOdd(t);
    const memo = ahead(t);
    assert.deepEqual(await verifyTrees([mod], memo), { problems: [], checked: 1, reused: 0 });
    assert.deepEqual(await verifyTrees([mod], memo), { problems: [], checked: 1, reused: 1 });
    tamper(mod.dir, mod);
    const { problems, reused } = await verifyTrees([mod], memo);
    assert.equal(reused, 0);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.match(problems[0].problem, want);
  });
}

test('a record is taken without reading a directory; an empty directory added below the root sends the tree to be hashed again', async (t) => {
  const { mod } = downloadOdd(t);
  const memo = ahead(t);
  assert.deepEqual(await verifyTrees([mod], memo), { problems: [], checked: 1, reused: 0 });
  const readdir = vi.spyOn(fs, 'readdirSync');
  try {
    assert.deepEqual(await verifyTrees([mod], memo), { problems: [], checked: 1, reused: 1 });
    assert.equal(readdir.mock.calls.length, 0, 'a tree taken from its record is not listed');
  } finally {
    readdir.mockRestore();
  }
  // An empty directory is no part of the go.sum hash (dirhash hashes files), so the tree still
  // matches; but it changed, so the record is not taken.
  fs.mkdirSync(path.join(mod.dir, 'a', 'empty'));
  assert.deepEqual(await verifyTrees([mod], memo), { problems: [], checked: 1, reused: 0 });
});

test('a record whose list is not a list of paths, or names an entry that is gone, is not taken', async (t) => {
  const { mod } = downloadOdd(t);
  const memo = ahead(t);
  await verifyTrees([mod], memo);
  const [name] = recordsIn(memo.gocache);
  const file = path.join(memo.gocache, 'go-release-gate', name);
  const rec = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.ok(Array.isArray(rec.entries) && rec.entries.includes('a') && rec.entries.includes('a/b.txt'), JSON.stringify(rec.entries));
  for (const entries of [[...rec.entries, 'gone.txt'], rec.entries.slice(1), 'a/b.txt', [...rec.entries, 7], null]) {
    fs.writeFileSync(file, JSON.stringify({ ...rec, entries }));
    assert.deepEqual(await verifyTrees([mod], memo), { problems: [], checked: 1, reused: 0 }, JSON.stringify(entries));
  }
  assert.deepEqual(await verifyTrees([mod], memo), { problems: [], checked: 1, reused: 1 });
});

test('a tree changed in the last few seconds is hashed but not recorded', async (t) => {
  const { mod } = downloadOdd(t);
  // The real clock: the tree was extracted moments ago.
  const memo = { gocache: tempDir(t, 'grg-trees-gocache-'), reuse: true };
  assert.deepEqual(await verifyTrees([mod], memo), { problems: [], checked: 1, reused: 0 });
  assert.deepEqual(recordsIn(memo.gocache), []);
  // Once the tree is older than the settling time, one file written again (same bytes) just now
  // still keeps the tree from being recorded; a minute later it is.
  await new Promise((resolve) => setTimeout(resolve, 5_500));
  fs.writeFileSync(path.join(mod.dir, 'B.txt'), 'upper\n');
  assert.deepEqual(await verifyTrees([mod], memo), { problems: [], checked: 1, reused: 0 });
  assert.deepEqual(recordsIn(memo.gocache), []);
  const later = { ...memo, now: () => Date.now() + 60_000 };
  assert.deepEqual(await verifyTrees([mod], later), { problems: [], checked: 1, reused: 0 });
  assert.equal(recordsIn(memo.gocache).length, 1);
});

test('a record is not taken for a tree whose download hash changed, nor when it cannot be read', async (t) => {
  const { mod, sum } = downloadOdd(t);
  const memo = ahead(t);
  await verifyTrees([mod], memo);
  const [record] = recordsIn(memo.gocache);
  assert.ok(record);
  // Another hash recorded at download: the tree is hashed, and does not match it.
  fs.writeFileSync(`${mod.zip}hash`, 'h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n');
  const changed = await verifyTrees([mod], memo);
  assert.equal(changed.reused, 0);
  assert.match(changed.problems[0]?.problem ?? '', /^dir has been modified/);
  fs.writeFileSync(`${mod.zip}hash`, `${sum}\n`);
  // A record that is not JSON: hashed again, no crash.
  fs.writeFileSync(path.join(memo.gocache, 'go-release-gate', record), '{not json');
  assert.deepEqual(await verifyTrees([mod], memo), { problems: [], checked: 1, reused: 0 });
  assert.deepEqual(await verifyTrees([mod], memo), { problems: [], checked: 1, reused: 1 });
});

test('a tree extracted again (as a cache restore does) misses its record on the root stat alone, and is hashed', async (t) => {
  const { mod } = downloadOdd(t);
  const memo = ahead(t);
  await verifyTrees([mod], memo);
  assert.equal(recordsIn(memo.gocache).length, 1);
  // Same bytes and mtimes, new inodes and ctimes: what extracting a cache archive gives.
  const copy = `${mod.dir}.copy`;
  execFileSync('cp', ['-a', mod.dir, copy]);
  fs.rmSync(mod.dir, { recursive: true });
  execFileSync('cp', ['-a', copy, mod.dir]);
  const files = fs.readdirSync(mod.dir, { recursive: true }).length;
  const lstat = vi.spyOn(fs, 'lstatSync');
  try {
    assert.deepEqual(await verifyTrees([mod], memo), { problems: [], checked: 1, reused: 0 });
    // The record's root against the tree's, then the root again for the new record: no file's.
    assert.ok(lstat.mock.calls.length < files, `${lstat.mock.calls.length} lstat calls for ${files} entries`);
  } finally {
    lstat.mockRestore();
  }
  // Recorded anew, and taken on the next run.
  assert.deepEqual(await verifyTrees([mod], memo), { problems: [], checked: 1, reused: 1 });
});
