import { test } from 'vitest';
import assert from 'node:assert/strict';
import { artifactFileName, binaryName, buildArgs, buildEnv, goExecName, ldflagsFor, mapLimit, parseCompilerErrors, renderChecksums, stderrFor } from '../../src/build/args.ts';

test('buildArgs: fixed reproducible flags, user ldflags appended in one argument, tags, vendor flag', () => {
  assert.deepEqual(buildArgs({ ldflags: '', tags: [], strip: true }, '/o/app', 'example.com/app'), [
    'build', '-trimpath', '-buildvcs=auto', '-ldflags=-s -w -buildid=', '-o', '/o/app', 'example.com/app',
  ]);
  assert.deepEqual(buildArgs({ ldflags: '-X "main.v=a b"', tags: ['netgo', 'osusergo'], strip: false, modFlag: '-mod=vendor' }, 'o', './cmd/x'), [
    'build', '-trimpath', '-buildvcs=auto', '-ldflags=-buildid= -X "main.v=a b"', '-tags=netgo,osusergo', '-mod=vendor', '-o', 'o', './cmd/x',
  ]);
  // A hostile ldflags value stays inside its one argument: no shell ever splits it.
  const hostile = buildArgs({ ldflags: '; rm -rf / $(id)', tags: [], strip: true }, 'o', 'p');
  assert.equal(hostile[3], '-ldflags=-s -w -buildid= ; rm -rf / $(id)');
  assert.equal(hostile.length, 7);
});

test('ldflagsFor keeps -buildid= always and -s -w only when stripping', () => {
  assert.equal(ldflagsFor({ ldflags: '', strip: true }), '-s -w -buildid=');
  assert.equal(ldflagsFor({ ldflags: '-X main.v=1', strip: false }), '-buildid= -X main.v=1');
});

test('buildEnv sets the target and CGO_ENABLED=0 unless cgo', () => {
  const env = buildEnv({ PATH: '/bin', CGO_ENABLED: '1', GOOS: 'plan9' }, { goos: 'linux', goarch: 'arm64' }, false);
  assert.deepEqual(env, { PATH: '/bin', CGO_ENABLED: '0', GOOS: 'linux', GOARCH: 'arm64' });
  assert.equal(buildEnv({}, { goos: 'linux', goarch: 'amd64' }, true).CGO_ENABLED, '1');
  // The build's share of the cores goes in last.
  assert.deepEqual(buildEnv({ PATH: '/bin' }, { goos: 'linux', goarch: 'amd64' }, false, { GOMAXPROCS: '1' }), { PATH: '/bin', CGO_ENABLED: '0', GOOS: 'linux', GOARCH: 'amd64', GOMAXPROCS: '1' });
});

test('binary names follow go build: last element, skipping a major-version suffix', () => {
  const cases: [string, string][] = [['example.com/hello', 'hello'], ['example.com/multi/v2', 'multi'], ['example.com/x/cmd/server', 'server'], ['v2', 'v2']];
  for (const [p, want] of cases) assert.equal(binaryName(p), want, p);
  assert.equal(artifactFileName('app', { goos: 'windows', goarch: 'amd64' }), 'app_windows_amd64.exe');
  assert.equal(artifactFileName('app', { goos: 'darwin', goarch: 'arm64' }), 'app_darwin_arm64');
});

test('renderChecksums writes sha256sum text format sorted by name', () => {
  const text = renderChecksums([{ name: 'b', sha256: '2'.repeat(64) }, { name: 'a.exe', sha256: '1'.repeat(64) }]);
  assert.equal(text, `${'1'.repeat(64)}  a.exe\n${'2'.repeat(64)}  b\n`);
});

test('parseCompilerErrors finds file:line:col lines and ignores the rest', () => {
  const stderr = '# example.com/x\n./main.go:5:2: undefined: y\ncmd/a/a.go:10: syntax error\nnote: module requires Go 1.99\n';
  assert.deepEqual(parseCompilerErrors(stderr), [
    { file: 'main.go', line: 5, column: 2, message: 'undefined: y' },
    { file: 'cmd/a/a.go', line: 10, message: 'syntax error' },
  ]);
  assert.deepEqual(parseCompilerErrors('go: cannot find main module'), []);
});

test('mapLimit never runs more than the limit at once and keeps order', async () => {
  let running = 0;
  let peak = 0;
  const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, n));
    running--;
    return n * 10;
  });
  assert.deepEqual(out, [50, 10, 40, 20, 30]);
  assert.equal(peak, 2);
});

test('goExecName names a binary the way the go command does in an -o directory', () => {
  assert.equal(goExecName('example.com/multi/v2/cmd/alpha'), 'alpha');
  assert.equal(goExecName('example.com/tool/v2'), 'tool');
  assert.equal(goExecName('example.com/tool/v10'), 'tool');
  // v0, v1 and v05 are not major-version elements for the go command.
  assert.equal(goExecName('example.com/api/v1'), 'v1');
  assert.equal(goExecName('example.com/api/v0'), 'v0');
  assert.equal(goExecName('example.com/api/v05'), 'v05');
  assert.equal(goExecName('v2'), 'v2');
});

test('buildArgs puts several packages after one -o directory', () => {
  const opts = { ldflags: '', tags: [], strip: true };
  assert.deepEqual(buildArgs(opts, '/out/', ['./cmd/a', './cmd/b']).slice(-4), ['-o', '/out/', './cmd/a', './cmd/b']);
  assert.deepEqual(buildArgs(opts, '/out/a', './cmd/a').slice(-3), ['-o', '/out/a', './cmd/a']);
});

test('stderrFor gives each of several packages its own errors and those of a shared dependency', () => {
  const built = ['m/cmd/a', 'm/cmd/b'];
  const stderr = '# m/internal/lib\ninternal/lib/l.go:3:1: bad lib\n# m/cmd/b\ncmd/b/main.go:6:17: undefined: x\n';
  assert.equal(stderrFor(stderr, 'm/cmd/b', built), '# m/internal/lib\ninternal/lib/l.go:3:1: bad lib\n# m/cmd/b\ncmd/b/main.go:6:17: undefined: x\n');
  assert.equal(stderrFor(stderr, 'm/cmd/a', built), stderr, 'no section of its own: everything');
  const two = '# m/cmd/a\ncmd/a/main.go:1:1: a broke\n# m/cmd/b\ncmd/b/main.go:2:2: b broke';
  assert.equal(stderrFor(two, 'm/cmd/a', built), '# m/cmd/a\ncmd/a/main.go:1:1: a broke');
  assert.equal(stderrFor(two, 'm/cmd/b', built), '# m/cmd/b\ncmd/b/main.go:2:2: b broke');
  assert.equal(stderrFor('go: some error\n', 'm/cmd/a', built), 'go: some error\n');
  const load = 'package m/cmd/a: build constraints exclude all Go files in /w/cmd/a\npackage m/cmd/b\n\timports m/lib: build constraints exclude all Go files in /w/lib\n';
  assert.equal(stderrFor(load, 'm/cmd/a', built), 'package m/cmd/a: build constraints exclude all Go files in /w/cmd/a');
  assert.equal(stderrFor(load, 'm/cmd/b', built), 'package m/cmd/b\n\timports m/lib: build constraints exclude all Go files in /w/lib\n');
});
