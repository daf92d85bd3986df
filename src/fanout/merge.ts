// Merging the shards' results into one release record. Pure: parsed bundle documents in, texts
// out. The rules: SHA256SUMS sorted without duplicates; findings and SARIF results
// deduplicated by fingerprint (each shard repeats the module's own findings, and each is one
// finding of the release); SARIF keeps one run per tool and category; one verdict over the
// merged stages plus the merge's own checks.
import { compareFindings, type Finding, type Rule, type StageName } from '../pipeline/findings.ts';
import type { StageResult, StageStatus } from '../pipeline/stage.ts';
import { decide, type Verdict } from '../pipeline/gate.ts';
import { renderChecksums } from '../build/args.ts';
import { SARIF_LIMITS, sarifResult, sarifRule } from '../report/sarif.ts';
import { stageEntry } from '../report/json.ts';
import { shardLabel } from './split.ts';
import type { ShardManifest } from './manifest.ts';

type Obj = Record<string, unknown>;

/** One SHA256SUMS over every shard's lines: sorted by name, each once. A name with two digests is a conflict. */
export function mergeChecksums(lists: readonly { name: string; sha256: string }[][]): { text: string; conflicts: string[] } {
  const byName = new Map<string, string>();
  const conflicts: string[] = [];
  for (const list of lists) {
    for (const e of list) {
      const had = byName.get(e.name);
      if (had === undefined) byName.set(e.name, e.sha256);
      else if (had !== e.sha256 && !conflicts.includes(e.name)) conflicts.push(e.name);
    }
  }
  return { text: renderChecksums([...byName].map(([name, sha256]) => ({ name, sha256 }))), conflicts: conflicts.sort() };
}

/**
 * Each shard's findings, once: the n-th finding of a fingerprint in one shard is the same
 * finding as the n-th of that fingerprint in another (SARIF numbers occurrences the same way).
 */
export function mergeFindings(perShard: readonly Finding[][]): Finding[] {
  const kept = new Map<string, Finding>();
  for (const findings of perShard) {
    const n = new Map<string, number>();
    for (const f of findings) {
      const k = (n.get(f.fingerprint) ?? 0) + 1;
      n.set(f.fingerprint, k);
      const key = `${f.fingerprint}:${k}`;
      if (!kept.has(key)) kept.set(key, f);
    }
  }
  return [...kept.values()].sort(compareFindings);
}

/** A stage as report.json records it. */
export interface StageRecord {
  name: StageName;
  status: StageStatus;
  reason?: string;
  durationMs: number;
  metrics?: Record<string, number | string | boolean>;
}

const WORST: StageStatus[] = ['errored', 'failed', 'passed', 'skipped'];

/**
 * One stage per name: the worst status any shard had (a stage that ran somewhere passed rather
 * than skipped), the longest duration (shards run side by side), numeric metrics summed.
 */
export function mergeStages(perShard: readonly StageRecord[][], findings: readonly Finding[]): StageResult[] {
  const names: StageName[] = [];
  for (const stages of perShard) for (const s of stages) if (!names.includes(s.name)) names.push(s.name);
  return names.map((name) => {
    const all = perShard.flatMap((stages) => stages.filter((s) => s.name === name));
    const status = WORST.find((st) => all.some((s) => s.status === st)) ?? 'skipped';
    const reason = all.find((s) => s.status === status && s.reason)?.reason;
    const metrics: Record<string, number | string | boolean> = {};
    const keys = [...new Set(all.flatMap((s) => Object.keys(s.metrics ?? {})))];
    for (const k of keys) {
      const values = all.map((s) => s.metrics?.[k]).filter((v) => v !== undefined);
      if (values.every((v) => typeof v === 'number')) metrics[k] = (values as number[]).reduce((a, b) => a + b, 0);
      else if (values.every((v) => v === values[0])) metrics[k] = values[0]!;
    }
    return {
      name,
      status,
      ...(reason ? { reason } : {}),
      durationMs: Math.max(0, ...all.map((s) => s.durationMs)),
      findings: findings.filter((f) => f.stage === name),
      ...(keys.length ? { metrics } : {}),
    };
  });
}

/** The verdict of the merged release: every shard stage's findings and the merge's own checks. */
export function mergedVerdict(stages: readonly StageResult[]): Verdict {
  return decide(stages);
}

const LEVEL_ORDER: Record<string, number> = { error: 0, warning: 1, note: 2, none: 3 };

interface SarifRun extends Obj {
  tool: { driver: Obj & { name: string; rules?: Obj[] } };
  automationDetails?: { id?: string };
  invocations?: Obj[];
  results?: Obj[];
}

/**
 * One SARIF document over the shards': a run per tool + category (code scanning rejects two
 * runs of one category in a file), its rules united by id, its results deduplicated by their
 * fingerprint (the shards each report the module's own findings), errors first. The merge's
 * own findings go in go-release-gate's checks run.
 */
export function mergeSarif(docs: readonly Obj[], extra: { findings: Finding[]; rules: Rule[]; defaultFile: string; tool: { name: string; version: string; informationUri: string } }): string {
  const runs = new Map<string, SarifRun>();
  const order: string[] = [];
  for (const doc of docs) {
    for (const run of (doc.runs as SarifRun[] | undefined) ?? []) {
      const key = `${run.tool.driver.name}\0${run.automationDetails?.id ?? ''}`;
      const into = runs.get(key);
      if (!into) {
        runs.set(key, structuredClone({ ...run, results: [] }));
        order.push(key);
      }
      addResults(runs.get(key)!, run);
    }
  }
  if (extra.findings.length) {
    let checks = [...runs.values()].find((r) => r.tool.driver.name === extra.tool.name);
    if (!checks) {
      checks = {
        tool: { driver: { name: extra.tool.name, version: extra.tool.version, informationUri: extra.tool.informationUri, semanticVersion: extra.tool.version, rules: [] } },
        automationDetails: { id: 'go-release-gate/checks/' },
        invocations: [{ executionSuccessful: true }],
        results: [],
      };
      runs.set('checks', checks);
      order.unshift('checks');
    }
    const rules = checks.tool.driver.rules ?? (checks.tool.driver.rules = []);
    for (const r of extra.rules) if (!rules.some((x) => x.id === r.id)) rules.push(sarifRule(r) as unknown as Obj);
    const seen = new Map<string, number>();
    for (const f of extra.findings) {
      const n = (seen.get(f.fingerprint) ?? 0) + 1;
      seen.set(f.fingerprint, n);
      checks.results!.push(sarifResult(f, rules.findIndex((x) => x.id === f.ruleId), `${f.fingerprint}:${n}`, extra.defaultFile) as unknown as Obj);
    }
  }
  for (const run of runs.values()) {
    run.results = run.results!.map((r, i) => ({ r, i })).sort((a, b) => (LEVEL_ORDER[String(a.r.level)] ?? 3) - (LEVEL_ORDER[String(b.r.level)] ?? 3) || a.i - b.i).map((x) => x.r);
    // Code scanning keeps 25,000 results per run: the most severe stay (each shard kept within it, the union may not).
    if (run.results.length > SARIF_LIMITS.resultsPerRun) run.results = run.results.slice(0, SARIF_LIMITS.resultsPerRun);
  }
  const doc = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: order.map((k) => runs.get(k)!) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function fingerprintOf(result: Obj): string {
  const fp = (result.partialFingerprints as Obj | undefined)?.primaryLocationLineHash;
  return typeof fp === 'string' ? fp : JSON.stringify([result.ruleId, result.message, result.locations]);
}

/** Adds run's rules and results to into: rule indexes re-pointed at the merged rule list, each fingerprint once. */
function addResults(into: SarifRun, run: SarifRun): void {
  const rules = into.tool.driver.rules ?? (into.tool.driver.rules = []);
  const own = run.tool.driver.rules ?? [];
  for (const r of own) if (!rules.some((x) => x.id === r.id)) rules.push(structuredClone(r));
  const have = new Set(into.results!.map(fingerprintOf));
  for (const result of run.results ?? []) {
    const fp = fingerprintOf(result);
    if (have.has(fp)) continue;
    have.add(fp);
    const index = rules.findIndex((x) => x.id === result.ruleId);
    into.results!.push({ ...structuredClone(result), ...(index >= 0 ? { ruleIndex: index } : {}) });
  }
  // A run that failed anywhere did not run successfully for the release; times span every shard.
  const a = (into.invocations ??= [{}])[0];
  const b = run.invocations?.[0];
  if (b && a !== b) {
    a.executionSuccessful = a.executionSuccessful !== false && b.executionSuccessful !== false;
    if (typeof b.startTimeUtc === 'string' && (typeof a.startTimeUtc !== 'string' || b.startTimeUtc < a.startTimeUtc)) a.startTimeUtc = b.startTimeUtc;
    if (typeof b.endTimeUtc === 'string' && (typeof a.endTimeUtc !== 'string' || b.endTimeUtc > a.endTimeUtc)) a.endTimeUtc = b.endTimeUtc;
    const notes = [...((a.toolExecutionNotifications as Obj[] | undefined) ?? []), ...((b.toolExecutionNotifications as Obj[] | undefined) ?? [])];
    const unique = notes.filter((n, i) => notes.findIndex((x) => JSON.stringify(x) === JSON.stringify(n)) === i);
    if (unique.length) a.toolExecutionNotifications = unique;
  }
}

/** One row of the shard table. */
export interface ShardRow {
  shard: string;
  source: string;
  runner: string;
  durationMs: number;
  verdict: 'pass' | 'fail';
  binaries: number;
  /** Whether its binaries are part of the merged release. */
  merged: boolean;
}

export function shardRow(source: string, m: ShardManifest, merged: boolean): ShardRow {
  return { shard: shardLabel(m.shard), source, runner: `${m.runner.os}/${m.runner.arch}`, durationMs: m.durationMs, verdict: m.verdict, binaries: m.binaries.length, merged };
}

export interface MergedArtifact { path: string; name: string; goos: string; goarch: string; size: number; sha256: string }

export interface MergedRecord {
  verdict: Verdict;
  stages: StageResult[];
  findings: Finding[];
  shards: ShardRow[];
  artifacts: MergedArtifact[];
  set: { id: string; count: number; jobs: number };
  commit: string;
  goVersion: string;
  toolVersion: string;
  mode: string;
  modeReason: string;
  startedAt: string;
  durationMs: number;
  /** What the sign stage recorded (signatures, public key, provenance), as a run's report.json has them. */
  facts: Record<string, string>;
}

/** report.json of the merged release: the unsharded report's fields, plus the shard table and the set. */
export function renderMergedJson(r: MergedRecord): string {
  const doc = {
    verdict: r.verdict.passed ? 'pass' : 'fail',
    reasons: r.verdict.reasons,
    goVersion: r.goVersion,
    mode: r.mode,
    modeReason: r.modeReason,
    toolVersion: r.toolVersion,
    startedAt: r.startedAt,
    durationMs: r.durationMs,
    merged: { set: r.set, commit: r.commit, shards: r.shards },
    stages: r.stages.map(stageEntry),
    findings: r.findings,
    artifacts: r.artifacts.map((a) => ({ path: a.path, goos: a.goos, goarch: a.goarch, size: a.size, sha256: a.sha256 })),
    facts: r.facts,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

