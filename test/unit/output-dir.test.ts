import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isGateOutputName, openOutputDir } from '../../src/output/dir.ts';
import { childEnv } from '../../src/util/childenv.ts';
import { trimCompilerQuotes } from '../../src/stages/build.ts';

const fresh = () => fs.mkdtempSync(path.join(os.tmpdir(), 'grg-outdir-'));

test('gate output names: binaries, bundles and the fixed report names; nothing else', () => {
  for (const n of ['app_linux_amd64', 'app_windows_arm64.exe', 'my-tool_darwin_arm64', 'SHA256SUMS', 'report.json', 'summary.md', 'results.sarif', 'outputs.json', 'cosign.pub', 'app_linux_amd64.sigstore.json', 'provenance.intoto.jsonl']) {
    assert.ok(isGateOutputName(n), n);
  }
  for (const n of ['README.md', 'app', 'app_linux', 'app_beos_amd64', 'notes.txt', '.gitkeep']) assert.ok(!isGateOutputName(n), n);
});

test('write replaces a link with a fresh file and never writes through it', () => {
  const dir = fresh();
  const victim = path.join(fresh(), 'victim');
  fs.writeFileSync(victim, 'keep');
  fs.symlinkSync(victim, path.join(dir, 'report.json'));
  const p = openOutputDir(dir).write('report.json', '{}');
  assert.equal(fs.readFileSync(victim, 'utf8'), 'keep');
  assert.ok(fs.lstatSync(p).isFile());
  assert.equal(fs.readFileSync(p, 'utf8'), '{}');
});

test('write refuses a directory in its place and names that are not plain file names', () => {
  const dir = fresh();
  fs.mkdirSync(path.join(dir, 'SHA256SUMS'));
  const out = openOutputDir(dir);
  assert.throws(() => out.write('SHA256SUMS', 'x'), /is a directory where go-release-gate writes a file/);
  for (const bad of ['../x', 'a/b', '..', '']) assert.throws(() => out.write(bad, 'x'), /not a plain file name/);
});

test('an output dir that became a link is refused', () => {
  const real = fresh();
  const link = path.join(fresh(), 'out');
  fs.symlinkSync(real, link);
  assert.throws(() => openOutputDir(link).write('report.json', '{}'), /is not a directory \(a symbolic link\)/);
  assert.deepEqual(fs.readdirSync(real), []);
});

test('clear removes gate-named entries (links too, not their targets) and lists the rest without touching them', () => {
  const dir = fresh();
  const victim = path.join(fresh(), 'victim');
  fs.writeFileSync(victim, 'keep');
  fs.writeFileSync(path.join(dir, 'app_linux_arm64'), 'old');
  fs.writeFileSync(path.join(dir, 'evil_linux_amd64'), 'planted');
  fs.symlinkSync(victim, path.join(dir, 'summary.md'));
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
  fs.mkdirSync(path.join(dir, 'sub'));
  const { removed, foreign } = openOutputDir(dir).clear();
  assert.deepEqual(removed, ['app_linux_arm64', 'evil_linux_amd64', 'summary.md']);
  assert.deepEqual(foreign, ['notes.txt', 'sub/']);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['notes.txt', 'sub']);
  assert.equal(fs.readFileSync(victim, 'utf8'), 'keep');
  assert.deepEqual(openOutputDir(path.join(dir, 'missing')).clear(), { removed: [], foreign: [] });
});

test('clear with trash renames the gate-named entries into it (links as links), and leaves the rest', () => {
  const dir = fresh();
  const trash = fresh();
  const victim = path.join(fresh(), 'victim');
  fs.writeFileSync(victim, 'keep');
  fs.writeFileSync(path.join(dir, 'app_linux_arm64'), 'old');
  fs.symlinkSync(victim, path.join(dir, 'summary.md'));
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
  const { removed, foreign } = openOutputDir(dir).clear(() => trash);
  assert.deepEqual(removed, ['app_linux_arm64', 'summary.md']);
  assert.deepEqual(foreign, ['notes.txt']);
  assert.deepEqual(fs.readdirSync(dir), ['notes.txt']);
  assert.deepEqual(fs.readdirSync(trash).sort(), ['app_linux_arm64', 'summary.md']);
  assert.ok(fs.lstatSync(path.join(trash, 'summary.md')).isSymbolicLink());
  assert.equal(fs.readFileSync(victim, 'utf8'), 'keep');
  // Nothing of the gate's left: the trash is not asked for.
  let asked = 0;
  assert.deepEqual(openOutputDir(dir).clear(() => (asked++, trash)), { removed: [], foreign: ['notes.txt'] });
  assert.equal(asked, 0);
});

test('clear with a trash it cannot rename into (missing, or on another file system) unlinks in place', () => {
  const dir = fresh();
  fs.writeFileSync(path.join(dir, 'app_linux_arm64'), 'old');
  fs.writeFileSync(path.join(dir, 'report.json'), '{}');
  assert.deepEqual(openOutputDir(dir).clear(() => path.join(fresh(), 'gone')).removed, ['app_linux_arm64', 'report.json']);
  // A trash that cannot be made: unlinked in place too.
  fs.writeFileSync(path.join(dir, 'summary.md'), 'old');
  assert.deepEqual(openOutputDir(dir).clear(() => { throw new Error('no temp dir'); }).removed, ['summary.md']);
  assert.deepEqual(fs.readdirSync(dir), []);
  // tmpfs beside the temp dir's file system, where there is one: rename gives EXDEV.
  if (fs.existsSync('/dev/shm') && fs.statSync('/dev/shm').dev !== fs.statSync(dir).dev) {
    const other = fs.mkdtempSync('/dev/shm/grg-trash-');
    fs.writeFileSync(path.join(dir, 'SHA256SUMS'), 'x');
    assert.deepEqual(openOutputDir(dir).clear(() => other).removed, ['SHA256SUMS']);
    assert.deepEqual([fs.readdirSync(dir), fs.readdirSync(other)], [[], []]);
    fs.rmSync(other, { recursive: true });
  }
});

test('adopt moves a built file in, replacing a planted link; append only extends files of this run', () => {
  const dir = fresh();
  const build = fresh();
  const victim = path.join(fresh(), 'victim');
  fs.writeFileSync(victim, 'keep');
  fs.symlinkSync(victim, path.join(dir, 'app_linux_amd64'));
  fs.writeFileSync(path.join(build, 'app_linux_amd64'), 'ELF', { mode: 0o755 });
  const out = openOutputDir(dir);
  const p = out.adopt(path.join(build, 'app_linux_amd64'), 'app_linux_amd64');
  assert.equal(fs.readFileSync(p, 'utf8'), 'ELF');
  assert.ok(!fs.existsSync(path.join(build, 'app_linux_amd64')));
  assert.equal(fs.statSync(p).mode & 0o111, 0o111);
  assert.equal(fs.readFileSync(victim, 'utf8'), 'keep');
  assert.throws(() => out.append('summary.md', 'x'), /was not written by this run/);
  out.write('summary.md', 'a');
  out.append('summary.md', 'b');
  assert.equal(fs.readFileSync(path.join(dir, 'summary.md'), 'utf8'), 'ab');
  assert.deepEqual(out.produced(), ['app_linux_amd64', 'summary.md']);
});

test('childEnv: each tool gets its allow-list; secrets only when handed in', () => {
  const env = {
    PATH: '/bin', HOME: '/h', GOFLAGS: '-mod=mod', GO111MODULE: 'on', GOPRIVATE: 'x', CGO_CFLAGS: '-O2', CC: 'gcc', LC_ALL: 'C',
    GOOGLE_APPLICATION_CREDENTIALS: '/c.json', GITHUB_TOKEN: 't', ACTIONS_RUNTIME_TOKEN: 'r', ACTIONS_ID_TOKEN_REQUEST_URL: 'u',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'i', COSIGN_PASSWORD: 'p', 'INPUT_COSIGN-KEY': 'k', TRIVY_SKIP_FILES: 'go.mod', TRIVY_DB_REPOSITORY: 'mirror',
    GIT_SSH_COMMAND: 'ssh', SIGSTORE_ID_TOKEN: 'tok', UNDEFINED: undefined,
  };
  const secretNames = ['GITHUB_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'COSIGN_PASSWORD', 'INPUT_COSIGN-KEY', 'GOOGLE_APPLICATION_CREDENTIALS'];
  const go = childEnv('go', env, { GOTOOLCHAIN: 'local' });
  assert.deepEqual(Object.keys(go).sort(), ['CC', 'CGO_CFLAGS', 'GIT_SSH_COMMAND', 'GO111MODULE', 'GOFLAGS', 'GOPRIVATE', 'GOTOOLCHAIN', 'HOME', 'LC_ALL', 'PATH']);
  const trivy = childEnv('trivy', env);
  assert.deepEqual(Object.keys(trivy).sort(), ['HOME', 'LC_ALL', 'PATH', 'TRIVY_DB_REPOSITORY']);
  const cosign = childEnv('cosign', env, { COSIGN_PASSWORD: 'p' });
  assert.deepEqual(Object.keys(cosign).sort(), ['COSIGN_PASSWORD', 'HOME', 'LC_ALL', 'PATH', 'SIGSTORE_ID_TOKEN']);
  for (const e of [go, trivy, childEnv('git', env)]) for (const s of secretNames) assert.ok(!(s in e), s);
});

test('trimCompilerQuotes keeps file:line: message lines and drops the quoted source', () => {
  const stderr = [
    '# example.com/app',
    './main.go:3:32: error: expected expression before \';\' token',
    '    3 | int broken(void) { return 1 + ; } // SECRET',
    '      |                                ^',
    'gcc: fatal error: something',
  ].join('\n');
  assert.equal(trimCompilerQuotes(stderr), ['# example.com/app', './main.go:3:32: error: expected expression before \';\' token', 'gcc: fatal error: something'].join('\n'));
});
