import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);
import {
  PLAN_STATE_KEY,
  actionCacheStore,
  actionLogger,
  applyTrim,
  cell,
  dbNotWorthSaving,
  formatBytes,
  formatDuration,
  getState,
  isEmptyDir,
  listGoCache,
  nowMs,
  parsePlan,
  removeTree,
  saveDecision,
  sentence,
  summary,
  table,
  treeSize
} from "./chunks/chunk-LBPFEBYU.js";
import "./chunks/chunk-DUXI62Z6.js";

// src/stages/cache-save.ts
import fs from "node:fs";
import path from "node:path";

// src/cache/trim.ts
var GO_MTIME_INTERVAL_MS = 60 * 60 * 1e3;
var TRIM_SLACK_MS = 60 * 1e3;
function isCacheEntry(relPath) {
  return /^[0-9a-f]{2}\/[0-9a-f]+-[ad]$/.test(relPath);
}
function planTrim(files, opts) {
  const cutoffMs = opts.startedAtMs - GO_MTIME_INTERVAL_MS - TRIM_SLACK_MS;
  const sizeBefore = files.reduce((n, f) => n + f.size, 0);
  const neverSave = files.filter((f) => f.path === "trim.txt");
  const entries = files.filter((f) => isCacheEntry(f.path));
  const unused = entries.filter((f) => f.mtimeMs < cutoffMs);
  const dropped = /* @__PURE__ */ new Set([...unused, ...neverSave]);
  let size = sizeBefore - [...dropped].reduce((n, f) => n + f.size, 0);
  const overLimit = [];
  if (size > opts.maxBytes) {
    const kept = entries.filter((f) => !dropped.has(f)).sort((a, b) => a.mtimeMs - b.mtimeMs || (a.path < b.path ? -1 : 1));
    for (const f of kept) {
      if (size <= opts.maxBytes) break;
      overLimit.push(f);
      size -= f.size;
    }
  }
  return {
    unused,
    overLimit,
    neverSave,
    sizeBefore,
    sizeAfter: size,
    touchedThisRun: entries.filter((f) => f.mtimeMs >= opts.startedAtMs).length,
    cutoffMs
  };
}

// src/stages/cache-save.ts
var LABEL = { modules: "module cache (GOMODCACHE)", build: "build cache (GOCACHE)", "trivy-db": "Trivy vulnerability DB" };
function describeTrim(t) {
  const sum = (list) => formatBytes(list.reduce((n, f) => n + f.size, 0));
  const parts = [`${t.unused.length} entries not used this run (${sum(t.unused)})`];
  if (t.overLimit.length) parts.push(`${t.overLimit.length} oldest entries over cache-max-size (${sum(t.overLimit)})`);
  return `trimmed from ${formatBytes(t.sizeBefore)} to ${formatBytes(t.sizeAfter)}: dropped ${parts.join(" and ")}`;
}
function trimBuildCache(plan, dir) {
  const t = planTrim(listGoCache(dir), { startedAtMs: plan.startedAtMs, maxBytes: plan.maxBytes });
  applyTrim(dir, [...t.unused, ...t.overLimit, ...t.neverSave]);
  return t;
}
async function saveSlot(plan, slot, store, log) {
  const t0 = nowMs();
  const row = (result, detail, extra = {}) => ({
    slot,
    result,
    detail,
    bytes: 0,
    ms: Math.round(nowMs() - t0),
    ...extra
  });
  const decision = saveDecision(plan, slot);
  if (!decision.save) return row("skipped", decision.reason);
  if (!store) return row("skipped", "no cache store");
  if (!fs.existsSync(slot.dir) || isEmptyDir(slot.dir)) return row("skipped", "nothing to save: the directory is empty");
  if (slot.kind === "trivy-db") {
    const why = dbNotWorthSaving(slot.dir, Date.now());
    if (why) return row("skipped", why);
  }
  let trim;
  if (slot.kind === "build") {
    trim = trimBuildCache(plan, slot.dir);
    log.info(`${LABEL.build}: ${describeTrim(trim)}`);
    if (trim.touchedThisRun === 0) return row("skipped", "nothing was built or used this run", { trim });
  }
  const bytes = treeSize(slot.dir);
  try {
    await store.save([slot.dir], slot.key);
    log.info(`Saved the ${LABEL[slot.kind]} (${formatBytes(bytes)}) as ${slot.key}`);
    return row("saved", trim ? describeTrim(trim) : "", { bytes, ...trim ? { trim } : {} });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.warning(`Could not save the ${LABEL[slot.kind]} as ${slot.key}: ${sentence(message)} The next run restores an older entry or starts cold.`);
    return row("failed", message, { bytes, ...trim ? { trim } : {} });
  }
}
async function pruneStore(plan, store, rows, log) {
  if (!store?.prune || !rows.some((r) => r.result === "saved")) return;
  try {
    const keep = rows.filter((r) => r.result === "saved").map((r) => r.slot.key);
    const pruned = await store.prune({ maxBuildBytes: plan.maxBytes, keep });
    if (pruned.entries > 0) {
      log.info(`${store.kind}: dropped ${pruned.entries} older build cache (GOCACHE) entr${pruned.entries === 1 ? "y" : "ies"} (${formatBytes(pruned.bytes)}): only the newest per scope is kept, within cache-max-size`);
    }
  } catch (e) {
    log.warning(`Could not prune the ${store.kind}: ${sentence(e instanceof Error ? e.message : String(e))} It may hold more than it needs to.`);
  }
}
async function saveCaches(plan, store, log, options = {}) {
  const rows = [];
  for (const slot of plan.slots) {
    try {
      rows.push(await saveSlot(plan, slot, store, log));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log.warning(`Could not prepare the ${LABEL[slot.kind]} for saving: ${sentence(message)}`);
      rows.push({ slot, result: "failed", detail: message, bytes: 0, ms: 0 });
    }
  }
  await pruneStore(plan, store, rows, log);
  if (options.removeDirs) {
    for (const slot of plan.slots) {
      try {
        removeTree(slot.dir);
        const parent = path.dirname(slot.dir);
        if (fs.readdirSync(parent).every((n) => /^use-\d+$/.test(n))) removeTree(parent);
      } catch {
      }
    }
  }
  return rows;
}
function renderSaveSummary(rows) {
  const label = (s) => LABEL[s.kind];
  return [
    "### cache save",
    "",
    table(
      ["Cache", "Result", "Key", "Saved", "Trimmed", "Time", "Note"],
      rows.map((r) => [
        label(r.slot),
        r.result,
        cell(r.result === "saved" ? r.slot.key : ""),
        r.result === "saved" ? formatBytes(r.bytes) : "",
        r.trim ? cell(`${formatBytes(r.trim.sizeBefore)} -> ${formatBytes(r.trim.sizeAfter)}`) : "",
        formatDuration(r.ms),
        cell(r.result === "saved" ? "" : r.detail)
      ])
    ),
    ""
  ].join("\n");
}

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
