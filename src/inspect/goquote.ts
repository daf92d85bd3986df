// Go's strconv quoting rules, as runtime/debug uses them for build settings. Build info is
// Go text (bytes), so it is handled as a "byte string": one JS char per byte (0..255).
// That keeps \x escapes and invalid UTF-8 exact; toUnicode() converts for display and JSON.

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
const ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };

const utf8 = new TextDecoder('utf-8');

export function bytesToByteString(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

export function toUnicode(bs: string): string {
  return utf8.decode(Uint8Array.from(bs, (c) => c.charCodeAt(0)));
}

export function fromUnicode(s: string): string {
  return bytesToByteString(new TextEncoder().encode(s));
}

/** One UTF-8 sequence at i of a byte string: its code point and length, or null if invalid. */
function decodeRune(bs: string, i: number): { r: number; n: number } | null {
  const c = bs.charCodeAt(i);
  if (c < 0x80) return { r: c, n: 1 };
  const n = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
  if (n === 0 || (n === 3 && c >= 0xf0) || i + n > bs.length) return null;
  let r = c & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    const d = bs.charCodeAt(i + k);
    if ((d & 0xc0) !== 0x80) return null;
    r = r * 64 + (d & 0x3f);
  }
  const min = [0, 0, 0x80, 0x800, 0x10000][n];
  if (r < min || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return null;
  return { r, n };
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** strconv.Quote over a byte string; the result is a byte string too. */
export function goQuote(bs: string): string {
  let out = '"';
  for (let i = 0; i < bs.length; ) {
    const d = decodeRune(bs, i);
    if (!d) {
      out += `\\x${hex(bs.charCodeAt(i), 2)}`;
      i++;
      continue;
    }
    const { r, n } = d;
    const raw = bs.slice(i, i + n);
    i += n;
    if (r === 0x22 || r === 0x5c) out += '\\' + raw;
    else if (r === 0x20 || PRINTABLE.test(String.fromCodePoint(r))) out += raw;
    else if (ESCAPES[r]) out += ESCAPES[r];
    else if (r < 0x20 || r === 0x7f) out += `\\x${hex(r, 2)}`;
    else if (r < 0x10000) out += `\\u${hex(r, 4)}`;
    else out += `\\U${hex(r, 8)}`;
  }
  return out + '"';
}

function isValidUtf8(bs: string): boolean {
  for (let i = 0; i < bs.length; ) {
    const d = decodeRune(bs, i);
    if (!d) return false;
    i += d.n;
  }
  return true;
}

function encodeRune(r: number): string {
  return fromUnicode(String.fromCodePoint(r));
}

/**
 * strconv.Unquote's prefix form: the quoted string at the start of `bs` (a byte string),
 * its unquoted value and the length it took; null where Go reports a syntax error.
 */
export function goUnquotePrefix(bs: string): { value: string; length: number } | null {
  const quote = bs[0];
  if (quote === '`') {
    const end = bs.indexOf('`', 1);
    if (end < 0) return null;
    return { value: bs.slice(1, end).replaceAll('\r', ''), length: end + 1 };
  }
  if (quote !== '"') return null;
  let out = '';
  let i = 1;
  while (i < bs.length && bs[i] !== '"') {
    const c = bs[i];
    if (c === '\n') return null;
    if (c !== '\\') {
      if (c.charCodeAt(0) < 0x80) {
        out += c;
        i++;
        continue;
      }
      // A multibyte rune is copied; an invalid byte is copied as U+FFFD's bytes like Go does.
      const d = decodeRune(bs, i);
      out += d ? bs.slice(i, i + d.n) : encodeRune(0xfffd);
      i += d ? d.n : 1;
      continue;
    }
    const e = bs[i + 1];
    if (e === undefined) return null;
    i += 2;
    if (e in SIMPLE) out += SIMPLE[e];
    else if (e === '"') out += '"';
    else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const digits = bs.slice(i, i + n);
      if (digits.length < n || !/^[0-9a-fA-F]+$/.test(digits)) return null;
      const v = parseInt(digits, 16);
      i += n;
      if (e === 'x') out += String.fromCharCode(v);
      else if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return null;
      else out += encodeRune(v);
    } else if (e >= '0' && e <= '7') {
      const digits = bs.slice(i, i + 2);
      if (digits.length < 2 || !/^[0-7]{2}$/.test(digits)) return null;
      const v = parseInt(e + digits, 8);
      if (v > 255) return null;
      out += String.fromCharCode(v);
      i += 2;
    } else return null;
  }
  if (bs[i] !== '"') return null;
  return { value: out, length: i + 1 };
}

/** strconv.Unquote: the whole input must be one quoted string. */
export function goUnquote(bs: string): string | null {
  const p = goUnquotePrefix(bs);
  return p && p.length === bs.length ? p.value : null;
}

export { isValidUtf8 };
