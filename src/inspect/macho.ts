// Mach-O reader: thin 32/64-bit files in either byte order, and fat (universal) files whose
// every slice is read as a thin file of its own.
import { FormatError, unrecognized } from './errors.ts';
import { block, cstring, fixedName, safe, u32, u64, word } from './fields.ts';
import type { ByteSource } from './source.ts';
import { archName, type FileType, type Image, type Mapping } from './image.ts';
import { goBuildIdFromText } from './notes.ts';

const LC_SEGMENT = 0x1, LC_SEGMENT_64 = 0x19, LC_LOAD_DYLIB = 0xc, LC_LOAD_DYLINKER = 0xe;
const LC_LOAD_WEAK_DYLIB = 0x80000018, LC_REEXPORT_DYLIB = 0x8000001f, LC_LAZY_LOAD_DYLIB = 0x20;
const LC_LOAD_UPWARD_DYLIB = 0x80000023, LC_RPATH = 0x8000001c;
const MH_PIE = 0x200000, MH_ALLOW_STACK_EXECUTION = 0x20000;
const CPU_ARCH_ABI64 = 0x01000000;
const CPUS: Record<number, string> = { 7: '386', 0x01000007: 'amd64', 12: 'arm', 0x0100000c: 'arm64', 18: 'ppc', 0x01000012: 'ppc64' };
const FILE_TYPES: Record<number, FileType> = { 1: 'object', 2: 'executable', 4: 'core', 6: 'shared-library', 8: 'shared-library' };
// A fat header's count; Java class files share the CAFEBABE magic and put a version there.
const MAX_FAT_ARCHES = 32;

interface MachoSection {
  segment: string;
  name: string;
  addr: bigint;
  size: bigint;
  offset: number;
}

interface Segment {
  name: string;
  addr: bigint;
  memsz: bigint;
  offset: number;
  filesz: number;
  maxprot: number;
  prot: number;
}

export function isThinMacho(head: Uint8Array): boolean {
  const be = head[0] === 0xfe && head[1] === 0xed && head[2] === 0xfa && (head[3] === 0xce || head[3] === 0xcf);
  const le = (head[0] === 0xce || head[0] === 0xcf) && head[1] === 0xfa && head[2] === 0xed && head[3] === 0xfe;
  return be || le;
}

export function isFatMacho(head: Uint8Array): boolean {
  return head[0] === 0xca && head[1] === 0xfe && head[2] === 0xba && (head[3] === 0xbe || head[3] === 0xbf);
}

export async function readMacho(src: ByteSource): Promise<Image> {
  const magic = await src.read(0, 4, 'Mach-O magic');
  const le = magic[0] !== 0xfe;
  const bits = magic[le ? 0 : 3] === 0xcf ? 64 : 32;
  const hsize = bits === 64 ? 32 : 28;
  const h = block(await src.read(0, hsize, 'Mach-O header'), 0, le);
  const cpu = u32(h, 4);
  const filetype = u32(h, 12);
  const ncmds = u32(h, 16);
  const sizeofcmds = u32(h, 20);
  const flags = u32(h, 24);
  if (sizeofcmds > src.size - hsize) throw new FormatError(20, `load commands of ${sizeofcmds} bytes do not fit in the file`);
  const cmds = block(await src.read(hsize, sizeofcmds, 'load commands'), hsize, le);
  const segments: Segment[] = [];
  const sections: MachoSection[] = [];
  const needed: string[] = [];
  const rpath: string[] = [];
  let interpreter: string | null = null;
  let at = 0;
  for (let i = 0; i < ncmds; i++) {
    if (at + 8 > sizeofcmds) throw new FormatError(hsize + at, `load command ${i} of ${ncmds} starts past sizeofcmds ${sizeofcmds}`);
    const cmd = u32(cmds, at);
    const size = u32(cmds, at + 4);
    if (size < 8 || size > sizeofcmds - at) throw new FormatError(hsize + at + 4, `load command ${i} has size ${size} (${sizeofcmds - at} bytes remain)`);
    const c = block(cmds.bytes.subarray(at, at + size), hsize + at, le);
    const lcString = (what: string) => cstring(c.bytes, u32(c, 8, what), c.offset, what);
    if (cmd === LC_SEGMENT || cmd === LC_SEGMENT_64) {
      const w = cmd === LC_SEGMENT_64 ? 64 : 32;
      const k = w === 64 ? 8 : 4;
      const seg: Segment = {
        name: fixedName(c.bytes.subarray(8, 24)),
        addr: word(c, 24, w, 'segment'),
        memsz: word(c, 24 + k, w, 'segment'),
        offset: safe(word(c, 24 + 2 * k, w, 'segment'), c.offset, 'segment file offset'),
        filesz: safe(word(c, 24 + 3 * k, w, 'segment'), c.offset, 'segment file size'),
        maxprot: u32(c, 24 + 4 * k, 'segment'),
        prot: u32(c, 28 + 4 * k, 'segment'),
      };
      segments.push(seg);
      const nsects = u32(c, 32 + 4 * k, 'segment');
      const first = w === 64 ? 72 : 56;
      const sectSize = w === 64 ? 80 : 68;
      if (nsects > (size - first) / sectSize) throw new FormatError(c.offset, `segment ${seg.name} claims ${nsects} sections that do not fit its command`);
      for (let s = 0; s < nsects; s++) {
        const so = first + s * sectSize;
        sections.push({
          name: fixedName(c.bytes.subarray(so, so + 16)),
          segment: fixedName(c.bytes.subarray(so + 16, so + 32)),
          addr: word(c, so + 32, w, 'section'),
          size: word(c, so + 32 + k, w, 'section'),
          offset: u32(c, so + 32 + 2 * k, 'section'),
        });
      }
    } else if (cmd === LC_LOAD_DYLIB || cmd === LC_LOAD_WEAK_DYLIB || cmd === LC_REEXPORT_DYLIB || cmd === LC_LAZY_LOAD_DYLIB || cmd === LC_LOAD_UPWARD_DYLIB) {
      needed.push(lcString('dylib name'));
    } else if (cmd === LC_RPATH) {
      rpath.push(lcString('rpath'));
    } else if (cmd === LC_LOAD_DYLINKER) {
      interpreter = lcString('dylinker name');
    }
    at += size;
  }
  const mappings: Mapping[] = segments
    .filter((s) => s.filesz > 0 && s.name !== '__PAGEZERO')
    .map((s) => ({ addr: s.addr, offset: s.offset, size: s.filesz, name: s.name }));
  const buildinfo = sections.find((s) => s.name === '__go_buildinfo');
  const data = segments.find((s) => s.addr !== 0n && s.filesz !== 0 && s.prot === 3 && s.maxprot === 3);
  const pcln = sections.find((s) => s.name === '__gopclntab');
  const pie = (flags & MH_PIE) !== 0;
  return {
    format: 'macho',
    arch: archName(CPUS[cpu], cpu),
    bits: (cpu & CPU_ARCH_ABI64) !== 0 ? 64 : bits,
    endian: le ? 'little' : 'big',
    type: FILE_TYPES[filetype] ?? 'other',
    static: null,
    interpreter,
    needed,
    versionNeeds: [],
    rpath,
    runpath: [],
    stripped: !segments.some((s) => s.name === '__DWARF') && !sections.some((s) => s.name.startsWith('__debug_') || s.name.startsWith('__zdebug_')),
    pie,
    relro: 'n/a',
    nx: (flags & MH_ALLOW_STACK_EXECUTION) === 0,
    goBuildId: await goBuildIdFromText(src),
    gnuBuildId: null,
    mappings,
    dataStart: buildinfo ? { addr: buildinfo.addr, size: buildinfo.size } : data ? { addr: data.addr, size: data.memsz } : null,
    pclntab: pcln ? { offset: pcln.offset, size: safe(pcln.size, 0, '__gopclntab size') } : null,
    pclntabSearch: [],
  };
}

export interface FatArch {
  arch: string;
  offset: number;
  size: number;
}

/** The slices of a fat file; every one is then read as a thin Mach-O. */
export async function readFatArches(src: ByteSource): Promise<FatArch[]> {
  const h = block(await src.read(0, 8, 'fat header'), 0, false);
  const fat64 = h.bytes[3] === 0xbf;
  const narch = u32(h, 4);
  if (narch === 0) throw new FormatError(4, 'fat file has no architectures');
  if (narch > MAX_FAT_ARCHES) throw unrecognized(`CAFEBABE magic with ${narch} architectures (a Java class file?)`);
  const entry = fat64 ? 32 : 20;
  const table = block(await src.read(8, narch * entry, 'fat arch table'), 8, false);
  const arches: FatArch[] = [];
  for (let i = 0; i < narch; i++) {
    const at = i * entry;
    const cpu = u32(table, at);
    const offset = safe(fat64 ? u64(table, at + 8) : BigInt(u32(table, at + 8)), 8 + at + 8, 'fat slice offset');
    const size = safe(fat64 ? u64(table, at + 16) : BigInt(u32(table, at + 12)), 8 + at + 12, 'fat slice size');
    if (offset > src.size || size > src.size - offset) throw new FormatError(8 + at, `fat slice ${i} (${offset}+${size}) runs past the end of the ${src.size}-byte file`);
    const arch = archName(CPUS[cpu], cpu);
    if (arches.some((a) => a.arch === arch)) throw new FormatError(8 + at, `fat file lists ${arch} twice`);
    arches.push({ arch, offset, size });
  }
  return arches;
}
