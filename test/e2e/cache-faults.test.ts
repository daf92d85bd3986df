// A cache service that fails (500, a hang, a truncated archive) costs a warning, never the
// verdict: dist/main.js + dist/post.js against the loopback service with faults switched on.
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { planOf, startRepo, type Repo } from '../support/cache-runs.ts';
import { editGreeting } from '../support/cache-fixture.ts';
import type { StepResult } from '../support/runner.ts';

let repo: Repo;
let seeded: { modKey: string; buildKey: string };
let runId = 5000;

beforeAll(async () => {
  repo = await startRepo();
  const seed = await repo.job({ runId: String(++runId) });
  assert.equal(seed.main.outputs.verdict, 'pass', seed.main.stdout);
  const [mod, build] = planOf(seed.runner).slots;
  assert.deepEqual(repo.server.entries().map((e) => e.key), [mod.key, build.key]);
  seeded = { modKey: mod.key, buildKey: build.key };
});
afterAll(() => repo.close());

function warnings(step: StepResult): string[] {
  return step.stdout.split('\n').filter((l) => l.startsWith('::warning'));
}

function errors(step: StepResult): string[] {
  return step.stdout.split('\n').filter((l) => l.startsWith('::error'));
}

/** One job with the fault on, the fault off again before the next. */
async function faultyJob(fault: NonNullable<Repo['server']['fault']>, env: Record<string, string> = {}) {
  repo.server.fault = fault;
  try {
    return await repo.job({ runId: String(++runId), env });
  } finally {
    repo.server.fault = undefined;
  }
}

function assertWarnedAndPassed(job: { main: StepResult; post: StepResult }, pattern: RegExp) {
  assert.equal(job.main.code, 0, job.main.stdout + job.main.stderr);
  assert.equal(job.main.outputs.verdict, 'pass', 'the same verdict as with a working cache');
  assert.equal(job.main.outputs['cache-hit'], 'miss');
  const w = warnings(job.main).filter((l) => /not restored/.test(l));
  assert.equal(w.length, 2, `one warning per cache:\n${warnings(job.main).join('\n')}`);
  for (const l of w) assert.match(l, pattern);
  // @actions/cache's own "Failed to restore" annotation is folded into ours, not shown twice.
  assert.ok(!warnings(job.main).some((l) => l.includes('::Failed to restore')), job.main.stdout);
  assert.deepEqual(errors(job.main), []);
  assert.match(job.main.summary, /\| module cache \(GOMODCACHE\) \| error: /);
  assert.match(job.main.summary, /went on without the cache/);
  assert.equal(job.post.code, 0, job.post.stdout + job.post.stderr);
}

test('the service answers 500 on the archive download: a warning per cache, the same verdict', async () => {
  const job = await faultyJob({ target: 'download', kind: '500' });
  assertWarnedAndPassed(job, /500/);
  // The module entry exists (only its download failed): the post step does not try to save it again.
  const [mod] = planOf(job.runner).slots;
  assert.equal(mod.matchedKey, seeded.modKey);
  assert.ok(!repo.server.requests.some((r) => r.op === 'CreateCacheEntry' && r.key === seeded.modKey && r.status === 409));
});

test('a truncated archive: nothing half-extracted is used, a warning, the same verdict', async () => {
  const job = await faultyJob({ target: 'download', kind: 'truncate' });
  assertWarnedAndPassed(job, /tar|zstd|unexpected end|truncated/i);
  // What Go found in GOMODCACHE came from the module proxy, complete, after the wipe.
  const [mod] = planOf(job.runner).slots;
  assert.ok(fs.existsSync(path.join(mod.dir, 'cache', 'download', 'golang.org', 'x', 'text', '@v', 'v0.21.0.zip')));
});

test('the download stalls half way: the client gives up, a warning, the same verdict', async () => {
  const job = await faultyJob({ target: 'download', kind: 'hang', hangMs: 15_000 });
  assertWarnedAndPassed(job, /Premature close|timed? ?out|aborted|socket/i);
});

test('the service never answers the lookup: SEGMENT_DOWNLOAD_TIMEOUT_MINS bounds the wait, nothing is saved from stand-in directories', async () => {
  const before = repo.server.requests.length;
  const job = await faultyJob({ target: 'GetCacheEntryDownloadURL', kind: 'hang', hangMs: 8_000 }, { SEGMENT_DOWNLOAD_TIMEOUT_MINS: '0.05' });
  assertWarnedAndPassed(job, /did not finish within 3\.0 s/);
  for (const slot of planOf(job.runner).slots) assert.ok(slot.noSave, slot.kind);
  assert.deepEqual(repo.server.requests.slice(before).filter((r) => r.op === 'CreateCacheEntry'), []);
  assert.match(job.post.summary, /the restore timed out/);
});

test('a cache failure never hides a real failure: a broken commit with a failing cache fails for its own reason', async () => {
  fs.writeFileSync(path.join(repo.app, 'internal', 'greet', 'broken.go'), 'package greet\n\nfunc Broken() string { return undefinedName }\n');
  try {
    const job = await faultyJob({ target: 'download', kind: '500' });
    assert.equal(job.main.code, 1);
    assert.equal(job.main.outputs.verdict, 'fail');
    const reasons = JSON.parse(job.main.outputs.reasons) as string[];
    assert.ok(reasons.length > 0);
    for (const r of reasons) assert.doesNotMatch(r, /^cache\b|GOMODCACHE|GOCACHE|not restored/);
    assert.ok(reasons.some((r) => /undefinedName/.test(r)), reasons.join('\n'));
    assert.equal(job.post.code, 0);
  } finally {
    fs.rmSync(path.join(repo.app, 'internal', 'greet', 'broken.go'));
    editGreeting(repo.app, 'hello, cache');
  }
});
