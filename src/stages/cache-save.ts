// Saving the Go caches after the gate ran: the Action's post step and the CLI (which has no
// post step) both call saveCaches with the plan the cache stage left. The module cache is saved
// only when its key missed; the build cache after every run that built, trimmed first to what
// this run used. A cache problem is a warning, never a failure.
import fs from 'node:fs';
import path from 'node:path';
import type { CacheStore, Logger } from '../ports/ports.ts';
import { saveDecision, type CachePlan, type CacheSlot } from '../cache/plan.ts';
import type { CacheKind } from '../cache/keys.ts';
import { planTrim, type TrimPlan } from '../cache/trim.ts';
import { applyTrim, isEmptyDir, listGoCache, removeTree, treeSize } from '../cache/disk.ts';
import { dbNotWorthSaving } from '../scan/db.ts';
import { cell, formatBytes, formatDuration, sentence, table } from '../report/escape.ts';
import { nowMs } from '../util/clock.ts';

const LABEL: Record<CacheKind, string> = { modules: 'module cache (GOMODCACHE)', build: 'build cache (GOCACHE)', 'trivy-db': 'Trivy vulnerability DB' };

export interface SaveRow {
  slot: CacheSlot;
  result: 'saved' | 'skipped' | 'failed';
  detail: string;
  /** Bytes of the directory as saved (after trimming). */
  bytes: number;
  trim?: TrimPlan;
  ms: number;
}

function describeTrim(t: TrimPlan): string {
  const sum = (list: { size: number }[]) => formatBytes(list.reduce((n, f) => n + f.size, 0));
  // trim.txt is dropped too (restoring it would stop Go's own trim), but it is not a cache entry
  // worth a word: the line is about the build cache and its entries.
  const parts = [`${t.unused.length} entries not used this run (${sum(t.unused)})`];
  if (t.overLimit.length) parts.push(`${t.overLimit.length} oldest entries over cache-max-size (${sum(t.overLimit)})`);
  return `trimmed from ${formatBytes(t.sizeBefore)} to ${formatBytes(t.sizeAfter)}: dropped ${parts.join(' and ')}`;
}

/** Drops unused entries, trim.txt and what exceeds the limit, in place. */
export function trimBuildCache(plan: CachePlan, dir: string): TrimPlan {
  const t = planTrim(listGoCache(dir), { startedAtMs: plan.startedAtMs, maxBytes: plan.maxBytes });
  applyTrim(dir, [...t.unused, ...t.overLimit, ...t.neverSave]);
  return t;
}

async function saveSlot(plan: CachePlan, slot: CacheSlot, store: CacheStore | undefined, log: Logger): Promise<SaveRow> {
  const t0 = nowMs();
  const row = (result: SaveRow['result'], detail: string, extra: Partial<SaveRow> = {}): SaveRow => ({
    slot, result, detail, bytes: 0, ms: Math.round(nowMs() - t0), ...extra,
  });
  const decision = saveDecision(plan, slot);
  if (!decision.save) return row('skipped', decision.reason);
  if (!store) return row('skipped', 'no cache store');
  if (!fs.existsSync(slot.dir) || isEmptyDir(slot.dir)) return row('skipped', 'nothing to save: the directory is empty');
  if (slot.kind === 'trivy-db') {
    const why = dbNotWorthSaving(slot.dir, Date.now());
    if (why) return row('skipped', why);
  }
  let trim: TrimPlan | undefined;
  if (slot.kind === 'build') {
    trim = trimBuildCache(plan, slot.dir);
    log.info(`${LABEL.build}: ${describeTrim(trim)}`);
    // Nothing written and nothing used: the restored entry already holds all of it.
    if (trim.touchedThisRun === 0) return row('skipped', 'nothing was built or used this run', { trim });
  }
  const bytes = treeSize(slot.dir);
  try {
    await store.save([slot.dir], slot.key);
    log.info(`Saved the ${LABEL[slot.kind]} (${formatBytes(bytes)}) as ${slot.key}`);
    return row('saved', trim ? describeTrim(trim) : '', { bytes, ...(trim ? { trim } : {}) });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.warning(`Could not save the ${LABEL[slot.kind]} as ${slot.key}: ${sentence(message)} The next run restores an older entry or starts cold.`);
    return row('failed', message, { bytes, ...(trim ? { trim } : {}) });
  }
}

/** Lets a store that keeps its own entries drop what this run's saves superseded (never fails the save). */
async function pruneStore(plan: CachePlan, store: CacheStore | undefined, rows: readonly SaveRow[], log: Logger): Promise<void> {
  if (!store?.prune || !rows.some((r) => r.result === 'saved')) return;
  try {
    const keep = rows.filter((r) => r.result === 'saved').map((r) => r.slot.key);
    const pruned = await store.prune({ maxBuildBytes: plan.maxBytes, keep });
    if (pruned.entries > 0) {
      log.info(`${store.kind}: dropped ${pruned.entries} older build cache (GOCACHE) entr${pruned.entries === 1 ? 'y' : 'ies'} (${formatBytes(pruned.bytes)}): only the newest per scope is kept, within cache-max-size`);
    }
  } catch (e) {
    log.warning(`Could not prune the ${store.kind}: ${sentence(e instanceof Error ? e.message : String(e))} It may hold more than it needs to.`);
  }
}

export interface SaveOptions {
  /** Delete the restored directories afterwards (the CLI's temp copies; the runner cleans RUNNER_TEMP itself). */
  removeDirs?: boolean;
}

export async function saveCaches(plan: CachePlan, store: CacheStore | undefined, log: Logger, options: SaveOptions = {}): Promise<SaveRow[]> {
  const rows: SaveRow[] = [];
  for (const slot of plan.slots) {
    try {
      rows.push(await saveSlot(plan, slot, store, log));
    } catch (e) {
      // Trimming or sizing failed (a file vanished, a permission): this cache is not saved.
      const message = e instanceof Error ? e.message : String(e);
      log.warning(`Could not prepare the ${LABEL[slot.kind]} for saving: ${sentence(message)}`);
      rows.push({ slot, result: 'failed', detail: message, bytes: 0, ms: 0 });
    }
  }
  await pruneStore(plan, store, rows, log);
  if (options.removeDirs) {
    for (const slot of plan.slots) {
      try {
        removeTree(slot.dir);
        // The parent holds only the claims of this job's uses (disk.ts claimCacheDirs) once empty.
        const parent = path.dirname(slot.dir);
        if (fs.readdirSync(parent).every((n) => /^use-\d+$/.test(n))) removeTree(parent);
      } catch {
        // a leftover temp directory is not worth a warning
      }
    }
  }
  return rows;
}

export function renderSaveSummary(rows: readonly SaveRow[]): string {
  const label = (s: CacheSlot) => LABEL[s.kind];
  return [
    '### cache save',
    '',
    table(
      ['Cache', 'Result', 'Key', 'Saved', 'Trimmed', 'Time', 'Note'],
      rows.map((r) => [
        label(r.slot),
        r.result,
        cell(r.result === 'saved' ? r.slot.key : ''),
        r.result === 'saved' ? formatBytes(r.bytes) : '',
        r.trim ? cell(`${formatBytes(r.trim.sizeBefore)} -> ${formatBytes(r.trim.sizeAfter)}`) : '',
        formatDuration(r.ms),
        cell(r.result === 'saved' ? '' : r.detail),
      ]),
    ),
    '',
  ].join('\n');
}
