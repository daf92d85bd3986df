// One entry point: a path (or bytes) in, a BinaryInfo out, or a FormatError. Dispatches on
// the magic bytes, then runs the format-independent readers (build info, pcln table, UPX).
import { FormatError, unrecognized } from './errors.ts';
import { readElf } from './elf.ts';
import { readPe } from './pe.ts';
import { isFatMacho, isThinMacho, readFatArches, readMacho } from './macho.ts';
import { BuildInfoSyntaxError, formatGoVersionM, parseBuildInfo, readRawBuildInfo, type BuildInfo, type ModuleInfo } from './buildinfo.ts';
import { pclntabFromModuledata, readPclnFacts, searchPclntab, type PclnFacts } from './pclntab.ts';
import { fromUnicode, toUnicode } from './goquote.ts';
import { bufferSource, fileSource, type ByteSource } from './source.ts';
import type { ContainerFacts, Image } from './image.ts';
import { cpuLevelOf, formatCpuLevel, libcOf, versionFloor, type CpuLevel, type Libc } from './runtime-needs.ts';

export type { BuildInfo, ModuleInfo } from './buildinfo.ts';

export interface BinaryInfo extends ContainerFacts {
  file: string;
  upx: boolean;
  tzdata: boolean;
  usesLoadLocation: boolean;
  /** ELF: the C library it is linked against ('none' when static); null for PE and Mach-O. */
  libc: Libc | null;
  /** Highest GLIBC_x.y / GLIBCXX_x.y / CXXABI_x.y in the version needs, e.g. "2.34"; null when none. */
  glibcFloor: string | null;
  glibcxxFloor: string | null;
  cxxabiFloor: string | null;
  /** GOAMD64/GOARM64/GOARM/GO386/... level from the build info (Go's default when not recorded). */
  cpuLevel: CpuLevel | null;
  /** The program can load the system certificate roots (crypto/x509's system pool). */
  usesSystemRoots: boolean;
  /** The program carries roots of its own (golang.org/x/crypto/x509roots/fallback, or x509.SetFallbackRoots). */
  embedsRoots: boolean;
  leakedPaths: { count: number; examples: string[] };
  /** null for non-Go binaries and for Go binaries built without build info. */
  buildInfo: BuildInfo | null;
  /** A Go binary: build info, a pcln table or a Go build id was found. */
  go: boolean;
  /** Why build info that is present could not be read (offset included), else null. */
  buildInfoError: string | null;
  /** `go version -m` output for this file, or null without build info. */
  goVersionM: string | null;
  size: number;
  bytesRead: number;
  /** Every architecture of a fat Mach-O file (the top level repeats the first). */
  slices?: BinaryInfo[];
}

const UPX = Buffer.from('UPX!');

function unicodeModule(m: ModuleInfo | null): ModuleInfo | null {
  return m && { path: toUnicode(m.path), version: toUnicode(m.version), sum: toUnicode(m.sum), replace: unicodeModule(m.replace) };
}

function unicodeBuildInfo(bi: BuildInfo): BuildInfo {
  return {
    goVersion: toUnicode(bi.goVersion),
    path: toUnicode(bi.path),
    main: unicodeModule(bi.main),
    deps: bi.deps.map((d) => unicodeModule(d)!),
    settings: bi.settings.map((s) => ({ key: toUnicode(s.key), value: toUnicode(s.value) })),
  };
}

async function readImage(src: ByteSource, head: Uint8Array): Promise<Image> {
  if (head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) return readElf(src);
  if (head[0] === 0x4d && head[1] === 0x5a) return readPe(src);
  if (isThinMacho(head)) return readMacho(src);
  throw unrecognized('not ELF, PE or Mach-O');
}

async function pclnFacts(src: ByteSource, image: Image): Promise<PclnFacts | null> {
  const le = image.endian === 'little';
  const table = image.pclntab ?? (image.pclntabSearch.length > 0 ? ((await pclntabFromModuledata(src, image, le)) ?? (await searchPclntab(src, image.pclntabSearch, le))) : null);
  return table ? readPclnFacts(src, table, le) : null;
}

async function inspectThin(src: ByteSource, file: string, head: Uint8Array): Promise<BinaryInfo> {
  const image = await readImage(src, head);
  const { mappings: _m, dataStart: _d, pclntab: _p, pclntabSearch: _s, moduledataHint: _h, ...facts } = image;
  let buildInfo: BuildInfo | null = null;
  let buildInfoError: string | null = null;
  let goVersionM: string | null = null;
  try {
    const raw = await readRawBuildInfo(src, image);
    if (raw) {
      const bi = parseBuildInfo(raw.version, raw.modinfo);
      buildInfo = unicodeBuildInfo(bi);
      goVersionM = toUnicode(formatGoVersionM(fromUnicode(file), bi));
    }
  } catch (e) {
    if (!(e instanceof FormatError || e instanceof BuildInfoSyntaxError)) throw e;
    buildInfoError = e.message;
  }
  const pcln = await pclnFacts(src, image);
  const upxHead = await src.read(0, Math.min(src.size, 8192), 'file head');
  const tags = buildInfo?.settings.find((s) => s.key === '-tags')?.value.split(',') ?? [];
  // The fallback bundle is a module of its own (golang.org/x/crypto/x509roots/fallback), listed
  // as a dep when linked; a program may also install roots itself with x509.SetFallbackRoots.
  const fallbackDep = buildInfo?.deps.some((d) => d.path === 'golang.org/x/crypto/x509roots/fallback') === true;
  return {
    file,
    ...facts,
    upx: Buffer.from(upxHead).includes(UPX),
    tzdata: pcln?.embedsTzdata === true || tags.includes('timetzdata'),
    usesLoadLocation: pcln?.usesLoadLocation === true,
    libc: libcOf(facts.format, facts.static, facts.interpreter, facts.needed),
    glibcFloor: versionFloor(facts.versionNeeds, 'GLIBC'),
    glibcxxFloor: versionFloor(facts.versionNeeds, 'GLIBCXX'),
    cxxabiFloor: versionFloor(facts.versionNeeds, 'CXXABI'),
    cpuLevel: cpuLevelOf(facts.arch, buildInfo?.settings ?? null),
    usesSystemRoots: pcln?.usesSystemRoots === true,
    embedsRoots: fallbackDep || pcln?.setsFallbackRoots === true,
    leakedPaths: pcln?.leakedPaths ?? { count: 0, examples: [] },
    buildInfo,
    go: buildInfo !== null || buildInfoError !== null || pcln !== null || facts.goBuildId !== null,
    buildInfoError,
    goVersionM,
    size: src.size,
    bytesRead: 0,
  };
}

/** The file's first 16 bytes, where every format's magic is; a shorter file is not an executable. */
async function fileMagic(src: ByteSource): Promise<Uint8Array> {
  if (src.size < 16) throw unrecognized(`file is ${src.size} bytes, shorter than any executable header`);
  return src.read(0, 16, 'file magic');
}

/** Inspects bytes from any source; the result's bytesRead is what this call read. */
export async function inspectSource(src: ByteSource, file: string): Promise<BinaryInfo> {
  const head = await fileMagic(src);
  let info: BinaryInfo;
  if (isFatMacho(head)) {
    const slices: BinaryInfo[] = [];
    for (const a of await readFatArches(src)) {
      const slice = src.slice(a.offset, a.size);
      const sliceHead = await slice.read(0, Math.min(16, a.size), 'fat slice magic');
      if (!isThinMacho(sliceHead)) throw new FormatError(a.offset, `fat slice for ${a.arch} is not a thin Mach-O file`);
      slices.push(await inspectThin(slice, file, sliceHead));
    }
    info = { ...slices[0], size: src.size, slices };
  } else {
    info = await inspectThin(src, file, head);
  }
  info.bytesRead = src.bytesRead;
  return info;
}

export async function inspectFile(path: string, displayName = path): Promise<BinaryInfo> {
  const src = await fileSource(path);
  try {
    return await inspectSource(src, displayName);
  } finally {
    await src.close();
  }
}

/**
 * The build info of a thin executable and nothing else (no pcln table, no container facts): which
 * Go program a file is, for a few kilobytes read. Null when it has none or is a fat Mach-O file;
 * a file that is not an executable is a FormatError.
 */
export async function readBuildInfoFile(path: string): Promise<BuildInfo | null> {
  const src = await fileSource(path);
  try {
    const head = await fileMagic(src);
    if (isFatMacho(head)) return null;
    const raw = await readRawBuildInfo(src, await readImage(src, head));
    return raw && parseBuildInfo(raw.version, raw.modinfo);
  } finally {
    await src.close();
  }
}

export async function inspectBytes(bytes: Uint8Array, file = '<memory>'): Promise<BinaryInfo> {
  return inspectSource(bufferSource(bytes), file);
}

/** The JSON shape of `inspect --json`: exactly these fields, in this order. */
export interface BinaryJson {
  file: string;
  format: string;
  arch: string;
  bits: number;
  endian: string;
  type: string;
  static: boolean | null;
  interpreter: string | null;
  needed: string[];
  libc: Libc | null;
  versionNeeds: Array<{ file: string; versions: string[] }>;
  glibcFloor: string | null;
  glibcxxFloor: string | null;
  cxxabiFloor: string | null;
  rpath: string[];
  runpath: string[];
  stripped: boolean;
  pie: boolean;
  relro: string;
  nx: boolean;
  goBuildId: string | null;
  gnuBuildId: string | null;
  cpuLevel: string | null;
  upx: boolean;
  tzdata: boolean;
  usesLoadLocation: boolean;
  usesSystemRoots: boolean;
  embedsRoots: boolean;
  leakedPaths: { count: number; examples: string[] };
  buildInfo: BuildInfo | null;
}

function oneJson(b: BinaryInfo, file: string): BinaryJson {
  return {
    file,
    format: b.format,
    arch: b.arch,
    bits: b.bits,
    endian: b.endian,
    type: b.type,
    static: b.static,
    interpreter: b.interpreter,
    needed: b.needed,
    libc: b.libc,
    versionNeeds: b.versionNeeds,
    glibcFloor: b.glibcFloor,
    glibcxxFloor: b.glibcxxFloor,
    cxxabiFloor: b.cxxabiFloor,
    rpath: b.rpath,
    runpath: b.runpath,
    stripped: b.stripped,
    pie: b.pie,
    relro: b.relro,
    nx: b.nx,
    goBuildId: b.goBuildId,
    gnuBuildId: b.gnuBuildId,
    cpuLevel: formatCpuLevel(b.cpuLevel),
    upx: b.upx,
    tzdata: b.tzdata,
    usesLoadLocation: b.usesLoadLocation,
    usesSystemRoots: b.usesSystemRoots,
    embedsRoots: b.embedsRoots,
    leakedPaths: b.leakedPaths,
    buildInfo: b.buildInfo,
  };
}

/** One JSON record per file, or per architecture of a fat Mach-O file ("file (arm64)"). */
export function toJson(b: BinaryInfo): BinaryJson[] {
  return b.slices ? b.slices.map((s) => oneJson(s, `${b.file} (${s.arch})`)) : [oneJson(b, b.file)];
}
