// The scan stage's reachability step: govulncheck over the module (src/scan/reach-run.ts), then
// the pure join with Trivy's advisories (src/scan/reachability.ts). The stage gates, reports and
// renders from the joined findings only, so SARIF, the summary and the verdict agree.
import path from 'node:path';
import type { Finding, Location, Rule } from '../pipeline/findings.ts';
import type { StageContext } from '../pipeline/stage.ts';
import type { GoMod } from '../modules/gomod.ts';
import { displayPath } from '../util/path.ts';
import type { ScanFindings } from './findings.ts';
import { runReachability } from './reach-run.ts';
import { codeFlowOf, joinReachability, mainModulesOf, pathText, type JoinedAdvisory } from './reachability.ts';

export interface ReachabilityStep {
  /** Trivy's advisories first, in their order, then the entries only govulncheck reported. */
  findings: Finding[];
  rules: Rule[];
  /** One cell per Trivy advisory, in the same order: its reachability and the first frames of the path. */
  reachability: string[];
  /** Summary rows (the scan table's columns) for the entries only govulncheck reported. */
  extraRows: string[][];
  details: string[];
  tool?: { name: string; version: string; informationUri: string };
  metrics: Record<string, number | string | boolean>;
}

export async function reachabilityStep(ctx: StageContext, scan: ScanFindings, gomod: { file: string; gomod?: GoMod } | undefined): Promise<ReachabilityStep> {
  const { config } = ctx;
  const run = await runReachability(ctx);
  const moduleDir = displayPath(config.workspace, config.dir);
  const requireLocation = (module: string): Location | undefined => {
    if (!gomod) return undefined;
    const r = gomod.gomod?.requires.find((x) => x.path === module);
    return { file: gomod.file, line: r?.line ?? gomod.gomod?.module.line ?? 1 };
  };
  const { joined, rules } = joinReachability(
    scan.findings.map((f, i) => ({ finding: f, id: scan.rows[i].vuln.id })),
    run.runs,
    {
      policy: config.vulnReachability,
      analysed: run.analysed,
      ...(run.reason ? { notAnalysedReason: run.reason } : {}),
      moduleDir,
      requireLocation,
      govulncheckOnlySeverity: config.severity === 'NONE' ? 'warning' : 'error',
    },
  );
  const mainModules = mainModulesOf(run.runs);
  const findings = joined.map((j) => withFlow(j, moduleDir, mainModules));
  const cell = (j: JoinedAdvisory) => `${j.reachability}${j.path ? `: ${pathText(j.path, 3)}` : ''}`;
  const reachability = joined.filter((j) => j.source === 'trivy').map(cell);
  const extraRows = joined.filter((j) => j.source === 'govulncheck').map((j) => [
    j.id, 'none in the Go DB', j.finding.message.split(' has ')[0], '', '', j.finding.location?.file ? `${j.finding.location.file}:${j.finding.location.line ?? 1}` : '',
    cell(j), j.finding.severity === 'error' ? 'fails the gate' : 'dormant (warning)',
  ]);
  const details = [
    run.analysed
      ? `Reachability: govulncheck ${run.tool!.version} (${run.tool!.source}), DB ${run.db}, source mode on ${run.runs.map((r) => r.platform).join(', ')}; policy vuln-reachability: ${config.vulnReachability}.`
      : `Reachability: not analysed (${run.reason}); every advisory is gated as found.`,
  ];
  return {
    findings,
    rules,
    reachability,
    extraRows,
    details,
    ...(run.analysed ? { tool: { name: 'govulncheck', version: run.tool!.version, informationUri: 'https://go.dev/security/vuln' } } : {}),
    metrics: {
      reachability: run.analysed ? 'analysed' : 'not analysed',
      called: joined.filter((j) => j.reachability === 'called').length,
      dormant: joined.filter((j) => j.dormant).length,
    },
  };
}

/** A called advisory carries its call path as steps the SARIF writer turns into a code flow. */
function withFlow(j: JoinedAdvisory, moduleDir: string, mainModules: ReadonlySet<string>): Finding {
  if (j.reachability !== 'called' || !j.path) return j.finding;
  return { ...j.finding, codeFlow: codeFlowOf(j.path, moduleDir, mainModules), properties: { reachability: j.reachability, platforms: j.platforms.join(',') } };
}
