// Annotations on the exact file and line. GitHub shows at most 10 errors and 10 warnings per
// step and silently drops the rest, and the step's other messages (a crashed stage, the failed
// step itself) count too: so the most severe go first, within what is left, and the last slot
// says how many more there are and where.
import type { Finding, Location, Rule } from '../pipeline/findings.ts';
import type { Logger } from '../ports/ports.ts';
import { rankFindings } from './model.ts';
import { STAGE_CRASHED } from '../pipeline/pipeline.ts';
import { repoRelative } from './location.ts';

export const ANNOTATION_LIMIT = 10;

/** Annotations the step already spent (stages' own warnings, errors of crashed stages). */
export interface AnnotationTally {
  error: number;
  warning: number;
}

/** Wraps a logger to count the annotations it emits, so the report knows what is left. */
export function countingLogger(log: Logger): Logger & { tally: AnnotationTally } {
  const tally: AnnotationTally = { error: 0, warning: 0 };
  return {
    tally,
    info: (m) => log.info(m),
    debug: (m) => log.debug(m),
    warning: (m, loc) => {
      tally.warning++;
      log.warning(m, loc);
    },
    error: (m, loc) => {
      tally.error++;
      log.error(m, loc);
    },
    group: (name, fn) => log.group(name, fn),
    mask: (s) => log.mask(s),
  };
}

/**
 * Only repository paths: an annotation on a path outside the checkout, or on a built file (not
 * in the repository; a binary's finding carries its main package's source when it is known),
 * lands nowhere.
 */
function annotationLocation(loc: Location | undefined): Location | undefined {
  if (!loc) return undefined;
  const file = repoRelative(loc.file);
  if (file) return { file, ...(loc.line ? { line: loc.line } : {}), ...(loc.line && loc.column ? { column: loc.column } : {}) };
  return undefined;
}

export interface AnnotateOptions {
  rules?: readonly Rule[];
  /** Already spent by this step. */
  spent?: AnnotationTally;
  /** Error slots to keep free, e.g. 1 for the failed step's own message. */
  reserveErrors?: number;
}

export function annotate(findings: readonly Finding[], log: Logger, opts: AnnotateOptions = {}): { error: number; warning: number } {
  // runPipeline announces each crashed stage as an error the moment it happens (and the tally
  // counted it): annotating its finding again would say the same thing twice.
  const ranked = rankFindings(findings.filter((f) => f.ruleId !== STAGE_CRASHED.id), opts.rules ?? []);
  const emitted = { error: 0, warning: 0 };
  for (const severity of ['error', 'warning'] as const) {
    const list = ranked.filter((f) => f.severity === severity);
    const emit = severity === 'error' ? log.error.bind(log) : log.warning.bind(log);
    const budget = Math.max(0, ANNOTATION_LIMIT - (opts.spent?.[severity] ?? 0) - (severity === 'error' ? (opts.reserveErrors ?? 0) : 0));
    // One slot goes to the "N more" note when the list does not fit.
    const shown = list.length <= budget ? list : list.slice(0, Math.max(0, budget - 1));
    for (const f of shown) emit(`${f.ruleId}: ${f.message}`, annotationLocation(f.location));
    const more = list.length - shown.length;
    if (more > 0) {
      const text = `${more} more ${severity}${more === 1 ? '' : 's'} not shown as annotations (GitHub shows ${ANNOTATION_LIMIT} per step): see the job summary, results.sarif and report.json.`;
      if (budget > 0) emit(text);
      else log.info(text);
    }
    emitted[severity] = shown.length + (more > 0 && budget > 0 ? 1 : 0);
  }
  return emitted;
}

/**
 * Annotations stage by stage, each inside its stage's log group, so every finding is printed
 * under the stage that made it. GitHub's per-step limit is shared: each stage's most severe
 * go first while slots remain, one error slot stays free for the failed step's own message and
 * one slot per severity for the "N more" note that finish() writes once every stage ran.
 */
export function stageAnnotator(log: Logger & { tally: AnnotationTally }) {
  const hidden = { error: 0, warning: 0 };
  const reserve = { error: 1, warning: 0 };
  return {
    stage(findings: readonly Finding[], rules: readonly Rule[]): void {
      const ranked = rankFindings(findings.filter((f) => f.ruleId !== STAGE_CRASHED.id), rules);
      for (const severity of ['error', 'warning'] as const) {
        const emit = severity === 'error' ? log.error.bind(log) : log.warning.bind(log);
        for (const f of ranked.filter((x) => x.severity === severity)) {
          // The last slot is kept back for the "more" note; once one finding is hidden, so are the rest.
          const free = ANNOTATION_LIMIT - log.tally[severity] - reserve[severity];
          if (hidden[severity] === 0 && free > 1) emit(`${f.ruleId}: ${f.message}`, annotationLocation(f.location));
          else {
            hidden[severity]++;
            log.info(`${severity} ${f.ruleId}: ${f.message} (not annotated: GitHub shows ${ANNOTATION_LIMIT} per step)`);
          }
        }
      }
    },
    /** After the last stage: how many were not annotated, and where they are. */
    finish(): void {
      for (const severity of ['error', 'warning'] as const) {
        const more = hidden[severity];
        if (more === 0) continue;
        const text = `${more} more ${severity}${more === 1 ? '' : 's'} not shown as annotations (GitHub shows ${ANNOTATION_LIMIT} per step): see the job summary, results.sarif and report.json.`;
        if (ANNOTATION_LIMIT - log.tally[severity] - reserve[severity] > 0) (severity === 'error' ? log.error : log.warning).call(log, text);
        else log.info(text);
      }
    },
  };
}
