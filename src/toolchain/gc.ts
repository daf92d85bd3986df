// How the go processes the gate starts collect garbage. The go command and the linker run with
// Go's default GOGC=100; on a warm build the links are most of the work, and a good part of a
// link is garbage collection. GOGC=400 collects a fifth as often: on charmbracelet/gum's four
// warm links about 0.2 CPU-seconds less (bench/peer.mjs, BENCHMARKS.md "peer (warm)"). The binaries are
// the same bytes: the collector's pace never reaches the output.
//
// GOMEMLIMIT keeps the larger heap bounded: one core's share of the machine's memory per
// process, so the parallel builds of a large program stay within memory. Below a fifth of that
// limit GOGC=400 decides; near it the collector works as hard as the limit needs.
//
// A GOGC or GOMEMLIMIT the user set is theirs: then neither is added.
export function goGcSettings(env: Readonly<Record<string, string | undefined>>, machine: { totalMemBytes: number; cores: number }): Record<string, string> {
  if ((env.GOGC ?? '') !== '' || (env.GOMEMLIMIT ?? '') !== '') return {};
  const perCoreMiB = Math.floor(machine.totalMemBytes / Math.max(1, machine.cores) / (1 << 20));
  // Under 1 GiB a core, the default pace is the safer one.
  if (!(perCoreMiB >= 1024)) return {};
  return { GOGC: '400', GOMEMLIMIT: `${perCoreMiB}MiB` };
}
