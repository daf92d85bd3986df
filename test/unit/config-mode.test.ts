// Modes from the event: table-driven over real-shaped webhook payloads (test/fixtures/events).
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventFrom, parseConfig, readEventPayload, resolveCacheMode, resolveMode } from '../../src/config/config.ts';
import { ROOT } from '../support/runner.ts';

const EVENTS = path.join(ROOT, 'test', 'fixtures', 'events');
const SHA = '0123456789abcdef0123456789abcdef01234567';

function env(name: string, ref: string, payload?: string): Record<string, string> {
  return {
    GITHUB_EVENT_NAME: name,
    GITHUB_REF: ref,
    GITHUB_SHA: SHA,
    GITHUB_REPOSITORY: 'org/app',
    GITHUB_SERVER_URL: 'https://github.com',
    ...(payload ? { GITHUB_EVENT_PATH: path.join(EVENTS, payload) } : {}),
  };
}

const CASES: { what: string; env: Record<string, string>; mode: string; cache: string; reason: RegExp }[] = [
  { what: 'pull_request', env: env('pull_request', 'refs/pull/42/merge', 'pull_request.json'), mode: 'check', cache: 'read-only', reason: /^pull_request event$/ },
  { what: 'pull_request from a fork', env: env('pull_request', 'refs/pull/42/merge', 'pull_request-fork.json'), mode: 'check', cache: 'read-only', reason: /^pull_request event from a fork$/ },
  { what: 'pull_request_target', env: env('pull_request_target', 'refs/heads/main', 'pull_request-fork.json'), mode: 'check', cache: 'read-only', reason: /pull_request_target event from a fork/ },
  { what: 'merge_group', env: env('merge_group', 'refs/heads/gh-readonly-queue/main/pr-42-abc'), mode: 'check', cache: 'read-only', reason: /merge_group/ },
  { what: 'push to a branch', env: env('push', 'refs/heads/main', 'push-branch.json'), mode: 'check', cache: 'read-write', reason: /^push event on main$/ },
  { what: 'tag push', env: env('push', 'refs/tags/v1.2.3', 'push-tag.json'), mode: 'release', cache: 'read-only', reason: /^push event on tag v1\.2\.3$/ },
  { what: 'tag deleted', env: env('push', 'refs/tags/v1.2.2', 'push-tag-deleted.json'), mode: 'check', cache: 'read-only', reason: /deleting refs\/tags\/v1\.2\.2: nothing to release/ },
  { what: 'workflow_dispatch on a branch', env: env('workflow_dispatch', 'refs/heads/main', 'workflow_dispatch.json'), mode: 'check', cache: 'read-write', reason: /^workflow_dispatch event on main$/ },
  { what: 'workflow_dispatch on a tag', env: env('workflow_dispatch', 'refs/tags/v1.2.3'), mode: 'release', cache: 'read-only', reason: /^workflow_dispatch event on tag v1\.2\.3$/ },
  { what: 'release published', env: env('release', 'refs/tags/v2.0.0'), mode: 'release', cache: 'read-only', reason: /^release event on tag v2\.0\.0$/ },
  { what: 'schedule', env: env('schedule', 'refs/heads/main'), mode: 'check', cache: 'read-write', reason: /schedule event on main/ },
  // Nothing says who wrote the code: restore only (issue 10 changed this from read-write).
  { what: 'no GitHub at all (CLI)', env: {}, mode: 'check', cache: 'read-only', reason: /^no GitHub event$/ },
];

for (const c of CASES) {
  test(`mode auto, ${c.what}: ${c.mode}, caches ${c.cache}`, () => {
    const ev = eventFrom(c.env);
    const m = resolveMode('auto', ev);
    assert.equal(m.mode, c.mode);
    assert.match(m.reason, c.reason);
    assert.equal(resolveCacheMode('auto', ev), c.cache);
  });
}

// cache: auto writes only for trusted code on a branch; every other event name restores only.
const CACHE_TABLE: { name: string; ref: string; cache: 'read-write' | 'read-only'; deleted?: boolean }[] = [
  { name: 'push', ref: 'refs/heads/main', cache: 'read-write' },
  { name: 'push', ref: 'refs/heads/feature/x', cache: 'read-write' },
  { name: 'schedule', ref: 'refs/heads/main', cache: 'read-write' },
  { name: 'workflow_dispatch', ref: 'refs/heads/main', cache: 'read-write' },
  { name: 'push', ref: 'refs/tags/v1.2.3', cache: 'read-only' },
  { name: 'push', ref: 'refs/heads/gone', cache: 'read-only', deleted: true },
  { name: 'workflow_dispatch', ref: 'refs/tags/v1.2.3', cache: 'read-only' },
  { name: 'schedule', ref: '', cache: 'read-only' },
  { name: 'workflow_run', ref: 'refs/heads/main', cache: 'read-only' },
  { name: 'issue_comment', ref: 'refs/heads/main', cache: 'read-only' },
  { name: 'pull_request_review', ref: 'refs/pull/7/merge', cache: 'read-only' },
  { name: 'pull_request_review_comment', ref: 'refs/pull/7/merge', cache: 'read-only' },
  { name: 'pull_request', ref: 'refs/pull/7/merge', cache: 'read-only' },
  { name: 'pull_request_target', ref: 'refs/heads/main', cache: 'read-only' },
  { name: 'merge_group', ref: 'refs/heads/gh-readonly-queue/main/pr-7-abc', cache: 'read-only' },
  { name: 'release', ref: 'refs/tags/v2.0.0', cache: 'read-only' },
  { name: 'repository_dispatch', ref: 'refs/heads/main', cache: 'read-only' },
  { name: 'some_future_event', ref: 'refs/heads/main', cache: 'read-only' },
  { name: 'Push', ref: 'refs/heads/main', cache: 'read-only' },
  { name: '', ref: 'refs/heads/main', cache: 'read-only' },
  { name: '', ref: '', cache: 'read-only' },
];

for (const c of CACHE_TABLE) {
  test(`cache auto, ${c.name || 'no event'} on ${c.ref || 'no ref'}${c.deleted ? ' (deleted)' : ''}: ${c.cache}`, () => {
    const ev = eventFrom({ GITHUB_EVENT_NAME: c.name, GITHUB_REF: c.ref }, c.deleted ? { deleted: true } : {});
    assert.equal(resolveCacheMode('auto', ev), c.cache);
    // An explicit mode always wins.
    assert.equal(resolveCacheMode('read-write', ev), 'read-write');
    assert.equal(resolveCacheMode('off', ev), 'off');
  });
}

test('the mode and cache inputs override the event', () => {
  const tag = eventFrom(env('push', 'refs/tags/v1.2.3', 'push-tag.json'));
  assert.deepEqual(resolveMode('check', tag), { mode: 'check', reason: 'mode input "check"' });
  const pr = eventFrom(env('pull_request', 'refs/pull/42/merge', 'pull_request.json'));
  assert.equal(resolveMode('release', pr).mode, 'release');
  assert.equal(resolveCacheMode('read-write', pr), 'read-write');
  assert.equal(resolveCacheMode('off', tag), 'off');
});

test('the event carries the commit, the repository URL, and what only the payload says', () => {
  const pr = eventFrom(env('pull_request', 'refs/pull/42/merge', 'pull_request-fork.json'));
  assert.equal(pr.sha, SHA);
  assert.equal(pr.repositoryUrl, 'https://github.com/org/app');
  assert.equal(pr.fromFork, true);
  assert.equal(eventFrom(env('pull_request', 'refs/pull/42/merge', 'pull_request.json')).fromFork, false);
  const tag = eventFrom(env('push', 'refs/tags/v1.2.3', 'push-tag.json'));
  assert.deepEqual([tag.isTag, tag.tag, tag.deleted], [true, 'v1.2.3', undefined]);
  // GHES server URL is used; junk in GITHUB_SERVER_URL / GITHUB_REPOSITORY / GITHUB_SHA is ignored, not echoed.
  assert.equal(eventFrom({ ...env('push', 'refs/heads/main'), GITHUB_SERVER_URL: 'https://ghe.example.com' }).repositoryUrl, 'https://ghe.example.com/org/app');
  const junk = eventFrom({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/x', GITHUB_SHA: 'not a sha; rm -rf /', GITHUB_REPOSITORY: 'org/app"; echo' });
  assert.equal(junk.sha, undefined);
  assert.equal(junk.repositoryUrl, undefined);
});

test('a payload that is missing, empty or not JSON reads as no payload, never a crash', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-event-'));
  const bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, '{"pull_request": ');
  const arr = path.join(dir, 'arr.json');
  fs.writeFileSync(arr, '[1,2]');
  for (const file of [bad, arr, path.join(dir, 'missing.json'), undefined]) assert.deepEqual(readEventPayload(file), {});
  const ev = eventFrom({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/1/merge', GITHUB_EVENT_PATH: bad });
  assert.equal(resolveMode('auto', ev).mode, 'check');
  assert.equal(ev.fromFork, undefined);
  // Without GITHUB_REF (a hand-made environment), a push payload's ref still tells a tag.
  assert.equal(eventFrom({ GITHUB_EVENT_NAME: 'push' }, { ref: 'refs/tags/v3.0.0' }).tag, 'v3.0.0');
});

test('parseConfig puts the mode, its reason and the cache mode in the Config', () => {
  const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'grg-ws-')));
  const c = parseConfig({}, { workspace: ws, env: env('push', 'refs/tags/v1.2.3', 'push-tag.json') });
  assert.deepEqual([c.mode, c.modeReason, c.cache, c.event.tag], ['release', 'push event on tag v1.2.3', 'read-only', 'v1.2.3']);
});
