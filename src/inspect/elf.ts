// ELF reader: headers, program headers, section headers, the dynamic table and notes;
// enough for readelf -hlSdn's questions (static? interpreter? needed? PIE? RELRO? NX?
// stripped?) and for locating Go's build info and pcln table. Field names follow the spec.
import { FormatError } from './errors.ts';
import { block, cstring, safe, u16, u32, u64, word, type Block } from './fields.ts';
import type { ByteSource } from './source.ts';
import { archName, type FileType, type Image, type Mapping, type Relro } from './image.ts';
import { readNotes, type NoteIds } from './notes.ts';

const ET_REL = 1, ET_EXEC = 2, ET_DYN = 3, ET_CORE = 4;
const PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_NOTE = 4;
const PT_GNU_STACK = 0x6474e551, PT_GNU_RELRO = 0x6474e552;
const PF_X = 1, PF_W = 2;
const SHT_NULL = 0, SHT_SYMTAB = 2, SHT_STRTAB = 3, SHT_DYNAMIC = 6, SHT_NOTE = 7, SHT_NOBITS = 8, SHT_GNU_VERNEED = 0x6ffffffe;
const SHN_LORESERVE = 0xff00, SHN_XINDEX = 0xffff;
const DT_NULL = 0n, DT_NEEDED = 1n, DT_STRTAB = 5n, DT_STRSZ = 10n, DT_RPATH = 15n, DT_BIND_NOW = 24n;
const DT_RUNPATH = 29n, DT_FLAGS = 30n, DT_FLAGS_1 = 0x6ffffffbn, DT_VERNEED = 0x6ffffffen, DT_VERNEEDNUM = 0x6fffffffn;
const DF_BIND_NOW = 0x8n, DF_1_NOW = 0x1n, DF_1_PIE = 0x08000000n;

export interface ElfHeader {
  bits: 32 | 64;
  le: boolean;
  type: number;
  machine: number;
  phoff: number;
  shoff: number;
  phentsize: number;
  phnum: number;
  shentsize: number;
  shnum: number;
  shstrndx: number;
}

export interface ProgramHeader {
  type: number;
  flags: number;
  offset: number;
  vaddr: bigint;
  filesz: number;
  memsz: bigint;
  align: bigint;
}

export interface SectionHeader {
  name: string;
  type: number;
  flags: bigint;
  addr: bigint;
  offset: number;
  size: number;
  link: number;
  info: number;
}

export interface DynamicInfo {
  needed: string[];
  rpath: string[];
  runpath: string[];
  bindNow: boolean;
  pieFlag: boolean;
  /** DT_VERNEED's address and DT_VERNEEDNUM, when the table has them. */
  verneed: { addr: bigint; count: number } | null;
  /** The dynamic string table (for version-need names when no section header names it). */
  strtab: { bytes: Uint8Array; offset: number } | null;
}

/** One library's version needs (.gnu.version_r): readelf -V's "File: X  Cnt: N" and its names. */
export interface VersionNeed {
  file: string;
  versions: string[];
}

const MACHINES: Record<number, (bits: 32 | 64, le: boolean) => string> = {
  3: () => '386',
  62: () => 'amd64',
  40: () => 'arm',
  183: () => 'arm64',
  22: (bits) => (bits === 64 ? 's390x' : 's390'),
  20: () => 'ppc',
  21: (_b, le) => (le ? 'ppc64le' : 'ppc64'),
  8: (bits, le) => (bits === 64 ? (le ? 'mips64le' : 'mips64') : le ? 'mipsle' : 'mips'),
  243: (bits) => (bits === 64 ? 'riscv64' : 'riscv'),
  258: () => 'loong64',
  43: () => 'sparc64',
};

export async function readElfHeader(src: ByteSource): Promise<ElfHeader> {
  const ident = await src.read(0, 16, 'ELF identification');
  const cls = ident[4], data = ident[5];
  if (cls !== 1 && cls !== 2) throw new FormatError(4, `invalid ELF class ${cls}`);
  if (data !== 1 && data !== 2) throw new FormatError(5, `invalid ELF data encoding ${data}`);
  if (ident[6] !== 1) throw new FormatError(6, `invalid ELF version ${ident[6]}`);
  const bits = cls === 2 ? 64 : 32;
  const le = data === 1;
  const h = block(await src.read(0, bits === 64 ? 64 : 52, 'ELF header'), 0, le);
  const version = u32(h, 20);
  if (version !== 1) throw new FormatError(20, `ELF header version ${version} does not match identification version 1`);
  const at = bits === 64 ? [32, 40, 54] : [28, 32, 42];
  return {
    bits,
    le,
    type: u16(h, 16),
    machine: u16(h, 18),
    phoff: safe(word(h, at[0], bits), at[0], 'program header offset'),
    shoff: safe(word(h, at[1], bits), at[1], 'section header offset'),
    phentsize: u16(h, at[2]),
    phnum: u16(h, at[2] + 2),
    shentsize: u16(h, at[2] + 4),
    shnum: u16(h, at[2] + 6),
    shstrndx: u16(h, at[2] + 8),
  };
}

export async function readProgramHeaders(src: ByteSource, h: ElfHeader): Promise<ProgramHeader[]> {
  if (h.phnum === 0) return [];
  const min = h.bits === 64 ? 56 : 32;
  if (h.phentsize < min) throw new FormatError(h.bits === 64 ? 54 : 42, `program header size ${h.phentsize} is below ${min}`);
  if (h.phoff === 0) throw new FormatError(h.bits === 64 ? 32 : 28, `${h.phnum} program headers at offset 0`);
  const table = await src.read(h.phoff, h.phnum * h.phentsize, 'program header table');
  const progs: ProgramHeader[] = [];
  for (let i = 0; i < h.phnum; i++) {
    const off = h.phoff + i * h.phentsize;
    const b = block(table.subarray(i * h.phentsize, (i + 1) * h.phentsize), off, h.le);
    const p = h.bits === 64
      ? { type: u32(b, 0), flags: u32(b, 4), offset: u64(b, 8), vaddr: u64(b, 16), filesz: u64(b, 32), memsz: u64(b, 40), align: u64(b, 48) }
      : { type: u32(b, 0), offset: BigInt(u32(b, 4)), vaddr: BigInt(u32(b, 8)), filesz: BigInt(u32(b, 16)), memsz: BigInt(u32(b, 20)), flags: u32(b, 24), align: BigInt(u32(b, 28)) };
    progs.push({ ...p, offset: safe(p.offset, off, 'segment offset'), filesz: safe(p.filesz, off, 'segment file size') });
  }
  return progs;
}

interface RawSection extends Omit<SectionHeader, 'name'> {
  nameIndex: number;
}

function decodeSection(h: ElfHeader, b: Block): RawSection {
  const r = h.bits === 64
    ? { nameIndex: u32(b, 0), type: u32(b, 4), flags: u64(b, 8), addr: u64(b, 16), offset: u64(b, 24), size: u64(b, 32), link: u32(b, 40), info: u32(b, 44) }
    : { nameIndex: u32(b, 0), type: u32(b, 4), flags: BigInt(u32(b, 8)), addr: BigInt(u32(b, 12)), offset: BigInt(u32(b, 16)), size: BigInt(u32(b, 20)), link: u32(b, 24), info: u32(b, 28) };
  // NOBITS sections (.bss) occupy no file bytes: their offset/size are never read.
  const offset = r.type === SHT_NOBITS ? 0 : safe(r.offset, b.offset + (h.bits === 64 ? 24 : 16), 'section offset');
  const size = safe(r.size, b.offset + (h.bits === 64 ? 32 : 20), 'section size');
  return { ...r, offset, size };
}

export async function readSectionHeaders(src: ByteSource, h: ElfHeader): Promise<SectionHeader[]> {
  const shoffAt = h.bits === 64 ? 40 : 32;
  if (h.shoff === 0) {
    if (h.shnum !== 0) throw new FormatError(shoffAt, `${h.shnum} section headers at offset 0`);
    return [];
  }
  const min = h.bits === 64 ? 64 : 40;
  if (h.shentsize < min) throw new FormatError(shoffAt + 18, `section header size ${h.shentsize} is below ${min}`);
  let shnum = h.shnum;
  let shstrndx = h.shstrndx;
  // Extended numbering: more than 0xff00 sections keep their count in sh[0].size and the
  // string table index in sh[0].link.
  if (shnum === 0 || shstrndx === SHN_XINDEX) {
    const first = decodeSection(h, block(await src.read(h.shoff, min, 'section header 0'), h.shoff, h.le));
    if (shnum === 0) {
      if (first.type !== SHT_NULL) throw new FormatError(h.shoff, 'extended section count but section 0 is not SHT_NULL');
      if (first.size < SHN_LORESERVE) throw new FormatError(h.shoff, `extended section count ${first.size} is below 0xff00`);
      shnum = first.size;
    }
    if (shstrndx === SHN_XINDEX) shstrndx = first.link;
  }
  if (shstrndx >= shnum) throw new FormatError(shoffAt + 22, `section name table index ${shstrndx} is not below the section count ${shnum}`);
  if (shnum > (src.size - h.shoff) / h.shentsize) {
    throw new FormatError(h.shoff, `${shnum} section headers of ${h.shentsize} bytes do not fit in the file`);
  }
  const table = await src.read(h.shoff, shnum * h.shentsize, 'section header table');
  const raw: RawSection[] = [];
  for (let i = 0; i < shnum; i++) {
    const off = h.shoff + i * h.shentsize;
    raw.push(decodeSection(h, block(table.subarray(i * h.shentsize, (i + 1) * h.shentsize), off, h.le)));
  }
  const strtab = raw[shstrndx];
  const strAt = h.shoff + shstrndx * h.shentsize;
  if (strtab.type !== SHT_STRTAB) throw new FormatError(strAt, `section name table has type ${strtab.type}, not SHT_STRTAB`);
  const names = await src.read(strtab.offset, strtab.size, 'section name table');
  return raw.map((s, i) => {
    const { nameIndex, ...rest } = s;
    return { name: cstring(names, nameIndex, h.shoff + i * h.shentsize, `name of section ${i}`), ...rest };
  });
}

/** File offset of a virtual address, through the PT_LOAD segments; with the bytes left there. */
function mapAddress(progs: ProgramHeader[], addr: bigint): { offset: number; left: number } | undefined {
  for (const p of progs) {
    if (p.type !== PT_LOAD || addr < p.vaddr || addr >= p.vaddr + BigInt(p.filesz)) continue;
    const delta = Number(addr - p.vaddr);
    return { offset: p.offset + delta, left: p.filesz - delta };
  }
  return undefined;
}

async function readStringTable(src: ByteSource, s: SectionHeader, what: string): Promise<Uint8Array> {
  if (s.type === SHT_NOBITS) throw new FormatError(s.offset, `${what} is SHT_NOBITS and has no data`);
  return src.read(s.offset, s.size, what);
}

export async function readDynamic(src: ByteSource, h: ElfHeader, progs: ProgramHeader[], sections: SectionHeader[]): Promise<DynamicInfo | null> {
  const entsize = h.bits === 64 ? 16 : 8;
  let table: { offset: number; size: number };
  let strtab: Uint8Array | null = null;
  let strtabOffset = 0;
  const sec = sections.find((s) => s.type === SHT_DYNAMIC);
  const seg = progs.find((p) => p.type === PT_DYNAMIC);
  if (sec) {
    table = sec;
    if (sec.link === 0 || sec.link >= sections.length) {
      throw new FormatError(sec.offset, `dynamic section links string table ${sec.link} of ${sections.length}`);
    }
    const s = sections[sec.link];
    strtab = await readStringTable(src, s, 'dynamic string table');
    strtabOffset = s.offset;
  } else if (seg) {
    table = { offset: seg.offset, size: seg.filesz };
  } else {
    return null;
  }
  if (table.size % entsize !== 0) throw new FormatError(table.offset, `dynamic table size ${table.size} is not a multiple of ${entsize}`);
  const b = block(await src.read(table.offset, table.size, 'dynamic table'), table.offset, h.le);
  const entries: Array<[bigint, bigint]> = [];
  for (let at = 0; at < table.size; at += entsize) {
    const tag = word(b, at, h.bits);
    if (tag === DT_NULL) break;
    entries.push([tag, word(b, at + entsize / 2, h.bits)]);
  }
  if (!strtab && entries.some(([t]) => t === DT_NEEDED || t === DT_RPATH || t === DT_RUNPATH || t === DT_VERNEED)) {
    // No section headers: find the strings through DT_STRTAB's address.
    const addr = entries.find(([t]) => t === DT_STRTAB)?.[1];
    const size = entries.find(([t]) => t === DT_STRSZ)?.[1];
    const where = addr === undefined ? undefined : mapAddress(progs, addr);
    if (!where || size === undefined) throw new FormatError(table.offset, 'dynamic table names libraries but its DT_STRTAB is missing or unmapped');
    const len = Math.min(where.left, safe(size, table.offset, 'DT_STRSZ'));
    strtab = await src.read(where.offset, len, 'dynamic string table');
    strtabOffset = where.offset;
  }
  const str = (v: bigint, what: string) => cstring(strtab!, safe(v, table.offset, what), strtabOffset, what);
  const vnAddr = entries.find(([t]) => t === DT_VERNEED)?.[1];
  const vnNum = entries.find(([t]) => t === DT_VERNEEDNUM)?.[1];
  const info: DynamicInfo = {
    needed: [],
    rpath: [],
    runpath: [],
    bindNow: false,
    pieFlag: false,
    verneed: vnAddr === undefined ? null : { addr: vnAddr, count: vnNum === undefined ? 0 : safe(vnNum, table.offset, 'DT_VERNEEDNUM') },
    strtab: strtab ? { bytes: strtab, offset: strtabOffset } : null,
  };
  for (const [tag, value] of entries) {
    if (tag === DT_NEEDED) info.needed.push(str(value, 'DT_NEEDED'));
    else if (tag === DT_RPATH) info.rpath.push(str(value, 'DT_RPATH'));
    else if (tag === DT_RUNPATH) info.runpath.push(str(value, 'DT_RUNPATH'));
    else if (tag === DT_BIND_NOW) info.bindNow = true;
    else if (tag === DT_FLAGS && (value & DF_BIND_NOW) !== 0n) info.bindNow = true;
    else if (tag === DT_FLAGS_1) {
      if ((value & DF_1_NOW) !== 0n) info.bindNow = true;
      if ((value & DF_1_PIE) !== 0n) info.pieFlag = true;
    }
  }
  return info;
}

const VERNEED_SIZE = 16, VERNAUX_SIZE = 16;
// More than this many bytes of version needs is no real linker's output: refuse rather than read on.
const VERNEED_WINDOW = 1 << 20;

/**
 * The version needs (SHT_GNU_verneed, or DT_VERNEED/DT_VERNEEDNUM through PT_LOAD when there
 * are no section headers): Elf_Verneed {vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32,
 * vn_next u32} chained by vn_next, each with vn_cnt Elf_Vernaux {vna_hash u32, vna_flags u16,
 * vna_other u16, vna_name u32, vna_next u32} chained by vna_next; the layout is the same for
 * 32- and 64-bit files. Every offset stays inside the table, every record is visited once.
 */
export async function readVersionNeeds(src: ByteSource, h: ElfHeader, progs: ProgramHeader[], sections: SectionHeader[], dyn: DynamicInfo | null): Promise<VersionNeed[]> {
  let table: Block;
  let count: number;
  let strtab: { bytes: Uint8Array; offset: number };
  const sec = sections.find((s) => s.type === SHT_GNU_VERNEED);
  if (sec) {
    if (sec.link === 0 || sec.link >= sections.length) throw new FormatError(sec.offset, `version needs section links string table ${sec.link} of ${sections.length}`);
    const s = sections[sec.link];
    strtab = { bytes: await readStringTable(src, s, 'version needs string table'), offset: s.offset };
    table = block(await src.read(sec.offset, Math.min(sec.size, VERNEED_WINDOW), 'version needs section'), sec.offset, h.le);
    count = sec.info;
  } else if (dyn?.verneed && dyn.strtab) {
    const where = mapAddress(progs, dyn.verneed.addr);
    if (!where) throw new FormatError(0, `DT_VERNEED address 0x${dyn.verneed.addr.toString(16)} is not in any PT_LOAD segment`);
    strtab = dyn.strtab;
    table = block(await src.read(where.offset, Math.min(where.left, VERNEED_WINDOW), 'version needs'), where.offset, h.le);
    count = dyn.verneed.count;
  } else {
    return [];
  }
  if (count > table.bytes.length / VERNEED_SIZE) {
    throw new FormatError(table.offset, `${count} version need entries of ${VERNEED_SIZE} bytes do not fit in the ${table.bytes.length}-byte table`);
  }
  const visited = new Set<number>();
  const visit = (at: number, size: number, what: string) => {
    if (at + size > table.bytes.length) throw new FormatError(table.offset + at, `${what} runs past the end of the ${table.bytes.length}-byte version needs table`);
    if (visited.has(at)) throw new FormatError(table.offset + at, `${what} is reached twice: the version needs chain loops`);
    visited.add(at);
  };
  const name = (v: number, at: number, what: string) => cstring(strtab.bytes, v, table.offset + at, what);
  const out: VersionNeed[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    visit(at, VERNEED_SIZE, `version need entry ${i}`);
    const version = u16(table, at);
    if (version !== 1) throw new FormatError(table.offset + at, `version need entry ${i} has vn_version ${version}, not 1`);
    const cnt = u16(table, at + 2);
    const file = name(u32(table, at + 4), at + 4, `file name of version need entry ${i}`);
    const versions: string[] = [];
    let aux = at + u32(table, at + 8);
    for (let j = 0; j < cnt; j++) {
      visit(aux, VERNAUX_SIZE, `version ${j} of ${file}`);
      versions.push(name(u32(table, aux + 8), aux + 8, `name of version ${j} of ${file}`));
      const next = u32(table, aux + 12);
      if (next === 0) {
        if (j !== cnt - 1) throw new FormatError(table.offset + aux + 12, `${file} declares ${cnt} versions but its chain ends after ${j + 1}`);
        break;
      }
      aux += next;
    }
    out.push({ file, versions });
    const next = u32(table, at + 12);
    if (next === 0) {
      if (i !== count - 1) throw new FormatError(table.offset + at + 12, `${count} version need entries declared but the chain ends after ${i + 1}`);
      break;
    }
    at += next;
  }
  return out;
}

async function readInterpreter(src: ByteSource, progs: ProgramHeader[]): Promise<string | null> {
  const p = progs.find((x) => x.type === PT_INTERP);
  if (!p) return null;
  const bytes = await src.read(p.offset, p.filesz, 'program interpreter');
  const end = bytes.indexOf(0);
  return new TextDecoder('latin1').decode(end < 0 ? bytes : bytes.subarray(0, end));
}

async function readElfNotes(src: ByteSource, h: ElfHeader, progs: ProgramHeader[], sections: SectionHeader[]): Promise<NoteIds> {
  // PT_NOTE segments first (they survive sstrip); SHT_NOTE sections for objects without them.
  const ranges = progs.filter((p) => p.type === PT_NOTE).map((p) => ({ offset: p.offset, size: p.filesz, align: p.align === 8n ? 8 : 4 }));
  for (const s of sections) {
    if (s.type === SHT_NOTE && !ranges.some((r) => r.offset <= s.offset && s.offset < r.offset + r.size)) ranges.push({ offset: s.offset, size: s.size, align: 4 });
  }
  return readNotes(src, ranges, h.le);
}

function fileType(type: number, pie: boolean): FileType {
  if (type === ET_EXEC) return 'executable';
  if (type === ET_DYN) return pie ? 'executable' : 'shared-library';
  if (type === ET_REL) return 'object';
  if (type === ET_CORE) return 'core';
  return 'other';
}

export async function readElf(src: ByteSource): Promise<Image> {
  const h = await readElfHeader(src);
  const progs = await readProgramHeaders(src, h);
  const sections = await readSectionHeaders(src, h);
  const dyn = await readDynamic(src, h, progs, sections);
  const versionNeeds = await readVersionNeeds(src, h, progs, sections, dyn);
  const interpreter = await readInterpreter(src, progs);
  const notes = await readElfNotes(src, h, progs, sections);
  const needed = dyn?.needed ?? [];
  const pie = h.type === ET_DYN && (dyn?.pieFlag === true || interpreter !== null);
  const stack = progs.find((p) => p.type === PT_GNU_STACK);
  const relro: Relro = progs.length === 0 ? 'n/a' : !progs.some((p) => p.type === PT_GNU_RELRO) ? 'none' : dyn?.bindNow ? 'full' : 'partial';
  const mappings: Mapping[] = progs.filter((p) => p.type === PT_LOAD).map((p) => ({ addr: p.vaddr, offset: p.offset, size: p.filesz }));
  const buildinfo = sections.find((s) => s.name === '.go.buildinfo');
  const data = progs.find((p) => p.type === PT_LOAD && (p.flags & (PF_X | PF_W)) === PF_W);
  const pcln = sections.find((s) => s.name === '.gopclntab' && s.type !== SHT_NOBITS);
  return {
    format: 'elf',
    arch: archName(MACHINES[h.machine]?.(h.bits, h.le), h.machine),
    bits: h.bits,
    endian: h.le ? 'little' : 'big',
    type: fileType(h.type, pie),
    static: interpreter === null && needed.length === 0,
    interpreter,
    needed,
    versionNeeds,
    rpath: dyn?.rpath ?? [],
    runpath: dyn?.runpath ?? [],
    stripped: !sections.some((s) => s.type === SHT_SYMTAB || s.name.startsWith('.debug_') || s.name.startsWith('.zdebug_')),
    pie,
    relro,
    nx: stack !== undefined && (stack.flags & PF_X) === 0,
    goBuildId: notes.goBuildId,
    gnuBuildId: notes.gnuBuildId,
    mappings,
    dataStart: buildinfo ? { addr: buildinfo.addr, size: BigInt(buildinfo.size) } : data ? { addr: data.vaddr, size: data.memsz } : null,
    pclntab: pcln ? { offset: pcln.offset, size: pcln.size } : null,
    pclntabSearch: [],
  };
}

