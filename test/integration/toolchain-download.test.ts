// The toolchain stage against a loopback Go mirror serving a real release tarball made from
// the installed Go, installed through the real @actions/tool-cache (and the CLI's installer).
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import net from 'node:net';
import { goTarball, startMirror, type Tarball } from '../support/go-mirror.ts';
import { pathWithoutGo, recordingPorts, stageContext } from '../support/context.ts';
import { toolchainStage } from '../../src/stages/toolchain.ts';
import { actionTools } from '../../src/action/adapters.ts';
import { localTools } from '../../src/cli/adapters.ts';

let tarball: Tarball;
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-tc-ws-'));
fs.writeFileSync(path.join(workspace, 'go.mod'), 'module example.com/x\n\ngo 1.22\n');

// Every home holds an extracted Go (about 600 MB): all are removed when the file is done.
const homes: string[] = [workspace];
beforeAll(async () => {
  tarball = await goTarball();
  return () => {
    for (const h of homes) fs.rmSync(h, { recursive: true, force: true });
  };
});

/** A fresh runner-like home: RUNNER_TOOL_CACHE and RUNNER_TEMP for @actions/tool-cache. */
function runnerHome() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-tc-'));
  homes.push(home);
  const toolCache = path.join(home, 'tool-cache');
  const temp = path.join(home, 'temp');
  fs.mkdirSync(toolCache);
  fs.mkdirSync(temp);
  process.env.RUNNER_TOOL_CACHE = toolCache;
  process.env.RUNNER_TEMP = temp;
  return { home, toolCache, temp };
}

// The loopback mirror speaks plain http: the documented hatch admits it (and only it).
const env = () => ({ ...process.env, PATH: pathWithoutGo(), GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK: '1' });

test('downloads, verifies, extracts and caches Go through @actions/tool-cache; the next run uses the cache', async () => {
  const { toolCache, temp } = runnerHome();
  const mirror = await startMirror(tarball);
  try {
    const { ports, rec } = recordingPorts({ workspace, env: env(), tools: actionTools, tempDir: temp });
    const ctx = stageContext({ 'go-version': tarball.version, 'go-download-base-url': mirror.url }, ports);
    const out = await toolchainStage.run(ctx);
    assert.equal(out.status, 'passed', JSON.stringify(out.findings));
    assert.equal(ctx.state.go?.source, 'download');
    assert.equal(ctx.state.go?.version, tarball.version);
    assert.ok(ctx.state.go!.bin.startsWith(path.join(toolCache, 'go')), ctx.state.go!.bin);
    assert.ok(fs.existsSync(`${path.dirname(path.dirname(ctx.state.go!.bin))}.complete`), 'tool cache marker');
    assert.equal(ctx.state.goEnv.GOTOOLCHAIN, 'local');
    assert.deepEqual(rec.paths, [path.dirname(ctx.state.go!.bin)]);
    assert.ok(rec.logs.some((l) => l.includes(`SHA-256 ${tarball.sha256} of ${tarball.filename} matches the Go downloads listing`)), rec.logs.join('\n'));
    assert.deepEqual(mirror.requests, ['/dl/?mode=json&include=all', `/dl/${tarball.filename}`]);
    // The installed toolchain is real: it reports its version.
    const v = execFileSync(ctx.state.go!.bin, ['version'], { env: { ...process.env, GOTOOLCHAIN: 'local' }, encoding: 'utf8' });
    assert.match(v, new RegExp(`go${tarball.version.replace(/\./g, '\\.')} `));

    const again = stageContext({ 'go-version': `${tarball.version.split('.').slice(0, 2).join('.')}.x`, 'go-download-base-url': mirror.url }, recordingPorts({ workspace, env: env(), tools: actionTools, tempDir: temp }).ports);
    const out2 = await toolchainStage.run(again);
    assert.equal(out2.status, 'passed');
    assert.equal(again.state.go?.source, 'tool-cache');
    assert.equal(mirror.requests.length, 2, 'no new request: served from the tool cache');
  } finally {
    await mirror.close();
  }
});

test('a wrong published SHA-256 is a hard error naming both digests, and nothing is extracted or cached', async () => {
  const { toolCache, temp } = runnerHome();
  const fake = 'ab'.repeat(32);
  const mirror = await startMirror(tarball, { listingSha256: fake });
  try {
    const ctx = stageContext({ 'go-version': tarball.version, 'go-download-base-url': mirror.url }, recordingPorts({ workspace, env: env(), tools: actionTools, tempDir: temp }).ports);
    const out = await toolchainStage.run(ctx);
    assert.equal(out.status, 'failed');
    assert.equal(out.findings[0].ruleId, 'toolchain/checksum-mismatch');
    assert.match(out.findings[0].message, new RegExp(`expected ${fake} \\(the Go downloads listing .*\\), got ${tarball.sha256}; it was not extracted or run`));
    assert.equal(ctx.state.go, undefined);
    assert.deepEqual(fs.readdirSync(toolCache), [], 'nothing cached');
  } finally {
    await mirror.close();
  }
});

test('a truncated file on the mirror fails the checksum and says how many bytes arrived', async () => {
  const { temp } = runnerHome();
  const mirror = await startMirror(tarball, { truncatedFile: true });
  try {
    const ctx = stageContext({ 'go-version': tarball.version, 'go-download-base-url': mirror.url }, recordingPorts({ workspace, env: env(), tools: actionTools, tempDir: temp }).ports);
    const out = await toolchainStage.run(ctx);
    assert.equal(out.status, 'failed');
    assert.equal(out.findings[0].ruleId, 'toolchain/checksum-mismatch');
    assert.match(out.findings[0].message, new RegExp(`received ${Math.floor(tarball.size / 2)} bytes, the listing says ${tarball.size}`));
  } finally {
    await mirror.close();
  }
});

test('a 404 for the archive is a download error naming the URL and status', async () => {
  const { temp } = runnerHome();
  const mirror = await startMirror(tarball, { archiveStatus: 404 });
  try {
    const ctx = stageContext({ 'go-version': tarball.version, 'go-download-base-url': mirror.url }, recordingPorts({ workspace, env: env(), tools: actionTools, tempDir: temp }).ports);
    const out = await toolchainStage.run(ctx);
    assert.equal(out.status, 'failed');
    assert.equal(out.findings[0].ruleId, 'toolchain/download-failed');
    assert.match(out.findings[0].message, new RegExp(`${mirror.url}/${tarball.filename.replace(/\./g, '\\.')}.*404`));
    assert.equal(mirror.requests.filter((r) => r.endsWith('.tar.gz')).length, 1, 'a 404 is not retried');
  } finally {
    await mirror.close();
  }
});

test('a listing that is not JSON, or a version the listing lacks, is a clear error', async () => {
  const { temp } = runnerHome();
  const bad = await startMirror(tarball, { listingBody: '<html>maintenance</html>' });
  try {
    const ctx = stageContext({ 'go-version': tarball.version, 'go-download-base-url': bad.url }, recordingPorts({ workspace, env: env(), tools: actionTools, tempDir: temp }).ports);
    const out = await toolchainStage.run(ctx);
    assert.equal(out.findings[0].ruleId, 'toolchain/download-failed');
    assert.match(out.findings[0].message, /not JSON.*maintenance/);
  } finally {
    await bad.close();
  }
  const mirror = await startMirror(tarball);
  try {
    const ctx = stageContext({ 'go-version': '1.23.x', 'go-download-base-url': mirror.url }, recordingPorts({ workspace, env: env(), tools: actionTools, tempDir: temp }).ports);
    const out = await toolchainStage.run(ctx);
    assert.equal(out.findings[0].ruleId, 'toolchain/version-unresolved');
    assert.match(out.findings[0].message, /no Go release .* matches 1\.23\.x/);
  } finally {
    await mirror.close();
  }
});

test('500 then 200: @actions/tool-cache retries and the install succeeds', async () => {
  const { temp } = runnerHome();
  const mirror = await startMirror(tarball, { failFirst: 1 });
  try {
    const ctx = stageContext({ 'go-version': tarball.version, 'go-download-base-url': mirror.url }, recordingPorts({ workspace, env: env(), tools: actionTools, tempDir: temp }).ports);
    const out = await toolchainStage.run(ctx);
    assert.equal(out.status, 'passed', JSON.stringify(out.findings));
    assert.equal(mirror.requests.filter((r) => r.endsWith('.tar.gz')).length, 2);
  } finally {
    await mirror.close();
  }
});

test('CLI installer: a body cut short is retried, then reported as truncated', async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cli-tc-'));
  const mirror = await startMirror(tarball, { cutBody: 0.3 });
  try {
    const tools = localTools(path.join(home, 'tools'), path.join(home, 'tmp'));
    const ctx = stageContext({ 'go-version': tarball.version, 'go-download-base-url': mirror.url }, recordingPorts({ workspace, env: env(), tools, tempDir: path.join(home, 'tmp') }).ports);
    const out = await toolchainStage.run(ctx);
    assert.equal(out.status, 'failed');
    assert.equal(out.findings[0].ruleId, 'toolchain/download-failed');
    assert.match(out.findings[0].message, new RegExp(`connection closed after \\d+ of ${tarball.size} bytes \\(truncated\\)`));
    assert.equal(mirror.requests.filter((r) => r.endsWith('.tar.gz')).length, 3, 'three attempts');
    assert.equal(fs.existsSync(path.join(home, 'tools', 'go')), false);
  } finally {
    await mirror.close();
  }
});

test('CLI installer: 500 then 200 succeeds and caches in the tool-cache layout', async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cli-tc-'));
  const mirror = await startMirror(tarball, { failFirst: 2 });
  try {
    const tools = localTools(path.join(home, 'tools'), path.join(home, 'tmp'));
    const ctx = stageContext({ 'go-version': tarball.version, 'go-download-base-url': mirror.url }, recordingPorts({ workspace, env: env(), tools, tempDir: path.join(home, 'tmp') }).ports);
    const out = await toolchainStage.run(ctx);
    assert.equal(out.status, 'passed', JSON.stringify(out.findings));
    assert.ok(fs.existsSync(path.join(home, 'tools', 'go', tarball.version, `${process.arch}.complete`)));
  } finally {
    await mirror.close();
  }
});

/** A go.dev-layout tarball whose go/bin/go exists but does not run: the listing's digest is its real one. */
function brokenTarball(): Tarball {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-broken-go-'));
  fs.mkdirSync(path.join(dir, 'go', 'bin'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'go', 'bin', 'go'), '#!/bin/sh\necho "not a Go toolchain" >&2\nexit 3\n', { mode: 0o755 });
  const version = '1.26.99';
  const filename = `go${version}.linux-amd64.tar.gz`;
  const file = path.join(dir, filename);
  execFileSync('tar', ['-C', dir, '-czf', file, 'go']);
  const data = fs.readFileSync(file);
  return { file, filename, version, sha256: createHash('sha256').update(data).digest('hex'), size: data.length };
}

for (const adapter of ['@actions/tool-cache', 'CLI installer'] as const) {
  test(`${adapter}: a downloaded toolchain that fails its probe is removed from the tool cache, not left marked complete`, async () => {
    const home = runnerHome();
    const broken = brokenTarball();
    const mirror = await startMirror(broken);
    try {
      const root = adapter === '@actions/tool-cache' ? home.toolCache : path.join(home.home, 'tools');
      const tools = adapter === '@actions/tool-cache' ? actionTools : localTools(root, home.temp);
      const ctx = stageContext({ 'go-version': broken.version, 'go-download-base-url': mirror.url }, recordingPorts({ workspace, env: env(), tools, tempDir: home.temp }).ports);
      const out = await toolchainStage.run(ctx);
      assert.equal(out.status, 'failed');
      assert.equal(out.findings[0].ruleId, 'toolchain/version-unresolved');
      assert.match(out.findings[0].message, /does not run \(go env failed\); the downloaded toolchain was removed from the tool cache/);
      assert.ok(mirror.requests.includes(`/dl/${broken.filename}`), 'it was downloaded and cached first');
      assert.equal(fs.existsSync(path.join(root, 'go', broken.version, process.arch)), false, 'directory removed');
      assert.equal(fs.existsSync(path.join(root, 'go', broken.version, `${process.arch}.complete`)), false, 'marker removed');
      assert.equal(tools.find('go', broken.version, process.arch), undefined);
      assert.deepEqual(tools.versions('go', process.arch), []);
      assert.equal(ctx.state.go, undefined);
    } finally {
      await mirror.close();
    }
  });
}

test('@actions/tool-cache: a refused connection is reported as ECONNREFUSED with the address, not as a bare failure', async () => {
  const { temp } = runnerHome();
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const base = `http://127.0.0.1:${port}/dl`;
  const ctx = stageContext({ 'go-version': tarball.version, 'go-download-base-url': base }, recordingPorts({ workspace, env: env(), tools: actionTools, tempDir: temp }).ports);
  const out = await toolchainStage.run(ctx);
  assert.equal(out.status, 'failed');
  assert.equal(out.findings[0].ruleId, 'toolchain/download-failed');
  assert.match(out.findings[0].message, new RegExp(`could not read the Go downloads listing ${base.replace(/[.]/g, '\\.')}/\\?mode=json&include=all: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}`));
  assert.match(out.findings[0].message, /Not using the go on PATH: there is no go on PATH\. Ways out: install Go on PATH and set go-version to system/);
  assert.deepEqual(out.table?.rows[0].slice(0, 3), ['not installed', 'input go-version', 'download-failed']);
});
