// What a scan must have covered: Trivy that skipped go.mod or a binary (a committed trivy.yaml
// with skip-files, a target it could not read) reports no vulnerabilities for it, which looks
// exactly like a clean scan. So the stage checks the report against what this run has: the
// go.mod, when it requires anything Trivy can look up, must come back as a gomod result, and
// every built binary as a gobinary result. Pure.
import { replacementFor, type GoMod } from '../modules/gomod.ts';

/** Whether Trivy has something to report for this go.mod: a require not replaced by a local directory (Trivy drops those). */
export function goModNeedsScan(gomod: GoMod | undefined, text: string): boolean {
  // An unreadable go.mod: whether it requires anything is what Trivy is asked to find out.
  if (!gomod) return /^\s*require\b/m.test(text);
  return gomod.requires.some((r) => !replacementFor(gomod.replaces, r.path, r.version)?.local);
}

export interface CoverageFacts {
  /** The go.mod as reported (repository-relative), undefined when the module has none to check. */
  goMod?: { file: string; needsScan: boolean; scanned: boolean };
  binaries: { file: string; scanned: boolean }[];
}

/** What the scan should have covered and did not; empty when it covered everything. */
export function unscanned(f: CoverageFacts): string[] {
  const missing: string[] = [];
  if (f.goMod && f.goMod.needsScan && !f.goMod.scanned) missing.push(`${f.goMod.file} (no gomod result)`);
  for (const b of f.binaries) if (!b.scanned) missing.push(`${b.file} (no gobinary result)`);
  return missing;
}
