// One run of the gate, shared by both front doors: config -> pipeline -> gate -> reports.
// Whatever happens after the config is parsed, every report file and output is written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, parseConfig, type Config, type RawInputs } from './config/config.ts';
import { runPipeline, STAGE_CRASHED, type RunResult } from './pipeline/pipeline.ts';
import type { RunState, Stage } from './pipeline/stage.ts';
import type { Ports } from './ports/ports.ts';
import { STAGES } from './stages/index.ts';
import { allRules, TOOL, type Report } from './report/model.ts';
import { renderReports } from './report/render.ts';
import { annotate, countingLogger, stageAnnotator, type AnnotationTally } from './report/annotations.ts';
import { artifactLocator } from './report/sources.ts';
import { GATE_VERSION } from './version.ts';
import { displayPath } from './util/path.ts';
import { childEnv } from './util/childenv.ts';
import { goGcSettings } from './toolchain/gc.ts';
import { cores } from './build/cores.ts';
import { openOutputDir, type OutputDir } from './output/dir.ts';

export interface GateOutcome {
  config: Config;
  result: RunResult;
  report: Report;
  files: { sarif: string; report: string; summary: string; checksums?: string };
  /** The output directory's writer: a front door adds its own files (outputs.json) through it. */
  out: OutputDir;
}

export function initialState(env: Readonly<Record<string, string | undefined>>, out?: OutputDir): RunState {
  // Every go command (and the C compiler under cgo) sees only the variables Go reads: never the
  // runner's tokens or the signing secrets. They collect garbage less often (src/toolchain/gc.ts).
  const goEnv = childEnv('go', env, { GOTOOLCHAIN: 'local', ...goGcSettings(env, { totalMemBytes: os.totalmem(), cores: cores() }) });
  return { goEnv, artifacts: [], facts: {}, ...(out ? { out } : {}) };
}

export interface GateOptions {
  stages?: readonly Stage[];
  /** Roots besides the workspace where output-dir may point (the runner's temp dir). */
  outputRoots?: string[];
  /** Fan-out: builds only the jobs this picks (a shard's share). */
  selectJobs?: RunState['selectJobs'];
}

export async function runGate(inputs: RawInputs, ports: Ports, options: GateOptions = {}): Promise<GateOutcome> {
  const config = parseConfig(inputs, {
    workspace: ports.workspace,
    env: ports.env,
    writableRoots: options.outputRoots ?? [ports.tempDir],
  });
  const stages = options.stages ?? STAGES;
  checkRuleOverrides(config, stages);
  const state = initialState(ports.env, openOutputDir(config.outDir));
  if (options.selectJobs) state.selectJobs = options.selectJobs;
  // Counts the annotations stages emit, so the report's own stay within GitHub's per-step limit.
  const log = countingLogger(ports.log);
  // Each stage's findings are located (a binary's at its main package's source) and annotated
  // inside that stage's log group, so they are printed under the stage that made them.
  const locate = artifactLocator(config.workspace, config.dir, () => state.artifacts);
  const annotator = stageAnnotator(log);
  const result = await runPipeline(stages, { config, ports: { ...ports, log }, state }, {
    afterStage: (r, stage) => {
      const located = { ...r, findings: locate(r.findings) };
      annotator.stage(located.findings, [...stage.rules, ...(r.rules ?? [])]);
      return located;
    },
  });
  annotator.finish();
  return writeReports(config, ports, state, result, log.tally, { annotated: true });
}

/**
 * An override for a rule id that does not exist would be silently ignored (a typo keeps a check
 * on that the user meant to turn off, or the reverse): refuse it, naming the known ids.
 */
function checkRuleOverrides(config: Config, stages: readonly Stage[]): void {
  const known = new Set(stages.flatMap((s) => s.rules.map((r) => r.id)));
  for (const id of config.rules.keys()) {
    if (id === STAGE_CRASHED.id) throw new ConfigError('rules', `${id} cannot be overridden: a check that did not run never passes`);
    if (!known.has(id) && !stages.some((s) => s.runtimeRuleIds?.test(id))) {
      const stage = id.split('/')[0];
      const near = [...known].filter((k) => k.startsWith(`${stage}/`));
      throw new ConfigError('rules', `unknown rule id "${id}"${near.length ? ` (${stage} rules: ${near.join(', ')})` : ''}; see docs/rules.md`);
    }
  }
}

export async function writeReports(config: Config, ports: Ports, state: RunState, result: RunResult, spent?: AnnotationTally, options: { annotated?: boolean } = {}): Promise<GateOutcome> {
  const goMod = path.join(config.dir, fs.existsSync(path.join(config.dir, 'go.mod')) ? 'go.mod' : '');
  const report: Report = {
    tool: { ...TOOL, version: GATE_VERSION },
    run: result,
    config,
    goVersion: state.go?.version ?? '',
    ...(state.go ? { go: state.go } : {}),
    artifacts: state.artifacts,
    defaultFile: displayPath(config.workspace, goMod) || 'go.mod',
    facts: state.facts,
  };
  const out = state.out ?? openOutputDir(config.outDir);
  const rendered = renderReports(report);
  const summary = rendered.summary;
  const files = {
    sarif: out.write('results.sarif', rendered.sarif),
    report: out.write('report.json', rendered.json),
    summary: out.write('summary.md', summary),
    ...(state.checksumsFile ? { checksums: state.checksumsFile } : {}),
  };
  // A failing verdict fails the step with one more error annotation: keep a slot for it.
  if (!options.annotated) annotate(result.findings, ports.log, { rules: allRules(result), spent, reserveErrors: result.verdict.passed ? 0 : 1 });

  const o = ports.outputs;
  o.set('verdict', result.verdict.passed ? 'pass' : 'fail');
  o.set('reasons', JSON.stringify(result.verdict.reasons));
  o.set('mode', config.mode);
  o.set('go-version', report.goVersion);
  o.set('artifacts', JSON.stringify(report.artifacts.map((a) => ({ path: a.displayPath, goos: a.goos, goarch: a.goarch, size: a.size, sha256: a.sha256 }))));
  o.set('checksums-file', files.checksums ?? '');
  o.set('sarif-file', files.sarif);
  o.set('report-file', files.report);
  o.set('summary-file', files.summary);
  o.set('cache-hit', state.facts['cache-hit'] ?? 'off');
  o.set('signatures', state.facts['sign.signatures'] ?? '[]');
  o.set('public-key', state.facts['sign.public-key'] ?? '');
  o.set('provenance', state.facts['sign.provenance'] ?? '');
  await o.summary(summary);
  return { config, result, report, files, out };
}
