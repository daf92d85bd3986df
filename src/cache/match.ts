// Which stored entry a restore gets, the way the Actions cache service decides it: the primary
// key exactly, then entries starting with it (newest first), then for each restore key in
// order the same two steps. Pure; the CLI's local cache directory uses it.

export interface StoredEntry {
  key: string;
  createdAtMs: number;
}

export function matchEntry<T extends StoredEntry>(entries: readonly T[], primaryKey: string, restoreKeys: readonly string[]): T | undefined {
  const newestFirst = [...entries].sort((a, b) => b.createdAtMs - a.createdAtMs || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  for (const k of [primaryKey, ...restoreKeys]) {
    const exact = newestFirst.find((e) => e.key === k);
    if (exact) return exact;
    const prefixed = newestFirst.find((e) => e.key.startsWith(k));
    if (prefixed) return prefixed;
  }
  return undefined;
}
