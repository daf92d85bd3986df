// Hand-made ELF files for what the corpus lacks: the pre-1.18 pointer build info format
// (little and big endian), and malformed headers whose error must name the right offset.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { inspectBytes } from '../../src/inspect/binary.ts';
import { FormatError } from '../../src/inspect/errors.ts';

const VADDR = 0x10000n;

/** ELF64 ET_EXEC with one RW PT_LOAD at VADDR holding `data` (file offset 0x1000). */
function tinyElf(data: Uint8Array, le = true): Uint8Array {
  const b = new Uint8Array(0x1000 + data.length);
  const v = new DataView(b.buffer);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, le ? 1 : 2, 1]);
  v.setUint16(16, 2, le); // ET_EXEC
  v.setUint16(18, 62, le);
  v.setUint32(20, 1, le);
  v.setBigUint64(32, 64n, le); // phoff
  v.setUint16(54, 56, le);
  v.setUint16(56, 1, le);
  v.setUint16(58, 64, le);
  v.setUint32(64, 1, le); // PT_LOAD
  v.setUint32(68, 6, le); // R W
  v.setBigUint64(72, 0x1000n, le);
  v.setBigUint64(80, VADDR, le);
  v.setBigUint64(96, BigInt(data.length), le);
  v.setBigUint64(104, BigInt(data.length), le);
  b.set(data, 0x1000);
  return b;
}

const MODINFO = 'path\texample.com/old\nmod\texample.com/old\tv1.0.0\th1:abc=\n';
const SENTINEL = '0123456789abcdef';

/** Pointer-format blob: header, then two Go string headers, then the bytes. */
function pointerBlob(le: boolean, ptrSize: 4 | 8, version: string, mod: string): Uint8Array {
  const b = new Uint8Array(256 + version.length + mod.length);
  const v = new DataView(b.buffer);
  b.set(Buffer.from('\xff Go buildinf:', 'latin1'));
  b[14] = ptrSize;
  b[15] = le ? 0 : 1;
  const put = (at: number, x: bigint) => (ptrSize === 8 ? v.setBigUint64(at, x, le) : v.setUint32(at, Number(x), le));
  put(16, VADDR + 64n);
  put(16 + ptrSize, VADDR + 96n);
  put(64, VADDR + 256n);
  put(64 + ptrSize, BigInt(version.length));
  put(96, VADDR + 256n + BigInt(version.length));
  put(96 + ptrSize, BigInt(mod.length));
  b.set(Buffer.from(version + mod, 'latin1'), 256);
  return b;
}

test('pointer-format build info (Go < 1.18), little and big endian, 4- and 8-byte pointers', async () => {
  for (const [le, ptr] of [[true, 8], [false, 8], [true, 4], [false, 4]] as const) {
    const info = await inspectBytes(tinyElf(pointerBlob(le, ptr, 'go1.16.15', SENTINEL + MODINFO + SENTINEL), le));
    assert.equal(info.buildInfoError, null);
    assert.deepEqual(info.buildInfo, {
      goVersion: 'go1.16.15', path: 'example.com/old', deps: [], settings: [],
      main: { path: 'example.com/old', version: 'v1.0.0', sum: 'h1:abc=', replace: null },
    });
    assert.equal(info.goVersionM, '<memory>: go1.16.15\n\tpath\texample.com/old\n\tmod\texample.com/old\tv1.0.0\th1:abc=\n');
  }
});

test('module text without its 16-byte frame is dropped, as Go drops it', async () => {
  const info = await inspectBytes(tinyElf(pointerBlob(true, 8, 'go1.16', MODINFO)));
  assert.deepEqual(info.buildInfo?.main, null);
  assert.equal(info.goVersionM, '<memory>: go1.16\n');
});

test('pointer size 3 and an inline length of 16<<40 are errors naming the offset', async () => {
  const blob = pointerBlob(true, 8, 'go1.16', MODINFO);
  blob[14] = 3;
  const bad = await inspectBytes(tinyElf(blob));
  assert.equal(bad.buildInfoError, 'build info pointer size 3 is neither 4 nor 8 (at file offset 0x100e)');
  const inline = new Uint8Array(64);
  inline.set(Buffer.from('\xff Go buildinf:', 'latin1'));
  inline[14] = 8;
  inline[15] = 2;
  inline.set([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x04], 32); // uvarint(16 << 40)
  const huge = await inspectBytes(tinyElf(inline));
  assert.equal(huge.buildInfoError, 'build info Go version claims 17592186044416 bytes but only 25 remain in its segment (at file offset 0x1020)');
});

async function formatError(bytes: Uint8Array): Promise<FormatError> {
  try {
    await inspectBytes(bytes);
  } catch (e) {
    assert.ok(e instanceof FormatError, String(e));
    return e;
  }
  assert.fail('expected a FormatError');
}

test('malformed ELF headers give the offset of the bad field', async () => {
  const base = tinyElf(new Uint8Array(16));
  const edit = (f: (v: DataView, b: Uint8Array) => void) => {
    const b = base.slice();
    f(new DataView(b.buffer), b);
    return b;
  };
  assert.equal((await formatError(edit((_v, b) => (b[4] = 3)))).offset, 4);
  assert.equal((await formatError(edit((_v, b) => (b[5] = 0)))).offset, 5);
  assert.equal((await formatError(edit((v) => v.setUint32(20, 2, true)))).offset, 20);
  assert.equal((await formatError(edit((v) => v.setUint16(54, 8, true)))).offset, 54);
  assert.equal((await formatError(edit((v) => v.setUint16(60, 3, true)))).offset, 40, 'shnum != 0 with shoff == 0');
  const past = await formatError(edit((v) => v.setBigUint64(32, 1n << 40n, true)));
  assert.match(past.message, /program header table: 56 bytes at offset 1099511627776 run past the end/);
  const huge = await formatError(edit((v) => v.setBigUint64(32, 1n << 60n, true)));
  assert.equal(huge.offset, 32);
  assert.match(huge.message, /too large/);
  const seg = await formatError(edit((v) => v.setBigUint64(96, 1n << 62n, true)));
  assert.match(seg.message, /segment file size 0x4000000000000000 is too large/);
  assert.equal((await formatError(base.subarray(0, 15))).offset, 0);
  assert.match((await formatError(base.subarray(0, 40))).message, /ELF header: 64 bytes at offset 0 run past the end of the 40-byte file/);
});
