import { test } from 'vitest';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffLines } from '../../src/modules/linediff.ts';
import { formattingOnly, parseTidyDiff, TidyDiffError } from '../../src/modules/tidydiff.ts';

test('diffLines groups changes at the line of the actual file', () => {
  const want = ['# a v1', '## explicit', 'a', '# b v2', '## explicit', 'b'];
  assert.deepEqual(diffLines(want, want), []);
  assert.deepEqual(diffLines(['# a v1', '## explicit', 'a', '# b v1', '## explicit', 'b'], want), [{ index: 3, line: 4, extra: ['# b v1'], missing: ['# b v2'] }]);
  assert.deepEqual(diffLines(['# a v1', 'a', '# b v2', '## explicit', 'b'], want), [{ index: 1, line: 2, extra: [], missing: ['## explicit'] }]);
  assert.deepEqual(diffLines([...want, 'c'], want), [{ index: 6, line: 7, extra: ['c'], missing: [] }]);
  // An append after the last line is reported on the last line (a line that exists).
  assert.deepEqual(diffLines(want.slice(0, 5), want), [{ index: 5, line: 5, extra: [], missing: ['b'] }]);
  assert.deepEqual(diffLines([], ['x']), [{ index: 0, line: 1, extra: [], missing: ['x'] }]);
});

// Applying the changes to the actual lines must give the expected lines, for any pair of texts.
function apply(actual: string[], changes: ReturnType<typeof diffLines>): string[] {
  const out: string[] = [];
  let i = 0;
  for (const c of changes) {
    assert.equal(c.line, Math.max(1, Math.min(c.index + 1, actual.length)));
    while (i < c.index) out.push(actual[i++]);
    assert.deepEqual(actual.slice(i, i + c.extra.length), c.extra);
    i += c.extra.length;
    out.push(...c.missing);
  }
  while (i < actual.length) out.push(actual[i++]);
  return out;
}

test('diffLines changes turn the actual text into the expected one', () => {
  const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 });
  fc.assert(
    fc.property(lines, lines, (a, b) => {
      assert.deepEqual(apply(a, diffLines(a, b)), b);
    }),
    { numRuns: 500 },
  );
});

test('diffLines falls back to one change for texts too different to align', () => {
  const a = Array.from({ length: 3000 }, (_, i) => `a${i}`);
  const b = Array.from({ length: 3000 }, (_, i) => `b${i}`);
  const changes = diffLines(['same', ...a], ['same', ...b]);
  assert.equal(changes.length, 1);
  assert.equal(changes[0].line, 2);
  assert.equal(changes[0].extra.length, 3000);
});

const TIDY = `diff current/go.mod tidy/go.mod
--- current/go.mod
+++ tidy/go.mod
@@ -5,6 +5,7 @@
 require (
 	github.com/google/uuid v1.6.0
 	golang.org/x/text v0.14.0
-	rsc.io/quote v1.5.2
+	rsc.io/quote v1.5.2 // indirect
+	rsc.io/sampler v1.3.0
 )
diff current/go.sum tidy/go.sum
--- current/go.sum
+++ tidy/go.sum
@@ -3,3 +3,2 @@
 golang.org/x/text v0.14.0/go.mod h1:18ZOQIKpY8NJVqYksKHtTdi31H5itFRjB5/qKTNYzSU=
-rsc.io/extra v1.0.0/go.mod h1:18ZOQIKpY8NJVqYksKHtTdi31H5itFRjB5/qKTNYzSU=
 rsc.io/quote v1.5.2 h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=
@@ -9,0 +9,1 @@
+rsc.io/sampler v1.3.0 h1:7uVkIFmeBqHfdjD+gZwtXXI+RODJ2Wc4O7MPEh/QiW4=

`;

test('parseTidyDiff places each change at its line in the current file', () => {
  assert.deepEqual(parseTidyDiff(TIDY), [
    { file: 'go.mod', line: 8, removed: ['\trsc.io/quote v1.5.2'], added: ['\trsc.io/quote v1.5.2 // indirect', '\trsc.io/sampler v1.3.0'] },
    { file: 'go.sum', line: 4, removed: ['rsc.io/extra v1.0.0/go.mod h1:18ZOQIKpY8NJVqYksKHtTdi31H5itFRjB5/qKTNYzSU='], added: [] },
    { file: 'go.sum', line: 10, removed: [], added: ['rsc.io/sampler v1.3.0 h1:7uVkIFmeBqHfdjD+gZwtXXI+RODJ2Wc4O7MPEh/QiW4='] },
  ]);
  assert.deepEqual(parseTidyDiff(''), []);
  assert.throws(() => parseTidyDiff('go: something failed\n'), TidyDiffError);
});

test('formattingOnly: a one-entry retract block tidy writes on one line is layout, a changed entry is not', () => {
  const block = { file: 'go.mod', line: 5, removed: ['retract (', '\tv1.0.0 // published by mistake', ')'], added: ['retract v1.0.0 // published by mistake'] };
  const f = formattingOnly(block);
  assert.ok(f);
  assert.equal(f.summary, 'the retract block of lines 5-7 written on one line, "retract v1.0.0 // published by mistake"');
  assert.match(f.details, /as committed \(lines 5-7\):\nretract \(\n\tv1\.0\.0 \/\/ published by mistake\n\)\nas go mod tidy writes it:\nretract v1\.0\.0 \/\/ published by mistake/);
  assert.equal(formattingOnly({ ...block, added: ['retract v1.0.1 // published by mistake'] }), undefined, 'another version');
  assert.equal(formattingOnly({ ...block, added: ['retract v1.0.0'] }), undefined, 'the comment (rationale) differs');
  assert.equal(formattingOnly({ file: 'go.mod', line: 3, removed: ['require example.com/a v1.0.0'], added: ['require example.com/a v1.0.0 // indirect'] }), undefined, 'indirect marker');
  assert.equal(formattingOnly({ file: 'go.sum', line: 1, removed: ['a v1 h1:x='], added: ['a v1 h1:x='] }), undefined, 'go.sum never');
  assert.equal(formattingOnly({ file: 'go.mod', line: 3, removed: ['require example.com/a v1.0.0'], added: [] }), undefined, 'a removal');
  assert.ok(formattingOnly({ file: 'go.mod', line: 4, removed: ['go   1.22'], added: ['go 1.22'] }));
  assert.equal(formattingOnly({ file: 'go.mod', line: 4, removed: ['retract ('], added: [] }), undefined, 'unparsable half of a block');
});
