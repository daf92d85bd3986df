// The CLI keeps the code V8 compiled for a run in the user's cache home (src/cli/code-cache.ts),
// and the next run starts from it: the file is made by the first run of the gate (not by a start
// that printed its version or a run refused for its inputs), added to by the next two, then only
// read (the same verdict, the file left as it was); replaced when the CLI's script changes, never
// used for a script changed in place, and never made with NODE_DISABLE_COMPILE_CACHE=1. The CLI
// runs from a copy of dist/, left to settle first: a script changed within the last 5 s is never
// recorded.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runCli } from '../support/cli.ts';
import { ROOT } from '../support/runner.ts';
import { GO } from '../support/env.ts';

const filesUnder = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isFile()) : []);
const RUN = ['run', '--go-version', 'system', '--sign', 'never', '--targets', 'linux/amd64', '--out', 'gate-out'];

test('CLI: a run keeps its compiled code under XDG_CACHE_HOME/go-release-gate/code-cache; the next run uses it; a changed script is compiled from its source', async (t) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-code-cache-'));
  t.onTestFinished(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const dist = path.join(tmp, 'dist');
  fs.cpSync(path.join(ROOT, 'dist'), dist, { recursive: true });
  fs.cpSync(path.join(ROOT, 'examples', 'hello'), path.join(tmp, 'hello'), { recursive: true });
  const home = path.join(tmp, 'home');
  const kept = path.join(home, 'go-release-gate', 'code-cache');
  const cwd = path.join(tmp, 'hello');
  // The go command's own caches stay where they were: only the gate's cache home moves.
  const goCaches = Object.fromEntries(['GOCACHE', 'GOMODCACHE'].map((k) => [k, execFileSync(GO, ['env', k], { encoding: 'utf8' }).trim()]));
  const env = { XDG_CACHE_HOME: home, NODE_DISABLE_COMPILE_CACHE: undefined, ...goCaches };
  await sleep(5_500);

  const version = await runCli(['--version'], { cwd, env, dist });
  assert.equal(version.code, 0, version.stderr);
  assert.deepEqual(filesUnder(kept), [], 'a start that only printed its version keeps nothing');
  const refused = await runCli(['run', '--mode', 'ship-it'], { cwd, env, dist });
  assert.equal(refused.code, 2, refused.stderr);
  assert.deepEqual(filesUnder(kept), [], 'a run refused for its inputs keeps nothing');

  const off = await runCli(RUN, { cwd, env: { ...env, NODE_DISABLE_COMPILE_CACHE: '1' }, dist });
  assert.equal(off.code, 0, off.stderr);
  assert.deepEqual(filesUnder(kept), []);

  // The verdict and the files, not how long each stage took.
  const shown = (stdout: string) => stdout.replace(/\d+(\.\d+)? m?s\b/g, 'T');
  const runsOf = (f: string) => {
    const data = fs.readFileSync(path.join(kept, f));
    return { header: JSON.parse(data.toString('utf8', 0, data.indexOf(0x0a))) as { script: string; runs: number }, size: data.length };
  };
  const first = await runCli(RUN, { cwd, env, dist });
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^verdict: pass$/m);
  const [file, ...others] = filesUnder(kept);
  assert.equal(others.length, 0);
  assert.equal(runsOf(file).header.script, path.join(dist, 'cli-main.cjs'));
  assert.equal(runsOf(file).header.runs, 1);
  // The functions the run called are in it: far more than the script's top level alone.
  assert.ok(runsOf(file).size > 200_000, `${runsOf(file).size} bytes kept`);
  for (const runs of [2, 3]) {
    const next = await runCli(RUN, { cwd, env, dist });
    assert.equal(next.code, 0, next.stderr);
    assert.equal(shown(next.stdout), shown(first.stdout));
    assert.equal(runsOf(file).header.runs, runs);
  }
  const madeAt = fs.statSync(path.join(kept, file)).mtimeMs;
  const fourth = await runCli(RUN, { cwd, env, dist });
  assert.equal(fourth.code, 0, fourth.stderr);
  assert.equal(shown(fourth.stdout), shown(first.stdout));
  assert.equal(fs.statSync(path.join(kept, file)).mtimeMs, madeAt, 'the kept code was used, not written again');

  // The script changed in place, to the same length (all V8 itself would compare): its own
  // version is printed, not the kept code's.
  const script = path.join(dist, 'cli-main.cjs');
  const source = fs.readFileSync(script, 'utf8');
  const own = (await runCli(['--version'], { cwd, env, dist })).stdout.trim();
  assert.match(own, /^\d+\.\d+\.\d+$/);
  const bumped = own.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
  assert.ok(source.includes(`"${own}"`));
  fs.writeFileSync(script, source.replace(`"${own}"`, `"${bumped}"`));
  await sleep(5_500);
  const changed = await runCli(['--version'], { cwd, env, dist });
  assert.equal(changed.stdout.trim(), bumped);
  const third = await runCli(RUN, { cwd, env, dist });
  assert.equal(third.code, 0, third.stderr);
  assert.ok(fs.statSync(path.join(kept, file)).mtimeMs > madeAt, 'kept again for the changed script');
  assert.equal(runsOf(file).header.runs, 1);
});
