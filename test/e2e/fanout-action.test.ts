// Fan-out through dist/main.js as the runner starts it: shard jobs upload their bundles with
// @actions/artifact, unchanged, to the loopback artifact service; a mode: merge job downloads
// them and merges. A failed upload fails that shard's step; the merge then misses its artifact
// and fails naming it.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { makeWorkspace, ROOT, Runner, type StepResult } from '../support/runner.ts';
import { startArtifactServer, type ArtifactServer } from '../support/artifact-server.ts';
import { goTestEnv } from '../support/gomodules.ts';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'fanout', 'three-cmd');
const TARGETS = 'linux/amd64,windows/amd64';

/** One job of a workflow run on a fresh runner with its own checkout, as a matrix job has. */
async function job(server: ArtifactServer, runId: string, jobId: string, inputs: Record<string, string>): Promise<{ step: StepResult; runner: Runner }> {
  const workspace = makeWorkspace(FIXTURE);
  const go = goTestEnv();
  const runner = new Runner({
    workspace,
    inputs: { 'working-directory': '.', targets: TARGETS, cache: 'off', scan: 'off', ...inputs },
    env: { GOMODCACHE: go.GOMODCACHE, GOFLAGS: go.GOFLAGS, GOTOOLCHAIN: 'local', GITHUB_RUN_ID: runId, ...server.envFor(`run-${runId}`, jobId) },
  });
  return { step: await runner.main(), runner };
}

const errors = (s: StepResult) => s.stdout.split('\n').filter((l) => l.startsWith('::error'));

test('two shards upload their bundles as artifacts; the merge job downloads and merges them into one verdict', async (t) => {
  const server = await startArtifactServer();
  t.onTestFinished(() => server.close());

  const shards: StepResult[] = [];
  for (const i of [2, 1]) {
    const { step } = await job(server, '1001', `shard-${i}`, { shard: `${i}/2` });
    assert.equal(step.code, 0, step.stdout + step.stderr);
    assert.equal(step.outputs.verdict, 'pass');
    assert.match(step.stdout, new RegExp(`shard ${i}/2: bundle uploaded as artifact go-release-gate-1001-shard-${i}-of-2`));
    shards[i] = step;
  }
  assert.deepEqual(server.artifacts().filter((a) => a.finalized).map((a) => a.name).sort(), ['go-release-gate-1001-shard-1-of-2', 'go-release-gate-1001-shard-2-of-2']);
  // Each artifact is a zip (the client's own format) holding exactly that shard's bundle.
  for (const a of server.artifacts()) assert.equal(a.data!.subarray(0, 4).toString('hex'), '504b0304', a.name);

  const { step: merge, runner } = await job(server, '1001', 'merge', { mode: 'merge' });
  assert.equal(merge.code, 0, merge.stdout + merge.stderr);
  assert.deepEqual(errors(merge), []);
  assert.equal(merge.outputs.verdict, 'pass');
  const artifacts = JSON.parse(merge.outputs.artifacts);
  assert.deepEqual(artifacts.map((a: { path: string }) => path.basename(a.path)).sort(), ['alpha_linux_amd64', 'alpha_windows_amd64.exe', 'beta_linux_amd64', 'beta_windows_amd64.exe', 'gamma_linux_amd64', 'gamma_windows_amd64.exe']);
  const out = path.join(runner.workspace, 'gate-out');
  const sums = fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8').trim().split('\n');
  assert.equal(sums.length, 6);
  // The merged binaries are the ones the shards built and reported.
  const shardSums = [1, 2].flatMap((i) => JSON.parse(shards[i].outputs.artifacts).map((a: { path: string; sha256: string }) => `${a.sha256}  ${path.basename(a.path)}`));
  assert.deepEqual(sums, shardSums.sort((a, b) => (a.split('  ')[1] < b.split('  ')[1] ? -1 : 1)));
  assert.match(merge.summary, /go-release-gate: pass \(2 shards merged\)/);
  assert.match(merge.summary, /\| 1\/2 \| Linux\/X64 \| [^|]+ \| ✅ pass \| 3 \| <code>go-release-gate-1001-shard-1-of-2<\/code> \|/);
  const report = JSON.parse(fs.readFileSync(merge.outputs['report-file'], 'utf8'));
  assert.equal(report.merged.commit, '0123456789abcdef0123456789abcdef01234567');
  // The merge downloaded through the service: a signed URL per shard.
  assert.equal(server.requests.filter((r) => r.op === 'GetSignedArtifactURL' && r.status === 200).length, 2);
});

test('a failed upload fails the shard step; the merge misses that artifact and fails naming the shard and the artifact', async (t) => {
  const server = await startArtifactServer();
  t.onTestFinished(() => server.close());

  const one = await job(server, '1002', 'shard-1', { shard: '1/2' });
  assert.equal(one.step.code, 0, one.step.stdout + one.step.stderr);

  server.fault = 'upload';
  const two = await job(server, '1002', 'shard-2', { shard: '2/2' });
  server.fault = undefined;
  assert.notEqual(two.step.code, 0, 'the shard step fails when its bundle cannot be uploaded');
  assert.equal(two.step.outputs.verdict, 'fail');
  assert.ok(errors(two.step).some((l) => /shard 2\/2: the bundle could not be uploaded as artifact go-release-gate-1002-shard-2-of-2/.test(l)), two.step.stdout);
  assert.ok(server.requests.some((r) => r.op === 'upload' && r.status === 403));

  const { step: merge } = await job(server, '1002', 'merge', { mode: 'merge' });
  assert.notEqual(merge.code, 0);
  assert.equal(merge.outputs.verdict, 'fail');
  const reasons: string[] = JSON.parse(merge.outputs.reasons);
  assert.ok(reasons.some((r) => r.startsWith('merge: shard 2/2 did not arrive: no artifact go-release-gate-1002-shard-2-of-2 in workflow run 1002')), reasons.join('\n'));
  assert.match(merge.summary, /go-release-gate: fail/);
});

test('a merge in a run without shard bundles fails, saying so', async (t) => {
  const server = await startArtifactServer();
  t.onTestFinished(() => server.close());
  const { step } = await job(server, '1003', 'merge', { mode: 'merge' });
  assert.notEqual(step.code, 0);
  assert.ok(JSON.parse(step.outputs.reasons).some((r: string) => /no shard bundle in workflow run 1003/.test(r)), step.outputs.reasons);
});
