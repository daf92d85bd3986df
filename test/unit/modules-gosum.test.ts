import { test } from 'vitest';
import assert from 'node:assert/strict';
import { parseGoSum, findSumConflicts, indexSums, sumKey } from '../../src/modules/gosum.ts';
import { ModuleFileError } from '../../src/modules/errors.ts';

const SUM = `github.com/google/uuid v1.6.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=
github.com/google/uuid v1.6.0/go.mod h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo=

golang.org/x/text v0.14.0/go.mod h1:18ZOQIKpY8NJVqYksKHtTdi31H5itFRjB5/qKTNYzSU=
`;

test('parseGoSum keeps each hash with its line and splits /go.mod lines', () => {
  const s = parseGoSum(SUM, 'go.sum');
  assert.deepEqual(
    s.lines.map((l) => [l.path, l.version, l.goMod, l.line]),
    [
      ['github.com/google/uuid', 'v1.6.0', false, 1],
      ['github.com/google/uuid', 'v1.6.0', true, 2],
      ['golang.org/x/text', 'v0.14.0', true, 4],
    ],
  );
  assert.equal(s.lines[0].hash, 'h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=');
  const index = indexSums([s]);
  assert.equal(index.get(sumKey('golang.org/x/text', 'v0.14.0', true))?.[0].entry.line, 4);
  assert.equal(index.get(sumKey('golang.org/x/text', 'v0.14.0', false)), undefined);
});

const MALFORMED: [string, string, number, RegExp][] = [
  ['two fields', 'a.io/b v1.0.0\n', 1, /expected "module version hash", found 2 fields/],
  ['four fields', `${SUM}a.io/b v1.0.0 h1:x= extra\n`, 5, /found 4 fields/],
  ['bad version', 'a.io/b 1.0.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=\n', 1, /"1\.0\.0" is not a version/],
  ['short hash', 'a.io/b v1.0.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr=\n', 1, /is not a hash of the form h1:/],
  ['no algorithm', 'a.io/b v1.0.0 NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=\n', 1, /is not a hash/],
];
for (const [name, text, line, re] of MALFORMED) {
  test(`parseGoSum rejects ${name} with file and line`, () => {
    assert.throws(
      () => parseGoSum(text, 'sub/go.sum'),
      (e: unknown) => e instanceof ModuleFileError && e.file === 'sub/go.sum' && e.line === line && e.message.startsWith(`sub/go.sum:${line}: `) && re.test(e.message),
    );
  });
}

test('findSumConflicts reports a second, different h1 for the same module version', () => {
  const a = parseGoSum(SUM, 'go.sum');
  const b = parseGoSum('github.com/google/uuid v1.6.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n', 'go.work.sum');
  const conflicts = findSumConflicts([a, b]);
  assert.equal(conflicts.length, 1);
  assert.equal(conflicts[0].first.entry.line, 1);
  assert.equal(conflicts[0].second.file, 'go.work.sum');
  assert.equal(findSumConflicts([a, parseGoSum(SUM, 'other/go.sum')]).length, 0, 'the same hash twice is no conflict');
});
