// In which order the targets' builds start. The run's last stretch is the hashing and inspection
// of whichever binary is built last, with nothing else left to do meanwhile; what that costs
// depends on the binary's format. An ELF file names its Go sections (the pcln table is read where
// the section header says), a Mach-O file too; a stripped Windows executable names none, and its
// pcln table is searched for through .rdata (charmbracelet/gum: 5.6 MB read to inspect its
// windows/amd64 binary, 0.65 MB for linux/amd64; the last target's hashing and inspection took a
// median of 45 ms after its build instead of 64 with windows/amd64 built last, bench/timeline.mjs).
// So Windows targets start first, then Darwin and iOS, then the rest; otherwise in the order given.
// The order of builds changes no output: reports and SHA256SUMS stay in the targets' order.
import type { Target } from '../config/config.ts';

/** Lower starts sooner: how long the target's binary takes to inspect, from longest to shortest. */
function inspectionRank(t: Target): number {
  if (t.goos === 'windows') return 0;
  if (t.goos === 'darwin' || t.goos === 'ios') return 1;
  return 2;
}

/** The items in the order their builds start: by their target's rank, stable within one rank. */
export function buildOrder<T>(items: readonly T[], targetOf: (item: T) => Target): T[] {
  return items
    .map((item, i) => ({ item, i, rank: inspectionRank(targetOf(item)) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.item);
}
