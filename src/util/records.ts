// Records the gate keeps for a later run: answers it may take instead of finding them again.
// The modules stage's live in GOCACHE (go-release-gate/<name>: a module found tidy, the hash of an
// unchanged module tree), where the cache stage saves them with the build cache and one in use is
// touched, so the cache trim, which drops what a run did not use, keeps it. The CLI's own (the
// toolchain probe's answer, its compiled code) live in the user's cache home, readable by the
// user only. Reading or writing one is best effort: a record that cannot be read or written only
// means finding the answer again.
import fs from 'node:fs';
import path from 'node:path';

export function gateRecordFile(gocache: string, name: string): string {
  return path.join(gocache, 'go-release-gate', name);
}

/**
 * The parsed record, touched when its mtime is touchAfterMs old or more (Infinity: never, for a
 * record outside GOCACHE); undefined when absent or unreadable.
 */
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
 * Writes data to file whole: a temporary file (file.<pid>.tmp) renamed over it, so a run reading
 * it meanwhile sees the old bytes or the new ones. private: mode 0600, in a directory made 0700
 * (the user's cache home, not GOCACHE). Throws when it cannot.
 */
export function writeWhole(file: string, data: string | Uint8Array, opts: { private?: boolean } = {}): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, ...(opts.private ? { mode: 0o700 } : {}) });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, opts.private ? { mode: 0o600 } : {});
  fs.renameSync(tmp, file);
}

/** Writes the record whole (writeWhole). False when it could not be written. */
export function writeRecord(file: string, value: unknown, opts: { private?: boolean } = {}): boolean {
  try {
    writeWhole(file, `${JSON.stringify(value)}\n`, opts);
    return true;
  } catch {
    return false;
  }
}
