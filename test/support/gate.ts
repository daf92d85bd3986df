// Helpers for the e2e suite: fixture modules and event payloads, a `go` that records every
// invocation, and the checks every run's outputs must pass (each output action.yml declares).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ROOT, type StepResult } from './runner.ts';
import { sarifProblems } from './sarif.ts';

export const MODULES = path.join(ROOT, 'test', 'fixtures', 'modules');
export const EVENTS = path.join(ROOT, 'test', 'fixtures', 'events');

export function moduleFixture(name: string): string {
  return path.join(MODULES, name);
}

export function eventPayload(name: string): object {
  return JSON.parse(fs.readFileSync(path.join(EVENTS, `${name}.json`), 'utf8')) as object;
}

/** Output names exactly as action.yml declares them (the generated file, not our source). */
export function declaredOutputs(): string[] {
  const yml = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
  const block = yml.slice(yml.indexOf('\noutputs:\n'), yml.indexOf('\nruns:\n'));
  return [...block.matchAll(/^ {2}([a-z0-9-]+):$/gm)].map((m) => m[1]);
}

function which(program: string, searchPath: string): string {
  for (const dir of searchPath.split(path.delimiter)) {
    const p = path.join(dir, program);
    if (dir && fs.existsSync(p)) return p;
  }
  throw new Error(`${program} is not on PATH`);
}

export interface FakeGo {
  /** Directory to put first on PATH. */
  dir: string;
  /** Absent when go never ran. */
  log: string;
  invocations(): string[][];
  /** Each invocation's arguments and the GOMAXPROCS it ran with (undefined: unset). */
  calls(): { args: string[]; gomaxprocs?: string }[];
}

/**
 * A `go` that appends its arguments (and the GOMAXPROCS it was given) to a log, then runs the
 * real go. Proves what was (or was not) executed, and that each value arrived as one argument.
 */
export function fakeGo(): FakeGo {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-fakego-'));
  const log = path.join(dir, 'calls.log');
  const real = which('go', process.env.PATH ?? '');
  // One "arg:<value>" line per argument, "end" after each invocation, appended in one write so
  // that go commands running at once (the parallel builds) never interleave their records.
  fs.writeFileSync(path.join(dir, 'go'), `#!/bin/sh\nrec=$(for a in "$@"; do printf 'arg:%s\\n' "$a"; done; [ -n "\${GOMAXPROCS+set}" ] && printf 'maxprocs:%s\\n' "$GOMAXPROCS"; echo end)\nprintf '%s\\n' "$rec" >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
  return {
    dir,
    log,
    invocations() {
      return this.calls().map((c) => c.args);
    },
    calls() {
      if (!fs.existsSync(log)) return [];
      const calls: { args: string[]; gomaxprocs?: string }[] = [];
      let cur: { args: string[]; gomaxprocs?: string } = { args: [] };
      for (const line of fs.readFileSync(log, 'utf8').split('\n')) {
        if (line === 'end') {
          calls.push(cur);
          cur = { args: [] };
        } else if (line.startsWith('arg:')) cur.args.push(line.slice(4));
        else if (line.startsWith('maxprocs:')) cur.gomaxprocs = line.slice(9);
      }
      return calls;
    },
  };
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export interface Expect {
  verdict: 'pass' | 'fail';
  mode: 'check' | 'release';
  /** Each must match some reason. */
  reasons?: RegExp[];
  /** Binaries expected, as output paths relative to the workspace. */
  artifacts?: string[];
}

/**
 * Every declared output is set and consistent with the files it names; the summary file is the
 * job summary; report.json agrees; the SARIF passes the validator with zero errors.
 */
export async function assertRunOutputs(step: StepResult, workspace: string, want: Expect): Promise<{ sarif: any; report: any }> {
  const o = step.outputs;
  for (const name of declaredOutputs()) assert.ok(name in o, `output ${name} is not set (outputs: ${Object.keys(o).join(', ')})`);
  assert.equal(o.verdict, want.verdict);
  assert.equal(o.mode, want.mode);
  const reasons = JSON.parse(o.reasons) as string[];
  assert.ok(Array.isArray(reasons) && reasons.every((r) => typeof r === 'string'));
  if (want.verdict === 'pass') assert.deepEqual(reasons, []);
  else assert.ok(reasons.length > 0, 'a failing verdict has reasons');
  for (const re of want.reasons ?? []) assert.ok(reasons.some((r) => re.test(r)), `no reason matches ${re}: ${JSON.stringify(reasons)}`);
  assert.match(o['go-version'], /^\d+\.\d+(\.\d+)?$/);
  assert.match(o['cache-hit'], /^(hit|partial|miss|off)$/);

  const ws = fs.realpathSync(workspace);
  const artifacts = JSON.parse(o.artifacts) as { path: string; goos: string; goarch: string; size: number; sha256: string }[];
  if (want.artifacts) assert.deepEqual(artifacts.map((a) => a.path).sort(), [...want.artifacts].sort());
  for (const a of artifacts) {
    const file = path.join(ws, a.path);
    assert.equal(fs.statSync(file).size, a.size, a.path);
    assert.equal(sha256(file), a.sha256, a.path);
  }
  if (artifacts.length) {
    const sums = fs.readFileSync(o['checksums-file'], 'utf8');
    for (const a of artifacts) assert.ok(sums.includes(`${a.sha256}  ${path.basename(a.path)}\n`), `SHA256SUMS lists ${a.path}`);
  } else {
    assert.equal(o['checksums-file'], '');
  }

  for (const k of ['sarif-file', 'report-file', 'summary-file']) {
    assert.ok(path.isAbsolute(o[k]) && fs.existsSync(o[k]), `${k}: ${o[k]}`);
  }
  assert.equal(fs.readFileSync(o['summary-file'], 'utf8'), step.summary, 'summary-file is the job summary');
  const report = JSON.parse(fs.readFileSync(o['report-file'], 'utf8'));
  assert.equal(report.verdict, want.verdict);
  assert.deepEqual(report.reasons, reasons);
  assert.equal(report.mode, want.mode);

  // The summary: verdict first, then the reasons.
  const lines = step.summary.split('\n');
  assert.equal(lines[0], `## ${want.verdict === 'pass' ? '✅' : '❌'} go-release-gate: ${want.verdict}`);
  if (want.verdict === 'fail') {
    const why = lines.indexOf('**Why it failed**');
    assert.ok(why > 0 && why < 4, 'reasons right under the verdict');
  }
  assert.match(step.summary, new RegExp(`Mode \\*\\*${want.mode}\\*\\*`));

  assert.deepEqual(await sarifProblems(o['sarif-file']), [], 'SARIF as code scanning ingests it');
  return { sarif: JSON.parse(fs.readFileSync(o['sarif-file'], 'utf8')), report };
}
