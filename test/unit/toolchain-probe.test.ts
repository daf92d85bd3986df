// The go command's version and GOROOT (src/toolchain/probe.ts): what go env prints, read; and kept
// for a later run, taken
// only for the same binary (its real path and bytes), the same pkg/tool, go env file and the
// variables go reads for them; kept only for the go command itself, only when everything it
// names is settled, and never with another variable's value.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { goEnvFile, keepProbe, keptProbe, parseProbe, probeKey } from '../../src/toolchain/probe.ts';
import { readBuildInfoFile } from '../../src/inspect/binary.ts';
import { FormatError } from '../../src/inspect/errors.ts';
import { GO } from '../support/env.ts';
import { SETTLED_MS } from '../../src/util/stat-identity.ts';

const ANSWER = 'go1.26.8\n/opt/go\n';
const goCommand = async () => true;
// Everything in the temporary tree was made just now: a clock this far ahead sees it settled.
const later = () => Date.now() + SETTLED_MS + 1_000;

function fixture(t: { onTestFinished(fn: () => void): void }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-goenv-memo-'));
  t.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const goroot = path.join(dir, 'go');
  fs.mkdirSync(path.join(goroot, 'bin'), { recursive: true });
  fs.mkdirSync(path.join(goroot, 'pkg', 'tool'), { recursive: true });
  const bin = path.join(goroot, 'bin', 'go');
  fs.writeFileSync(bin, 'go command bytes', { mode: 0o755 });
  const keep = path.join(dir, 'kept');
  const config = path.join(dir, 'config');
  const env = { PATH: '/usr/bin', HOME: path.join(dir, 'home'), XDG_CONFIG_HOME: config, GOTOOLCHAIN: 'local' };
  return { dir, goroot, bin, keep, config, env };
}

async function keptAfterKeeping(keep: string, bin: string, env: Record<string, string>) {
  const k = probeKey(keep, bin, env, later())!;
  assert.equal(await keepProbe(k, ANSWER, goCommand), true);
  return k;
}

test('goEnvFile: GOENV, else go/env under the user config directory as os.UserConfigDir finds it', () => {
  assert.equal(goEnvFile({ GOENV: '/etc/goenv', HOME: '/h' }, 'linux'), '/etc/goenv');
  assert.equal(goEnvFile({ GOENV: 'off', HOME: '/h' }, 'linux'), undefined);
  assert.equal(goEnvFile({ XDG_CONFIG_HOME: '/x', HOME: '/h' }, 'linux'), path.join('/x', 'go', 'env'));
  assert.equal(goEnvFile({ HOME: '/h' }, 'linux'), path.join('/h/.config', 'go', 'env'));
  // A relative XDG_CONFIG_HOME makes os.UserConfigDir fail: go then reads no file.
  assert.equal(goEnvFile({ XDG_CONFIG_HOME: 'rel', HOME: '/h' }, 'linux'), undefined);
  assert.equal(goEnvFile({}, 'linux'), undefined);
  assert.equal(goEnvFile({ HOME: '/Users/u' }, 'darwin'), path.join('/Users/u/Library/Application Support', 'go', 'env'));
  assert.equal(goEnvFile({ AppData: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32'), path.join('C:\\Users\\u\\AppData\\Roaming', 'go', 'env'));
});

test('probe memo: the same binary, directories, go env file and environment give the kept answer; the file is the user\'s only', async (t) => {
  const f = fixture(t);
  assert.equal(keptProbe(probeKey(f.keep, f.bin, f.env)!), undefined, 'nothing kept yet');
  const k = await keptAfterKeeping(f.keep, f.bin, f.env);
  assert.deepEqual(keptProbe(probeKey(f.keep, f.bin, f.env)!), ANSWER);
  assert.equal(fs.statSync(k.file).mode & 0o777, 0o600);
  assert.equal(fs.statSync(f.keep).mode & 0o777, 0o700);
  // Through a symbolic link on PATH: the binary it resolves to is what is keyed.
  const link = path.join(f.dir, 'go-link');
  fs.symlinkSync(f.bin, link);
  assert.deepEqual(keptProbe(probeKey(f.keep, link, f.env)!), ANSWER);
});

test('probe memo: a changed binary, even of the same length and in place, is asked again', async (t) => {
  const f = fixture(t);
  await keptAfterKeeping(f.keep, f.bin, f.env);
  await new Promise((r) => setTimeout(r, 20));
  fs.writeFileSync(f.bin, 'go COMMAND bytes');
  assert.equal(keptProbe(probeKey(f.keep, f.bin, f.env)!), undefined);
});

test('probe memo: a link pointed at another go, another environment, a go env file or a changed pkg/tool is asked again', async (t) => {
  const f = fixture(t);
  const link = path.join(f.dir, 'go-link');
  fs.symlinkSync(f.bin, link);
  await keptAfterKeeping(f.keep, link, f.env);
  assert.deepEqual(keptProbe(probeKey(f.keep, link, f.env)!), ANSWER);

  // GOROOT in the environment decides what go reports.
  assert.equal(keptProbe(probeKey(f.keep, link, { ...f.env, GOROOT: '/elsewhere' })!), undefined);
  // So does GOROOT in the go env file: one appearing is a different key.
  fs.mkdirSync(path.join(f.config, 'go'), { recursive: true });
  fs.writeFileSync(path.join(f.config, 'go', 'env'), 'GOROOT=/elsewhere\n');
  assert.equal(keptProbe(probeKey(f.keep, link, f.env)!), undefined);
  fs.rmSync(path.join(f.config, 'go', 'env'));
  assert.deepEqual(keptProbe(probeKey(f.keep, link, f.env)!), ANSWER);
  // Without pkg/tool beside it, go finds another GOROOT.
  fs.rmSync(path.join(f.goroot, 'pkg', 'tool'), { recursive: true });
  assert.equal(keptProbe(probeKey(f.keep, link, f.env)!), undefined);
  fs.mkdirSync(path.join(f.goroot, 'pkg', 'tool'));

  // The link re-pointed at another go installation (the same bytes, another file).
  const other = path.join(f.dir, 'go2', 'bin', 'go');
  fs.mkdirSync(path.dirname(other), { recursive: true });
  fs.copyFileSync(f.bin, other);
  fs.rmSync(link);
  fs.symlinkSync(other, link);
  assert.equal(keptProbe(probeKey(f.keep, link, f.env)!), undefined);
});

test('probe memo: nothing is kept for an unsettled file, a binary that is not the go command, or a damaged record', async (t) => {
  const f = fixture(t);
  const now = probeKey(f.keep, f.bin, f.env, Date.now())!;
  assert.equal(now.settled, false, 'the binary was written just now');
  assert.equal(await keepProbe(now, ANSWER, goCommand), false);
  assert.equal(fs.existsSync(now.file), false);

  const k = probeKey(f.keep, f.bin, f.env, later())!;
  assert.equal(await keepProbe(k, ANSWER, async () => false), false, 'a wrapper or shim');
  assert.equal(await keepProbe(k, ANSWER, async () => { throw new Error('unreadable'); }), false);
  assert.equal(fs.existsSync(k.file), false);

  assert.equal(await keepProbe(k, ANSWER, goCommand), true);
  for (const damaged of ['', '{', JSON.stringify({ format: 'go-release-gate go env v1', key: k.key, stdout: 1 })]) {
    fs.writeFileSync(k.file, damaged);
    assert.equal(keptProbe(k), undefined, damaged);
  }
  assert.equal(probeKey(f.keep, path.join(f.dir, 'no-such-go'), f.env), undefined);
});

test('probe memo: only the variables go reads for the answer are keyed, and no other value is written down', async (t) => {
  const f = fixture(t);
  const secret = 'ghp_0123456789abcdefSECRET';
  const env = { ...f.env, GITHUB_TOKEN: secret, GOPROXY: `https://user:${secret}@proxy.example`, GOFLAGS: '-mod=mod' };
  const k = probeKey(f.keep, f.bin, env, later())!;
  assert.equal(await keepProbe(k, ANSWER, goCommand), true);
  assert.doesNotMatch(fs.readFileSync(k.file, 'utf8'), new RegExp(secret));
  // Variables go env GOVERSION GOROOT does not read change nothing...
  assert.equal(keptProbe(probeKey(f.keep, f.bin, { ...env, GOPROXY: 'direct', PATH: '/elsewhere', GITHUB_TOKEN: undefined })!), ANSWER);
  // ...those it reads to find the go env file do.
  assert.equal(keptProbe(probeKey(f.keep, f.bin, { ...env, GOENV: path.join(f.dir, 'other-env') })!), undefined);
  assert.equal(keptProbe(probeKey(f.keep, f.bin, { ...env, XDG_CONFIG_HOME: undefined })!), undefined);
});

test('parseProbe: the version without "go" and GOROOT; anything else is no answer', () => {
  assert.deepEqual(parseProbe('go1.26.8\n/usr/local/go\n'), { version: '1.26.8', goroot: '/usr/local/go' });
  assert.deepEqual(parseProbe('go1.27rc1\nC:\\Go\r\n'), { version: '1.27rc1', goroot: 'C:\\Go' });
  assert.deepEqual(parseProbe('go1.26'), { version: '1.26', goroot: '' });
  assert.equal(parseProbe('devel go1.27-abcdef\n/src/go\n'), undefined);
  assert.equal(parseProbe(''), undefined);
});

test('what the memo asks of a binary before keeping: the real go command says cmd/go and the go env answer parses; a script is no executable', async (t) => {
  const real = fs.realpathSync(GO);
  assert.equal((await readBuildInfoFile(real))?.path, 'cmd/go');
  assert.deepEqual(parseProbe(execFileSync(real, ['env', 'GOVERSION', 'GOROOT'], { encoding: 'utf8', env: { ...process.env, GOTOOLCHAIN: 'local' } }))?.goroot, execFileSync(real, ['env', 'GOROOT'], { encoding: 'utf8' }).trim());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-probe-script-'));
  t.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const script = path.join(dir, 'go');
  fs.writeFileSync(script, `#!/bin/sh\nexec '${real}' "$@"\n`, { mode: 0o755 });
  await assert.rejects(readBuildInfoFile(script), FormatError);
});
