// The CLI keeps V8's compiled code in the user's cache home (src/cli/entry.ts), so the next start
// does not compile its modules again: the directory is made there by the first start, used by
// the next (the same answer), and never made with NODE_DISABLE_COMPILE_CACHE=1.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';

const filesUnder = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(dir, f)).isFile()) : []);

test('CLI: compiled code is kept under XDG_CACHE_HOME/go-release-gate/compile-cache, and not with NODE_DISABLE_COMPILE_CACHE=1', async (t) => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-compile-cache-'));
  t.onTestFinished(() => fs.rmSync(home, { recursive: true, force: true }));
  const dir = path.join(home, 'go-release-gate', 'compile-cache');

  const off = await runCli(['--version'], { cwd: home, env: { XDG_CACHE_HOME: home, NODE_DISABLE_COMPILE_CACHE: '1', NODE_COMPILE_CACHE: undefined } });
  assert.equal(off.code, 0, off.stderr);
  assert.deepEqual(filesUnder(dir), []);

  const first = await runCli(['--version'], { cwd: home, env: { XDG_CACHE_HOME: home, NODE_DISABLE_COMPILE_CACHE: undefined, NODE_COMPILE_CACHE: undefined } });
  assert.equal(first.code, 0, first.stderr);
  const kept = filesUnder(dir);
  assert.ok(kept.length > 0, 'the first start keeps compiled code');
  const second = await runCli(['--version'], { cwd: home, env: { XDG_CACHE_HOME: home, NODE_DISABLE_COMPILE_CACHE: undefined, NODE_COMPILE_CACHE: undefined } });
  assert.equal(second.code, 0, second.stderr);
  assert.equal(second.stdout, first.stdout);
  assert.match(first.stdout, /^\d+\.\d+\.\d+\n$/);
});
