// Attacks a pull request can make on what the gate writes and what its children see, each
// reproduced through the real entry point (the Action bundle as the runner starts it, or the
// CLI), then shown to have held.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { Runner, makeWorkspace, ROOT } from '../support/runner.ts';
import { assertRunOutputs, eventPayload } from '../support/gate.ts';
import { runCli } from '../support/cli.ts';
import { cosignBin, generateKeyPair } from '../support/cosign.ts';
import { commitAll } from '../support/git.ts';
import { GO } from '../support/env.ts';

const HELLO = path.join(ROOT, 'examples', 'hello');
const PRECIOUS = 'precious: must never be overwritten\n';

/** Files outside the workspace, and links to them committed under gate-out/ where the gate writes. */
function plantLinks(ws: string, names: string[]): { victims: string; check(): void } {
  const victims = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-victim-'));
  fs.mkdirSync(path.join(ws, 'gate-out'), { recursive: true });
  for (const name of names) {
    fs.writeFileSync(path.join(victims, name), PRECIOUS);
    fs.symlinkSync(path.join(victims, name), path.join(ws, 'gate-out', name));
  }
  return {
    victims,
    check() {
      for (const name of names) {
        assert.equal(fs.readFileSync(path.join(victims, name), 'utf8'), PRECIOUS, `${name} outside the workspace was written through the link`);
        const st = fs.lstatSync(path.join(ws, 'gate-out', name));
        assert.ok(!st.isSymbolicLink(), `gate-out/${name} is still a link`);
      }
    },
  };
}

test('pull request commits gate-out/report.json, SHA256SUMS, summary.md, results.sarif and a binary as links out of the workspace: the Action writes fresh files, the targets are untouched', async () => {
  const ws = fs.realpathSync(makeWorkspace(HELLO));
  const names = ['report.json', 'SHA256SUMS', 'summary.md', 'results.sarif', 'hello_linux_amd64'];
  const { check } = plantLinks(ws, names);
  commitAll(ws);
  const runner = new Runner({ workspace: ws, eventName: 'pull_request', ref: 'refs/pull/42/merge', event: eventPayload('pull_request'), inputs: { targets: 'linux/amd64', scan: 'off' } });
  const main = await runner.main();
  assert.equal(main.code, 0, main.stdout + main.stderr);
  await assertRunOutputs(main, ws, { verdict: 'pass', mode: 'check', artifacts: ['gate-out/hello_linux_amd64'] });
  check();
  assert.equal(JSON.parse(fs.readFileSync(path.join(ws, 'gate-out', 'report.json'), 'utf8')).verdict, 'pass');
});

test('the CLI writes outputs.json, cosign.pub and the bundles fresh too, and no longer takes the system temp dir as an output root', async () => {
  const ws = fs.realpathSync(makeWorkspace(HELLO));
  const names = ['outputs.json', 'cosign.pub', 'hello_linux_amd64.sigstore.json', 'SHA256SUMS.sigstore.json'];
  const { check } = plantLinks(ws, names);
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-key-'));
  const { key } = await generateKeyPair(keyDir, password);
  const env = { PATH: `${path.dirname(cosignBin())}${path.delimiter}${process.env.PATH}`, COSIGN_PASSWORD: password };
  const r = await runCli(['run', '--targets', 'linux/amd64', '--scan', 'off', '--sign', 'always', '--cosign-key', key, '--sign-tlog-upload', 'false', '--cosign-version', 'system'], { cwd: ws, env });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  check();
  assert.ok(fs.readFileSync(path.join(ws, 'gate-out', 'cosign.pub'), 'utf8').includes('PUBLIC KEY'));
  assert.equal(JSON.parse(fs.readFileSync(path.join(ws, 'gate-out', 'outputs.json'), 'utf8')).verdict, 'pass');

  const elsewhere = path.join(os.tmpdir(), `grg-out-${randomBytes(4).toString('hex')}`);
  const refused = await runCli(['run', '--targets', 'linux/amd64', '--out', elsewhere], { cwd: ws });
  assert.equal(refused.code, 2, refused.stdout + refused.stderr);
  assert.match(refused.stderr, /input output-dir: .* outside the workspace/);
  assert.ok(!fs.existsSync(elsewhere));
});

/** A program on PATH that appends its environment (NUL-separated, one record per call) to a log, then runs the real one. */
function recorder(dir: string, name: string, real: string): string {
  const log = path.join(dir, `${name}.env`);
  fs.writeFileSync(path.join(dir, name), `#!/bin/sh\n{ env -0; printf '\\036'; } >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
  return log;
}

function recorded(log: string): Record<string, string>[] {
  if (!fs.existsSync(log)) return [];
  return fs.readFileSync(log, 'utf8').split('\x1e').filter((r) => r.length).map((rec) => {
    const env: Record<string, string> = {};
    for (const kv of rec.split('\0')) if (kv.includes('=')) env[kv.slice(0, kv.indexOf('='))] = kv.slice(kv.indexOf('=') + 1);
    return env;
  });
}

test('child processes get only what they need: go never sees the runner\'s tokens or the signing secrets, cosign gets the key password alone', async () => {
  const ws = fs.realpathSync(makeWorkspace(HELLO));
  commitAll(ws, 'v1.0.0');
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-recorders-'));
  const goLog = recorder(bin, 'go', GO);
  const cosignLog = recorder(bin, 'cosign', cosignBin());
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-key-'));
  const { key } = await generateKeyPair(keyDir, password);
  const pem = fs.readFileSync(key, 'utf8');
  const secrets: Record<string, string> = {
    ACTIONS_RUNTIME_TOKEN: `rt-${randomBytes(8).toString('hex')}`,
    ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:9/token?x=${randomBytes(4).toString('hex')}`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: `idt-${randomBytes(8).toString('hex')}`,
    GITHUB_TOKEN: `ghs_${randomBytes(8).toString('hex')}`,
    GOOGLE_APPLICATION_CREDENTIALS: '/secret/creds.json',
  };
  const runner = new Runner({
    workspace: ws,
    eventName: 'push',
    ref: 'refs/tags/v1.0.0',
    event: eventPayload('push-tag'),
    inputs: { targets: 'linux/amd64', scan: 'off', cache: 'off', 'cosign-key': pem, 'sign-tlog-upload': 'false', 'cosign-version': 'system' },
    env: { ...secrets, COSIGN_PASSWORD: password, PATH: `${bin}${path.delimiter}${process.env.PATH}` },
  });
  const main = await runner.main();
  assert.equal(main.code, 0, main.stdout + main.stderr);
  await assertRunOutputs(main, ws, { verdict: 'pass', mode: 'release' });

  const goEnvs = recorded(goLog);
  const cosignEnvs = recorded(cosignLog);
  assert.ok(goEnvs.length >= 3, `go ran (${goEnvs.length} calls recorded)`);
  assert.ok(cosignEnvs.length >= 3, `cosign ran (${cosignEnvs.length} calls recorded)`);
  const forbidden = { ...secrets, COSIGN_PASSWORD: password, 'INPUT_COSIGN-KEY': pem };
  for (const [i, env] of goEnvs.entries()) {
    for (const [name, value] of Object.entries(forbidden)) {
      assert.ok(!(name in env), `go call ${i} got ${name}`);
      assert.ok(!Object.values(env).some((v) => v.includes(value.trim().split('\n')[1] ?? value)), `go call ${i} got the value of ${name}`);
    }
    assert.ok(!Object.keys(env).some((k) => k.startsWith('INPUT_') || k.startsWith('ACTIONS_')), `go call ${i}: ${Object.keys(env).join(' ')}`);
    assert.equal(env.GOTOOLCHAIN, 'local');
  }
  for (const [i, env] of cosignEnvs.entries()) {
    assert.equal(env.COSIGN_PASSWORD, password, `cosign call ${i} gets the key password`);
    for (const name of [...Object.keys(secrets), 'INPUT_COSIGN-KEY']) assert.ok(!(name in env), `cosign call ${i} got ${name}`);
  }
});

test('with cgo, compiler diagnostics that quote source lines are trimmed to file:line and message in the summary and the report', async () => {
  const ws = fs.realpathSync(makeWorkspace(HELLO));
  const marker = `QUOTED_${randomBytes(6).toString('hex')}`;
  fs.writeFileSync(path.join(ws, 'main.go'), `package main\n\n// int broken(void) { return 1 + ; } // ${marker}\nimport "C"\n\nfunc main() {}\n`);
  // The compiler itself does quote the line: without the trimming the marker would be in the reports.
  const raw = spawnSync(GO, ['build', '-o', os.devNull, '.'], { cwd: ws, env: { ...process.env, CGO_ENABLED: '1', GOTOOLCHAIN: 'local' }, encoding: 'utf8' });
  assert.ok(raw.stderr.includes(marker), raw.stderr);
  const r = await runCli(['run', '--targets', 'linux/amd64', '--scan', 'off', '--cgo', 'true'], { cwd: ws });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const report = fs.readFileSync(path.join(ws, 'gate-out', 'report.json'), 'utf8');
  const summary = fs.readFileSync(path.join(ws, 'gate-out', 'summary.md'), 'utf8');
  assert.match(report, /main\.go:3:\d+: error: expected expression/);
  for (const [name, text] of [['report.json', report], ['summary.md', summary], ['stdout', r.stdout], ['stderr', r.stderr]]) {
    assert.ok(!text.includes(marker), `${name} quotes the source line`);
  }
});
