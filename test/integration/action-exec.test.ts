// The Action's Exec port (src/action/exec.ts) on @actions/exec, with real child processes:
// stderr streams to the logger line by line and neutralised, stdout is captured only, the
// environment is exactly the one given, timeouts kill the child, a missing program is exit 127.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { actionExec } from '../../src/action/exec.ts';
import type { Logger } from '../../src/ports/ports.ts';
import type { Stage, StageContext, StageOutcome } from '../../src/pipeline/stage.ts';
import { runPipeline } from '../../src/pipeline/pipeline.ts';
import { parseConfig } from '../../src/config/config.ts';
import { commandLines } from '../support/workflow-commands.ts';

const NODE = process.execPath;

function recorder(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const log: Logger = {
    info: (m) => void lines.push(m),
    debug: () => undefined,
    warning: (m) => void lines.push(`warning: ${m}`),
    error: (m) => void lines.push(`error: ${m}`),
    group: (_n, fn) => fn(),
    mask: () => undefined,
  };
  return { log, lines };
}

test('stderr lines stream to the logger neutralised, stdout is captured and not streamed', async () => {
  const { log, lines } = recorder();
  const script = [
    "process.stderr.write('compiling\\n::error::x\\n  ::add-mask::y\\r\\nhalf');",
    "process.stdout.write('{\"json\":true}\\n');",
    "setTimeout(() => process.stderr.write(' line\\n##[error]z'), 10);",
  ].join('');
  const r = await actionExec(log).run(NODE, ['-e', script], { env: { PATH: process.env.PATH } });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '{"json":true}\n');
  assert.equal(r.stderr, 'compiling\n::error::x\n  ::add-mask::y\r\nhalf line\n##[error]z', 'captured as the tool wrote it');
  assert.match(lines[0], /^\[command\].*node -e /);
  assert.deepEqual(lines.slice(1), ['compiling', ':\u00b7:error::x', '  :\u00b7:add-mask::y', 'half line', '#\u00b7#[error]z']);
  assert.deepEqual(commandLines(lines.join('\n')), [], 'no streamed line is a workflow command');
  assert.ok(!lines.slice(1).some((l) => l.includes('"json"')), 'stdout (parsed by the caller) is not streamed');
});

test('the child gets exactly the environment given, nothing of process.env', async () => {
  const { log } = recorder();
  process.env.GRG_PARENT_ONLY = 'leak';
  try {
    const env = { PATH: process.env.PATH!, GRG_GIVEN: 'yes', GRG_UNDEFINED: undefined };
    const r = await actionExec(log).run(NODE, ['-e', 'process.stdout.write(JSON.stringify(process.env))'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { PATH: process.env.PATH, GRG_GIVEN: 'yes' });
  } finally {
    delete process.env.GRG_PARENT_ONLY;
  }
});

test('arguments reach the program as an array: spaces, quotes and shell syntax stay one argument each', async () => {
  const { log } = recorder();
  const args = ['a b', '"quoted"', '$(touch x)', "it's", 'back\\slash\\', ''];
  const r = await actionExec(log).run(NODE, ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', ...args], { env: {} });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), args);
});

test('input goes to stdin, cwd is honoured, the exit code comes back', async () => {
  const { log } = recorder();
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'grg-exec-')));
  const r = await actionExec(log).run(NODE, ['-e', "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{process.stdout.write(process.cwd()+'|'+s);process.exit(3)})"], { cwd: dir, env: {}, input: 'hello' });
  assert.equal(r.code, 3);
  assert.equal(r.stdout, `${dir}|hello`);
});

test('a call past its timeout is killed and says timedOut', async () => {
  const { log } = recorder();
  const r = await actionExec(log).run(NODE, ['-e', "process.stderr.write('started\\n'); setInterval(() => {}, 1000)"], { env: {}, timeoutMs: 300 });
  assert.equal(r.timedOut, true);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /started/);
});

test('a program that does not exist is exit 127 naming it, never a throw', async () => {
  const { log } = recorder();
  const missing = path.join(os.tmpdir(), 'grg-no-such-program');
  const r = await actionExec(log).run(missing, ['x'], { env: {} });
  assert.equal(r.code, 127);
  assert.match(r.stderr, /grg-no-such-program/);
  const q = await actionExec(log).run('/bin/"odd', [], { env: {} });
  assert.equal(q.code, 127);
  assert.match(q.stderr, /cannot be run/);
});

test('withLog binds a new logger: lines go to the stage that ran the tool', async () => {
  const a = recorder();
  const b = recorder();
  const exec = actionExec(a.log).withLog(b.log);
  await exec.run(NODE, ['-e', "process.stderr.write('to b\\n')"], { env: {} });
  assert.deepEqual(a.lines, []);
  assert.equal(b.lines.at(-1), 'to b');
});

test('in the pipeline, a background check\'s tool output is held and shown under its own stage, not the group open at the time', async () => {
  const lines: string[] = [];
  const log: Logger = {
    info: (m) => void lines.push(m),
    debug: () => undefined,
    warning: (m) => void lines.push(`warning: ${m}`),
    error: (m) => void lines.push(`error: ${m}`),
    async group(name, fn) {
      lines.push(`::group::${name}`);
      try {
        return await fn();
      } finally {
        lines.push('::endgroup::');
      }
    },
    mask: () => undefined,
  };
  let toolRan!: () => void;
  const toolDone = new Promise<void>((r) => (toolRan = r));
  const modules: Stage = {
    name: 'modules', rules: [],
    async run(c) {
      const pending = (async (): Promise<StageOutcome> => {
        await c.ports.exec.run(NODE, ['-e', "process.stderr.write('background tool line\\n')"], { env: {} });
        toolRan();
        return { status: 'passed', findings: [] };
      })();
      return { status: 'passed', findings: [], pending };
    },
  };
  const build: Stage = {
    name: 'build', rules: [],
    async run(c) {
      // The background tool runs and prints while this stage's group is open.
      await toolDone;
      await c.ports.exec.run(NODE, ['-e', "process.stderr.write('build tool line\\n')"], { env: {} });
      return { status: 'passed', findings: [] };
    },
  };
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-pipe-'));
  const ctx: StageContext = { config: parseConfig({}, { workspace: ws, env: {} }), ports: { log, exec: actionExec(log) } as unknown as StageContext['ports'], state: { goEnv: {}, artifacts: [], facts: {} } };
  const r = await runPipeline([modules, build], ctx);
  assert.equal(r.verdict.passed, true);
  const group = (name: string) => {
    const start = lines.indexOf(`::group::${name}`);
    return lines.slice(start, lines.indexOf('::endgroup::', start) + 1);
  };
  assert.ok(group('build').includes('build tool line'), lines.join('\n'));
  assert.ok(!group('build').includes('background tool line'), `held back while build ran:\n${lines.join('\n')}`);
  assert.ok(group('modules (checks that ran alongside)').includes('background tool line'), lines.join('\n'));
});
