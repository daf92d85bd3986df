import os from 'node:os';
import path from 'node:path';

/** Where the CLI keeps what outlives a run (the tool cache, compiled code): XDG_CACHE_HOME, else ~/.cache. */
export function cacheHome(env: Readonly<Record<string, string | undefined>>): string {
  return env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
}
