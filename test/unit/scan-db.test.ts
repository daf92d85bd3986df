// The Trivy DB's metadata, freshness and the fetch's retry decisions, on files written here.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dbNotWorthSaving, downloadDbArgs, formatAge, isFresh, isRetryable, readDbMetadata } from '../../src/scan/db.ts';
import { trivyDbKeys } from '../../src/cache/keys.ts';

function dbDir(t: { onTestFinished(fn: () => unknown): void }, meta: object | string | undefined, withDb = true): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-db-'));
  t.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, 'db'));
  if (withDb) fs.writeFileSync(path.join(dir, 'db', 'trivy.db'), 'bbolt');
  if (meta !== undefined) fs.writeFileSync(path.join(dir, 'db', 'metadata.json'), typeof meta === 'string' ? meta : JSON.stringify(meta));
  return dir;
}

const NOW = Date.parse('2026-12-02T00:00:00Z');

test('metadata: read when complete; missing DB, bad JSON or missing fields read as no DB', (t) => {
  const m = readDbMetadata(dbDir(t, { Version: 2, NextUpdate: '2026-12-02T06:00:00Z', UpdatedAt: '2026-12-01T18:00:00Z', DownloadedAt: '2026-12-01T19:00:00Z' }));
  assert.ok(m);
  assert.equal(m.updatedAt.toISOString(), '2026-12-01T18:00:00.000Z');
  assert.equal(isFresh(m, NOW), true);
  assert.equal(isFresh(m, Date.parse('2026-12-02T07:00:00Z')), false);
  assert.equal(readDbMetadata(dbDir(t, { Version: 2, NextUpdate: 'x', UpdatedAt: '2026-12-01T18:00:00Z' })), undefined);
  assert.equal(readDbMetadata(dbDir(t, '{not json')), undefined);
  assert.equal(readDbMetadata(dbDir(t, { Version: 2, NextUpdate: '2026-12-02T06:00:00Z', UpdatedAt: '2026-12-01T18:00:00Z' }, false)), undefined, 'metadata without trivy.db');
  assert.equal(readDbMetadata(path.join(os.tmpdir(), 'no-such-grg-dir')), undefined);
});

test('the post step saves only a fresh, complete DB', (t) => {
  assert.equal(dbNotWorthSaving(dbDir(t, { Version: 2, NextUpdate: '2026-12-02T06:00:00Z', UpdatedAt: '2026-12-01T18:00:00Z' }), NOW), undefined);
  assert.match(dbNotWorthSaving(dbDir(t, { Version: 2, NextUpdate: '2026-12-01T06:00:00Z', UpdatedAt: '2026-11-30T18:00:00Z' }), NOW) ?? '', /due for an update/);
  assert.match(dbNotWorthSaving(dbDir(t, undefined), NOW) ?? '', /no complete vulnerability DB/);
});

test('rate limits and server errors are retried; refused connections and unknown repositories are not', () => {
  assert.equal(isRetryable('GET https://mirror.gcr.io/v2/aquasec/trivy-db/manifests/2: TOOMANYREQUESTS: retry-after: 1s'), true);
  assert.equal(isRetryable('unexpected status code 429 Too Many Requests'), true);
  assert.equal(isRetryable('unexpected status code 503 Service Unavailable'), true);
  assert.equal(isRetryable('dial tcp 127.0.0.1:1: connect: connection refused'), false);
  assert.equal(isRetryable('MANIFEST_UNKNOWN: manifest unknown'), false);
});

test('download-only arguments, DB cache keys by day, ages', () => {
  assert.deepEqual(downloadDbArgs('/c', 'r.example/db:2').slice(0, 6), ['image', '--download-db-only', '--cache-dir', '/c', '--db-repository', 'r.example/db:2']);
  const k = trivyDbKeys('Linux', NOW);
  assert.equal(k.key, 'go-release-gate-v1-trivydb-Linux-2026-12-02');
  assert.deepEqual(k.restoreKeys, ['go-release-gate-v1-trivydb-Linux-']);
  assert.equal(formatAge(3 * 86_400_000 + 4 * 3_600_000), '3d 4h');
  assert.equal(formatAge(5 * 3_600_000 + 12 * 60_000), '5h 12m');
  assert.equal(formatAge(12 * 60_000 + 5), '12m');
});
