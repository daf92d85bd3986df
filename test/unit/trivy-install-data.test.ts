// Trivy as installer data: asset names per runner, the digest table and its sources, refused
// versions, and the trivy-* inputs.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TRIVY_DEFAULT_BASE_URL, TRIVY_DEFAULT_VERSION, TRIVY_DIGESTS, TrivyVersionError, trivyAsset, trivyAssetName } from '../../src/tools/trivy.ts';
import { ALLOW_HTTP_LOOPBACK, ConfigError, parseConfig, parseDuration } from '../../src/config/config.ts';
import { inputSpec } from '../../src/config/inputs.ts';

const req = (extra = {}) => ({ version: TRIVY_DEFAULT_VERSION, baseUrl: TRIVY_DEFAULT_BASE_URL, os: 'Linux', arch: 'X64', nodeArch: 'x64', userSha256: '', ...extra });

test('asset names follow the release layout for every runner Trivy ships for', () => {
  assert.equal(trivyAssetName('0.74.0', 'Linux', 'X64'), 'trivy_0.74.0_Linux-64bit.tar.gz');
  assert.equal(trivyAssetName('0.74.0', 'Linux', 'ARM64'), 'trivy_0.74.0_Linux-ARM64.tar.gz');
  assert.equal(trivyAssetName('0.74.0', 'macOS', 'X64'), 'trivy_0.74.0_macOS-64bit.tar.gz');
  assert.equal(trivyAssetName('0.74.0', 'macOS', 'ARM64'), 'trivy_0.74.0_macOS-ARM64.tar.gz');
  assert.equal(trivyAssetName('0.74.0', 'Windows', 'X64'), 'trivy_0.74.0_windows-64bit.zip');
  assert.equal(trivyAssetName('0.74.0', 'Windows', 'ARM64'), undefined);
  assert.equal(trivyAssetName('0.74.0', 'Linux', 'X86'), undefined);
});

test('the default version has a pinned digest for all five assets, each naming its sources', () => {
  const entries = TRIVY_DIGESTS[TRIVY_DEFAULT_VERSION];
  assert.equal(Object.keys(entries).length, 5);
  for (const [asset, e] of Object.entries(entries)) {
    assert.match(e.sha256, /^[0-9a-f]{64}$/, asset);
    assert.match(e.source, / and /, `${asset}: two sources`);
  }
  // The value seen in several public sources for the Linux x64 archive.
  assert.equal(entries['trivy_0.74.0_Linux-64bit.tar.gz'].sha256, '2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a');
});

test('the asset: URL layout, the table digest, zip on Windows', () => {
  const a = trivyAsset(req());
  assert.equal(a.url, 'https://github.com/aquasecurity/trivy/releases/download/v0.74.0/trivy_0.74.0_Linux-64bit.tar.gz');
  assert.equal(a.sha256, TRIVY_DIGESTS['0.74.0']['trivy_0.74.0_Linux-64bit.tar.gz'].sha256);
  assert.equal(a.packing, 'tar.gz');
  assert.equal(a.program, 'trivy');
  const w = trivyAsset(req({ os: 'Windows' }));
  assert.equal(w.packing, 'zip');
  assert.equal(w.program, 'trivy.exe');
});

test('a user digest that disagrees with the table is refused; outside the table it is required; 0.69.4 never', () => {
  assert.throws(() => trivyAsset(req({ userSha256: 'a'.repeat(64) })), /disagrees with the digest go-release-gate pins/);
  assert.equal(trivyAsset(req({ userSha256: TRIVY_DIGESTS['0.74.0']['trivy_0.74.0_Linux-64bit.tar.gz'].sha256 })).digestSource.startsWith('the digest pinned'), true);
  assert.throws(() => trivyAsset(req({ version: '0.50.0' })), (e: unknown) => e instanceof TrivyVersionError && /set trivy-sha256/.test(e.message));
  assert.equal(trivyAsset(req({ version: '0.50.0', userSha256: 'b'.repeat(64) })).digestSource, 'the trivy-sha256 input');
  assert.throws(() => trivyAsset(req({ version: 'v0.69.4', userSha256: 'b'.repeat(64) })), /0\.69\.4 is refused: it is the malicious release/);
  assert.throws(() => trivyAsset(req({ os: 'FreeBSD' })), /no release archive for FreeBSD\/X64/);
});

function parse(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-trivy-cfg-'));
  try {
    return parseConfig(inputs, { workspace: ws, env });
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
}

test('trivy inputs: defaults, validation with the input named', () => {
  const c = parse({});
  assert.equal(c.trivyVersion, '0.74.0');
  assert.equal(inputSpec('trivy-version').default, TRIVY_DEFAULT_VERSION, 'the input default is the pinned version');
  assert.equal(c.trivyDownloadBaseUrl, TRIVY_DEFAULT_BASE_URL);
  assert.deepEqual(c.trivyDbRepositories, ['mirror.gcr.io/aquasec/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2']);
  assert.equal(c.trivyDbMaxAgeMs, 7 * 86_400_000);
  assert.equal(parse({ 'trivy-version': 'v0.73.0' }).trivyVersion, '0.73.0');
  assert.equal(parse({ 'trivy-version': 'system' }).trivyVersion, 'system');
  assert.equal(parse({ 'trivy-sha256': 'AB'.repeat(32) }).trivySha256, 'ab'.repeat(32));
  assert.deepEqual(parse({}, { TRIVY_DB_REPOSITORY: '127.0.0.1:5000/db:2' }).trivyDbRepositories, ['127.0.0.1:5000/db:2'], 'the environment\'s mirror when the input is not given');
  assert.deepEqual(parse({ 'trivy-db-repository': 'a.example/x/db:2\nb.example/db' }, { TRIVY_DB_REPOSITORY: 'c.example/db' }).trivyDbRepositories, ['a.example/x/db:2', 'b.example/db']);
  const bad: [Record<string, string>, RegExp][] = [
    [{ 'trivy-version': 'latest' }, /input trivy-version: "latest" is not a Trivy version/],
    [{ 'trivy-sha256': 'abc' }, /input trivy-sha256: "abc" is not a SHA-256/],
    [{ 'trivy-download-base-url': 'http://mirror.example/trivy' }, /input trivy-download-base-url: .*must be https/],
    [{ 'trivy-db-repository': '--insecure' }, /input trivy-db-repository: "--insecure" is not an OCI repository/],
    [{ 'trivy-db-max-age': 'a week' }, /input trivy-db-max-age: "a week" is not a duration/],
    [{ 'trivy-cache-dir': 'trivy-cache' }, /input trivy-cache-dir: "trivy-cache" is inside the workspace/],
  ];
  for (const [inputs, message] of bad) assert.throws(() => parse(inputs), (e: unknown) => e instanceof ConfigError && message.test(e.message), JSON.stringify(inputs));
  assert.equal(parse({ 'trivy-download-base-url': 'http://127.0.0.1:9/dl/' }, { [ALLOW_HTTP_LOOPBACK]: '1' }).trivyDownloadBaseUrl, 'http://127.0.0.1:9/dl');
  assert.equal(parseDuration('x', '1d12h'), 36 * 3_600_000);
  assert.equal(parseDuration('x', '90m'), 90 * 60_000);
  assert.throws(() => parseDuration('x', '0d'), /not a duration/);
});
