// A go.mod `toolchain` line asks for a Go this machine cannot download: the CLI, as a user starts
// it, says which version was wanted and from which line, which go is on PATH and why it was not
// used, the network's own error (not "fetch failed"), and the ways out; the summary still shows
// the Wanted row. The mirror is a loopback port that refuses connections.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { execFileSync } from 'node:child_process';
import { runCli } from '../support/cli.ts';
import { GO } from '../support/env.ts';

/** A loopback port nothing listens on: bound by us, noted, then closed. */
async function refusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function gitRepo(files: Record<string, string>): string {
  const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'grg-tc-unreach-')));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(ws, name)), { recursive: true });
    fs.writeFileSync(path.join(ws, name), text);
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ws, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'app');
  git('tag', 'v1.0.0');
  return ws;
}

const goOnPath = path.dirname(GO);
const goVersionOnPath = execFileSync(GO, ['env', 'GOVERSION'], { env: { ...process.env, GOTOOLCHAIN: 'local' }, encoding: 'utf8' }).trim();

test('toolchain go1.25.5 against a refusing mirror: wanted version and line, go on PATH and why not, ECONNREFUSED, ways out, Wanted row', async () => {
  const port = await refusedPort();
  const ws = gitRepo({
    'go.mod': 'module example.com/app\n\ngo 1.25.0\n\ntoolchain go1.25.5\n',
    'main.go': 'package main\n\nfunc main() {}\n',
  });
  const base = `http://127.0.0.1:${port}/dl`;
  const r = await runCli(['run', '--targets', 'linux/amd64', '--out', 'out', '--scan', 'off', '--go-download-base-url', base], {
    cwd: ws,
    env: { PATH: `${goOnPath}${path.delimiter}${process.env.PATH}`, XDG_CACHE_HOME: path.join(ws, '.cache'), GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK: '1' },
  });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const out = r.stdout + r.stderr;
  assert.doesNotMatch(out, /fetch failed(?!.*ECONNREFUSED)/);
  const report = JSON.parse(fs.readFileSync(path.join(ws, 'out', 'report.json'), 'utf8'));
  const findings = report.findings.filter((x: { stage: string }) => x.stage === 'toolchain');
  assert.equal(findings.length, 1, JSON.stringify(findings));
  const f = findings[0];
  assert.equal(f.ruleId, 'toolchain/download-failed');
  assert.deepEqual(f.location, { file: 'go.mod', line: 5 });
  assert.match(f.message, /^Go 1\.25\.5 \(wanted by go\.mod:5 \(toolchain go1\.25\.5\)\) could not be downloaded/);
  assert.match(f.message, new RegExp(`could not read the Go downloads listing http://127\\.0\\.0\\.1:${port}/dl/\\?mode=json&include=all: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\. `));
  assert.match(f.message, new RegExp(`Not using the go on PATH: ${GO.replace(/[.]/g, '\\.')} is ${goVersionOnPath.replace(/^go/, 'go ').replace(/\./g, '\\.')}, which does not satisfy 1\\.25\\.5`));
  assert.match(f.message, /set go-version to system \(CLI: --go-version system\)/);
  assert.match(f.message, new RegExp(`point go-download-base-url at a mirror this machine can reach \\(now ${base.replace(/[.]/g, '\\.')}\\)`));
  // The verdict says the same, and the summary keeps the Wanted row though nothing was installed.
  assert.match(out, /verdict: fail/);
  assert.match(out, /ECONNREFUSED/);
  const summary = fs.readFileSync(path.join(ws, 'out', 'summary.md'), 'utf8');
  assert.match(summary, /\| Go \| Wanted \| Source \| GOROOT \|/);
  assert.match(summary, /\| not installed \| go\.mod:5 \(toolchain go1\.25\.5\) \| download-failed \|/);
  // The escape hatch it names works: go-version system builds with the go on PATH.
  const sys = await runCli(['run', '--targets', 'linux/amd64', '--out', 'out2', '--scan', 'off', '--go-version', 'system', '--go-download-base-url', base], {
    cwd: ws,
    env: { PATH: `${goOnPath}${path.delimiter}${process.env.PATH}`, XDG_CACHE_HOME: path.join(ws, '.cache'), GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK: '1' },
  });
  const sysReport = JSON.parse(fs.readFileSync(path.join(ws, 'out2', 'report.json'), 'utf8'));
  assert.equal(sysReport.stages.find((s: { name: string }) => s.name === 'toolchain').status, 'passed', sys.stdout);
});

test('a plain-http mirror without the hatch is a usage error (exit 2) that names the hatch; nothing is fetched', async () => {
  const port = await refusedPort();
  const ws = gitRepo({ 'go.mod': 'module example.com/app\n\ngo 1.25.0\n', 'main.go': 'package main\n\nfunc main() {}\n' });
  const r = await runCli(['run', '--out', 'out', '--go-download-base-url', `http://127.0.0.1:${port}/dl`], { cwd: ws, env: { XDG_CACHE_HOME: path.join(ws, '.cache'), GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK: '' } });
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stdout + r.stderr, /input go-download-base-url: .*must be https: .*GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK=1/);
  const remote = await runCli(['run', '--out', 'out', '--go-download-base-url', 'http://mirror.example/dl'], { cwd: ws, env: { XDG_CACHE_HOME: path.join(ws, '.cache'), GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK: '1' } });
  assert.equal(remote.code, 2, remote.stdout + remote.stderr);
  assert.match(remote.stdout + remote.stderr, /admits plain http only for 127\.0\.0\.1, localhost and \[::1\], not mirror\.example/);
});
