// Go build info: the `\xff Go buildinf:` blob the linker places in the data segment
// (debug/buildinfo), the module text inside it (runtime/debug.ParseBuildInfo) and the
// text `go version -m` prints for it. Strings are byte strings (see goquote.ts).
import { FormatError } from './errors.ts';
import { bytesToByteString, goQuote, goUnquotePrefix } from './goquote.ts';
import { mappedAt, type Image, type Mapping } from './image.ts';
import type { ByteSource } from './source.ts';

export interface ModuleInfo {
  path: string;
  version: string;
  sum: string;
  replace: ModuleInfo | null;
}

export interface BuildSetting {
  key: string;
  value: string;
}

export interface BuildInfo {
  /** As recorded, e.g. "go1.22.3" or "go1.22.3 X:boringcrypto". */
  goVersion: string;
  path: string;
  /** null when the binary records no main module (GOPATH builds, Debian's). */
  main: ModuleInfo | null;
  deps: ModuleInfo[];
  settings: BuildSetting[];
}

const MAGIC = '\xff Go buildinf:';
const ALIGN = 16n;
const HEADER = 32;
const CHUNK = 1 << 20;
const MAX_VARINT = 10;

/** Up to n file-backed bytes at a virtual address, cut at the end of its mapping. */
async function readAt(src: ByteSource, mappings: Mapping[], addr: bigint, n: number): Promise<{ bytes: Uint8Array; offset: number } | null> {
  const at = mappedAt(mappings, addr);
  return at && { bytes: await src.read(at.offset, Math.min(n, at.left), 'build info data'), offset: at.offset };
}

/** Address of the 16-aligned magic inside [start, start+size), or null. */
async function searchMagic(src: ByteSource, mappings: Mapping[], start: bigint, size: bigint): Promise<bigint | null> {
  const end = start + size;
  // Only 16-aligned hits count; a misaligned one is skipped, never re-scanned from (Go issue 54968).
  let at = ((start + ALIGN - 1n) / ALIGN) * ALIGN;
  while (at < end) {
    const want = end - at < BigInt(CHUNK) ? Number(end - at) : CHUNK;
    const chunk = await readAt(src, mappings, at, want);
    if (!chunk || chunk.bytes.length === 0) return null;
    const b = chunk.bytes;
    for (let i = 0; i + MAGIC.length <= b.length; i += 16) {
      if (b[i] !== 0xff || b[i + 1] !== 0x20) continue;
      let k = 2;
      while (k < MAGIC.length && b[i + k] === MAGIC.charCodeAt(k)) k++;
      if (k === MAGIC.length) return end - (at + BigInt(i)) < BigInt(HEADER) ? null : at + BigInt(i);
    }
    // A chunk cut short by the end of its mapping (zero-fill, BSS) ends the search.
    if (b.length < want) return null;
    at += BigInt(b.length);
  }
  return null;
}

function uvarint(b: Uint8Array): { value: bigint; n: number } | null {
  let value = 0n;
  for (let i = 0; i < Math.min(b.length, MAX_VARINT); i++) {
    const c = b[i];
    if (i === MAX_VARINT - 1 && c > 1) return null; // overflows 64 bits
    value += BigInt(c & 0x7f) << BigInt(7 * i);
    if (c < 0x80) return { value, n: i + 1 };
  }
  return null;
}

async function inlineString(src: ByteSource, mappings: Mapping[], addr: bigint, what: string): Promise<{ text: string; next: bigint }> {
  const head = await readAt(src, mappings, addr, MAX_VARINT);
  if (!head) throw new FormatError(0, `build info ${what} at address 0x${addr.toString(16)} is not in the file`);
  const v = uvarint(head.bytes);
  if (!v) throw new FormatError(head.offset, `build info ${what} has a malformed length varint`);
  const dataAddr = addr + BigInt(v.n);
  const left = remaining(mappings, dataAddr);
  if (v.value > BigInt(left)) {
    throw new FormatError(head.offset, `build info ${what} claims ${v.value} bytes but only ${left} remain in its segment`);
  }
  const body = await readAt(src, mappings, dataAddr, Number(v.value));
  return { text: bytesToByteString(body?.bytes ?? new Uint8Array(0)), next: dataAddr + v.value };
}

function remaining(mappings: Mapping[], addr: bigint): number {
  return mappedAt(mappings, addr)?.left ?? 0;
}

function readPtr(b: Uint8Array, at: number, size: 4 | 8, le: boolean): bigint {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return size === 8 ? v.getBigUint64(at, le) : BigInt(v.getUint32(at, le));
}

/** Go < 1.18: the header points at two Go string headers {data, len}. Unreadable = "". */
async function pointedString(src: ByteSource, mappings: Mapping[], addr: bigint, size: 4 | 8, le: boolean): Promise<string> {
  const hdr = await readAt(src, mappings, addr, 2 * size);
  if (!hdr || hdr.bytes.length < 2 * size) return '';
  const dataAddr = readPtr(hdr.bytes, 0, size, le);
  const len = readPtr(hdr.bytes, size, size, le);
  if (len > BigInt(remaining(mappings, dataAddr))) return '';
  const data = await readAt(src, mappings, dataAddr, Number(len));
  return data ? bytesToByteString(data.bytes) : '';
}

export interface RawBuildInfo {
  version: string;
  /** The module text without its 16-byte sentinels; "" when none is recorded. */
  modinfo: string;
  /** File offset of the magic. */
  offset: number;
}

/**
 * The raw build info blob, or null when the file has none (not Go, or Go built without it).
 * A blob that is found but malformed is a FormatError naming its offset.
 */
export async function readRawBuildInfo(src: ByteSource, image: Image): Promise<RawBuildInfo | null> {
  if (!image.dataStart || image.dataStart.size === 0n) return null;
  const { mappings } = image;
  const addr = await searchMagic(src, mappings, image.dataStart.addr, image.dataStart.size);
  if (addr === null) return null;
  const header = await readAt(src, mappings, addr, HEADER);
  if (!header || header.bytes.length < HEADER) throw new FormatError(header?.offset ?? 0, 'build info header is cut short');
  const ptrSize = header.bytes[14];
  const flags = header.bytes[15];
  let version: string;
  let modinfo: string;
  if ((flags & 0x2) !== 0) {
    const v = await inlineString(src, mappings, addr + BigInt(HEADER), 'Go version');
    version = v.text;
    modinfo = (await inlineString(src, mappings, v.next, 'module info')).text;
  } else {
    if (ptrSize !== 4 && ptrSize !== 8) throw new FormatError(header.offset + 14, `build info pointer size ${ptrSize} is neither 4 nor 8`);
    const le = (flags & 0x1) === 0;
    version = await pointedString(src, mappings, readPtr(header.bytes, 16, ptrSize, le), ptrSize, le);
    modinfo = await pointedString(src, mappings, readPtr(header.bytes, 16 + ptrSize, ptrSize, le), ptrSize, le);
  }
  if (version === '') throw new FormatError(header.offset, 'build info records no Go version');
  // The module text is framed by 16 bytes on each side; anything else means "no module info".
  modinfo = modinfo.length >= 33 && modinfo[modinfo.length - 17] === '\n' ? modinfo.slice(16, -16) : '';
  return { version, modinfo, offset: header.offset };
}

/** Thrown for module text runtime/debug.ParseBuildInfo would reject; the message is Go's. */
export class BuildInfoSyntaxError extends Error {
  constructor(line: number, message: string) {
    super(`could not parse Go build info: line ${line}: ${message}`);
    this.name = 'BuildInfoSyntaxError';
  }
}

function quoteKey(key: string): boolean {
  return key.length === 0 || /[= \t\r\n"`]/.test(key);
}

function quoteValue(value: string): boolean {
  return /[ \t\r\n"`]/.test(value);
}

function moduleLine(cols: string[], line: number): ModuleInfo {
  if (cols.length !== 2 && cols.length !== 3) throw new BuildInfoSyntaxError(line, `expected 2 or 3 columns; got ${cols.length}`);
  return { path: cols[0], version: cols[1], sum: cols[2] ?? '', replace: null };
}

function goByteQuote(c: string): string {
  // %q of a byte in Go prints it as a quoted rune.
  return `'${c === "'" ? "\\'" : c === '\\' ? '\\\\' : goQuote(c).slice(1, -1)}'`;
}

function setting(kv: string, line: number): BuildSetting {
  if (kv.length < 1) throw new BuildInfoSyntaxError(line, "build line missing '='");
  let key: string;
  let raw: string;
  if (kv[0] === '=') throw new BuildInfoSyntaxError(line, 'build line with missing key');
  if (kv[0] === '`' || kv[0] === '"') {
    const q = goUnquotePrefix(kv);
    if (!q) throw new BuildInfoSyntaxError(line, 'invalid quoted key in build line');
    if (q.length === kv.length) throw new BuildInfoSyntaxError(line, "build line missing '=' after quoted key");
    if (kv[q.length] !== '=') throw new BuildInfoSyntaxError(line, `unexpected character after quoted key: ${goByteQuote(kv[q.length])}`);
    key = q.value;
    raw = kv.slice(q.length + 1);
  } else {
    const eq = kv.indexOf('=');
    if (eq < 0) throw new BuildInfoSyntaxError(line, "build line missing '=' after key");
    key = kv.slice(0, eq);
    raw = kv.slice(eq + 1);
    if (quoteKey(key)) throw new BuildInfoSyntaxError(line, `unquoted key ${goQuote(key)} must be quoted`);
  }
  let value = '';
  if (raw.length > 0) {
    if (raw[0] === '`' || raw[0] === '"') {
      const q = goUnquotePrefix(raw);
      if (!q || q.length !== raw.length) throw new BuildInfoSyntaxError(line, 'invalid quoted value in build line');
      value = q.value;
    } else {
      value = raw;
      if (quoteValue(value)) throw new BuildInfoSyntaxError(line, `unquoted value ${goQuote(value)} must be quoted`);
    }
  }
  return { key, value };
}

/** runtime/debug.ParseBuildInfo over the module text (a byte string). */
export function parseBuildInfo(goVersion: string, text: string): BuildInfo {
  const bi: BuildInfo = { goVersion, path: '', main: null, deps: [], settings: [] };
  let main: ModuleInfo = { path: '', version: '', sum: '', replace: null };
  let last: ModuleInfo | null = null;
  let lineNum = 1;
  let rest = text;
  for (;;) {
    const nl = rest.indexOf('\n');
    if (nl < 0) break; // an unterminated last fragment is ignored, as Go does
    const line = rest.slice(0, nl);
    rest = rest.slice(nl + 1);
    if (line.startsWith('path\t')) bi.path = line.slice(5);
    else if (line.startsWith('mod\t')) {
      main = moduleLine(line.slice(4).split('\t'), lineNum);
      last = main;
    } else if (line.startsWith('dep\t')) {
      last = moduleLine(line.slice(4).split('\t'), lineNum);
      bi.deps.push(last);
    } else if (line.startsWith('=>\t')) {
      const cols = line.slice(3).split('\t');
      if (cols.length !== 3) throw new BuildInfoSyntaxError(lineNum, `expected 3 columns for replacement; got ${cols.length}`);
      if (!last) throw new BuildInfoSyntaxError(lineNum, 'replacement with no module on previous line');
      last.replace = { path: cols[0], version: cols[1], sum: cols[2], replace: null };
      last = null;
    } else if (line.startsWith('build\t')) {
      bi.settings.push(setting(line.slice(6), lineNum));
    }
    lineNum++;
  }
  const zero = main.path === '' && main.version === '' && main.sum === '' && main.replace === null;
  bi.main = zero ? null : main;
  return bi;
}

/** runtime/debug.BuildInfo.String(): the go line only when goVersion is not empty. */
export function buildInfoString(bi: BuildInfo): string {
  let s = bi.goVersion !== '' ? `go\t${bi.goVersion}\n` : '';
  if (bi.path !== '') s += `path\t${bi.path}\n`;
  const mod = (word: string, m: ModuleInfo): void => {
    s += `${word}\t${m.path}\t${m.version}`;
    if (m.replace === null) s += `\t${m.sum}`;
    else {
      s += '\n';
      mod('=>', m.replace);
    }
    // After a replacement this yields an empty line: Go prints it too.
    s += '\n';
  };
  if (bi.main) mod('mod', bi.main);
  for (const d of bi.deps) mod('dep', d);
  for (const { key, value } of bi.settings) {
    s += `build\t${quoteKey(key) ? goQuote(key) : key}=${quoteValue(value) ? goQuote(value) : value}\n`;
  }
  return s;
}

/** Exactly what `go version -m FILE` prints on stdout for this build info (a byte string). */
export function formatGoVersionM(file: string, bi: BuildInfo): string {
  let out = `${file}: ${bi.goVersion}\n`;
  const mod = buildInfoString({ ...bi, goVersion: '' });
  if (mod.length > 0) out += `\t${mod.slice(0, -1).replaceAll('\n', '\n\t')}\n`;
  return out;
}
