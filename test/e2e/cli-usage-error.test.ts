// An unknown target is a usage error: the CLI exits 2 (not 1, a failed check), and the run still
// builds the other targets and writes every report. Through the Action the step fails as before.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../support/cli.ts';
import { Runner, makeWorkspace } from '../support/runner.ts';
import { moduleFixture } from '../support/gate.ts';
import { removeTree } from '../../src/cache/disk.ts';

const GO_ENV = { GOTOOLCHAIN: 'local', GOFLAGS: '-buildvcs=false', GOPROXY: 'off' };

test('CLI: --targets plan9/sparc64,linux/amd64 exits 2, names the target, and still writes the reports and the other binary', async (t) => {
  const ws = makeWorkspace(moduleFixture('pass'));
  t.onTestFinished(() => removeTree(ws));
  const r = await runCli(['run', '--targets', 'plan9/sparc64,linux/amd64', '--go-version', 'system', '--out', 'gate-out'], { cwd: ws, env: GO_ENV });
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stdout, /^verdict: fail$/m);
  assert.match(r.stdout, /target plan9\/sparc64 is not supported by go[\d.]+ \(see go tool dist list\)/);
  assert.match(r.stderr, /usage error \(exit 2\): target plan9\/sparc64 is not supported/);
  const out = path.join(ws, 'gate-out');
  for (const f of ['report.json', 'results.sarif', 'summary.md', 'outputs.json', 'SHA256SUMS', 'pass_linux_amd64']) assert.ok(fs.existsSync(path.join(out, f)), f);
  const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as { verdict: string; findings: { ruleId: string; severity: string }[] };
  assert.equal(report.verdict, 'fail');
  assert.deepEqual(report.findings.filter((f) => f.ruleId === 'build/unknown-target').map((f) => f.severity), ['error']);
});

test('CLI: a usage error turned down by the rules input is not one any more (exit 0)', async (t) => {
  const ws = makeWorkspace(moduleFixture('pass'));
  t.onTestFinished(() => removeTree(ws));
  const r = await runCli(['run', '--targets', 'plan9/sparc64,linux/amd64', '--go-version', 'system', '--rules', 'build/unknown-target=warning', '--out', 'gate-out'], { cwd: ws, env: GO_ENV });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.doesNotMatch(r.stderr, /usage error/);
});

test('Action: an unknown target fails the step and the reports are still written', async (t) => {
  const ws = makeWorkspace(moduleFixture('pass'));
  t.onTestFinished(() => removeTree(ws));
  const runner = new Runner({ workspace: ws, inputs: { targets: 'plan9/sparc64', 'go-version': 'system' }, env: GO_ENV });
  const main = await runner.main();
  assert.equal(main.code, 1, main.stdout + main.stderr);
  assert.equal(main.outputs.verdict, 'fail');
  assert.match(main.outputs.reasons, /target plan9\/sparc64 is not supported/);
  for (const f of ['report-file', 'sarif-file', 'summary-file']) assert.ok(fs.existsSync(main.outputs[f]), f);
});
