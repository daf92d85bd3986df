// Runs the stages in order, times each, and never lets one stage's crash kill the report:
// a thrown error becomes an "errored" stage with a finding, and the verdict fails.
import type { Stage, StageContext, StageResult } from './stage.ts';
import type { Finding, Rule } from './findings.ts';
import { finding, rule as defineRule, compareFindings } from './findings.ts';
import { applyRuleOverrides, decide, type Verdict } from './gate.ts';

export const STAGE_CRASHED = defineRule({
  id: 'gate/stage-errored',
  name: 'StageErrored',
  shortDescription: 'A stage of the gate could not complete.',
  fullDescription: 'A stage of the gate stopped with an error before it could finish its checks. The gate never passes on a check that did not run.',
  help: 'Read the error message; it names the file, line or offset that was wrong. Fix the input or the environment and run again.',
  defaultSeverity: 'error',
});

export interface RunResult {
  verdict: Verdict;
  stages: StageResult[];
  findings: Finding[];
  rules: Rule[];
  startedAt: Date;
  durationMs: number;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export interface PipelineHooks {
  /**
   * Runs inside the stage's log group once the stage is done (a crashed one too): may return the
   * result with its findings located, and logs them there, so every finding is printed under
   * the stage that made it.
   */
  afterStage?(result: StageResult, stage: Stage): StageResult;
}

async function runStage(stage: Stage, ctx: StageContext): Promise<StageResult> {
  const s0 = performance.now();
  let result: StageResult;
  try {
    const outcome = await stage.run(ctx);
    result = { ...outcome, name: stage.name, durationMs: 0, findings: applyRuleOverrides(outcome.findings, ctx.config.rules) };
    // Overrides can turn the only error into a warning: the stage then passes.
    if (result.status === 'failed' && outcome.findings.some((f) => f.severity === 'error') && !result.findings.some((f) => f.severity === 'error')) {
      result.status = 'passed';
    }
  } catch (e) {
    const message = `${stage.name} stage: ${errorText(e)}`;
    ctx.ports.log.error(message);
    result = {
      name: stage.name,
      status: 'errored',
      reason: errorText(e),
      durationMs: 0,
      findings: [finding(STAGE_CRASHED, stage.name, { message, subject: stage.name, details: e instanceof Error && e.stack ? e.stack : undefined })],
    };
  }
  result.durationMs = Math.round(performance.now() - s0);
  return result;
}

export async function runPipeline(stages: readonly Stage[], ctx: StageContext, hooks: PipelineHooks = {}): Promise<RunResult> {
  const startedAt = new Date();
  const t0 = performance.now();
  const results: StageResult[] = [];
  for (const stage of stages) {
    const result = await ctx.ports.log.group(`${stage.name}`, async () => {
      const done = await runStage(stage, ctx);
      return hooks.afterStage ? hooks.afterStage(done, stage) : done;
    });
    results.push(result);
  }
  const findings = results.flatMap((r) => r.findings).sort(compareFindings);
  const rules = [STAGE_CRASHED, ...stages.flatMap((s) => s.rules)];
  return {
    verdict: decide(results),
    stages: results,
    findings,
    rules: rules.filter((r, i) => rules.findIndex((x) => x.id === r.id) === i),
    startedAt,
    durationMs: Math.round(performance.now() - t0),
  };
}
