// The merge pipeline: read the bundles, check them (check.ts), copy every verified binary into
// the output directory (hashing the bytes it writes: what is published is what was checked),
// then one SHA256SUMS; then the sign stage of an unsharded run, once, over the merged set (on a
// release, as the event or mode says); then SARIF, report.json and summary over the release,
// and one verdict. The only I/O here is the bundle reads, the output directory's writer and
// the sign stage's cosign.
import fs from 'node:fs';
import path from 'node:path';
import { finding, type Finding } from '../pipeline/findings.ts';
import { statusFrom, type Artifact, type RunState, type StageResult } from '../pipeline/stage.ts';
import { runPipeline } from '../pipeline/pipeline.ts';
import type { Logger, Outputs, Ports } from '../ports/ports.ts';
import type { Config } from '../config/config.ts';
import { signStage } from '../stages/sign.ts';
import { openOutputDir, type OutputDir } from '../output/dir.ts';
import { displayPath } from '../util/path.ts';
import { GATE_VERSION } from '../version.ts';
import { TOOL } from '../report/model.ts';
import { BundleError } from './manifest.ts';
import { loadBundle, digestNow, readRegular, type LoadedBundle } from './bundle.ts';
import { sha256Hex } from '../util/hash.ts';
import { CHECKSUM_MISMATCH, checkShards, FOREIGN_OUTPUT, MERGE_RULES, OTHER_SET, UNREADABLE_BUNDLE, type SetReference } from './check.ts';
import { mergeChecksums, mergedVerdict, mergeFindings, mergeSarif, mergeStages, renderMergedJson, shardRow, type MergedArtifact, type MergedRecord, type StageRecord } from './merge.ts';
import { renderMergeSummary } from './summary.ts';
import { nowMs } from '../util/clock.ts';

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
  /**
   * The merge job's config (its mode decided from the event or the mode input exactly as an
   * unsharded run's, its sign inputs and rules) and the ports its sign stage runs with. Without
   * it (benchmarks) the mode is the shards' and nothing is signed.
   */
  sign?: { config: Config; ports: Ports };
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
  const t0 = nowMs();
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
  const signable: Artifact[] = [];
  const sums: { name: string; sha256: string }[][] = [];
  const members = checked.members.map((v) => byView.get(v)!);
  for (const b of members) {
    const lines: { name: string; sha256: string }[] = [];
    for (const bin of b.view.manifest.binaries) {
      const data = readRegular(b.dir, bin.name);
      const digest = data ? sha256Hex(data) : undefined;
      if (!data || digest !== bin.sha256) {
        own.push(finding(CHECKSUM_MISMATCH, 'merge', { message: `shard ${b.view.manifest.shard.index}/${b.view.manifest.shard.count} (${b.view.source}): ${bin.name} changed while it was merged`, subject: `copy\0${bin.name}` }));
        continue;
      }
      if (artifacts.some((a) => a.name === bin.name)) {
        lines.push({ name: bin.name, sha256: digest });
        continue;
      }
      const p = out.write(bin.name, data, 0o755);
      const shownPath = displayPath(opts.workspace, p);
      artifacts.push({ path: shownPath, name: bin.name, goos: bin.goos, goarch: bin.goarch, size: data.length, sha256: digest });
      signable.push({ path: p, displayPath: shownPath, name: bin.name, goos: bin.goos, goarch: bin.goarch, size: data.length, sha256: digest, pkg: bin.pkg });
      lines.push({ name: bin.name, sha256: digest });
    }
    sums.push(lines);
  }
  const checksums = mergeChecksums(sums);
  for (const name of checksums.conflicts) {
    own.push(finding(CHECKSUM_MISMATCH, 'merge', { message: `${name} was built by two shards with different digests: the shards did not build the same thing`, subject: `conflict\0${name}` }));
  }
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  artifacts.sort(byName);
  signable.sort(byName);
  const checksumsFile = artifacts.length ? out.write('SHA256SUMS', checksums.text) : undefined;

  const reported = checked.reported.map((v) => byView.get(v)!);
  const ref = checked.reference;
  const first = reported[0] ?? bundles[0];
  const config = opts.sign?.config;
  const mode = config ? { mode: config.mode, reason: config.modeReason } : { mode: String(first?.report.mode ?? 'check'), reason: String(first?.report.modeReason ?? 'the shards\' mode') };
  if (mode.mode === 'release') {
    // A release build never uses a restored build cache: a shard built in check mode may have.
    for (const b of members) {
      if (b.report.mode !== 'release') own.push(finding(OTHER_SET, 'merge', { message: `shard ${b.view.manifest.shard.index}/${b.view.manifest.shard.count} (${b.view.source}) ran in ${String(b.report.mode)} mode, and the merge releases: run the shards on the same event, or with the same mode input`, subject: `mode\0${b.view.manifest.shard.index}` }));
    }
  }
  const findings = mergeFindings(reported.map((b) => (Array.isArray(b.report.findings) ? b.report.findings : []) as Finding[]));
  const mergeStage: StageResult = {
    name: 'merge',
    status: statusFrom(own),
    findings: own,
    durationMs: Math.round(nowMs() - t0),
    metrics: { shards: bundles.length, expected: checked.reference?.count ?? 0, binaries: artifacts.length },
  };
  const signed = await signMerged(opts, mergeStage, { artifacts: signable, checksumsFile, out, ref });
  const durationMs = Math.round(nowMs() - t0);
  // The shards' sign stage only says that a shard never signs: the merge's own replaces it.
  const shardStages = reported.map((b) => (Array.isArray(b.report.stages) ? b.report.stages : []).filter((s: StageRecord) => s.name !== 'sign') as StageRecord[]);
  const stages = [...mergeStages(shardStages, findings), mergeStage, signed.stage];
  const record: MergedRecord = {
    verdict: mergedVerdict(stages),
    stages,
    findings: [...own, ...signed.stage.findings, ...findings],
    shards: bundles.map((b) => shardRow(b.view.source, b.view.manifest, checked.members.includes(b.view))).sort((a, b) => (a.shard < b.shard ? -1 : 1)),
    artifacts,
    set: { id: ref?.setId ?? '', count: ref?.count ?? 0, jobs: ref?.jobs.length ?? 0 },
    commit: ref?.commit ?? '',
    goVersion: ref?.goVersion ?? '',
    toolVersion: GATE_VERSION,
    mode: mode.mode,
    modeReason: mode.reason,
    startedAt: started.toISOString(),
    durationMs,
    facts: signed.facts,
  };
  const sarif = mergeSarif(reported.map((b) => b.sarif), {
    findings: [...own, ...signed.stage.findings],
    rules: [...MERGE_RULES, ...signStage.rules],
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
  for (const f of [...own, ...signed.stage.findings]) (f.severity === 'error' ? opts.log.error : opts.log.warning)(f.message);
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
    o.set('signatures', signed.facts['sign.signatures'] ?? '[]');
    o.set('public-key', signed.facts['sign.public-key'] ?? '');
    o.set('provenance', signed.facts['sign.provenance'] ?? '');
    await o.summary(summary);
  }
  return { record, files, out };
}

/**
 * The sign stage of an unsharded run over the merged set: the same stage, run by the same
 * pipeline (crash handling, rule overrides), with the merged binaries and SHA256SUMS as its
 * artifacts and the shards' build parameters for the provenance. A merge that failed its own
 * checks signs nothing: its set is incomplete or unverified.
 */
async function signMerged(opts: MergeOptions, merge: StageResult, set: { artifacts: Artifact[]; checksumsFile?: string; out: OutputDir; ref?: SetReference }): Promise<{ stage: StageResult; facts: Record<string, string> }> {
  const skip = (reason: string) => ({ stage: { name: 'sign' as const, status: 'skipped' as const, reason, findings: [], durationMs: 0 }, facts: {} });
  if (!opts.sign) return skip('the merge was given no signing inputs');
  const { config, ports } = opts.sign;
  if (config.sign.enabled && merge.status !== 'passed') return skip('the merge\'s checks failed, so the merged set is not signed');
  const facts: Record<string, string> = {};
  if (set.ref?.goVersion) facts['go-version'] = set.ref.goVersion;
  if (set.ref?.commit) facts['vcs.revision'] = set.ref.commit;
  const state: RunState = {
    goEnv: {},
    artifacts: set.artifacts,
    ...(set.checksumsFile ? { checksumsFile: set.checksumsFile } : {}),
    facts,
    out: set.out,
    ...(set.ref?.build ? { built: set.ref.build } : {}),
  };
  const run = await runPipeline([signStage], { config, ports: { ...ports, log: opts.log }, state });
  return { stage: run.stages[0], facts: state.facts };
}
