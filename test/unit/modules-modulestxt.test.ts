import { test } from 'vitest';
import assert from 'node:assert/strict';
import { parseModulesTxt, packageLineFor, vendoredModule } from '../../src/modules/modulestxt.ts';
import { ModuleFileError } from '../../src/modules/errors.ts';

const TXT = `# example.com/lib v0.0.0 => ../lib
## explicit; go 1.22
example.com/lib
# github.com/google/uuid v1.6.0
## explicit
github.com/google/uuid
# golang.org/x/text v0.14.0
## go 1.18
golang.org/x/text/internal/tag
golang.org/x/text/language
# rsc.io/sampler v1.3.0 => rsc.io/sampler v1.99.99
# rsc.io/quote => rsc.io/quote v1.5.1
`;

test('parseModulesTxt reads modules, annotations, replacements and packages with lines', () => {
  const t = parseModulesTxt(TXT, 'vendor/modules.txt');
  assert.equal(t.workspace, false);
  assert.deepEqual(
    t.modules.map((m) => [m.path, m.version, m.line, m.explicit, m.goVersion ?? '', m.replacement ?? null, m.packages.map((p) => p.line)]),
    [
      ['example.com/lib', 'v0.0.0', 1, true, '1.22', { path: '../lib', version: '' }, [3]],
      ['github.com/google/uuid', 'v1.6.0', 4, true, '', null, [6]],
      ['golang.org/x/text', 'v0.14.0', 7, false, '1.18', null, [9, 10]],
      ['rsc.io/sampler', 'v1.3.0', 11, false, '', { path: 'rsc.io/sampler', version: 'v1.99.99' }, []],
      ['rsc.io/quote', '', 12, false, '', { path: 'rsc.io/quote', version: 'v1.5.1' }, []],
    ],
  );
  assert.equal(vendoredModule(t, 'rsc.io/quote', '')?.line, 12);
  assert.equal(packageLineFor(t, 'golang.org/x/text/language/tags.go'), 10);
  assert.equal(packageLineFor(t, 'golang.org/x/text/LICENSE'), 7, 'a file outside any package belongs to its module line');
  assert.equal(packageLineFor(t, 'unknown.io/x/y.go'), undefined);
});

test('parseModulesTxt recognises a workspace vendor file', () => {
  const t = parseModulesTxt('## workspace\n# a.io/b v1.0.0\n## explicit\na.io/b\n', 'vendor/modules.txt');
  assert.equal(t.workspace, true);
  assert.equal(t.modules[0].line, 2);
});

const MALFORMED: [string, string, number, RegExp][] = [
  ['a header without a version', '# golang.org/x/text\n', 1, /expected "# module\/path v1\.2\.3"/],
  ['a bad version', '# golang.org/x/text 0.14.0\n', 1, /"0\.14\.0" is not a version/],
  ['a package before any module', 'golang.org/x/text/language\n', 1, /listed before any "# module version" line/],
  ['an annotation before any module', '## explicit\n', 1, /before any "# module version" line/],
  ['two fields on a package line', '# a.io/b v1.0.0\na.io/b a.io/c\n', 2, /expected one package import path/],
  ['a replacement without arrow', '# a.io/b v1.0.0 c.io/d v1.0.0\n', 1, /expected "=> replacement \[version\]"/],
  ['a package under a wildcard replacement', '# a.io/b => ../b\na.io/b\n', 2, /wildcard replacement at line 1/],
  ['a comment line without a space', '#a.io/b v1.0.0\n', 1, /expected "# module\/path v1\.2\.3" or "## annotation"/],
];
for (const [name, text, line, re] of MALFORMED) {
  test(`parseModulesTxt rejects ${name} at its line`, () => {
    assert.throws(
      () => parseModulesTxt(text, 'vendor/modules.txt'),
      (e: unknown) => e instanceof ModuleFileError && e.line === line && e.message.startsWith(`vendor/modules.txt:${line}: `) && re.test(e.message),
    );
  });
}
