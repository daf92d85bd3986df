// The CLI pointed at a checkout elsewhere, as on a laptop: `go-release-gate run --dir /abs/path`
// from an unrelated current directory. Without a git top-level the workspace is --dir; inside
// a checkout it is the checkout's root. Output stays inside the workspace; the end of the run
// shows the verdict, the stages and the report paths; progress lines go to stderr unless --quiet.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';
import { moduleFixture } from '../support/gate.ts';
import { commitAll } from '../support/git.ts';

const tmp = (prefix: string) => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
const outputsOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'outputs.json'), 'utf8')) as Record<string, string>;

test('absolute --dir outside the current directory, no git top-level: the workspace is --dir', async (t) => {
  const app = tmp('grg-app-');
  const cwd = tmp('grg-cwd-');
  t.onTestFinished(() => [app, cwd].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  fs.cpSync(moduleFixture('pass'), app, { recursive: true });

  const r = await runCli(['run', '--dir', app, '--targets', 'linux/amd64,linux/arm64', '--scan', 'off'], { cwd });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stderr, new RegExp(`^workspace: ${app} \\(--dir\\)$`, 'm'));
  const out = path.join(app, 'gate-out');
  const o = outputsOf(out);
  assert.equal(o.verdict, 'pass');
  assert.deepEqual(JSON.parse(o.artifacts).map((a: { path: string }) => a.path).sort(), ['gate-out/pass_linux_amd64', 'gate-out/pass_linux_arm64'], 'paths are reported from the workspace');
  assert.deepEqual(fs.readdirSync(cwd), [], 'nothing is written into the current directory');

  // Progress: one line per target built (stderr), then the verdict at a glance (stdout), plain off a TTY.
  assert.match(r.stderr, /^ {2}build linux\/amd64 example\.com\/pass: ok \(\d+(\.\d)? s\)$/m);
  assert.match(r.stderr, /^ {2}build linux\/arm64 example\.com\/pass: ok \(\d+(\.\d)? s\)$/m);
  assert.match(r.stderr, /^ {2}modules: go mod download: ok /m);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'verdict: pass');
  assert.match(lines[1], /^stages: toolchain passed \d+\.\d s, .*build passed \d+(\.\d)? s, .*scan skipped/);
  assert.deepEqual(lines.slice(2, 5), [`summary: ${out}/summary.md`, `report: ${out}/report.json`, `sarif: ${out}/results.sarif`]);
  assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour codes when stdout is not a TTY');

  // An absolute --out outside the workspace is refused; the system temp dir is no root for it.
  const elsewhere = path.join(cwd, 'out');
  const refused = await runCli(['run', '--dir', app, '--out', elsewhere, '--scan', 'off'], { cwd });
  assert.equal(refused.code, 2, refused.stdout + refused.stderr);
  assert.match(refused.stderr, /input output-dir: .* outside the workspace/);
  assert.ok(!fs.existsSync(elsewhere));
});

test('absolute --dir inside a git checkout elsewhere: the workspace is the checkout\'s root, --out may be absolute', async (t) => {
  const repo = tmp('grg-repo-');
  const cwd = tmp('grg-cwd-');
  t.onTestFinished(() => [repo, cwd].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  fs.cpSync(moduleFixture('pass'), path.join(repo, 'svc'), { recursive: true });
  commitAll(repo);

  const out = path.join(repo, 'release-out');
  const r = await runCli(['run', '--dir', path.join(repo, 'svc'), '--out', out, '--targets', 'linux/amd64', '--scan', 'off'], { cwd });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stderr, new RegExp(`^workspace: ${repo} \\(git top-level of --dir\\)$`, 'm'));
  const o = outputsOf(out);
  assert.equal(o.verdict, 'pass');
  assert.deepEqual(JSON.parse(o.artifacts).map((a: { path: string }) => a.path), ['release-out/pass_linux_amd64']);
  assert.equal(o['sarif-file'], path.join(out, 'results.sarif'));
  assert.deepEqual(fs.readdirSync(cwd), []);

  // A relative --dir is read from the current directory, as a shell user means it.
  const rel = await runCli(['run', '--dir', 'svc', '--out', 'rel-out', '--targets', 'linux/amd64', '--scan', 'off', '--quiet'], { cwd: repo });
  assert.equal(rel.code, 0, rel.stdout + rel.stderr);
  assert.equal(outputsOf(path.join(repo, 'rel-out')).verdict, 'pass');
  // --quiet: no progress, no stage headers, no info lines; the verdict still shows.
  assert.doesNotMatch(rel.stderr, /build linux\/amd64|^== |^workspace:/m);
  assert.match(rel.stdout, /^verdict: pass$/m);
});

test('run --help prints the flags of run only', async () => {
  const cwd = tmp('grg-cwd-');
  const r = await runCli(['run', '--help'], { cwd });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Usage: go-release-gate run \[flags\]\n/);
  for (const f of ['--dir VALUE', '--out VALUE', '--targets VALUE', '--workspace VALUE', '--quiet']) assert.ok(r.stdout.includes(f), f);
  assert.doesNotMatch(r.stdout, /go-release-gate (inspect|--version)/, 'nothing of the other commands');
  fs.rmSync(cwd, { recursive: true, force: true });
});
