// A Go module with a real dependency (golang.org/x/text, pinned) for the cache tests, and a
// module proxy on the local disk so the gate's own go commands never leave the machine.
//
// The dependency is fetched once from the Go module proxy into a module cache shared by test
// runs (support code, outside the gate). The gate then runs with GOPROXY=file://<that cache>/
// cache/download: Go reads that directory exactly like a proxy, so an empty GOMODCACHE fills
// from disk and a test can tell a restored module cache from a fresh download without network.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT } from './runner.ts';

import { GO, testCacheDir } from './env.ts';

export { GO };
export const SHARED_MODCACHE = process.env.GRG_TEST_GOMODCACHE ?? testCacheDir('gomodcache');
export const CACHE_APP = path.join(ROOT, 'test', 'fixtures', 'cache', 'app');
/** go.mod and go.sum of the same app after a dependency bump (x/text v0.21.0 -> v0.22.0). */
export const CACHE_APP_NEXT = path.join(ROOT, 'test', 'fixtures', 'cache', 'next');

function go(args: string[], cwd: string, env: Record<string, string>): string {
  try {
    return execFileSync(GO, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`go ${args.join(' ')} in ${cwd} failed: ${err.stderr ?? err.message}`);
  }
}

function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  for (const k of ['GOFLAGS', 'GOPROXY', 'GOSUMDB', 'GONOSUMDB', 'GOPRIVATE', 'GOINSECURE', 'GOWORK', 'GOCACHE']) delete env[k];
  return { ...env, GOTOOLCHAIN: 'local' };
}

let seeded = false;

/** Downloads the fixture's modules (both go.sum variants) from the module proxy once. */
export function seedModuleProxy(): void {
  if (seeded) return;
  const env = { ...baseEnv(), GOMODCACHE: SHARED_MODCACHE, GOFLAGS: '-modcacherw' };
  for (const variant of [CACHE_APP, CACHE_APP_NEXT]) go(['mod', 'download', '-x'], variant, env);
  seeded = true;
}

/**
 * Environment for a gate that must not use the network: modules come from the seeded cache
 * through a file:// proxy (go.sum pins every hash, so the checksum database is never asked),
 * and every HTTP(S) request that is not to loopback goes to a closed port, so an attempt to
 * reach the network fails loudly instead of quietly succeeding.
 */
export function offlineGoEnv(): Record<string, string> {
  seedModuleProxy();
  const nowhere = 'http://127.0.0.1:9';
  return {
    GOPROXY: `file://${path.join(SHARED_MODCACHE, 'cache', 'download')}`,
    GOFLAGS: '-buildvcs=false',
    GOTOOLCHAIN: 'local',
    HTTPS_PROXY: nowhere,
    HTTP_PROXY: nowhere,
    https_proxy: nowhere,
    http_proxy: nowhere,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
  };
}

/** A fresh workspace holding a copy of the fixture app at <ws>/app. */
export function cacheWorkspace(): { ws: string; app: string } {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cache-ws-'));
  const app = path.join(ws, 'app');
  fs.cpSync(CACHE_APP, app, { recursive: true });
  return { ws, app };
}

/** The dependency bump: a new go.sum (and go.mod) in the same app. */
export function bumpDependency(app: string): void {
  for (const f of ['go.mod', 'go.sum']) fs.copyFileSync(path.join(CACHE_APP_NEXT, f), path.join(app, f));
}

/** A commit that changes one package of the app. */
export function editGreeting(app: string, message: string): void {
  fs.writeFileSync(
    path.join(app, 'internal', 'greet', 'greet.go'),
    `// Package greet changes between the test's commits.\npackage greet\n\nfunc Message() string { return ${JSON.stringify(message)} }\n`,
  );
}

/** A commit that stops using golang.org/x/text (go.mod still requires it: go build does not mind). */
export function dropTextDependency(app: string): void {
  fs.writeFileSync(
    path.join(app, 'main.go'),
    '// A small release target.\npackage main\n\nimport (\n\t"fmt"\n\n\t"example.com/cacheapp/internal/greet"\n)\n\nfunc main() { fmt.Println(greet.Message()) }\n',
  );
}

/** Moves every mtime under dir back by ms (files and directories). */
export function ageTree(dir: string, ms: number): void {
  const walk = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name));
    if (!st.isSymbolicLink()) fs.utimesSync(p, new Date(st.atimeMs - ms), new Date(st.mtimeMs - ms));
  };
  walk(dir);
}
