// vendor/ against the tree `go mod vendor -o` regenerates from go.mod and the modules at their
// go.sum hashes: vendor/modules.txt line by line, every other file by content. Each drift is a
// finding on the line a reviewer can open: the first differing line of a modified file, line 1
// of an added file, and the modules.txt package line of a removed one.
import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../pipeline/findings.ts';
import { finding } from '../pipeline/findings.ts';
import { splitLines } from './errors.ts';
import type { ModuleSetup } from './load.ts';
import { relativeTo } from './load.ts';
import { checkVendorConsistency, type ConsistencyKind } from './consistency.ts';
import { diffLines } from './linediff.ts';
import { packageLineFor, type ModulesTxt, type VendoredModule } from './modulestxt.ts';
import { compareTrees, firstDifferingLine, hashTree, type Tree, type TreeDiff } from './tree.ts';
import { replacementFor } from './gomod.ts';
import { VENDOR_ADDED, VENDOR_MODIFIED, VENDOR_MODULES_TXT, VENDOR_REMOVED } from './rules.ts';

const MODULES_TXT = 'modules.txt';

/** modules.txt against go.mod / go.work, before anything is regenerated (needs no go command). */
const ROOT_CAUSES: ReadonlySet<ConsistencyKind> = new Set(['replace-missing', 'not-vendored']);

export function consistencyFindings(setup: ModuleSetup): Finding[] {
  if (!setup.txt) return [];
  return checkVendorConsistency({ mains: setup.mains, work: setup.work, txt: setup.txt }).map((i) =>
    finding(VENDOR_MODULES_TXT, 'modules', {
      message: i.message,
      location: { file: i.file, line: i.line },
      subject: i.subject,
      // A go.mod line that vendor/ never took in explains the vendored files that then differ.
      rootCause: ROOT_CAUSES.has(i.kind),
    }),
  );
}

export interface VendorComparison {
  findings: Finding[];
  diff: TreeDiff;
  /** Files in the committed and the regenerated tree. */
  files: { committed: number; expected: number };
}

function quote(lines: string[]): string {
  const shown = lines.slice(0, 3).map((l) => `"${l}"`).join(', ');
  return lines.length > 3 ? `${shown} and ${lines.length - 3} more` : shown;
}

/** Header line of the module block of modules.txt holding `line` (0 before the first module). */
function blockOf(txt: ModulesTxt | undefined, line: number): number {
  let header = 0;
  for (const m of txt?.modules ?? []) if (m.line <= line && m.line > header) header = m.line;
  return header;
}

/** The vendored module a file under vendor/ belongs to (longest module path prefix). */
function owner(txt: ModulesTxt | undefined, rel: string): VendoredModule | undefined {
  let best: VendoredModule | undefined;
  for (const m of txt?.modules ?? []) {
    if (m.version === '' || !rel.startsWith(`${m.path}/`)) continue;
    if (!best || m.path.length > best.path.length) best = m;
  }
  return best;
}

/** "golang.org/x/text v0.14.0", or "example.com/lib (replaced by ../lib at go.mod:12)". */
function describeOwner(setup: ModuleSetup, m: VendoredModule | undefined): string {
  if (!m) return 'no module listed in vendor/modules.txt';
  for (const main of setup.mains) {
    const r = replacementFor([...(setup.work?.gowork.replaces ?? []), ...main.gomod.replaces], m.path, m.version);
    if (r) {
      const file = setup.work?.gowork.replaces.includes(r) ? setup.work.gowork.file : main.gomod.file;
      return `${m.path} ${m.version} (replaced by ${r.new.path}${r.new.version ? ` ${r.new.version}` : ''} at ${file}:${r.line})`;
    }
  }
  return `${m.path} ${m.version}`;
}

/**
 * @param expectedDir the regenerated vendor directory (absent when the module has nothing to vendor)
 * @param root repository root for reported paths
 * @param reportedTxtLines modules.txt lines that already carry a finding (from consistencyFindings);
 *   a line diff inside the same module block says the same thing again and is left out
 * @param committedTree hashTree(setup.vendorDir) when the caller already has it (hashed while the
 *   go command regenerated the expected tree)
 */
export async function compareVendor(setup: ModuleSetup, expectedDir: string, root: string, reportedTxtLines: readonly number[], committedTree?: Tree): Promise<VendorComparison> {
  const findings: Finding[] = [];
  const committed = new Map(committedTree ?? hashTree(setup.vendorDir));
  const expected = hashTree(expectedDir);
  const vendorRel = relativeTo(root, setup.vendorDir);
  const txtRel = `${vendorRel}/${MODULES_TXT}`;

  // modules.txt: line by line, so the finding lands on the line that differs.
  const committedTxt = committed.get(MODULES_TXT);
  const expectedTxt = expected.get(MODULES_TXT);
  if (!committedTxt && expectedTxt) {
    findings.push(finding(VENDOR_MODULES_TXT, 'modules', { message: `${txtRel} is missing: go mod vendor writes it to record what was vendored`, location: { file: txtRel, line: 1 }, subject: `${txtRel} missing` }));
  } else if (committedTxt && committedTxt.sha256 !== expectedTxt?.sha256) {
    const actual = splitLines(await fs.promises.readFile(path.join(setup.vendorDir, MODULES_TXT), 'utf8'));
    const want = expectedTxt ? splitLines(await fs.promises.readFile(path.join(expectedDir, MODULES_TXT), 'utf8')) : [];
    const reportedBlocks = new Set(reportedTxtLines.map((l) => blockOf(setup.txt, l)));
    for (const change of diffLines(actual, want)) {
      // Missing lines are inserted before change.line: they belong to the block above it.
      const anchor = change.extra.length === 0 && change.line > 1 ? change.line - 1 : change.line;
      if (reportedBlocks.has(blockOf(setup.txt, anchor))) continue;
      const parts: string[] = [];
      if (change.extra.length) parts.push(`has ${quote(change.extra)}`);
      if (change.missing.length) parts.push(`${change.extra.length ? 'where go mod vendor writes' : 'lacks'} ${quote(change.missing)}`);
      findings.push(
        finding(VENDOR_MODULES_TXT, 'modules', {
          message: `${txtRel}:${change.line} differs from what go mod vendor writes: it ${parts.join(' ')}`,
          location: { file: txtRel, line: change.line },
          subject: `${txtRel} ${change.extra.join('\n')}\0${change.missing.join('\n')}`,
        }),
      );
    }
  }
  committed.delete(MODULES_TXT);
  expected.delete(MODULES_TXT);

  const diff = compareTrees(committed, expected);
  for (const rel of diff.modified) {
    const [a, b] = await Promise.all([fs.promises.readFile(path.join(setup.vendorDir, rel)), fs.promises.readFile(path.join(expectedDir, rel))]);
    const line = firstDifferingLine(a, b);
    const file = `${vendorRel}/${rel}`;
    findings.push(
      finding(VENDOR_MODIFIED, 'modules', {
        message: `${file}:${line} differs from ${describeOwner(setup, owner(setup.txt, rel))} (sha256 ${committed.get(rel)!.sha256.slice(0, 12)}…, expected ${expected.get(rel)!.sha256.slice(0, 12)}…)`,
        location: { file, line },
        subject: file,
      }),
    );
  }
  for (const rel of diff.added) {
    const file = `${vendorRel}/${rel}`;
    const m = owner(setup.txt, rel);
    findings.push(
      finding(VENDOR_ADDED, 'modules', {
        message: `${file} is not written by go mod vendor${m ? ` for ${describeOwner(setup, m)}` : ''}`,
        location: { file, line: 1 },
        subject: file,
      }),
    );
  }
  for (const rel of diff.removed) {
    const file = `${vendorRel}/${rel}`;
    // The file is gone, so point at the modules.txt line of the package that should hold it.
    const line = setup.txt ? packageLineFor(setup.txt, rel) : undefined;
    findings.push(
      finding(VENDOR_REMOVED, 'modules', {
        message: `${file} is missing: go mod vendor writes it for ${describeOwner(setup, owner(setup.txt, rel))}`,
        location: { file: txtRel, line: line ?? 1 },
        subject: file,
      }),
    );
  }
  return { findings, diff, files: { committed: committed.size + (committedTxt ? 1 : 0), expected: expected.size + (expectedTxt ? 1 : 0) } };
}
