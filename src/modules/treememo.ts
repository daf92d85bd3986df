// Hashing every module tree the build reads is most of the modules stage's work on a warm run
// (gum: 6,764 files, 83 MB). Between two runs on one machine those trees rarely change, and when
// one does the kernel says so: every write, truncate, chmod, rename or link sets the ctime of
// what it touched to the current time, and no unprivileged process can set a ctime back. So once
// a tree hashed to what was downloaded, the hash is recorded with the identity of every entry in it
// (device, inode, mode, size, mtime and ctime; see EntryStat for the precision); a later run whose stat of the
// same tree gives the same identities is reading the same bytes, and takes the recorded hash.
// The go.sum check still compares that hash with go.sum, as for a tree hashed now.
//
// The record lists the entries, directories included, and a later run stats that list without
// reading a directory: an entry added, removed or renamed anywhere in the tree changes the mtime
// and ctime of the directory that holds it, which is on the list (the root's identity is kept
// apart). gum's 51 trees: 40 ms of CPU to stat the list against 56-65 to walk the directories.
//
// What a record may be trusted for: it lives in GOCACHE, beside the compiled packages the go
// command links by action id without reading them again. Whoever can plant a record there can
// plant a compiled package and put any code into the binaries, record or not. A release never
// builds from a restored build cache, and for the same reason never takes a record: it hashes
// every tree (and records what it hashed).
//
// Racing writes: a tree is recorded only when every file in it is settled (src/util/stat-identity.ts)
// when its hashing starts. A freshly extracted tree (a cold run, a module cache just restored
// from a cache archive, where every ctime is the extraction's) is recorded by a later run.
import fs from 'node:fs';
import path from 'node:path';
import { gateRecordFile, readRecord, writeRecord } from '../util/records.ts';
import { sha256Hash, sha256Hex } from '../util/hash.ts';
import { settledAt, statIdentity } from '../util/stat-identity.ts';

/** Bumped whenever what a record covers changes: older records then never match. */
const RECORD_VERSION = 'go-release-gate tree v6';
/** Go's mtimeInterval: a record in use is touched at most this often (the cache trim keeps used entries). */
const TOUCH_INTERVAL_MS = 3_600_000;

export interface TreeMemo {
  /** The GOCACHE records are kept in. */
  gocache: string;
  /** Take records (false for a release: every tree is hashed). Records are written either way. */
  reuse: boolean;
  /** The clock the settled rule reads, in ms since the epoch (tests move it). */
  now?: () => number;
}

/**
 * What stat says of one entry of a tree, by its '/'-separated path from the root: a change to its
 * bytes changes at least its ctime, and an entry added to or taken from a directory changes the
 * directory's. Plain (not BigInt) stats: times in milliseconds as doubles resolve to a fraction of
 * a microsecond today, and a change after a tree was recorded sets a ctime at least SETTLED_MS
 * later than any the record holds, so no precision that matters is lost; a BigInt stat of each of
 * gum's 6,764 files cost more than the system calls.
 */
export interface EntryStat {
  rel: string;
  stat: fs.Stats;
}

const IDENTITY_FIELDS = 6;

/**
 * One digest of every entry's path and identity, in the order of the record's list. The mode
 * holds the entry's type, so a file turned into a link or a directory changes it. Every number
 * goes into one array and every name into one string: three updates of the hash, not a
 * formatted line per entry.
 */
class TreeIdentity {
  private numbers: Float64Array;
  private names = '';
  private count = 0;

  constructor(entries: number) {
    this.numbers = new Float64Array(IDENTITY_FIELDS * entries);
  }

  add(rel: string, s: fs.Stats): void {
    let at = this.count * IDENTITY_FIELDS;
    this.names += `${rel}\n`;
    const n = this.numbers;
    n[at++] = s.dev;
    n[at++] = s.ino;
    n[at++] = s.mode;
    n[at++] = s.size;
    n[at++] = s.mtimeMs;
    n[at] = s.ctimeMs;
    this.count++;
  }

  digest(): string {
    return sha256Hash().update(`${RECORD_VERSION}\n`).update(this.names).update(this.numbers.subarray(0, this.count * IDENTITY_FIELDS)).digest('hex');
  }
}

function treeIdentity(entries: readonly EntryStat[]): string {
  const id = new TreeIdentity(entries.length);
  for (const e of entries) id.add(e.rel, e.stat);
  return id.digest();
}

/** Every entry settled when the hashing started (src/util/stat-identity.ts). */
function settled(entries: readonly EntryStat[], startedMs: number): boolean {
  return entries.every(({ stat }) => settledAt(stat, startedMs));
}

/**
 * The tree's root directory: its identity, and whether it was last changed (extracted, renamed
 * into place) long enough ago for a record to be made. A tree extracted again, or restored from a
 * cache archive, has a root of another inode and ctime: one stat tells that a record cannot
 * match, before a stat of every file.
 */
export function treeRoot(dir: string, startedMs: number): { identity: string; settled: boolean } | undefined {
  const stat = rootStat(dir);
  return stat && { identity: statIdentity(stat), settled: settledAt(stat, startedMs) };
}

function rootStat(dir: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(dir);
  } catch {
    return undefined;
  }
}

/** Named by the version too: two releases of the gate sharing a GOCACHE keep a record each, not one rewritten by turns. */
function treeRecordFile(gocache: string, dir: string): string {
  return gateRecordFile(gocache, `tree-${sha256Hex(`${RECORD_VERSION}\0${path.resolve(dir)}`)}`);
}

interface TreeRecord { version: string; dir: string; h1: string; root: string; entries: string[]; identity: string; at: string }

const NO_THROW = { throwIfNoEntry: false } as const;

/**
 * The identity of the listed entries of the tree at root, as they are now; undefined when one is
 * gone. The list is the record's own: a file or directory added anywhere shows in the identity of
 * the directory holding it, so no directory is read.
 */
function statListed(root: string, entries: readonly string[]): string | undefined {
  const id = new TreeIdentity(entries.length);
  for (const rel of entries) {
    const s = fs.lstatSync(`${root}/${rel}`, NO_THROW);
    if (!s) return undefined;
    id.add(rel, s);
  }
  return id.digest();
}

/**
 * The hash recorded for the tree at dir when it is still `h1` (the hash its download recorded) and
 * every entry is as it was when it was hashed: the time of that run. Undefined otherwise (no record,
 * another hash, any entry changed, added or removed, a record that cannot be read).
 */
export function recordedTreeHash(memo: TreeMemo, dir: string, h1: string): string | undefined {
  if (!memo.reuse) return undefined;
  const rec = readRecord(treeRecordFile(memo.gocache, dir), TOUCH_INTERVAL_MS, memo.now?.()) as TreeRecord | undefined;
  if (!rec) return undefined;
  if (rec.version !== RECORD_VERSION || rec.dir !== path.resolve(dir) || rec.h1 !== h1 || typeof rec.identity !== 'string' || typeof rec.at !== 'string') return undefined;
  if (!Array.isArray(rec.entries) || !rec.entries.every((e) => typeof e === 'string')) return undefined;
  const root = rootStat(dir);
  if (!root || statIdentity(root) !== rec.root) return undefined;
  let identity: string | undefined;
  try {
    identity = statListed(path.resolve(dir), rec.entries);
  } catch {
    return undefined;
  }
  if (identity !== rec.identity) return undefined;
  return rec.at;
}

/**
 * Records that the tree at dir, as its root (statted before the hashing) and these entries show
 * it, hashes to h1. Best effort: unwritten only means hashing again.
 */
export function recordTreeHash(memo: TreeMemo, dir: string, h1: string, root: { identity: string; settled: boolean }, entries: readonly EntryStat[], startedMs: number): boolean {
  if (!root.settled || !settled(entries, startedMs)) return false;
  const rec: TreeRecord = {
    version: RECORD_VERSION,
    dir: path.resolve(dir),
    h1,
    root: root.identity,
    entries: entries.map((e) => e.rel),
    identity: treeIdentity(entries),
    at: new Date(memo.now?.() ?? Date.now()).toISOString(),
  };
  return writeRecord(treeRecordFile(memo.gocache, dir), rec);
}
