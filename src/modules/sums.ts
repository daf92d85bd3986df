// go.sum checks: every module the build needs has both of its lines, no two lines disagree,
// and every line matches the module cache's verified hash. Mismatches the go command itself
// reported (it stops at the first) are placed on their go.sum line too.
import type { Finding, Location } from '../pipeline/findings.ts';
import { finding } from '../pipeline/findings.ts';
import { replacementFor } from './gomod.ts';
import { findSumConflicts, sumKey } from './gosum.ts';
import type { ModuleSetup } from './load.ts';
import type { Locator } from './locate.ts';
import { where } from './locate.ts';
import type { DownloadedModule, GoProblems } from './gooutput.ts';
import { cachedGoModHash, cachedModuleHash } from './cachesums.ts';
import { MISSING_SUM, SUM_MISMATCH } from './rules.ts';

export interface SumCheckInput {
  setup: ModuleSetup;
  loc: Locator;
  /** GOMODCACHE. */
  modcache: string;
  /** Modules `go mod download` reported (module mode); undefined in a workspace, whose needs span several go.sum files. */
  downloaded?: DownloadedModule[];
  /** Problems the go commands printed. */
  problems: GoProblems[];
}

interface Needed {
  path: string;
  version: string;
  goMod: boolean;
  /** Module path as go.mod names it (before replacement), to find its require line. */
  requiredAs: string;
  why: string;
}

/** The sum lines the build cannot do without. */
function neededSums(input: SumCheckInput): Needed[] {
  const { setup } = input;
  const needed = new Map<string, Needed>();
  const need = (n: Needed) => {
    const key = sumKey(n.path, n.version, n.goMod);
    if (!needed.has(key)) needed.set(key, n);
  };
  const mainPaths = new Set(setup.mains.map((m) => m.gomod.module.path));
  const replaces = (own: typeof setup.mains[number]) => [...(setup.work?.gowork.replaces ?? []), ...own.gomod.replaces];

  // Every required module's go.mod is read to build the module graph.
  for (const m of setup.mains) {
    for (const r of m.gomod.requires) {
      if (setup.work && mainPaths.has(r.path)) continue; // a workspace module, read from disk
      const rep = replacementFor(replaces(m), r.path, r.version);
      if (rep?.local) continue;
      const eff = rep ? rep.new : { path: r.path, version: r.version };
      need({ ...eff, goMod: true, requiredAs: r.path, why: `required at ${m.gomod.file}:${r.line}` });
    }
  }
  // Modules whose files are built need the hash of their files too.
  for (const d of input.downloaded ?? []) {
    if (d.error || !d.sum) continue;
    need({ path: d.path, version: d.version, goMod: false, requiredAs: d.path, why: 'needed by the build (go mod download)' });
    need({ path: d.path, version: d.version, goMod: true, requiredAs: d.path, why: 'needed by the build (go mod download)' });
  }
  for (const vm of setup.txt?.modules ?? []) {
    if (vm.packages.length === 0 || vm.version === '') continue;
    if (vm.replacement && vm.replacement.version === '') continue; // vendored from a local directory
    const eff = vm.replacement ?? { path: vm.path, version: vm.version };
    const why = `vendored (${setup.txt!.file}:${vm.line})`;
    need({ ...eff, goMod: false, requiredAs: vm.path, why });
    need({ ...eff, goMod: true, requiredAs: vm.path, why });
  }
  return [...needed.values()];
}

export interface SumCheckResult {
  findings: Finding[];
  /** "path version[/go.mod]" of every line reported missing. */
  missing: Set<string>;
  /** go.sum lines compared with a hash in the module cache (the others were never downloaded here). */
  checked: number;
}

export async function checkSums(input: SumCheckInput): Promise<SumCheckResult> {
  const { setup, loc } = input;
  const out: Finding[] = [];
  const missing = new Set<string>();
  let checked = 0;
  const reported = new Set<string>();
  const report = (f: Finding, key: string) => {
    if (reported.has(key)) return;
    reported.add(key);
    out.push(f);
  };

  for (const c of findSumConflicts(setup.sums)) {
    const location = { file: c.second.file, line: c.second.entry.line };
    report(
      finding(SUM_MISMATCH, 'modules', {
        message: `${where(location)} records ${c.second.entry.hash} for ${c.second.entry.path} ${c.second.entry.version}${c.second.entry.goMod ? '/go.mod' : ''}, but ${c.first.file}:${c.first.entry.line} records ${c.first.entry.hash}`,
        location,
        subject: `${c.second.file} ${sumKey(c.second.entry.path, c.second.entry.version, c.second.entry.goMod)} conflict`,
      }),
      `${where(location)}`,
    );
  }

  for (const n of neededSums(input)) {
    if (loc.sums(n.path, n.version, n.goMod).length > 0) continue;
    missing.add(sumKey(n.path, n.version, n.goMod));
    const location = loc.require(n.requiredAs) ?? loc.vendored(n.requiredAs) ?? loc.build();
    const kind = n.goMod ? '"/go.mod" line (hash of its go.mod)' : '"h1:" line (hash of its files)';
    report(
      finding(MISSING_SUM, 'modules', {
        message: `go.sum has no ${kind} for ${n.path} ${n.version}, ${n.why}`,
        location,
        subject: sumKey(n.path, n.version, n.goMod),
        fix: `go mod download ${n.path}@${n.version}`,
      }),
      `missing ${sumKey(n.path, n.version, n.goMod)}`,
    );
  }

  // Every go.sum line against the hash the module cache verified on download.
  for (const sum of setup.sums) {
    for (const entry of sum.lines) {
      if (!entry.hash.startsWith('h1:')) continue;
      const cached = entry.goMod
        ? await cachedGoModHash(input.modcache, entry.path, entry.version)
        : await cachedModuleHash(input.modcache, entry.path, entry.version);
      if (cached === undefined) continue;
      checked++;
      if (cached === entry.hash) continue;
      const location = { file: sum.file, line: entry.line };
      report(
        finding(SUM_MISMATCH, 'modules', {
          message: `${where(location)} records ${entry.hash} for ${entry.path} ${entry.version}${entry.goMod ? '/go.mod' : ''}, but the module as downloaded and verified hashes to ${cached}`,
          location,
          subject: `${sum.file} ${sumKey(entry.path, entry.version, entry.goMod)}`,
        }),
        where(location),
      );
    }
  }

  for (const p of input.problems) {
    for (const m of p.mismatches) {
      const lines = loc.sums(m.path, m.version, m.goMod);
      const line = lines.find((l) => l.entry.hash === m.recorded) ?? lines[0];
      const location: Location = line ? { file: line.file, line: line.entry.line } : loc.module(m.path);
      report(
        finding(SUM_MISMATCH, 'modules', {
          message: `checksum mismatch for ${m.path} ${m.version}${m.goMod ? '/go.mod' : ''}: downloaded ${m.downloaded}, ${m.source} has ${m.recorded} (${where(location)})`,
          location,
          subject: line ? `${line.file} ${sumKey(m.path, m.version, m.goMod)}` : `${m.path}@${m.version} mismatch`,
          details: `go reported: downloaded ${m.downloaded}, ${m.source}: ${m.recorded}`,
        }),
        line ? where(location) : `${m.path}@${m.version}${m.goMod} mismatch`,
      );
    }
    for (const m of p.missing) {
      if (m.path && m.version) {
        if (loc.sums(m.path, m.version, m.goMod).length > 0) continue;
        missing.add(sumKey(m.path, m.version, m.goMod));
        report(
          finding(MISSING_SUM, 'modules', {
            message: `go.sum has no ${m.goMod ? '"/go.mod"' : '"h1:"'} line for ${m.path} ${m.version} (reported by the go command)`,
            location: loc.module(m.path),
            subject: sumKey(m.path, m.version, m.goMod),
            fix: `go mod download ${m.path}@${m.version}`,
          }),
          `missing ${sumKey(m.path, m.version, m.goMod)}`,
        );
      } else if (m.pkg) {
        const owner = owningRequire(setup, m.pkg);
        if (owner && loc.sums(owner.path, owner.version, false).length > 0) continue;
        if (owner && reported.has(`missing ${sumKey(owner.path, owner.version, false)}`)) continue;
        report(
          finding(MISSING_SUM, 'modules', {
            message: `go.sum has no "h1:" line for the module providing package ${m.pkg}${owner ? ` (${owner.path} ${owner.version})` : ''}`,
            location: owner ? loc.module(owner.path) : loc.build(),
            subject: owner ? sumKey(owner.path, owner.version, false) : `package ${m.pkg}`,
          }),
          owner ? `missing ${sumKey(owner.path, owner.version, false)}` : `missing package ${m.pkg}`,
        );
      }
    }
  }
  return { findings: out, missing, checked };
}

/** The required module whose path is the longest prefix of pkg. */
function owningRequire(setup: ModuleSetup, pkg: string): { path: string; version: string } | undefined {
  let best: { path: string; version: string } | undefined;
  for (const m of setup.mains) {
    for (const r of m.gomod.requires) {
      if ((pkg === r.path || pkg.startsWith(`${r.path}/`)) && (!best || r.path.length > best.path.length)) best = r;
    }
  }
  return best;
}
