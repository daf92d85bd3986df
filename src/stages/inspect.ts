// The inspect stage: read every built binary with the pure-TypeScript readers and turn the
// policy into findings. No native tool (readelf, ldd, go version) is run.
import type { Stage, StageContext, StageOutcome, Artifact } from '../pipeline/stage.ts';
import { skipped, statusFrom } from '../pipeline/stage.ts';
import { finding, type Finding } from '../pipeline/findings.ts';
// Table cells are plain text: the summary reporter escapes them.
import { formatBytes } from '../report/escape.ts';
import { inspectFile } from '../inspect/binary.ts';
import { FormatError } from '../inspect/errors.ts';
import { evaluateBinary, INSPECT_RULES, RULES, summaryRow, TABLE_HEADER } from '../inspect/policy.ts';

function isBinary(a: Artifact): boolean {
  return a.goos !== '' && a.goarch !== '';
}

/**
 * The release report names the commit the binaries say they were built from (the first stamp
 * wins), and says "modified" when any binary was built from a modified tree.
 */
function recordVcs(ctx: StageContext, settings: { key: string; value: string }[]): void {
  const facts = ctx.state.facts;
  const get = (key: string) => settings.find((s) => s.key === key)?.value;
  for (const key of ['vcs.revision', 'vcs.time']) {
    const value = get(key);
    if (value !== undefined && facts[key] === undefined) facts[key] = value;
  }
  const modified = get('vcs.modified');
  if (modified !== undefined && facts['vcs.modified'] !== 'true') facts['vcs.modified'] = modified;
}

async function run(ctx: StageContext): Promise<StageOutcome> {
  const binaries = ctx.state.artifacts.filter(isBinary);
  if (binaries.length === 0) return skipped('no binaries were built');
  const findings: Finding[] = [];
  const rows: string[][] = [];
  let bytesRead = 0;
  for (const a of binaries) {
    try {
      const info = await inspectFile(a.path, a.displayPath);
      bytesRead += info.bytesRead;
      findings.push(...evaluateBinary(info, a, ctx.config));
      recordVcs(ctx, info.buildInfo?.settings ?? []);
      const row = summaryRow(info, a);
      row[row.length - 1] = formatBytes(info.size);
      rows.push(row);
    } catch (e) {
      const why = e instanceof FormatError ? e.message : `cannot read it: ${(e as Error).message}`;
      findings.push(finding(RULES.unreadable, 'inspect', { message: `${a.displayPath}: ${why}`, location: { artifact: a.displayPath }, subject: a.displayPath }));
      rows.push([a.displayPath, `${a.goos}/${a.goarch}`, 'unreadable', '', '', '', '', '', '', formatBytes(a.size)]);
    }
  }
  return {
    status: statusFrom(findings),
    findings,
    table: { header: TABLE_HEADER, rows },
    metrics: { binaries: binaries.length, bytesRead },
  };
}

export const inspectStage: Stage = { name: 'inspect', rules: INSPECT_RULES, run };
