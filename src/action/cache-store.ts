// CacheStore backed by @actions/cache (cache service v2 on hosted runners).
//
// @actions/cache never throws on a failed restore or save: it logs "Failed to restore: ..." /
// "Failed to save: ..." as a warning annotation and returns a miss (or -1). The gate must tell a
// failure from a miss (to report it, and to wipe a half-extracted directory), so while a call
// runs we watch the lines it writes: those failure lines become plain log text plus a thrown
// error, which the cache stage reports as one warning. Everything else passes through, plain
// lines made inert (src/util/logtext.ts).
import * as cache from '@actions/cache';
import type { CacheStore } from '../ports/ports.ts';
import { safeLogText } from '../util/logtext.ts';

const FAILURE = /^::(?:warning|error)(?: [^:]*)?::((?:Failed to (?:restore|save)|Cache reservation failed|uploadCacheArchiveSDK)[^\r\n]*)/;
// A lost race for a key is logged as plain info, not as an annotation.
const INFO_FAILURE = /^(Failed to save: [^\r\n]*)/;
// Logged before the download starts: which entry the service matched.
const MATCHED = /^Cache hit for(?: restore-key)?: ([^\r\n]*)/;

/** The workflow-command escaping of @actions/core, undone. */
function unescapeCommand(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

interface Listener {
  failure(message: string): void;
  matched(key: string): void;
}
const listeners = new Set<Listener>();
type Write = typeof process.stdout.write;
let passThrough: Write | undefined;

// Installed while at least one call runs, removed after the last; whatever write function was
// in place (another wrapper included) gets every byte, failure lines as plain text.
const watchingWrite = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
  const write = (passThrough ?? process.stdout.write) as (c: string | Uint8Array, ...r: unknown[]) => boolean;
  const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  const m = FAILURE.exec(text) ?? INFO_FAILURE.exec(text);
  if (m) {
    const message = unescapeCommand(m[1]);
    for (const l of listeners) l.failure(message);
    return write.call(process.stdout, `${safeLogText(message)}\n`, ...rest);
  }
  const hit = MATCHED.exec(text);
  if (hit) for (const l of listeners) l.matched(hit[1]);
  // One write is one record of @actions/core: a command it built (escaped, one line) or an
  // info line, which carries values raw (a matched key, a service message): made inert.
  if (!text.startsWith('::')) {
    const safe = safeLogText(text);
    if (safe !== text) return write.call(process.stdout, safe, ...rest);
  }
  return write.call(process.stdout, chunk, ...rest);
}) as Write;

async function watching<T>(fn: () => Promise<T>): Promise<{ value: T; failures: string[]; matched?: string }> {
  const seen: { failures: string[]; matched?: string } = { failures: [] };
  const listener: Listener = { failure: (f) => seen.failures.push(f), matched: (k) => (seen.matched = k) };
  if (process.stdout.write !== watchingWrite) {
    passThrough = process.stdout.write;
    process.stdout.write = watchingWrite;
  }
  listeners.add(listener);
  try {
    const value = await fn();
    return { value, ...seen };
  } finally {
    listeners.delete(listener);
    if (listeners.size === 0 && process.stdout.write === watchingWrite && passThrough) {
      process.stdout.write = passThrough;
      passThrough = undefined;
    }
  }
}

/** A restore that failed; matchedKey names the entry the service had found, when it got that far. */
export class CacheRestoreError extends Error {
  readonly matchedKey?: string;
  constructor(message: string, matchedKey?: string) {
    super(message);
    this.name = 'CacheRestoreError';
    if (matchedKey) this.matchedKey = matchedKey;
  }
}

export function actionCacheStore(): CacheStore | undefined {
  if (!cache.isFeatureAvailable()) return undefined;
  return {
    kind: 'actions/cache',
    savedAt: 'post step',
    async restore(paths, primaryKey, restoreKeys) {
      const { value: matchedKey, failures, matched } = await watching(() => cache.restoreCache(paths, primaryKey, restoreKeys));
      if (matchedKey) return { matchedKey };
      if (failures.length) throw new CacheRestoreError(failures.join('; '), matched);
      return {};
    },
    async save(paths, key) {
      const { value: id, failures } = await watching(() => cache.saveCache(paths, key));
      if (id === -1) throw new Error(failures.join('; ') || `the cache service did not accept ${key}`);
    },
  };
}
