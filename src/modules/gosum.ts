// go.sum: one "module version[/go.mod] h1:hash" line per hash. `h1:` is the hash of the
// module's file tree, `/go.mod` lines the hash of its go.mod alone. Kept with line numbers so a
// missing or wrong hash is reported on the line a reviewer can see.
import { ModuleFileError, splitLines } from './errors.ts';
import { isModulePath, isModuleVersion } from './modfile.ts';

export interface SumLine {
  path: string;
  /** Module version without the /go.mod suffix. */
  version: string;
  /** True for the hash of the module's go.mod file ("v1.2.3/go.mod"). */
  goMod: boolean;
  /** e.g. "h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=" */
  hash: string;
  line: number;
}

export interface GoSum {
  file: string;
  lines: SumLine[];
}

// h1 is base64 of a SHA-256: 43 characters and one '='. Other algorithms (h2, ...) are not
// defined yet; the go command would keep them, so only their shape is checked.
const H1 = /^h1:[A-Za-z0-9+/]{43}=$/;
const OTHER_HASH = /^h([2-9]|[1-9]\d+):[A-Za-z0-9+/]+={0,2}$/;

export function parseGoSum(text: string, file: string): GoSum {
  const lines: SumLine[] = [];
  splitLines(text).forEach((raw, i) => {
    const line = i + 1;
    const f = raw.trim().split(/\s+/).filter((s) => s !== '');
    if (f.length === 0) return;
    if (f.length !== 3) throw new ModuleFileError(file, line, `expected "module version hash", found ${f.length} field${f.length === 1 ? '' : 's'}`);
    const [path, rawVersion, hash] = f;
    const goMod = rawVersion.endsWith('/go.mod');
    const version = goMod ? rawVersion.slice(0, -'/go.mod'.length) : rawVersion;
    if (!isModulePath(path)) throw new ModuleFileError(file, line, `"${path}" is not a module path`);
    if (!isModuleVersion(version)) throw new ModuleFileError(file, line, `"${rawVersion}" is not a version of the form v1.2.3 or v1.2.3/go.mod`);
    if (!H1.test(hash) && !(OTHER_HASH.test(hash) && !hash.startsWith('h1:'))) {
      throw new ModuleFileError(file, line, `"${hash}" is not a hash of the form h1:<44 base64 characters>`);
    }
    lines.push({ path, version, goMod, hash, line });
  });
  return { file, lines };
}

export function sumKey(path: string, version: string, goMod: boolean): string {
  return `${path} ${version}${goMod ? '/go.mod' : ''}`;
}

/** Lines by "path version[/go.mod]", over one or more go.sum files (a workspace has several). */
export function indexSums(sums: readonly GoSum[]): Map<string, { sum: GoSum; entry: SumLine }[]> {
  const index = new Map<string, { sum: GoSum; entry: SumLine }[]>();
  for (const sum of sums) {
    for (const entry of sum.lines) {
      const key = sumKey(entry.path, entry.version, entry.goMod);
      const list = index.get(key) ?? [];
      list.push({ sum, entry });
      index.set(key, list);
    }
  }
  return index;
}

export interface SumConflict {
  first: { file: string; entry: SumLine };
  second: { file: string; entry: SumLine };
}

/** Two h1 hashes recorded for the same module version: at most one of them can be true. */
export function findSumConflicts(sums: readonly GoSum[]): SumConflict[] {
  const out: SumConflict[] = [];
  for (const list of indexSums(sums).values()) {
    const h1 = list.filter((x) => x.entry.hash.startsWith('h1:'));
    for (let i = 1; i < h1.length; i++) {
      if (h1[i].entry.hash !== h1[0].entry.hash) {
        out.push({ first: { file: h1[0].sum.file, entry: h1[0].entry }, second: { file: h1[i].sum.file, entry: h1[i].entry } });
      }
    }
  }
  return out;
}
