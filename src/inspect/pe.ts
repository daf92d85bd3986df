// PE/COFF reader (PE32 and PE32+): COFF header, optional header, section table with long
// names from the COFF string table, and the import directory (the DLLs a program loads).
import { FormatError } from './errors.ts';
import { block, cstring, fixedName, u16, u32, u64, type Block } from './fields.ts';
import type { ByteSource } from './source.ts';
import { archName, type Image, type Mapping } from './image.ts';
import { goBuildIdFromText } from './notes.ts';

const MACHINES: Record<number, string> = { 0x14c: '386', 0x8664: 'amd64', 0x1c0: 'arm', 0x1c4: 'arm', 0xaa64: 'arm64' };
const IMAGE_FILE_DLL = 0x2000;
const DYNAMIC_BASE = 0x40, NX_COMPAT = 0x100;
// Go's DataStart: initialized, readable, writable data (alignment bits ignored).
const DATA = 0xc0000040, ALIGN_MASK = 0x600000;
const MAX_IMPORTS = 4096;

export interface PeSection {
  name: string;
  virtualSize: number;
  virtualAddress: number;
  sizeOfRawData: number;
  pointerToRawData: number;
  characteristics: number;
}

async function sectionNames(src: ByteSource, coff: Block, raw: Uint8Array[], coffAt: number): Promise<string[]> {
  const symtab = u32(coff, 8);
  const nsyms = u32(coff, 12);
  let strings: Uint8Array | null = null;
  let stringsAt = 0;
  const names: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const short = fixedName(raw[i]);
    const m = /^\/(\d+)$/.exec(short);
    if (!m) {
      names.push(short);
      continue;
    }
    if (!strings) {
      // The COFF string table follows the 18-byte symbols; its first u32 is its own length.
      stringsAt = symtab + 18 * nsyms;
      if (symtab === 0) throw new FormatError(coffAt + 8, `section ${i} has long name ${short} but there is no COFF symbol table`);
      const len = u32(block(await src.read(stringsAt, 4, 'COFF string table size'), stringsAt, true), 0);
      if (len < 4) throw new FormatError(stringsAt, `COFF string table length ${len} is below 4`);
      strings = await src.read(stringsAt, len, 'COFF string table');
    }
    names.push(cstring(strings, Number(m[1]), stringsAt, `name of section ${i}`));
  }
  return names;
}

function rvaToOffset(sections: PeSection[], rva: number): { offset: number; left: number } | undefined {
  for (const s of sections) {
    const size = Math.min(s.sizeOfRawData, s.virtualSize || s.sizeOfRawData);
    if (rva >= s.virtualAddress && rva < s.virtualAddress + size) {
      return { offset: s.pointerToRawData + (rva - s.virtualAddress), left: s.virtualAddress + size - rva };
    }
  }
  return undefined;
}

async function readImports(src: ByteSource, sections: PeSection[], rva: number, size: number, dirAt: number): Promise<string[]> {
  if (rva === 0 || size === 0) return [];
  const where = rvaToOffset(sections, rva);
  if (!where) throw new FormatError(dirAt, `import directory RVA 0x${rva.toString(16)} is not inside any section`);
  const table = block(await src.read(where.offset, where.left, 'import directory'), where.offset, true);
  const names: string[] = [];
  for (let at = 0; at + 20 <= where.left && names.length < MAX_IMPORTS; at += 20) {
    const originalFirstThunk = u32(table, at);
    const nameRva = u32(table, at + 12);
    if (originalFirstThunk === 0 && nameRva === 0) break;
    const name = rvaToOffset(sections, nameRva);
    if (!name) throw new FormatError(where.offset + at + 12, `import name RVA 0x${nameRva.toString(16)} is not inside any section`);
    const bytes = await src.read(name.offset, Math.min(name.left, 512), 'import name');
    names.push(cstring(bytes, 0, name.offset, 'import name'));
  }
  return names;
}

export async function readPe(src: ByteSource): Promise<Image> {
  const dos = block(await src.read(0, 64, 'DOS header'), 0, true);
  const peAt = u32(dos, 0x3c);
  const sig = await src.read(peAt, 4, 'PE signature');
  if (sig[0] !== 0x50 || sig[1] !== 0x45 || sig[2] !== 0 || sig[3] !== 0) throw new FormatError(peAt, 'missing PE\\0\\0 signature');
  const coffAt = peAt + 4;
  const coff = block(await src.read(coffAt, 20, 'COFF header'), coffAt, true);
  const machine = u16(coff, 0);
  const nsections = u16(coff, 2);
  const optSize = u16(coff, 16);
  const characteristics = u16(coff, 18);
  const optAt = coffAt + 20;
  if (optSize < 96) throw new FormatError(coffAt + 16, `optional header size ${optSize} is too small for an image`);
  const opt = block(await src.read(optAt, optSize, 'optional header'), optAt, true);
  const magic = u16(opt, 0);
  if (magic !== 0x10b && magic !== 0x20b) throw new FormatError(optAt, `optional header magic 0x${magic.toString(16)} is neither PE32 nor PE32+`);
  const pe64 = magic === 0x20b;
  const imageBase = pe64 ? u64(opt, 24) : BigInt(u32(opt, 28));
  const dllCharacteristics = u16(opt, 70);
  const dirCount = u32(opt, pe64 ? 108 : 92);
  const dirAt = pe64 ? 112 : 96;
  const importDir = dirCount > 1 && dirAt + 16 <= optSize ? { rva: u32(opt, dirAt + 8), size: u32(opt, dirAt + 12) } : { rva: 0, size: 0 };

  const secAt = optAt + optSize;
  const table = await src.read(secAt, nsections * 40, 'section table');
  const rawNames: Uint8Array[] = [];
  const sections: PeSection[] = [];
  for (let i = 0; i < nsections; i++) {
    const b = block(table.subarray(i * 40, i * 40 + 40), secAt + i * 40, true);
    rawNames.push(b.bytes.subarray(0, 8));
    sections.push({
      name: '',
      virtualSize: u32(b, 8),
      virtualAddress: u32(b, 12),
      sizeOfRawData: u32(b, 16),
      pointerToRawData: u32(b, 20),
      characteristics: u32(b, 36),
    });
  }
  const names = await sectionNames(src, coff, rawNames, coffAt);
  sections.forEach((s, i) => (s.name = names[i]));

  const needed = await readImports(src, sections, importDir.rva, importDir.size, optAt + dirAt + 8);
  const mappings: Mapping[] = sections
    .filter((s) => s.sizeOfRawData > 0)
    .map((s) => ({ addr: imageBase + BigInt(s.virtualAddress), offset: s.pointerToRawData, size: s.sizeOfRawData, name: s.name }));
  // Same test as debug/buildinfo; the >>> 0 keeps the u32 unsigned after masking flags (not an offset).
  const data = sections.find((s) => s.virtualAddress !== 0 && s.sizeOfRawData !== 0 && ((s.characteristics & ~ALIGN_MASK) >>> 0) === DATA);
  const rdata = sections.filter((s) => s.name === '.rdata' && s.sizeOfRawData > 0);
  const text = sections.find((s) => s.name === '.text' && s.sizeOfRawData > 0);
  return {
    format: 'pe',
    arch: archName(MACHINES[machine], machine),
    bits: pe64 ? 64 : 32,
    endian: 'little',
    type: characteristics & IMAGE_FILE_DLL ? 'shared-library' : 'executable',
    static: null,
    interpreter: null,
    needed,
    versionNeeds: [],
    rpath: [],
    runpath: [],
    stripped: u32(coff, 12) === 0 && !sections.some((s) => s.name.startsWith('.debug_') || s.name.startsWith('.zdebug_')),
    pie: (dllCharacteristics & DYNAMIC_BASE) !== 0,
    relro: 'n/a',
    nx: (dllCharacteristics & NX_COMPAT) !== 0,
    goBuildId: await goBuildIdFromText(src),
    gnuBuildId: null,
    mappings,
    dataStart: data ? { addr: imageBase + BigInt(data.virtualAddress), size: BigInt(data.virtualSize) } : null,
    pclntab: null,
    pclntabSearch: rdata.map((s) => ({ offset: s.pointerToRawData, size: s.sizeOfRawData })),
    ...(data && text ? { moduledataHint: { data: { offset: data.pointerToRawData, size: data.sizeOfRawData }, textAddr: imageBase + BigInt(text.virtualAddress), ptrSize: pe64 ? 8 : 4 } } : {}),
  };
}
