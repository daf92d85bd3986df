import fs from 'node:fs';
import crypto, { createHash } from 'node:crypto';

/** SHA-256 (hex) of bytes in memory: crypto.hash (Node 20.12 and later) skips the Hash object. */
export const sha256Hex: (data: Uint8Array) => string = typeof crypto.hash === 'function'
  ? (data) => crypto.hash('sha256', data, 'hex')
  : (data) => createHash('sha256').update(data).digest('hex');

/** SHA-256 (hex) and length of what is left to read from fd, in 1 MiB reads. */
function streamHash(fd: number): { sha256: string; size: number } {
  const h = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  let n: number;
  let size = 0;
  while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) {
    h.update(buf.subarray(0, n));
    size += n;
  }
  return { sha256: h.digest('hex'), size };
}

/**
 * SHA-256 of a file in hex, streamed in 1 MiB reads so a 200 MB toolchain never sits in memory.
 * noFollow: refuse a symbolic link instead of hashing what it points at (files someone else wrote).
 */
export function sha256File(file: string, opts: { noFollow?: boolean } = {}): string {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (opts.noFollow ? (fs.constants.O_NOFOLLOW ?? 0) : 0));
  try {
    return streamHash(fd).sha256;
  } finally {
    fs.closeSync(fd);
  }
}

/** Files up to this size are read whole by readHashed; larger ones are streamed and not kept. */
export const KEEP_BYTES_MAX = 256 * 1024 * 1024;

/**
 * SHA-256 (hex) and size of a file, with its bytes when it is at most keepMax: a binary just
 * built is hashed and then inspected, and reading it once serves both (the inspection then waits
 * on no file reads, on the critical path of the last target).
 */
export function readHashed(file: string, keepMax = KEEP_BYTES_MAX): { sha256: string; size: number; bytes?: Buffer } {
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.fstatSync(fd).size > keepMax) return streamHash(fd);
    const bytes = fs.readFileSync(fd);
    return { sha256: sha256Hex(bytes), size: bytes.length, bytes };
  } finally {
    fs.closeSync(fd);
  }
}
