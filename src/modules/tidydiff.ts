// `go mod tidy -diff` (Go >= 1.23) prints a unified diff of go.mod and go.sum against their
// tidy form. Each run of changed lines becomes one change at its line in the current file.
import { parseDirectives } from './modfile.ts';

export interface TidyChange {
  /** File name as the go command prints it relative to the module: "go.mod" or "go.sum". */
  file: string;
  /** 1-based line in the current file: the first removed line, or the line before which lines are added (0 when the file is empty). */
  line: number;
  removed: string[];
  added: string[];
}

export class TidyDiffError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TidyDiffError';
  }
}

const FILE_HEADER = /^diff current\/(\S+) tidy\/(\S+)$/;
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export function parseTidyDiff(output: string): TidyChange[] {
  const changes: TidyChange[] = [];
  let file: string | undefined;
  let line = 0; // next line of the current file
  let change: TidyChange | undefined;
  let inHunk = false;
  for (const raw of output.split('\n')) {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const header = FILE_HEADER.exec(text);
    if (header) {
      file = header[1];
      inHunk = false;
      change = undefined;
      continue;
    }
    if (!file) {
      if (text.trim() === '') continue;
      throw new TidyDiffError(`unexpected line before the first "diff current/... tidy/..." header: ${JSON.stringify(text)}`);
    }
    if (!inHunk && (text.startsWith('--- ') || text.startsWith('+++ '))) continue;
    const hunk = HUNK.exec(text);
    if (hunk) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      // A hunk "-N,0" adds after line N; everything else starts at line N.
      line = count === 0 ? start + 1 : start;
      inHunk = true;
      change = undefined;
      continue;
    }
    if (!inHunk) {
      if (text.trim() === '') continue;
      throw new TidyDiffError(`unexpected line outside a hunk of ${file}: ${JSON.stringify(text)}`);
    }
    if (text.startsWith('\\')) continue; // "\ No newline at end of file"
    const mark = text[0];
    if (mark === '-' || mark === '+') {
      if (!change) {
        change = { file, line, removed: [], added: [] };
        changes.push(change);
      }
      if (mark === '-') {
        change.removed.push(text.slice(1));
        line++;
      } else {
        change.added.push(text.slice(1));
      }
    } else if (mark === ' ' || text === '') {
      change = undefined;
      line++;
    } else {
      throw new TidyDiffError(`unexpected line in a hunk of ${file}: ${JSON.stringify(text)}`);
    }
  }
  return changes;
}

function directivesOf(lines: readonly string[]): string | undefined {
  try {
    return JSON.stringify(parseDirectives(lines.join('\n'), 'go.mod').map((d) => [d.verb, d.args, d.comment]));
  } catch {
    return undefined;
  }
}

/**
 * A go.mod change that only moves text around (a one-entry `retract ( ... )` block that tidy
 * writes on one line, spacing, blank lines): the same directives, arguments and comments on both
 * sides. Returns a readable description of the new layout, or undefined when the meaning differs.
 */
export function formattingOnly(change: TidyChange): { summary: string; details: string } | undefined {
  if (change.file !== 'go.mod') return undefined;
  const before = directivesOf(change.removed);
  if (before === undefined || before !== directivesOf(change.added)) return undefined;
  const last = change.line + Math.max(change.removed.length, 1) - 1;
  const span = change.removed.length > 1 ? `lines ${change.line}-${last}` : `line ${change.line}`;
  const block = /^(\w+)\s*\($/.exec(change.removed[0]?.trim() ?? '');
  const what = block ? `the ${block[1]} block of ${span}` : span;
  const after = change.added.length === 0 ? 'without them' : change.added.length === 1 ? `on one line, "${change.added[0].trim()}"` : `as ${change.added.length} lines`;
  return {
    summary: `${what} ${change.added.length === 0 ? 'are dropped' : `written ${after}`}`,
    details: `as committed (${span}):\n${change.removed.join('\n')}\nas go mod tidy writes it:\n${change.added.join('\n')}`,
  };
}
