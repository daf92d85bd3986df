// Download base URLs: https only; a plain-http mirror only on loopback and only behind the
// documented GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK=1 hatch.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALLOW_HTTP_LOOPBACK, ConfigError, checkDownloadBaseUrl, parseConfig } from '../../src/config/config.ts';

const HATCH = { [ALLOW_HTTP_LOOPBACK]: '1' };

function refusedWith(value: string, env: Record<string, string>, message: RegExp): void {
  assert.throws(() => checkDownloadBaseUrl('go-download-base-url', value, env), (e: unknown) => {
    assert.ok(e instanceof ConfigError, String(e));
    assert.equal(e.input, 'go-download-base-url');
    assert.match(e.message, message);
    return true;
  }, value);
}

test('https mirrors pass and lose their trailing slashes', () => {
  assert.equal(checkDownloadBaseUrl('go-download-base-url', 'https://go.dev/dl/', {}), 'https://go.dev/dl');
  assert.equal(checkDownloadBaseUrl('x', 'https://127.0.0.1:8443/dl', {}), 'https://127.0.0.1:8443/dl');
});

test('plain http is refused without the hatch, even on loopback, and the message names the hatch', () => {
  refusedWith('http://mirror.example/dl', {}, /must be https: plain http can be tampered with.*GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK=1/);
  refusedWith('http://127.0.0.1:8080/dl', {}, /must be https/);
  refusedWith('http://127.0.0.1:8080/dl', { [ALLOW_HTTP_LOOPBACK]: 'true' }, /must be https/);
});

test('the hatch admits only loopback hosts', () => {
  for (const url of ['http://127.0.0.1:8080/dl', 'http://localhost:1/dl', 'http://[::1]:9/dl']) {
    assert.equal(checkDownloadBaseUrl('go-download-base-url', url, HATCH), url);
  }
  for (const url of ['http://mirror.example/dl', 'http://127.0.0.2/dl', 'http://10.0.0.1/dl', 'http://localhost.example.com/dl', 'http://[::]/dl']) {
    refusedWith(url, HATCH, /admits plain http only for 127\.0\.0\.1, localhost and \[::1\]/);
  }
});

test('other schemes, credentials and queries stay refused with the hatch set', () => {
  refusedWith('ftp://127.0.0.1/dl', HATCH, /must be https, not ftp/);
  refusedWith('file:///srv/go', HATCH, /must be https, not file/);
  refusedWith('http://u:p@127.0.0.1/dl', HATCH, /credentials/);
  refusedWith('http://127.0.0.1/dl?x=1', HATCH, /query or fragment/);
});

test('parseConfig applies the rule with the environment it is given', () => {
  const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'grg-url-')));
  fs.writeFileSync(path.join(ws, 'go.mod'), 'module example.com/x\n\ngo 1.22\n');
  assert.throws(() => parseConfig({ 'go-download-base-url': 'http://127.0.0.1:1/dl' }, { workspace: ws, env: {} }), /input go-download-base-url: .*must be https/);
  const c = parseConfig({ 'go-download-base-url': 'http://127.0.0.1:1/dl/' }, { workspace: ws, env: HATCH });
  assert.equal(c.goDownloadBaseUrl, 'http://127.0.0.1:1/dl');
});
