// dist/main.js then dist/post.js, started exactly as the runner starts them.
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Runner, makeWorkspace, ROOT } from '../support/runner.ts';
import { goTarball, startMirror, type Mirror, type Tarball } from '../support/go-mirror.ts';
import { pathWithoutGo } from '../support/context.ts';

let tarball: Tarball;
let mirror: Mirror;
beforeAll(async () => {
  tarball = await goTarball();
  mirror = await startMirror(tarball);
});
afterAll(() => mirror.close());

test('a fresh runner: Go is downloaded from the mirror into the tool cache, four targets build, outputs and summary are written, post succeeds', async () => {
  const ws = makeWorkspace(path.join(ROOT, 'examples', 'hello'), 'hello');
  const runner = new Runner({
    workspace: ws,
    inputs: {
      'working-directory': 'hello',
      'go-version-file': 'go.mod',
      'go-version': tarball.version,
      'go-download-base-url': mirror.url,
      targets: 'linux/amd64\nlinux/arm64\ndarwin/arm64\nwindows/amd64',
    },
    env: { PATH: pathWithoutGo(), GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK: '1' }, // the loopback mirror is plain http
  });
  const main = await runner.main();
  assert.equal(main.code, 0, main.stdout + main.stderr);
  assert.equal(main.outputs.verdict, 'pass');
  assert.equal(main.outputs.reasons, '[]');
  assert.equal(main.outputs['go-version'], tarball.version);
  const artifacts = JSON.parse(main.outputs.artifacts);
  assert.deepEqual(artifacts.map((a: { path: string }) => a.path).sort(), [
    'gate-out/hello_darwin_arm64', 'gate-out/hello_linux_amd64', 'gate-out/hello_linux_arm64', 'gate-out/hello_windows_amd64.exe',
  ]);
  for (const a of artifacts) assert.match(a.sha256, /^[0-9a-f]{64}$/);
  const realWs = fs.realpathSync(ws);
  assert.equal(main.outputs['checksums-file'], path.join(realWs, 'gate-out', 'SHA256SUMS'));
  for (const k of ['sarif-file', 'report-file', 'summary-file', 'checksums-file']) assert.ok(fs.existsSync(main.outputs[k]), k);
  assert.equal(JSON.parse(fs.readFileSync(main.outputs['sarif-file'], 'utf8')).version, '2.1.0');
  // The toolchain came from the mirror and went into the runner's tool cache, then onto PATH.
  const toolCache = runner.baseEnv.RUNNER_TOOL_CACHE;
  assert.ok(main.path.some((p) => p.startsWith(path.join(toolCache, 'go', tarball.version))), main.path.join(','));
  assert.ok(mirror.requests.includes(`/dl/${tarball.filename}`));
  assert.match(main.summary, /^## ✅ go-release-gate: pass/m);
  assert.match(main.summary, /\| toolchain \| ✅ passed \|/);
  assert.match(main.summary, /hello_windows_amd64\.exe/);

  const post = await runner.post();
  assert.equal(post.code, 0, post.stdout + post.stderr);
});

test('a failing build: exit code 1, verdict output fail, reasons first in the summary, an annotation at the compiler error line', async () => {
  const ws = makeWorkspace(path.join(ROOT, 'test', 'fixtures', 'build', 'broken-arm64'));
  const runner = new Runner({ workspace: ws, inputs: { targets: 'linux/amd64,linux/arm64' }, eventName: 'pull_request', ref: 'refs/pull/7/merge' });
  const main = await runner.main();
  assert.equal(main.code, 1);
  assert.equal(main.outputs.verdict, 'fail');
  assert.match(JSON.parse(main.outputs.reasons)[0], /linux\/arm64 example\.com\/broken: greeting_arm64\.go:5: undefined: undefinedGreeting/);
  assert.match(main.stdout, /::error file=greeting_arm64\.go,line=5,col=\d+::build\/compile-failed: linux\/arm64/);
  assert.match(main.stdout, /::error::go-release-gate: fail/);
  const lines = main.summary.split('\n');
  assert.match(lines[0], /go-release-gate: fail/);
  assert.ok(lines.slice(0, 6).some((l) => l.includes('undefinedGreeting')), 'reasons come first');
  const post = await runner.post();
  assert.equal(post.code, 0);
});

test('a bad input fails the step naming the input, with a fail verdict output', async () => {
  const ws = makeWorkspace(path.join(ROOT, 'examples', 'hello'));
  const runner = new Runner({ workspace: ws, inputs: { targets: 'linux/amd64', mode: 'ship-it' } });
  const main = await runner.main();
  assert.equal(main.code, 1);
  assert.match(main.stdout, /::error::input mode: "ship-it" is not one of auto, check, release/);
  assert.equal(main.outputs.verdict, 'fail');
});
