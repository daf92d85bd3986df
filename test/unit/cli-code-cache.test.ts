// The CLI's kept compiled code (src/cli/code-cache.ts): written after a run, used by the next one
// for the same file only, and never for a file whose bytes may have changed. Each load is its own
// Node process, as each run is: within one process V8 would answer a second compile of the same
// source from memory, whatever the kept file holds.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheFileFor } from '../../src/cli/code-cache.ts';
import { NODE24, ROOT } from '../support/runner.ts';

interface Loaded { fromCache: boolean; answer: string; file: string; req: string }

/** loadScript in a fresh Node process, keep() after it when asked; what it saw. */
function loadScript(script: string, cache: string | undefined, now: number, keep = false): Loaded {
  const mod = pathToFileURL(path.join(ROOT, 'src', 'cli', 'code-cache.ts')).href;
  const code = `import { loadScript } from ${JSON.stringify(mod)};
const r = loadScript(${JSON.stringify(script)}, ${JSON.stringify(cache)}, ${now});
const seen = { fromCache: r.fromCache, answer: r.exports.answer(), file: r.exports.file, req: r.exports.req };
if (${keep}) r.keep();
process.stdout.write(JSON.stringify(seen));`;
  const r = spawnSync(NODE24, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Loaded;
}

// Far enough past every file's times for the settled rule (5 s).
const later = () => Date.now() + 60_000;

function scratch(t: { onTestFinished(fn: () => void): void }): { dir: string; script: string; cache: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-code-cache-'));
  t.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const script = path.join(dir, 'main.cjs');
  // A function that runs only when called: what a later run would otherwise compile again.
  fs.writeFileSync(script, "exports.answer = function answer() { return 'one'; };\nexports.file = __filename;\nexports.req = typeof require('node:path').join;\n");
  return { dir, script, cache: path.join(dir, 'cache') };
}

test('loadScript: runs the script; keep() writes its code, the next loads use it and add to it three times, then only read', (t) => {
  const { script, cache } = scratch(t);
  const first = loadScript(script, cache, later());
  assert.equal(first.fromCache, false);
  assert.equal(first.answer, 'one');
  assert.equal(first.file, script);
  assert.equal(first.req, 'function');
  assert.equal(fs.existsSync(cacheFileFor(cache, script)), false);
  const header = () => {
    const kept = fs.readFileSync(cacheFileFor(cache, script));
    return JSON.parse(kept.toString('utf8', 0, kept.indexOf(0x0a))) as { script: string; identity: string; runs: number };
  };
  loadScript(script, cache, later(), true);
  assert.equal(header().script, script);
  assert.match(header().identity, /^\d+ \d+ \d+ \d+ [\d.]+ [\d.]+$/);
  assert.equal(header().runs, 1);
  assert.equal(fs.statSync(cacheFileFor(cache, script)).mode & 0o777, 0o600);

  for (const runs of [2, 3]) {
    const next = loadScript(script, cache, later(), true);
    assert.equal(next.fromCache, true);
    assert.equal(next.answer, 'one');
    assert.equal(header().runs, runs);
  }
  // Written by three runs: used, not written again.
  const mtime = fs.statSync(cacheFileFor(cache, script)).mtimeMs;
  const fourth = loadScript(script, cache, later(), true);
  assert.equal(fourth.fromCache, true);
  assert.equal(header().runs, 3);
  assert.equal(fs.statSync(cacheFileFor(cache, script)).mtimeMs, mtime);
});

test('loadScript: a script changed in place to the same length is compiled from its source, not the kept code', (t) => {
  const { script, cache } = scratch(t);
  loadScript(script, cache, later(), true);
  assert.equal(loadScript(script, cache, later()).fromCache, true);
  // Same length: V8's own check of kept code compares only that.
  const text = fs.readFileSync(script, 'utf8').replace("'one'", "'two'");
  fs.writeFileSync(script, text);
  const changed = loadScript(script, cache, later(), true);
  assert.equal(changed.fromCache, false);
  assert.equal(changed.answer, 'two');
  const again = loadScript(script, cache, later());
  assert.equal(again.fromCache, true);
  assert.equal(again.answer, 'two');
});

test('loadScript: a script changed within the last seconds is neither taken from nor kept', (t) => {
  const { script, cache } = scratch(t);
  loadScript(script, cache, later(), true);
  // As if this run started the moment the script was written.
  const now = fs.statSync(script).ctimeMs;
  assert.equal(loadScript(script, cache, now).fromCache, false);
  fs.rmSync(cacheFileFor(cache, script));
  loadScript(script, cache, now, true);
  assert.equal(fs.existsSync(cacheFileFor(cache, script)), false);
});

test('loadScript: a damaged, foreign or refused kept file is ignored and replaced; no directory keeps nothing', (t) => {
  const { script, cache } = scratch(t);
  const file = cacheFileFor(cache, script);
  fs.mkdirSync(cache, { recursive: true });
  for (const junk of [Buffer.from('no header at all'), Buffer.from('{not json\nxx'), Buffer.from(`${JSON.stringify({ format: 'go-release-gate code cache v1', script: '/elsewhere.cjs', identity: 'x', runs: 1 })}\nxx`)]) {
    fs.writeFileSync(file, junk);
    const r = loadScript(script, cache, later());
    assert.equal(r.fromCache, false);
    assert.equal(r.answer, 'one');
  }
  // The right header over bytes V8 refuses.
  fs.rmSync(file);
  loadScript(script, cache, later(), true);
  const kept = fs.readFileSync(file);
  const nl = kept.indexOf(0x0a);
  fs.writeFileSync(file, Buffer.concat([kept.subarray(0, nl + 1), Buffer.from('not code')]));
  const refused = loadScript(script, cache, later(), true);
  assert.equal(refused.fromCache, false);
  assert.equal(refused.answer, 'one');
  assert.equal(loadScript(script, cache, later()).fromCache, true);

  fs.rmSync(cache, { recursive: true });
  assert.equal(loadScript(script, undefined, later(), true).fromCache, false);
  assert.equal(fs.existsSync(cache), false);
});

test('keep: kept files of scripts that are gone, damaged ones and stale partial writes are removed; others stay', (t) => {
  const { dir, script, cache } = scratch(t);
  const other = path.join(dir, 'other.cjs');
  fs.writeFileSync(other, 'exports.answer = () => 1;\n');
  fs.mkdirSync(cache, { recursive: true });
  const header = (s: string) => `${JSON.stringify({ format: 'go-release-gate code cache v1', script: s, identity: '1 2 3 4 5', runs: 1 })}\nbytes`;
  const put = (name: string, text: string) => fs.writeFileSync(path.join(cache, name), text);
  put('cli-00000001-v0-x', header(path.join(dir, 'removed.cjs')));
  put('cli-00000002-v0-x', header(other));
  put('cli-00000003-v0-x', 'damaged');
  put('cli-00000004-v0-x.123.tmp', 'in progress');
  put('cli-00000005-v0-x.456.tmp', 'died');
  const hourAgo = new Date(Date.now() - 2 * 3_600_000);
  fs.utimesSync(path.join(cache, 'cli-00000005-v0-x.456.tmp'), hourAgo, hourAgo);
  put('not-ours', 'x');

  loadScript(script, cache, later(), true);
  assert.deepEqual(fs.readdirSync(cache).sort(), [path.basename(cacheFileFor(cache, script)), 'cli-00000002-v0-x', 'cli-00000004-v0-x.123.tmp', 'not-ours'].sort());
});
