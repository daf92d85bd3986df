// The modules checks through the CLI as a user starts it, on real git repositories built with
// the real go command: checks that cannot run say so, and the smaller holes of a hostile
// checkout (a go whose go mod verify lies, -toolexec / -overlay, a replace out of the workspace, an
// absurd go line) are findings at their line, never a pass and never a crash.
import { test, beforeAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { runCli, type CliResult } from '../support/cli.ts';
import { GO, SHARED_MODCACHE, buildApp, lineOf, writeFiles } from '../support/gomodules.ts';

interface ReportFinding { ruleId: string; severity: string; message: string; stage: string; location?: { file?: string; line?: number } }

let vendored: string;

function commit(ws: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: ws, env });
  execFileSync('git', ['add', '-A'], { cwd: ws, env });
  execFileSync('git', ['commit', '-q', '-m', 'app'], { cwd: ws, env });
  execFileSync('git', ['tag', 'v1.0.0'], { cwd: ws, env });
}

function repo(build: (dir: string) => void): string {
  const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'grg-holes-')));
  build(ws);
  commit(ws);
  return ws;
}

beforeAll(() => {
  vendored = repo((d) => buildApp(d, { vendor: true }));
});

/** The CLI with the real go first on PATH, the shared module cache and none of this machine's go settings. */
async function gate(ws: string, args: string[], env: Record<string, string> = {}): Promise<{ r: CliResult; findings: ReportFinding[]; summary: string; out: string }> {
  // The output dir lives in the workspace (the CLI accepts no other root); the user cache beside it.
  const out = path.join(ws, 'gate-out');
  const cacheHome = path.join(ws, '..', `${path.basename(ws)}-cache-${Math.random().toString(36).slice(2)}`);
  const r = await runCli(['run', '--go-version', 'system', '--targets', 'linux/amd64', '--scan', 'off', '--out', out, ...args], {
    cwd: ws,
    env: {
      PATH: `${path.dirname(GO)}${path.delimiter}${process.env.PATH}`,
      XDG_CACHE_HOME: cacheHome,
      GOMODCACHE: SHARED_MODCACHE, GOFLAGS: '', GOPROXY: 'off', GOENV: 'off', GONOSUMDB: '', GOPRIVATE: '', GOINSECURE: '', GOSUMDB: '', GOWORK: '',
      TMPDIR: path.dirname(ws),
      ...env,
    },
  });
  const reportFile = path.join(out, 'report.json');
  assert.ok(fs.existsSync(reportFile), r.stdout + r.stderr);
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  return { r, findings: report.findings, summary: fs.readFileSync(path.join(out, 'summary.md'), 'utf8'), out: r.stdout + r.stderr };
}

test('a vendored module without a reachable proxy or module cache says verification could not run, and reports no not-tidy', async () => {
  const emptyCache = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-empty-modcache-'));
  const { r, findings, summary } = await gate(vendored, [], { GOMODCACHE: emptyCache, GOPROXY: 'off', GOFLAGS: '-mod=vendor' });
  assert.equal(r.code, 1, r.stdout);
  const modules = findings.filter((f) => f.stage === 'modules');
  assert.deepEqual(modules.map((f) => f.ruleId), ['modules/verify-failed'], JSON.stringify(modules, null, 1));
  assert.match(modules[0].message, new RegExp(`^verification could not run: the modules are not all in the module cache \\(${emptyCache.replace(/[.]/g, '\\.')}\\) and cannot be fetched \\(go: .*module lookup disabled by GOPROXY=off\\); the module tree check, the go\\.sum check, the vendor/ comparison and go mod tidy -diff did not run`));
  assert.doesNotMatch(summary, /all match/);
  assert.doesNotMatch(summary, /not-tidy/);
  assert.match(summary, /\| vendor\/ \| {2}\| not compared: the modules cannot be fetched/);
  assert.match(summary, /\| go\.sum \| go\.sum \| not checked: the modules cannot be fetched/);
  assert.match(r.stdout, /verdict: fail/);
});

test('the gate hashes the module trees itself: a go whose `go mod verify` answers success in silence changes nothing, and a tree changed after download fails', async () => {
  // A go on PATH that answers `go mod verify` with success and silence; everything else is the real go.
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-silent-go-'));
  fs.writeFileSync(path.join(bin, 'go'), `#!/bin/sh\nif [ "$1" = mod ] && [ "$2" = verify ]; then exit 0; fi\nexec ${GO} "$@"\n`, { mode: 0o755 });
  // A module cache of its own, filled from the shared one through a file:// proxy, then one tree changed.
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-holes-modcache-'));
  const env = { PATH: `${bin}${path.delimiter}${process.env.PATH}`, GOMODCACHE: cache, GOPROXY: `file://${SHARED_MODCACHE}/cache/download`, GOSUMDB: 'off', GOFLAGS: '-modcacherw' };
  execFileSync(GO, ['mod', 'download'], { cwd: vendored, env: { ...process.env, ...env, GOTOOLCHAIN: 'local', GOWORK: 'off' } });
  fs.appendFileSync(path.join(cache, 'rsc.io/quote@v1.5.2/quote.go'), '\n// changed after download\n');
  const { r, findings } = await gate(vendored, [], env);
  assert.equal(r.code, 1, r.stdout);
  const f = findings.find((x) => x.ruleId === 'modules/verify-failed' && x.message.startsWith('module tree check:'));
  assert.ok(f, JSON.stringify(findings));
  assert.equal(f.severity, 'error');
  assert.match(f.message, /^module tree check: rsc\.io\/quote v1\.5\.2: dir has been modified \(/);
  assert.deepEqual(f.location, { file: 'go.mod', line: lineOf(path.join(vendored, 'go.mod'), '\trsc.io/quote v1.5.2') });
  fs.rmSync(cache, { recursive: true, force: true });
});

test('-toolexec in GOFLAGS is a warning in check mode and an error in release mode; -overlay from the go env file is named as such', async () => {
  const tools = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-toolexec-'));
  const wrapper = path.join(tools, 'wrap');
  fs.writeFileSync(wrapper, '#!/bin/sh\nexec "$@"\n', { mode: 0o755 });
  const check = await gate(vendored, ['--mode', 'check'], { GOFLAGS: `-toolexec=${wrapper}` });
  const warn = check.findings.find((x) => x.ruleId === 'modules/weak-verification' && /-toolexec/.test(x.message));
  assert.ok(warn, JSON.stringify(check.findings));
  assert.equal(warn.severity, 'warning');
  assert.match(warn.message, new RegExp(`GOFLAGS="-toolexec=${wrapper}" \\(from the environment\\) sets -toolexec=${wrapper}: every compiler, assembler and linker call runs through that program`));

  const release = await gate(vendored, ['--mode', 'release'], { GOFLAGS: `-toolexec=${wrapper}` });
  const err = release.findings.find((x) => x.ruleId === 'modules/weak-verification' && /-toolexec/.test(x.message));
  assert.ok(err, JSON.stringify(release.findings));
  assert.equal(err.severity, 'error');
  assert.match(err.message, /a release is never built this way/);
  assert.equal(release.r.code, 1);
  assert.match(release.r.stdout, /- modules: GOFLAGS="-toolexec=/);

  const overlay = path.join(tools, 'overlay.json');
  fs.writeFileSync(overlay, '{"Replace":{}}\n');
  const goenv = path.join(tools, 'go.env');
  fs.writeFileSync(goenv, `GOFLAGS=-overlay=${overlay}\n`);
  const fromFile = await gate(vendored, ['--mode', 'release'], { GOENV: goenv });
  const o = fromFile.findings.find((x) => x.ruleId === 'modules/weak-verification' && /-overlay/.test(x.message));
  assert.ok(o, JSON.stringify(fromFile.findings));
  assert.equal(o.severity, 'error');
  assert.match(o.message, new RegExp(`\\(from the go env file ${goenv.replace(/[.]/g, '\\.')}\\) sets -overlay=${overlay.replace(/[.]/g, '\\.')}: the build reads the files that overlay names`));
});

test('a replace that points outside the workspace is reported at its go.mod line', async () => {
  const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'grg-outside-lib-')));
  writeFiles(outside, { 'go.mod': 'module example.com/greet\n\ngo 1.22\n', 'greet.go': 'package greet\n\nfunc Hello() string { return "hello" }\n' });
  const ws = repo((d) => {
    const rel = path.relative(d, outside);
    buildApp(d, {
      vendor: false,
      goMod: `module example.com/app\n\ngo 1.22\n\nrequire example.com/greet v0.0.0\n\nreplace example.com/greet => ${rel}\n`,
      files: { 'main.go': 'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/greet"\n)\n\nfunc main() { fmt.Println(greet.Hello()) }\n' },
    });
  });
  const { r, findings } = await gate(ws, []);
  assert.equal(r.code, 1, r.stdout);
  const f = findings.find((x) => x.ruleId === 'modules/replace-outside-workspace');
  assert.ok(f, JSON.stringify(findings));
  assert.equal(f.severity, 'error');
  assert.deepEqual(f.location, { file: 'go.mod', line: lineOf(path.join(ws, 'go.mod'), /^replace example\.com\/greet/) });
  assert.match(f.message, new RegExp(`points outside the workspace \\(to ${outside.replace(/[.]/g, '\\.')}\\)`));
});

test('an absurd go line is "not a Go version" at its line, in the toolchain and in the modules stage, never a crash', async () => {
  const ws = repo((d) => writeFiles(d, { 'go.mod': 'module example.com/app\n\ngo 99999999999999999999.1\n', 'main.go': 'package main\n\nfunc main() {}\n' }));
  // Version from go.mod: the toolchain stage names the line.
  const fromFile = await gate(ws, ['--go-version', '']);
  assert.equal(fromFile.r.code, 1, fromFile.out);
  const tc = fromFile.findings.find((x) => x.stage === 'toolchain');
  assert.ok(tc, JSON.stringify(fromFile.findings));
  assert.equal(tc.ruleId, 'toolchain/version-unresolved');
  assert.match(tc.message, /go\.mod:3: "go 99999999999999999999\.1" is not a Go version/);
  assert.deepEqual(tc.location, { file: 'go.mod', line: 3 });
  // The go on PATH: the modules stage reads go.mod and says the same.
  const system = await gate(ws, []);
  const mod = system.findings.find((x) => x.stage === 'modules');
  assert.ok(mod, JSON.stringify(system.findings));
  assert.equal(mod.ruleId, 'modules/malformed-file');
  assert.match(mod.message, /"99999999999999999999\.1" is not a Go version/);
  assert.deepEqual(mod.location, { file: 'go.mod', line: 3 });
  for (const out of [fromFile.out, system.out]) {
    assert.doesNotMatch(out, /Invalid major version|(toolchain|modules) stage: /);
  }
});
