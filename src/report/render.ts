// Every report of one run, rendered from the same findings: the SARIF first, because the
// summary and report.json say what the SARIF had to leave out.
import type { Report } from './model.ts';
import { buildSarif, type SarifRunStats } from './sarif.ts';
import { renderJson } from './json.ts';
import { renderSummary } from './summary.ts';

export interface RenderedReports {
  sarif: string;
  json: string;
  summary: string;
  sarifRuns: SarifRunStats[];
}

export function renderReports(r: Report): RenderedReports {
  const sarif = buildSarif(r);
  return {
    sarif: sarif.text,
    json: renderJson(r, sarif.runs),
    summary: renderSummary(r, { sarif: sarif.runs }),
    sarifRuns: sarif.runs,
  };
}
