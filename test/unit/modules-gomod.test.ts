import { test } from 'vitest';
import assert from 'node:assert/strict';
import { parseGoMod, replacementFor } from '../../src/modules/gomod.ts';
import { parseGoWork } from '../../src/modules/gowork.ts';
import { ModuleFileError } from '../../src/modules/errors.ts';

const GOMOD = `// Package a does things.
module example.com/a

go 1.22.3

toolchain go1.26.8

require (
	github.com/google/uuid v1.6.0
	golang.org/x/text v0.14.0 // indirect
	rsc.io/quote v1.5.2 // indirect; kept for tests
)

require "rsc.io/sampler" v1.3.0

exclude rsc.io/sampler v1.99.0

replace (
	example.com/lib => ../lib
	rsc.io/sampler v1.3.0 => rsc.io/sampler v1.99.99
)

retract [v1.0.0, v1.0.5] // published by mistake
`;

test('parseGoMod reads every directive with its line', () => {
  const m = parseGoMod(GOMOD, 'go.mod');
  assert.deepEqual(m.module, { path: 'example.com/a', line: 2 });
  assert.deepEqual(m.go, { version: '1.22.3', line: 4 });
  assert.deepEqual(m.toolchain, { name: 'go1.26.8', line: 6 });
  assert.deepEqual(m.requires, [
    { path: 'github.com/google/uuid', version: 'v1.6.0', indirect: false, line: 9 },
    { path: 'golang.org/x/text', version: 'v0.14.0', indirect: true, line: 10 },
    { path: 'rsc.io/quote', version: 'v1.5.2', indirect: true, line: 11 },
    { path: 'rsc.io/sampler', version: 'v1.3.0', indirect: false, line: 14 },
  ]);
  assert.deepEqual(m.excludes, [{ path: 'rsc.io/sampler', version: 'v1.99.0', line: 16 }]);
  assert.deepEqual(m.replaces, [
    { old: { path: 'example.com/lib', version: '' }, new: { path: '../lib', version: '' }, local: true, line: 19 },
    { old: { path: 'rsc.io/sampler', version: 'v1.3.0' }, new: { path: 'rsc.io/sampler', version: 'v1.99.99' }, local: false, line: 20 },
  ]);
});

test('parseGoMod accepts CRLF line endings and an empty block', () => {
  const m = parseGoMod('module x.io/m\r\n\r\ngo 1.21\r\nrequire ()\r\nrequire a.io/b v0.1.0\r\n', 'sub/go.mod');
  assert.equal(m.requires[0].line, 5);
  assert.equal(m.go?.version, '1.21');
});

test('replacementFor prefers the exact-version replace over the wildcard', () => {
  const m = parseGoMod('module m\nreplace a.io/b => ./b\nreplace a.io/b v1.0.0 => c.io/b v1.0.1\n', 'go.mod');
  assert.equal(replacementFor(m.replaces, 'a.io/b', 'v1.0.0')?.line, 3);
  assert.equal(replacementFor(m.replaces, 'a.io/b', 'v2.0.0')?.line, 2);
  assert.equal(replacementFor(m.replaces, 'other.io/x', 'v1.0.0'), undefined);
});

const MALFORMED: [string, string, number, RegExp][] = [
  ['bad version', 'module m\n\nrequire golang.org/x/text 0.14\n', 3, /version "0.14" is not of the form v1\.2\.3/],
  ['too many fields', 'module m\nrequire (\n\ta.io/b v1.0.0 extra\n)\n', 3, /expected "require module\/path v1\.2\.3"/],
  ['unclosed block', 'module m\nrequire (\n\ta.io/b v1.0.0\n', 2, /never closed/],
  ['unknown directive', 'module m\nrequires a.io/b v1.0.0\n', 2, /unknown directive "requires"/],
  ['no module', 'go 1.22\n', 1, /no module directive/],
  ['two modules', 'module a\nmodule b\n', 2, /second module directive \(the first is at line 1\)/],
  ['bad go line', 'module m\ngo one.two\n', 2, /not a Go version/],
  ['absurd go line', 'module m\ngo 99999999999999999999.1\n', 2, /"99999999999999999999.1" is not a Go version/],
  ['replace to a bare path', 'module m\nreplace a.io/b => lib\n', 2, /must be a directory path/],
  ['replace without arrow', 'module m\nreplace a.io/b v1.0.0 c.io/b v1.0.0\n', 2, /expected "old \[version\] => new \[version\]"/],
  ['block comment', 'module m\n/* no */\n', 2, /use \/\/ comments/],
  ['unterminated string', 'module "m\n', 1, /unterminated quoted string/],
  ['stray paren', 'module m\n)\n', 2, /unexpected "\)"/],
];

for (const [name, text, line, re] of MALFORMED) {
  test(`parseGoMod rejects ${name} at its line`, () => {
    assert.throws(
      () => parseGoMod(text, 'mod/go.mod'),
      (e: unknown) => {
        assert.ok(e instanceof ModuleFileError);
        assert.equal(e.file, 'mod/go.mod');
        assert.equal(e.line, line);
        assert.match(e.message, new RegExp(`^mod/go\\.mod:${line}: `));
        assert.match(e.message, re);
        return true;
      },
    );
  });
}

test('parseGoWork reads uses and replaces with lines', () => {
  const w = parseGoWork('go 1.26.8\n\nuse (\n\t./app\n\t./lib\n)\n\nreplace rsc.io/quote v1.5.2 => ./quote\n', 'go.work');
  assert.deepEqual(w.go, { version: '1.26.8', line: 1 });
  assert.deepEqual(w.uses, [{ dir: './app', line: 4 }, { dir: './lib', line: 5 }]);
  assert.equal(w.replaces[0].line, 8);
  assert.throws(() => parseGoWork('go 1.22\nuse ./a ./b\n', 'go.work'), /^ModuleFileError: go\.work:2: use: expected one directory/);
  assert.throws(() => parseGoWork('go 1.22\nrequire a.io/b v1.0.0\n', 'go.work'), /go\.work:2: unknown directive "require"/);
});
