import { test } from 'vitest';
import assert from 'node:assert/strict';
import { GO_MTIME_INTERVAL_MS, isCacheEntry, planTrim, TRIM_SLACK_MS, type CacheFile } from '../../src/cache/trim.ts';

const START = Date.UTC(2026, 0, 10, 12);
const MIN = 60_000;
const f = (path: string, size: number, ageMin: number): CacheFile => ({ path, size, mtimeMs: START - ageMin * MIN });

test('only Go\'s "<xx>/<hash>-a|d" names are cache entries', () => {
  for (const p of ['00/00aa-a', 'ff/ffee11-d', '3f/3f0c9e-d']) assert.ok(isCacheEntry(p), p);
  for (const p of ['README', 'trim.txt', 'testexpire.txt', '00/00aa-x', '00/00aa', 'zz/00aa-a', '00/sub/00aa-a']) assert.ok(!isCacheEntry(p), p);
});

test('entries older than job start minus Go\'s one-hour mtime interval were not used and go; newer ones stay', () => {
  const files = [
    f('aa/aa01-d', 100, -5), // written during the run
    f('aa/aa02-d', 100, 30), // restored, half an hour old: maybe used without a refresh
    f('aa/aa03-a', 100, 60), // exactly one hour: kept (the slack)
    f('bb/bb01-d', 100, 62), // over an hour and not refreshed: unused
    f('bb/bb02-d', 100, 60 * 24 * 3),
    f('README', 10, 60 * 24 * 30), // not an entry: never dropped
    f('trim.txt', 10, 0), // never saved
  ];
  const t = planTrim(files, { startedAtMs: START, maxBytes: 10_000 });
  assert.deepEqual(t.unused.map((x) => x.path), ['bb/bb01-d', 'bb/bb02-d']);
  assert.deepEqual(t.neverSave.map((x) => x.path), ['trim.txt']);
  assert.deepEqual(t.overLimit, []);
  assert.equal(t.sizeBefore, 520);
  assert.equal(t.sizeAfter, 310);
  assert.equal(t.touchedThisRun, 1);
  assert.equal(t.cutoffMs, START - GO_MTIME_INTERVAL_MS - TRIM_SLACK_MS);
});

test('over cache-max-size the oldest remaining entries go first, until it fits', () => {
  const files = [f('aa/a1-d', 400, 10), f('aa/a2-d', 300, 40), f('aa/a3-d', 200, 20), f('aa/a4-d', 100, -1), f('README', 50, 100)];
  const t = planTrim(files, { startedAtMs: START, maxBytes: 500 });
  assert.deepEqual(t.unused, []);
  assert.deepEqual(t.overLimit.map((x) => x.path), ['aa/a2-d', 'aa/a3-d', 'aa/a1-d']);
  assert.ok(t.sizeAfter <= 500);
  assert.equal(t.sizeAfter, 150);
  // Nothing to drop when it fits.
  assert.deepEqual(planTrim(files, { startedAtMs: START, maxBytes: 10_000 }).overLimit, []);
});

test('an untouched cache reports no activity (nothing built, nothing to save)', () => {
  const t = planTrim([f('aa/a1-d', 1, 10), f('aa/a2-d', 1, 30)], { startedAtMs: START, maxBytes: 100 });
  assert.equal(t.touchedThisRun, 0);
  assert.deepEqual(t.unused, []);
});
