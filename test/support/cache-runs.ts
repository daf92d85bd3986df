// Successive jobs of one repository against one loopback cache server, the way a workflow runs
// them: the same runner home (so RUNNER_TEMP, and with it the cached paths, stay the same), the
// same checkout directory changed between commits, a new GITHUB_RUN_ID per job.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseFileCommand, Runner, type RunnerOptions, type StepResult } from './runner.ts';
import { startCacheServer, listArchive, type CacheServer, type CacheServerOptions } from './cache-server.ts';
import { ageTree, cacheWorkspace, offlineGoEnv } from './cache-fixture.ts';
import { parsePlan, PLAN_STATE_KEY } from '../../src/cache/plan.ts';
import { removeTree } from '../../src/cache/disk.ts';

export interface JobOptions {
  runId: string;
  eventName?: string;
  ref?: string;
  event?: object;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

export interface Repo {
  server: CacheServer;
  ws: string;
  app: string;
  home: string;
  /** A runner for one job (call emptyRunnerTemp first, as the runner would). */
  runner(opts: JobOptions): Runner;
  /** main then post, as one job. */
  job(opts: JobOptions): Promise<{ main: StepResult; post: StepResult; runner: Runner }>;
  close(): Promise<void>;
}

export async function startRepo(serverOptions: CacheServerOptions = {}): Promise<Repo> {
  const server = await startCacheServer(serverOptions);
  const { ws, app } = cacheWorkspace();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cache-home-'));
  const runner = (o: JobOptions) => {
    const opts: RunnerOptions = {
      workspace: ws,
      home,
      inputs: { 'working-directory': 'app', targets: 'linux/amd64', ...o.inputs },
      env: { ...server.env, ...offlineGoEnv(), GITHUB_RUN_ID: o.runId, ...o.env },
      ...(o.eventName ? { eventName: o.eventName } : {}),
      ...(o.ref ? { ref: o.ref } : {}),
      ...(o.event ? { event: o.event } : {}),
    };
    return new Runner(opts);
  };
  return {
    server,
    ws,
    app,
    home,
    runner,
    async job(o) {
      emptyRunnerTemp(home);
      const r = runner(o);
      const main = await r.main();
      const post = await r.post();
      return { main, post, runner: r };
    },
    async close() {
      await server.close();
      for (const d of [ws, home]) removeTree(d);
    },
  };
}

/** What the runner does before every job: RUNNER_TEMP starts empty. */
export function emptyRunnerTemp(home: string): void {
  const temp = path.join(home, 'temp');
  removeTree(temp);
  fs.mkdirSync(temp, { recursive: true });
}

/** The cache plan the main step left in GITHUB_STATE. */
export function planOf(runner: Runner) {
  const plan = parsePlan(parseFileCommand(fs.readFileSync(runner.files.state, 'utf8'))[PLAN_STATE_KEY] ?? '');
  if (!plan) throw new Error('the main step saved no cache plan');
  return plan;
}

/**
 * Makes a finished main step look as if it had run `ms` earlier: its start time in the saved
 * plan and every mtime in its build cache move back together, so the post step trims exactly
 * as it would have then. The next job then sees entries that old, as after a real pause.
 */
export function moveJobBack(runner: Runner, ms: number): void {
  const state = parseFileCommand(fs.readFileSync(runner.files.state, 'utf8'));
  const plan = parsePlan(state[PLAN_STATE_KEY] ?? '');
  if (!plan) throw new Error('the main step saved no cache plan');
  plan.startedAtMs -= ms;
  for (const slot of plan.slots) if (slot.kind === 'build') ageTree(slot.dir, ms);
  state[PLAN_STATE_KEY] = JSON.stringify(plan);
  const text = Object.entries(state).map(([k, v]) => {
    const delim = `ghadelimiter_${randomUUID()}`;
    return `${k}<<${delim}\n${v}\n${delim}\n`;
  });
  fs.writeFileSync(runner.files.state, text.join(''));
}

/** Bytes of the regular files under GOCACHE in a stored build-cache archive, and their names. */
export function goCacheArchive(server: CacheServer, key: string): { bytes: number; names: string[] } {
  const e = server.entry(key);
  if (!e) throw new Error(`no entry ${key} on the server (have: ${server.entries().map((x) => x.key).join(', ')})`);
  const files = listArchive(e.file).filter((m) => m.type === '-');
  return { bytes: files.reduce((n, m) => n + m.size, 0), names: files.map((m) => m.name.replace(/^.*\/gocache\//, '')) };
}

/** Lines of a step's stdout that are workflow-command annotations of the given kind. */
export function annotations(step: StepResult, kind: 'warning' | 'error'): string[] {
  return step.stdout.split('\n').filter((l) => l.startsWith(`::${kind}`));
}
