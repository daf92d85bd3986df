import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);
import {
  actionCacheStore,
  actionLogger
} from "./chunks/chunk-MM5KAGND.js";
import {
  getState,
  summary
} from "./chunks/chunk-IDR34LM5.js";
import {
  renderSaveSummary,
  saveCaches
} from "./chunks/chunk-XIMODR2G.js";
import {
  PLAN_STATE_KEY,
  parsePlan
} from "./chunks/chunk-EFQCT4K6.js";
import "./chunks/chunk-6BI6WN2A.js";
import "./chunks/chunk-DUXI62Z6.js";

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
