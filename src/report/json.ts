import type { Report } from './model.ts';

/** report.json: the machine-readable record of one run. */
export function renderJson(r: Report): string {
  const doc = {
    verdict: r.run.verdict.passed ? 'pass' : 'fail',
    reasons: r.run.verdict.reasons,
    goVersion: r.goVersion,
    mode: r.config.mode,
    toolVersion: r.tool.version,
    startedAt: r.run.startedAt.toISOString(),
    durationMs: r.run.durationMs,
    stages: r.run.stages.map((s) => ({
      name: s.name,
      status: s.status,
      ...(s.reason ? { reason: s.reason } : {}),
      durationMs: s.durationMs,
      findings: s.findings.length,
      ...(s.metrics ? { metrics: s.metrics } : {}),
    })),
    findings: r.run.findings,
    artifacts: r.artifacts.map((a) => ({ path: a.displayPath, goos: a.goos, goarch: a.goarch, size: a.size, sha256: a.sha256 })),
    facts: r.facts,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
