// The merged release's job summary: the verdict and its reasons first, then the shards (where
// each ran, how long, its verdict), the stages across shards, the merge's signing (the rows an
// unsharded release report has), the binaries and the findings.
// Every text from a bundle is escaped: a bundle is another job's output.
import { cell, code, formatBytes, formatDuration, table, truncateText } from '../report/escape.ts';
import { where } from '../report/model.ts';
import { SUMMARY_LIMIT } from '../report/summary.ts';
import { signatureTable, signingRows } from '../report/release.ts';
import type { MergedRecord } from './merge.ts';

const ICON = { passed: '✅', failed: '❌', skipped: '⏭️', errored: '💥' } as const;
const MAX_ROWS = 200;

/** The sign stage of the merge, said as an unsharded release report says it: what was signed, how to verify. */
function signing(r: MergedRecord): string[] {
  const s = r.stages.find((x) => x.name === 'sign');
  if (!s) return [];
  const out = [`### ${ICON[s.status]} sign: ${s.status} (${formatDuration(s.durationMs)})`, ''];
  if (s.reason) out.push(`> ${cell(s.reason)}`, '');
  out.push(table(['', ''], signingRows(s, r.facts)), '', ...signatureTable(r.facts));
  return out;
}

export function renderMergeSummary(r: MergedRecord): string {
  const v = r.verdict;
  const out = [`## ${v.passed ? '✅' : '❌'} go-release-gate: ${v.passed ? 'pass' : 'fail'} (${r.set.count} shard${r.set.count === 1 ? '' : 's'} merged)`, ''];
  if (v.reasons.length) {
    out.push('**Why it failed**', '');
    for (const reason of v.reasons) out.push(`- ${cell(truncateText(reason, 2000))}`);
    out.push('');
  }
  out.push(
    `Mode **${cell(r.mode)}** (${cell(r.modeReason)}), commit ${code(r.commit || 'unknown')}, Go **${cell(r.goVersion || 'not installed')}**, ` +
      `set ${code(r.set.id.slice(0, 12))} of ${r.set.jobs} build job(s), ${r.artifacts.length} binar${r.artifacts.length === 1 ? 'y' : 'ies'} merged.`,
    '',
    '### Shards',
    '',
    table(['Shard', 'Runner', 'Duration', 'Verdict', 'Binaries', 'Bundle'], r.shards.map((s) => [
      cell(s.shard), cell(s.runner), formatDuration(s.durationMs), s.verdict === 'pass' ? '✅ pass' : '❌ fail', String(s.binaries), code(s.source),
    ])),
    '',
    '### Stages across shards',
    '',
    table(['Stage', 'Status', 'Findings', 'Longest'], r.stages.map((s) => [
      cell(s.name), `${ICON[s.status]} ${s.status}${s.reason ? `: ${cell(s.reason)}` : ''}`, String(s.findings.length), formatDuration(s.durationMs),
    ])),
    '',
  );
  out.push(...signing(r));
  if (r.artifacts.length) {
    out.push('### Binaries', '', table(['File', 'Target', 'Size', 'SHA-256'], r.artifacts.slice(0, MAX_ROWS).map((a) => [code(a.name), cell(`${a.goos}/${a.goarch}`), formatBytes(a.size), code(a.sha256)])), '');
    if (r.artifacts.length > MAX_ROWS) out.push(`${r.artifacts.length - MAX_ROWS} more in report.json.`, '');
  }
  if (r.findings.length) {
    out.push('### Findings', '', table(['Severity', 'Rule', 'Where', 'Message'], r.findings.slice(0, MAX_ROWS).map((f) => [f.severity, code(f.ruleId), cell(where(f)), cell(truncateText(f.message, 500))])), '');
    if (r.findings.length > MAX_ROWS) out.push(`${r.findings.length - MAX_ROWS} more in report.json.`, '');
  }
  const text = `${out.join('\n')}\n`;
  return text.length <= SUMMARY_LIMIT ? text : `${text.slice(0, text.lastIndexOf('\n', SUMMARY_LIMIT - 200))}\n\n… cut to stay under GitHub's 1 MiB summary limit (full record in report.json)\n`;
}
