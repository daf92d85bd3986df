// Cache stage: restore the Go module cache and build cache into fresh, empty directories under
// the runner's temp dir, point every later go command at them, and leave a plan for the post
// step (stages/cache-save.ts) to save from. A cache problem is a warning: the gate goes on
// with empty caches and its verdict never depends on the cache.
import path from 'node:path';
import { skipped, type Stage, type StageContext, type StageOutcome } from '../pipeline/stage.ts';
import type { CacheStore, Logger } from '../ports/ports.ts';
import { buildKeys, goSumHash, moduleKeys, restoreState, runSuffix, scopeHash, trivyDbKeys, type CacheKeys, type CacheKind } from '../cache/keys.ts';
import { parsePlan, PLAN_STATE_KEY, saveDecision, serializePlan, type CachePlan, type CacheSlot } from '../cache/plan.ts';
import { claimCacheDirs, findGoSums, freshDir, treeSize } from '../cache/disk.ts';
import { formatBytes, formatDuration, sentence } from '../report/escape.ts';
import { nowMs } from '../util/clock.ts';

export const CACHE_DIR_NAME = 'go-release-gate-cache';
const DEFAULT_RESTORE_MINUTES = 20;

export class RestoreTimeout extends Error {}

/**
 * How long one restore may take before the gate goes on without it. SEGMENT_DOWNLOAD_TIMEOUT_MINS
 * is the variable @actions/cache reads for its own download timeout; it bounds the whole restore
 * here too (fractions allowed), because a cache service request that never answers has no
 * timeout of its own.
 */
export function restoreDeadlineMs(env: Readonly<Record<string, string | undefined>>): number {
  const minutes = Number(env.SEGMENT_DOWNLOAD_TIMEOUT_MINS);
  return (Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_RESTORE_MINUTES) * 60_000;
}

function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  // The abandoned promise may still reject later: never let that become an unhandled rejection.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RestoreTimeout(`${what} did not finish within ${formatDuration(ms)}`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

const LABEL: Record<CacheKind, string> = { modules: 'module cache (GOMODCACHE)', build: 'build cache (GOCACHE)', 'trivy-db': 'Trivy vulnerability DB' };

interface Restored {
  slot: CacheSlot;
  bytes: number;
  ms: number;
  problem?: string;
}

export async function restoreSlot(store: CacheStore, kind: CacheKind, dir: string, keys: CacheKeys, deadlineMs: number, log: Logger): Promise<Restored> {
  const t0 = nowMs();
  const slot: CacheSlot = { kind, dir, key: keys.key, restoreKeys: keys.restoreKeys, state: 'miss' };
  let problem: string | undefined;
  freshDir(dir);
  try {
    const r = await withDeadline(store.restore([dir], keys.key, keys.restoreKeys), deadlineMs, `restoring the ${LABEL[kind]}`);
    if (r.matchedKey) {
      slot.matchedKey = r.matchedKey;
      slot.state = restoreState(keys, r.matchedKey);
    } else {
      freshDir(dir);
    }
  } catch (e) {
    slot.state = 'error';
    problem = `${LABEL[kind]} not restored: ${e instanceof Error ? e.message : String(e)}`;
    // A store may say which entry it had found before the download failed (the key then exists).
    const found = (e as { matchedKey?: unknown }).matchedKey;
    if (typeof found === 'string' && found) slot.matchedKey = found;
    if (e instanceof RestoreTimeout) {
      // The restore may still be extracting into dir: this run uses another directory, and the
      // post step does not save it (entries are tied to the directory they were saved from).
      slot.dir = `${dir}-${Date.now().toString(36)}`;
      slot.noSave = 'the restore timed out, so this run used a stand-in directory';
      freshDir(slot.dir);
    } else {
      // Never build on a partial extraction (a truncated archive leaves half a module tree).
      freshDir(dir);
    }
    log.warning(`${sentence(problem)} Going on without it; the verdict does not depend on the cache.`);
  }
  const bytes = slot.matchedKey ? treeSize(slot.dir) : 0;
  return { slot, bytes, ms: Math.round(nowMs() - t0), ...(problem ? { problem } : {}) };
}

/**
 * GOFLAGS as go sees it (environment or go env file), plus -modcacherw so a restored module
 * cache can be cleaned and replaced. `added` says the gate put it there, not the user.
 */
async function goFlagsWithModcacherw(ctx: StageContext): Promise<{ flags: string; added: boolean }> {
  const r = await ctx.ports.exec.run(ctx.state.go!.bin, ['env', 'GOFLAGS'], { env: ctx.state.goEnv });
  const current = r.code === 0 ? r.stdout.trim() : (ctx.state.goEnv.GOFLAGS ?? '');
  const flags = current.split(/\s+/).filter(Boolean);
  if (flags.some((f) => f === '-modcacherw' || f === '-modcacherw=true' || f === '--modcacherw')) return { flags: flags.join(' '), added: false };
  return { flags: [...flags, '-modcacherw'].join(' '), added: true };
}

function unavailable(ctx: StageContext): string | undefined {
  if (!ctx.state.go) return 'needs the Go toolchain';
  if (ctx.config.cache === 'off') return 'the cache input is off: nothing was restored or saved';
  if (!ctx.ports.cache) return 'no cache store: the Actions cache service is not available here (CLI: pass --cache-dir)';
  return undefined;
}

function stateText(r: Restored): string {
  if (r.slot.notRestored) return `not restored: ${r.slot.notRestored}`;
  return r.slot.state === 'error' ? `error: ${r.problem ?? ''}` : r.slot.state;
}

function saveText(plan: CachePlan, slot: CacheSlot, savedAt: string): string {
  const d = saveDecision(plan, slot);
  if (!d.save) return `no: ${d.reason}`;
  return slot.kind === 'build' ? `${savedAt}, after trimming` : savedAt;
}

/**
 * A release is never built from a restored build cache. The module cache is checked after the
 * restore (the module tree check compares every module the build reads with go.sum), but nothing can check a GOCACHE:
 * an entry is trusted by its action id alone, so one planted by an earlier run would go into the
 * release binaries unseen. Keying a release build cache apart would not help either: releases
 * run on tags, whose caches GitHub scopes to that tag alone, so such an entry would never be
 * restored. Go's cache is content-addressed, so an empty one gives the same bytes, only slower.
 */
export const RELEASE_BUILD_CACHE = 'release builds never use a restored build cache (it cannot be verified)';

function notRestored(kind: CacheKind, dir: string, keys: CacheKeys, why: string): Restored {
  freshDir(dir);
  return { slot: { kind, dir, key: keys.key, restoreKeys: keys.restoreKeys, state: 'miss', notRestored: why }, bytes: 0, ms: 0 };
}

async function restoreCaches(ctx: StageContext, store: CacheStore): Promise<StageOutcome> {
  const { config, ports, state } = ctx;
  const startedAtMs = Date.now();
  const go = state.go!;
  const parts = {
    os: ports.platform.os,
    arch: ports.platform.arch,
    goVersion: go.version,
    scope: scopeHash({
      job: ports.env.GITHUB_JOB ?? '',
      dir: path.relative(config.workspace, config.dir) || '.',
      targets: config.targets,
      tags: config.tags,
      cgo: config.cgo,
    }),
    goSum: goSumHash(findGoSums(config.dir)),
    run: runSuffix(ports.env, startedAtMs),
  };
  const dirs = claimCacheDirs(path.join(ports.tempDir, CACHE_DIR_NAME));
  const deadline = restoreDeadlineMs(ports.env);
  const modules = await restoreSlot(store, 'modules', dirs.modules, moduleKeys(parts), deadline, ports.log);
  const build = config.mode === 'release'
    ? notRestored('build', dirs.build, buildKeys(parts), RELEASE_BUILD_CACHE)
    : await restoreSlot(store, 'build', dirs.build, buildKeys(parts), deadline, ports.log);
  for (const r of [modules, build]) {
    if (r.slot.notRestored) ports.log.info(`${LABEL[r.slot.kind]}: not restored: ${r.slot.notRestored}`);
    else ports.log.info(`${LABEL[r.slot.kind]}: ${r.slot.state}${r.slot.matchedKey ? ` (${r.slot.matchedKey}, ${formatBytes(r.bytes)})` : ''} in ${formatDuration(r.ms)}`);
  }

  const goFlags = await goFlagsWithModcacherw(ctx);
  state.goEnv = { ...state.goEnv, GOMODCACHE: modules.slot.dir, GOCACHE: build.slot.dir, GOFLAGS: goFlags.flags };
  // For later stages: this -modcacherw is the gate's own (a fresh directory per job, verified
  // by the module tree check after the restore), not a weakening the user chose.
  if (goFlags.added) state.facts['cache-goflags-added'] = '-modcacherw';
  const plan: CachePlan = {
    version: 1,
    mode: config.cache,
    store: store.kind,
    startedAtMs,
    maxBytes: config.cacheMaxSize,
    slots: [modules.slot, build.slot],
  };
  ports.state.save(PLAN_STATE_KEY, serializePlan(plan));

  state.facts['cache-hit'] = modules.slot.state === 'error' ? 'miss' : modules.slot.state;
  state.facts['cache-build'] = build.slot.notRestored ? 'not restored' : build.slot.state === 'error' ? 'miss' : build.slot.state;
  state.facts['cache-modules-key'] = modules.slot.key;
  state.facts['cache-build-key'] = build.slot.key;
  const problems = [modules.problem, build.problem].filter((p): p is string => !!p);
  return {
    status: 'passed',
    ...(problems.length ? { reason: `went on without the cache (the verdict does not depend on it): ${problems.join('; ')}` } : {}),
    findings: [],
    table: {
      header: ['Cache', 'Result', 'Matched key', 'Restored', 'Time', 'Save'],
      rows: [modules, build].map((r) => [LABEL[r.slot.kind], stateText(r), r.slot.matchedKey ?? '', formatBytes(r.bytes), formatDuration(r.ms), saveText(plan, r.slot, store.savedAt ?? 'end of the run')]),
    },
    metrics: {
      store: store.kind,
      mode: config.cache,
      modules: modules.slot.state,
      build: build.slot.state,
      modulesBytes: modules.bytes,
      buildBytes: build.bytes,
      modulesMs: modules.ms,
      buildMs: build.ms,
    },
  };
}

export const cacheStage: Stage = {
  name: 'cache',
  rules: [],
  async run(ctx: StageContext): Promise<StageOutcome> {
    ctx.state.facts['cache-hit'] = 'off';
    const why = unavailable(ctx);
    if (why) return skipped(why);
    try {
      return await restoreCaches(ctx, ctx.ports.cache!);
    } catch (e) {
      // Anything unexpected (a full disk, an unreadable directory): the gate runs without the
      // cache rather than fail on it. goEnv is only changed once both restores are done.
      const message = `cache not used: ${e instanceof Error ? e.message : String(e)}`;
      ctx.ports.log.warning(`${message}. The verdict does not depend on the cache.`);
      ctx.state.facts['cache-hit'] = 'off';
      return { status: 'passed', reason: message, findings: [] };
    }
  },
};

/** What restoring the Trivy DB did, for the scan stage's summary. */
export interface TrivyDbRestore {
  /** The directory to use as Trivy's cache dir. */
  dir: string;
  /** The key it was restored from; undefined on a miss or when nothing was tried. */
  matchedKey?: string;
  /** One sentence: restored, missed, not tried and why. */
  text: string;
}

/**
 * The Trivy DB joins the cache plan of this run: restored by the scan stage right before it is
 * needed (never when the scan is off), into a directory of the gate's own outside the
 * workspace, and saved by the same post step as the Go caches, under the same cache mode (a
 * read-only run restores it but never saves it). The plan the cache stage left is extended;
 * without one (no Go cache this run) a plan holding the DB alone is written.
 */
export async function restoreTrivyDb(ctx: StageContext, dir: string): Promise<TrivyDbRestore> {
  const { config, ports } = ctx;
  const store = ports.cache;
  if (config.cache === 'off') return { dir, text: 'not cached (cache: off)' };
  if (!store) return { dir, text: 'not cached (no cache store)' };
  const startedAtMs = Date.now();
  const r = await restoreSlot(store, 'trivy-db', dir, trivyDbKeys(ports.platform.os, startedAtMs), restoreDeadlineMs(ports.env), ports.log);
  const plan: CachePlan = parsePlan(ports.state.get(PLAN_STATE_KEY)) ?? { version: 1, mode: config.cache, store: store.kind, startedAtMs, maxBytes: config.cacheMaxSize, slots: [] };
  plan.slots = [...plan.slots.filter((s) => s.kind !== 'trivy-db'), r.slot];
  ports.state.save(PLAN_STATE_KEY, serializePlan(plan));
  const save = saveText(plan, r.slot, store.savedAt ?? 'end of the run');
  const text = r.slot.matchedKey && r.slot.state !== 'error'
    ? `restored from the cache (${r.slot.matchedKey}, ${formatBytes(r.bytes)} in ${formatDuration(r.ms)}); save: ${save}`
    : `${r.problem ?? 'no cache entry'}; save: ${save}`;
  ports.log.info(`${LABEL['trivy-db']}: ${text}`);
  return { dir: r.slot.dir, ...(r.slot.matchedKey && r.slot.state !== 'error' ? { matchedKey: r.slot.matchedKey } : {}), text };
}
