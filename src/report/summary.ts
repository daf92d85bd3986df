// The job summary a person reads in ten seconds: verdict and reasons first, then stages,
// artifacts and findings. Every tool- or file-derived text is escaped.
import type { Report } from './model.ts';
import { cell, escapeHtml, formatBytes, formatDuration, table } from './escape.ts';

const ICON = { passed: '✅', failed: '❌', skipped: '⏭️', errored: '💥' } as const;
const SEVERITY_ICON = { error: '❌', warning: '⚠️', note: 'ℹ️' } as const;
const MAX_FINDINGS_ROWS = 50;

export function renderSummary(r: Report): string {
  const v = r.run.verdict;
  const out: string[] = [];
  out.push(`## ${v.passed ? '✅' : '❌'} go-release-gate: ${v.passed ? 'pass' : 'fail'}`);
  out.push('');
  if (v.reasons.length) {
    out.push('**Why it failed**', '');
    for (const reason of v.reasons) out.push(`- ${cell(reason)}`);
    out.push('');
  }
  out.push(`Mode **${r.config.mode}** (${escapeHtml(r.config.modeReason)}), Go **${escapeHtml(r.goVersion || 'not installed')}**, ${r.config.targets.length} target(s), ${formatDuration(r.run.durationMs)}.`, '');

  out.push('### Stages', '');
  out.push(
    table(
      ['Stage', 'Status', 'Duration', 'Findings', 'Note'],
      r.run.stages.map((s) => [s.name, `${ICON[s.status]} ${s.status}`, formatDuration(s.durationMs), String(s.findings.length), cell(s.reason ?? '')]),
    ),
    '',
  );

  if (r.artifacts.length) {
    out.push('### Artifacts', '');
    out.push(
      table(
        ['File', 'Target', 'Size', 'SHA-256'],
        r.artifacts.map((a) => [`\`${cell(a.displayPath)}\``, `${a.goos}/${a.goarch}`, formatBytes(a.size), `\`${a.sha256}\``]),
      ),
      '',
    );
  }

  for (const s of r.run.stages) {
    if (!s.table && !s.details) continue;
    out.push(`### ${s.name}`, '');
    if (s.table) out.push(table(s.table.header.map(cell), s.table.rows.map((row) => row.map(cell))), '');
    if (s.details) out.push('<details><summary>Details</summary>', '', '<pre>', escapeHtml(s.details), '</pre>', '</details>', '');
  }

  const findings = r.run.findings;
  if (findings.length) {
    out.push('### Findings', '');
    const shown = findings.slice(0, MAX_FINDINGS_ROWS);
    out.push(
      table(
        ['', 'Rule', 'Where', 'Message'],
        shown.map((f) => [
          SEVERITY_ICON[f.severity],
          `\`${f.ruleId}\``,
          cell(f.location?.file ? `${f.location.file}${f.location.line ? `:${f.location.line}` : ''}` : (f.location?.artifact ?? '')),
          cell(f.message),
        ]),
      ),
      '',
    );
    if (findings.length > shown.length) out.push(`… and ${findings.length - shown.length} more in results.sarif and report.json.`, '');
    const withDetails = findings.filter((f) => f.details);
    for (const f of withDetails.slice(0, 20)) {
      out.push(`<details><summary>${cell(f.ruleId)}: ${cell(f.message)}</summary>`, '', '<pre>', escapeHtml(f.details!), '</pre>', '</details>', '');
    }
  }
  return `${out.join('\n')}\n`;
}
