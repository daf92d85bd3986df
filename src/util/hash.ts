import fs from 'node:fs';
import { createHash } from 'node:crypto';

/**
 * SHA-256 of a file in hex, streamed in 1 MiB reads so a 200 MB toolchain never sits in memory.
 * noFollow: refuse a symbolic link instead of hashing what it points at (files someone else wrote).
 */
export function sha256File(file: string, opts: { noFollow?: boolean } = {}): string {
  const h = createHash('sha256');
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (opts.noFollow ? (fs.constants.O_NOFOLLOW ?? 0) : 0));
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}
