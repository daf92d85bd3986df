import { test } from 'vitest';
import assert from 'node:assert/strict';
import { parseDownloadJson, parseGoProblems } from '../../src/modules/gooutput.ts';
import { goModHash, escapeModulePath } from '../../src/modules/cachesums.ts';

// Recorded from go 1.26 (`go mod vendor` with an edited go.sum line).
const MISMATCH = `verifying rsc.io/quote@v1.5.2: checksum mismatch
	downloaded: h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=
	go.sum:     h1:AAAAysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=

SECURITY ERROR
This download does NOT match an earlier download recorded in go.sum.
The bits may have been replaced on the origin server, or an attacker may
have intercepted the download attempt.

For more information, see 'go help module-auth'.
`;

test('parseGoProblems reads checksum mismatches and nothing else from the SECURITY ERROR text', () => {
  const p = parseGoProblems(MISMATCH);
  assert.deepEqual(p.mismatches, [{ path: 'rsc.io/quote', version: 'v1.5.2', goMod: false, downloaded: 'h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=', source: 'go.sum', recorded: 'h1:AAAAysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=' }]);
  assert.deepEqual(p.other, []);
  const gomod = parseGoProblems(MISMATCH.replace('rsc.io/quote@v1.5.2:', 'rsc.io/quote@v1.5.2/go.mod:'));
  assert.equal(gomod.mismatches[0].goMod, true);
  assert.equal(gomod.mismatches[0].version, 'v1.5.2');
});

test('parseGoProblems reads go mod verify lines and missing go.sum entries', () => {
  const p = parseGoProblems(
    [
      'rsc.io/quote v1.5.2: dir has been modified (/cache/rsc.io/quote@v1.5.2)',
      'golang.org/x/text v0.14.0: missing ziphash: open /cache/x: no such file or directory',
      'go: rsc.io/sampler@v1.3.0: missing go.sum entry for go.mod file; to add it:',
      '\tgo mod download rsc.io/sampler',
      'go: example.com/a imports',
      '\tgolang.org/x/text/language: missing go.sum entry for module providing package golang.org/x/text/language (imported by example.com/a); to add:',
      'go: something unexpected',
    ].join('\n'),
  );
  assert.deepEqual(p.verify.map((v) => [v.path, v.version, v.problem.split(' (')[0]]), [
    ['rsc.io/quote', 'v1.5.2', 'dir has been modified'],
    ['golang.org/x/text', 'v0.14.0', 'missing ziphash: open /cache/x: no such file or directory'],
  ]);
  assert.deepEqual(p.missing, [
    { path: 'rsc.io/sampler', version: 'v1.3.0', goMod: true },
    { pkg: 'golang.org/x/text/language', goMod: false },
  ]);
  assert.deepEqual(p.other, ['go: example.com/a imports', 'go: something unexpected']);
});

test('parseDownloadJson reads the concatenated objects of go mod download -json', () => {
  const out = `{
	"Path": "rsc.io/quote",
	"Version": "v1.5.2",
	"Sum": "h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=",
	"GoModSum": "h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0="
}
{
	"Path": "example.com/broken",
	"Version": "v1.0.0",
	"Error": "unknown revision {v1.0.0}"
}
`;
  assert.deepEqual(parseDownloadJson(out), [
    { path: 'rsc.io/quote', version: 'v1.5.2', sum: 'h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=', goModSum: 'h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=' },
    { path: 'example.com/broken', version: 'v1.0.0', error: 'unknown revision {v1.0.0}' },
  ]);
  assert.throws(() => parseDownloadJson('{"Path": "a"'), /ends inside a JSON object/);
  // The same objects another way: CRLF line ends, text between them, on one line: read by the scanner.
  const want = parseDownloadJson(out);
  assert.deepEqual(parseDownloadJson(out.replace(/\n/g, '\r\n')), want);
  assert.deepEqual(parseDownloadJson(out.replace('}\n{', '}\ngo: noise\n{')), want);
  assert.deepEqual(parseDownloadJson(out.replace(/\n\t?/g, '')), want);
  assert.deepEqual(parseDownloadJson(''), []);
  // A "}" line that closes a nested object is not taken for the end of one.
  assert.deepEqual(parseDownloadJson('{\n\t"Path": "a",\n\t"Origin": {\n\t\t"VCS": "git"\n\t}\n}\n{\n\t"Path": "b"\n}\n'), [{ path: 'a', version: '' }, { path: 'b', version: '' }]);
});

test('goModHash is the go.sum "/go.mod" hash; escapeModulePath is the cache case encoding', () => {
  // rsc.io/quote v1.5.2's go.mod is the single line "module "rsc.io/quote"\n\nrequire "rsc.io/sampler" v1.3.0\n".
  const quoteGoMod = 'module "rsc.io/quote"\n\nrequire "rsc.io/sampler" v1.3.0\n';
  assert.equal(goModHash(Buffer.from(quoteGoMod)), 'h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=');
  assert.equal(escapeModulePath('github.com/BurntSushi/toml'), 'github.com/!burnt!sushi/toml');
});
