// Which GOCACHE entries to drop before the build cache is saved. Pure: the caller lists the
// entries and deletes what this returns.
//
// Go refreshes the mtime of a cache entry it uses, but only when that mtime is an hour old or
// more (cmd/go/internal/cache: markUsed, mtimeInterval). So an entry used during this run has
// an mtime after (use time - 1h), which is after (job start - 1h); an entry still older than
// that was not used by this run and would only grow the cache. Go's own trim never helps here:
// it runs once a day per trim.txt and drops only entries unused for 5 days.

/** Go's mtimeInterval. */
export const GO_MTIME_INTERVAL_MS = 60 * 60 * 1000;
/** Slack for clock granularity (tar stores whole seconds): keeping an entry is always safe. */
export const TRIM_SLACK_MS = 60 * 1000;

export interface CacheFile {
  /** Path relative to GOCACHE, '/'-separated, e.g. "3f/3f0c...-d". */
  path: string;
  /** Bytes (a directory entry counts everything in it). */
  size: number;
  mtimeMs: number;
}

export interface TrimPlan {
  /** Entries older than the cutoff: not used this run. */
  unused: CacheFile[];
  /** Entries dropped, oldest first, to stay under the size limit. */
  overLimit: CacheFile[];
  /** Files that must never be saved (trim.txt: restoring it stops Go's own trim forever). */
  neverSave: CacheFile[];
  sizeBefore: number;
  sizeAfter: number;
  /** Entries written or refreshed during this run: zero means a save would add nothing. */
  touchedThisRun: number;
  cutoffMs: number;
}

/** Go's cache entries are "<hex>-a" (action) and "<hex>-d" (output) in 256 "<xx>" directories. */
export function isCacheEntry(relPath: string): boolean {
  return /^[0-9a-f]{2}\/[0-9a-f]+-[ad]$/.test(relPath);
}

export function planTrim(files: readonly CacheFile[], opts: { startedAtMs: number; maxBytes: number }): TrimPlan {
  const cutoffMs = opts.startedAtMs - GO_MTIME_INTERVAL_MS - TRIM_SLACK_MS;
  const sizeBefore = files.reduce((n, f) => n + f.size, 0);
  const neverSave = files.filter((f) => f.path === 'trim.txt');
  const entries = files.filter((f) => isCacheEntry(f.path));
  const unused = entries.filter((f) => f.mtimeMs < cutoffMs);
  const dropped = new Set<CacheFile>([...unused, ...neverSave]);
  let size = sizeBefore - [...dropped].reduce((n, f) => n + f.size, 0);
  const overLimit: CacheFile[] = [];
  if (size > opts.maxBytes) {
    // Oldest first: the least recently used are the least likely to be needed next time.
    const kept = entries.filter((f) => !dropped.has(f)).sort((a, b) => a.mtimeMs - b.mtimeMs || (a.path < b.path ? -1 : 1));
    for (const f of kept) {
      if (size <= opts.maxBytes) break;
      overLimit.push(f);
      size -= f.size;
    }
  }
  return {
    unused,
    overLimit,
    neverSave,
    sizeBefore,
    sizeAfter: size,
    touchedThisRun: entries.filter((f) => f.mtimeMs >= opts.startedAtMs).length,
    cutoffMs,
  };
}
