// Where a finding about a module belongs: the go.mod line that requires (or replaces) it,
// its go.sum line, its vendor/modules.txt line, or, for settings of the whole build, the
// module line of go.mod.
import type { Location } from '../pipeline/findings.ts';
import type { ModuleSetup } from './load.ts';
import { indexSums, sumKey, type GoSum, type SumLine } from './gosum.ts';
import { replacementFor } from './gomod.ts';

export interface Locator {
  /** go.mod line requiring `path` (its replace line when that version is replaced), or the replace whose target is `path`. */
  require(path: string): Location | undefined;
  /** go.sum lines for path version[/go.mod], over every sum file. */
  sums(path: string, version: string, goMod: boolean): { file: string; entry: SumLine }[];
  /** vendor/modules.txt header line of `path`. */
  vendored(path: string): Location | undefined;
  /** The place for findings about the whole build: go.mod's module line (go.work's first line in a bare workspace). */
  build(): Location;
  /** require(), else vendored(), else build(). */
  module(path: string): Location;
}

export function locator(setup: ModuleSetup): Locator {
  const mains = setup.main ? [setup.main, ...setup.mains.filter((m) => m !== setup.main)] : setup.mains;
  const index = indexSums(setup.sums as GoSum[]);
  const l: Locator = {
    require(path) {
      for (const { gomod } of mains) {
        const r = gomod.requires.find((x) => x.path === path);
        if (!r) continue;
        // A replaced version is built from what the replace names: that line is where to look.
        // go.work's replaces win over a module's own, as the go command reads them.
        const workRep = setup.work ? replacementFor(setup.work.gowork.replaces, path, r.version) : undefined;
        if (workRep) return { file: setup.work!.gowork.file, line: workRep.line };
        const rep = replacementFor(gomod.replaces, path, r.version);
        if (rep) return { file: gomod.file, line: rep.line };
        return { file: gomod.file, line: r.line };
      }
      // A module that is only present as a replacement target ("replace a => b v1"): the replace line.
      for (const { gomod } of mains) {
        const r = gomod.replaces.find((x) => x.new.path === path);
        if (r) return { file: gomod.file, line: r.line };
      }
      return undefined;
    },
    sums(path, version, goMod) {
      return (index.get(sumKey(path, version, goMod)) ?? []).map(({ sum, entry }) => ({ file: sum.file, entry }));
    },
    vendored(path) {
      const vm = setup.txt?.modules.find((m) => m.path === path && m.version !== '');
      return vm && setup.txt ? { file: setup.txt.file, line: vm.line } : undefined;
    },
    build() {
      if (mains[0]) return { file: mains[0].gomod.file, line: mains[0].gomod.module.line };
      return { file: setup.work!.gowork.file, line: 1 };
    },
    module(path) {
      return l.require(path) ?? l.vendored(path) ?? l.build();
    },
  };
  return l;
}

export function where(loc: Location): string {
  return loc.line ? `${loc.file}:${loc.line}` : (loc.file ?? loc.artifact ?? '');
}
