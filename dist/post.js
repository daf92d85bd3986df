import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);
import {
  actionCacheStore,
  actionLogger
} from "./chunks/chunk-NKU27L4B.js";
import {
  renderSaveSummary,
  saveCaches
} from "./chunks/chunk-LPWZKM4D.js";
import {
  PLAN_STATE_KEY,
  getState,
  parsePlan,
  summary
} from "./chunks/chunk-YRSI3ZJS.js";

// src/action/post.ts
async function post() {
  const plan = parsePlan(getState(PLAN_STATE_KEY));
  if (!plan) {
    actionLogger.info("No cache to save.");
    return;
  }
  const rows = await saveCaches(plan, actionCacheStore(), actionLogger);
  await summary.addRaw(renderSaveSummary(rows)).write();
}
post().catch((e) => {
  actionLogger.warning(`cache save failed: ${e instanceof Error ? e.message : String(e)}`);
}).finally(() => process.exit(0));
