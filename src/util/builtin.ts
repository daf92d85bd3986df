// Node's own modules that a run may never need, loaded on first use instead of when the bundle
// loads: an ES module import of node:crypto is about 10 ms of the CLI's start (with what it
// brings along), on the path to the first go command; node:zlib is needed only for a SARIF file
// that might not fit GitHub's limit. test/e2e/cli-startup.test.ts holds the start-up to it.
import { createRequire } from 'node:module';

/** The built-in module id, loaded the first time the returned function is called. */
export function onFirstUse<T>(id: `node:${string}`): () => T {
  let loaded: T | undefined;
  // The require is made on that call too: importing this file has no effect of its own (the
  // bundle script imports the inputs' declaration from a data: URL, where none could be made).
  return () => (loaded ??= createRequire(import.meta.url)(id) as T);
}
