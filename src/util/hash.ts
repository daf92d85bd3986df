import fs from 'node:fs';
import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';

// node:crypto is loaded on first use, not when the bundle loads: with what it brings along it is
// about 10 ms of the CLI's start, on the path to the first go command, and nothing is hashed
// before the first builds are under way. Every hash in the gate is taken through here (as
// node:fs/promises is reached through fs.promises; test/e2e/cli-startup.test.ts holds both).
let loaded: typeof Crypto | undefined;
const nodeCrypto = (): typeof Crypto => (loaded ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto);

/** A new SHA-256 hash. */
export const sha256Hash = (): Crypto.Hash => nodeCrypto().createHash('sha256');

/** A random UUID (v4), for names no other run picks. */
export const randomUUID = (): string => nodeCrypto().randomUUID();

/** SHA-256 (hex) of bytes in memory: crypto.hash (Node 20.12 and later) skips the Hash object. */
export function sha256Hex(data: Uint8Array): string {
  const c = nodeCrypto();
  return typeof c.hash === 'function' ? c.hash('sha256', data, 'hex') : c.createHash('sha256').update(data).digest('hex');
}

// One read buffer for every file hashed here and in the module tree check (every use is
// synchronous, so never two at once): a fresh 1 MiB per file costs its page faults each time.
let readBuffer: Buffer | undefined;

/** The shared 1 MiB read buffer; only for use within one synchronous section. */
export function sharedReadBuffer(): Buffer {
  return (readBuffer ??= Buffer.allocUnsafe(1 << 20));
}

/**
 * SHA-256 of a file in hex, one 1 MiB read at a time through the shared buffer, each read filled
 * and hashed within one synchronous step (the buffer's rule); the sync and yielding forms share it.
 */
function* hashReads(file: string, flags: number): Generator<void, string> {
  const fd = fs.openSync(file, flags);
  try {
    const h = sha256Hash();
    for (;;) {
      const buf = sharedReadBuffer();
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) return h.digest('hex');
      h.update(buf.subarray(0, n));
      yield;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * SHA-256 of a file in hex, streamed so a 200 MB toolchain never sits in memory.
 * noFollow: refuse a symbolic link instead of hashing what it points at (files someone else wrote).
 */
export function sha256File(file: string, opts: { noFollow?: boolean } = {}): string {
  const reads = hashReads(file, fs.constants.O_RDONLY | (opts.noFollow ? (fs.constants.O_NOFOLLOW ?? 0) : 0));
  for (;;) {
    const r = reads.next();
    if (r.done) return r.value;
  }
}

/**
 * sha256File, handing the event loop back after every read: for a binary hashed while builds
 * run from the same thread, whose exits (and the next build's start) would otherwise wait for
 * the whole file (13 ms for a 14 MB binary).
 */
export async function sha256FileYielding(file: string): Promise<string> {
  const reads = hashReads(file, fs.constants.O_RDONLY);
  for (;;) {
    const r = reads.next();
    if (r.done) return r.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
