// The hashes the module cache holds for what it downloaded: `<module>@<version>.ziphash`
// (the h1 of the module tree) and the h1 of the cached go.mod. The go command checked them
// against go.sum or the checksum database when it downloaded them, and `go mod verify` checks
// the cache against them; comparing every go.sum line with them finds a go.sum edited after
// the fact, which `go mod verify` alone does not (golang/go#47752).
import fs from 'node:fs';
import path from 'node:path';
import { sha256Hash, sha256Hex } from '../util/hash.ts';

/** The module cache's case encoding: every upper-case letter becomes '!' + its lower case. */
export function escapeModulePath(p: string): string {
  return p.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

/** dirhash.Hash1 of a single go.mod file, as go.sum's "/go.mod" lines record it. */
export function goModHash(content: Uint8Array): string {
  const fileHash = sha256Hex(content);
  return `h1:${sha256Hash().update(`${fileHash}  go.mod\n`).digest('base64')}`;
}

function downloadBase(modcache: string, modulePath: string, version: string): string {
  return path.join(modcache, 'cache', 'download', ...escapeModulePath(modulePath).split('/'), '@v', escapeModulePath(version));
}

/**
 * The file's bytes, or undefined when it does not exist (any other error is thrown). Read
 * synchronously: these are files of a few dozen bytes, a go.sum asks for hundreds, and each
 * asynchronous read is four round trips through the thread pool (open, stat, read, close).
 */
export async function readOrUndefined(file: string): Promise<Buffer | undefined> {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** The cached h1 of the module tree, or undefined when it was never downloaded. */
export async function cachedModuleHash(modcache: string, modulePath: string, version: string): Promise<string | undefined> {
  const data = await readOrUndefined(`${downloadBase(modcache, modulePath, version)}.ziphash`);
  return data?.toString('utf8').trim();
}

/** The h1 of the cached go.mod, or undefined when it was never downloaded. */
export async function cachedGoModHash(modcache: string, modulePath: string, version: string): Promise<string | undefined> {
  const data = await readOrUndefined(`${downloadBase(modcache, modulePath, version)}.mod`);
  return data ? goModHash(data) : undefined;
}
