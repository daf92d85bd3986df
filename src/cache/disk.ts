// The file-system side of the caches: finding go.sum files, sizing and listing cache
// directories, emptying them. Kept apart from the pure key and trim logic.
import fs from 'node:fs';
import path from 'node:path';
import type { CacheFile } from './trim.ts';

// Go ignores these directories when it looks for packages; a go.sum inside them is not ours.
const SKIP_DIR = (name: string) => name.startsWith('.') || name.startsWith('_') || name === 'testdata' || name === 'vendor' || name === 'node_modules';

/** Every go.sum and go.work.sum under root (symlinks not followed), with paths relative to root. */
export function findGoSums(root: string): { path: string; content: Buffer }[] {
  const found: { path: string; content: Buffer }[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIR(e.name)) walk(p);
      } else if (e.isFile() && (e.name === 'go.sum' || e.name === 'go.work.sum')) {
        found.push({ path: path.relative(root, p).split(path.sep).join('/'), content: fs.readFileSync(p) });
      }
    }
  };
  walk(root);
  return found;
}

/** Total bytes of the regular files under dir (0 when it does not exist). */
export function treeSize(dir: string): number {
  let total = 0;
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) total += fs.lstatSync(p).size;
    }
  };
  walk(dir);
  return total;
}

/** The files of a GOCACHE: top-level files and every "<xx>/<entry>" (an entry may be a directory). */
export function listGoCache(dir: string): CacheFile[] {
  const out: CacheFile[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isFile()) {
      const st = fs.lstatSync(p);
      out.push({ path: e.name, size: st.size, mtimeMs: st.mtimeMs });
      continue;
    }
    if (!e.isDirectory()) continue;
    for (const sub of fs.readdirSync(p, { withFileTypes: true })) {
      const q = path.join(p, sub.name);
      const st = fs.lstatSync(q);
      // Go marks an executable entry (a directory) used by setting the directory's mtime.
      out.push({ path: `${e.name}/${sub.name}`, size: sub.isDirectory() ? treeSize(q) : st.size, mtimeMs: st.mtimeMs });
    }
  }
  return out;
}

/** Removes a tree even when parts of it are read-only (a module cache saved without -modcacherw). */
export function removeTree(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
    return;
  } catch {
    // Make every directory writable, then try again.
  }
  const chmod = (d: string) => {
    try {
      fs.chmodSync(d, 0o755);
      for (const e of fs.readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) chmod(path.join(d, e.name));
    } catch {
      // best effort; rmSync below reports what is left
    }
  };
  chmod(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** An empty directory at dir: restores never meet an existing file ("Cannot open: File exists"). */
export function freshDir(dir: string): void {
  removeTree(dir);
  fs.mkdirSync(dir, { recursive: true });
}

export function isEmptyDir(dir: string): boolean {
  try {
    return fs.readdirSync(dir).length === 0;
  } catch {
    return true;
  }
}

/** Deletes what a trim plan drops; entries that vanished meanwhile are fine. */
export function applyTrim(dir: string, files: readonly CacheFile[]): void {
  for (const f of files) fs.rmSync(path.join(dir, ...f.path.split('/')), { recursive: true, force: true });
}

/**
 * The directories for this use of the gate in the job. The runner empties RUNNER_TEMP for every
 * job, so the first use always gets gomod/gocache and a second use in the same job (another
 * module) gets gomod-2/gocache-2, the same paths every run: @actions/cache ties an entry to
 * its paths, and two steps must never wipe or save each other's directories.
 */
/** More uses of the gate in one job than anyone runs: past this, something else fills the directory. */
const MAX_USES = 1000;

export function claimCacheDirs(root: string): { modules: string; build: string } {
  fs.mkdirSync(root, { recursive: true });
  for (let n = 1; n <= MAX_USES; n++) {
    try {
      fs.writeFileSync(path.join(root, `use-${n}`), String(process.pid), { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    }
    const suffix = n === 1 ? '' : `-${n}`;
    return { modules: path.join(root, `gomod${suffix}`), build: path.join(root, `gocache${suffix}`) };
  }
  throw new Error(`${root} already holds ${MAX_USES} claims (use-1 ... use-${MAX_USES}): not a directory this job's runs left`);
}
