// How the builds share the machine's cores. The gate runs as many go builds at once as there are
// cores (a third on 2 cores cost 188 ms on charmbracelet/gum, BENCHMARKS.md). A go process left
// to itself sizes everything to every core (GOMAXPROCS = the core count): the go command's -p,
// the compiler's backend workers (-c), the linker's and the garbage collector's workers. Two such
// builds on 2 cores run twice the threads there are cores for, and the core one build's idle
// workers spin and collect on is the core the other build is waiting for. So each build gets its
// share: GOMAXPROCS = cores / builds at once, at least 1 (BENCHMARKS.md "peer": gum's four
// targets on 2 cores, cold and warm, in less CPU time and less wall time).
//
// The binaries are the same bytes: the compiler's and linker's output does not depend on how many
// workers made it, and GOMAXPROCS is not in the go command's cache keys, so a build given another
// share finds the same cache entries. A GOMAXPROCS the user set is theirs; a build that has the
// machine to itself gets nothing added.
import os from 'node:os';

/** The cores the gate may use: those this process may run on. */
export function cores(): number {
  return Math.max(1, os.availableParallelism());
}

/** How many builds run at once: one a core. */
export function buildSlots(): number {
  return cores();
}

/**
 * GOMAXPROCS for each of `builds` builds run at once on `cores` cores, as a variable to add;
 * none when the user set GOMAXPROCS or one build has every core.
 */
export function buildShare(env: Readonly<Record<string, string | undefined>>, cores: number, builds: number): Record<string, string> {
  if ((env.GOMAXPROCS ?? '') !== '') return {};
  const share = Math.max(1, Math.floor(cores / Math.max(1, Math.min(builds, cores))));
  return share >= cores ? {} : { GOMAXPROCS: String(share) };
}
