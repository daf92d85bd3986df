import fs from 'node:fs';
import { createHash } from 'node:crypto';

/** SHA-256 of a file in hex, streamed in 1 MiB reads so a 200 MB toolchain never sits in memory. */
export function sha256File(file: string): string {
  const h = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}
