// The split of a release over shards: every (main package, target) pair is one build job, and
// shard i of n builds the jobs whose index in the sorted list is i-1 modulo n. Pure, and the
// same in every shard whatever order a matrix starts them in: the list is sorted, never taken
// in the order go list or the targets input happened to give it.
//
// The package list is known only after `go list`, so the split cannot be decided before the
// build. Each shard lists the packages itself (same commit, same toolchain: the same answer)
// and hands the whole list to this module; the manifest records the full list and its digest,
// so the merge proves every shard split the same set instead of trusting that it did.
import { sha256Hash } from '../util/hash.ts';

/** One binary of the release: a main package built for one GOOS/GOARCH. */
export interface BuildJob {
  goos: string;
  goarch: string;
  /** Import path of the main package. */
  pkg: string;
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Enough for any matrix GitHub runs (256 jobs per matrix), and a bound on what a merge reads. */
export const MAX_SHARDS = 256;

export class ShardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardError';
  }
}

/** "2/4" -> {index: 2, count: 4}. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d{1,3})\s*\/\s*(\d{1,3})\s*$/.exec(text);
  if (!m) throw new ShardError(`"${text}" is not a shard: write i/n, e.g. 2/4 (shard 2 of 4)`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) throw new ShardError(`"${text}": the number of shards must be 1 to ${MAX_SHARDS}`);
  if (index < 1 || index > count) throw new ShardError(`"${text}": the shard number must be 1 to ${count}`);
  return { index, count };
}

export function shardLabel(s: Shard): string {
  return `${s.index}/${s.count}`;
}

function jobKey(j: BuildJob): string {
  return `${j.pkg}\0${j.goos}/${j.goarch}`;
}

/** The jobs in the one order every shard uses; duplicates dropped. */
export function sortJobs(jobs: readonly BuildJob[]): BuildJob[] {
  const byKey = new Map<string, BuildJob>();
  for (const j of jobs) if (!byKey.has(jobKey(j))) byKey.set(jobKey(j), { goos: j.goos, goarch: j.goarch, pkg: j.pkg });
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, j]) => j);
}

/** Shard s's jobs: round-robin over the sorted list, so shards differ by at most one job. */
export function shareOf(jobs: readonly BuildJob[], s: Shard): BuildJob[] {
  return sortJobs(jobs).filter((_, i) => i % s.count === s.index - 1);
}

/** Names the full set: the sorted jobs and the shard count. Two shards with one id split the same release. */
export function setIdOf(jobs: readonly BuildJob[], count: number): string {
  const h = sha256Hash();
  h.update(`shards ${count}\n`);
  for (const j of sortJobs(jobs)) h.update(`${j.pkg} ${j.goos}/${j.goarch}\n`);
  return h.digest('hex');
}

/** True when both lists hold the same jobs (order ignored). */
export function sameJobs(a: readonly BuildJob[], b: readonly BuildJob[]): boolean {
  const x = sortJobs(a).map(jobKey);
  const y = sortJobs(b).map(jobKey);
  return x.length === y.length && x.every((k, i) => k === y[i]);
}
