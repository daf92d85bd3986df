import { test } from 'vitest';
import assert from 'node:assert/strict';
import { parsePlan, saveDecision, serializePlan, type CachePlan, type CacheSlot } from '../../src/cache/plan.ts';
import { matchEntry } from '../../src/cache/match.ts';

const slot = (kind: CacheSlot['kind'], state: CacheSlot['state'], extra: Partial<CacheSlot> = {}): CacheSlot => ({ kind, dir: `/t/${kind}`, key: `${kind}-key`, restoreKeys: [], state, ...extra });
const plan = (mode: CachePlan['mode'], slots: CacheSlot[] = []): CachePlan => ({ version: 1, mode, store: 'x', startedAtMs: 1, maxBytes: 2, slots });

test('the plan survives the trip through the runner\'s state; anything else reads as no plan', () => {
  const p = plan('read-write', [slot('modules', 'miss'), slot('build', 'partial', { matchedKey: 'b-old' })]);
  assert.deepEqual(parsePlan(serializePlan(p)), p);
  for (const bad of ['', 'not json', '{}', '{"version":2,"slots":[],"startedAtMs":1}', '{"version":1,"slots":{},"startedAtMs":1}', 'null']) assert.equal(parsePlan(bad), undefined, bad);
});

test('what gets saved: modules only on a missed key, the build cache every time, nothing read-only or off', () => {
  const rw = plan('read-write');
  const cases: [CachePlan, CacheSlot, boolean, RegExp?][] = [
    [rw, slot('modules', 'miss'), true],
    [rw, slot('modules', 'partial', { matchedKey: 'older' }), true],
    [rw, slot('modules', 'hit', { matchedKey: 'modules-key' }), false, /exact key hit/],
    // A service that hands the key back in another case (act's lowercases it) matched the same entry.
    [rw, slot('modules', 'partial', { key: 'Modules-Linux-X64', matchedKey: 'modules-linux-x64' }), false, /exact key hit/],
    [rw, slot('build', 'hit', { key: 'Build-Linux-X64-r1', matchedKey: 'build-linux-x64-r1' }), false, /exact key hit/],
    [rw, slot('modules', 'error'), true],
    [rw, slot('modules', 'error', { matchedKey: 'modules-key' }), false, /only its download failed/],
    [rw, slot('build', 'miss'), true],
    [rw, slot('build', 'hit', { matchedKey: 'build-older-run' }), true],
    [rw, slot('build', 'hit', { matchedKey: 'build-key' }), false, /exact key hit/],
    [rw, slot('build', 'error', { noSave: 'the restore timed out' }), false, /timed out/],
    [plan('read-only'), slot('modules', 'miss'), false, /read-only/],
    [plan('read-only'), slot('build', 'miss'), false, /read-only/],
    [plan('off'), slot('build', 'miss'), false, /off/],
  ];
  for (const [p, s, save, why] of cases) {
    const d = saveDecision(p, s);
    assert.equal(d.save, save, `${p.mode} ${s.kind} ${s.state}`);
    if (!d.save && why) assert.match(d.reason, why);
  }
});

test('matching like the cache service: exact, then prefix newest first, then each restore key the same way', () => {
  const e = (key: string, createdAtMs: number) => ({ key, createdAtMs });
  const entries = [e('mod-a-1', 1), e('mod-a-2', 3), e('mod-b-1', 2), e('mod-a', 0)];
  assert.equal(matchEntry(entries, 'mod-a', [])?.key, 'mod-a', 'exact beats newer prefixes');
  assert.equal(matchEntry(entries, 'mod-a-', [])?.key, 'mod-a-2');
  assert.equal(matchEntry(entries, 'mod-c', ['mod-b', 'mod-'])?.key, 'mod-b-1', 'restore keys in order, not newest overall');
  assert.equal(matchEntry(entries, 'mod-c', ['mod-'])?.key, 'mod-a-2');
  assert.equal(matchEntry(entries, 'mod-c', ['x-']), undefined);
  assert.equal(matchEntry([], 'a', ['']), undefined);
});
