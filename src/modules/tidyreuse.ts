// `go mod tidy -diff` is the slowest of the module checks on a warm run (it loads every package
// of the module for every platform and build tag, tests included), and its answer is a function
// of a few inputs: go.mod, go.sum, the package clause, build constraints and imports of every Go
// file of the module, the go command and its module settings. A module found tidy is recorded
// under a key of exactly those inputs; a later run with the same key reuses the answer, the way
// `go test` reuses a test result. Only "tidy" is recorded: a difference or a failure is asked again.
//
// Not reused at all when an input lies outside these files: a directory replace (its packages and
// go.mod count), or a go.work workspace.
import fs from 'node:fs';
import path from 'node:path';
import { goFileHeaderEnd } from './goheader.ts';
import { gateRecordFile, readRecord, writeRecord } from '../util/records.ts';
import type { MainModule } from './consistency.ts';
import { sha256Hash } from '../util/hash.ts';

/** Bumped whenever what the key covers changes: older records then never match. */
const KEY_VERSION = 'go-release-gate tidy v1';

/** The go settings that change which modules and packages tidy loads, or how it resolves them. */
export const TIDY_SETTINGS = [
  'GOFLAGS', 'GOPROXY', 'GONOPROXY', 'GOSUMDB', 'GONOSUMDB', 'GOPRIVATE', 'GOINSECURE', 'GONOSUMCHECK',
  'GOEXPERIMENT', 'GO111MODULE', 'GOWORK', 'GODEBUG', 'GOVCS', 'GOTOOLCHAIN',
] as const;

export interface TidyInputs {
  main: MainModule;
  /** Exact bytes of go.mod and go.sum as the stage read them (absent go.sum: undefined). */
  gomod: Buffer;
  gosum: Buffer | undefined;
  goVersion: string;
  goroot: string;
  settings: Readonly<Record<string, string>>;
}

/**
 * Every Go file tidy may read in the module at dir, by '/'-separated path: what the go command
 * walks for the module's packages, minus only what it never reads (directories starting with
 * "." or "_", testdata, the root vendor/, nested modules). Undefined when a symbolic link is met:
 * the go command does not follow linked directories, and the key does not guess. Read
 * synchronously, like the files themselves in tidyKey: they are many and small, and each
 * asynchronous read is four round trips through the thread pool.
 */
function moduleGoFiles(dir: string): string[] | undefined {
  const out: string[] = [];
  const walk = (abs: string, rel: string): boolean => {
    const entries = fs.readdirSync(abs, { withFileTypes: true });
    if (rel !== '' && entries.some((e) => e.name === 'go.mod')) return true;
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isSymbolicLink()) return false;
      if (e.isDirectory()) {
        if (e.name.startsWith('.') || e.name.startsWith('_') || e.name === 'testdata' || childRel === 'vendor') continue;
        if (!walk(path.join(abs, e.name), childRel)) return false;
      } else if (e.isFile() && e.name.endsWith('.go')) out.push(childRel);
    }
    return true;
  };
  if (!walk(dir, '')) return undefined;
  return out.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** The key of one tidy check, or undefined when its answer depends on more than the key covers. */
export async function tidyKey(inputs: TidyInputs): Promise<string | undefined> {
  const { main } = inputs;
  if (main.gomod.replaces.some((r) => r.local)) return undefined;
  const files = moduleGoFiles(main.dir);
  if (!files) return undefined;
  const h = sha256Hash();
  const field = (name: string, value: string | Buffer) => {
    const bytes = typeof value === 'string' ? Buffer.from(value) : value;
    h.update(`${name} ${bytes.length}\n`).update(bytes).update('\n');
  };
  field('version', KEY_VERSION);
  field('go', inputs.goVersion);
  field('goroot', inputs.goroot);
  for (const s of TIDY_SETTINGS) field(`env ${s}`, inputs.settings[s] ?? '');
  field('go.mod', inputs.gomod);
  field('go.sum', inputs.gosum ?? '(absent)');
  for (const rel of files) {
    const src = fs.readFileSync(path.join(main.dir, rel));
    field(`file ${rel}`, src.subarray(0, goFileHeaderEnd(src)));
  }
  return h.digest('hex');
}

/** Where a tidy answer is looked up and recorded: a GOCACHE and the key of one module's inputs. */
export interface TidyReuse { gocache: string; key: string }

/** Where a module found tidy is recorded: inside GOCACHE, so the cache stage saves it with the build cache. */
export function tidyRecordFile(gocache: string, key: string): string {
  return gateRecordFile(gocache, `tidy-${key}`);
}

/** When an earlier run found the same inputs tidy; marks the record used (the cache trim keeps used entries). */
export async function reusedTidy(gocache: string, key: string): Promise<string | undefined> {
  const rec = readRecord(tidyRecordFile(gocache, key), 0) as { key?: string; tidy?: boolean; at?: string } | undefined;
  return rec?.key === key && rec.tidy === true && typeof rec.at === 'string' ? rec.at : undefined;
}

/** Records that these inputs are tidy. Best effort: a cache that cannot be written only means asking again next time. */
export async function recordTidy(gocache: string, key: string, at = new Date()): Promise<void> {
  writeRecord(tidyRecordFile(gocache, key), { key, tidy: true, at: at.toISOString() });
}
