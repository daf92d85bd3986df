// Node's own modules the CLI needs only once its builds are under way are not loaded before its
// first go command starts (src/util/builtin.ts): node:crypto (with what it brings along, about
// 10 ms), node:fs/promises, node:zlib (the SARIF size check) and node:worker_threads (which an
// import of node:util brings along) would sit on the start-up path of every run. A hook loaded
// before dist/cli.js writes the modules loaded when the first process is started, then ends
// the run there.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';
import { ROOT } from '../support/runner.ts';

const HOOK = `
import childProcess from 'node:child_process';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const spawn = childProcess.spawn;
childProcess.spawn = function (...args) {
  fs.writeFileSync(process.env.GRG_LOADED_AT_FIRST_SPAWN, JSON.stringify({ command: [args[0], ...(args[1] ?? [])], loaded: process.moduleLoadList }));
  process.exit(0);
};
syncBuiltinESMExports();
`;

test('CLI: node:crypto, node:fs/promises, node:zlib and node:worker_threads are not loaded when the first go command starts', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-startup-'));
  t.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const hook = path.join(dir, 'hook.mjs');
  const record = path.join(dir, 'loaded.json');
  fs.writeFileSync(hook, HOOK);
  fs.cpSync(path.join(ROOT, 'examples', 'hello'), path.join(dir, 'hello'), { recursive: true });

  const r = await runCli(['run', '--go-version', 'system', '--sign', 'never', '--out', 'gate-out'], {
    cwd: path.join(dir, 'hello'),
    env: { NODE_OPTIONS: `--import=${hook}`, GRG_LOADED_AT_FIRST_SPAWN: record },
  });
  assert.equal(r.code, 0, r.stderr);
  const { command, loaded } = JSON.parse(fs.readFileSync(record, 'utf8')) as { command: string[]; loaded: string[] };
  assert.match(path.basename(command[0]), /^go(\.exe)?$/, `the first process started is a go command: ${command.join(' ')}`);
  const publicModules = loaded.filter((m) => m.startsWith('NativeModule ') && !m.startsWith('NativeModule internal/')).map((m) => m.slice('NativeModule '.length));
  // Loaded by child_process itself: the check must see modules at all.
  assert.ok(publicModules.includes('child_process'), publicModules.join(' '));
  for (const m of ['crypto', 'fs/promises', 'worker_threads', 'zlib']) assert.ok(!publicModules.includes(m), `node:${m} is loaded before the first go command: ${publicModules.join(' ')}`);
});
