// Keyless signing, cosign's install data and SLSA provenance as pure functions: the argument
// arrays cosign gets, the identity a workflow's certificate must carry, the digest table, the
// statement's subjects. The real cosign, Fulcio and timestamp authority run in
// test/integration/sign-keyless.test.ts and test/e2e/sign-keyless.test.ts.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, parseCosignChoice } from '../../src/config/config.ts';
import { COSIGN_DIGESTS, COSIGN_DIGEST_SOURCES, cosignAsset, cosignAssetName } from '../../src/tools/cosign.ts';
import { attestBlobArgs, serviceArgs, signBlobKeylessArgs, verifyAttestationArgs, verifyBlobKeylessArgs, verifyKeylessCommandText } from '../../src/sign/argv.ts';
import { runInvocationId, trustedRootHasCtLogs, workflowIdentity } from '../../src/sign/identity.ts';
import { moduleDependencies, provenanceStatement, subjectsFromChecksums, subjectsMatchChecksums } from '../../src/sign/provenance.ts';
import { parseGoSum } from '../../src/modules/gosum.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

test('cosign assets: one bare binary per platform, named as cosign releases them', () => {
  assert.equal(cosignAssetName('linux', 'x64'), 'cosign-linux-amd64');
  assert.equal(cosignAssetName('linux', 'arm64'), 'cosign-linux-arm64');
  assert.equal(cosignAssetName('darwin', 'arm64'), 'cosign-darwin-arm64');
  assert.equal(cosignAssetName('win32', 'x64'), 'cosign-windows-amd64.exe');
  assert.equal(cosignAssetName('freebsd', 'x64'), undefined);
  const a = cosignAsset({ version: 'v3.1.3', baseUrl: 'https://m.example/dl', platform: 'linux', arch: 'x64' });
  assert.deepEqual([a.url, a.version, a.packing, a.program, a.sha256], ['https://m.example/dl/v3.1.3/cosign-linux-amd64', '3.1.3', 'binary', 'cosign', COSIGN_DIGESTS['v3.1.3']['cosign-linux-amd64']]);
  assert.match(a.digestSource, /hermit-packages/);
  assert.equal(cosignAsset({ version: 'v3.1.3', baseUrl: 'b', platform: 'win32', arch: 'x64' }).program, 'cosign.exe');
  // Every table entry is a SHA-256 and names its source.
  for (const [v, assets] of Object.entries(COSIGN_DIGESTS)) {
    for (const [name, d] of Object.entries(assets)) {
      assert.match(d, /^[0-9a-f]{64}$/, `${v} ${name}`);
      assert.ok(COSIGN_DIGEST_SOURCES[v]?.[name], `source for ${v} ${name}`);
    }
  }
  // A version outside the table needs the user's digest, and says so.
  assert.throws(() => cosignAsset({ version: 'v9.9.9', baseUrl: 'b', platform: 'linux', arch: 'x64' }), /has no cosign v9\.9\.9 .*give that asset's SHA-256 as cosign-sha256/);
  assert.equal(cosignAsset({ version: 'v9.9.9', baseUrl: 'b', platform: 'linux', arch: 'x64', sha256: A.toUpperCase() }).sha256, A);
  // For a version the table knows, cosign-sha256 must agree with it: a pin cannot vouch for other bytes.
  const pinned = COSIGN_DIGESTS['v3.1.3']['cosign-linux-amd64'];
  assert.equal(cosignAsset({ version: 'v3.1.3', baseUrl: 'b', platform: 'linux', arch: 'x64', sha256: pinned }).sha256, pinned);
  assert.throws(() => cosignAsset({ version: 'v3.1.3', baseUrl: 'b', platform: 'linux', arch: 'x64', sha256: A }), /cosign-sha256 a{64} differs from the digest go-release-gate's digest table pins for cosign-linux-amd64 v3\.1\.3/);
  // An injected table replaces the built-in one entirely.
  assert.throws(() => cosignAsset({ version: 'v3.1.3', baseUrl: 'b', platform: 'linux', arch: 'x64', table: {} }), /has no cosign v3\.1\.3/);
  assert.throws(() => cosignAsset({ version: 'v3.1.3', baseUrl: 'b', platform: 'freebsd', arch: 'x64' }), /publishes no binary for freebsd\/x64/);
});

test('cosign-version, cosign-download-base-url, cosign-sha256: checked once, with reasons', () => {
  assert.deepEqual(parseCosignChoice('system', 'https://x', '', {}), { kind: 'system' });
  assert.deepEqual(parseCosignChoice('3.1.3', 'https://m.example/dl/', '', {}), { kind: 'release', version: 'v3.1.3', baseUrl: 'https://m.example/dl' });
  assert.throws(() => parseCosignChoice('latest', 'https://x', '', {}), /cosign-version: "latest" is not a cosign release version/);
  assert.throws(() => parseCosignChoice('v3.1.3', 'http://mirror.example', '', {}), /cosign-download-base-url: .* must be https/);
  assert.deepEqual(parseCosignChoice('v3.1.3', 'http://127.0.0.1:9/d', '', { GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK: '1' }).kind, 'release');
  assert.throws(() => parseCosignChoice('v3.1.3', 'https://x', 'abc', {}), /cosign-sha256: "abc" is not a SHA-256/);
  assert.throws(() => parseCosignChoice('system', 'https://x', A, {}), /cosign-sha256: applies to a downloaded cosign/);
});

test('parseConfig: keyless by default in release mode; a private Sigstore must be complete', () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-keyless-cfg-'));
  const env = { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.0.0', GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK: '1' };
  const c = parseConfig({}, { workspace: ws, env });
  assert.deepEqual([c.sign.enabled, c.sign.key, c.sign.cosign], [true, undefined, { kind: 'release', version: 'v3.1.3', baseUrl: 'https://github.com/sigstore/cosign/releases/download' }]);
  assert.equal(c.sign.sigstore.oidcIssuer, 'https://token.actions.githubusercontent.com');
  const priv = { 'sigstore-fulcio-url': 'http://127.0.0.1:5555', 'sigstore-tsa-url': 'http://127.0.0.1:5556/api/v1/timestamp', 'sign-tlog-upload': 'false', 'sigstore-trusted-root': 'root.json' };
  const p = parseConfig(priv, { workspace: ws, env });
  assert.equal(p.sign.sigstore.trustedRoot, path.join(fs.realpathSync(ws), 'root.json'));
  assert.throws(() => parseConfig({ ...priv, 'sign-tlog-upload': 'true' }, { workspace: ws, env }), /sign-tlog-upload: is true, but the private Sigstore has no sigstore-rekor-url/);
  // Keyless without a log and without a TSA cannot verify later: the sign stage refuses it when it signs (sign-keyless-stage test).
  assert.equal(parseConfig({ ...priv, 'sigstore-fulcio-url': '', 'sigstore-tsa-url': '', 'sigstore-trusted-root': '' }, { workspace: ws, env }).sign.enabled, true);
  assert.throws(() => parseConfig({ 'sigstore-tsa-url': 'http://127.0.0.1:1/t' }, { workspace: ws, env }), /set sigstore-fulcio-url too/);
  assert.throws(() => parseConfig({ ...priv, 'sigstore-fulcio-url': 'http://fulcio.example' }, { workspace: ws, env }), /sigstore-fulcio-url: .* must be https/);
  // Not signing: the combination is not checked (sign: never never complains).
  assert.equal(parseConfig({ ...priv, 'sigstore-tsa-url': '', sign: 'never' }, { workspace: ws, env }).sign.enabled, false);
});

test('keyless argv: the token is a file, a private Sigstore is spelled out, verification names identity and issuer', () => {
  const pub = { fulcioUrl: '', rekorUrl: '', tsaUrl: '', trustedRoot: '' };
  assert.deepEqual(serviceArgs(pub, true), [], 'the public Sigstore: cosign\'s own signing config');
  const priv = { fulcioUrl: 'http://127.0.0.1:1', rekorUrl: '', tsaUrl: 'http://127.0.0.1:2/api/v1/timestamp', trustedRoot: '/r/root.json' };
  assert.deepEqual(signBlobKeylessArgs({ tokenFile: '/t/tok', bundle: 'a.sigstore.json', file: 'a', services: priv, tlogUpload: false }), [
    'sign-blob', '--yes', '--identity-token', '/t/tok', '--use-signing-config=false', '--fulcio-url', 'http://127.0.0.1:1', '--tlog-upload=false',
    '--timestamp-server-url', 'http://127.0.0.1:2/api/v1/timestamp', '--trusted-root', '/r/root.json', '--bundle', 'a.sigstore.json', 'a',
  ]);
  const policy = { identity: 'https://github.com/o/r/.github/workflows/release.yml@refs/tags/v1', issuer: 'https://token.actions.githubusercontent.com', trustedRoot: '', tlog: true, ignoreSct: false };
  assert.deepEqual(verifyBlobKeylessArgs({ bundle: 'b', file: 'a', policy }), ['verify-blob', '--bundle', 'b', '--certificate-identity', policy.identity, '--certificate-oidc-issuer', policy.issuer, 'a']);
  assert.equal(verifyKeylessCommandText({ bundle: 'b', file: 'a', policy: { ...policy, tlog: false, ignoreSct: true, trustedRoot: 'root.json' } }),
    'cosign verify-blob --bundle b --certificate-identity https://github.com/o/r/.github/workflows/release.yml@refs/tags/v1 --certificate-oidc-issuer https://token.actions.githubusercontent.com --trusted-root root.json --insecure-ignore-tlog --insecure-ignore-sct a');
  assert.deepEqual(attestBlobArgs({ statement: 's', bundle: 'sb', signer: { kind: 'key', key: 'k' }, tlogUpload: false }), ['attest-blob', '--yes', '--key', 'k', '--use-signing-config=false', '--tlog-upload=false', '--statement', 's', '--bundle', 'sb']);
  assert.deepEqual(verifyAttestationArgs({ bundle: 'sb', file: 'SHA256SUMS', verifier: { kind: 'key', publicKey: 'p', tlog: true } }), ['verify-blob-attestation', '--bundle', 'sb', '--type', 'slsaprovenance1', '--key', 'p', 'SHA256SUMS']);
});

test('workflow identity: https://github.com/<GITHUB_WORKFLOW_REF>, nothing when it is absent or malformed', () => {
  assert.equal(workflowIdentity({ GITHUB_WORKFLOW_REF: 'org/app/.github/workflows/release.yml@refs/tags/v1.2.3' }), 'https://github.com/org/app/.github/workflows/release.yml@refs/tags/v1.2.3');
  assert.equal(workflowIdentity({}), undefined);
  assert.equal(workflowIdentity({ GITHUB_WORKFLOW_REF: 'release.yml' }), undefined);
  assert.equal(workflowIdentity({ GITHUB_WORKFLOW_REF: 'org/app/.github/workflows/x.yml@refs/tags/v1 --x' }), undefined);
  assert.equal(runInvocationId({ GITHUB_REPOSITORY: 'org/app', GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2' }), 'https://github.com/org/app/actions/runs/42/attempts/2');
  assert.equal(trustedRootHasCtLogs('{"ctlogs":[]}'), false);
  assert.equal(trustedRootHasCtLogs('{"ctlogs":[{"baseUrl":"x"}]}'), true);
});

test('provenance: subjects are SHA256SUMS line for line plus SHA256SUMS, every go.sum module is a dependency', () => {
  const sums = `${A}  app_linux_amd64\n${B}  app_linux_arm64\n`;
  assert.deepEqual(subjectsFromChecksums(sums), [{ name: 'app_linux_amd64', digest: { sha256: A } }, { name: 'app_linux_arm64', digest: { sha256: B } }]);
  assert.throws(() => subjectsFromChecksums(`${A}  x\nnot a line\n`), /SHA256SUMS:2: not "<sha256>  <file>"/);
  assert.throws(() => subjectsFromChecksums(`${A}  x\n${B}  x\n`), /SHA256SUMS:2: x is listed twice/);
  const goSum = parseGoSum([
    'golang.org/x/text v0.3.7 h1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=',
    'golang.org/x/text v0.3.7/go.mod h1:u+2+/6zg+i71rQMx5EYifcz6MCKuco9NR6JIITiCfzQ=',
    'golang.org/x/tools v0.0.0-20180917221912-90fa682c2a6e/go.mod h1:n7NCudcB/nEzxVGmLbDWY5pfWTLqBcC2KZ6jyYvM4mQ=',
  ].join('\n'), 'go.sum').lines;
  assert.deepEqual(moduleDependencies(goSum), [
    { uri: 'pkg:golang/golang.org/x/text@v0.3.7', name: 'golang.org/x/text@v0.3.7', digest: { 'go-module-h1': 'olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=' } },
    { uri: 'pkg:golang/golang.org/x/tools@v0.0.0-20180917221912-90fa682c2a6e', name: 'golang.org/x/tools@v0.0.0-20180917221912-90fa682c2a6e', digest: { 'go-mod-h1': 'n7NCudcB/nEzxVGmLbDWY5pfWTLqBcC2KZ6jyYvM4mQ=' } },
  ]);
  const st = provenanceStatement({
    checksums: { name: 'SHA256SUMS', text: sums, sha256: 'c'.repeat(64) }, gateVersion: '1.2.3', goVersion: '1.26.3', targets: ['linux/amd64', 'linux/arm64'], packages: [], ldflags: '-X main.v=1',
    tags: ['netgo'], cgo: false, strip: true, repositoryUrl: 'https://github.com/org/app', ref: 'refs/tags/v1', commit: 'd'.repeat(40), builderId: 'https://github.com/org/app/.github/workflows/release.yml@refs/tags/v1', dependencies: moduleDependencies(goSum),
  }) as { _type: string; predicateType: string; subject: unknown[]; predicate: { buildDefinition: { internalParameters: { buildFlags: string[] }; resolvedDependencies: { uri?: string; digest: Record<string, string> }[] }; runDetails: { builder: { id: string } } } };
  assert.equal(st._type, 'https://in-toto.io/Statement/v1');
  assert.equal(st.predicateType, 'https://slsa.dev/provenance/v1');
  assert.equal(st.subject.length, 3);
  assert.equal(subjectsMatchChecksums(st, sums, 'SHA256SUMS', 'c'.repeat(64)), undefined);
  assert.match(subjectsMatchChecksums(st, `${A}  app_linux_amd64\n`, 'SHA256SUMS', 'c'.repeat(64))!, /differ from SHA256SUMS/);
  assert.deepEqual(st.predicate.buildDefinition.resolvedDependencies[0], { uri: 'git+https://github.com/org/app@refs/tags/v1', digest: { gitCommit: 'd'.repeat(40) } });
  assert.equal(st.predicate.buildDefinition.resolvedDependencies.length, 3);
  assert.deepEqual(st.predicate.buildDefinition.internalParameters.buildFlags, ['-trimpath', '-buildvcs=auto', '-ldflags=-s -w -buildid= -X main.v=1', '-tags=netgo']);
  assert.equal(st.predicate.runDetails.builder.id, 'https://github.com/org/app/.github/workflows/release.yml@refs/tags/v1');
});
