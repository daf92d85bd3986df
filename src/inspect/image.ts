// What every container reader (ELF, PE, Mach-O) hands to the format-independent readers:
// the header facts, how virtual addresses map to file bytes, where Go keeps its data.
export type Format = 'elf' | 'pe' | 'macho';
export type FileType = 'executable' | 'shared-library' | 'object' | 'core' | 'other';
export type Relro = 'none' | 'partial' | 'full' | 'n/a';

/** File-backed bytes of one loaded range: [addr, addr+size) lives at [offset, offset+size). */
export interface Mapping {
  addr: bigint;
  offset: number;
  size: number;
  /** Skipped for address lookups (Mach-O __PAGEZERO). */
  name?: string;
}

/**
 * Where the virtual address addr lies in the file, and how many file-backed bytes of its mapping
 * follow it; null when no mapping holds it. Every address lookup of the inspector goes through here.
 */
export function mappedAt(mappings: readonly Mapping[], addr: bigint): { offset: number; left: number } | null {
  for (const m of mappings) {
    if (addr < m.addr || addr - m.addr >= BigInt(m.size)) continue;
    const delta = Number(addr - m.addr);
    return { offset: m.offset + delta, left: m.size - delta };
  }
  return null;
}

/** A byte range of the file. */
export interface Range {
  offset: number;
  size: number;
}

export interface ContainerFacts {
  format: Format;
  arch: string;
  bits: 32 | 64;
  endian: 'little' | 'big';
  type: FileType;
  /** null where "static" does not apply (Mach-O always loads libSystem, PE always imports kernel32). */
  static: boolean | null;
  interpreter: string | null;
  needed: string[];
  /** ELF version needs per needed library (.gnu.version_r); empty for PE and Mach-O. */
  versionNeeds: Array<{ file: string; versions: string[] }>;
  rpath: string[];
  runpath: string[];
  stripped: boolean;
  pie: boolean;
  relro: Relro;
  nx: boolean;
  goBuildId: string | null;
  gnuBuildId: string | null;
}

export interface Image extends ContainerFacts {
  mappings: Mapping[];
  /** Where Go's build info is searched: .go.buildinfo or the first writable data range. */
  dataStart: { addr: bigint; size: bigint } | null;
  /** Go's pcln table when a section names it (.gopclntab, __gopclntab). */
  pclntab: Range | null;
  /** Ranges that may hold the pcln table when no section names it (PE .rdata). */
  pclntabSearch: Range[];
  /**
   * Where Go's module data may say where that table is, before any search (PE): the data section
   * holding runtime.firstmoduledata, the address the program's text starts at, and the pointer size.
   */
  moduledataHint?: { data: Range; textAddr: bigint; ptrSize: 4 | 8 };
}

/** Go's GOARCH names, the vocabulary of targets and build settings. */
export function archName(known: string | undefined, raw: number): string {
  return known ?? `unknown(0x${raw.toString(16)})`;
}
