// The merge signs a release once, over the merged set, through dist/cli.js with real go builds
// and the real cosign: three shards of the fan-out fixture merged with a cosign key. Every
// merged binary and SHA256SUMS verifies with this test's own `cosign verify-blob` against the
// public key it generated, the provenance's subjects are the merged SHA256SUMS, and the signed
// set is the one an unsharded release run with the same key signs (names and digests). A wrong
// key password or a tampered key fails the merge with the reason; a release merge without a key
// or token skips with the unsharded run's sentence; sign never and check mode sign nothing.
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { runCli, type CliResult } from '../support/cli.ts';
import { commitAll } from '../support/git.ts';
import { goTestEnv } from '../support/gomodules.ts';
import { ROOT } from '../support/runner.ts';
import { sha256 } from '../support/gate.ts';
import { sarifProblems } from '../support/sarif.ts';
import { cosign, cosignPathDir, generateKeyPair, verifyBlob } from '../support/cosign.ts';
import { NO_ID_TOKEN } from '../../src/stages/sign.ts';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'fanout', 'three-cmd');
const TARGETS = 'linux/amd64,linux/arm64,windows/amd64';
const BINARIES = ['alpha', 'beta', 'gamma'].flatMap((c) => TARGETS.split(',').map((t) => `${c}_${t.replace('/', '_')}${t.startsWith('windows') ? '.exe' : ''}`)).sort();
const SIGNED = [...BINARIES, 'SHA256SUMS'];
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const BUILD = ['--dir', '.', '--targets', TARGETS, '--out', 'gate-out', '--scan', 'off'];

const temps: string[] = [];
function tmp(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(d);
  return d;
}
afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

let keys: { key: string; pub: string };
let commit = '';
let binDir = '';
/** gate-out of the unsharded release run, and of each shard (index 1..3). */
let whole = '';
const shards: string[] = [];

const release = (key = keys.key) => ['--mode', 'release', '--cosign-key', key, '--sign-tlog-upload', 'false', '--cosign-version', 'system'];

function cli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  // cosign from PATH (cosign-version: system); no keyless token unless a test hands one in.
  return runCli(args, { cwd, env: goTestEnv({ COSIGN_PASSWORD: PASSWORD, PATH: `${binDir}${path.delimiter}${process.env.PATH}`, GITHUB_SHA: commit, SIGSTORE_ID_TOKEN: '', ...env }) });
}

/** A checkout of the fixture as a runner has it; every copy is the same commit. */
function checkout(): string {
  const ws = tmp('grg-fansign-ws-');
  fs.cpSync(FIXTURE, ws, { recursive: true });
  commit = commitAll(ws);
  return ws;
}

const report = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
const signStage = (rep: { stages: { name: string }[] }) => rep.stages.find((s) => s.name === 'sign') as { name: string; status: string; reason?: string; findings: number; metrics?: Record<string, unknown> };
const bundlesIn = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith('.sigstore.json')).sort();
const signingFiles = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith('.sigstore.json') || n === 'cosign.pub' || n.startsWith('provenance.'));

async function merge(args: string[], env: Record<string, string> = {}): Promise<{ r: CliResult; out: string }> {
  const ws = tmp('grg-fansign-merge-');
  const r = await cli(['merge', '--out', 'gate-out', ...args], ws, env);
  return { r, out: path.join(ws, 'gate-out') };
}

beforeAll(async () => {
  binDir = cosignPathDir();
  temps.push(binDir);
  keys = await generateKeyPair(tmp('grg-fansign-key-'), PASSWORD);
  const ws = checkout();
  const one = await cli(['run', ...BUILD, ...release()], ws);
  assert.equal(one.code, 0, one.stderr + one.stdout);
  whole = path.join(ws, 'gate-out');
  // The same inputs in every matrix job, signing ones included: a shard still never signs.
  for (const i of [1, 2, 3]) {
    const sw = checkout();
    const r = await cli(['run', '--shard', `${i}/3`, ...BUILD, ...release()], sw);
    assert.equal(r.code, 0, `shard ${i}: ${r.stderr}${r.stdout}`);
    shards[i] = path.join(sw, 'gate-out');
    assert.deepEqual(signingFiles(shards[i]), [], `shard ${i} signed something`);
    assert.equal(signStage(report(shards[i])).status, 'skipped');
  }
});

test('a release merge with a key signs every merged binary and SHA256SUMS once, attests provenance of the merged SHA256SUMS, and signs what an unsharded release signs', async () => {
  const { r, out } = await merge([...release(), shards[1], shards[2], shards[3]]);
  assert.equal(r.code, 0, r.stderr + r.stdout);
  assert.match(r.stdout, /^verdict: pass$/m);
  const rep = report(out);
  assert.equal(rep.mode, 'release');
  assert.equal(rep.modeReason, 'mode input "release"');

  // Each signature verifies with an independent cosign against the key this test generated.
  for (const name of SIGNED) {
    const ok = await verifyBlob(keys.pub, path.join(out, `${name}.sigstore.json`), path.join(out, name));
    assert.equal(ok.code, 0, `verify-blob ${name}: ${ok.stderr}`);
  }
  // The public key the merge derived is this key's.
  assert.equal((await verifyBlob(path.join(out, 'cosign.pub'), path.join(out, 'SHA256SUMS.sigstore.json'), path.join(out, 'SHA256SUMS'))).code, 0);
  const other = await generateKeyPair(tmp('grg-fansign-other-'), 'other');
  assert.notEqual((await verifyBlob(other.pub, path.join(out, 'SHA256SUMS.sigstore.json'), path.join(out, 'SHA256SUMS'))).code, 0, 'another key does not verify');

  // Provenance: its subjects are exactly the merged SHA256SUMS lines, plus SHA256SUMS itself.
  const sumsText = fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8');
  const lines = sumsText.trim().split('\n');
  assert.equal(lines.length, BINARIES.length);
  const st = JSON.parse(fs.readFileSync(path.join(out, 'provenance.intoto.jsonl'), 'utf8'));
  assert.deepEqual(
    st.subject.map((s: { name: string; digest: { sha256: string } }) => `${s.digest.sha256}  ${s.name}`).sort(),
    [...lines, `${sha256(path.join(out, 'SHA256SUMS'))}  SHA256SUMS`].sort(),
  );
  assert.deepEqual(st.predicate.buildDefinition.externalParameters.targets, TARGETS.split(','), 'the shards\' build inputs');
  assert.deepEqual(st.predicate.buildDefinition.resolvedDependencies[0].digest, { gitCommit: commit });
  for (const name of SIGNED) {
    const att = await cosign(['verify-blob-attestation', '--key', keys.pub, '--bundle', path.join(out, 'provenance.intoto.jsonl.sigstore.json'), '--type', 'slsaprovenance1', '--insecure-ignore-tlog', path.join(out, name)]);
    assert.equal(att.code, 0, `attestation for ${name}: ${att.stderr}`);
  }

  // The signed set is the unsharded release's: the same bundles, over files with the same digests
  // (the provenance statement included: the merge states what the shards built, as the run did).
  assert.deepEqual(bundlesIn(out), bundlesIn(whole));
  assert.deepEqual(bundlesIn(out), [...SIGNED, 'provenance.intoto.jsonl'].map((n) => `${n}.sigstore.json`).sort());
  for (const b of bundlesIn(whole)) {
    const subject = b.slice(0, -'.sigstore.json'.length);
    assert.equal(sha256(path.join(out, subject)), sha256(path.join(whole, subject)), `${subject} differs from the unsharded release's`);
  }

  // report.json, outputs, summary and SARIF show the sign stage as the unsharded run's do.
  const one = report(whole);
  const pick = (s: ReturnType<typeof signStage>) => ({ name: s.name, status: s.status, findings: s.findings, metrics: s.metrics });
  assert.deepEqual(pick(signStage(rep)), pick(signStage(one)));
  assert.deepEqual(signStage(rep).metrics, { signed: SIGNED.length, verified: SIGNED.length, files: SIGNED.length, tlogUpload: false, keyless: false });
  assert.deepEqual(rep.stages.map((s: { name: string }) => s.name).slice(-2), ['merge', 'sign']);
  assert.equal(rep.stages.filter((s: { name: string }) => s.name === 'sign').length, 1, 'the shards\' skipped sign stage is replaced, not repeated');
  const sorted = (facts: Record<string, string>) => JSON.parse(facts['sign.signatures']).sort((x: { path: string }, y: { path: string }) => (x.path < y.path ? -1 : 1));
  assert.deepEqual(sorted(rep.facts), sorted(one.facts), 'the same signatures, bundles and verify commands');
  for (const k of ['sign.method', 'sign.verify', 'sign.public-key-display', 'sign.provenance-display', 'sign.provenance-verified', 'sign.provenance-verify']) {
    assert.equal(rep.facts[k], one.facts[k], k);
  }
  const outputs = JSON.parse(fs.readFileSync(path.join(out, 'outputs.json'), 'utf8'));
  assert.deepEqual(JSON.parse(outputs.signatures).map((s: { path: string; verified: boolean }) => [s.path, s.verified]), SIGNED.map((n) => [`gate-out/${n}`, true]), 'every binary, then SHA256SUMS');
  assert.equal(outputs['public-key'], path.join(fs.realpathSync(path.dirname(out)), 'gate-out', 'cosign.pub'));
  assert.equal(outputs.provenance, path.join(fs.realpathSync(path.dirname(out)), 'gate-out', 'provenance.intoto.jsonl'));
  const summary = fs.readFileSync(path.join(out, 'summary.md'), 'utf8');
  assert.match(summary, /### ✅ sign: passed/);
  assert.match(summary, new RegExp(`\\| Signatures \\| signed with cosign: ${SIGNED.length} Sigstore bundle\\(s\\), public key <code>gate-out/cosign\\.pub</code>; verify with <code>cosign verify-blob --key cosign\\.pub --bundle SHA256SUMS\\.sigstore\\.json --insecure-ignore-tlog SHA256SUMS</code>`));
  assert.match(summary, /\| Provenance \| SLSA v1 in-toto statement <code>gate-out\/provenance\.intoto\.jsonl<\/code>, attested in <code>gate-out\/provenance\.intoto\.jsonl\.sigstore\.json<\/code>, verified/);
  assert.match(summary, /\| sign \| ✅ passed \| 0 \|/);
  assert.deepEqual(await sarifProblems(path.join(out, 'results.sarif')), []);
  const sarif = JSON.parse(fs.readFileSync(path.join(out, 'results.sarif'), 'utf8'));
  const ruleIds = sarif.runs.flatMap((run: { tool: { driver: { rules?: { id: string }[] } } }) => (run.tool.driver.rules ?? []).map((x) => x.id));
  for (const id of ['sign/unavailable', 'sign/signing-failed', 'sign/verification-failed']) assert.ok(ruleIds.includes(id), id);
});

test('the wrong COSIGN_PASSWORD fails the merge with the reason: nothing signed, no password printed, the failure in SARIF', async () => {
  const wrong = `wrong-${randomBytes(12).toString('hex')}`;
  const { r, out } = await merge([...release(), shards[1], shards[2], shards[3]], { COSIGN_PASSWORD: wrong });
  assert.equal(r.code, 1, r.stderr + r.stdout);
  const rep = report(out);
  assert.equal(rep.verdict, 'fail');
  assert.ok(rep.reasons.some((x: string) => /^sign: cosign could not read the signing key: .*\(is COSIGN_PASSWORD the password of this key\?\)$/.test(x)), rep.reasons.join('\n'));
  assert.equal(signStage(rep).status, 'failed');
  assert.deepEqual(signingFiles(out), []);
  assert.match(fs.readFileSync(path.join(out, 'summary.md'), 'utf8'), /\| Signatures \| \*\*signing failed\*\*: cosign could not read the signing key/);
  const sarif = JSON.parse(fs.readFileSync(path.join(out, 'results.sarif'), 'utf8'));
  assert.ok(sarif.runs.some((run: { results: { ruleId: string }[] }) => run.results.some((x) => x.ruleId === 'sign/signing-failed')));
  assert.deepEqual(await sarifProblems(path.join(out, 'results.sarif')), []);
  const texts = [r.stdout, r.stderr, ...fs.readdirSync(out).filter((f) => /\.(json|md|sarif)$/.test(f)).map((f) => fs.readFileSync(path.join(out, f), 'utf8'))].join('\n');
  assert.ok(!texts.includes(wrong) && !texts.includes(PASSWORD), 'no password is printed or written');
});

test('a tampered signing key fails the merge with the reason, and nothing is signed', async () => {
  const dir = tmp('grg-fansign-tampered-');
  const pem = fs.readFileSync(keys.key, 'utf8').split('\n');
  // One base64 character of the encrypted key changed: its integrity check refuses it.
  const i = pem.findIndex((l) => l.length > 40 && !l.startsWith('-----'));
  pem[i] = `${pem[i][0] === 'A' ? 'B' : 'A'}${pem[i].slice(1)}`;
  const key = path.join(dir, 'cosign.key');
  fs.writeFileSync(key, pem.join('\n'), { mode: 0o600 });
  const { r, out } = await merge([...release(key), shards[1], shards[2], shards[3]]);
  assert.equal(r.code, 1, r.stderr + r.stdout);
  const rep = report(out);
  assert.ok(rep.reasons.some((x: string) => /^sign: cosign could not read the signing key: /.test(x)), rep.reasons.join('\n'));
  assert.deepEqual(signingFiles(out), []);
});

test('a release merge without a key or OIDC token skips signing with the unsharded run\'s sentence; sign never and check mode sign nothing', async () => {
  const noKey = await merge(['--mode', 'release', '--cosign-version', 'system', shards[1], shards[2], shards[3]]);
  assert.equal(noKey.r.code, 0, noKey.r.stderr + noKey.r.stdout);
  const a = report(noKey.out);
  assert.equal(a.verdict, 'pass');
  assert.deepEqual([signStage(a).status, signStage(a).reason], ['skipped', NO_ID_TOKEN]);
  assert.ok(fs.readFileSync(path.join(noKey.out, 'summary.md'), 'utf8').includes(`| Signatures | **not signed**: ${NO_ID_TOKEN}`));
  assert.deepEqual(signingFiles(noKey.out), []);

  const never = await merge([...release(), '--sign', 'never', shards[1], shards[2], shards[3]]);
  assert.equal(never.r.code, 0, never.r.stderr + never.r.stdout);
  assert.deepEqual([signStage(report(never.out)).status, signStage(report(never.out)).reason], ['skipped', 'sign input "never"']);
  assert.deepEqual(signingFiles(never.out), []);

  const check = await merge(['--cosign-key', keys.key, '--cosign-version', 'system', shards[1], shards[2], shards[3]]);
  assert.equal(check.r.code, 0, check.r.stderr + check.r.stdout);
  const c = report(check.out);
  assert.equal(c.mode, 'check');
  assert.match(signStage(c).reason!, /^check mode \(no GitHub event\) signs nothing; set sign: always/);
  assert.deepEqual(signingFiles(check.out), []);
});

test('a release merge that fails its checks signs nothing; one over a check-mode shard fails naming it', async () => {
  const missing = await merge([...release(), shards[1], shards[3]]);
  assert.equal(missing.r.code, 1, missing.r.stderr + missing.r.stdout);
  const m = report(missing.out);
  assert.ok(m.reasons.some((x: string) => /^merge: shard 2\/3 did not arrive/.test(x)), m.reasons.join('\n'));
  assert.deepEqual([signStage(m).status, signStage(m).reason], ['skipped', 'the merge\'s checks failed, so the merged set is not signed']);
  assert.deepEqual(signingFiles(missing.out), []);

  // Shard 2 again, built in check mode (where a restored build cache may be used): not a release build.
  const ws = checkout();
  const r = await cli(['run', '--shard', '2/3', ...BUILD], ws);
  assert.equal(r.code, 0, r.stderr + r.stdout);
  const mixed = await merge([...release(), shards[1], path.join(ws, 'gate-out'), shards[3]]);
  assert.equal(mixed.r.code, 1, mixed.r.stderr + mixed.r.stdout);
  const x = report(mixed.out);
  assert.ok(x.reasons.some((s: string) => /^merge: shard 2\/3 \(.*\) ran in check mode, and the merge releases/.test(s)), x.reasons.join('\n'));
  assert.deepEqual(signingFiles(mixed.out), []);
});
