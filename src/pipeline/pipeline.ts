// Runs the stages in order, times each, and never lets one stage's crash kill the report:
// a thrown error becomes an "errored" stage with a finding, and the verdict fails.
import type { Stage, StageContext, StageOutcome, StageResult } from './stage.ts';
import type { Logger } from '../ports/ports.ts';
import type { Finding, Rule } from './findings.ts';
import { finding, rule as defineRule, compareFindings } from './findings.ts';
import { applyRuleOverrides, decide, type Verdict } from './gate.ts';
import { nowMs } from '../util/clock.ts';

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

export async function runPipeline(stages: readonly Stage[], ctx: StageContext, hooks: PipelineHooks = {}): Promise<RunResult> {
  const startedAt = new Date();
  const t0 = nowMs();
  const results: StageResult[] = [];
  const after = (r: StageResult, stage: Stage) => (hooks.afterStage ? hooks.afterStage(r, stage) : r);
  const background: { index: number; stage: Stage; started: number; ended: { at?: number }; pending: Promise<StageOutcome>; log: DeferredLog }[] = [];

  const settle = async () => {
    for (const b of background.splice(0)) {
      // The stage's own group closed when it handed over; its later lines go in a group of their own.
      results[b.index] = await ctx.ports.log.group(`${b.stage.name} (checks that ran alongside)`, async () => {
        b.log.flush();
        const r = await finish(b.stage, ctx, () => b.pending);
        b.log.flush();
        return after(r, b.stage);
      });
      // Its own time: from its start until its checks ended, not until the pipeline collected them.
      results[b.index].durationMs = Math.round((b.ended.at ?? nowMs()) - b.started);
    }
  };

  // Prefetches started early, by stage: their lines are held until the stage's own group opens.
  const early = new Map<Stage, { answer: Promise<unknown>; log: DeferredLog }>();
  const contextFor = (log: DeferredLog): StageContext => {
    const exec = ctx.ports.exec?.withLog?.(log.logger) ?? ctx.ports.exec;
    return { ...ctx, ports: { ...ctx.ports, log: log.logger, exec } };
  };
  const startPrefetches = (done: Stage) => {
    for (const later of stages.slice(stages.indexOf(done) + 1)) {
      if (later.prefetch?.after !== done.name || early.has(later)) continue;
      const log = deferredLog(ctx.ports.log);
      log.buffer();
      // Started now, not on a later tick: its processes are what the stages in between overlap.
      let answer: Promise<unknown>;
      try {
        answer = Promise.resolve(later.prefetch.run(contextFor(log)));
      } catch (e) {
        answer = Promise.reject(e);
      }
      // Observed here; the stage that awaits it sees the rejection.
      answer.catch(() => undefined);
      early.set(later, { answer, log });
    }
  };

  for (const stage of stages) {
    if (stage.settlesFirst) await settle();
    const s0 = nowMs();
    const log = deferredLog(ctx.ports.log);
    const pre = early.get(stage);
    const stageCtx: StageContext = { ...contextFor(log), ...(pre ? { prefetched: pre.answer } : {}) };
    let pending: Promise<StageOutcome> | undefined;
    const result = await ctx.ports.log.group(`${stage.name}`, async () => {
      pre?.log.flush();
      const done = await finish(stage, stageCtx, async () => {
        const outcome = await (stage.start ?? stage.run)(stageCtx);
        pending = outcome.pending;
        // Nothing may go unobserved: a rejection is collected by settle(), never an unhandled one.
        pending?.catch(() => undefined);
        return outcome;
      });
      // A stage still checking in the background reports its findings when it has them all.
      return pending ? done : after(done, stage);
    });
    result.durationMs = Math.round(nowMs() - s0);
    results.push(result);
    startPrefetches(stage);
    if (pending) {
      log.buffer();
      const ended: { at?: number } = {};
      const mark = () => void (ended.at = nowMs());
      pending.then(mark, mark);
      background.push({ index: results.length - 1, stage, started: s0, ended, pending, log });
    }
  }
  await settle();
  const findings = results.flatMap((r) => r.findings).sort(compareFindings);
  const rules = [STAGE_CRASHED, ...stages.flatMap((s) => s.rules)];
  return {
    verdict: decide(results),
    stages: results,
    findings,
    rules: rules.filter((r, i) => rules.findIndex((x) => x.id === r.id) === i),
    startedAt,
    durationMs: Math.round(nowMs() - t0),
  };
}

/** One stage's outcome as a result: overrides applied, a thrown error turned into an errored stage. */
async function finish(stage: Stage, ctx: StageContext, run: () => Promise<StageOutcome>): Promise<StageResult> {
  try {
    const { pending: _pending, ...outcome } = await run();
    const result: StageResult = { ...outcome, name: stage.name, durationMs: 0, findings: applyRuleOverrides(outcome.findings, ctx.config.rules) };
    // Overrides can turn the only error into a warning: the stage then passes.
    if (result.status === 'failed' && outcome.findings.some((f) => f.severity === 'error') && !result.findings.some((f) => f.severity === 'error')) {
      result.status = 'passed';
    }
    return result;
  } catch (e) {
    const message = `${stage.name} stage: ${errorText(e)}`;
    ctx.ports.log.error(message);
    return {
      name: stage.name,
      status: 'errored',
      reason: errorText(e),
      durationMs: 0,
      findings: [finding(STAGE_CRASHED, stage.name, { message, subject: stage.name, details: e instanceof Error && e.stack ? e.stack : undefined })],
    };
  }
}

interface DeferredLog {
  logger: Logger;
  /** From now on, hold lines back (the stage's group has closed). */
  buffer(): void;
  /** Write what was held back, and write straight through again. */
  flush(): void;
}

/**
 * A stage's logger that can hold its lines while the stage works in the background, so they
 * appear together under its name instead of inside another stage's group. Masks are never held:
 * a secret must be masked before anything could print it.
 */
function deferredLog(base: Logger): DeferredLog {
  let held: (() => void)[] | undefined;
  const via = (f: () => void) => (held ? held.push(f) : f());
  return {
    logger: {
      info: (m) => via(() => base.info(m)),
      debug: (m) => via(() => base.debug(m)),
      warning: (m, loc) => via(() => base.warning(m, loc)),
      error: (m, loc) => via(() => base.error(m, loc)),
      group: (name, fn) => (held ? fn() : base.group(name, fn)),
      mask: (s) => base.mask(s),
    },
    buffer: () => {
      held = [];
    },
    flush: () => {
      const lines = held ?? [];
      held = undefined;
      for (const f of lines) f();
    },
  };
}
