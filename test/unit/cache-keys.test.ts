import { test } from 'vitest';
import assert from 'node:assert/strict';
import { buildKeys, goSumHash, keyHasPrefix, keyPart, moduleKeys, restoreState, runSuffix, sameKey, scopeHash, type KeyParts } from '../../src/cache/keys.ts';

const scopeInputs = { job: 'gate', dir: 'app', targets: [{ goos: 'linux', goarch: 'amd64' }, { goos: 'darwin', goarch: 'arm64' }], tags: ['netgo'], cgo: false };
const parts: KeyParts = { os: 'Linux', arch: 'X64', goVersion: '1.26.3', scope: scopeHash(scopeInputs), goSum: goSumHash([{ path: 'go.sum', content: 'a' }]), run: 'r1001.1' };

test('module key: runner OS, arch, Go version, scope and go.sum; restore keys widen step by step', () => {
  const k = moduleKeys(parts);
  assert.equal(k.key, `go-release-gate-v1-gomod-Linux-X64-go1.26.3-${parts.scope}-${parts.goSum}`);
  assert.deepEqual(k.restoreKeys, [
    `go-release-gate-v1-gomod-Linux-X64-go1.26.3-${parts.scope}-`,
    'go-release-gate-v1-gomod-Linux-X64-go1.26.3-',
    'go-release-gate-v1-gomod-Linux-X64-',
  ]);
  for (const r of k.restoreKeys) assert.ok(k.key.startsWith(r));
});

test('build key: the module key\'s parts plus a per-run suffix; restore keys never cross Go versions', () => {
  const k = buildKeys(parts);
  assert.equal(k.key, `go-release-gate-v1-gobuild-Linux-X64-go1.26.3-${parts.scope}-${parts.goSum}-r1001.1`);
  assert.deepEqual(k.restoreKeys, [
    `go-release-gate-v1-gobuild-Linux-X64-go1.26.3-${parts.scope}-${parts.goSum}-`,
    `go-release-gate-v1-gobuild-Linux-X64-go1.26.3-${parts.scope}-`,
    'go-release-gate-v1-gobuild-Linux-X64-go1.26.3-',
  ]);
  // Another run of the same commit gets another key, found again through the first restore key.
  const next = buildKeys({ ...parts, run: 'r1002.1' });
  assert.notEqual(next.key, k.key);
  assert.ok(k.key.startsWith(next.restoreKeys[0]));
  assert.notEqual(buildKeys({ ...parts, goVersion: '1.26.4' }).restoreKeys.at(-1), k.restoreKeys.at(-1));
});

test('keys obey the service\'s rules: no commas, at most 512 characters, at most 10 keys in a restore', () => {
  const odd: KeyParts = { ...parts, os: 'Linux,evil', arch: 'x 64/\\', goVersion: '1.27rc1' };
  for (const k of [moduleKeys(odd), buildKeys(odd)]) {
    for (const key of [k.key, ...k.restoreKeys]) {
      assert.doesNotMatch(key, /[,\s/\\]/);
      assert.ok(key.length <= 512);
    }
    assert.ok(1 + k.restoreKeys.length <= 10);
  }
  assert.equal(keyPart('a,b c'), 'a_b_c');
  assert.equal(keyPart(''), '_');
});

test('the scope separates matrix jobs by job and by every input that changes what is built', () => {
  const base = scopeHash(scopeInputs);
  assert.match(base, /^[0-9a-f]{12}$/);
  const variants = [
    { ...scopeInputs, job: 'release' },
    { ...scopeInputs, dir: 'other' },
    { ...scopeInputs, targets: [{ goos: 'linux', goarch: 'amd64' }] },
    { ...scopeInputs, tags: [] },
    { ...scopeInputs, cgo: true },
  ];
  const hashes = variants.map(scopeHash);
  for (const h of hashes) assert.notEqual(h, base);
  assert.equal(new Set(hashes).size, hashes.length);
  // Order of targets and tags as the user wrote them does not matter.
  assert.equal(scopeHash({ ...scopeInputs, targets: [...scopeInputs.targets].reverse() }), base);
});

test('the go.sum hash covers every go.sum by path and content, in any listing order', () => {
  const a = { path: 'go.sum', content: 'x v1 h1:a\n' };
  const b = { path: 'tools/go.sum', content: Buffer.from('y v2 h1:b\n') };
  assert.equal(goSumHash([a, b]), goSumHash([b, a]));
  assert.notEqual(goSumHash([a, b]), goSumHash([a]));
  assert.notEqual(goSumHash([a]), goSumHash([{ ...a, content: 'x v1 h1:c\n' }]));
  assert.notEqual(goSumHash([a]), goSumHash([{ ...a, path: 'sub/go.sum' }]));
  assert.equal(goSumHash([]), goSumHash([]));
  assert.match(goSumHash([]), /^[0-9a-f]{20}$/);
});

test('the run suffix is the run id and attempt in Actions, the time elsewhere', () => {
  assert.equal(runSuffix({ GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '3' }, 0), 'r42.3');
  assert.equal(runSuffix({ GITHUB_RUN_ID: '42' }, 0), 'r42.1');
  assert.equal(runSuffix({}, 36 ** 3), 't1000');
});

test('what a matched key means: the key or the same inputs and go.sum is a hit, an older go.sum is partial', () => {
  const mod = moduleKeys(parts);
  assert.equal(restoreState(mod, undefined), 'miss');
  assert.equal(restoreState(mod, mod.key), 'hit');
  assert.equal(restoreState(mod, `${mod.restoreKeys[0]}0123`), 'partial');
  const build = buildKeys(parts);
  assert.equal(restoreState(build, `${build.restoreKeys[0]}r999.1`), 'hit');
  assert.equal(restoreState(build, `${build.restoreKeys[1]}ffff-r999.1`), 'partial');
  assert.equal(restoreState(build, `${build.restoreKeys[2]}other-ffff-r1.1`), 'partial');
});

test('keys compare without case, as actions/cache compares them: a key handed back lowercased is an exact hit', () => {
  const p: KeyParts = { os: 'Linux', arch: 'X64', goVersion: '1.26.3', scope: 'abcdef012345', goSum: '0123456789abcdef0123', run: 'r7.1' };
  const mod = moduleKeys(p);
  const build = buildKeys(p);
  assert.equal(restoreState(mod, mod.key.toLowerCase()), 'hit');
  assert.equal(restoreState(mod, mod.key.toUpperCase()), 'hit');
  assert.equal(restoreState(build, `${build.restoreKeys[0]}r999.1`.toLowerCase()), 'hit');
  assert.equal(restoreState(mod, `${mod.restoreKeys[0]}0123`.toLowerCase()), 'partial');
  assert.equal(restoreState(mod, `${mod.restoreKeys[1]}`.toLowerCase()), 'partial');
  assert.ok(sameKey('go-release-gate-v1-gomod-Linux-X64', 'GO-RELEASE-GATE-V1-GOMOD-linux-x64'));
  assert.ok(!sameKey('a-b', 'a_b'));
  assert.ok(!sameKey('key', 'key2'));
  assert.ok(!sameKey(undefined, 'key'));
  assert.ok(!sameKey('key', undefined));
  assert.ok(keyHasPrefix('go-release-gate-v1-gobuild-linux-x64-r1', 'go-release-gate-v1-gobuild-Linux-X64-'));
  assert.ok(!keyHasPrefix('go-release-gate', 'go-release-gate-v1'));
});
