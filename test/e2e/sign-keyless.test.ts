// Keyless signing as the runner runs us (node dist/main.js), against a real private Sigstore on
// loopback: Fulcio with an ephemeral CA trusting the token stand-in, the timestamp authority, a
// trusted root made by cosign. cosign comes from the runner's tool cache through the gate's own
// installer. Every signature and the provenance attestation are checked again here with an
// independent cosign, against the workflow's identity and against others.
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Runner, makeWorkspace, ROOT } from '../support/runner.ts';
import { assertRunOutputs, eventPayload, sha256 } from '../support/gate.ts';
import { cosign, cosignBin } from '../support/cosign.ts';
import { runCli } from '../support/cli.ts';
import { startLocalSigstore, DEFAULT_CLAIMS, type LocalSigstore } from '../support/sigstore.ts';
import { startReleaseServer } from '../support/release-server.ts';
import { cosignAssetName } from '../../src/tools/cosign.ts';

const HELLO = path.join(ROOT, 'examples', 'hello');
const SIGNED = ['hello_linux_amd64', 'hello_linux_arm64', 'SHA256SUMS'];
let sigstore: LocalSigstore;

beforeAll(async () => {
  sigstore = await startLocalSigstore();
});
afterAll(async () => {
  await sigstore?.stop();
});

/** A runner home whose tool cache already holds cosign 3.1.3, as setup on a previous job left it. */
function homeWithCosign(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-runner-'));
  const dir = path.join(home, 'tool-cache', 'cosign', '3.1.3', process.arch);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(cosignBin(), path.join(dir, 'cosign'));
  fs.chmodSync(path.join(dir, 'cosign'), 0o755);
  fs.writeFileSync(`${dir}.complete`, '');
  return home;
}

interface Setup { home?: string; eventName?: string; ref?: string; payload?: string; inputs?: Record<string, string>; env?: Record<string, string>; idToken?: boolean }

async function gate(s: Setup = {}) {
  const ws = makeWorkspace(HELLO);
  const env: Record<string, string> = { ...sigstore.runnerEnv(), GITHUB_SHA: DEFAULT_CLAIMS.sha, ...s.env };
  if (s.idToken === false) {
    delete env.ACTIONS_ID_TOKEN_REQUEST_URL;
    delete env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  }
  const runner = new Runner({
    workspace: ws,
    home: s.home ?? homeWithCosign(),
    eventName: s.eventName ?? 'push',
    ref: s.ref ?? DEFAULT_CLAIMS.ref,
    event: eventPayload(s.payload ?? 'push-tag'),
    inputs: { targets: 'linux/amd64,linux/arm64', scan: 'off', ...sigstore.inputs(), ...s.inputs },
    env,
  });
  const main = await runner.main();
  return { main, runner, ws: fs.realpathSync(ws), out: path.join(fs.realpathSync(ws), 'gate-out') };
}

/** An independent keyless check with the test's own cosign. */
function verifyKeyless(bundle: string, file: string, identity = sigstore.identity, issuer = sigstore.token.issuer) {
  return cosign(['verify-blob', '--bundle', bundle, '--certificate-identity', identity, '--certificate-oidc-issuer', issuer, '--trusted-root', sigstore.trustedRoot, '--insecure-ignore-tlog', '--insecure-ignore-sct', file]);
}

function verifyAttestation(bundle: string, file: string, identity = sigstore.identity) {
  return cosign(['verify-blob-attestation', '--bundle', bundle, '--type', 'slsaprovenance1', '--certificate-identity', identity, '--certificate-oidc-issuer', sigstore.token.issuer, '--trusted-root', sigstore.trustedRoot, '--insecure-ignore-tlog', '--insecure-ignore-sct', file]);
}

/** Every text the run left for a reader (logs, summary, SARIF, report.json, bundles' neighbours). */
function everything(main: { stdout: string; stderr: string; summary: string }, out: string): string {
  const files = fs.existsSync(out) ? fs.readdirSync(out).filter((f) => /\.(json|jsonl|md|sarif)$/.test(f)).map((f) => fs.readFileSync(path.join(out, f), 'utf8')) : [];
  const stdout = main.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
  return [stdout, main.stderr, main.summary, ...files].join('\n');
}

function signStageOf(report: { stages: { name: string; status: string; reason?: string }[] }) {
  const s = report.stages.find((x) => x.name === 'sign');
  assert.ok(s, 'sign stage in report.json');
  return s;
}

test('tag push, keyless: every binary and SHA256SUMS signed for the workflow identity, provenance attested; independent checks agree, tampering and other identities fail', async () => {
  const before = sigstore.token.issued.length;
  const { main, runner, ws, out } = await gate();
  assert.equal(main.code, 0, main.stdout + main.stderr);
  const { report, sarif } = await assertRunOutputs(main, ws, { verdict: 'pass', mode: 'release', artifacts: ['gate-out/hello_linux_amd64', 'gate-out/hello_linux_arm64'] });
  assert.equal(signStageOf(report).status, 'passed');

  // One token, fetched the way @actions/core does it: audience sigstore, with the request bearer.
  const issued = sigstore.token.issued.slice(before);
  assert.equal(issued.length, 1, 'one OIDC token for the whole run');
  assert.ok(sigstore.token.requests.some((r) => /^GET \/token\?api-version=2\.0&audience=sigstore$/.test(r)), sigstore.token.requests.join('\n'));
  const token = issued[0];
  // The token is a secret: registered as a mask, and nowhere in logs, summary, SARIF or report.json.
  assert.ok(main.stdout.split('\n').includes(`::add-mask::${token}`), 'the token is masked');
  const all = everything(main, out);
  assert.ok(!all.includes(token), 'the token is never printed or written');
  assert.ok(!all.includes(token.split('.')[2]), 'not even its signature part');
  assert.ok(!JSON.stringify(sarif).includes(token.split('.')[1]));
  assert.ok(!all.includes(sigstore.token.requestToken), 'the request token is never printed');
  // cosign got the token as a file, which is gone.
  assert.deepEqual(fs.readdirSync(path.join(runner.home, 'temp')).filter((f) => f.startsWith('grg-cosign-')), []);

  for (const name of SIGNED) {
    const file = path.join(out, name);
    const bundle = `${file}.sigstore.json`;
    const ok = await verifyKeyless(bundle, file);
    assert.equal(ok.code, 0, `independent keyless verify of ${name}: ${ok.stderr}`);
    // The certificate is Fulcio's, for this workflow: another identity or issuer does not verify.
    const other = await verifyKeyless(bundle, file, 'https://github.com/octo-org/hello/.github/workflows/other.yml@refs/tags/v1.2.3');
    assert.notEqual(other.code, 0, 'another workflow identity must not verify');
    assert.match(other.stderr, /expected identity not found|none of the expected identities matched|certificate identity/i);
    assert.notEqual((await verifyKeyless(bundle, file, sigstore.identity, 'https://token.actions.githubusercontent.com')).code, 0, 'another issuer must not verify');
  }

  // Outputs and the release report: the exact command a user runs on a download, which works.
  const sigs = JSON.parse(main.outputs.signatures) as { path: string; bundle: string; verified: boolean; command: string }[];
  assert.deepEqual(sigs.map((x) => x.path).sort(), SIGNED.map((n) => `gate-out/${n}`).sort());
  assert.equal(main.outputs['public-key'], '');
  for (const x of sigs) {
    assert.ok(x.verified);
    const argv = x.command.split(' ');
    assert.deepEqual(argv.slice(0, 2), ['cosign', 'verify-blob']);
    assert.ok(x.command.includes(`--certificate-identity ${sigstore.identity} --certificate-oidc-issuer ${sigstore.token.issuer} --trusted-root trusted_root.json`), x.command);
    fs.copyFileSync(sigstore.trustedRoot, path.join(out, 'trusted_root.json'));
    const r = await cosign(argv.slice(1), {}, out);
    assert.equal(r.code, 0, `${x.command}: ${r.stderr}`);
    fs.rmSync(path.join(out, 'trusted_root.json'));
  }
  const s = main.summary;
  assert.match(s, new RegExp(`Signatures \\| signed keyless with cosign: 3 Sigstore bundle\\(s\\), certificate identity <code>${sigstore.identity.replace(/[.]/g, '\\.')}</code>, issuer <code>${sigstore.token.issuer.replace(/[.]/g, '\\.')}</code>; verify with <code>cosign verify-blob --bundle SHA256SUMS\\.sigstore\\.json`));
  assert.match(s, /\| cosign \| tool cache \(/, 'cosign came from the tool cache through the installer');

  // Provenance: an in-toto SLSA v1 statement whose subjects are exactly SHA256SUMS (plus itself).
  assert.equal(main.outputs.provenance, path.join(out, 'provenance.intoto.jsonl'));
  const lines = fs.readFileSync(main.outputs.provenance, 'utf8').split('\n').filter(Boolean);
  assert.equal(lines.length, 1, 'one statement, one line');
  const st = JSON.parse(lines[0]);
  assert.equal(st._type, 'https://in-toto.io/Statement/v1');
  assert.equal(st.predicateType, 'https://slsa.dev/provenance/v1');
  const sumsText = fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8');
  const fromSums = sumsText.trim().split('\n').map((l) => { const [d, n] = l.split(/\s+\*?/); return `${n} ${d}`; });
  assert.deepEqual(st.subject.map((x: { name: string; digest: { sha256: string } }) => `${x.name} ${x.digest.sha256}`).sort(), [...fromSums, `SHA256SUMS ${sha256(path.join(out, 'SHA256SUMS'))}`].sort());
  const def = st.predicate.buildDefinition;
  assert.deepEqual(def.externalParameters.targets, ['linux/amd64', 'linux/arm64']);
  assert.equal(def.internalParameters.goVersion, main.outputs['go-version']);
  assert.match(def.internalParameters.gateVersion, /^\d+\.\d+\.\d+/);
  assert.deepEqual(def.resolvedDependencies[0].digest, { gitCommit: DEFAULT_CLAIMS.sha });
  assert.equal(st.predicate.runDetails.builder.id, sigstore.identity);
  // The attestation verifies for each download, independently; the report's command too.
  const attBundle = path.join(out, 'provenance.intoto.jsonl.sigstore.json');
  for (const name of SIGNED) {
    const r = await verifyAttestation(attBundle, path.join(out, name));
    assert.equal(r.code, 0, `attestation for ${name}: ${r.stderr}`);
  }
  assert.match(s, /Provenance \| SLSA v1 in-toto statement <code>gate-out\/provenance\.intoto\.jsonl<\/code>, attested in <code>gate-out\/provenance\.intoto\.jsonl\.sigstore\.json<\/code>, verified; check a download against it with <code>cosign verify-blob-attestation --bundle provenance\.intoto\.jsonl\.sigstore\.json --type slsaprovenance1 --certificate-identity /);
  // A file that is not a subject is not covered.
  const stranger = path.join(out, 'stranger');
  fs.writeFileSync(stranger, 'not released');
  assert.notEqual((await verifyAttestation(attBundle, stranger)).code, 0, 'a file outside the subjects must not verify');
  // A tampered statement (one subject digest changed inside the signed envelope) does not verify.
  const b = JSON.parse(fs.readFileSync(attBundle, 'utf8'));
  const payload = JSON.parse(Buffer.from(b.dsseEnvelope.payload, 'base64').toString('utf8'));
  assert.deepEqual(payload, st, 'the signed statement is the one written');
  payload.subject[0].digest.sha256 = sha256(stranger);
  b.dsseEnvelope.payload = Buffer.from(JSON.stringify(payload)).toString('base64');
  const tampered = path.join(out, 'tampered.sigstore.json');
  fs.writeFileSync(tampered, JSON.stringify(b));
  assert.notEqual((await verifyAttestation(tampered, stranger)).code, 0, 'a tampered statement must not verify');

  // A binary changed after signing fails its signature check; the others still pass.
  fs.appendFileSync(path.join(out, 'hello_linux_amd64'), Buffer.from([0]));
  assert.notEqual((await verifyKeyless(path.join(out, 'hello_linux_amd64.sigstore.json'), path.join(out, 'hello_linux_amd64'))).code, 0, 'a changed binary must not verify');
  assert.notEqual((await verifyAttestation(attBundle, path.join(out, 'hello_linux_amd64'))).code, 0, 'nor match the provenance');
  assert.equal((await verifyKeyless(path.join(out, 'hello_linux_arm64.sigstore.json'), path.join(out, 'hello_linux_arm64'))).code, 0);
});

test('the gate verifies against the exact identity: a certificate for another workflow fails the run', async () => {
  const other = 'https://github.com/octo-org/hello/.github/workflows/other.yml@refs/tags/v1.2.3';
  const { main, ws } = await gate({ inputs: { 'sigstore-certificate-identity': other } });
  assert.equal(main.code, 1, main.stdout + main.stderr);
  const { report } = await assertRunOutputs(main, ws, { verdict: 'fail', mode: 'release', reasons: [/^sign: cosign verify-blob refused the new signature of gate-out\/SHA256SUMS: .*expected SAN value "https:\/\/github\.com\/octo-org\/hello\/\.github\/workflows\/other\.yml@refs\/tags\/v1\.2\.3", got "https:\/\/github\.com\/octo-org\/hello\/\.github\/workflows\/release\.yml@refs\/tags\/v1\.2\.3"/] });
  assert.equal(signStageOf(report).status, 'failed');
  const verifyFailures = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'sign/verification-failed');
  assert.equal(verifyFailures.length, 3);
  assert.ok(verifyFailures.every((f: { message: string }) => /cosign verify-blob refused the new signature of gate-out\/\S+: .*(identit|match)/i.test(f.message)), JSON.stringify(verifyFailures.map((f: { message: string }) => f.message)));
  assert.equal(main.outputs.provenance, '', 'no provenance for a release that did not verify');
});

test('no id-token permission: sign: auto skips with the one sentence and the YAML; sign: always fails with it', async () => {
  const sentence = 'Keyless signing needs a GitHub OIDC token, and this job has none: add "permissions: id-token: write" to the job (pull requests from forks never get one).';
  const auto = await gate({ idToken: false });
  assert.equal(auto.main.code, 0, auto.main.stdout + auto.main.stderr);
  const a = await assertRunOutputs(auto.main, auto.ws, { verdict: 'pass', mode: 'release' });
  assert.deepEqual([signStageOf(a.report).status, signStageOf(a.report).reason], ['skipped', sentence]);
  assert.ok(auto.main.summary.includes(`Signatures | **not signed**: ${sentence}`), auto.main.summary);
  assert.equal(auto.main.outputs.signatures, '[]');

  const always = await gate({ idToken: false, inputs: { sign: 'always' } });
  assert.equal(always.main.code, 1, always.main.stdout + always.main.stderr);
  await assertRunOutputs(always.main, always.ws, { verdict: 'fail', mode: 'release', reasons: [new RegExp(`^sign: ${sentence.replace(/[.()]/g, '\\$&')}$`)] });
});

test('the token service answering 500: fails closed, nothing signed, no token request secret printed', async () => {
  sigstore.token.faults.status = 500;
  try {
    const { main, ws, out } = await gate();
    assert.equal(main.code, 1, main.stdout + main.stderr);
    await assertRunOutputs(main, ws, { verdict: 'fail', mode: 'release', reasons: [/^sign: Keyless signing could not get an OIDC token: Error message: Failed to get ID Token\. Error Code : 500 Error Message: token service unavailable\. Nothing was signed\.$/] });
    assert.deepEqual(fs.readdirSync(out).filter((f) => f.endsWith('.sigstore.json') || f === 'provenance.intoto.jsonl'), []);
    assert.ok(!everything(main, out).includes(sigstore.token.requestToken));
  } finally {
    sigstore.token.faults.status = undefined;
  }
});

test('a fork pull request never signs, even with sign: always and a token in the environment', async () => {
  const before = sigstore.token.issued.length;
  const { main, ws } = await gate({ eventName: 'pull_request', ref: 'refs/pull/7/merge', payload: 'pull_request-fork', inputs: { sign: 'always' } });
  assert.equal(main.code, 0, main.stdout + main.stderr);
  const { report } = await assertRunOutputs(main, ws, { verdict: 'pass', mode: 'check' });
  assert.match(signStageOf(report).reason!, /^pull_request events never sign: .*a fork gets no OIDC token$/);
  assert.equal(sigstore.token.issued.length, before, 'no token was requested');
});

test('the CLI signs keyless with a token handed in as SIGSTORE_ID_TOKEN, masked, verified against the identity given', async () => {
  const ws = fs.realpathSync(makeWorkspace(HELLO));
  const token = sigstore.token.mint('sigstore');
  const inputs = Object.entries(sigstore.inputs()).flatMap(([k, v]) => [`--${k}`, v]);
  const env = { SIGSTORE_ID_TOKEN: token, GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK: '1', PATH: `${path.dirname(cosignBin())}${path.delimiter}${process.env.PATH}` };
  const r = await runCli(['run', '--mode', 'release', '--scan', 'off', '--cosign-version', 'system', '--sigstore-certificate-identity', sigstore.identity, ...inputs], { cwd: ws, env });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const out = path.join(ws, 'gate-out');
  for (const name of ['hello_linux_amd64', 'SHA256SUMS']) {
    const v = await verifyKeyless(path.join(out, `${name}.sigstore.json`), path.join(out, name));
    assert.equal(v.code, 0, v.stderr);
  }
  assert.equal((await verifyAttestation(path.join(out, 'provenance.intoto.jsonl.sigstore.json'), path.join(out, 'hello_linux_amd64'))).code, 0);
  const texts = [r.stdout, r.stderr, ...fs.readdirSync(out).filter((f) => /\.(json|jsonl|md|sarif)$/.test(f)).map((f) => fs.readFileSync(path.join(out, f), 'utf8'))];
  assert.ok(!texts.join('\n').includes(token), 'the token is never printed or written');

  // Without the identity the CLI cannot know whom to verify against, and says so.
  const ws2 = fs.realpathSync(makeWorkspace(HELLO));
  const r2 = await runCli(['run', '--mode', 'release', '--scan', 'off', '--cosign-version', 'system', ...inputs], { cwd: ws2, env });
  assert.equal(r2.code, 1, r2.stdout + r2.stderr);
  assert.match(r2.stdout, /sign: Keyless signatures are verified against the signing workflow's identity, and GITHUB_WORKFLOW_REF is not set .*set sigstore-certificate-identity/);
});

test('cosign downloaded by the gate: this local build is refused by the built-in digest table (with or without a disagreeing cosign-sha256), a version outside the table is accepted with cosign-sha256, then cached', async () => {
  const asset = cosignAssetName(process.platform, process.arch)!;
  const server = await startReleaseServer({ [`v3.1.3/${asset}`]: cosignBin(), [`v3.99.0/${asset}`]: cosignBin() });
  try {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-runner-'));
    const refused = await gate({ home, inputs: { 'cosign-download-base-url': server.url } });
    assert.equal(refused.main.code, 1, refused.main.stdout + refused.main.stderr);
    await assertRunOutputs(refused.main, refused.ws, {
      verdict: 'fail',
      mode: 'release',
      reasons: [new RegExp(`^sign: cosign v3\\.1\\.3 could not be installed: SHA-256 mismatch for ${asset} .*expected [0-9a-f]{64} \\(go-release-gate's digest table \\(cashapp/hermit-packages cosign\\.hcl\\)\\), got ${sha256(cosignBin())}; it was not extracted or run\\. Nothing was signed`)],
    });
    assert.deepEqual(fs.readdirSync(refused.out).filter((f) => f.endsWith('.sigstore.json')), []);
    assert.ok(!fs.existsSync(path.join(home, 'tool-cache', 'cosign')), 'nothing was cached');

    // Our table pins v3.1.3: the user's digest for it must agree with the table, so this build stays refused, before any download.
    const pinned = await gate({ home, inputs: { 'cosign-download-base-url': server.url, 'cosign-sha256': sha256(cosignBin()) } });
    assert.equal(pinned.main.code, 1, pinned.main.stdout + pinned.main.stderr);
    await assertRunOutputs(pinned.main, pinned.ws, { verdict: 'fail', mode: 'release', reasons: [/^sign: cosign v3\.1\.3 cannot be installed: cosign-sha256 [0-9a-f]{64} differs from the digest go-release-gate's digest table pins/] });
    assert.equal(server.requests.length, 1, 'the refused pin made no request');

    const accepted = await gate({ home, inputs: { 'cosign-version': 'v3.99.0', 'cosign-download-base-url': server.url, 'cosign-sha256': sha256(cosignBin()) } });
    assert.equal(accepted.main.code, 0, accepted.main.stdout + accepted.main.stderr);
    assert.match(accepted.main.summary, new RegExp(`\\| cosign \\| downloaded from ${server.url}/v3\\.99\\.0/${asset}, SHA-256 ${sha256(cosignBin())} verified against the cosign-sha256 input \\|`));
    assert.equal((await verifyKeyless(path.join(accepted.out, 'SHA256SUMS.sigstore.json'), path.join(accepted.out, 'SHA256SUMS'))).code, 0);
    assert.ok(fs.existsSync(path.join(home, 'tool-cache', 'cosign', '3.99.0', `${process.arch}.complete`)), 'cached for the next job');
    assert.equal(server.requests.length, 2, 'one download per run that needed it');
  } finally {
    await server.close();
  }
});

test('keyless without a transparency log and without a timestamp authority: refused before a token is fetched', async () => {
  const before = sigstore.token.issued.length;
  const { main, ws, out } = await gate({ inputs: { 'sigstore-tsa-url': '' } });
  assert.equal(main.code, 1, main.stdout + main.stderr);
  await assertRunOutputs(main, ws, { verdict: 'fail', mode: 'release', reasons: [/^sign: Keyless signing with sign-tlog-upload: false needs a timestamp authority \(sigstore-tsa-url\)/] });
  assert.equal(sigstore.token.issued.length, before, 'no token was fetched');
  assert.deepEqual(fs.readdirSync(out).filter((f) => f.endsWith('.sigstore.json')), []);
});
