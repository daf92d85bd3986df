// The extracted module trees the build compiles from, hashed the way go.sum records them
// (dirhash h1, src/modules/tree.ts) and compared with the hash the module cache kept when the
// module was downloaded (its .ziphash, which the go.sum check compares with go.sum).
//
// This is `go mod verify` without its second half: go mod verify also inflates and rehashes
// every cached .zip, which costs about three times the tree hash (measured on gum: 1.1 against
// 0.36 CPU-seconds) and proves nothing about this run's binaries, because the go command builds
// from the extracted trees and extracts a zip only when its tree is missing. When a listed
// module has a zip but no tree, the caller falls back to go mod verify, zips included.
// A tree no file of which changed since an earlier run hashed it is not read again (treememo.ts).
import { hashTreeYielding, moduleTreeHash } from './tree.ts';
import { readOrUndefined } from './cachesums.ts';
import type { VerifyProblem } from './gooutput.ts';
import { recordTreeHash, recordedTreeHash, treeRoot, type EntryStat, type TreeMemo } from './treememo.ts';

export interface TreeModule {
  path: string;
  version: string;
  /** The extracted tree, as `go mod download -json` reports it. */
  dir: string;
  /** The cached zip; its hash file is `${zip}hash`. */
  zip: string;
}


/**
 * Each tree against the hash recorded at download, in go mod verify's words for the same problems.
 * With memo, a tree unchanged since an earlier run hashed it takes that run's hash
 * (src/modules/treememo.ts), and each tree hashed now is recorded for later runs.
 */
export async function verifyTrees(modules: readonly TreeModule[], memo?: TreeMemo): Promise<{ problems: VerifyProblem[]; checked: number; reused: number }> {
  const problems: VerifyProblem[] = [];
  let checked = 0;
  let reused = 0;
  for (const m of modules) {
    const recorded = (await readOrUndefined(`${m.zip}hash`))?.toString('utf8').trim();
    if (recorded === undefined) {
      problems.push({ path: m.path, version: m.version, problem: `missing ziphash: ${m.zip}hash does not exist` });
      continue;
    }
    if (memo && recordedTreeHash(memo, m.dir, recorded) !== undefined) {
      checked++;
      reused++;
      // A tree's stats are one synchronous stretch: the build's processes, started and watched
      // from this thread, are seen to between two trees (gum's 51 took 120-200 ms at once).
      await new Promise<void>((resolve) => setImmediate(resolve));
      continue;
    }
    const startedMs = memo?.now?.() ?? Date.now();
    // Stats only where a record could be made: a tree just extracted or restored is not settled.
    const root = memo ? treeRoot(m.dir, startedMs) : undefined;
    const stats: EntryStat[] | undefined = root?.settled ? [] : undefined;
    let tree;
    try {
      // In slices: the build's processes are started and watched from this thread meanwhile.
      tree = await hashTreeYielding(m.dir, stats);
    } catch (e) {
      problems.push({ path: m.path, version: m.version, problem: `dir could not be hashed (${m.dir}): ${(e as Error).message}` });
      continue;
    }
    const odd = [...tree].find(([, e]) => e.kind !== 'file');
    if (odd) {
      problems.push({ path: m.path, version: m.version, problem: `dir has been modified (${m.dir}): ${odd[0]} is ${odd[1].kind === 'link' ? 'a symbolic link' : 'not a regular file'}, which extraction never makes` });
      continue;
    }
    checked++;
    if (moduleTreeHash(tree, `${m.path}@${m.version}`) !== recorded) problems.push({ path: m.path, version: m.version, problem: `dir has been modified (${m.dir})` });
    else if (memo && root && stats) recordTreeHash(memo, m.dir, recorded, root, stats, startedMs);
  }
  return { problems, checked, reused };
}
