// The CLI keeps the go command's answer to `go env GOVERSION GOROOT` in the user's cache home
// (src/toolchain/probe.ts), and a later run with the same go, files and variables takes it
// instead of starting go: the same toolchain is reported and the same binaries are built. Another
// GOROOT asks again; a wrapper script on PATH is asked every time and never kept, since the Go it
// runs is not in its own bytes; no other variable's value is written down.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runCli } from '../support/cli.ts';
import { ROOT } from '../support/runner.ts';
import { GO } from '../support/env.ts';

const RUN = ['run', '--go-version', 'system', '--sign', 'never', '--targets', 'linux/amd64', '--out', 'gate-out'];
const TAKEN = /as an earlier run asked it/;

test('CLI: the go env probe is kept for the go command and taken by the next run; another GOROOT or a wrapper asks go', async (t) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-probe-'));
  t.onTestFinished(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const cwd = path.join(tmp, 'hello');
  fs.cpSync(path.join(ROOT, 'examples', 'hello'), cwd, { recursive: true });
  const kept = path.join(tmp, 'home', 'go-release-gate', 'kept');
  const realGo = fs.realpathSync(GO);
  const goroot = execFileSync(GO, ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  // The go command on PATH through a symbolic link, as /usr/bin/go often is.
  const bin = path.join(tmp, 'bin');
  fs.mkdirSync(bin);
  fs.symlinkSync(realGo, path.join(bin, 'go'));
  // A wrapper script in front of the go command, written now so that it has settled (a file
  // changed within the last 5 s is never kept) by the time it is used.
  const wrapperBin = path.join(tmp, 'wrapper');
  fs.mkdirSync(wrapperBin);
  fs.writeFileSync(path.join(wrapperBin, 'go'), `#!/bin/sh\nexec '${realGo}' "$@"\n`, { mode: 0o755 });
  const settledBy = Date.now() + 5_500;
  const goCaches = Object.fromEntries(['GOCACHE', 'GOMODCACHE'].map((k) => [k, execFileSync(GO, ['env', k], { encoding: 'utf8' }).trim()]));
  const env = {
    ...goCaches, XDG_CACHE_HOME: path.join(tmp, 'home'), XDG_CONFIG_HOME: path.join(tmp, 'config'), GOENV: undefined, GOROOT: undefined,
    PATH: `${bin}${path.delimiter}${process.env.PATH}`, RUNNER_DEBUG: '1',
  };
  const toolchain = () => {
    const r = JSON.parse(fs.readFileSync(path.join(cwd, 'gate-out', 'report.json'), 'utf8'));
    return { go: r.goVersion, facts: [r.facts['go-version'], r.facts['go-source']], sums: fs.readFileSync(path.join(cwd, 'gate-out', 'SHA256SUMS'), 'utf8') };
  };

  const taken = (r: { stdout: string; stderr: string }) => (r.stderr + r.stdout).match(new RegExp(TAKEN, 'g'))?.length ?? 0;

  const first = await runCli(RUN, { cwd, env: { ...env, GITHUB_TOKEN: 'ghp_not_to_be_kept' } });
  assert.equal(first.code, 0, first.stderr);
  assert.equal(taken(first), 0);
  const files = fs.readdirSync(kept);
  assert.equal(files.length, 1, files.join(', '));
  const file = path.join(kept, files[0]);
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  const record = JSON.parse(fs.readFileSync(file, 'utf8')) as { key: string; stdout: string };
  assert.deepEqual(record.stdout.trim().split('\n').slice(1), [goroot]);
  assert.match(record.key, new RegExp(`^bin ${realGo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `, 'm'));
  assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /ghp_not_to_be_kept|GOMODCACHE|PATH=/);
  const asked = toolchain();

  const second = await runCli(RUN, { cwd, env });
  assert.equal(second.code, 0, second.stderr);
  assert.equal(taken(second), 1, 'the toolchain probe took the kept answer');
  assert.deepEqual(toolchain(), asked, 'the same toolchain reported, the same binaries built');

  // GOROOT set (here to what go finds anyway): asked again, and kept for it.
  const other = await runCli(RUN, { cwd, env: { ...env, GOROOT: goroot } });
  assert.equal(other.code, 0, other.stderr);
  assert.equal(taken(other), 0);
  assert.match(JSON.parse(fs.readFileSync(file, 'utf8')).key, /^env GOROOT=/m);
  assert.deepEqual(toolchain(), asked);

  // The wrapper: asked on every run, never kept, though it has settled.
  await sleep(Math.max(0, settledBy - Date.now()));
  for (let i = 0; i < 2; i++) {
    const wrapped = await runCli(RUN, { cwd, env: { ...env, PATH: `${wrapperBin}${path.delimiter}${process.env.PATH}` } });
    assert.equal(wrapped.code, 0, wrapped.stderr);
    assert.equal(taken(wrapped), 0);
    assert.deepEqual(toolchain(), asked);
  }
  assert.deepEqual(fs.readdirSync(kept), files, 'nothing kept for the wrapper');
});
