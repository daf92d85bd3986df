// The Action's post step: saves the Go caches the main step restored (stages/cache-save.ts),
// after everything else in the job ran. It never fails the job.
import * as core from '@actions/core';
import { parsePlan, PLAN_STATE_KEY } from '../cache/plan.ts';
import { renderSaveSummary, saveCaches } from '../stages/cache-save.ts';
import { actionLogger } from './adapters.ts';
import { actionCacheStore } from './cache-store.ts';

async function post(): Promise<void> {
  const plan = parsePlan(core.getState(PLAN_STATE_KEY));
  if (!plan) {
    actionLogger.info('No cache to save.');
    return;
  }
  const rows = await saveCaches(plan, actionCacheStore(), actionLogger);
  await core.summary.addRaw(renderSaveSummary(rows)).write();
}

post()
  .catch((e: unknown) => {
    // A cache problem is never a reason to fail the job. Every line goes through actionLogger
    // (plain text neutralised, annotations escaped by @actions/core).
    actionLogger.warning(`cache save failed: ${e instanceof Error ? e.message : String(e)}`);
  })
  // An upload socket that never closes must not hold the job open after the save gave up.
  .finally(() => process.exit(0));
