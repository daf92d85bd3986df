// A CacheStore in a local directory for the CLI (--cache-dir): the same keys, prefix matching
// and immutability as the Actions cache service, one tar archive per saved directory.
//
//   <root>/entries/<sha256(key)>/meta.json   {key, createdAtMs, accessedAtMs, paths, bytes}
//   <root>/entries/<sha256(key)>/<i>.tar     the i-th directory, relative to itself
//
// Like the service, entries nobody restored for 7 days go, and the least recently used go
// first when the directory grows past its limit (10 GiB by default). After each run's saves,
// prune() keeps only the newest build cache per scope, within cache-max-size (cache/prune.ts):
// without it every run would add a whole build cache.
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { sha256Hex } from '../util/hash.ts';
import type { CacheStore } from '../ports/ports.ts';
import { matchEntry } from '../cache/match.ts';
import { planPrune } from '../cache/prune.ts';

interface Meta {
  key: string;
  createdAtMs: number;
  accessedAtMs: number;
  paths: number;
  bytes: number;
}

export interface LocalStoreOptions {
  maxBytes?: number;
  maxIdleMs?: number;
  now?: () => number;
}

const DAY = 24 * 60 * 60 * 1000;

function entryName(key: string): string {
  return sha256Hex(key).slice(0, 40);
}

async function tar(args: string[]): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    execFile('tar', args, { maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (e, _stdout, stderr) => {
      if (e) reject(new Error(`tar ${args[0]} failed: ${(stderr || e.message).trim()}`));
      else resolve();
    });
  });
}

export function localCacheStore(root: string, options: LocalStoreOptions = {}): CacheStore {
  const entriesDir = path.join(root, 'entries');
  const now = options.now ?? Date.now;
  const maxBytes = options.maxBytes ?? 10 * 1024 ** 3;
  const maxIdleMs = options.maxIdleMs ?? 7 * DAY;

  const readEntries = (): (Meta & { dir: string })[] => {
    if (!fs.existsSync(entriesDir)) return [];
    const out: (Meta & { dir: string })[] = [];
    for (const name of fs.readdirSync(entriesDir)) {
      if (name.startsWith('.')) continue;
      const dir = path.join(entriesDir, name);
      try {
        out.push({ ...(JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as Meta), dir });
      } catch {
        // a half-written or foreign directory is not an entry
      }
    }
    return out;
  };

  const evict = () => {
    const t = now();
    const entries = readEntries().sort((a, b) => a.accessedAtMs - b.accessedAtMs);
    let total = entries.reduce((n, e) => n + e.bytes, 0);
    for (const e of entries) {
      if (t - e.accessedAtMs <= maxIdleMs && total <= maxBytes) break;
      fs.rmSync(e.dir, { recursive: true, force: true });
      total -= e.bytes;
    }
  };

  return {
    kind: 'local directory',
    // The CLI has no post step: it saves once the gate has written its reports.
    savedAt: 'end of the run',
    async restore(paths, primaryKey, restoreKeys) {
      const entry = matchEntry(readEntries().filter((e) => e.paths === paths.length), primaryKey, restoreKeys);
      if (!entry) return {};
      for (const [i, p] of paths.entries()) {
        fs.mkdirSync(p, { recursive: true });
        await tar(['-xf', path.join(entry.dir, `${i}.tar`), '-C', p]);
      }
      const meta: Meta = { key: entry.key, createdAtMs: entry.createdAtMs, accessedAtMs: now(), paths: entry.paths, bytes: entry.bytes };
      fs.writeFileSync(path.join(entry.dir, 'meta.json'), JSON.stringify(meta));
      return { matchedKey: entry.key };
    },
    async save(paths, key) {
      const final = path.join(entriesDir, entryName(key));
      // Keys are immutable, as in the cache service: the first save wins.
      if (fs.existsSync(path.join(final, 'meta.json'))) return;
      fs.mkdirSync(entriesDir, { recursive: true });
      const tmp = fs.mkdtempSync(path.join(entriesDir, '.new-'));
      try {
        let bytes = 0;
        for (const [i, p] of paths.entries()) {
          if (!fs.existsSync(p)) throw new Error(`${p} does not exist`);
          const archive = path.join(tmp, `${i}.tar`);
          await tar(['-cf', archive, '-C', p, '.']);
          bytes += fs.statSync(archive).size;
        }
        const t = now();
        const meta: Meta = { key, createdAtMs: t, accessedAtMs: t, paths: paths.length, bytes };
        fs.writeFileSync(path.join(tmp, 'meta.json'), JSON.stringify(meta));
        try {
          fs.renameSync(tmp, final);
        } catch (e) {
          // Another process saved the same key first.
          if (!fs.existsSync(path.join(final, 'meta.json'))) throw e;
        }
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
      evict();
    },
    async prune(policy) {
      let bytes = 0;
      const drop = planPrune(readEntries(), policy);
      for (const e of drop) {
        fs.rmSync(e.dir, { recursive: true, force: true });
        bytes += e.bytes;
      }
      return { entries: drop.length, bytes };
    },
  };
}
