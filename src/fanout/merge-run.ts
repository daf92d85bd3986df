// The merge pipeline: read the bundles, check them (check.ts), copy every verified binary into
// the output directory (hashing the bytes it writes: what is published is what was checked),
// then one SHA256SUMS, SARIF, report.json and summary over the release, and one verdict.
// The only I/O here is the bundle reads and the output directory's writer.
import fs from 'node:fs';
import path from 'node:path';
import { finding, type Finding } from '../pipeline/findings.ts';
import { statusFrom, type StageResult } from '../pipeline/stage.ts';
import type { Logger, Outputs } from '../ports/ports.ts';
import { openOutputDir, type OutputDir } from '../output/dir.ts';
import { displayPath } from '../util/path.ts';
import { GATE_VERSION } from '../version.ts';
import { TOOL } from '../report/model.ts';
import { BundleError } from './manifest.ts';
import { loadBundle, digestNow, readRegular, sha256, type LoadedBundle } from './bundle.ts';
import { CHECKSUM_MISMATCH, checkShards, FOREIGN_OUTPUT, MERGE_RULES, UNREADABLE_BUNDLE } from './check.ts';
import { mergeChecksums, mergedVerdict, mergeFindings, mergeSarif, mergeStages, renderMergedJson, shardRow, type MergedArtifact, type MergedRecord, type StageRecord } from './merge.ts';
import { renderMergeSummary } from './summary.ts';

export interface MergeSource {
  /** Directory holding one shard bundle. */
  dir: string;
  /** As shown in messages and the shard table (the directory, or the artifact it came from). */
  name: string;
}

export interface MergeOptions {
  outDir: string;
  sources: readonly MergeSource[];
  /** Paths in the report are shown relative to it. */
  workspace: string;
  log: Logger;
  outputs?: Outputs;
  /** Bundles that could not even be fetched (a failed download): each fails the merge, named. */
  unavailable?: readonly { name: string; message: string }[];
  /** Where a missing shard's bundle was looked for, said in the finding (the artifact name). */
  whereMissing?: (index: number, count: number) => string;
  /** The merged release's mode when the front door decided it (the Action's event); else the shards'. */
  mode?: { mode: string; reason: string };
}

export interface MergeOutcome {
  record: MergedRecord;
  files: { sarif: string; report: string; summary: string; checksums?: string };
  out: OutputDir;
}

export class MergeUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeUsageError';
  }
}

function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

export async function runMerge(opts: MergeOptions): Promise<MergeOutcome> {
  const started = new Date();
  const t0 = performance.now();
  if (opts.sources.length === 0 && !opts.unavailable?.length) throw new MergeUsageError('no shard bundle given: pass the shard output directories');
  const outReal = real(opts.outDir);
  for (const s of opts.sources) {
    // Clearing the output directory first would delete the very bundle being merged.
    if (real(s.dir) === outReal) throw new MergeUsageError(`the merge output directory ${opts.outDir} is also the shard bundle ${s.name}: write the merge elsewhere`);
  }
  const out = openOutputDir(opts.outDir);
  const shown = displayPath(opts.workspace, out.dir) || '.';
  const own: Finding[] = [];
  const { removed, foreign } = out.clear();
  if (removed.length) opts.log.info(`removed ${removed.length} file(s) an earlier run left in ${shown}`);
  if (foreign.length) own.push(finding(FOREIGN_OUTPUT, 'merge', { message: `output directory ${shown} holds ${foreign.length} entr${foreign.length === 1 ? 'y' : 'ies'} the merge did not produce: ${foreign.slice(0, 20).join(', ')}`, subject: shown }));

  const bundles: LoadedBundle[] = [];
  for (const s of opts.sources) {
    try {
      bundles.push(loadBundle(s.dir, s.name));
    } catch (e) {
      if (!(e instanceof BundleError)) throw e;
      own.push(finding(UNREADABLE_BUNDLE, 'merge', { message: `${s.name}: ${e.message}`, subject: s.name }));
    }
  }
  for (const u of opts.unavailable ?? []) own.push(finding(UNREADABLE_BUNDLE, 'merge', { message: `${u.name}: ${u.message}`, subject: u.name }));
  const byView = new Map(bundles.map((b) => [b.view, b]));
  const checked = checkShards(bundles.map((b) => b.view), (v, name) => digestNow(byView.get(v)!.dir, name), opts.whereMissing);
  own.push(...checked.findings);

  // Copy the members' binaries, hashing exactly the bytes written.
  const artifacts: MergedArtifact[] = [];
  const sums: { name: string; sha256: string }[][] = [];
  const members = checked.members.map((v) => byView.get(v)!);
  for (const b of members) {
    const lines: { name: string; sha256: string }[] = [];
    for (const bin of b.view.manifest.binaries) {
      const data = readRegular(b.dir, bin.name);
      const digest = data ? sha256(data) : undefined;
      if (!data || digest !== bin.sha256) {
        own.push(finding(CHECKSUM_MISMATCH, 'merge', { message: `shard ${b.view.manifest.shard.index}/${b.view.manifest.shard.count} (${b.view.source}): ${bin.name} changed while it was merged`, subject: `copy\0${bin.name}` }));
        continue;
      }
      if (artifacts.some((a) => a.name === bin.name)) {
        lines.push({ name: bin.name, sha256: digest });
        continue;
      }
      const p = out.write(bin.name, data, 0o755);
      artifacts.push({ path: displayPath(opts.workspace, p), name: bin.name, goos: bin.goos, goarch: bin.goarch, size: data.length, sha256: digest });
      lines.push({ name: bin.name, sha256: digest });
    }
    sums.push(lines);
  }
  const checksums = mergeChecksums(sums);
  for (const name of checksums.conflicts) {
    own.push(finding(CHECKSUM_MISMATCH, 'merge', { message: `${name} was built by two shards with different digests: the shards did not build the same thing`, subject: `conflict\0${name}` }));
  }
  artifacts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const checksumsFile = artifacts.length ? out.write('SHA256SUMS', checksums.text) : undefined;

  const reported = checked.reported.map((v) => byView.get(v)!);
  const findings = mergeFindings(reported.map((b) => (Array.isArray(b.report.findings) ? b.report.findings : []) as Finding[]));
  const durationMs = Math.round(performance.now() - t0);
  const mergeStage: StageResult = {
    name: 'merge',
    status: statusFrom(own),
    findings: own,
    durationMs,
    metrics: { shards: bundles.length, expected: checked.reference?.count ?? 0, binaries: artifacts.length },
  };
  const stages = [...mergeStages(reported.map((b) => (Array.isArray(b.report.stages) ? b.report.stages : []) as StageRecord[]), findings), mergeStage];
  const ref = checked.reference;
  const first = reported[0] ?? bundles[0];
  const record: MergedRecord = {
    verdict: mergedVerdict(stages),
    stages,
    findings: [...own, ...findings],
    shards: bundles.map((b) => shardRow(b.view.source, b.view.manifest, checked.members.includes(b.view))).sort((a, b) => (a.shard < b.shard ? -1 : 1)),
    artifacts,
    set: { id: ref?.setId ?? '', count: ref?.count ?? 0, jobs: ref?.jobs.length ?? 0 },
    commit: ref?.commit ?? '',
    goVersion: ref?.goVersion ?? '',
    toolVersion: GATE_VERSION,
    mode: opts.mode?.mode ?? String(first?.report.mode ?? 'check'),
    modeReason: opts.mode?.reason ?? String(first?.report.modeReason ?? 'the shards\' mode'),
    startedAt: started.toISOString(),
    durationMs,
  };
  const sarif = mergeSarif(reported.map((b) => b.sarif), {
    findings: own,
    rules: MERGE_RULES,
    defaultFile: first?.view.manifest.defaultFile || 'go.mod',
    tool: { ...TOOL, version: GATE_VERSION },
  });
  const summary = renderMergeSummary(record);
  const files = {
    sarif: out.write('results.sarif', sarif),
    report: out.write('report.json', renderMergedJson(record)),
    summary: out.write('summary.md', summary),
    ...(checksumsFile ? { checksums: checksumsFile } : {}),
  };
  for (const f of own) (f.severity === 'error' ? opts.log.error : opts.log.warning)(f.message);
  const o = opts.outputs;
  if (o) {
    o.set('verdict', record.verdict.passed ? 'pass' : 'fail');
    o.set('reasons', JSON.stringify(record.verdict.reasons));
    o.set('mode', record.mode);
    o.set('go-version', record.goVersion);
    o.set('artifacts', JSON.stringify(artifacts.map((a) => ({ path: a.path, goos: a.goos, goarch: a.goarch, size: a.size, sha256: a.sha256 }))));
    o.set('checksums-file', files.checksums ?? '');
    o.set('sarif-file', files.sarif);
    o.set('report-file', files.report);
    o.set('summary-file', files.summary);
    o.set('cache-hit', 'off');
    o.set('signatures', '[]');
    o.set('public-key', '');
    await o.summary(summary);
  }
  return { record, files, out };
}
