// Reads every file the checks depend on: go.mod (one per workspace module), go.work, the go.sum
// files and vendor/modules.txt, parsed with their line numbers. Parse errors are collected (not
// thrown one at a time) so a run reports every malformed file at once.
import fs from 'node:fs';
import path from 'node:path';
import { ModuleFileError } from './errors.ts';
import { parseGoMod } from './gomod.ts';
import { parseGoWork, type GoWork } from './gowork.ts';
import { parseGoSum, type GoSum } from './gosum.ts';
import { parseModulesTxt, type ModulesTxt } from './modulestxt.ts';
import type { MainModule } from './consistency.ts';

export interface ModuleSetup {
  /** The module at the configured directory; undefined when that directory only holds go.work. */
  main?: MainModule;
  /** Module mode: [main]. Workspace mode: every module go.work uses. */
  mains: MainModule[];
  work?: { gowork: GoWork; dir: string };
  /** Each go.sum of `mains`, then go.work.sum; absent files are empty. */
  sums: GoSum[];
  /** Absolute vendor directory: next to go.mod, or next to go.work in a workspace. */
  vendorDir: string;
  hasVendor: boolean;
  /** Parsed vendor/modules.txt; undefined when there is no vendor dir or it lacks modules.txt. */
  txt?: ModulesTxt;
  /** Exact bytes of every file read, by absolute path (to prove no go command rewrote them). */
  contents: Map<string, Buffer>;
}

export interface LoadResult {
  setup?: ModuleSetup;
  errors: ModuleFileError[];
}

/** Repository-relative, '/'-separated: how every location is reported. */
export function relativeTo(root: string, abs: string): string {
  const rel = path.relative(root, abs).split(path.sep).join('/');
  return rel === '' ? '.' : rel;
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.promises.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw e;
  }
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * @param dir absolute module directory (the configured working directory)
 * @param workFile absolute go.work path when `go env GOWORK` names one, else ''
 * @param root repository root that locations are relative to
 */
export async function loadModuleSetup(dir: string, workFile: string, root: string): Promise<LoadResult> {
  const errors: ModuleFileError[] = [];
  const contents = new Map<string, Buffer>();
  const rel = (abs: string) => relativeTo(root, abs);
  const parse = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ModuleFileError) {
        errors.push(e);
        return undefined;
      }
      throw e;
    }
  };
  const read = async (abs: string) => {
    const data = await readIfExists(abs);
    if (data) contents.set(abs, data);
    return data;
  };

  let work: ModuleSetup['work'];
  const moduleDirs: string[] = [];
  if (workFile) {
    const data = await read(workFile);
    if (!data) {
      errors.push(new ModuleFileError(rel(workFile), 1, 'go.work named by GOWORK does not exist'));
      return { errors };
    }
    const gowork = parse(() => parseGoWork(data.toString('utf8'), rel(workFile)));
    if (gowork) {
      work = { gowork, dir: path.dirname(workFile) };
      for (const u of gowork.uses) moduleDirs.push(path.resolve(work.dir, u.dir));
    }
  } else {
    moduleDirs.push(dir);
  }

  const mains: MainModule[] = [];
  const sums: GoSum[] = [];
  for (const modDir of moduleDirs) {
    const goModPath = path.join(modDir, 'go.mod');
    const data = await read(goModPath);
    if (!data) {
      errors.push(new ModuleFileError(rel(goModPath), 1, workFile ? `go.work uses ${rel(modDir)}, which has no go.mod` : `no go.mod in ${rel(modDir)}`));
      continue;
    }
    const gomod = parse(() => parseGoMod(data.toString('utf8'), rel(goModPath)));
    if (gomod) mains.push({ gomod, dir: modDir });
    const sumPath = path.join(modDir, 'go.sum');
    const sumData = await read(sumPath);
    const sum = sumData ? parse(() => parseGoSum(sumData.toString('utf8'), rel(sumPath))) : { file: rel(sumPath), lines: [] };
    if (sum) sums.push(sum);
  }
  if (work) {
    const workSumPath = path.join(work.dir, 'go.work.sum');
    const data = await read(workSumPath);
    if (data) {
      const sum = parse(() => parseGoSum(data.toString('utf8'), rel(workSumPath)));
      if (sum) sums.push(sum);
    }
  }

  const vendorDir = path.join(work ? work.dir : dir, 'vendor');
  const hasVendor = await isDirectory(vendorDir);
  let txt: ModulesTxt | undefined;
  if (hasVendor) {
    const txtPath = path.join(vendorDir, 'modules.txt');
    const data = await read(txtPath);
    if (data) txt = parse(() => parseModulesTxt(data.toString('utf8'), rel(txtPath)));
  }

  if (errors.length) return { errors };
  const main = mains.find((m) => path.resolve(m.dir) === path.resolve(dir));
  return { setup: { main, mains, work, sums, vendorDir, hasVendor, txt, contents }, errors };
}
