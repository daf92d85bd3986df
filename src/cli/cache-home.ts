import os from 'node:os';
import path from 'node:path';

/** Where the CLI keeps what outlives a run (the tool cache, compiled code): XDG_CACHE_HOME, else ~/.cache. */
export function cacheHome(env: Readonly<Record<string, string | undefined>>): string {
  return env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
}

/** One of the CLI's directories there: tools, code-cache (compiled code), kept (the toolchain probe's answers). */
export function gateCacheDir(env: Readonly<Record<string, string | undefined>>, name: 'tools' | 'code-cache' | 'kept'): string {
  return path.join(cacheHome(env), 'go-release-gate', name);
}
