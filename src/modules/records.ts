// What the modules stage records in GOCACHE (go-release-gate/<name>): answers a later run may take
// instead of finding them again (a module found tidy, the hash of an unchanged module tree). In
// GOCACHE so the cache stage saves them with the build cache; one in use is touched, so the
// cache trim, which drops what a run did not use, keeps it. Reading or writing one is best
// effort: a record that cannot be read or written only means finding the answer again.
import fs from 'node:fs';
import path from 'node:path';

export function gateRecordFile(gocache: string, name: string): string {
  return path.join(gocache, 'go-release-gate', name);
}

/** The parsed record, touched when its mtime is touchAfterMs old or more; undefined when absent or unreadable. */
export function readRecord(file: string, touchAfterMs: number, now = Date.now()): unknown {
  let value: unknown;
  let mtimeMs: number;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      mtimeMs = fs.fstatSync(fd).mtimeMs;
      value = JSON.parse(fs.readFileSync(fd, 'utf8'));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  if (now - mtimeMs >= touchAfterMs) {
    try {
      fs.utimesSync(file, new Date(now), new Date(now));
    } catch {
      // Only the trim's view of it: the record stays good.
    }
  }
  return value;
}

/**
 * Writes the record whole (a temporary file renamed over it). False when it could not be written.
 * private: only the user may read it (a record in the user's cache home, not in GOCACHE).
 */
export function writeRecord(file: string, value: unknown, opts: { private?: boolean } = {}): boolean {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, ...(opts.private ? { mode: 0o700 } : {}) });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(value)}\n`, opts.private ? { mode: 0o600 } : {});
    fs.renameSync(tmp, file);
    return true;
  } catch {
    return false;
  }
}
