// The sign stage with the real cosign, offline (no transparency log), as the runner runs us:
// a key pair made here, a tag push on examples/hello, and every signature checked again by this
// test with its own `cosign verify-blob` against the public key it generated.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Runner, makeWorkspace, ROOT } from '../support/runner.ts';
import { assertRunOutputs, eventPayload } from '../support/gate.ts';
import { cosign, cosignPathDir, generateKeyPair, verifyBlob } from '../support/cosign.ts';

const HELLO = path.join(ROOT, 'examples', 'hello');
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cosign-key-'));
const keys = generateKeyPair(keyDir, PASSWORD);
const binDir = cosignPathDir();

interface Setup { eventName: string; ref: string; payload: string; inputs?: Record<string, string>; env?: Record<string, string>; withCosign?: boolean; prepare?: (ws: string) => void }

async function gate(s: Setup) {
  const ws = makeWorkspace(HELLO);
  s.prepare?.(ws);
  const { key } = await keys;
  const env: Record<string, string> = { COSIGN_PASSWORD: PASSWORD, ...s.env };
  if (s.withCosign !== false) env.PATH = `${binDir}${path.delimiter}${process.env.PATH}`;
  // Without: this machine's PATH minus any directory that holds a cosign.
  else env.PATH = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d && !fs.existsSync(path.join(d, 'cosign'))).join(path.delimiter);
  const runner = new Runner({
    workspace: ws,
    eventName: s.eventName,
    ref: s.ref,
    event: eventPayload(s.payload),
    // cosign from PATH (cosign-version: system): the installer has its own tests (cosign-install).
    inputs: { targets: 'linux/amd64,linux/arm64', 'cosign-key': key, 'sign-tlog-upload': 'false', 'cosign-version': 'system', ...s.inputs },
    env,
  });
  const main = await runner.main();
  return { main, runner, ws: fs.realpathSync(ws), out: path.join(fs.realpathSync(ws), 'gate-out') };
}

const tagPush = { eventName: 'push', ref: 'refs/tags/v1.2.3', payload: 'push-tag' };
const SIGNED = ['hello_linux_amd64', 'hello_linux_arm64', 'SHA256SUMS'];

/**
 * Every text the run left behind, as a reader sees it: the password must be in none of them.
 * `::add-mask::VALUE` lines are how a step tells the runner what to mask (the runner consumes
 * them and shows nothing); each secret must be registered that way, and appear nowhere else.
 */
function everything(main: { stdout: string; stderr: string; summary: string }, out: string): string {
  const files = fs.existsSync(out) ? fs.readdirSync(out).filter((f) => /\.(json|md|sarif|pub)$/.test(f)).map((f) => fs.readFileSync(path.join(out, f), 'utf8')) : [];
  const stdout = main.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
  return [stdout, main.stderr, main.summary, ...files].join('\n');
}

function assertMasked(main: { stdout: string }, secret: string): void {
  assert.ok(main.stdout.split('\n').includes(`::add-mask::${secret}`), 'the secret is registered with the runner as a mask');
}

function signStageOf(report: { stages: { name: string; status: string; reason?: string }[] }) {
  const s = report.stages.find((x) => x.name === 'sign');
  assert.ok(s, `no sign stage in report.json: ${report.stages.map((x) => x.name).join(', ')}`);
  return s;
}

test('tag push with a key: every binary and SHA256SUMS signed, bundles verify independently, tampering is caught', async () => {
  const { main, ws, out } = await gate(tagPush);
  assert.equal(main.code, 0, main.stdout + main.stderr);
  const { report } = await assertRunOutputs(main, ws, { verdict: 'pass', mode: 'release', artifacts: ['gate-out/hello_linux_amd64', 'gate-out/hello_linux_arm64'] });
  assert.equal(signStageOf(report).status, 'passed');

  const { pub } = await keys;
  for (const name of SIGNED) {
    const file = path.join(out, name);
    const bundle = `${file}.sigstore.json`;
    assert.ok(fs.existsSync(bundle), `bundle for ${name}`);
    const bundleJson = JSON.parse(fs.readFileSync(bundle, 'utf8'));
    assert.match(bundleJson.mediaType, /^application\/vnd\.dev\.sigstore\.bundle/);
    const ok = await verifyBlob(pub, bundle, file);
    assert.equal(ok.code, 0, `independent verify of ${name}: ${ok.stderr}`);
  }

  // Outputs: each signature, and the public key the gate derived is the one we generated.
  const sigs = JSON.parse(main.outputs.signatures) as { path: string; bundle: string; verified: boolean }[];
  assert.deepEqual(sigs.map((x) => x.path).sort(), SIGNED.map((n) => `gate-out/${n}`).sort());
  assert.ok(sigs.every((x) => x.verified && x.bundle === `${x.path}.sigstore.json`));
  assert.equal(main.outputs['public-key'], path.join(out, 'cosign.pub'));
  const derived = await verifyBlob(main.outputs['public-key'], path.join(out, 'SHA256SUMS.sigstore.json'), path.join(out, 'SHA256SUMS'));
  assert.equal(derived.code, 0, derived.stderr);

  // The release report lists each bundle with the command that verifies it; that exact command works.
  const s = main.summary;
  assert.match(s, /Signatures \| signed with cosign: 3 Sigstore bundle\(s\), public key <code>gate-out\/cosign\.pub<\/code>; verify with <code>cosign verify-blob --key cosign\.pub --bundle SHA256SUMS\.sigstore\.json --insecure-ignore-tlog SHA256SUMS<\/code>/);
  for (const name of SIGNED) {
    const row = s.split('\n').find((l) => l.startsWith(`| <code>gate-out/${name}</code> | <code>gate-out/${name}.sigstore.json</code> | yes |`));
    assert.ok(row, `release report row for ${name}`);
    const command = /\| <code>(cosign verify-blob [^<]+)<\/code> \|$/.exec(row)![1];
    // Plain words only (the report quotes anything else): split and run it as an argument array, where the downloads are.
    const argv = command.split(' ');
    assert.deepEqual(argv.slice(0, 2), ['cosign', 'verify-blob']);
    assert.equal(argv.at(-1), name);
    const r = await cosign(argv.slice(1), {}, out);
    assert.equal(r.code, 0, `${command}: ${r.stderr}`);
  }
  assert.ok(!everything(main, out).includes(PASSWORD), 'the password is never printed or written');
  assertMasked(main, PASSWORD);

  // The release's SLSA provenance is attested with the same key and verifies for each download.
  assert.equal(main.outputs.provenance, path.join(out, 'provenance.intoto.jsonl'));
  for (const name of SIGNED) {
    const r = await cosign(['verify-blob-attestation', '--key', pub, '--bundle', path.join(out, 'provenance.intoto.jsonl.sigstore.json'), '--type', 'slsaprovenance1', '--insecure-ignore-tlog', path.join(out, name)]);
    assert.equal(r.code, 0, `provenance attestation for ${name}: ${r.stderr}`);
  }

  // Tampering after signing: the independent check fails for the changed file, and only for it.
  fs.appendFileSync(path.join(out, 'hello_linux_amd64'), Buffer.from([0]));
  const bad = await verifyBlob(pub, path.join(out, 'hello_linux_amd64.sigstore.json'), path.join(out, 'hello_linux_amd64'));
  assert.notEqual(bad.code, 0, 'a changed binary must not verify');
  const sums = path.join(out, 'SHA256SUMS');
  fs.writeFileSync(sums, fs.readFileSync(sums, 'utf8').replace(/^[0-9a-f]/, (c) => (c === '0' ? '1' : '0')));
  assert.notEqual((await verifyBlob(pub, `${sums}.sigstore.json`, sums)).code, 0, 'a changed SHA256SUMS must not verify');
  assert.equal((await verifyBlob(pub, path.join(out, 'hello_linux_arm64.sigstore.json'), path.join(out, 'hello_linux_arm64'))).code, 0);
  // Another key's signature does not verify either.
  const other = await generateKeyPair(fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cosign-other-')), 'other');
  assert.notEqual((await verifyBlob(other.pub, path.join(out, 'hello_linux_arm64.sigstore.json'), path.join(out, 'hello_linux_arm64'))).code, 0);
});

test('tag push with the wrong COSIGN_PASSWORD: the gate fails, says why, signs nothing and prints no password', async () => {
  const wrong = `wrong-${randomBytes(12).toString('hex')}`;
  // A bundle and key from an earlier run are there: they must not survive to pass for this run's.
  const stale = (ws: string) => {
    fs.mkdirSync(path.join(ws, 'gate-out'));
    for (const f of ['hello_linux_amd64.sigstore.json', 'SHA256SUMS.sigstore.json', 'cosign.pub']) fs.writeFileSync(path.join(ws, 'gate-out', f), '{}');
  };
  const { main, ws, out } = await gate({ ...tagPush, env: { COSIGN_PASSWORD: wrong }, prepare: stale });
  assert.equal(main.code, 1, main.stdout + main.stderr);
  const { report } = await assertRunOutputs(main, ws, {
    verdict: 'fail',
    mode: 'release',
    reasons: [/^sign: cosign could not read the signing key: .*\(is COSIGN_PASSWORD the password of this key\?\)$/],
  });
  assert.equal(signStageOf(report).status, 'failed');
  assert.match(main.summary, /Signatures \| \*\*signing failed\*\*/);
  assert.deepEqual(fs.readdirSync(out).filter((f) => f.endsWith('.sigstore.json') || f === 'cosign.pub'), []);
  assert.equal(main.outputs.signatures, '[]');
  assert.equal(main.outputs['public-key'], '');
  const all = everything(main, out);
  assert.ok(!all.includes(wrong), 'the wrong password is never printed');
  assert.ok(!all.includes(PASSWORD), 'the right password is never printed');
  assertMasked(main, wrong);
});

test('the key as PEM text in the input, sign: always on a branch push: signed and verified, no key line printed', async () => {
  const { key, pub } = await keys;
  const pem = fs.readFileSync(key, 'utf8');
  const { main, runner, ws, out } = await gate({ eventName: 'push', ref: 'refs/heads/main', payload: 'push-branch', inputs: { 'cosign-key': pem, sign: 'always', targets: 'linux/amd64' } });
  assert.equal(main.code, 0, main.stdout + main.stderr);
  await assertRunOutputs(main, ws, { verdict: 'pass', mode: 'check' });
  for (const name of ['hello_linux_amd64', 'SHA256SUMS']) {
    const r = await verifyBlob(pub, path.join(out, `${name}.sigstore.json`), path.join(out, name));
    assert.equal(r.code, 0, r.stderr);
  }
  const all = everything(main, out);
  for (const line of pem.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))) {
    assert.ok(!all.includes(line), 'no line of the private key is printed');
    assertMasked(main, line);
  }
  // The key was written to a private temporary file for cosign, and that file is gone.
  assert.deepEqual(fs.readdirSync(path.join(runner.home, 'temp')).filter((f) => f.startsWith('grg-cosign-')), []);
});

test('pull_request with sign: always: nothing is signed, the reason says pull requests never sign', async () => {
  const { main, ws, out } = await gate({ eventName: 'pull_request', ref: 'refs/pull/42/merge', payload: 'pull_request', inputs: { sign: 'always' } });
  assert.equal(main.code, 0, main.stdout + main.stderr);
  const { report } = await assertRunOutputs(main, ws, { verdict: 'pass', mode: 'check' });
  const s = signStageOf(report);
  assert.equal(s.status, 'skipped');
  assert.match(s.reason!, /^pull_request events never sign/);
  assert.deepEqual(fs.readdirSync(out).filter((f) => f.endsWith('.sigstore.json') || f === 'cosign.pub'), []);
  assert.equal(main.outputs.signatures, '[]');
  assert.equal(main.outputs['public-key'], '');
});

test('branch push (check mode) with a key and sign: auto: skipped, with the reason', async () => {
  const { main, ws, out } = await gate({ eventName: 'push', ref: 'refs/heads/main', payload: 'push-branch' });
  assert.equal(main.code, 0, main.stdout + main.stderr);
  const { report } = await assertRunOutputs(main, ws, { verdict: 'pass', mode: 'check' });
  const s = signStageOf(report);
  assert.equal(s.status, 'skipped');
  assert.match(s.reason!, /^check mode \(push event on main\) signs nothing; set sign: always/);
  assert.deepEqual(fs.readdirSync(out).filter((f) => f.endsWith('.sigstore.json')), []);
});

test('tag push without cosign on PATH: fails closed, naming what is missing', async () => {
  const { main, ws } = await gate({ ...tagPush, withCosign: false });
  assert.equal(main.code, 1, main.stdout + main.stderr);
  await assertRunOutputs(main, ws, { verdict: 'fail', mode: 'release', reasons: [/^sign: cosign-version is system, but cosign was not found on PATH: put it on PATH, or set cosign-version to a release/] });
});

test('keyless on a tag push without id-token: write: fails with the one-sentence explanation', async () => {
  const { main, ws } = await gate({ ...tagPush, inputs: { 'cosign-key': '', 'sign-keyless': 'true' } });
  assert.equal(main.code, 1, main.stdout + main.stderr);
  await assertRunOutputs(main, ws, {
    verdict: 'fail',
    mode: 'release',
    reasons: [/^sign: Keyless signing needs a GitHub OIDC token, and this job has none: add "permissions: id-token: write" to the job \(pull requests from forks never get one\)\.$/],
  });
});
