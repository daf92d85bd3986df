// Property-based tests: real binaries from the corpus, mutated where parsers are fragile
// (truncated at every header boundary, header bytes flipped, counts and offsets set to
// extremes, build info magic misaligned, varint lengths of 16<<40, pointer size 0).
// Every outcome must be a BinaryInfo or a FormatError: never another error, a hang, or a
// read larger than the file.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { inspectSource, type BinaryInfo } from '../../src/inspect/binary.ts';
import { FormatError } from '../../src/inspect/errors.ts';
import { bufferSource } from '../../src/inspect/source.ts';
import { fetchedCorpus, selfBuiltCorpus } from '../support/corpus.ts';

interface Sample {
  name: string;
  bytes: Uint8Array;
  le: boolean;
  /** Offsets where a header, table or record starts or ends. */
  boundaries: number[];
  /** Byte ranges holding headers and tables (where flips and extreme values go). */
  regions: Array<[number, number]>;
  /** File offset of the build info magic, or -1. */
  magic: number;
}

const SELF = ['trimpath-s-w', 'linux-386', 'linux-s390x', 'c-shared', 'pie-external-full-relro', 'windows-386', 'darwin-arm64'];
const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const SHT_GNU_VERNEED = 0x6ffffffe;

function dv(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** Header layout read directly with DataView (not with src/inspect) to aim the mutations. */
function elfLayout(b: Uint8Array): Pick<Sample, 'boundaries' | 'regions' | 'le'> {
  const v = dv(b);
  const is64 = b[4] === 2;
  const le = b[5] === 1;
  const w = (at: number) => (is64 ? Number(v.getBigUint64(at, le)) : v.getUint32(at, le));
  const phoff = w(is64 ? 32 : 28), shoff = w(is64 ? 40 : 32);
  const [phentsize, phnum, shentsize, shnum] = [0, 2, 4, 6].map((k) => v.getUint16((is64 ? 54 : 42) + k, le));
  const boundaries = [0, 4, 5, 6, 16, 20, is64 ? 64 : 52];
  const regions: Array<[number, number]> = [[0, is64 ? 64 : 52], [phoff, phoff + phnum * phentsize], [shoff, shoff + shnum * shentsize]];
  for (let i = 0; i <= phnum; i++) boundaries.push(phoff + i * phentsize);
  for (let i = 0; i <= shnum; i++) {
    const at = shoff + i * shentsize;
    boundaries.push(at);
    if (i === shnum) break;
    const off = is64 ? Number(v.getBigUint64(at + 24, le)) : v.getUint32(at + 16, le);
    const size = is64 ? Number(v.getBigUint64(at + 32, le)) : v.getUint32(at + 20, le);
    const type = v.getUint32(at + 4, le);
    if (type !== 8) boundaries.push(off, off + size);
    if (type === 3 || type === 6 || type === 7 || type === SHT_GNU_VERNEED) regions.push([off, off + Math.min(size, 4096)]);
  }
  return { boundaries, regions, le };
}

function peLayout(b: Uint8Array): Pick<Sample, 'boundaries' | 'regions' | 'le'> {
  const v = dv(b);
  const pe = v.getUint32(0x3c, true);
  const nsec = v.getUint16(pe + 6, true);
  const opt = v.getUint16(pe + 20, true);
  const sec = pe + 24 + opt;
  const boundaries = [0, 0x3c, 0x40, pe, pe + 4, pe + 24, sec];
  for (let i = 0; i <= nsec; i++) boundaries.push(sec + 40 * i);
  return { boundaries, regions: [[0, 0x40], [pe, sec + 40 * nsec]], le: true };
}

function machoLayout(b: Uint8Array): Pick<Sample, 'boundaries' | 'regions' | 'le'> {
  const v = dv(b);
  const le = b[0] === 0xcf || b[0] === 0xce;
  const hsize = b[le ? 0 : 3] === 0xcf ? 32 : 28;
  const ncmds = v.getUint32(16, le), sizeofcmds = v.getUint32(20, le);
  const boundaries = [0, 4, hsize];
  for (let i = 0, at = hsize; i < ncmds && at < hsize + sizeofcmds; i++) {
    boundaries.push(at);
    at += v.getUint32(at + 4, le);
  }
  boundaries.push(hsize + sizeofcmds);
  return { boundaries, regions: [[0, hsize + sizeofcmds]], le };
}

function sample(name: string, bytes: Uint8Array): Sample {
  const layout = bytes[0] === 0x7f ? elfLayout(bytes) : bytes[0] === 0x4d ? peLayout(bytes) : machoLayout(bytes);
  const magic = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(MAGIC);
  const boundaries = [...layout.boundaries];
  const regions = [...layout.regions];
  if (magic >= 0) {
    for (let k = 0; k <= 48; k++) boundaries.push(magic + k);
    regions.push([magic, magic + 64]);
  }
  const clean = (xs: number[]) => [...new Set(xs.filter((x) => Number.isSafeInteger(x) && x >= 0 && x <= bytes.length))].sort((a, c) => a - c);
  return {
    name,
    bytes,
    le: layout.le,
    boundaries: clean(boundaries),
    regions: regions.filter(([a, e]) => a >= 0 && e <= bytes.length && a < e),
    magic,
  };
}

const samples: Sample[] = [];
for (const f of await selfBuiltCorpus()) {
  if (SELF.includes(f.build!.name)) samples.push(sample(f.id, new Uint8Array(await readFile(f.path))));
}
// One binary no one here built, when the corpus has it.
const esbuild = (await fetchedCorpus()).files.find((f) => f.id.includes('@esbuild/linux-ia32'));
if (esbuild) samples.push(sample(esbuild.id, new Uint8Array(await readFile(esbuild.path))));

/** Runs the reader and checks the outcome contract; returns the info when there is one. */
async function outcome(bytes: Uint8Array): Promise<BinaryInfo | FormatError> {
  let maxRead = 0;
  let total = 0;
  const src = bufferSource(bytes, (_o, l) => {
    maxRead = Math.max(maxRead, l);
    total += l;
  });
  let result: BinaryInfo | FormatError;
  try {
    result = await inspectSource(src, 'mutant');
  } catch (e) {
    if (!(e instanceof FormatError)) throw new Error(`not a FormatError: ${(e as Error)?.stack ?? e}`);
    assert.ok(Number.isSafeInteger(e.offset) && e.offset >= 0, `offset ${e.offset}`);
    assert.match(e.message, /at file offset 0x[0-9a-f]+\)$/);
    result = e;
  }
  assert.ok(maxRead <= bytes.length, `a single read of ${maxRead} bytes from a ${bytes.length}-byte file`);
  assert.ok(total <= 4 * bytes.length + 65536, `read ${total} bytes in all from a ${bytes.length}-byte file`);
  if (!(result instanceof FormatError)) {
    assert.ok(['elf', 'pe', 'macho'].includes(result.format));
    assert.ok(result.leakedPaths.count >= result.leakedPaths.examples.length);
  }
  return result;
}

/** Applies `edits` in place, runs, then restores: the samples are large and shared. */
async function withEdits(s: Sample, edits: Array<[number, Uint8Array]>): Promise<BinaryInfo | FormatError> {
  const saved = edits.map(([at, b]) => [at, s.bytes.slice(at, at + b.length)] as const);
  for (const [at, b] of edits) s.bytes.set(b.subarray(0, s.bytes.length - at), at);
  try {
    return await outcome(s.bytes);
  } finally {
    for (const [at, b] of saved.reverse()) s.bytes.set(b, at);
  }
}

function uint(value: bigint, width: 2 | 4 | 8, le: boolean): Uint8Array {
  const b = new Uint8Array(width);
  const v = dv(b);
  if (width === 2) v.setUint16(0, Number(value & 0xffffn), le);
  else if (width === 4) v.setUint32(0, Number(value & 0xffffffffn), le);
  else v.setBigUint64(0, value & 0xffffffffffffffffn, le);
  return b;
}

function uvarint(n: bigint): Uint8Array {
  const out: number[] = [];
  while (n >= 0x80n) {
    out.push(Number(n % 128n) + 0x80);
    n /= 128n;
  }
  out.push(Number(n));
  return Uint8Array.from(out);
}

const RUNS = Number(process.env.GRG_PROPERTY_RUNS ?? 1);
const sampleArb = fc.constantFrom(...samples);
const regionOffset = (s: Sample) => fc.constantFrom(...s.regions).chain(([a, e]) => fc.integer({ min: a, max: e - 1 }));

test('the samples read cleanly before mutation', async () => {
  assert.ok(samples.length >= SELF.length);
  for (const s of samples) {
    const r = await outcome(s.bytes);
    assert.ok(!(r instanceof FormatError), `${s.name}: ${(r as Error).message}`);
    if (s.magic >= 0) assert.ok((r as BinaryInfo).buildInfo, `${s.name} has build info`);
  }
});

test('truncation at every header boundary gives a result or a FormatError', async () => {
  let cases = 0;
  for (const s of samples) {
    for (const n of s.boundaries) {
      for (const cut of [n - 1, n, n + 1]) {
        if (cut < 0 || cut > s.bytes.length) continue;
        await outcome(s.bytes.subarray(0, cut));
        cases++;
      }
    }
  }
  assert.ok(cases > 1000, `${cases} truncations`);
});

test('random truncation', async () => {
  await fc.assert(
    fc.asyncProperty(sampleArb.chain((s) => fc.tuple(fc.constant(s), fc.integer({ min: 0, max: s.bytes.length }))), async ([s, n]) => {
      await outcome(s.bytes.subarray(0, n));
    }),
    { numRuns: 300 * RUNS },
  );
});

test('flipped header bytes', async () => {
  await fc.assert(
    fc.asyncProperty(
      sampleArb.chain((s) => fc.tuple(fc.constant(s), fc.array(fc.tuple(regionOffset(s), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }))),
      async ([s, flips]) => {
        await withEdits(s, flips.map(([at, v]) => [at, Uint8Array.of(v)]));
      },
    ),
    { numRuns: 1500 * RUNS },
  );
});

test('extreme counts, sizes and offsets in header fields', async () => {
  const extremes = (s: Sample) => fc.constantFrom(0n, 1n, 0x7fffn, 0xffffn, 0x7fffffffn, 0xffffffffn, 2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n, BigInt(s.bytes.length), BigInt(s.bytes.length + 1), BigInt(s.bytes.length - 1));
  await fc.assert(
    fc.asyncProperty(
      sampleArb.chain((s) => fc.tuple(fc.constant(s), regionOffset(s), fc.constantFrom(2 as const, 4 as const, 8 as const), extremes(s))),
      async ([s, at, width, value]) => {
        await withEdits(s, [[at - (at % width), uint(value, width, s.le)]]);
      },
    ),
    { numRuns: 1500 * RUNS },
  );
});

const withBuildInfo = samples.filter((s) => s.magic >= 0);

test('misaligned build info magic at every offset is never accepted', async () => {
  let cases = 0;
  for (const s of withBuildInfo) {
    // The whole blob (header and inline strings) moves by k, so a reader that accepted a
    // misaligned magic would find complete, valid build info there.
    const len = Math.min(4096, s.bytes.length - s.magic - 16);
    const blob = s.bytes.slice(s.magic, s.magic + len);
    for (let k = 1; k < 16; k++) {
      const r = await withEdits(s, [[s.magic, new Uint8Array(len)], [s.magic + k, blob]]);
      assert.ok(!(r instanceof FormatError), `${s.name}+${k}: ${(r as Error).message}`);
      assert.equal(r.buildInfo, null, `${s.name}: magic at +${k} was accepted`);
      assert.equal(r.buildInfoError, null, `${s.name}: magic at +${k} was read: ${r.buildInfoError}`);
      cases++;
    }
  }
  assert.ok(cases >= 15 * 6);
});

test('build info with a 16<<40 length, pointer size 0, or random header bytes', async () => {
  const huge = await Promise.all(withBuildInfo.map((s) => withEdits(s, [[s.magic + 32, uvarint(16n << 40n)]])));
  for (const r of huge) {
    assert.ok(!(r instanceof FormatError));
    assert.equal(r.buildInfo, null);
    assert.match(r.buildInfoError ?? '', /17592186044416 bytes.*at file offset 0x/);
  }
  const ptr0 = await Promise.all(withBuildInfo.map((s) => withEdits(s, [[s.magic + 14, Uint8Array.of(0, 0)]])));
  for (const r of ptr0) {
    assert.ok(!(r instanceof FormatError));
    assert.match(r.buildInfoError ?? '', /pointer size 0/);
  }
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...withBuildInfo).chain((s) => fc.tuple(fc.constant(s), fc.integer({ min: 14, max: 47 }), fc.uint8Array({ minLength: 1, maxLength: 12 }))),
      async ([s, at, bytes]) => {
        await withEdits(s, [[s.magic + at, bytes]]);
      },
    ),
    { numRuns: 800 * RUNS },
  );
});

/** The 64-bit little-endian version needs section of a sample: its header's offset and its data. */
function verneedOf(b: Uint8Array): { shdr: number; off: number; size: number } {
  const v = dv(b);
  const shoff = Number(v.getBigUint64(40, true));
  const [shentsize, shnum] = [v.getUint16(58, true), v.getUint16(60, true)];
  for (let i = 0; i < shnum; i++) {
    const at = shoff + i * shentsize;
    if (v.getUint32(at + 4, true) === SHT_GNU_VERNEED) return { shdr: at, off: Number(v.getBigUint64(at + 24, true)), size: Number(v.getBigUint64(at + 32, true)) };
  }
  throw new Error('no version needs section');
}

const cgoSample = samples.find((s) => s.name === 'self:pie-external-full-relro')!;

test('malformed version needs are FormatErrors naming the offset', async () => {
  const s = cgoSample;
  const clean = await outcome(s.bytes);
  assert.ok(!(clean instanceof FormatError));
  assert.ok(clean.versionNeeds.length >= 1 && clean.glibcFloor, 'the sample has version needs');
  const vn = verneedOf(s.bytes);
  const cnt = dv(s.bytes).getUint16(vn.off + 2, true);
  const firstAux = vn.off + 16; // ld lays the aux records right after their entry
  assert.ok(cnt >= 2, 'the sample needs several versions of libc');
  const u16 = (x: number) => uint(BigInt(x), 2, true);
  const u32 = (x: number) => uint(BigInt(x), 4, true);
  const cases: Array<[string, Array<[number, Uint8Array]>, RegExp]> = [
    ['entry count (sh_info) past the end', [[vn.shdr + 44, u32(0xffff)]], /65535 version need entries of 16 bytes do not fit/],
    ['version count past the end of the chain', [[vn.off + 2, u16(cnt + 1)]], /declares \d+ versions but its chain ends/],
    ['vn_aux past the end', [[vn.off + 8, u32(vn.size)]], /runs past the end of the \d+-byte version needs table/],
    ['vn_next lands on an aux record already read', [[vn.shdr + 44, u32(2)], [vn.off + 12, u32(16)]], /reached twice: the version needs chain loops/],
    ['vna_next past the end', [[firstAux + 12, u32(0x7fffffff)]], /runs past the end/],
    ['vna_next ends the chain early', [[firstAux + 12, u32(0)]], /declares \d+ versions but its chain ends after 1/],
    ['vna_name outside the string table', [[vn.off + 16 + 8, u32(0x7fffffff)]], /string index 2147483647 outside the \d+-byte table/],
    ['vn_file outside the string table', [[vn.off + 4, u32(0xffffffff)]], /string index 4294967295 outside/],
    ['vn_version not 1', [[vn.off, u16(2)]], /vn_version 2, not 1/],
    ['string table link out of range', [[vn.shdr + 40, u32(0xffff)]], /version needs section links string table 65535/],
  ];
  for (const [name, edits, re] of cases) {
    const r = await withEdits(s, edits);
    assert.ok(r instanceof FormatError, `${name}: read without error`);
    assert.match(r.message, re, name);
    assert.match(r.message, /at file offset 0x[0-9a-f]+\)$/, name);
  }
});

test('without section headers the version needs come from DT_VERNEED, and agree', async () => {
  const s = cgoSample;
  const clean = (await outcome(s.bytes)) as BinaryInfo;
  // e_shoff, e_shnum, e_shstrndx = 0: readers fall back to PT_DYNAMIC and DT_VERNEED/DT_VERNEEDNUM.
  const r = await withEdits(s, [[40, uint(0n, 8, true)], [60, uint(0n, 2, true)], [62, uint(0n, 2, true)]]);
  assert.ok(!(r instanceof FormatError), (r as Error).message);
  assert.deepEqual(r.versionNeeds, clean.versionNeeds);
  assert.equal(r.glibcFloor, clean.glibcFloor);
});

test('random bytes in the version needs section', async () => {
  const vn = verneedOf(cgoSample.bytes);
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: vn.off, max: vn.off + vn.size - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), async (flips) => {
      await withEdits(cgoSample, flips.map(([at, v]) => [at, Uint8Array.of(v)]));
    }),
    { numRuns: 500 * RUNS },
  );
});
