// Trivy's vulnerability DB on a bare runner, for real: go-containerregistry's registry on
// loopback holding the fixture DB pushed with oras as Trivy's DB artifact, a loopback front
// with a request log and rate-limit faults, the real Trivy fetching through
// trivy-db-repository, the gate's own Trivy cache dir restored and saved with a real local
// cache store, and the whole gate run through runGate on a module with a known vulnerability.
import { test, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runGate, type GateOutcome } from '../../src/run.ts';
import { localCacheStore } from '../../src/cli/cache-store.ts';
import { localTools } from '../../src/cli/adapters.ts';
import { parsePlan, PLAN_STATE_KEY } from '../../src/cache/plan.ts';
import { saveCaches } from '../../src/stages/cache-save.ts';
import { recordingPorts } from '../support/context.ts';
import { go, goTestEnv, tempDir, writeFiles } from '../support/gomodules.ts';
import { fixtureTrivyCache, trivyBin, VULN_MAIN, vulnGoMod } from '../support/trivy.ts';
import { pushDb, startRegistry, startRegistryFront, type FrontFaults, type Registry } from '../support/registry.ts';
import { startReleaseServer } from '../support/release-server.ts';
import { trivyArchive, trivyReleaseFiles } from '../support/trivy-release.ts';
import { ALLOW_HTTP_LOOPBACK } from '../../src/config/config.ts';
import { fetchDb } from '../../src/scan/db.ts';

type T = { onTestFinished(fn: () => unknown): void };
const BRANCH_ENV = { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567', GITHUB_REPOSITORY: 'org/app', GITHUB_EVENT_PATH: '' };
const REPO = 'aquasecurity/trivy-db';
const RULE = 'scan/cve-2022-32149';

let registry: Registry | undefined;
/** One registry for the file, holding the fixture DB. */
async function dbRegistry(t: T): Promise<Registry> {
  if (!registry) {
    registry = await startRegistry();
    pushDb(registry.host, REPO, fixtureTrivyCache(t));
  }
  return registry;
}
afterAll(async () => registry?.close());

async function front(t: T, faults: FrontFaults = {}) {
  const f = await startRegistryFront((await dbRegistry(t)).host, faults);
  t.onTestFinished(() => f.close());
  return f;
}

function vulnModule(t: T): string {
  const ws = tempDir(t, 'grg-scandb-ws-');
  writeFiles(ws, { 'go.mod': vulnGoMod('v0.3.7'), 'main.go': VULN_MAIN });
  go(['mod', 'tidy'], ws);
  return ws;
}

interface Runner { cacheRoot: string; tools: ReturnType<typeof localTools> }

/** One runner: the same cache store and tool cache across the gate runs of a test. */
function runner(t: T): Runner {
  const home = tempDir(t, 'grg-scandb-home-');
  return { cacheRoot: path.join(home, 'cache'), tools: localTools(path.join(home, 'tools'), path.join(home, 'tmp')) };
}

/** The gate then, as the post step does, the cache save. */
async function gate(t: T, r: Runner, ws: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
  const store = localCacheStore(r.cacheRoot);
  const tmp = tempDir(t, 'grg-scandb-tmp-');
  const { ports, rec } = recordingPorts({ workspace: ws, env: { ...goTestEnv(), ...BRANCH_ENV, ...env }, tempDir: tmp, tools: r.tools });
  ports.cache = store;
  const o: GateOutcome = await runGate({ cache: 'read-write', 'trivy-path': trivyBin(), ...inputs }, ports);
  const plan = parsePlan(rec.state[PLAN_STATE_KEY]);
  const saved = plan ? await saveCaches(plan, store, ports.log) : [];
  const scan = o.result.stages.find((s) => s.name === 'scan');
  assert.ok(scan, 'the scan stage ran');
  return { o, scan, rec, saved, tmp };
}

const scanned = (scan: { status: string; findings: { ruleId: string }[]; reason?: string }) => {
  assert.equal(scan.status, 'failed', scan.reason);
  assert.ok(scan.findings.some((f) => f.ruleId === RULE), 'the scan ran on the fetched DB and found the advisory');
};

test('DB fetched through a front that answers 429 TOOMANYREQUESTS twice: backoff, then the scan; saved; the next run restores it and asks the registry nothing', async (t) => {
  const f = await front(t, { tooManyFirst: 2 });
  const ws = vulnModule(t);
  const r = runner(t);
  const one = await gate(t, r, ws, { 'trivy-db-repository': `${f.host}/${REPO}:2` });
  scanned(one.scan);
  assert.deepEqual(f.requests.slice(0, 2).map((x) => x.split(' ').pop()), ['429', '429']);
  assert.ok(f.requests.some((x) => /\/manifests\/2 200$/.test(x)) && f.requests.some((x) => /\/blobs\/sha256:[0-9a-f]+ 200$/.test(x)), f.requests.join('\n'));
  assert.equal(one.scan.metrics?.dbSource, `downloaded from ${f.host}/${REPO}:2`);
  assert.match(one.scan.details ?? '', new RegExp(`Vulnerability DB updated \\S+ \\(\\d+[dhm]( \\d+[hm])? old\\), downloaded from ${f.host}/${REPO}:2`));
  // The gate's Trivy cache dir is its own, outside the workspace.
  assert.ok(!path.relative(ws, String(one.scan.details).match(/cache dir (\S+)/)![1]).match(/^[^.]/), 'the cache dir is outside the workspace');
  const dbRow = one.saved.find((x) => x.slot.kind === 'trivy-db');
  assert.equal(dbRow?.result, 'saved', JSON.stringify(one.saved.map((x) => [x.slot.kind, x.result, x.detail])));
  assert.match(dbRow.slot.key, /^go-release-gate-v1-trivydb-Linux-\d{4}-\d{2}-\d{2}$/);

  const before = f.requests.length;
  const two = await gate(t, r, ws, { 'trivy-db-repository': `${f.host}/${REPO}:2` });
  scanned(two.scan);
  assert.equal(f.requests.length, before, `the second run made no registry request: ${f.requests.slice(before).join(', ')}`);
  assert.match(String(two.scan.metrics?.dbSource), new RegExp(`^restored from the cache \\(${dbRow.slot.key}\\), fresh`));
  assert.equal(two.saved.find((x) => x.slot.kind === 'trivy-db')?.result, 'skipped', 'an exact key hit is not saved again');
});

test('the first repository always answers 429: the second is used', async (t) => {
  const limited = await front(t, { alwaysTooMany: true });
  const good = await front(t);
  const ws = vulnModule(t);
  const { scan } = await gate(t, runner(t), ws, { 'trivy-db-repository': `${limited.host}/${REPO}:2, ${good.host}/${REPO}:2` });
  scanned(scan);
  assert.ok(limited.requests.length > 0 && limited.requests.every((x) => x.endsWith(' 429')), limited.requests.join('\n'));
  assert.equal(scan.metrics?.dbRepository, `${good.host}/${REPO}:2`);
  assert.equal(scan.metrics?.dbFetchAttempts, 2);
});

test('nothing reachable and no DB: the scan stage errors, saying what failed and the ways out', async (t) => {
  const ws = vulnModule(t);
  const { o, scan, saved } = await gate(t, runner(t), ws, { 'trivy-db-repository': `127.0.0.1:1/${REPO}:2\n127.0.0.1:2/${REPO}:2` });
  assert.equal(scan.status, 'errored');
  assert.equal(o.result.verdict.passed, false);
  assert.match(scan.reason ?? '', /Trivy has no usable vulnerability DB in .* and could not download one: failed to download vulnerability DB from 127\.0\.0\.1:1\/.*127\.0\.0\.1:2\/.*there is no DB\. The scan cannot run: set scan: off .*trivy-path/);
  assert.equal(saved.find((x) => x.slot.kind === 'trivy-db')?.result, 'skipped', 'nothing to save');
});

/** Seeds the cache store with a DB entry updated `ageH` hours ago whose NextUpdate has passed. */
async function seedStaleDb(t: T, r: Runner, ageH: number): Promise<void> {
  const dir = path.join(tempDir(t, 'grg-scandb-seed-'), 'trivy');
  fs.cpSync(path.join(fixtureTrivyCache(t), 'db'), path.join(dir, 'db'), { recursive: true });
  const now = Date.now();
  const at = (h: number) => new Date(now - h * 3_600_000).toISOString();
  fs.writeFileSync(path.join(dir, 'db', 'metadata.json'), JSON.stringify({ Version: 2, NextUpdate: at(ageH - 6), UpdatedAt: at(ageH), DownloadedAt: at(ageH) }));
  const day = new Date(now - ageH * 3_600_000).toISOString().slice(0, 10);
  await localCacheStore(r.cacheRoot).save([dir], `go-release-gate-v1-trivydb-Linux-${day}`);
}

test('a restored DB within trivy-db-max-age and nothing reachable: scanned with it, with a warning saying its age; beyond the max age: errored', async (t) => {
  const ws = vulnModule(t);
  const r = runner(t);
  await seedStaleDb(t, r, 50);
  const unreachable = { 'trivy-db-repository': `127.0.0.1:1/${REPO}:2` };
  const ok = await gate(t, r, ws, unreachable);
  scanned(ok.scan);
  const warning = ok.rec.logs.find((l) => l.startsWith('warning: Trivy could not refresh its vulnerability DB'));
  assert.ok(warning, ok.rec.logs.filter((l) => l.startsWith('warning')).join('\n'));
  assert.match(warning, /scanning with the DB restored from the cache \(go-release-gate-v1-trivydb-Linux-[\d-]+\), updated \S+ \(2d 2h old, within trivy-db-max-age\)/);
  assert.match(String(ok.scan.metrics?.dbSource), /^restored from the cache .*not refreshed \(fetch failed\)$/);
  assert.equal(ok.saved.find((x) => x.slot.kind === 'trivy-db')?.result, 'skipped', 'a stale DB is never saved under today\'s key');

  const old = await gate(t, r, ws, { ...unreachable, 'trivy-db-max-age': '1d' });
  assert.equal(old.scan.status, 'errored');
  assert.match(old.scan.reason ?? '', /there is only a DB updated \S+ \(2d 2h old, beyond trivy-db-max-age\)/);
});

test('scan: auto on a bare runner: Trivy installed from the release downloads (trivy-sha256 for a version outside the table), the DB fetched, the summary says both; a failed install errors naming scan: off and trivy-path', async (t) => {
  const f = await front(t);
  const archive = trivyArchive();
  const rel = await startReleaseServer(trivyReleaseFiles('0.99.0', archive, tempDir(t, 'grg-scandb-rel-')));
  t.onTestFinished(() => rel.close());
  const ws = vulnModule(t);
  const r = runner(t);
  const inputs = { 'trivy-path': '', 'trivy-version': '0.99.0', 'trivy-sha256': archive.sha256, 'trivy-download-base-url': rel.url, 'trivy-db-repository': `${f.host}/${REPO}:2` };
  const env = { [ALLOW_HTTP_LOOPBACK]: '1', PATH: path.dirname(process.execPath) };
  const { o, scan } = await gate(t, r, ws, inputs, env);
  scanned(scan);
  assert.equal(scan.metrics?.trivySource, 'download');
  assert.equal(scan.metrics?.trivySha256, archive.sha256);
  assert.match(scan.details ?? '', new RegExp(`Trivy 0\\.74\\.0 from downloaded into the tool cache \\(.*archive SHA-256 ${archive.sha256} verified against the trivy-sha256 input\\)`));
  const summary = fs.readFileSync(o.files.summary, 'utf8');
  assert.ok(summary.includes(archive.sha256), 'the summary shows the verified digest');
  assert.match(summary, /downloaded from 127\.0\.0\.1:\d+\/aquasecurity\/trivy-db:2/);

  const again = await gate(t, r, ws, inputs, env);
  assert.equal(again.scan.metrics?.trivySource, 'tool-cache');
  assert.equal(rel.requests.length, 1, 'the second run took Trivy from the tool cache');

  const broken = await gate(t, runner(t), ws, { ...inputs, 'trivy-download-base-url': `${rel.url}/nothing-here` }, env);
  assert.equal(broken.scan.status, 'errored');
  assert.match(broken.scan.reason ?? '', /Trivy 0\.99\.0 could not be installed: could not download .*404.*set scan: off to not scan, or trivy-path to a Trivy you provide/);
});

test('a rate limit that outlasts Trivy\'s own retries: the gate waits with exponential backoff and goes round again', async (t) => {
  const f = await front(t, { tooManyFirst: 7 });
  const { ports } = recordingPorts({ workspace: tempDir(t, 'grg-scandb-ws-'), tempDir: tempDir(t, 'grg-scandb-tmp-') });
  const waits: number[] = [];
  const cacheDir = path.join(tempDir(t, 'grg-scandb-fetch-'), 'trivy');
  const got = await fetchDb({
    exec: ports.exec, trivy: trivyBin(), env: { PATH: process.env.PATH ?? '', HOME: cacheDir }, cacheDir, repositories: [`${f.host}/${REPO}:2`],
    tempDir: ports.tempDir, log: ports.log, rounds: 4, baseDelayMs: 10, sleep: async (ms) => void waits.push(ms),
  });
  const failed = got.attempts.filter((a) => !a.ok);
  assert.ok(failed.length >= 1 && failed.every((a) => a.retryable && /TOOMANYREQUESTS|429/.test(a.error ?? '')), JSON.stringify(got.attempts));
  assert.equal(got.attempts.at(-1)?.ok, true);
  assert.deepEqual(waits, failed.map((_, i) => 10 * 2 ** i), 'one wait before each new round, doubling');
  assert.ok(fs.existsSync(path.join(cacheDir, 'db', 'trivy.db')));
  assert.equal(f.requests.filter((r) => r.endsWith(' 429')).length, 7);
});
