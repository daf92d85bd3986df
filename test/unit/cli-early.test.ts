// The CLI's early toolchain probe (src/cli/early.ts): started by the first module for `run` only,
// through the real go, and handed to the toolchain stage's exec only for the very same question.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { answerFirst, startEarly, type EarlyRun } from '../../src/cli/early.ts';
import { nodeExec } from '../../src/cli/exec.ts';
import { parseProbe, probeCommand } from '../../src/toolchain/probe.ts';
import type { Exec, ExecOptions, ExecResult, Logger } from '../../src/ports/ports.ts';
import { GO } from '../support/env.ts';

/** An exec port that answers every call with its own tag and records what it was asked. */
function recordingExec(tag: string, calls: string[] = []): Exec & { calls: string[] } {
  return {
    calls,
    run(file: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
      calls.push([file, ...args, options.cwd ?? ''].join(' '));
      return Promise.resolve({ code: 0, stdout: tag, stderr: '' });
    },
  };
}

const env = { PATH: '/usr/bin', HOME: '/home/u', GOFLAGS: '-mod=mod', SECRET_TOKEN: 'x' };

function early(stdout: string): EarlyRun {
  const { args, env: childEnv } = probeCommand(env);
  return { file: '/opt/go/bin/go', args, env: childEnv, result: Promise.resolve({ code: 0, stdout, stderr: '' }) };
}

test('answerFirst: the same question gets the early answer once; a second ask runs', async () => {
  const inner = recordingExec('ran');
  const exec = answerFirst(inner, [early('go1.26.8\n/opt/go\n')]);
  const { args, env: childEnv } = probeCommand(env);
  assert.equal((await exec.run('/opt/go/bin/go', args, { env: { ...childEnv } })).stdout, 'go1.26.8\n/opt/go\n');
  assert.deepEqual(inner.calls, []);
  assert.equal((await exec.run('/opt/go/bin/go', args, { env: childEnv })).stdout, 'ran');
  assert.equal(inner.calls.length, 1);
});

test('answerFirst: another program, argument, variable, directory, input or time limit is run, not answered', async () => {
  const { args, env: childEnv } = probeCommand(env);
  const asks: [string, readonly string[], ExecOptions][] = [
    ['/usr/bin/go', args, { env: childEnv }],
    ['/opt/go/bin/go', [...args, 'GOPATH'], { env: childEnv }],
    ['/opt/go/bin/go', args, { env: { ...childEnv, GOFLAGS: '-mod=vendor' } }],
    ['/opt/go/bin/go', args, { env: { ...childEnv, GOEXPERIMENT: 'x' } }],
    ['/opt/go/bin/go', args, { env: Object.fromEntries(Object.entries(childEnv).filter(([k]) => k !== 'GOFLAGS')) }],
    ['/opt/go/bin/go', args, {}],
    ['/opt/go/bin/go', args, { env: childEnv, cwd: '/tmp' }],
    ['/opt/go/bin/go', args, { env: childEnv, input: '' }],
    ['/opt/go/bin/go', args, { env: childEnv, timeoutMs: 1000 }],
  ];
  for (const [file, a, options] of asks) {
    const inner = recordingExec('ran');
    const r = await answerFirst(inner, [early('early')]).run(file, a, options);
    assert.equal(r.stdout, 'ran', `${file} ${a.join(' ')} ${JSON.stringify(options)}`);
  }
});

test('answerFirst: ports bound to a logger share the one answer', async () => {
  const calls: string[] = [];
  const inner: Exec = { ...recordingExec('ran', calls), withLog: () => recordingExec('bound', calls) };
  const exec = answerFirst(inner, [early('early')]);
  const { args, env: childEnv } = probeCommand(env);
  const bound = exec.withLog!({} as Logger);
  assert.equal((await bound.run('/opt/go/bin/go', args, { env: childEnv })).stdout, 'early');
  assert.equal((await exec.run('/opt/go/bin/go', args, { env: childEnv })).stdout, 'ran');
  assert.equal((await exec.withLog!({} as Logger).run('/opt/go/bin/go', args, { env: childEnv })).stdout, 'bound');
  // Nothing early: the port itself.
  assert.equal(answerFirst(inner, []), inner);
});

test('startEarly: for run, the go on PATH is asked what it is, through the real go command', async () => {
  const goDir = path.dirname(GO);
  const runEnv = { PATH: `${goDir}${path.delimiter}/usr/bin`, HOME: process.env.HOME ?? '/tmp' };
  const [run, ...more] = startEarly(['run', '--go-version', 'system'], runEnv);
  assert.equal(more.length, 0);
  assert.equal(run.file, path.join(goDir, 'go'));
  assert.deepEqual(run.env, probeCommand(runEnv).env);
  assert.equal(run.env.GOTOOLCHAIN, 'local');
  const answer = parseProbe((await run.result).stdout);
  const version = execFileSync(GO, ['env', 'GOVERSION'], { env: { ...process.env, GOTOOLCHAIN: 'local' }, encoding: 'utf8' }).trim();
  assert.equal(`go${answer?.version}`, version.replace(/[- ].*$/, ''));
  assert.ok(answer?.goroot && path.isAbsolute(answer.goroot));
});

test('startEarly: nothing for other commands, for help, or without a go on PATH', () => {
  const goEnv = { PATH: path.dirname(GO) };
  for (const argv of [['inspect', 'bin'], ['merge', '--out', 'x'], ['--version'], [], ['run', '--help'], ['run', '-h']]) {
    assert.deepEqual(startEarly(argv, goEnv, recordingExec('x')), [], argv.join(' '));
  }
  const calls: string[] = [];
  assert.deepEqual(startEarly(['run'], { PATH: '/nonexistent-dir' }, recordingExec('x', calls)), []);
  assert.deepEqual(calls, []);
});

test('parseProbe: version and GOROOT, or nothing', () => {
  assert.deepEqual(parseProbe('go1.26.8\n/usr/local/go\n'), { version: '1.26.8', goroot: '/usr/local/go' });
  assert.deepEqual(parseProbe('go1.27rc1 X:nodwarf5\n/g\n'), { version: '1.27rc1', goroot: '/g' });
  assert.equal(parseProbe('devel +abc\n/g\n'), undefined);
  assert.equal(parseProbe(''), undefined);
});
