// A keyless release through dist/main.js as the runner runs it, fanned out: on a tag push two
// shard jobs upload their bundles to the loopback artifact service (a shard never signs, nor
// asks for a token), and the mode: merge job (id-token: write) signs the merged binaries and
// SHA256SUMS once with a Fulcio certificate for the workflow, attests the provenance, and
// verifies all of it, against the private Sigstore on loopback (Fulcio, TSA, trusted root) that
// sign-keyless.test.ts uses. Every signature is checked again here with an independent cosign;
// a merge that verifies against another identity fails with the reason; a merge job without
// id-token: write skips signing with the unsharded run's sentence.
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeWorkspace, ROOT, Runner, type StepResult } from '../support/runner.ts';
import { startArtifactServer, type ArtifactServer } from '../support/artifact-server.ts';
import { goTestEnv } from '../support/gomodules.ts';
import { eventPayload, sha256 } from '../support/gate.ts';
import { NO_ID_TOKEN } from '../../src/stages/sign.ts';
import { cosign, cosignBin } from '../support/cosign.ts';
import { sarifProblems } from '../support/sarif.ts';
import { DEFAULT_CLAIMS, startLocalSigstore, type LocalSigstore } from '../support/sigstore.ts';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'fanout', 'three-cmd');
const TARGETS = 'linux/amd64,windows/amd64';
const BINARIES = ['alpha_linux_amd64', 'alpha_windows_amd64.exe', 'beta_linux_amd64', 'beta_windows_amd64.exe', 'gamma_linux_amd64', 'gamma_windows_amd64.exe'];
const SIGNED = [...BINARIES, 'SHA256SUMS'];

let sigstore: LocalSigstore;
let server: ArtifactServer;
const homes: string[] = [];

beforeAll(async () => {
  sigstore = await startLocalSigstore();
  server = await startArtifactServer();
});
afterAll(async () => {
  await server?.close();
  await sigstore?.stop();
  for (const h of homes) fs.rmSync(h, { recursive: true, force: true });
});

/** A runner home whose tool cache holds cosign 3.1.3, so the gate's installer takes it from there. */
function homeWithCosign(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-runner-'));
  homes.push(home);
  const dir = path.join(home, 'tool-cache', 'cosign', '3.1.3', process.arch);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(cosignBin(), path.join(dir, 'cosign'));
  fs.chmodSync(path.join(dir, 'cosign'), 0o755);
  fs.writeFileSync(`${dir}.complete`, '');
  return home;
}

/** One job of the tag push's workflow run, on a fresh runner with its own checkout and id-token: write. */
async function job(runId: string, jobId: string, inputs: Record<string, string>, idToken = true): Promise<{ step: StepResult; out: string }> {
  const workspace = makeWorkspace(FIXTURE);
  const go = goTestEnv();
  const oidc: Record<string, string> = sigstore.runnerEnv();
  if (!idToken) {
    delete oidc.ACTIONS_ID_TOKEN_REQUEST_URL;
    delete oidc.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  }
  const runner = new Runner({
    workspace,
    home: homeWithCosign(),
    eventName: 'push',
    ref: DEFAULT_CLAIMS.ref,
    event: eventPayload('push-tag'),
    inputs: { 'working-directory': '.', targets: TARGETS, cache: 'off', scan: 'off', ...sigstore.inputs(), ...inputs },
    env: {
      GOMODCACHE: go.GOMODCACHE, GOFLAGS: go.GOFLAGS, GOTOOLCHAIN: 'local',
      ...oidc, GITHUB_SHA: DEFAULT_CLAIMS.sha, GITHUB_RUN_ID: runId, ...server.envFor(`run-${runId}`, jobId),
    },
  });
  const step = await runner.main();
  return { step, out: path.join(fs.realpathSync(workspace), 'gate-out') };
}

async function shards(runId: string): Promise<void> {
  const issued = sigstore.token.issued.length;
  for (const i of [1, 2]) {
    const { step, out } = await job(runId, `shard-${i}`, { shard: `${i}/2` });
    assert.equal(step.code, 0, step.stdout + step.stderr);
    assert.equal(step.outputs.mode, 'release', 'a tag push: the shards build a release');
    assert.deepEqual(fs.readdirSync(out).filter((n) => n.endsWith('.sigstore.json') || n.startsWith('provenance.')), [], `shard ${i} signed`);
  }
  assert.equal(sigstore.token.issued.length, issued, 'no shard asked for an OIDC token');
}

function verifyKeyless(bundle: string, file: string, identity = sigstore.identity) {
  return cosign(['verify-blob', '--bundle', bundle, '--certificate-identity', identity, '--certificate-oidc-issuer', sigstore.token.issuer, '--trusted-root', sigstore.trustedRoot, '--insecure-ignore-tlog', '--insecure-ignore-sct', file]);
}

test('tag push fanned out: the merge job signs the merged set keyless once, attests its provenance, and every signature verifies independently', async () => {
  await shards('2001');
  const before = sigstore.token.issued.length;
  const { step: merge, out } = await job('2001', 'merge', { mode: 'merge' });
  assert.equal(merge.code, 0, merge.stdout + merge.stderr);
  assert.equal(merge.outputs.verdict, 'pass');
  assert.equal(merge.outputs.mode, 'release');
  assert.equal(sigstore.token.issued.length - before, 1, 'one OIDC token for the merge');
  const token = sigstore.token.issued.at(-1)!;
  assert.ok(merge.stdout.split('\n').includes(`::add-mask::${token}`), 'the token is masked');
  const texts = [merge.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n'), merge.stderr, merge.summary, ...fs.readdirSync(out).filter((f) => /\.(json|jsonl|md|sarif)$/.test(f)).map((f) => fs.readFileSync(path.join(out, f), 'utf8'))].join('\n');
  assert.ok(!texts.includes(token), 'the token is never printed or written');

  // Each merged binary and SHA256SUMS: a bundle that verifies for this workflow, and only for it.
  for (const name of SIGNED) {
    const bundle = path.join(out, `${name}.sigstore.json`);
    const ok = await verifyKeyless(bundle, path.join(out, name));
    assert.equal(ok.code, 0, `keyless verify of ${name}: ${ok.stderr}`);
  }
  const other = 'https://github.com/octo-org/hello/.github/workflows/other.yml@refs/tags/v1.2.3';
  assert.notEqual((await verifyKeyless(path.join(out, 'SHA256SUMS.sigstore.json'), path.join(out, 'SHA256SUMS'), other)).code, 0, 'another workflow identity must not verify');
  const sigs = JSON.parse(merge.outputs.signatures) as { path: string; verified: boolean; command: string }[];
  assert.deepEqual(sigs.map((x) => [x.path, x.verified]), SIGNED.map((n) => [`gate-out/${n}`, true]));
  assert.equal(merge.outputs['public-key'], '');

  // Provenance of the merged SHA256SUMS, attested for the workflow, verifying for each download.
  assert.equal(merge.outputs.provenance, path.join(out, 'provenance.intoto.jsonl'));
  const st = JSON.parse(fs.readFileSync(merge.outputs.provenance, 'utf8'));
  const sums = fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8').trim().split('\n');
  assert.equal(sums.length, BINARIES.length);
  assert.deepEqual(st.subject.map((s: { name: string; digest: { sha256: string } }) => `${s.digest.sha256}  ${s.name}`).sort(), [...sums, `${sha256(path.join(out, 'SHA256SUMS'))}  SHA256SUMS`].sort());
  assert.equal(st.predicate.runDetails.builder.id, sigstore.identity);
  assert.deepEqual(st.predicate.buildDefinition.externalParameters.targets, TARGETS.split(','));
  assert.deepEqual(st.predicate.buildDefinition.resolvedDependencies[0].digest, { gitCommit: DEFAULT_CLAIMS.sha });
  for (const name of SIGNED) {
    const att = await cosign(['verify-blob-attestation', '--bundle', path.join(out, 'provenance.intoto.jsonl.sigstore.json'), '--type', 'slsaprovenance1', '--certificate-identity', sigstore.identity, '--certificate-oidc-issuer', sigstore.token.issuer, '--trusted-root', sigstore.trustedRoot, '--insecure-ignore-tlog', '--insecure-ignore-sct', path.join(out, name)]);
    assert.equal(att.code, 0, `attestation for ${name}: ${att.stderr}`);
  }

  // report.json, the job summary and SARIF show the merge's sign stage.
  const report = JSON.parse(fs.readFileSync(merge.outputs['report-file'], 'utf8'));
  const sign = report.stages.find((s: { name: string }) => s.name === 'sign');
  assert.equal(sign.status, 'passed');
  assert.deepEqual(sign.metrics, { signed: SIGNED.length, verified: SIGNED.length, files: SIGNED.length, tlogUpload: false, keyless: true });
  assert.equal(report.facts['sign.identity'], sigstore.identity);
  assert.match(merge.summary, /go-release-gate: pass \(2 shards merged\)/);
  assert.match(merge.summary, /### ✅ sign: passed/);
  assert.ok(merge.summary.includes(`| Signatures | signed keyless with cosign: ${SIGNED.length} Sigstore bundle(s), certificate identity <code>${sigstore.identity}</code>, issuer <code>${sigstore.token.issuer}</code>`), merge.summary);
  assert.match(merge.summary, /\| Provenance \| SLSA v1 in-toto statement <code>gate-out\/provenance\.intoto\.jsonl<\/code>, attested in <code>gate-out\/provenance\.intoto\.jsonl\.sigstore\.json<\/code>, verified/);
  assert.match(merge.summary, /\| cosign \| tool cache \(/);
  assert.deepEqual(await sarifProblems(merge.outputs['sarif-file']), []);
});

test('a merge whose fresh signatures name another identity than it verifies against fails with the reason, and attests nothing', async () => {
  await shards('2002');
  const other = 'https://github.com/octo-org/hello/.github/workflows/other.yml@refs/tags/v1.2.3';
  const { step: merge } = await job('2002', 'merge', { mode: 'merge', 'sigstore-certificate-identity': other });
  assert.notEqual(merge.code, 0, merge.stdout + merge.stderr);
  assert.equal(merge.outputs.verdict, 'fail');
  const reasons: string[] = JSON.parse(merge.outputs.reasons);
  assert.ok(reasons.some((r) => /^sign: cosign verify-blob refused the new signature of gate-out\/\S+: .*expected SAN value "https:\/\/github\.com\/octo-org\/hello\/\.github\/workflows\/other\.yml@refs\/tags\/v1\.2\.3"/.test(r)), reasons.join('\n'));
  assert.equal(merge.outputs.provenance, '', 'no provenance for a release that did not verify');
  const report = JSON.parse(fs.readFileSync(merge.outputs['report-file'], 'utf8'));
  assert.equal(report.stages.find((s: { name: string }) => s.name === 'sign').status, 'failed');
  assert.equal(report.findings.filter((f: { ruleId: string }) => f.ruleId === 'sign/verification-failed').length, SIGNED.length);
  assert.match(merge.summary, /\| Signatures \| \*\*signing failed\*\*/);
  assert.deepEqual(await sarifProblems(merge.outputs['sarif-file']), []);
});

test('a release merge job without id-token: write passes, signing skipped with the sentence an unsharded run gives', async () => {
  await shards('2003');
  const { step: merge, out } = await job('2003', 'merge', { mode: 'merge' }, false);
  assert.equal(merge.code, 0, merge.stdout + merge.stderr);
  assert.equal(merge.outputs.verdict, 'pass');
  assert.equal(merge.outputs.mode, 'release');
  const report = JSON.parse(fs.readFileSync(merge.outputs['report-file'], 'utf8'));
  const sign = report.stages.find((s: { name: string }) => s.name === 'sign');
  assert.deepEqual([sign.status, sign.reason], ['skipped', NO_ID_TOKEN]);
  assert.ok(merge.summary.includes(`| Signatures | **not signed**: ${NO_ID_TOKEN}`), merge.summary);
  assert.equal(merge.outputs.signatures, '[]');
  assert.equal(merge.outputs.provenance, '');
  assert.deepEqual(fs.readdirSync(out).filter((n) => n.endsWith('.sigstore.json') || n.startsWith('provenance.')), []);
});
