// Compare the committed vendor tree with the one `go mod vendor -o` regenerates: SHA-256 of
// every file on both sides, then added / removed / modified by path. Done here rather than with
// `git diff` so it needs no git, sees untracked and ignored files, and reports the first
// differing line of each modified file.
import fs from 'node:fs';
import path from 'node:path';
import { sha256Hash, sha256Hex, sharedReadBuffer } from '../util/hash.ts';
import type { EntryStat } from './treememo.ts';

export type EntryKind = 'file' | 'link' | 'special';

export interface TreeEntry {
  /** sha256 hex of the content (of the link text for a symbolic link, of a marker for a special file). */
  sha256: string;
  size: number;
  /**
   * 'link' for a symbolic link, 'special' for a FIFO, socket or device (never read: a FIFO
   * would block). Neither `go mod vendor` nor module extraction writes either.
   */
  kind: EntryKind;
}

/** Files of a tree by '/'-separated path relative to its root. An absent root is an empty tree. */
export type Tree = Map<string, TreeEntry>;

/**
 * Calls visit for every entry under root that is not a directory (directories are walked, not
 * listed): its '/'-separated path from root, its path on disk and its kind. With enter, every
 * directory below root is handed to it first, before it is read. Paths are joined as strings,
 * not with path.join: a name from readdir never holds a separator, and normalising thousands of
 * paths was a tenth of a warm run's time in this process. An absent root is an empty tree.
 */
export function walkTree(root: string, visit: (rel: string, abs: string, kind: EntryKind) => void, enter?: (rel: string, abs: string) => void): void {
  const walk = (dir: string, prefix: string): void => {
    if (prefix && enter) enter(prefix, dir);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      const abs = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(abs, rel);
      else visit(rel, abs, e.isSymbolicLink() ? 'link' : e.isFile() ? 'file' : 'special');
    }
  };
  try {
    // Resolved once: a relative or trailing-slash root would otherwise give odd joins.
    walk(path.resolve(root), '');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

// One read buffer for every file hashed (sharedReadBuffer): a module tree is thousands of small
// files, and a fresh buffer per file (readFileSync) costs more in allocation and page faults than
// the hashing itself (gum's 6,764 files, 83 MB: 0.27 CPU-seconds with readFileSync, 0.16 with this).

/**
 * SHA-256 (hex) and size of a regular file: one shot when it fits the buffer, streamed when not.
 * With stat, also the file's stat as opened, before any byte is read (src/modules/treememo.ts).
 */
function hashRegularFile(abs: string, stat?: (s: fs.Stats) => void): { sha256: string; size: number } {
  const buf = sharedReadBuffer();
  const fd = fs.openSync(abs, 'r');
  try {
    if (stat) stat(fs.fstatSync(fd));
    let filled = 0;
    let n: number;
    while (filled < buf.length && (n = fs.readSync(fd, buf, filled, buf.length - filled, null)) > 0) filled += n;
    if (filled < buf.length) return { sha256: sha256Hex(buf.subarray(0, filled)), size: filled };
    const h = sha256Hash().update(buf);
    let size = filled;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) {
      h.update(buf.subarray(0, n));
      size += n;
    }
    return { sha256: h.digest('hex'), size };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Hashes one file after another, saying how many bytes each took: the sync and async forms share
 * it. With stats, every entry's stat is collected too: each directory below root as it was before
 * it was read (a file added to it later changes its mtime and ctime), then each file as it was
 * opened, before any byte of it was read.
 */
function* hashEntries(root: string, tree: Tree, stats?: EntryStat[]): Generator<number, Tree> {
  const listed: { rel: string; kind: EntryKind; abs: string }[] = [];
  walkTree(root, (rel, abs, kind) => listed.push({ rel, kind, abs }), stats && ((rel, abs) => stats.push({ rel, stat: fs.lstatSync(abs) })));
  for (const { rel, kind, abs } of listed) {
    if (kind === 'file') {
      const entry = hashRegularFile(abs, stats && ((stat) => stats.push({ rel, stat })));
      tree.set(rel, { ...entry, kind });
      yield entry.size;
      continue;
    }
    if (stats) stats.push({ rel, stat: fs.lstatSync(abs) });
    const data = kind === 'link' ? Buffer.from(`symlink -> ${fs.readlinkSync(abs)}`) : Buffer.from('special file');
    tree.set(rel, { sha256: sha256Hex(data), size: data.length, kind });
    yield data.length;
  }
  return tree;
}

/**
 * SHA-256 of every file under root. Synchronous on purpose: for thousands of small files,
 * readFileSync is about five times faster than fs.promises (no thread-pool round trip per file;
 * measured in bench/modules.ts), and a go command started before this keeps running meanwhile.
 */
export function hashTree(root: string): Tree {
  const tree: Tree = new Map();
  for (const _ of hashEntries(root, tree));
  return tree;
}

// About a millisecond of hashing between two turns of the event loop.
const SLICE_BYTES = 1 << 20;

/**
 * hashTree, handing the event loop back after every slice of bytes: for checks that run while
 * the build's processes are started and watched from the same thread, which a module of tens of
 * megabytes hashed in one go would hold up. With stats, every entry's stat as it was hashed.
 */
export async function hashTreeYielding(root: string, stats?: EntryStat[]): Promise<Tree> {
  const tree: Tree = new Map();
  let since = 0;
  for (const bytes of hashEntries(root, tree, stats)) {
    since += bytes;
    if (since >= SLICE_BYTES) {
      since = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  return tree;
}

export interface TreeDiff {
  /** In the committed tree, not in the expected one. */
  added: string[];
  /** In the expected tree, missing from the committed one. */
  removed: string[];
  modified: string[];
}

export function compareTrees(committed: Tree, expected: Tree): TreeDiff {
  const diff: TreeDiff = { added: [], removed: [], modified: [] };
  for (const [p, e] of committed) {
    const want = expected.get(p);
    if (!want) diff.added.push(p);
    else if (want.sha256 !== e.sha256 || want.kind !== e.kind) diff.modified.push(p);
  }
  for (const p of expected.keys()) if (!committed.has(p)) diff.removed.push(p);
  diff.added.sort();
  diff.removed.sort();
  diff.modified.sort();
  return diff;
}

/**
 * 1-based line of `actual` holding the first byte where it differs from `expected`. When one is a
 * prefix of the other, the last line of `actual` (the place where text is missing or starts to be extra).
 */
export function firstDifferingLine(actual: Uint8Array, expected: Uint8Array): number {
  const n = Math.min(actual.length, expected.length);
  let line = 1;
  for (let i = 0; i < n; i++) {
    if (actual[i] !== expected[i]) return line;
    if (actual[i] === 0x0a) line++;
  }
  // `line` may be one past the last line when actual ends with a newline and is the shorter.
  const endsWithNewline = actual.length > 0 && actual[actual.length - 1] === 0x0a;
  return actual.length === n && endsWithNewline && line > 1 ? line - 1 : line;
}

/** Digest of a whole tree (path + content hash of every file), for the report. */
export function treeDigest(tree: Tree): string {
  const h = sha256Hash();
  for (const p of [...tree.keys()].sort()) h.update(`${tree.get(p)!.sha256}  ${p}\n`);
  return h.digest('hex');
}

/**
 * dirhash.Hash1 (golang.org/x/mod/sumdb/dirhash), the h1: of go.sum, of a module tree whose
 * files are named "<prefix>/<path>" with prefix "module@version": the SHA-256 of the lines
 * "<sha256 hex>  <name>\n" sorted by the bytes of the name.
 */
export function moduleTreeHash(tree: Tree, prefix: string): string {
  const names = [...tree.keys()].map((rel) => ({ rel, name: Buffer.from(`${prefix}/${rel}`) }));
  names.sort((a, b) => Buffer.compare(a.name, b.name));
  const h = sha256Hash();
  for (const { rel, name } of names) h.update(`${tree.get(rel)!.sha256}  ${name.toString()}\n`);
  return `h1:${h.digest('base64')}`;
}
