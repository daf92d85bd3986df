// Which entries of a local cache directory (the CLI's --cache-dir) to drop after a save. Pure.
//
// Every run that builds saves a new build-cache entry (a new key per run, keys.ts), and a
// restore only ever takes the newest entry of a scope by prefix: the older ones of the same
// scope are never read again, yet each holds a whole trimmed GOCACHE (~170 MiB for a mid-size
// module). So per scope only the newest stays, and all the build entries kept together stay
// within cache-max-size, the oldest scopes going first. Module-cache entries (one per go.sum,
// saved only when the go.sum is new) are left to the store's idle and size limits.
import { buildScopeOf } from './keys.ts';

export interface PrunableEntry {
  key: string;
  createdAtMs: number;
  bytes: number;
}

export interface PrunePolicy {
  /** Upper bound for all build-cache entries kept together (cache-max-size). */
  maxBuildBytes: number;
  /** Keys saved by this run: never dropped, even when one alone is over the bound. */
  keep: readonly string[];
}

const newestFirst = (a: PrunableEntry, b: PrunableEntry) => b.createdAtMs - a.createdAtMs || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);

export function planPrune<T extends PrunableEntry>(entries: readonly T[], policy: PrunePolicy): T[] {
  const byScope = new Map<string, T[]>();
  for (const e of entries) {
    const scope = buildScopeOf(e.key);
    if (scope === undefined) continue;
    byScope.set(scope, [...(byScope.get(scope) ?? []), e]);
  }
  const keep = new Set(policy.keep);
  const drop: T[] = [];
  const kept: T[] = [];
  for (const list of byScope.values()) {
    const sorted = [...list].sort(newestFirst);
    // A key this run saved stays even if a clock step made another entry look newer.
    const head = sorted.find((e) => keep.has(e.key)) ?? sorted[0];
    kept.push(head);
    for (const e of sorted) if (e !== head && !keep.has(e.key)) drop.push(e);
    for (const e of sorted) if (e !== head && keep.has(e.key)) kept.push(e);
  }
  let total = kept.reduce((n, e) => n + e.bytes, 0);
  for (const e of [...kept].sort(newestFirst).reverse()) {
    if (total <= policy.maxBuildBytes) break;
    if (keep.has(e.key)) continue;
    drop.push(e);
    total -= e.bytes;
  }
  return drop;
}
