// Pruning the CLI's local cache directory: the newest build cache per scope, within cache-max-size.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { buildKeys, buildScopeOf, moduleKeys, type KeyParts } from '../../src/cache/keys.ts';
import { planPrune } from '../../src/cache/prune.ts';

const parts = (over: Partial<KeyParts> = {}): KeyParts => ({ os: 'Linux', arch: 'X64', goVersion: '1.26.3', scope: 'abcdef012345', goSum: '0123456789abcdef0123', run: 'r1.1', ...over });
const MiB = 1024 * 1024;

test('buildScopeOf: the key up to its go.sum hash for build keys, undefined for everything else', () => {
  const k = buildKeys(parts({ run: 'tmabc123' }));
  assert.equal(buildScopeOf(k.key), k.restoreKeys[1]);
  assert.equal(buildScopeOf(buildKeys(parts({ goSum: 'ffffffffffffffffffff', run: 'r9.2' })).key), k.restoreKeys[1], 'another go.sum, same scope');
  assert.notEqual(buildScopeOf(buildKeys(parts({ scope: '999999999999' })).key), k.restoreKeys[1]);
  assert.notEqual(buildScopeOf(buildKeys(parts({ goVersion: '1.25.0' })).key), k.restoreKeys[1]);
  for (const other of [moduleKeys(parts()).key, 'go-release-gate-v1-gobuild-Linux', 'someone-elses-key', k.restoreKeys[0], '']) assert.equal(buildScopeOf(other), undefined, other);
});

test('planPrune: only the newest build entry of each scope stays; module entries are left alone', () => {
  const e = (p: Partial<KeyParts>, createdAtMs: number, bytes = 100 * MiB) => ({ key: buildKeys(parts(p)).key, createdAtMs, bytes });
  const old1 = e({ run: 'r1.1' }, 1);
  const old2 = e({ run: 'r2.1', goSum: 'ffffffffffffffffffff' }, 2);
  const newest = e({ run: 'r3.1' }, 3);
  const otherScope = e({ scope: '999999999999', run: 'r1.1' }, 1);
  const mod = { key: moduleKeys(parts()).key, createdAtMs: 0, bytes: 50 * MiB };
  const drop = planPrune([old1, mod, newest, otherScope, old2], { maxBuildBytes: 2048 * MiB, keep: [newest.key] });
  assert.deepEqual(drop.map((x) => x.key).sort(), [old1.key, old2.key].sort());
});

test('planPrune: over cache-max-size the oldest scopes go, never what this run saved', () => {
  const e = (scope: string, createdAtMs: number, bytes: number) => ({ key: buildKeys(parts({ scope, run: `r${createdAtMs}.1` })).key, createdAtMs, bytes });
  const a = e('aaaaaaaaaaaa', 1, 300 * MiB);
  const b = e('bbbbbbbbbbbb', 2, 300 * MiB);
  const c = e('cccccccccccc', 3, 300 * MiB);
  assert.deepEqual(planPrune([a, b, c], { maxBuildBytes: 700 * MiB, keep: [c.key] }).map((x) => x.key), [a.key]);
  assert.deepEqual(planPrune([a, b, c], { maxBuildBytes: 100 * MiB, keep: [c.key] }).map((x) => x.key), [a.key, b.key]);
  // Saved this run, kept even though it is alone over the bound (it was trimmed to it already).
  assert.deepEqual(planPrune([c], { maxBuildBytes: 1, keep: [c.key] }), []);
  // A saved key stays even when another entry of its scope looks newer (a clock step).
  const clockStep = { ...e('cccccccccccc', 9, MiB), key: buildKeys(parts({ scope: 'cccccccccccc', run: 'r0.1' })).key };
  assert.deepEqual(planPrune([c, clockStep], { maxBuildBytes: 1024 * MiB, keep: [c.key] }).map((x) => x.key), [clockStep.key]);
});
