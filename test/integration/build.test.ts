// Real builds through the CLI front door (dist/cli.js): targets in parallel, SHA256SUMS,
// reproducibility, and every way a build can go wrong ending in a clear failing verdict.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { runCli } from '../support/cli.ts';
import { makeWorkspace, ROOT } from '../support/runner.ts';
import { GO } from '../support/go-mirror.ts';
import { fakeGo } from '../support/gate.ts';

const fixture = (name: string) => path.join(ROOT, 'test', 'fixtures', 'build', name);
const readReport = (out: string) => JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
const goEnv = { ...process.env, GOTOOLCHAIN: 'local' };

test('examples/hello for four targets: binaries, SHA256SUMS, report, the flags that make a static reproducible build', async () => {
  const ws = makeWorkspace(path.join(ROOT, 'examples', 'hello'));
  const r = await runCli(['run', '--dir', '.', '--targets', 'linux/amd64,linux/arm64,darwin/arm64,windows/amd64', '--out', 'gate-out'], { cwd: ws });
  assert.equal(r.code, 0, r.stderr + r.stdout);
  assert.match(r.stdout, /^verdict: pass$/m);
  const out = path.join(ws, 'gate-out');
  const names = ['hello_darwin_arm64', 'hello_linux_amd64', 'hello_linux_arm64', 'hello_windows_amd64.exe'];
  for (const n of names) assert.ok(fs.statSync(path.join(out, n)).size > 100_000, n);
  // sha256sum itself accepts the file.
  const check = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
  assert.deepEqual(check.trim().split('\n').sort(), names.map((n) => `${n}: OK`));
  const report = readReport(out);
  assert.equal(report.verdict, 'pass');
  assert.deepEqual(report.reasons, []);
  assert.equal(report.artifacts.length, 4);
  assert.deepEqual(report.artifacts.map((a: { goos: string; goarch: string }) => `${a.goos}/${a.goarch}`).sort(), ['darwin/arm64', 'linux/amd64', 'linux/arm64', 'windows/amd64']);
  assert.deepEqual(report.stages.map((s: { name: string }) => s.name).slice(0, 1), ['toolchain']);
  assert.ok(report.stages.some((s: { name: string; status: string }) => s.name === 'build' && s.status === 'passed'));
  // What Go recorded about the build is what we promise.
  const m = execFileSync(GO, ['version', '-m', path.join(out, 'hello_linux_amd64')], { env: goEnv, encoding: 'utf8' });
  assert.match(m, /build\tCGO_ENABLED=0/);
  assert.match(m, /build\t-trimpath=true/);
  assert.match(m, /build\tGOOS=linux/);
  const outputs = JSON.parse(fs.readFileSync(path.join(out, 'outputs.json'), 'utf8'));
  assert.equal(outputs.verdict, 'pass');
  assert.equal(outputs['checksums-file'], path.join(fs.realpathSync(ws), 'gate-out', 'SHA256SUMS'));
  assert.equal(JSON.parse(outputs.artifacts).length, 4);
});

test('two builds of the same commit in different directories, one with an empty build cache, are byte-identical', async () => {
  const a = makeWorkspace(path.join(ROOT, 'examples', 'hello'));
  const b = makeWorkspace(path.join(ROOT, 'examples', 'hello'));
  const freshCache = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-gocache-'));
  const args = ['run', '--dir', '.', '--targets', 'linux/amd64,windows/amd64', '--ldflags', '-X main.version=v1.0.0', '--out', 'out'];
  const ra = await runCli(args, { cwd: a });
  const rb = await runCli(args, { cwd: b, env: { GOCACHE: freshCache } });
  assert.equal(ra.code, 0, ra.stderr);
  assert.equal(rb.code, 0, rb.stderr);
  for (const n of ['hello_linux_amd64', 'hello_windows_amd64.exe', 'SHA256SUMS']) {
    assert.ok(fs.readFileSync(path.join(a, 'out', n)).equals(fs.readFileSync(path.join(b, 'out', n))), `${n} differs`);
  }
  // -ldflags reached the linker: the version string is in the binary.
  assert.ok(fs.readFileSync(path.join(a, 'out', 'hello_linux_amd64')).includes('v1.0.0'));
});

test('one target fails to compile: the others are built and reported, the gate fails, the compiler error is located and shown', async () => {
  const ws = makeWorkspace(fixture('broken-arm64'));
  const r = await runCli(['run', '--targets', 'linux/amd64,linux/arm64', '--out', 'out'], { cwd: ws });
  assert.equal(r.code, 1, r.stderr + r.stdout);
  assert.match(r.stdout, /^verdict: fail$/m);
  const report = readReport(path.join(ws, 'out'));
  assert.equal(report.verdict, 'fail');
  assert.deepEqual(report.artifacts.map((a: { goarch: string }) => a.goarch), ['amd64']);
  assert.ok(fs.existsSync(path.join(ws, 'out', 'broken_linux_amd64')));
  assert.equal(fs.readFileSync(path.join(ws, 'out', 'SHA256SUMS'), 'utf8').trim().split('\n').length, 1);
  const f = report.findings.find((x: { ruleId: string }) => x.ruleId === 'build/compile-failed');
  assert.ok(f, JSON.stringify(report.findings));
  assert.deepEqual({ file: f.location.file, line: f.location.line }, { file: 'greeting_arm64.go', line: 5 });
  assert.match(f.message, /^linux\/arm64 example\.com\/broken: greeting_arm64\.go:5: undefined: undefinedGreeting/);
  assert.ok(report.reasons.some((x: string) => x.includes('linux/arm64') && x.includes('undefinedGreeting')), report.reasons);
  const summary = fs.readFileSync(path.join(ws, 'out', 'summary.md'), 'utf8');
  assert.match(summary, /go-release-gate: fail/);
  assert.match(summary, /greeting_arm64\.go:5:\d+: undefined: undefinedGreeting/);
});

test('main packages under cmd/ are found when the root is a library; names skip the /v2 suffix', async () => {
  const ws = makeWorkspace(fixture('multi-cmd'));
  const r = await runCli(['run', '--targets', 'linux/amd64', '--out', 'out'], { cwd: ws });
  assert.equal(r.code, 0, r.stderr + r.stdout);
  assert.deepEqual(fs.readdirSync(path.join(ws, 'out')).filter((n) => n.includes('_linux_')).sort(), ['alpha_linux_amd64', 'beta_linux_amd64']);
  const only = await runCli(['run', '--targets', 'linux/amd64', '--packages', './cmd/beta', '--out', 'only'], { cwd: ws });
  assert.equal(only.code, 0, only.stderr);
  assert.deepEqual(readReport(path.join(ws, 'only')).artifacts.map((a: { path: string }) => path.basename(a.path)), ['beta_linux_amd64']);
});

test('a module whose root is its one main package starts building before go list answers, and builds each target once', async () => {
  const ws = makeWorkspace(path.join(ROOT, 'examples', 'hello'));
  const go = fakeGo();
  const builds = () => go.invocations().filter((a) => a[0] === 'build').map((a) => a.join(' '));
  const targets = ['linux/amd64', 'linux/arm64', 'darwin/arm64', 'windows/amd64'];
  const r = await runCli(['run', '--go-version', 'system', '--targets', targets.join(','), '--scan', 'off', '--out', 'out'], { cwd: ws, env: { PATH: `${go.dir}${path.delimiter}${process.env.PATH}` } });
  assert.equal(r.code, 0, r.stderr + r.stdout);
  // The builds started early are the builds: one go build per target, no second one.
  assert.equal(builds().length, targets.length, builds().join('\n'));
  // Its one root file has no constraint, no _suffix and no import of "C": go list is not asked.
  assert.deepEqual(go.invocations().filter((a) => a[0] === 'list'), []);
  assert.deepEqual(readReport(path.join(ws, 'out')).artifacts.map((a: { path: string }) => path.basename(a.path)).sort(), ['hello_darwin_arm64', 'hello_linux_amd64', 'hello_linux_arm64', 'hello_windows_amd64.exe']);
});

test('builds run at once share the cores: each gets GOMAXPROCS of its share, unless the user set one', async () => {
  const ws = makeWorkspace(path.join(ROOT, 'examples', 'hello'));
  const targets = ['linux/amd64', 'linux/arm64', 'darwin/arm64', 'windows/amd64'];
  const cores = os.availableParallelism();
  const run = async (env: Record<string, string>) => {
    const go = fakeGo();
    const r = await runCli(['run', '--go-version', 'system', '--targets', targets.join(','), '--scan', 'off', '--out', 'out'], { cwd: ws, env: { PATH: `${go.dir}${path.delimiter}${process.env.PATH}`, ...env } });
    assert.equal(r.code, 0, r.stderr + r.stdout);
    const builds = go.calls().filter((c) => c.args[0] === 'build');
    assert.equal(builds.length, targets.length);
    return builds.map((c) => c.gomaxprocs);
  };
  // Four builds at once on up to four cores, or one core's worth each on more: one P each. On
  // one core the build has the machine to itself and nothing is added.
  assert.deepEqual(await run({ GOMAXPROCS: '' }), targets.map(() => (cores > 1 ? '1' : '')));
  assert.deepEqual(await run({ GOMAXPROCS: '3' }), targets.map(() => '3'));
  // Whatever the share, the same bytes as a build left to itself.
  const own = path.join(ws, 'own');
  execFileSync(GO, ['build', '-trimpath', '-buildvcs=auto', '-ldflags=-s -w -buildid=', '-o', own, '.'], { cwd: ws, env: { ...goEnv, CGO_ENABLED: '0', GOOS: 'linux', GOARCH: 'arm64', GOMAXPROCS: '' } });
  assert.ok(fs.readFileSync(own).equals(fs.readFileSync(path.join(ws, 'out', 'hello_linux_arm64'))), 'hello_linux_arm64 differs from a go build with every core');
});

test('a root whose Go files say package main but are all excluded by build constraints: the early builds are thrown away, cmd/ is built', async () => {
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-rootgen-'));
  fs.writeFileSync(path.join(src, 'go.mod'), 'module example.com/gen\n\ngo 1.22\n');
  // A generator run with `go run gen.go`, never part of a build.
  fs.writeFileSync(path.join(src, 'gen.go'), '//go:build ignore\n\npackage main\n\nfunc main() {}\n');
  fs.mkdirSync(path.join(src, 'cmd', 'tool'), { recursive: true });
  fs.writeFileSync(path.join(src, 'cmd', 'tool', 'main.go'), 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("tool") }\n');
  const ws = makeWorkspace(src);
  const go = fakeGo();
  const builds = () => go.invocations().filter((a) => a[0] === 'build').map((a) => a.join(' '));
  const r = await runCli(['run', '--go-version', 'system', '--targets', 'linux/amd64,windows/amd64', '--scan', 'off', '--out', 'out'], { cwd: ws, env: { PATH: `${go.dir}${path.delimiter}${process.env.PATH}` } });
  assert.equal(r.code, 0, r.stderr + r.stdout);
  const out = path.join(ws, 'out');
  assert.deepEqual(fs.readdirSync(out).filter((n) => n.includes('_amd64')).sort(), ['tool_linux_amd64', 'tool_windows_amd64.exe']);
  assert.deepEqual(readReport(out).artifacts.map((a: { path: string }) => path.basename(a.path)).sort(), ['tool_linux_amd64', 'tool_windows_amd64.exe']);
  // The guess was built (and failed) for the first targets, then the real command for each:
  // a constraint in a root file leaves go list to decide.
  assert.ok(go.invocations().some((a) => a[0] === 'list'), 'go list decides');
  assert.equal(builds().filter((b) => b.endsWith(' example.com/gen')).length, 2, builds().join('\n'));
  assert.equal(builds().filter((b) => b.endsWith(' example.com/gen/cmd/tool')).length, 2, builds().join('\n'));
  assert.doesNotMatch(r.stdout + r.stderr, /build constraints exclude/);
});

test('several commands of one target are built by one go build, to the same bytes as one go build each', async () => {
  const ws = makeWorkspace(fixture('multi-cmd'));
  const go = fakeGo();
  const r = await runCli(['run', '--targets', 'linux/amd64,windows/amd64', '--out', 'out'], { cwd: ws, env: { PATH: `${go.dir}${path.delimiter}${process.env.PATH}`, GOMAXPROCS: '' } });
  assert.equal(r.code, 0, r.stderr + r.stdout);
  const report = readReport(path.join(ws, 'out'));
  assert.equal(report.stages.find((s: { name: string }) => s.name === 'build').metrics.built, 4);
  // Two builds at once: each its share of the cores (none added when that is every core).
  const cores = os.availableParallelism();
  const share = Math.floor(cores / Math.min(2, cores));
  assert.deepEqual(go.calls().filter((c) => c.args[0] === 'build').map((c) => c.gomaxprocs), ['', ''].map(() => (share >= cores ? '' : String(share))));
  // The same flags, one package per go build.
  const sep = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-sep-'));
  try {
    for (const [goos, exe] of [['linux', ''], ['windows', '.exe']]) {
      for (const cmd of ['alpha', 'beta']) {
        const file = path.join(sep, `${cmd}_${goos}${exe}`);
        execFileSync(GO, ['build', '-trimpath', '-buildvcs=auto', '-ldflags=-s -w -buildid=', '-o', file, `./cmd/${cmd}`], { cwd: ws, env: { ...goEnv, GOOS: goos, GOARCH: 'amd64', CGO_ENABLED: '0', GOFLAGS: '' } });
        assert.ok(fs.readFileSync(path.join(ws, 'out', `${cmd}_${goos}_amd64${exe}`)).equals(fs.readFileSync(file)), `${cmd} ${goos}: the same bytes`);
      }
    }
  } finally {
    fs.rmSync(sep, { recursive: true, force: true });
  }
});

test('one of several commands fails to compile: the other is built, and the finding is the failing one\'s own error', async () => {
  const ws = makeWorkspace(fixture('multi-cmd'));
  const main = path.join(ws, 'cmd', 'beta', 'main.go');
  fs.appendFileSync(main, '\nfunc broken() { undefinedInBeta() }\n');
  const r = await runCli(['run', '--targets', 'linux/amd64', '--out', 'out'], { cwd: ws });
  assert.equal(r.code, 1, r.stderr + r.stdout);
  const report = readReport(path.join(ws, 'out'));
  assert.deepEqual(report.artifacts.map((a: { path: string }) => path.basename(a.path)), ['alpha_linux_amd64']);
  const failed = report.findings.filter((x: { ruleId: string }) => x.ruleId === 'build/compile-failed');
  assert.equal(failed.length, 1, JSON.stringify(failed));
  const line = fs.readFileSync(main, 'utf8').split('\n').findIndex((l) => l.includes('undefinedInBeta')) + 1;
  assert.deepEqual({ file: failed[0].location.file, line: failed[0].location.line }, { file: 'cmd/beta/main.go', line });
  assert.match(failed[0].message, /^linux\/amd64 example\.com\/multi\/v2\/cmd\/beta: cmd\/beta\/main\.go:\d+: undefined: undefinedInBeta$/);
});

test('no main package: a failing verdict that says so', async () => {
  const ws = makeWorkspace(fixture('library'));
  const r = await runCli(['run', '--out', 'out'], { cwd: ws });
  assert.equal(r.code, 1);
  const report = readReport(path.join(ws, 'out'));
  assert.equal(report.findings[0].ruleId, 'build/no-main-package');
  assert.match(report.reasons[0], /no main package in \.: the module root is not package main and cmd\/ has no main package/);
  const lib = await runCli(['run', '--packages', '.', '--out', 'out2'], { cwd: ws });
  assert.equal(lib.code, 1);
  assert.match(readReport(path.join(ws, 'out2')).reasons[0], /example\.com\/library is package library, not a main package/);
});

test('an unknown target fails the gate naming it; the known ones are still built', async () => {
  const ws = makeWorkspace(path.join(ROOT, 'examples', 'hello'));
  const r = await runCli(['run', '--targets', 'linux/amd64,plan10/amd64', '--out', 'out'], { cwd: ws });
  // A usage error (issue 9: exit 2, as the README says), with the reports written all the same.
  assert.equal(r.code, 2);
  const report = readReport(path.join(ws, 'out'));
  assert.match(report.reasons.join('\n'), /target plan10\/amd64 is not supported by go1\.\d+/);
  assert.equal(report.artifacts.length, 1);
  // The go command's refusal is that one finding, not also a compile failure.
  assert.deepEqual(report.findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('build/')).map((f: { ruleId: string }) => f.ruleId), ['build/unknown-target']);
});

test('configuration errors exit 2 and name the input; nothing is built', async () => {
  const ws = makeWorkspace(path.join(ROOT, 'examples', 'hello'));
  const cases: [string[], RegExp][] = [
    [['--targets', 'linux'], /input targets: "linux" is not of the form GOOS\/GOARCH/],
    [['--go-version', '1.x.y'], /input go-version: "1\.x\.y" is not a Go version/],
    [['--go-version', '^^1.25'], /input go-version: "\^\^1\.25" is not a Go version/],
    // Outside Actions the workspace follows --dir; with --workspace given, --dir must stay inside it.
    [['--workspace', '.', '--dir', '../..'], /input working-directory: "\.\.\/\.\." resolves to .*, outside the workspace/],
    [['--cgo=maybe'], /input cgo: "maybe" is not a boolean/],
    [['--cgo', 'maybe'], /unexpected argument "maybe"/],
    [['--targets-typo', 'x'], /unknown flag --targets-typo/],
    [['--packages', '-toolexec=/bin/sh'], /input packages: "-toolexec=\/bin\/sh" is not a package path/],
  ];
  for (const [args, want] of cases) {
    const r = await runCli(['run', ...args, '--out', 'out'], { cwd: ws });
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, want, args.join(' '));
  }
  assert.equal(fs.existsSync(path.join(ws, 'out')), false, 'nothing ran');
});

test('go-version-file missing, or without a go line: a failing verdict naming the file', async () => {
  const ws = makeWorkspace(path.join(ROOT, 'examples', 'hello'));
  const missing = await runCli(['run', '--go-version-file', '.go-version', '--out', 'out'], { cwd: ws });
  assert.equal(missing.code, 1);
  assert.match(readReport(path.join(ws, 'out')).reasons[0], /go-version-file \.go-version does not exist/);
  const nogo = makeWorkspace(fixture('no-go-line'));
  const r = await runCli(['run', '--out', 'out'], { cwd: nogo });
  assert.equal(r.code, 1);
  const report = readReport(path.join(nogo, 'out'));
  assert.match(report.reasons[0], /go\.mod: no go line/);
  assert.equal(report.findings[0].location.file, 'go.mod');
});

test('--help lists every flag; unknown commands exit 2', async () => {
  const help = await runCli(['--help'], { cwd: ROOT });
  assert.equal(help.code, 0);
  for (const flag of ['--dir', '--out', '--go-version', '--go-version-file', '--targets', '--packages', '--ldflags', '--tags', '--cgo', '--go-download-base-url']) {
    assert.ok(help.stdout.includes(flag), flag);
  }
  const bad = await runCli(['deploy'], { cwd: ROOT });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown command "deploy"/);
});

test('rule overrides: a known rule can be lowered to a warning; a typo in a rule id is refused, not ignored', async () => {
  const ws = makeWorkspace(fixture('broken-arm64'));
  const lowered = await runCli(['run', '--targets', 'linux/amd64,linux/arm64', '--rules', 'build/compile-failed=warning', '--out', 'out'], { cwd: ws });
  assert.equal(lowered.code, 0, lowered.stdout + lowered.stderr);
  const report = readReport(path.join(ws, 'out'));
  assert.equal(report.verdict, 'pass');
  assert.deepEqual(report.findings.filter((f: { ruleId: string }) => f.ruleId === 'build/compile-failed').map((f: { severity: string }) => f.severity), ['warning']);
  const typo = await runCli(['run', '--rules', 'build/compile-fail=off', '--out', 'out2'], { cwd: ws });
  assert.equal(typo.code, 2);
  assert.match(typo.stderr, /input rules: unknown rule id "build\/compile-fail" \(build rules: .*build\/compile-failed/);
  // Advisory rules exist only at run time (one per CVE/GHSA): their ids are accepted by shape.
  const advisory = await runCli(['run', '--targets', 'linux/amd64', '--rules', 'scan/cve-2022-32149=warning', '--out', 'out4'], { cwd: makeWorkspace(path.join(ROOT, 'examples', 'hello')) });
  assert.equal(advisory.code, 0, advisory.stderr);
  const crash = await runCli(['run', '--rules', 'gate/stage-errored=off', '--out', 'out3'], { cwd: ws });
  assert.equal(crash.code, 2);
  assert.match(crash.stderr, /gate\/stage-errored cannot be overridden/);
});
