// Go's pcln table (runtime.pclntab): its presence marks a Go binary even without build
// info, and its function-name and file-name tables answer "does it call time.LoadLocation",
// "does it embed time/tzdata" and "which build-machine paths leaked". Only those two
// tables are read, not the whole pcln table.
import { FormatError } from './errors.ts';
import { block, safe, word } from './fields.ts';
import { mappedAt, type Image, type Mapping, type Range } from './image.ts';
import type { ByteSource } from './source.ts';

// Go 1.20+, 1.18-1.19, 1.16-1.17, 1.2-1.15.
const MAGICS = [0xfffffff1, 0xfffffff0, 0xfffffffa, 0xfffffffb];
const CHUNK = 1 << 20;
const EXAMPLES = 5;

export interface PclnFacts {
  usesLoadLocation: boolean;
  embedsTzdata: boolean;
  usesSystemRoots: boolean;
  setsFallbackRoots: boolean;
  leakedPaths: { count: number; examples: string[] };
}

interface Tables {
  /** Function names, NUL-separated (the whole table for Go < 1.16). */
  funcnames: Range;
  files: Range;
}

function isHeader(b: Uint8Array, at: number, le: boolean): boolean {
  if (at + 8 > b.length) return false;
  const magic = new DataView(b.buffer, b.byteOffset + at, 4).getUint32(0, le);
  return MAGICS.includes(magic) && b[at + 4] === 0 && b[at + 5] === 0 && [1, 2, 4].includes(b[at + 6]) && (b[at + 7] === 4 || b[at + 7] === 8);
}

/** The name tables of the pcln table at `table`; throws FormatError when its header is inconsistent. */
async function tablesOf(src: ByteSource, table: Range, le: boolean): Promise<Tables> {
  const head = await src.read(table.offset, Math.min(table.size, 8 + 8 * 8), 'pcln table header');
  if (!isHeader(head, 0, le)) throw new FormatError(table.offset, 'pcln table has no valid Go header');
  const b = block(head, table.offset, le);
  const magic = b.view.getUint32(0, le);
  if (magic === 0xfffffffb) return { funcnames: table, files: table };
  const bits = head[7] === 8 ? 64 : 32;
  const ptr = head[7];
  // Go 1.18 added textStart before the offsets.
  const first = magic === 0xfffffffa ? 2 : 3;
  const off = (i: number) => safe(word(b, 8 + (first + i) * ptr, bits, 'pcln table header'), table.offset + 8, 'pcln table offset');
  const [funcname, cu, filetab, pctab] = [off(0), off(1), off(2), off(3)];
  if (!(funcname <= cu && cu <= filetab && filetab <= pctab && pctab <= table.size)) {
    throw new FormatError(table.offset + 8, `pcln table offsets ${funcname}, ${cu}, ${filetab}, ${pctab} are out of order or past its ${table.size} bytes`);
  }
  return {
    funcnames: { offset: table.offset + funcname, size: cu - funcname },
    files: { offset: table.offset + filetab, size: pctab - filetab },
  };
}

/**
 * Module data larger than this is not read whole: the search through the ranges is left to do it.
 * A Go program's data section is a small part of its read-only data (gum's Windows binary: 0.73
 * MB against 7.3 MB).
 */
const MAX_MODULEDATA_SCAN = 16 << 20;

/**
 * The pcln table of a PE file from Go's module data, before any search through .rdata.
 * runtime.firstmoduledata, in the data section, starts with a pointer to the table (Go 1.16 and
 * later: to its header, then six slices and findfunctab before minpc; Go 1.2-1.15: the table's
 * slice, then two slices and findfunctab before minpc), and minpc is the address the program's text starts at,
 * which the section table gives. So each word in the data section that holds that address is
 * taken as minpc, and the pointer where the module data would start is checked as a header.
 * Null when none checks out (an externally linked program whose text starts with C code, another
 * layout): the caller searches.
 */
export async function pclntabFromModuledata(src: ByteSource, image: Pick<Image, 'mappings' | 'pclntabSearch' | 'moduledataHint'>, le: boolean): Promise<Range | null> {
  const hint = image.moduledataHint;
  if (!hint || hint.data.size > MAX_MODULEDATA_SCAN || hint.data.size < hint.ptrSize) return null;
  const p = hint.ptrSize;
  const bits = p === 8 ? 64 : 32;
  const data = Buffer.from(await src.read(hint.data.offset, hint.data.size, 'data section'));
  const words = block(data, hint.data.offset, le);
  const needle = Buffer.alloc(p);
  if (p === 8) new DataView(needle.buffer).setBigUint64(0, hint.textAddr, le);
  else new DataView(needle.buffer).setUint32(0, Number(hint.textAddr & 0xffffffffn), le);
  // Where minpc sits from the module data's start, Go 1.16+ then Go 1.2-1.15.
  const minpcAt = [p + 6 * 3 * p + p, 3 * 3 * p + p];
  for (let i = data.indexOf(needle); i >= 0; i = data.indexOf(needle, i + 1)) {
    if (i % p !== 0) continue;
    for (const at of minpcAt) {
      if (i < at) continue;
      const table = rangeAt(image.mappings, image.pclntabSearch, word(words, i - at, bits, 'module data'));
      if (table && (await isTable(src, table, le))) return table;
    }
  }
  return null;
}

/** Whether a pcln table starts at candidate: a header whose name tables are in order and inside it. */
async function isTable(src: ByteSource, candidate: Range, le: boolean): Promise<boolean> {
  try {
    await tablesOf(src, candidate, le);
    return true;
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    return false;
  }
}

/** The file range from the address addr to the end of the search range holding it, if one does. */
function rangeAt(mappings: readonly Mapping[], ranges: readonly Range[], addr: bigint): Range | null {
  const at = mappedAt(mappings, addr);
  const r = at && ranges.find((x) => x.offset <= at.offset && at.offset < x.offset + x.size);
  return at && r ? { offset: at.offset, size: r.offset + r.size - at.offset } : null;
}

/** Looks for a pcln table header inside ranges with no section name for it (PE .rdata). */
// Every magic has ff ff ff in its three high bytes, and the two header bytes after it are zero:
// little-endian, header bytes 1-5 are ff ff ff 00 00. A native search for that (Buffer.indexOf)
// instead of a look at every 0xff byte: the .rdata of a Windows binary has hundreds of
// thousands of them (14 ms of a 14 MB binary's inspection, on the warm run's last target).
const LE_NEEDLE = Buffer.from([0xff, 0xff, 0xff, 0x00, 0x00]);
const BE_NEEDLE = Buffer.from([0xff, 0xff, 0xff]);

export async function searchPclntab(src: ByteSource, ranges: Range[], le: boolean): Promise<Range | null> {
  const needle = le ? LE_NEEDLE : BE_NEEDLE;
  for (const r of ranges) {
    for (let start = 0; start < r.size; start += CHUNK) {
      const len = Math.min(CHUNK + 8, r.size - start);
      const read = await src.read(r.offset + start, len, 'pcln table search');
      const b = Buffer.from(read.buffer, read.byteOffset, read.byteLength);
      // A header starting in this chunk (the 8 bytes read past it belong to the next one's start).
      for (let i = b.indexOf(needle); i >= 0; i = b.indexOf(needle, i + 1)) {
        const at = le ? i - 1 : i;
        if (at >= CHUNK) break;
        if (at < 0 || !isHeader(b, at, le)) continue;
        const candidate = { offset: r.offset + start + at, size: r.size - start - at };
        if (await isTable(src, candidate, le)) return candidate;
      }
    }
  }
  return null;
}

function contains(hay: Buffer, name: string): boolean {
  const needle = Buffer.from(`${name}\0`, 'latin1');
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    if (i === 0 || hay[i - 1] === 0) return true;
  }
  return false;
}

const LEAK = /^(?:\/|[A-Za-z]:[\\/]).*\.go$/s;

export async function readPclnFacts(src: ByteSource, table: Range, le: boolean): Promise<PclnFacts> {
  const t = await tablesOf(src, table, le);
  const names = await src.read(t.funcnames.offset, t.funcnames.size, 'function name table');
  const hay = Buffer.from(names.buffer, names.byteOffset, names.byteLength);
  const files = t.files === t.funcnames ? hay : Buffer.from(await src.read(t.files.offset, t.files.size, 'file name table'));
  const leaked: string[] = [];
  const seen = new Set<string>();
  for (let at = 0; at < files.length; ) {
    let end = files.indexOf(0, at);
    if (end < 0) end = files.length;
    if (end - at > 3 && files[end - 1] === 0x6f && files[end - 2] === 0x67 && files[end - 3] === 0x2e) {
      const name = files.toString('utf8', at, end);
      if (LEAK.test(name) && !seen.has(name)) {
        seen.add(name);
        leaked.push(name);
      }
    }
    at = end + 1;
  }
  return {
    usesLoadLocation: contains(hay, 'time.LoadLocation'),
    embedsTzdata: contains(hay, 'time/tzdata.loadFromEmbeddedTZData'),
    // crypto/x509's system pool is built once by initSystemRoots (root.go: systemRootsPool ->
    // once.Do(initSystemRoots) -> loadSystemRoots), reached from Certificate.Verify when
    // VerifyOptions.Roots is nil (verify.go) and from SystemCertPool. initSystemRoots is passed
    // to once.Do as a value, so it is never inlined away; its name is in the table exactly when
    // the linker kept the code that reads the system roots.
    usesSystemRoots: contains(hay, 'crypto/x509.initSystemRoots'),
    // SetFallbackRoots (root.go) installs roots used when the system has none; the linker keeps
    // it only when something calls it (golang.org/x/crypto/x509roots/fallback's init does).
    setsFallbackRoots: contains(hay, 'crypto/x509.SetFallbackRoots'),
    leakedPaths: { count: leaked.length, examples: leaked.slice(0, EXAMPLES) },
  };
}
