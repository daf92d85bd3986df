import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);
import {
  actionCacheStore,
  actionLogger,
  getState,
  info,
  summary,
  warning
} from "./chunks/chunk-BKCXIDOF.js";
import {
  renderSaveSummary,
  saveCaches
} from "./chunks/chunk-BNCLEA6W.js";
import {
  PLAN_STATE_KEY,
  parsePlan
} from "./chunks/chunk-Y5M3QMVS.js";

// src/action/post.ts
async function post() {
  const plan = parsePlan(getState(PLAN_STATE_KEY));
  if (!plan) {
    info("No cache to save.");
    return;
  }
  const rows = await saveCaches(plan, actionCacheStore(), actionLogger);
  await summary.addRaw(renderSaveSummary(rows)).write();
}
post().catch((e) => {
  warning(`cache save failed: ${e instanceof Error ? e.message : String(e)}`);
}).finally(() => process.exit(0));
