// Hostile inputs, through both front doors as users start them. Each is refused naming the
// input (the Action: a failed step; the CLI: exit 2), and nothing runs with the bad value: a
// `go` that logs every call is first on PATH and is never called, and values built to create
// a marker file if they ever reached a shell create nothing.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Runner, makeWorkspace } from '../support/runner.ts';
import { runCli } from '../support/cli.ts';
import { fakeGo, moduleFixture } from '../support/gate.ts';

function markerCase(ws: string): { marker: string } {
  return { marker: path.join(ws, 'PWNED') };
}

// [input, value (MARKER is replaced by the marker's path), what the error must say]
const HOSTILE: [string, string, RegExp][] = [
  ['ldflags', '-X main.version=$(touch MARKER)', /contains "\$"/],
  ['ldflags', '-s -w; touch MARKER', /contains ";"/],
  ['packages', '.;touch MARKER', /not a package path/],
  ['targets', 'linux/amd64`touch MARKER`', /not of the form GOOS\/GOARCH/],
  ['output-dir', 'out && touch MARKER', /contains "&"/],
  ['working-directory', '../../../../tmp', /outside the workspace/],
  ['go-version', '1.26\ntouch MARKER', /single line/],
  ['mode', 'release; touch MARKER', /is not one of auto, check, release/],
  ['cache', 'Read-Only', /values are lower-case: read-only/],
];

for (const [input, template, message] of HOSTILE) {
  test(`action: ${input}=${JSON.stringify(template)} fails the step naming the input and runs nothing`, async () => {
    const ws = makeWorkspace(moduleFixture('pass'));
    const { marker } = markerCase(ws);
    const go = fakeGo();
    const runner = new Runner({
      workspace: ws,
      eventName: 'pull_request',
      ref: 'refs/pull/42/merge',
      inputs: { [input]: template.replace('MARKER', marker) },
      env: { PATH: `${go.dir}${path.delimiter}${process.env.PATH}` },
    });
    const main = await runner.main();
    assert.equal(main.code, 1, 'a failed step');
    const errorLine = main.stdout.split('\n').find((l) => l.startsWith('::error::'));
    assert.ok(errorLine, main.stdout);
    assert.match(errorLine, new RegExp(`^::error::input ${input}: `));
    assert.match(errorLine, message);
    assert.equal(main.outputs.verdict, 'fail');
    assert.match(JSON.parse(main.outputs.reasons)[0], new RegExp(`^input ${input}: `));
    assert.match(main.summary, /^## ❌ go-release-gate: fail\n/);
    assert.match(main.summary, /Nothing was run/);
    assert.deepEqual(go.invocations(), [], 'go was never started');
    assert.ok(!fs.existsSync(marker), 'no shell ever saw the value');
    assert.ok(!fs.existsSync(path.join(ws, 'gate-out')), 'nothing was written');
    const post = await runner.post();
    assert.equal(post.code, 0, post.stdout + post.stderr);
    assert.ok(!fs.existsSync(marker));
  });
}

test('cli: the same values exit 2 with the input named on stderr and run nothing', async () => {
  for (const [input, template, message] of HOSTILE) {
    const ws = makeWorkspace(moduleFixture('pass'));
    const { marker } = markerCase(ws);
    const go = fakeGo();
    const flag = input === 'working-directory' ? '--dir' : input === 'output-dir' ? '--out' : `--${input}`;
    // --workspace: outside Actions the workspace would follow --dir; here it is the checkout, as in Actions.
    const r = await runCli(['run', '--workspace=.', `${flag}=${template.replace('MARKER', marker)}`], { cwd: ws, env: { PATH: `${go.dir}${path.delimiter}${process.env.PATH}`, XDG_CACHE_HOME: path.join(ws, '.cache') } });
    assert.equal(r.code, 2, `${input}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, new RegExp(`^go-release-gate: input ${input}: `, 'm'));
    assert.match(r.stderr, message);
    assert.deepEqual(go.invocations(), [], `${input}: go was never started`);
    assert.ok(!fs.existsSync(marker), input);
    assert.ok(!fs.existsSync(path.join(ws, 'gate-out')), input);
  }
});

test('cli: an unknown flag and an unknown enum value exit 2', async () => {
  const ws = makeWorkspace(moduleFixture('pass'));
  const unknown = await runCli(['run', '--go-versoin', '1.26'], { cwd: ws });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown flag --go-versoin/);
  const mode = await runCli(['run', '--mode', 'ship-it'], { cwd: ws });
  assert.equal(mode.code, 2);
  assert.match(mode.stderr, /input mode: "ship-it" is not one of auto, check, release/);
});

test('values that only look dangerous to a shell arrive as one argument, unchanged, and build', async () => {
  const ws = makeWorkspace(moduleFixture('pass'));
  const go = fakeGo();
  const ldflags = `-X 'main.version=1.2.3 beta #1 (100%)!'`;
  const runner = new Runner({
    workspace: ws,
    eventName: 'push',
    inputs: { ldflags, 'output-dir': 'out dir (x)' },
    env: { PATH: `${go.dir}${path.delimiter}${process.env.PATH}` },
  });
  const main = await runner.main();
  assert.equal(main.code, 0, main.stdout + main.stderr);
  const build = go.invocations().find((args) => args[0] === 'build');
  assert.ok(build, 'go build ran');
  assert.ok(build.includes(`-ldflags=-s -w -buildid= ${ldflags}`), JSON.stringify(build));
  const bin = path.join(ws, 'out dir (x)', 'pass_linux_amd64');
  // go writes the binary outside the checkout (one -o argument), and the gate moves it into the output dir with the odd name.
  const o = build[build.indexOf('-o') + 1];
  assert.ok(o.endsWith(`${path.sep}pass_linux_amd64`) && !o.startsWith(fs.realpathSync(ws)), JSON.stringify(build));
  assert.ok(fs.statSync(bin).isFile());
  // The binary says exactly what the input said: go's own quoting, no shell in between.
  if (process.platform === 'linux' && process.arch === 'x64') {
    assert.equal(execFileSync(bin, { encoding: 'utf8' }), 'pass 1.2.3 beta #1 (100%)!\n');
  }
  assert.equal((await runner.post()).code, 0);
});
