// The end of a CLI run at a glance: the verdict, its reasons, one compact line of stages, then
// where the reports are. Colours only when the caller says the terminal is a TTY: a log file
// or a CI console gets plain words. Pure.
import type { RunResult } from '../pipeline/pipeline.ts';
import type { StageResult } from '../pipeline/stage.ts';
import { safeLogText } from '../util/logtext.ts';
import { formatSeconds } from './progress.ts';

const ANSI = { red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };
type Colour = keyof typeof ANSI;

export interface VerdictFiles {
  summary: string;
  report: string;
  sarif: string;
  checksums?: string;
}

function paint(on: boolean) {
  return (colour: Colour, s: string) => (on ? `${ANSI[colour]}${s}${ANSI.reset}` : s);
}

const STATUS_COLOUR: Record<string, Colour> = { passed: 'green', failed: 'red', errored: 'red', skipped: 'dim' };

function stagePart(s: StageResult, c: ReturnType<typeof paint>): string {
  const time = s.status === 'skipped' ? '' : ` ${formatSeconds(s.durationMs)}`;
  return `${s.name} ${c(STATUS_COLOUR[s.status] ?? 'yellow', s.status)}${time}`;
}

export function renderVerdict(result: Pick<RunResult, 'verdict' | 'stages'>, files: VerdictFiles, opts: { colour: boolean }): string {
  const c = paint(opts.colour);
  const v = result.verdict;
  const lines = [`verdict: ${v.passed ? c('green', 'pass') : c('red', 'fail')}`];
  // Reasons carry repository text (file names, compiler messages): neutralised as log text.
  for (const r of v.reasons) lines.push(safeLogText(`  - ${r}`));
  lines.push(`stages: ${result.stages.map((s) => stagePart(s, c)).join(', ')}`);
  lines.push(`summary: ${files.summary}`, `report: ${files.report}`, `sarif: ${files.sarif}`);
  if (files.checksums) lines.push(`checksums: ${files.checksums}`);
  return `${lines.join('\n')}\n`;
}
