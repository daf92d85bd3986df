// The cache plan: what the main step restored, handed to the post step (or, in the CLI, to the
// code that runs after the gate) so it saves exactly what is worth saving. Pure.
import type { CacheMode } from '../config/config.ts';
import { sameKey, type CacheKind, type RestoreState } from './keys.ts';

export const PLAN_STATE_KEY = 'cache-plan';

/** hit/partial/miss as keyed; error = the cache failed (we went on without it). */
export type SlotState = RestoreState | 'error';

export interface CacheSlot {
  kind: CacheKind;
  /** The directory restored into and saved from (GOMODCACHE or GOCACHE). */
  dir: string;
  key: string;
  restoreKeys: string[];
  state: SlotState;
  matchedKey?: string;
  /** The cache service can no longer be trusted with this directory (a restore that never returned). */
  noSave?: string;
  /** Why no restore was tried (a release never builds on a restored build cache). */
  notRestored?: string;
}

export interface CachePlan {
  version: 1;
  mode: CacheMode;
  /** Which store restored (and will save): "actions/cache", "local directory". */
  store: string;
  /** Taken before the first go command of the run: the reference for trimming. */
  startedAtMs: number;
  maxBytes: number;
  slots: CacheSlot[];
}

export function serializePlan(plan: CachePlan): string {
  return JSON.stringify(plan);
}

/** The plan from state; undefined when there is none or it is not ours (never throws). */
export function parsePlan(text: string): CachePlan | undefined {
  if (!text) return undefined;
  try {
    const p = JSON.parse(text) as CachePlan;
    if (p?.version !== 1 || !Array.isArray(p.slots) || typeof p.startedAtMs !== 'number') return undefined;
    return p;
  } catch {
    return undefined;
  }
}

export type SaveDecision = { save: true } | { save: false; reason: string };

/**
 * Whether a slot is worth saving, before looking at the directory. The module cache is saved
 * only when its key missed (the key of a hit already holds the same go.sum's modules, and keys
 * are immutable). The build cache is saved after every run; the caller also skips it when
 * nothing in it was written or used this run.
 */
export function saveDecision(plan: CachePlan, slot: CacheSlot): SaveDecision {
  if (plan.mode === 'read-only') return { save: false, reason: 'read-only: this run restores caches but never writes them' };
  if (plan.mode === 'off') return { save: false, reason: 'cache: off' };
  if (slot.noSave) return { save: false, reason: slot.noSave };
  if (sameKey(slot.matchedKey, slot.key)) {
    // Keys are immutable (and compared without case, as the service may hand them back in
    // another case): saving again could only fail.
    return { save: false, reason: slot.state === 'error' ? 'the entry for this key exists (only its download failed)' : 'exact key hit: the entry exists' };
  }
  if (slot.kind === 'modules' && slot.state === 'hit') return { save: false, reason: 'key hit: the entry for this go.sum exists' };
  return { save: true };
}
