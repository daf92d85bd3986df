import type { Report } from './model.ts';
import type { SarifRunStats } from './sarif.ts';
import type { StageResult } from '../pipeline/stage.ts';

/** report.json: the machine-readable record of one run, complete (nothing is cut here). */
/** One stage as report.json lists it (a single run and a merge of shards alike). */
export function stageEntry(s: StageResult) {
  return {
    name: s.name,
    status: s.status,
    ...(s.reason ? { reason: s.reason } : {}),
    durationMs: s.durationMs,
    findings: s.findings.length,
    ...(s.metrics ? { metrics: s.metrics } : {}),
    ...(s.tools?.length ? { tools: s.tools } : {}),
    ...(s.details ? { details: s.details } : {}),
  };
}

export function renderJson(r: Report, sarif?: SarifRunStats[]): string {
  const ev = r.config.event;
  const doc = {
    verdict: r.run.verdict.passed ? 'pass' : 'fail',
    reasons: r.run.verdict.reasons,
    goVersion: r.goVersion,
    mode: r.config.mode,
    modeReason: r.config.modeReason,
    cache: r.config.cache,
    event: { name: ev.name, ref: ev.ref, ...(ev.tag ? { tag: ev.tag } : {}), ...(ev.sha ? { sha: ev.sha } : {}), ...(ev.fromFork !== undefined ? { fromFork: ev.fromFork } : {}) },
    toolVersion: r.tool.version,
    startedAt: r.run.startedAt.toISOString(),
    durationMs: r.run.durationMs,
    stages: r.run.stages.map(stageEntry),
    findings: r.run.findings,
    artifacts: r.artifacts.map((a) => ({ path: a.displayPath, goos: a.goos, goarch: a.goarch, size: a.size, sha256: a.sha256 })),
    ...(sarif ? { sarif: sarif.map((s) => ({ tool: s.tool, category: s.category, results: s.kept, findings: s.total, ...(s.cut ? { cut: s.cut } : {}) })) } : {}),
    facts: r.facts,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
