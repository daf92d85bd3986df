// Where the tests find Go and keep what they fetch or build: one place, so every helper agrees.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The Go toolchain the tests run (GRG_TEST_GO overrides). */
export const GO = process.env.GRG_TEST_GO ?? (fs.existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : 'go');

/** The user's cache home ($XDG_CACHE_HOME, else ~/.cache): caches live outside the repository. */
export const CACHE_HOME = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');

/** A directory under the tests' cache (created): fetched corpora, module caches, fixture DBs. */
export function testCacheDir(...parts: string[]): string {
  const dir = path.join(CACHE_HOME, 'go-release-gate-test', ...parts);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Where scripts/tools/*.sh put the pinned Trivy and cosign builds. */
export const TOOLS_DIR = path.join(CACHE_HOME, 'go-release-gate-tools');
