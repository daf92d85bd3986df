// Build info text and Go quoting, checked against Go itself (strconv, runtime/debug) on
// hand-picked cases and on thousands of generated ones.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BuildInfoSyntaxError, buildInfoString, formatGoVersionM, parseBuildInfo } from '../../src/inspect/buildinfo.ts';
import { bytesToByteString, fromUnicode, goQuote, goUnquote, toUnicode } from '../../src/inspect/goquote.ts';
import { askGo } from '../support/go-oracle.ts';

function ours(text: string): { ok: boolean; out: string; err: string } {
  try {
    return { ok: true, out: buildInfoString(parseBuildInfo('', text)), err: '' };
  } catch (e) {
    if (!(e instanceof BuildInfoSyntaxError)) throw e;
    return { ok: false, out: '', err: e.message };
  }
}

const CASES = [
  'path\texample.com/m\nmod\texample.com/m\t(devel)\t\n',
  'mod\tm\tv1\nbuild\t-ldflags="-X \\"main.v=a b\\""\n',
  'dep\ta\tv1\th1:x\n=>\t../a\t\t\n',
  'dep\ta\tv1\th1:x\n=>\tb\tv2\th1:y\nbuild\tCGO_ENABLED=0\n',
  'build\t"quoted key"=`raw value`\n',
  'build\t=x\n',
  'build\tk v=1\n',
  'build\tk=a b\n',
  'build\tk="unterminated\n',
  'build\t"k"x\n',
  'build\t"k"\n',
  'build\tk\n',
  'build\t\n',
  '=>\ta\tb\tc\n',
  'dep\ta\n',
  'dep\ta\tb\tc\td\n',
  'dep\ta\tb\n=>\tc\td\n',
  'garbage line\npath\tp\nno newline at end',
  'build\tk="\\x00\\u00e9\\U0001F600\\377"\n',
  'build\tk=\xff\n',
  '',
];

test('parse + String() agree with runtime/debug on hand-picked texts', async () => {
  const go = await askGo('parse', CASES);
  CASES.forEach((c, i) => assert.deepEqual(ours(c), go[i], JSON.stringify(c)));
});

// Texts built from the pieces the grammar cares about, so most lines are nearly valid.
const piece = fc.constantFrom('path', 'mod', 'dep', '=>', 'build', '\t', '\n', '=', '"', '`', ' ', '\\', 'x', 'v1.2.3', 'h1:abc=', '\\x41', '\\u00e9', '\r', '\xff', 'é', '-trimpath', 'true');
const text = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));

test('parse + String() agree with runtime/debug on generated texts', async () => {
  const samples = fc.sample(text, 3000);
  const go = await askGo('parse', samples);
  samples.forEach((c, i) => assert.deepEqual(ours(c), go[i], JSON.stringify(c)));
});

// Code points from blocks whose printability is the same in Go's Unicode 15 tables and in
// V8's newer ones (characters added after Unicode 15.0 legitimately differ), plus controls,
// format characters, private use, unassigned and non-characters.
const STABLE: Array<[number, number]> = [[0, 0x24f], [0x370, 0x3ff], [0x400, 0x4ff], [0x2000, 0x206f], [0x3000, 0x303f], [0x4e00, 0x4e80], [0xe000, 0xe010], [0xfdd0, 0xfdef], [0xfeff, 0xfeff], [0xfff0, 0xffff], [0x1f600, 0x1f64f], [0x10fff0, 0x10ffff]];
const codePoint = fc.constantFrom(...STABLE).chain(([a, b]) => fc.integer({ min: a, max: b }));
const bytes = fc.oneof(
  fc.array(codePoint, { maxLength: 12 }).map((cps) => Buffer.from(String.fromCodePoint(...cps), 'utf8').toString('latin1')),
  fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b).toString('latin1')),
);

test('goQuote agrees with strconv.Quote', async () => {
  const samples = [...fc.sample(bytes, 3000), '\u0000', '\x7f', '"\\', '\xe2\x80\xa8', '\xed\xa0\x80', '\xf0\x9f\x98\x80', '\xc2\xa0', '\xef\xbb\xbf',
    // Assigned after Unicode 15.0.0, which Go's strconv knows: printable to this runtime, escaped by Go (U+2FFC, U+1FBCB).
    '\xe2\xbf\xbc', '\xf0\x9f\xaf\x8b'];
  const go = await askGo('quote', samples);
  samples.forEach((s, i) => assert.equal(goQuote(s), go[i].out, JSON.stringify(s)));
});

test('goUnquote agrees with strconv.Unquote', async () => {
  const quoted = fc.oneof(bytes.map(goQuote), fc.array(piece, { maxLength: 8 }).map((xs) => `"${xs.join('')}"`), fc.array(piece, { maxLength: 8 }).map((xs) => `\`${xs.join('')}\``));
  const samples = [...fc.sample(quoted, 3000), '"\\400"', '"\\377"', '"\\ud800"', '"\\U00110000"', '"a\nb"', '`a\rb`', '"\\\'"'];
  const go = await askGo('unquote', samples);
  samples.forEach((s, i) => {
    const v = goUnquote(s);
    assert.deepEqual({ ok: v !== null, out: v ?? '' }, { ok: go[i].ok, out: go[i].out }, JSON.stringify(s));
  });
});

test('go version -m framing: tab-indented lines, and the empty line after a replacement', () => {
  const bi = parseBuildInfo('go1.22.3 X:boringcrypto', 'path\tp\nmod\tm\tv1\t\ndep\ta\tv1\th1:x\n=>\t../a\t\t\nbuild\tGOOS=linux\n');
  assert.equal(formatGoVersionM('bin/app', bi), 'bin/app: go1.22.3 X:boringcrypto\n\tpath\tp\n\tmod\tm\tv1\t\n\tdep\ta\tv1\n\t=>\t../a\t\t\n\t\n\tbuild\tGOOS=linux\n');
  assert.equal(formatGoVersionM('x', parseBuildInfo('go1.19', '')), 'x: go1.19\n');
});

test('byte strings: one UTF-16 code unit per byte both ways, and UTF-8 decoded as TextDecoder does (bad sequences as U+FFFD)', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (raw) => {
    // A view into a larger buffer, as the inspector reads them.
    const backing = new Uint8Array(raw.length + 7);
    backing.set(raw, 3);
    const view = backing.subarray(3, 3 + raw.length);
    const bs = bytesToByteString(view);
    assert.equal(bs, Array.from(raw, (b) => String.fromCharCode(b)).join(''));
    assert.equal(toUnicode(bs), new TextDecoder('utf-8').decode(raw));
  }));
  assert.equal(fromUnicode('é€😀'), '\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80');
  assert.equal(toUnicode(fromUnicode('é€😀')), 'é€😀');
});
