import type { Finding, Rule, StageName } from './findings.ts';
import type { Config } from '../config/config.ts';
import type { Ports } from '../ports/ports.ts';
import type { OutputDir } from '../output/dir.ts';
import type { BuildJob } from '../fanout/split.ts';
import type { BuildParameters } from '../sign/provenance.ts';

export type StageStatus = 'passed' | 'failed' | 'skipped' | 'errored';

/** A file the gate produced (a binary, SHA256SUMS, a signature). */
export interface Artifact {
  /** Absolute path on this machine. */
  path: string;
  /** Path as reported: relative to the workspace when inside it. */
  displayPath: string;
  name: string;
  goos: string;
  goarch: string;
  size: number;
  sha256: string;
  /** Import path of the main package it was built from. */
  pkg: string;
}

export interface GoToolchain {
  /** Absolute path of the `go` binary used for every go command of the run. */
  bin: string;
  /** e.g. "1.26.3" */
  version: string;
  goroot: string;
  /** Where it came from, said in the summary: tool cache, PATH, download. */
  source: 'tool-cache' | 'path' | 'download';
}

/** What stages hand to later stages during one run. */
export interface RunState {
  go?: GoToolchain;
  /** Environment every go command of the run gets (GOTOOLCHAIN=local, GOFLAGS, caches). */
  goEnv: Record<string, string>;
  artifacts: Artifact[];
  checksumsFile?: string;
  /** Extra -mod flag decided by the modules stage (vendor builds). */
  modFlag?: string;
  /** Free-form values for the summary and outputs (cache keys, hit state, ...). */
  facts: Record<string, string>;
  /** The output directory: every file the run writes there goes through it. */
  out?: OutputDir;
  /**
   * Fan-out: given every build job of the release (known only once go list answered), the ones
   * this run builds. Unset: all of them.
   */
  selectJobs?: (jobs: readonly BuildJob[]) => readonly BuildJob[];
  /** Fan-out merge: how the shards built the merged binaries (for the provenance). Unset: this run's config. */
  built?: BuildParameters;
}

export interface StageResult {
  name: StageName;
  status: StageStatus;
  /** Why a stage was skipped or errored, one sentence. */
  reason?: string;
  findings: Finding[];
  durationMs: number;
  /** A table the summary shows for this stage; cells are plain text (the reporter escapes them). */
  table?: { header: string[]; rows: string[][] };
  /** Long raw text for a collapsed block (escaped by the reporter). */
  details?: string;
  metrics?: Record<string, number | string | boolean>;
  /** Rules known only at run time (one per advisory); the reports describe them like the stage's static rules. */
  rules?: Rule[];
  /** External tools this stage ran (Trivy, cosign): each tool with rules gets its own SARIF run. */
  tools?: ToolInfo[];
}

/** An external tool as SARIF's tool.driver names it. */
export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

export type StageOutcome = Omit<StageResult, 'name' | 'durationMs'> & {
  /**
   * Checks of this stage that go on while later stages run (module verification while the
   * build runs: the verdict does not depend on the order). Its outcome replaces this one; the
   * pipeline collects it before any stage that settles first, and always before the verdict.
   */
  pending?: Promise<StageOutcome>;
};

export interface StageContext {
  config: Config;
  ports: Ports;
  state: RunState;
  /** What the stage's prefetch answered, when the pipeline started it before the stage's turn. */
  prefetched?: Promise<unknown>;
}

export interface Stage {
  name: StageName;
  rules: readonly Rule[];
  /** Ids of rules the stage makes at run time (one per advisory), so the rules input may name them. */
  runtimeRuleIds?: RegExp;
  /** Waits for every stage still checking in the background before it runs (signing: nothing unverified is signed). */
  settlesFirst?: boolean;
  /** The whole stage: its outcome once every check is done. */
  run(ctx: StageContext): Promise<StageOutcome>;
  /** The same checks, but may hand back the slow read-only ones as `pending` so later stages start; the pipeline prefers it. */
  start?(ctx: StageContext): Promise<StageOutcome>;
  /**
   * A read-only question the stage may ask before its turn, as soon as the stage named `after`
   * is done (the build asks which packages are main once the caches are restored, while the
   * modules are verified). Its answer reaches run()/start() as ctx.prefetched; a stage must
   * still work without it (a pipeline without that stage never starts it).
   */
  prefetch?: { after: StageName; run(ctx: StageContext): Promise<unknown> };
}

/** The final outcome of a stage that may have handed back pending checks. */
export async function settled(outcome: StageOutcome): Promise<StageOutcome> {
  return outcome.pending ? settled(await outcome.pending) : outcome;
}

export function skipped(reason: string): StageOutcome {
  return { status: 'skipped', reason, findings: [] };
}

/** A stage that raises an error finding has failed; otherwise it passed. */
export function statusFrom(findings: Finding[]): StageStatus {
  return findings.some((f) => f.severity === 'error') ? 'failed' : 'passed';
}
