// Trivy's vulnerability DB, prepared once before any scan: a fresh DB (its metadata's NextUpdate
// still ahead) is used as it is; otherwise it is fetched once with Trivy's download-only mode,
// with retries and exponential backoff on rate limits across the configured repositories. Every
// scan then runs with the update skipped, so no scan of the run downloads anything. When the
// fetch fails, a DB already there that is younger than trivy-db-max-age is used with a warning.
import fs from 'node:fs';
import path from 'node:path';
import type { Exec, Logger } from '../ports/ports.ts';
import { formatDuration } from '../report/escape.ts';

export interface DbMetadata {
  version: number;
  nextUpdate: Date;
  updatedAt: Date;
  downloadedAt?: Date;
}

function date(v: unknown): Date | undefined {
  if (typeof v !== 'string') return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** <cacheDir>/db/metadata.json when it is there with a trivy.db beside it; undefined otherwise (never throws). */
export function readDbMetadata(cacheDir: string): DbMetadata | undefined {
  const dir = path.join(cacheDir, 'db');
  try {
    if (!fs.statSync(path.join(dir, 'trivy.db')).isFile()) return undefined;
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'metadata.json'), 'utf8')) as Record<string, unknown>;
    const nextUpdate = date(m.NextUpdate);
    const updatedAt = date(m.UpdatedAt);
    if (!nextUpdate || !updatedAt || typeof m.Version !== 'number') return undefined;
    const downloadedAt = date(m.DownloadedAt);
    return { version: m.Version, nextUpdate, updatedAt, ...(downloadedAt ? { downloadedAt } : {}) };
  } catch {
    return undefined;
  }
}

/** A DB Trivy would not update now: its NextUpdate is still ahead. */
export function isFresh(meta: DbMetadata | undefined, nowMs: number): boolean {
  return !!meta && meta.nextUpdate.getTime() > nowMs;
}

/** An age as people say it: 3d 4h, 5h 12m, 12m. */
export function formatAge(ms: number): string {
  const m = Math.floor(ms / 60_000);
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  if (d) return `${d}d ${h}h`;
  if (h) return `${h}h ${m % 60}m`;
  return `${m}m`;
}

export function dbAgeMs(meta: DbMetadata, nowMs: number): number {
  return Math.max(0, nowMs - meta.updatedAt.getTime());
}

/** Why the post step does not save this Trivy cache dir, or undefined when it holds a DB worth saving. */
export function dbNotWorthSaving(cacheDir: string, nowMs: number): string | undefined {
  const m = readDbMetadata(cacheDir);
  if (!m) return 'no complete vulnerability DB in the directory';
  // A stale DB under today's key would keep today's later runs from saving a fresh one.
  if (!isFresh(m, nowMs)) return `the DB is due for an update since ${m.nextUpdate.toISOString()} (not refreshed this run)`;
  return undefined;
}

/** Trivy's download-only run for one repository (cwd is a fresh directory: no trivy.yaml is read). */
export function downloadDbArgs(cacheDir: string, repository: string): string[] {
  return ['image', '--download-db-only', '--cache-dir', cacheDir, '--db-repository', repository, '--skip-version-check', '--disable-telemetry', '--no-progress'];
}

/** A failure worth retrying: the registry's rate limit or a server error, not a wrong name or a refused connection. */
export function isRetryable(stderr: string): boolean {
  return /TOOMANYREQUESTS|too many requests|\b429\b|status code 5\d\d|\b50[0234]\b|Service Unavailable|Bad Gateway|Gateway Timeout|Internal Server Error/i.test(stderr);
}

// Trivy wraps the registry's answer in several lines ("OCI repository error: 1 error occurred:",
// "* GET ...: TOOMANYREQUESTS: ..."): the line that says what the registry said comes first.
const CAUSES = [/TOOMANYREQUESTS|Too Many Requests|unexpected status|connection refused|no such host|i\/o timeout|MANIFEST_UNKNOWN|NAME_UNKNOWN|UNAUTHORIZED|DENIED/i, /FATAL/, /ERROR|error/];

function lastErrorLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean).reverse();
  for (const re of CAUSES) {
    const hit = lines.find((l) => re.test(l));
    if (hit) return hit.replace(/^\*\s*/, '').slice(0, 600);
  }
  return (lines[0] ?? '(no output)').slice(0, 600);
}

export interface FetchAttempt {
  repository: string;
  round: number;
  ok: boolean;
  retryable: boolean;
  error?: string;
}

export interface FetchOptions {
  exec: Exec;
  trivy: string;
  env: Record<string, string>;
  cacheDir: string;
  repositories: readonly string[];
  /** A directory for this run's temporary files. */
  tempDir: string;
  log: Logger;
  /** Rounds over all repositories (the first is not a retry). */
  rounds?: number;
  /** Wait before the second round; doubled for each further one. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
}

export class DbFetchError extends Error {
  readonly attempts: FetchAttempt[];
  constructor(message: string, attempts: FetchAttempt[]) {
    super(message);
    this.name = 'DbFetchError';
    this.attempts = attempts;
  }
}

const sleepMs = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Fetches the DB into cacheDir/db: each repository in order; when every one failed and some
 * failure was a rate limit or a server error, waits (base, 2x base, ...) and goes round again,
 * a bounded number of times. Trivy downloads into a scratch cache dir beside cacheDir, and only
 * a complete DB replaces the one there: a failed fetch never destroys the DB a fallback needs.
 */
export async function fetchDb(o: FetchOptions): Promise<{ repository: string; attempts: FetchAttempt[] }> {
  const rounds = o.rounds ?? 3;
  const base = o.baseDelayMs ?? 2_000;
  const sleep = o.sleep ?? sleepMs;
  const attempts: FetchAttempt[] = [];
  fs.mkdirSync(path.dirname(o.cacheDir), { recursive: true });
  for (let round = 1; round <= rounds; round++) {
    if (round > 1) {
      const wait = base * 2 ** (round - 2);
      o.log.info(`Trivy DB: every repository failed with a rate limit or server error; retrying in ${formatDuration(wait)} (round ${round} of ${rounds})`);
      await sleep(wait);
    }
    for (const repository of o.repositories) {
      const scratch = fs.mkdtempSync(`${o.cacheDir}.fetch-`);
      const cwd = fs.mkdtempSync(path.join(o.tempDir, 'trivy-db-cwd-'));
      try {
        o.log.info(`Trivy DB: fetching from ${repository}`);
        const r = await o.exec.run(o.trivy, downloadDbArgs(scratch, repository), { cwd, env: o.env, timeoutMs: o.timeoutMs ?? 10 * 60_000 });
        const text = `${r.stderr}\n${r.stdout}`;
        if (r.code === 0 && readDbMetadata(scratch)) {
          fs.mkdirSync(o.cacheDir, { recursive: true });
          fs.rmSync(path.join(o.cacheDir, 'db'), { recursive: true, force: true });
          fs.renameSync(path.join(scratch, 'db'), path.join(o.cacheDir, 'db'));
          attempts.push({ repository, round, ok: true, retryable: false });
          return { repository, attempts };
        }
        const error = r.timedOut ? 'timed out' : r.code === 0 ? 'exited 0 but left no DB' : lastErrorLine(text);
        const retryable = r.timedOut === true || isRetryable(text);
        attempts.push({ repository, round, ok: false, retryable, error });
        o.log.info(`Trivy DB: ${repository} failed${retryable ? ' (retryable)' : ''}: ${error}`);
      } catch (e) {
        attempts.push({ repository, round, ok: false, retryable: false, error: `trivy could not be started: ${(e as Error).message}` });
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
        fs.rmSync(cwd, { recursive: true, force: true });
      }
    }
    if (!attempts.some((a) => a.round === round && a.retryable)) break;
  }
  const last = new Map<string, string>();
  for (const a of attempts) last.set(a.repository, a.error ?? '');
  throw new DbFetchError(`failed to download vulnerability DB from ${[...last].map(([r, e]) => `${r} (${e})`).join('; ')}`, attempts);
}

export interface DbStatus {
  /** What the summary says: where the DB came from. */
  source: string;
  updatedAt?: string;
  ageMs?: number;
  /** The repository it was fetched from this run. */
  repository?: string;
  attempts: FetchAttempt[];
  /** Said as a warning: the DB is used although it could not be refreshed. */
  warning?: string;
}

export interface PrepareOptions extends FetchOptions {
  nowMs: number;
  maxAgeMs: number;
  /** Where a DB already in cacheDir came from ("restored from the cache (key ...)"). */
  origin: string;
  /** trivy-skip-db-update: never fetch. */
  noFetch: boolean;
}

const HOWTO = 'set scan: off to not scan, or trivy-path with trivy-cache-dir holding a DB you provide';

/** The DB every scan of this run uses; throws (the stage errors) when there is none to trust. */
export async function prepareDb(o: PrepareOptions): Promise<DbStatus> {
  const before = readDbMetadata(o.cacheDir);
  const described = (m: DbMetadata, source: string, extra: Partial<DbStatus> = {}): DbStatus => ({
    source, updatedAt: m.updatedAt.toISOString(), ageMs: dbAgeMs(m, o.nowMs), attempts: [], ...extra,
  });
  if (isFresh(before, o.nowMs)) return described(before!, `${o.origin}, fresh (next update due ${before!.nextUpdate.toISOString()})`);
  if (o.noFetch) {
    if (!before) throw new Error(`Trivy has no vulnerability DB in ${o.cacheDir} (no db/trivy.db) and trivy-skip-db-update is true, so it may not download one: populate the cache dir or set trivy-skip-db-update: false`);
    return described(before, `${o.origin}, not refreshed (trivy-skip-db-update)`);
  }
  try {
    const got = await fetchDb(o);
    const m = readDbMetadata(o.cacheDir)!;
    return described(m, `downloaded from ${got.repository}`, { repository: got.repository, attempts: got.attempts });
  } catch (e) {
    const attempts = e instanceof DbFetchError ? e.attempts : [];
    const why = (e as Error).message;
    if (before && dbAgeMs(before, o.nowMs) < o.maxAgeMs) {
      const age = formatAge(dbAgeMs(before, o.nowMs));
      const warning = `Trivy could not refresh its vulnerability DB (${why}); scanning with the DB ${o.origin}, updated ${before.updatedAt.toISOString()} (${age} old, within trivy-db-max-age): advisories published since then are not seen`;
      return described(before, `${o.origin}, not refreshed (fetch failed)`, { attempts, warning });
    }
    const have = before ? `only a DB updated ${before.updatedAt.toISOString()} (${formatAge(dbAgeMs(before, o.nowMs))} old, beyond trivy-db-max-age)` : 'no DB';
    throw new DbFetchError(`Trivy has no usable vulnerability DB in ${o.cacheDir} and could not download one: ${why}; there is ${have}. The scan cannot run: ${HOWTO}`, attempts);
  }
}
