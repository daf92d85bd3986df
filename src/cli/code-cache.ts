// The CLI's compiled code, kept between runs. V8 compiles a function the first time it is called;
// Node's compile cache (module.enableCompileCache) keeps only what a module compiles when it
// loads, so every run compiled again each function it called: about 50 ms of CPU on a warm run
// of examples/hello, on the path to the first go command and after the last. The CLI's code is
// therefore one script (dist/cli-main.cjs), compiled here through node:vm, and the code V8 has
// compiled by the end of a run is written out for the next (vm.Script#createCachedData holds the
// functions compiled so far, lazily compiled ones included).
//
// What a kept file may be trusted for: V8 checks the V8 version, its flags and the source's
// length, not its bytes. So the file records the stat identity of the script it was made from,
// and a script whose stat differs, or that is not settled, is compiled from its source and not
// recorded (src/util/stat-identity.ts, the rule of the module tree records). The files live in the user's cache
// home, never a shared temp directory; whoever can write there can already change what the user
// runs. NODE_DISABLE_COMPILE_CACHE=1 turns keeping off, as it does for Node's own cache.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { fnv1a } from '../util/fnv.ts';
import { writeWhole } from '../util/records.ts';
import { settledAt, statIdentity } from '../util/stat-identity.ts';

const FORMAT = 'go-release-gate code cache v1';

export interface LoadedScript {
  exports: Record<string, unknown>;
  /** Whether compiled code kept by an earlier run was used. */
  fromCache: boolean;
  /**
   * Writes the code compiled so far: when none was kept for this script, V8 refused it, or fewer
   * than KEEPING_RUNS runs wrote it. For runs that ran the gate, not for a usage error. Best effort.
   */
  keep(): void;
}

interface Header {
  format: string;
  script: string;
  identity: string;
  /** How many runs have written this file: each adds what it compiled to what it loaded. */
  runs: number;
}

/**
 * Runs that write the kept code, each adding to it. A run loaded from kept code and writes it
 * again holds both what it loaded and what it compiled itself, so a first run that called little
 * (one that stopped at an early failure, one that built no Windows binary) does not decide for
 * good; after this many, a run only reads.
 */
const KEEPING_RUNS = 3;

/** Where the code compiled from script is kept, per Node version and architecture. */
export function cacheFileFor(cacheDir: string, script: string): string {
  return path.join(cacheDir, `cli-${fnv1a(script)}-${process.version}-${process.arch}`);
}

/** A kept file's header (its first line) and the compiled code after it; undefined if it has none. */
function parseKept(data: Buffer): { header: Partial<Header>; code: Buffer } | undefined {
  const nl = data.indexOf(0x0a);
  if (nl < 0) return undefined;
  try {
    return { header: JSON.parse(data.toString('utf8', 0, nl)) as Partial<Header>, code: data.subarray(nl + 1) };
  } catch {
    return undefined;
  }
}

/** The script a kept file names, from the start of the file; undefined when it names none. */
function scriptOf(file: string): string | undefined {
  const head = Buffer.alloc(4096);
  const fd = fs.openSync(file, 'r');
  let n: number;
  try {
    n = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const script = parseKept(head.subarray(0, n))?.header.script;
  return typeof script === 'string' ? script : undefined;
}

/** A partial write (writeWhole's file.<pid>.tmp) of a run that died; another run's write in progress is younger than this. */
const STALE_TMP_MS = 3_600_000;

/** Whether a file in the code cache directory can go: a partial write long dead, or the kept code of a script that is gone. */
function gone(file: string): boolean {
  if (file.endsWith('.tmp')) return Date.now() - fs.statSync(file).mtimeMs > STALE_TMP_MS;
  const script = scriptOf(file);
  return script === undefined || !fs.existsSync(script);
}

/**
 * Removes the kept files of scripts that are gone (an install removed, a checkout deleted): one
 * file is kept per script path and version of Node, and nothing else would ever remove them.
 * Runs only when a run writes its own file, the first three runs of an install. Best effort.
 */
function pruneGone(dir: string, own: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    if (file === own || !name.startsWith('cli-')) continue;
    try {
      if (gone(file)) fs.rmSync(file, { force: true });
    } catch {
      // Left for a later run.
    }
  }
}

/** The kept code for script and how many runs wrote it, when its header names this script as it is now. */
function readKept(file: string, script: string, identity: string): { data: Buffer; runs: number } | undefined {
  let kept;
  try {
    kept = parseKept(fs.readFileSync(file));
  } catch {
    return undefined;
  }
  const h = kept?.header;
  if (!h || h.format !== FORMAT || h.script !== script || h.identity !== identity || !Number.isInteger(h.runs)) return undefined;
  return { data: kept!.code, runs: h.runs! };
}

/**
 * Compiles and runs script (a CommonJS file) with the code kept for it in cacheDir, if any; its
 * exports. Without cacheDir nothing is read or kept.
 */
export function loadScript(script: string, cacheDir: string | undefined, now = Date.now()): LoadedScript {
  const fd = fs.openSync(script, 'r');
  let source: string;
  let stat: fs.Stats;
  try {
    // The identity as opened, before a byte is read: a write after it changes the next run's.
    stat = fs.fstatSync(fd);
    source = fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
  const identity = statIdentity(stat);
  const settled = settledAt(stat, now);
  const file = cacheDir && cacheFileFor(cacheDir, script);
  const kept = file && settled ? readKept(file, script, identity) : undefined;
  const cachedData = kept?.data;
  // Node's own wrapper for a CommonJS file, on the script's first line: line numbers stay.
  const compiled = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: script,
    ...(cachedData ? { cachedData } : {}),
  });
  const fromCache = cachedData !== undefined && !compiled.cachedDataRejected;
  const module = { exports: {} as Record<string, unknown> };
  (compiled.runInThisContext() as (...a: unknown[]) => void).call(module.exports, module.exports, createRequire(script), module, script, path.dirname(script));
  return {
    exports: module.exports,
    fromCache,
    keep() {
      const runs = fromCache ? kept!.runs : 0;
      if (!file || !settled || runs >= KEEPING_RUNS) return;
      try {
        const header: Header = { format: FORMAT, script, identity, runs: runs + 1 };
        writeWhole(file, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), compiled.createCachedData()]), { private: true });
      } catch {
        // Not kept: the next run compiles as this one did.
      }
      pruneGone(path.dirname(file), file);
    },
  };
}
