// The package as published: `npm pack` takes what package.json's `files` lists, the tarball is
// installed into an empty project (from npm's local cache where it has the package: a fresh
// machine's cache holds the tarballs npm ci fetched, not the registry metadata an install
// resolves a tarball's dependencies with), and `npx go-release-gate
// run` gates examples/hello from there, through the bin link and the shebang, on Node 24.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NODE24, ROOT } from '../support/runner.ts';

// npm and npx run on Node 24, as the CLI would for a user who has it on PATH.
const env = { ...process.env, PATH: `${path.dirname(NODE24)}${path.delimiter}${process.env.PATH}`, GITHUB_WORKSPACE: '', GITHUB_EVENT_NAME: '', GITHUB_REF: '', npm_config_update_notifier: 'false' };

function npm(cwd: string, ...args: string[]) {
  const r = spawnSync('npm', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, `npm ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

test('npm pack, install the tarball, npx go-release-gate run: examples/hello passes', async (t) => {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'grg-npx-')));
  t.onTestFinished(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const [packed] = JSON.parse(npm(ROOT, 'pack', '--pack-destination', tmp, '--json')) as { filename: string; files: { path: string; mode: number }[] }[];
  const files = packed.files.map((f) => f.path);
  for (const f of ['package.json', 'dist/cli.js', 'dist/cli-main.cjs', 'dist/cli-tool-cache.cjs', 'dist/main.js', 'dist/post.js', 'dist/action.cjs', 'dist/package.json', 'action.yml', 'README.md']) assert.ok(files.includes(f), `${f} is published`);
  for (const f of files) assert.match(f, /^(dist\/|action\.yml$|README\.md$|package\.json$|docs\/rules\.md$)/, `${f} is not part of the package`);
  assert.equal(packed.files.find((f) => f.path === 'dist/cli.js')!.mode & 0o111, 0o111, 'dist/cli.js is executable');
  assert.match(fs.readFileSync(path.join(ROOT, 'dist', 'cli.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);

  const project = path.join(tmp, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "consumer", "private": true }\n');
  npm(project, 'install', '--prefer-offline', '--no-audit', '--no-fund', path.join(tmp, packed.filename));
  assert.ok(fs.existsSync(path.join(project, 'node_modules', '.bin', 'go-release-gate')), 'the bin link is installed');

  const app = path.join(tmp, 'hello');
  fs.cpSync(path.join(ROOT, 'examples', 'hello'), app, { recursive: true });
  const help = spawnSync('npx', ['--no-install', 'go-release-gate', 'run', '--help'], { cwd: project, env, encoding: 'utf8' });
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /^Usage: go-release-gate run \[flags\]/);

  const r = spawnSync('npx', ['--no-install', 'go-release-gate', 'run', '--dir', app, '--targets', 'linux/amd64', '--scan', 'off'], { cwd: project, env, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^verdict: pass$/m);
  const outputs = JSON.parse(fs.readFileSync(path.join(app, 'gate-out', 'outputs.json'), 'utf8'));
  assert.equal(outputs.verdict, 'pass');
  assert.ok(fs.existsSync(path.join(app, 'gate-out', 'hello_linux_amd64')));
});
