// When the gate signs, how the key input is read (it is secret: errors never repeat it), and the
// cosign argument arrays. Table-driven; the real cosign runs in test/e2e/sign.test.ts.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, parseConfig, parseCosignKey, resolveSign, type GitHubEvent } from '../../src/config/config.ts';
import { publicKeyArgs, shellWord, signBlobArgs, verifyBlobArgs, verifyCommandText } from '../../src/sign/argv.ts';
import { findOnPath } from '../../src/util/path.ts';

const tag: GitHubEvent = { name: 'push', ref: 'refs/tags/v1.2.3', isTag: true, tag: 'v1.2.3' };
const branch: GitHubEvent = { name: 'push', ref: 'refs/heads/main', isTag: false };
const pr: GitHubEvent = { name: 'pull_request', ref: 'refs/pull/1/merge', isTag: false, fromFork: true };

test('resolveSign: auto signs releases (with the key, else keyless), always signs outside pull requests, never never signs', () => {
  const cases: [string, 'check' | 'release', GitHubEvent, boolean, boolean, RegExp][] = [
    ['auto', 'release', tag, true, true, /^release mode/],
    // No key: keyless (the sign stage skips with the id-token sentence when the job has no token).
    ['auto', 'release', tag, false, true, /^release mode \(why\), keyless when the job has an OIDC token$/],
    ['auto', 'check', branch, true, false, /^check mode \(why\) signs nothing/],
    ['always', 'check', branch, true, true, /^sign input "always"$/],
    ['always', 'check', branch, false, true, /^sign input "always"$/],
    ['always', 'check', pr, true, false, /^pull_request events never sign: .*, and a fork gets no OIDC token$/],
    ['auto', 'release', { ...tag, name: 'pull_request_target' }, true, false, /^pull_request_target events never sign/],
    ['never', 'release', tag, true, false, /^sign input "never"$/],
    ['always', 'release', { ...tag, deleted: true }, true, false, /nothing to sign/],
  ];
  for (const [input, mode, ev, hasKey, enabled, reason] of cases) {
    const r = resolveSign(input, mode, 'why', ev, hasKey, false);
    assert.equal(r.enabled, enabled, `${input} ${mode} ${ev.name} key=${hasKey}`);
    assert.match(r.reason, reason);
  }
  // Keyless counts as a way to sign: auto then tries (and the stage explains what is missing).
  assert.equal(resolveSign('auto', 'release', 'x', tag, false, true).enabled, true);
});

test('parseCosignKey: a path, env://NAME, or PEM text; secrets are never echoed in errors', () => {
  const ws = '/work/space';
  assert.equal(parseCosignKey('', ws, {}), undefined);
  assert.deepEqual(parseCosignKey('keys/cosign.key', ws, {}), { kind: 'file', path: '/work/space/keys/cosign.key' });
  assert.deepEqual(parseCosignKey('/etc/k.key', ws, {}), { kind: 'file', path: '/etc/k.key' });
  assert.deepEqual(parseCosignKey('env://COSIGN_PRIVATE_KEY', ws, { COSIGN_PRIVATE_KEY: 'x' }), { kind: 'env', name: 'COSIGN_PRIVATE_KEY' });
  assert.throws(() => parseCosignKey('env://COSIGN_PRIVATE_KEY', ws, {}), /environment variable COSIGN_PRIVATE_KEY is not set or empty/);
  assert.throws(() => parseCosignKey('env://A-B', ws, {}), /does not name an environment variable/);
  const body = 'eyJrZGYiOnsibmFtZSI6InNjcnlwdCIsInBhcmFtcyI6eyJOIjo2NTUzNiwiciI6OCwicCI6MX19';
  const pem = `-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\r\n${body}\r\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\r\n`;
  assert.deepEqual(parseCosignKey(pem, ws, {}), { kind: 'pem', pem: pem.replace(/\r\n/g, '\n') });
  const cut = `-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n${body}\n`;
  assert.throws(() => parseCosignKey(cut, ws, {}), (e: Error) => e instanceof ConfigError && /not a complete/.test(e.message) && !e.message.includes(body));
  // A mis-pasted secret (long, not path-like) is described, not repeated.
  const secretish = `${body}$${body}`;
  assert.throws(() => parseCosignKey(secretish, ws, {}), (e: Error) => /secret, not shown/.test(e.message) && !e.message.includes(body));
  // A short path with a typo is shown, so it can be fixed.
  assert.throws(() => parseCosignKey('~/cosign.key', ws, {}), /"~\/cosign.key" is not a plain file path/);
});

test('parseConfig: cosign-key may span lines (PEM); keyless and a key together are refused', () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-signcfg-'));
  const env = { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.0.0' };
  const pem = '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nQUJD\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----';
  const c = parseConfig({ 'cosign-key': pem }, { workspace: ws, env });
  assert.equal(c.sign.enabled, true);
  assert.equal(c.sign.key?.kind, 'pem');
  assert.equal(c.sign.tlogUpload, true, 'production default: the transparency log');
  assert.equal(c.sign.required, false);
  assert.throws(() => parseConfig({ 'cosign-key': 'k.key', 'sign-keyless': 'true' }, { workspace: ws, env }), /sign-keyless: cannot be true when cosign-key is set/);
  assert.throws(() => parseConfig({ sign: 'Always' }, { workspace: ws, env }), /values are lower-case: always/);
  assert.throws(() => parseConfig({ 'go-version': '1.26\n1.25' }, { workspace: ws, env }), /single line/, 'other inputs still refuse line breaks');
  const off = parseConfig({ 'cosign-key': 'k.key', 'sign-tlog-upload': 'false', sign: 'always' }, { workspace: ws, env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' } });
  assert.deepEqual([off.sign.enabled, off.sign.required, off.sign.tlogUpload, off.mode], [true, true, false, 'check']);
});

test('cosign argv: offline flags only when the log is off; verify mirrors it', () => {
  assert.deepEqual(signBlobArgs({ key: 'k', bundle: 'a.sigstore.json', file: 'a', tlogUpload: true }), ['sign-blob', '--key', 'k', '--bundle', 'a.sigstore.json', '--yes', 'a']);
  assert.deepEqual(signBlobArgs({ key: 'k', bundle: 'b', file: 'a', tlogUpload: false }), ['sign-blob', '--key', 'k', '--use-signing-config=false', '--tlog-upload=false', '--bundle', 'b', '--yes', 'a']);
  assert.deepEqual(verifyBlobArgs({ publicKey: 'p', bundle: 'b', file: 'a', tlog: true }), ['verify-blob', '--key', 'p', '--bundle', 'b', 'a']);
  assert.deepEqual(verifyBlobArgs({ publicKey: 'p', bundle: 'b', file: 'a', tlog: false }), ['verify-blob', '--key', 'p', '--bundle', 'b', '--insecure-ignore-tlog', 'a']);
  assert.deepEqual(publicKeyArgs('k', 'o.pub'), ['public-key', '--key', 'k', '--outfile', 'o.pub']);
  // A file name with shell characters is quoted in the text a person copies; argv never is.
  assert.equal(shellWord("it's $x"), `'it'\\''s $x'`);
  assert.equal(verifyCommandText({ publicKey: 'cosign.pub', bundle: 'app v1.sigstore.json', file: 'app v1', tlog: true }), "cosign verify-blob --key cosign.pub --bundle 'app v1.sigstore.json' 'app v1'");
});

test('findOnPath: an executable file on an absolute PATH entry, nothing else', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-path-'));
  const notExec = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-path-'));
  fs.writeFileSync(path.join(notExec, 'cosign'), '');
  fs.mkdirSync(path.join(dir, 'sub', 'cosign'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'cosign'), '#!/bin/sh\n', { mode: 0o755 });
  assert.equal(findOnPath('cosign', ['relative', notExec, path.join(dir, 'sub'), dir].join(path.delimiter), 'linux'), path.join(dir, 'cosign'));
  assert.equal(findOnPath('cosign', notExec, 'linux'), undefined);
  assert.equal(findOnPath('cosign', undefined, 'linux'), undefined);
});
