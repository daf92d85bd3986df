import fs from 'node:fs';
import type * as Crypto from 'node:crypto';
import { onFirstUse } from './builtin.ts';

// Every hash in the gate is taken through here, so node:crypto loads when the first one is
// (src/util/builtin.ts): nothing is hashed before the first builds are under way.
const nodeCrypto = onFirstUse<typeof Crypto>('node:crypto');

/** A new SHA-256 hash. */
export const sha256Hash = (): Crypto.Hash => nodeCrypto().createHash('sha256');

/** A random UUID (v4), for names no other run picks. */
export const randomUUID = (): string => nodeCrypto().randomUUID();

/** SHA-256 (hex) of bytes or a string (its UTF-8) in memory: crypto.hash (Node 20.12 and later) skips the Hash object. */
export function sha256Hex(data: Uint8Array | string): string {
  const c = nodeCrypto();
  return typeof c.hash === 'function' ? c.hash('sha256', data, 'hex') : c.createHash('sha256').update(data).digest('hex');
}

// One read buffer for every file hashed here and in the module tree check (every use is
// synchronous, so never two at once): a fresh buffer per file costs its page faults each time.
// 128 KiB, because a buffer the size of a core's L2 cache is what both the kernel's copy into it
// and the hash's read of it stay within: reading gum's 55 MB of binaries took 8 ms of CPU per
// 13.7 MB binary through a 1 MiB buffer and 2.7 ms through 256 KiB, and reading and hashing all
// four took 51 ms of CPU through 128 KiB against 74 through 1 MiB (64 KiB: 60, more calls).
const READ_BYTES = 128 << 10;
let readBuffer: Buffer | undefined;

/** The shared 128 KiB read buffer; only for use within one synchronous section. */
export function sharedReadBuffer(): Buffer {
  return (readBuffer ??= Buffer.allocUnsafe(READ_BYTES));
}

/**
 * Reads the open file fd through the shared buffer into h, one buffer at a time, saying how many
 * bytes each took: the sync and the sliced form share it. Each step is done with the buffer
 * before it yields.
 */
function* hashSteps(fd: number, h: Crypto.Hash): Generator<number> {
  const buf = sharedReadBuffer();
  let n: number;
  while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) {
    h.update(buf.subarray(0, n));
    yield n;
  }
}

/**
 * SHA-256 of a file in hex, streamed through the shared buffer so a 200 MB toolchain never sits in
 * memory. noFollow: refuse a symbolic link instead of hashing what it points at (files someone
 * else wrote).
 */
export function sha256File(file: string, opts: { noFollow?: boolean } = {}): string {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (opts.noFollow ? (fs.constants.O_NOFOLLOW ?? 0) : 0));
  try {
    const h = sha256Hash();
    for (const _ of hashSteps(fd, h));
    return h.digest('hex');
  } finally {
    fs.closeSync(fd);
  }
}

/** Bytes read and hashed between two turns of the event loop: about a millisecond's work. */
const SLICE_BYTES = 1 << 20;

/**
 * sha256File for a binary just built, handing the event loop back after every slice: the other
 * targets' builds are started and watched from this thread meanwhile, and a 14 MB binary hashed
 * in one go would hold a freed build slot empty for its whole length. Each read and its hash run
 * on this thread, through the shared buffer: reading on the thread pool into buffers hashed here
 * (two 1 MiB buffers, one filling while the other was hashed) cost gum's four binaries 82 ms of
 * CPU against 51, for the same wall time, because every buffer was filled in another core's cache.
 * Several files may be hashed at once: they take turns with the buffer between steps.
 */
export async function sha256FileInSlices(file: string): Promise<string> {
  const fd = fs.openSync(file, 'r');
  try {
    const h = sha256Hash();
    let since = 0;
    for (const n of hashSteps(fd, h)) {
      since += n;
      if (since >= SLICE_BYTES) {
        since = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    return h.digest('hex');
  } finally {
    fs.closeSync(fd);
  }
}
