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
// synchronous, so never two at once): a fresh 1 MiB per file costs its page faults each time.
let readBuffer: Buffer | undefined;

/** The shared 1 MiB read buffer; only for use within one synchronous section. */
export function sharedReadBuffer(): Buffer {
  return (readBuffer ??= Buffer.allocUnsafe(1 << 20));
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
    const buf = sharedReadBuffer();
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
    return h.digest('hex');
  } finally {
    fs.closeSync(fd);
  }
}

const READ_AHEAD_BYTES = 1 << 20;
// Buffers of finished read-ahead hashes, for the next: a fresh MiB costs its page faults each time.
const spareBuffers: Buffer[] = [];

/**
 * SHA-256 of a file in hex, the next MiB read on the thread pool while this one is hashed here:
 * for a binary just built, hashed while other builds are started and watched from this thread
 * (each read hands the event loop back) and, for the last one, on the run's critical path, where
 * reading and hashing one after the other took 22 ms for a 14 MB binary and overlapped take 14.
 */
export async function sha256FileReadAhead(file: string): Promise<string> {
  const fh = await fs.promises.open(file, 'r');
  const bufs = [spareBuffers.pop() ?? Buffer.allocUnsafe(READ_AHEAD_BYTES), spareBuffers.pop() ?? Buffer.allocUnsafe(READ_AHEAD_BYTES)];
  // Set when a read may still be filling a buffer: then neither goes back to the spares.
  let reading = false;
  try {
    const h = sha256Hash();
    let at = 0;
    let next = 0;
    reading = true;
    let pending = fh.read(bufs[next], 0, READ_AHEAD_BYTES, at);
    for (;;) {
      const { bytesRead } = await pending;
      reading = false;
      if (bytesRead === 0) return h.digest('hex');
      at += bytesRead;
      const full = bufs[next];
      next ^= 1;
      reading = true;
      pending = fh.read(bufs[next], 0, READ_AHEAD_BYTES, at);
      h.update(full.subarray(0, bytesRead));
    }
  } finally {
    if (!reading) spareBuffers.push(...bufs);
    await fh.close();
  }
}
