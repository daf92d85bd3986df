// What the stat of a file says of its bytes, for records that let a later run skip reading them
// (src/modules/treememo.ts, src/cli/code-cache.ts). Every write, truncate, chmod, rename or link
// sets the ctime of what it touched to the current time, and no unprivileged process can set a
// ctime back: the same identity means the same bytes. A write in the same clock tick as the stat
// could leave the ctime as it was, so only a file last changed SETTLED_MS or more before the stat
// may be recorded.

export const SETTLED_MS = 5_000;

type Stat = Pick<import('node:fs').Stats, 'dev' | 'ino' | 'mode' | 'size' | 'mtimeMs' | 'ctimeMs'>;

/** Device, inode, mode, size, mtime and ctime, as one string. */
export function statIdentity(s: Stat): string {
  return `${s.dev} ${s.ino} ${s.mode} ${s.size} ${s.mtimeMs} ${s.ctimeMs}`;
}

/** Last changed SETTLED_MS or more before nowMs (a file changed in the future is not settled). */
export function settledAt(s: Pick<Stat, 'mtimeMs' | 'ctimeMs'>, nowMs: number): boolean {
  const cutoff = nowMs - SETTLED_MS;
  return s.ctimeMs < cutoff && s.mtimeMs < cutoff;
}
