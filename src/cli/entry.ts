#!/usr/bin/env node
// The CLI's first module. Every start, V8 compiles the CLI's 600 KB of modules before the first
// go command can run, while the second core waits (about 25 ms of a warm run's critical path).
// Node keeps the compiled code when asked (module.enableCompileCache, Node 22.8 and later; a
// no-op before): in a directory of this user's cache home, never a shared temp directory, whose
// files anyone could plant. The cache is checked against the source it was made from, so a new
// version of the gate recompiles; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
import module from 'node:module';
import path from 'node:path';
import { cacheHome } from './cache-home.ts';
import { startEarly } from './early.ts';

try {
  (module as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache?.(path.join(cacheHome(process.env), 'go-release-gate', 'compile-cache'));
} catch {
  // No cache: compiled as on any start.
}
startEarly(process.argv.slice(2), process.env);
await import('./main.ts');
