// Go module fixtures built by the real toolchain from real modules of the module proxy, into
// temporary directories. One module cache outside the repository is shared by every test run
// (fast reruns); an empty cache only makes the first run slower.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { StageContext } from '../../src/pipeline/stage.ts';
import { recordingPorts, stageContext, type Recorded } from './context.ts';

import { GO, testCacheDir } from './env.ts';

export { GO };
export const SHARED_MODCACHE = process.env.GRG_TEST_GOMODCACHE ?? testCacheDir('gomodcache');

/** The environment every go command of the tests gets (and the stage under test). */
export function goTestEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  // Settings of the machine running the tests must not leak into what the tests assert.
  for (const k of ['GOFLAGS', 'GONOSUMDB', 'GOPRIVATE', 'GONOSUMCHECK', 'GOINSECURE', 'GOSUMDB', 'GOWORK', 'GOPROXY']) delete env[k];
  return { ...env, GOTOOLCHAIN: 'local', GOMODCACHE: SHARED_MODCACHE, GOFLAGS: '-buildvcs=false', ...extra };
}

export function goVersion(): string {
  return execFileSync(GO, ['env', 'GOVERSION'], { env: goTestEnv(), encoding: 'utf8' }).trim().replace(/^go/, '');
}

export function go(args: string[], cwd: string, env: Record<string, string> = goTestEnv()): string {
  try {
    return execFileSync(GO, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`go ${args.join(' ')} in ${cwd} failed: ${err.stderr ?? err.message}`);
  }
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
}

export function tempDir(t: { onTestFinished(fn: () => unknown): void }, prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  t.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A copy of a pristine fixture for one test to change. */
export function copyFixture(t: { onTestFinished(fn: () => unknown): void }, pristine: string): string {
  const dir = tempDir(t, 'grg-mod-');
  fs.cpSync(pristine, dir, { recursive: true });
  return dir;
}

// A small command using three real modules at pinned versions (one of them pulls a fourth).
export const APP_GO_MOD = `module example.com/app

go 1.22

require (
	github.com/google/uuid v1.6.0
	golang.org/x/text v0.14.0
	rsc.io/quote v1.5.2
)
`;

export const APP_MAIN = `package main

import (
	"fmt"

	"github.com/google/uuid"
	"golang.org/x/text/language"
	"rsc.io/quote"
)

func main() { fmt.Println(uuid.NewString(), language.English, quote.Hello()) }
`;

/** Writes the app module into dir, completes go.mod / go.sum with `go mod tidy`, and vendors it when asked. */
export function buildApp(dir: string, opts: { vendor: boolean; files?: Record<string, string>; goMod?: string }): void {
  writeFiles(dir, { 'go.mod': opts.goMod ?? APP_GO_MOD, 'main.go': APP_MAIN, ...(opts.files ?? {}) });
  go(['mod', 'tidy'], dir);
  if (opts.vendor) go(['mod', 'vendor'], dir);
}

/** 1-based number of the first line of `file` equal to (or, with a RegExp, matching) `what`; throws when absent. */
export function lineOf(file: string, what: string | RegExp): number {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => (typeof what === 'string' ? l === what : what.test(l)));
  if (i < 0) throw new Error(`${file} has no line ${String(what)}`);
  return i + 1;
}

/** Replaces the content of one line (1-based) of a file. */
export function editLine(file: string, line: number, edit: (text: string) => string): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines[line - 1] = edit(lines[line - 1]);
  fs.writeFileSync(file, lines.join('\n'));
}

export function removeLine(file: string, line: number): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.splice(line - 1, 1);
  fs.writeFileSync(file, lines.join('\n'));
}

/** A StageContext on `repo` gating the module in `dir` (relative to repo), with the real go toolchain in state. */
export function modulesContext(
  t: { onTestFinished(fn: () => unknown): void },
  repo: string,
  opts: { dir?: string; env?: Record<string, string>; requireTidy?: boolean } = {},
): { ctx: StageContext; rec: Recorded } {
  const env = opts.env ?? goTestEnv();
  const { ports, rec } = recordingPorts({ workspace: repo, env, tempDir: tempDir(t, 'grg-scratch-') });
  const ctx = stageContext({ 'working-directory': opts.dir ?? '.', 'require-tidy': opts.requireTidy ? 'true' : 'false' }, ports);
  ctx.state.go = { bin: GO, version: goVersion(), goroot: path.dirname(path.dirname(GO)), source: 'path' };
  return { ctx, rec };
}

export interface Located {
  ruleId: string;
  severity: string;
  message: string;
  location?: { file?: string; line?: number };
}

/** The one finding of `ruleId` at file:line; fails with the findings there are when it is absent. */
export function findingAt<F extends Located>(findings: readonly F[], ruleId: string, file: string, line: number): F {
  const hits = findings.filter((f) => f.ruleId === ruleId && f.location?.file === file && f.location?.line === line);
  if (hits.length !== 1) {
    const seen = findings.map((f) => `${f.ruleId} ${f.location?.file}:${f.location?.line} ${f.message}`).join('\n  ');
    throw new Error(`expected one ${ruleId} at ${file}:${line}, found ${hits.length}; findings:\n  ${seen}`);
  }
  return hits[0];
}
