// CacheStore backed by @actions/cache (cache service v2 on hosted runners).
import * as cache from '@actions/cache';
import type { CacheStore } from '../ports/ports.ts';

export function actionCacheStore(): CacheStore | undefined {
  if (!cache.isFeatureAvailable()) return undefined;
  return {
    kind: 'actions/cache',
    async restore(paths, primaryKey, restoreKeys) {
      const matchedKey = await cache.restoreCache(paths, primaryKey, restoreKeys);
      return matchedKey ? { matchedKey } : {};
    },
    async save(paths, key) {
      await cache.saveCache(paths, key);
    },
  };
}
