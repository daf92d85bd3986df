// The job summary a person reads in ten seconds: verdict and reasons first, then one section
// per stage (its table, its findings, long output collapsed). Every tool- or file-derived text
// is escaped, and the whole stays under GitHub's 1 MiB per step: blocks that would overflow are
// left out with a visible note, never cut mid-tag.
import type { Report } from './model.ts';
import type { StageResult } from '../pipeline/stage.ts';
import type { SarifRunStats } from './sarif.ts';
import { SARIF_LIMITS } from './sarif.ts';
import { allRules, rankFindings, where } from './model.ts';
import { cell, code, detailsBlock, escapeHtml, formatBytes, formatDuration, table, truncateText } from './escape.ts';
import { renderReleaseReport } from './release.ts';

/** GitHub refuses a step summary over 1 MiB. */
export const SUMMARY_LIMIT = 1024 * 1024;
const DETAILS_CHARS = 64 * 1024;
const FINDING_ROWS_PER_STAGE = 100;
const FINDING_DETAILS_PER_STAGE = 20;
const REASON_CHARS = 2_000;

const ICON = { passed: '✅', failed: '❌', skipped: '⏭️', errored: '💥' } as const;
const SEVERITY_ICON = { error: '❌ error', warning: '⚠️ warning', note: 'ℹ️ note' } as const;

export interface SummaryOptions {
  /** What the SARIF writer kept per run, to say so when it had to cut. */
  sarif?: SarifRunStats[];
  limit?: number;
}

interface Block {
  text: string;
  /** Always kept (verdict, reasons, overview): small by construction. */
  essential?: boolean;
  /** Named in the truncation note when left out. */
  label: string;
}

/**
 * What happened to the caches, not only what the mode was: a skipped cache stage says why it
 * was skipped, and a release that restored only the module cache says so.
 */
function cacheWords(r: Report): string {
  const c = r.config;
  const stage = r.run.stages.find((s) => s.name === 'cache');
  if (c.cache === 'off') return `**off** (the cache stage was skipped: the cache input is off)`;
  if (stage?.status === 'skipped') return `**not used** (${c.cache}, but the cache stage was skipped: ${cell(stage.reason ?? 'no reason given')})`;
  if (r.facts['cache-build'] === 'not restored') return `**${c.cache}**, module cache only (release builds never use a restored build cache)`;
  return `**${c.cache}**`;
}

function head(r: Report): string {
  const v = r.run.verdict;
  const out = [`## ${v.passed ? '✅' : '❌'} go-release-gate: ${v.passed ? 'pass' : 'fail'}`, ''];
  if (v.reasons.length) {
    out.push('**Why it failed**', '');
    for (const reason of v.reasons) out.push(`- ${cell(truncateText(reason, REASON_CHARS))}`);
    out.push('');
  }
  const c = r.config;
  out.push(
    `Mode **${c.mode}** (${cell(c.modeReason)}), caches ${cacheWords(r)}, Go **${cell(r.goVersion || 'not installed')}**, ` +
      `${c.targets.length} target(s), ${formatDuration(r.run.durationMs)}.`,
    '',
  );
  return out.join('\n');
}

function notes(r: Report, opts: SummaryOptions): string {
  const out: string[] = [];
  for (const s of opts.sarif ?? []) {
    if (!s.cut) continue;
    const why = s.cut === 'results-per-run'
      ? `GitHub accepts at most ${SARIF_LIMITS.resultsPerRun.toLocaleString('en-US')} results per run`
      : `GitHub accepts at most ${formatBytes(SARIF_LIMITS.gzipBytes)} of gzipped SARIF`;
    out.push(`> [!WARNING]\n> results.sarif holds the ${s.kept} most severe of ${s.total} ${cell(s.tool)} findings (${why}); every finding is in report.json.`, '');
  }
  const known = new Set(allRules(r.run).map((x) => x.id));
  const unknown = [...r.config.rules.keys()].filter((id) => !known.has(id));
  if (unknown.length) {
    out.push(`> [!WARNING]\n> The rules input names ${unknown.map(code).join(', ')}, which match no rule of this version: ${unknown.length === 1 ? 'that override has' : 'those overrides have'} no effect.`, '');
  }
  return out.join('\n');
}

function overview(r: Report): string {
  return [
    '### Stages',
    '',
    table(
      ['Stage', 'Status', 'Duration', 'Errors', 'Warnings', 'Notes'],
      r.run.stages.map((s) => {
        const n = (sev: string) => String(s.findings.filter((f) => f.severity === sev).length);
        return [s.name, `${ICON[s.status]} ${s.status}`, formatDuration(s.durationMs), n('error'), n('warning'), n('note')];
      }),
    ),
    '',
  ].join('\n');
}

function artifacts(r: Report): string {
  return [
    '### Artifacts',
    '',
    table(['File', 'Target', 'Size', 'SHA-256'], r.artifacts.map((a) => [code(a.displayPath), `${a.goos}/${a.goarch}`, formatBytes(a.size), code(a.sha256)])),
    '',
  ].join('\n');
}

function stageBlocks(r: Report, s: StageResult): Block[] {
  const blocks: Block[] = [];
  const top = [`### ${ICON[s.status]} ${s.name}: ${s.status} (${formatDuration(s.durationMs)})`, ''];
  if (s.reason) top.push(`> ${cell(s.reason)}`, '');
  if (s.table) top.push(table(s.table.header.map(cell), s.table.rows.map((row) => row.map(cell))), '');
  const ranked = rankFindings(s.findings, allRules(r.run));
  if (ranked.length === 0 && !s.table) top.push(s.status === 'skipped' ? 'Nothing checked.' : 'No findings.', '');
  blocks.push({ text: top.join('\n'), label: `${s.name} section` });
  if (ranked.length) {
    const shown = ranked.slice(0, FINDING_ROWS_PER_STAGE);
    const rows = shown.map((f) => [SEVERITY_ICON[f.severity], code(f.ruleId), where(f) ? code(where(f)) : '', cell(truncateText(f.message, REASON_CHARS))]);
    const more = ranked.length > shown.length ? `\n\n… and ${ranked.length - shown.length} more ${s.name} findings in results.sarif and report.json.` : '';
    blocks.push({ text: `${table(['Severity', 'Rule', 'Where', 'Message'], rows)}${more}\n`, label: `${s.name} findings` });
  }
  if (s.details) blocks.push({ text: `${detailsBlock(`${s.name} output`, s.details, DETAILS_CHARS)}\n`, label: `${s.name} output` });
  for (const f of ranked.filter((x) => x.details).slice(0, FINDING_DETAILS_PER_STAGE)) {
    // The stage's own output already holds the same text (the build's compiler output): do not show it twice.
    if (s.details && f.details && s.details.includes(f.details)) continue;
    blocks.push({ text: `${detailsBlock(`${f.ruleId}: ${truncateText(f.message, 200)}`, f.details!, DETAILS_CHARS)}\n`, label: `${s.name} details` });
  }
  return blocks;
}

/** Keeps blocks in order while they fit; essential blocks always. */
function fit(blocks: Block[], limit: number): string {
  const noteBudget = 2_048;
  let used = blocks.filter((b) => b.essential).reduce((n, b) => n + Buffer.byteLength(b.text) + 1, 0);
  const out: string[] = [];
  const omitted: string[] = [];
  let omittedBytes = 0;
  for (const b of blocks) {
    const size = Buffer.byteLength(b.text) + 1;
    if (b.essential) {
      out.push(b.text);
      continue;
    }
    if (used + size + noteBudget > limit) {
      omitted.push(b.label);
      omittedBytes += size;
      continue;
    }
    out.push(b.text);
    used += size;
  }
  if (omitted.length) {
    const labels = [...new Set(omitted)];
    out.push(
      `> [!WARNING]\n> **Summary truncated**: ${omitted.length} block(s) (${formatBytes(omittedBytes)}) were left out to stay under GitHub's ${formatBytes(limit)} step-summary limit: ` +
        `${escapeHtml(labels.slice(0, 10).join(', '))}${labels.length > 10 ? ', …' : ''}. Every finding is in results.sarif and report.json.\n`,
    );
  }
  const text = out.join('\n');
  if (Buffer.byteLength(text) <= limit - 1) return text;
  // Only the essential blocks can get here (thousands of binaries): cut at a line, say so.
  const note = `\n\n**Summary truncated** at ${formatBytes(limit)} (GitHub's step-summary limit); everything is in report.json.`;
  let cut = Buffer.from(text).subarray(0, limit - 1 - Buffer.byteLength(note)).toString('utf8');
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf('\n')));
  return `${cut}${note}`;
}

export function renderSummary(r: Report, opts: SummaryOptions = {}): string {
  const blocks: Block[] = [
    { text: head(r), essential: true, label: 'verdict' },
    { text: notes(r, opts), essential: true, label: 'notes' },
    { text: overview(r), essential: true, label: 'stages' },
  ];
  if (r.config.mode === 'release') blocks.push({ text: renderReleaseReport(r), essential: true, label: 'release report' });
  else if (r.artifacts.length) blocks.push({ text: artifacts(r), label: 'artifacts' });
  for (const s of r.run.stages) blocks.push(...stageBlocks(r, s));
  return `${fit(blocks.filter((b) => b.text !== ''), opts.limit ?? SUMMARY_LIMIT)}\n`;
}

/** The summary of a run that never got to its reports: refused inputs, or a crash of the gate itself. */
export function renderConfigErrorSummary(message: string, refused = true): string {
  const after = refused
    ? 'Nothing was run: the inputs were refused before any command started.'
    : 'The gate itself failed before it could write its reports; this is a bug in go-release-gate.';
  return `## ❌ go-release-gate: fail\n\n**Why it failed**\n\n- ${cell(truncateText(message, REASON_CHARS))}\n\n${after}\n`;
}
