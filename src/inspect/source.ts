// A bounded view of a file: reads only the byte ranges a parser asks for, counts them (the
// benchmark reports bytes read per file) and refuses any range outside the file, so a
// corrupt count or offset becomes a FormatError instead of a huge read or allocation.
import fs from 'node:fs';
import { FormatError } from './errors.ts';

export interface ByteSource {
  /** File size in bytes. */
  readonly size: number;
  /** Bytes fetched from the underlying file or buffer so far. */
  readonly bytesRead: number;
  /** Exactly `length` bytes at `offset`, or a FormatError naming what did not fit. */
  read(offset: number, length: number, what: string): Promise<Uint8Array>;
  /** A window [offset, offset+length) seen as a file of its own (a Mach-O fat slice). */
  slice(offset: number, length: number): ByteSource;
  close(): Promise<void>;
}

type RawRead = (offset: number, length: number) => Promise<Uint8Array>;

// The first bytes are asked for by several readers (magic, UPX marker, headers, Go build id
// of PE/Mach-O): keep them so they are fetched once.
const HEAD = 8192;

function checkRange(size: number, offset: number, length: number, what: string): void {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new FormatError(0, `${what}: invalid offset ${offset}`);
  if (!Number.isSafeInteger(length) || length < 0) throw new FormatError(offset, `${what}: invalid length ${length}`);
  if (offset > size || length > size - offset) {
    throw new FormatError(offset, `${what}: ${length} bytes at offset ${offset} run past the end of the ${size}-byte file`);
  }
}

function makeSource(size: number, raw: RawRead, close: () => Promise<void>, counter: { n: number }): ByteSource {
  let head: Promise<Uint8Array> | undefined;
  const src: ByteSource = {
    size,
    get bytesRead() {
      return counter.n;
    },
    async read(offset, length, what) {
      checkRange(size, offset, length, what);
      if (length === 0) return new Uint8Array(0);
      if (offset + length <= Math.min(HEAD, size)) {
        head ??= raw(0, Math.min(HEAD, size));
        return (await head).subarray(offset, offset + length);
      }
      return raw(offset, length);
    },
    slice(offset, length) {
      checkRange(size, offset, length, 'slice');
      return makeSource(length, (o, l) => raw(offset + o, l), async () => {}, counter);
    },
    close,
  };
  return src;
}

/** A source over bytes already in memory (tests, property tests); onRead sees every fetch. */
export function bufferSource(bytes: Uint8Array, onRead?: (offset: number, length: number) => void): ByteSource {
  const counter = { n: 0 };
  return makeSource(
    bytes.length,
    async (o, l) => {
      onRead?.(o, l);
      counter.n += l;
      return bytes.subarray(o, o + l);
    },
    async () => {},
    counter,
  );
}

/** Opens a file for ranged reads; the caller must close() it. */
export async function fileSource(path: string): Promise<ByteSource> {
  const fh = await fs.promises.open(path, 'r');
  try {
    const { size } = await fh.stat();
    const counter = { n: 0 };
    return makeSource(
      size,
      async (offset, length) => {
        const buf = new Uint8Array(length);
        let done = 0;
        while (done < length) {
          const { bytesRead } = await fh.read(buf, done, length - done, offset + done);
          if (bytesRead === 0) throw new FormatError(offset + done, 'file shrank while being read');
          done += bytesRead;
        }
        counter.n += length;
        return buf;
      },
      () => fh.close(),
      counter,
    );
  } catch (e) {
    await fh.close();
    throw e;
  }
}
