// The inspect stage: read every built binary with the pure-TypeScript readers and turn the
// policy into findings. No native tool (readelf, ldd, go version) is run.
import type { Stage, StageContext, StageOutcome, Artifact } from '../pipeline/stage.ts';
import { skipped, statusFrom } from '../pipeline/stage.ts';
import { finding, type Finding } from '../pipeline/findings.ts';
// Table cells are plain text: the summary reporter escapes them.
import { formatBytes } from '../report/escape.ts';
import { inspectFile } from '../inspect/binary.ts';
import { takeInspected } from '../inspect/early.ts';
import { FormatError } from '../inspect/errors.ts';
import path from 'node:path';
import { findOnPath, isInside } from '../util/path.ts';
import { childEnv } from '../util/childenv.ts';
import { evaluateBinary, hostVerdict, INSPECT_RULES, RULES, summaryRow, TABLE_HEADER, verdictCell, type RunOnHost } from '../inspect/policy.ts';
import { hostProfile } from '../inspect/hosts.ts';

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

const STATUS_LINES_SHOWN = 10;

/**
 * "Built from a modified tree" is only actionable with the files that made it so: ask git once,
 * the way the go command does (untracked files count), and name them in every such finding.
 */
async function nameModifiedFiles(ctx: StageContext, findings: Finding[]): Promise<void> {
  const modified = findings.filter((f) => f.ruleId === RULES.vcsModified.id);
  if (modified.length === 0) return;
  const git = findOnPath('git', ctx.ports.env.PATH);
  let listing: string;
  if (!git) {
    listing = 'git is not on PATH, so the modified files cannot be listed';
  } else {
    // The whole repository, as the go command asks; the output dir was empty while Go built and
    // holds this run's results now, so it is left out.
    const outRel = path.relative(ctx.config.dir, ctx.config.outDir);
    // config refuses an output dir that is the workspace itself.
    const outInside = isInside(ctx.config.workspace, ctx.config.outDir);
    const args = ['status', '--short', '--untracked-files=all', '--', ':/', ...(outInside ? [`:(exclude)${outRel.split(path.sep).join('/')}`] : [])];
    const r = await ctx.ports.exec.run(git, args, { cwd: ctx.config.dir, env: childEnv('git', ctx.ports.env), timeoutMs: 60_000 });
    const lines = r.stdout.split('\n').filter((l) => l.trim() !== '');
    if (r.code !== 0) listing = `git status failed: ${r.stderr.trim().split('\n')[0] ?? ''}`;
    else if (lines.length === 0) listing = 'git status now reports a clean tree: something changed files while the binaries were built and restored them after';
    else listing = `git status --short: ${lines.slice(0, STATUS_LINES_SHOWN).map((l) => l.trim()).join('; ')}${lines.length > STATUS_LINES_SHOWN ? `; and ${lines.length - STATUS_LINES_SHOWN} more` : ''}`;
    if (r.code === 0 && lines.length) for (const f of modified) f.details = lines.join('\n');
  }
  for (const f of modified) f.message = `${f.message} (${listing})`;
}

async function run(ctx: StageContext): Promise<StageOutcome> {
  const binaries = ctx.state.artifacts.filter(isBinary);
  if (binaries.length === 0) return skipped('no binaries were built');
  const findings: Finding[] = [];
  const rows: string[][] = [];
  let bytesRead = 0;
  // Config validated the names; the table gets one column per run-on host (binaries × hosts).
  const runOn: RunOnHost[] = ctx.config.runOn.map((n) => hostProfile(n)!);
  for (const a of binaries) {
    try {
      const info = await (takeInspected(ctx.state, a.name, a.sha256) ?? inspectFile(a.path, a.displayPath));
      bytesRead += info.bytesRead;
      findings.push(...evaluateBinary(info, a, ctx.config, runOn));
      recordVcs(ctx, info.buildInfo?.settings ?? []);
      const row = summaryRow(info, a);
      row[row.length - 1] = formatBytes(info.size);
      rows.push([...row, ...runOn.map((h) => verdictCell(hostVerdict(info, a, h)))]);
    } catch (e) {
      const why = e instanceof FormatError ? e.message : `cannot read it: ${(e as Error).message}`;
      findings.push(finding(RULES.unreadable, 'inspect', { message: `${a.displayPath}: ${why}`, location: { artifact: a.displayPath }, subject: a.displayPath }));
      rows.push([a.displayPath, `${a.goos}/${a.goarch}`, 'unreadable', '', '', '', '', '', '', formatBytes(a.size), ...runOn.map(() => '❌ unreadable')]);
    }
  }
  await nameModifiedFiles(ctx, findings);
  return {
    status: statusFrom(findings),
    findings,
    table: { header: [...TABLE_HEADER, ...runOn.map((h) => `Runs on ${h.name}`)], rows },
    metrics: { binaries: binaries.length, bytesRead },
  };
}

export const inspectStage: Stage = { name: 'inspect', rules: INSPECT_RULES, run };
