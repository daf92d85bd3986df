// Reading a shard bundle from a directory: shard.json, report.json, results.sarif, SHA256SUMS
// and the binaries. A bundle comes from another job (or a download): every file is read only
// if it is a regular file (never through a link), and every problem names the file.
import fs from 'node:fs';
import path from 'node:path';
import { sha256File } from '../util/hash.ts';
import { BundleError, MANIFEST_NAME, parseChecksums, parseManifest } from './manifest.ts';
import type { ShardView } from './check.ts';

type Obj = Record<string, unknown>;

export interface LoadedBundle {
  dir: string;
  view: ShardView;
  report: Obj;
  sarif: Obj;
}

/** The bytes of dir/name when it is a regular file (no link followed); undefined when absent. */
export function readRegular(dir: string, name: string): Buffer | undefined {
  const p = path.join(dir, name);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  if (!st.isFile()) throw new BundleError(`${p} is not a regular file (${st.isSymbolicLink() ? 'a symbolic link' : 'not a file'})`);
  const fd = fs.openSync(p, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function required(dir: string, name: string): Buffer {
  const data = readRegular(dir, name);
  if (!data) throw new BundleError(`${path.join(dir, name)} is missing: not a complete shard bundle`);
  return data;
}

function json(dir: string, name: string): Obj {
  try {
    const v = JSON.parse(required(dir, name).toString('utf8')) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Obj;
    throw new Error('not a JSON object');
  } catch (e) {
    if (e instanceof BundleError) throw e;
    throw new BundleError(`${path.join(dir, name)}: ${(e as Error).message}`);
  }
}

export function loadBundle(dir: string, source: string): LoadedBundle {
  const manifestFile = path.join(dir, MANIFEST_NAME);
  const manifest = parseManifest(required(dir, MANIFEST_NAME).toString('utf8'), manifestFile);
  const report = json(dir, manifest.files.report);
  const sarif = json(dir, manifest.files.sarif);
  const sumsName = manifest.files.checksums;
  const checksums = sumsName ? parseChecksums(required(dir, sumsName).toString('utf8'), path.join(dir, sumsName)) : [];
  return { dir, report, sarif, view: { source, manifest, reportVerdict: String(report.verdict), checksums } };
}

/** SHA-256 of the bundle's file now (streamed), undefined when absent or not a regular file. */
export function digestNow(dir: string, name: string): string | undefined {
  const p = path.join(dir, name);
  const st = fs.lstatSync(p, { throwIfNoEntry: false });
  if (!st?.isFile()) return undefined;
  return sha256File(p, { noFollow: true });
}
