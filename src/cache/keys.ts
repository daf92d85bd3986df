// Cache keys for the Go module cache (GOMODCACHE) and build cache (GOCACHE). Pure.
//
// Layout, most general first, so a prefix of a key is a useful restore key:
//   go-release-gate-v1-gomod-<os>-<arch>-go<version>-<scope>-<go.sum hash>
//   go-release-gate-v1-gobuild-<os>-<arch>-go<version>-<scope>-<go.sum hash>-<run>
// <scope> separates matrix jobs (job id + the inputs that change what is built), so two jobs
// never race for one key. <run> makes every build-cache save a new, immutable key: a run that
// built saves a fresh entry instead of finding the old key taken, and later runs restore the
// newest entry by prefix.
import type { Target } from '../config/config.ts';
import { sha256Hash, sha256Hex } from '../util/hash.ts';

export const KEY_PREFIX = 'go-release-gate-v1';

export type CacheKind = 'modules' | 'build' | 'trivy-db';

export interface KeyParts {
  /** Runner OS and arch as the runner names them (Linux, X64). */
  os: string;
  arch: string;
  goVersion: string;
  /** scopeHash(...) */
  scope: string;
  /** goSumHash(...) */
  goSum: string;
  /** runSuffix(...); only the build cache key carries it. */
  run: string;
}

export interface CacheKeys {
  key: string;
  /** Tried in order after the key itself; the cache service matches each as a prefix, newest first. */
  restoreKeys: string[];
  /**
   * A matched key under this prefix was saved for the same scope and the same go.sum: the
   * restore is a hit even when the per-run suffix differs.
   */
  hitPrefix: string;
}

/** Keys may not contain commas (the cache service's rule) and should stay readable. */
export function keyPart(value: string): string {
  return value.replace(/[^A-Za-z0-9._]+/g, '_') || '_';
}

export interface ScopeInputs {
  /** GITHUB_JOB: matrix legs share it, so the inputs below separate them. */
  job: string;
  /** Module directory relative to the workspace. */
  dir: string;
  targets: readonly Target[];
  tags: readonly string[];
  cgo: boolean;
}

/** The things that make two jobs build different things; order-insensitive where the input is. */
export function scopeHash(s: ScopeInputs): string {
  const targets = s.targets.map((t) => `${t.goos}/${t.goarch}`).sort();
  const tags = [...s.tags].sort();
  return sha256Hex(JSON.stringify([s.job, s.dir.split('\\').join('/'), targets, tags, s.cgo])).slice(0, 12);
}

/** Hash of every go.sum / go.work.sum, by path and content; '' content list -> a fixed value. */
export function goSumHash(files: readonly { path: string; content: Buffer | string }[]): string {
  const h = sha256Hash();
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    h.update(f.path.split('\\').join('/')).update('\0').update(sha256Hex(f.content)).update('\0');
  }
  return h.digest('hex').slice(0, 20);
}

/**
 * Unique per run and attempt, so a re-run saves its own entry. Outside Actions (the CLI) there
 * is no run id: the time makes the key unique instead.
 */
export function runSuffix(env: Readonly<Record<string, string | undefined>>, nowMs: number): string {
  const id = env.GITHUB_RUN_ID;
  if (id) return keyPart(`r${id}.${env.GITHUB_RUN_ATTEMPT || '1'}`);
  return `t${nowMs.toString(36)}`;
}

function base(kind: CacheKind, p: KeyParts): string {
  return `${KEY_PREFIX}-${kind === 'modules' ? 'gomod' : 'gobuild'}-${keyPart(p.os)}-${keyPart(p.arch)}-go${keyPart(p.goVersion)}`;
}

/**
 * Module cache: one entry per go.sum. On a go.sum change the newest entry of the same scope,
 * then of any scope, then of any Go version restores most modules (a "partial" hit): Go only
 * downloads what is missing. Module files do not depend on the Go version.
 */
export function moduleKeys(p: KeyParts): CacheKeys {
  const b = base('modules', p);
  const scoped = `${b}-${p.scope}-`;
  const key = `${scoped}${p.goSum}`;
  return {
    key,
    restoreKeys: [scoped, `${b}-`, `${KEY_PREFIX}-gomod-${keyPart(p.os)}-${keyPart(p.arch)}-`],
    hitPrefix: key,
  };
}

/**
 * Build cache: a new key per run. The nearest older entry is restored by prefix: same inputs
 * and go.sum first (a hit), then same inputs (a commit that changed go.sum), then any inputs
 * with this Go version (build outputs of another Go version are never reused by Go).
 */
export function buildKeys(p: KeyParts): CacheKeys {
  const b = base('build', p);
  const scoped = `${b}-${p.scope}-`;
  const hitPrefix = `${scoped}${p.goSum}-`;
  return { key: `${hitPrefix}${keyPart(p.run)}`, restoreKeys: [hitPrefix, scoped, `${b}-`], hitPrefix };
}

export type RestoreState = 'hit' | 'partial' | 'miss';

/**
 * Whether a key the cache service handed back is the key we asked for. Keys come back in
 * another case from some services (act's cache server lowercases them), and actions/cache
 * compares them the same way (isExactKeyMatch: localeCompare with sensitivity "accent", i.e.
 * case-insensitive), so a key that differs only in case is the same entry.
 */
export function sameKey(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/** `key` starts with `prefix`, compared as sameKey compares (case-insensitive). */
export function keyHasPrefix(key: string, prefix: string): boolean {
  return key.length >= prefix.length && sameKey(key.slice(0, prefix.length), prefix);
}

/** What a matched key means for this run. */
export function restoreState(keys: CacheKeys, matchedKey: string | undefined): RestoreState {
  if (!matchedKey) return 'miss';
  return sameKey(matchedKey, keys.key) || keyHasPrefix(matchedKey, keys.hitPrefix) ? 'hit' : 'partial';
}

/**
 * The build-cache scope a key belongs to: everything before its go.sum hash and run suffix
 * (`go-release-gate-v1-gobuild-<os>-<arch>-go<ver>-<scope>-`), or undefined for any other key.
 * Every part is a keyPart (no '-' inside), so the layout splits cleanly on '-'. Entries of one
 * scope supersede each other: a restore takes the newest of them by prefix.
 */
export function buildScopeOf(key: string): string | undefined {
  const parts = key.split('-');
  const prefix = `${KEY_PREFIX}-gobuild`.split('-');
  if (parts.length !== prefix.length + 6 || prefix.some((p, i) => parts[i] !== p)) return undefined;
  if (!/^[0-9a-f]{20}$/.test(parts[prefix.length + 4]) || !parts[prefix.length + 2].startsWith('go') || parts.at(-1) === '') return undefined;
  return `${parts.slice(0, prefix.length + 4).join('-')}-`;
}

/**
 * Trivy's vulnerability DB: one entry per day (the DB is rebuilt every few hours upstream; a day
 * bounds how stale a restored one is), restored by prefix: today's, else the newest earlier one,
 * which the scan stage then refreshes when it is due. The DB does not depend on the arch.
 */
export function trivyDbKeys(os: string, nowMs: number): CacheKeys {
  const prefix = `${KEY_PREFIX}-trivydb-${keyPart(os)}-`;
  const key = `${prefix}${new Date(nowMs).toISOString().slice(0, 10)}`;
  return { key, restoreKeys: [prefix], hitPrefix: key };
}
