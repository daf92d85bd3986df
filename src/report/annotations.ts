// Annotations on the exact file and line. GitHub shows at most 10 errors and 10 warnings
// per step: emit the most severe first and say how many more are in the report.
import type { Finding } from '../pipeline/findings.ts';
import type { Logger } from '../ports/ports.ts';

export const ANNOTATION_LIMIT = 10;

export function annotate(findings: readonly Finding[], log: Logger): void {
  for (const severity of ['error', 'warning'] as const) {
    const list = findings.filter((f) => f.severity === severity);
    const emit = severity === 'error' ? log.error.bind(log) : log.warning.bind(log);
    list.slice(0, ANNOTATION_LIMIT).forEach((f) => emit(`${f.ruleId}: ${f.message}`, f.location));
    if (list.length > ANNOTATION_LIMIT) {
      log.info(`${list.length - ANNOTATION_LIMIT} more ${severity}s are in results.sarif, report.json and the job summary.`);
    }
  }
}
