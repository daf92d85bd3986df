// Endian-aware fixed-width fields over one block read from a file. Every accessor checks
// the block's bounds and reports the file offset; u64 comes back as BigInt because a JS
// number loses precision past 2^53 and bitwise operators truncate to 32 bits.
import { FormatError } from './errors.ts';

export interface Block {
  view: DataView;
  bytes: Uint8Array;
  /** File offset of bytes[0], for error messages. */
  offset: number;
  le: boolean;
}

export function block(bytes: Uint8Array, offset: number, le: boolean): Block {
  return { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes, offset, le };
}

function need(b: Block, at: number, n: number, what: string): void {
  if (at < 0 || at + n > b.bytes.length) throw new FormatError(b.offset + at, `truncated ${what}`);
}

export function u16(b: Block, at: number, what = 'field'): number {
  need(b, at, 2, what);
  return b.view.getUint16(at, b.le);
}

export function u32(b: Block, at: number, what = 'field'): number {
  need(b, at, 4, what);
  return b.view.getUint32(at, b.le);
}

export function u64(b: Block, at: number, what = 'field'): bigint {
  need(b, at, 8, what);
  return b.view.getBigUint64(at, b.le);
}

/** A 32- or 64-bit word, as the file's class says. */
export function word(b: Block, at: number, bits: 32 | 64, what = 'field'): bigint {
  return bits === 64 ? u64(b, at, what) : BigInt(u32(b, at, what));
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** A file offset or size as a number; anything above 2^53 cannot be inside a file. */
export function safe(v: bigint, at: number, what: string): number {
  if (v > MAX) throw new FormatError(at, `${what} 0x${v.toString(16)} is too large`);
  return Number(v);
}

/** NUL-terminated string starting at `at` inside `bytes` (a string table). */
export function cstring(bytes: Uint8Array, at: number, fileOffset: number, what: string): string {
  if (!Number.isSafeInteger(at) || at < 0 || at >= bytes.length) {
    throw new FormatError(fileOffset, `${what}: string index ${at} outside the ${bytes.length}-byte table`);
  }
  const end = bytes.indexOf(0, at);
  if (end < 0) throw new FormatError(fileOffset + at, `${what}: unterminated string`);
  return latin1OrUtf8(bytes.subarray(at, end));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/** Names are UTF-8 in practice; fall back to one char per byte so nothing throws. */
export function latin1OrUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

/** A fixed-size NUL-padded name field (PE section names, Mach-O segment names). */
export function fixedName(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return latin1OrUtf8(end < 0 ? bytes : bytes.subarray(0, end));
}
