// cosign through the one tool installer, against a loopback "release downloads" server serving
// the real pinned cosign built here, under cosign's own asset name. The digest table is the
// test's (the built binary is not the published one, so the built-in table must refuse it; that
// is checked too). Faults: a wrong table digest, 404, 500 then 200, a cut body, a version outside
// the table, with and without cosign-sha256.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { startReleaseServer } from '../support/release-server.ts';
import { cosignBin } from '../support/cosign.ts';
import { recordingPorts } from '../support/context.ts';
import { resolveCosign, CosignUnavailable } from '../../src/sign/install.ts';
import { cosignAssetName, type CosignDigestTable } from '../../src/tools/cosign.ts';
import { actionTools } from '../../src/action/adapters.ts';
import { localTools } from '../../src/cli/adapters.ts';
import type { ToolInstaller } from '../../src/ports/ports.ts';

const BIN = cosignBin();
const DIGEST = createHash('sha256').update(fs.readFileSync(BIN)).digest('hex');
const ASSET = cosignAssetName(process.platform, process.arch)!;
const V = 'v3.1.3';
const TABLE: CosignDigestTable = { [V]: { [ASSET]: DIGEST } };
const files = { [`${V}/${ASSET}`]: BIN, [`v9.9.9/${ASSET}`]: BIN };

function home() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cosign-install-'));
  const tools = path.join(dir, 'tools');
  const temp = path.join(dir, 'temp');
  fs.mkdirSync(temp);
  return { dir, tools, temp, local: localTools(tools, temp) };
}

async function install(tools: ToolInstaller, baseUrl: string, o: { version?: string; sha256?: string; table?: CosignDigestTable } = {}) {
  const { ports, rec } = recordingPorts({ workspace: os.tmpdir(), tools });
  const choice = { kind: 'release' as const, version: o.version ?? V, baseUrl, ...(o.sha256 ? { sha256: o.sha256 } : {}) };
  const r = await resolveCosign({ choice, tools, log: ports.log, pathEnv: '', table: 'table' in o ? o.table : TABLE });
  return { r, rec };
}

async function refused(p: Promise<unknown>, re: RegExp): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof CosignUnavailable, String(e));
    assert.match(e.message, re);
    return e.message;
  }
  assert.fail('the install was not refused');
}

test('a digest match installs into the tool cache (@actions/tool-cache); the next run makes no request', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cosign-tc-'));
  process.env.RUNNER_TOOL_CACHE = path.join(dir, 'tool-cache');
  process.env.RUNNER_TEMP = path.join(dir, 'temp');
  fs.mkdirSync(process.env.RUNNER_TOOL_CACHE);
  fs.mkdirSync(process.env.RUNNER_TEMP);
  const server = await startReleaseServer(files);
  try {
    const { r, rec } = await install(actionTools, server.url);
    assert.deepEqual(server.requests, [`/download/${V}/${ASSET}`]);
    assert.ok(r.bin.startsWith(path.join(process.env.RUNNER_TOOL_CACHE, 'cosign', '3.1.3')), r.bin);
    assert.equal(r.sha256, DIGEST);
    assert.match(r.source, new RegExp(`^downloaded from ${server.url}/${V}/${ASSET}, SHA-256 ${DIGEST} verified`));
    assert.ok(rec.logs.some((l) => l.includes(`SHA-256 ${DIGEST} of ${ASSET} matches`)), rec.logs.join('\n'));
    // What was installed is the real cosign, executable.
    assert.match(execFileSync(r.bin, ['version'], { encoding: 'utf8' }), /GitVersion:\s+v3\.1\.3/);

    const again = await install(actionTools, server.url);
    assert.equal(server.requests.length, 1, 'the second run used the tool cache');
    assert.equal(again.r.bin, r.bin);
    assert.match(again.r.source, /^tool cache /);
  } finally {
    await server.close();
  }
});

test('a binary whose SHA-256 differs from the table is refused, deleted, and not cached; the built-in table refuses this build too', async () => {
  const h = home();
  const server = await startReleaseServer(files);
  try {
    const wrong = 'f'.repeat(64);
    const msg = await refused(install(h.local, server.url, { table: { [V]: { [ASSET]: wrong } } }), new RegExp(`SHA-256 mismatch for ${ASSET} .*expected ${wrong} .*got ${DIGEST}; it was not extracted or run`));
    assert.match(msg, /Nothing was signed; set cosign-version: system/);
    assert.equal(h.local.find('cosign', '3.1.3', process.arch), undefined);
    assert.deepEqual(fs.readdirSync(h.temp), [], 'the download was removed');
    // The table in our source pins the published release, which this local build is not.
    await refused(install(h.local, server.url, { table: undefined }), /SHA-256 mismatch .*go-release-gate's digest table \(cashapp\/hermit-packages cosign\.hcl\)/);
  } finally {
    await server.close();
  }
});

test('404: refused, naming the URL and the status', async () => {
  const h = home();
  const server = await startReleaseServer(files, { status: 404 });
  try {
    await refused(install(h.local, server.url), new RegExp(`cosign v3\\.1\\.3 could not be installed: could not download ${server.url}/${V}/${ASSET}: .*HTTP 404`));
    assert.equal(server.requests.length, 1, '404 is not retried');
  } finally {
    await server.close();
  }
});

test('500 then 200: retried, then installed', async () => {
  const h = home();
  const server = await startReleaseServer(files, { failFirst: 1 });
  try {
    const { r } = await install(h.local, server.url);
    assert.equal(server.requests.length, 2);
    assert.ok(fs.existsSync(r.bin));
    assert.ok(h.local.find('cosign', '3.1.3', process.arch));
  } finally {
    await server.close();
  }
});

test('a body cut short: refused as truncated, nothing cached', async () => {
  const h = home();
  const server = await startReleaseServer(files, { cutBody: 0.5 });
  try {
    await refused(install(h.local, server.url), /could not be installed: could not download .*truncated/);
    assert.equal(h.local.find('cosign', '3.1.3', process.arch), undefined);
  } finally {
    await server.close();
  }
});

test('a version outside the table: refused with the reason and no request; with cosign-sha256 it installs', async () => {
  const h = home();
  const server = await startReleaseServer(files);
  try {
    await refused(install(h.local, server.url, { version: 'v9.9.9' }), /cosign v9\.9\.9 cannot be installed: go-release-gate's digest table has no cosign v9\.9\.9 .*cosign-sha256/);
    assert.deepEqual(server.requests, []);
    const { r } = await install(h.local, server.url, { version: 'v9.9.9', sha256: DIGEST });
    assert.match(r.source, /verified against the cosign-sha256 input/);
    assert.ok(r.bin.startsWith(path.join(h.tools, 'cosign', '9.9.9')), r.bin);
    // A wrong cosign-sha256 is refused like a wrong table entry.
    const h2 = home();
    await refused(install(h2.local, server.url, { version: 'v9.9.9', sha256: '0'.repeat(64) }), /SHA-256 mismatch .*the cosign-sha256 input/);
  } finally {
    await server.close();
  }
});

test('cosign-version: system finds cosign on PATH, or says how to get one', async () => {
  const { ports } = recordingPorts({ workspace: os.tmpdir() });
  const r = await resolveCosign({ choice: { kind: 'system' }, tools: ports.tools, log: ports.log, pathEnv: path.dirname(BIN) });
  assert.deepEqual(r, { bin: BIN, source: 'PATH' });
  await refused(resolveCosign({ choice: { kind: 'system' }, tools: ports.tools, log: ports.log, pathEnv: fs.mkdtempSync(path.join(os.tmpdir(), 'grg-empty-')) }), /cosign was not found on PATH: .*set cosign-version to a release/);
});
