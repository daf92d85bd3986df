import { test } from 'vitest';
import assert from 'node:assert/strict';
import { checkVendorConsistency } from '../../src/modules/consistency.ts';
import { parseGoMod } from '../../src/modules/gomod.ts';
import { parseGoWork } from '../../src/modules/gowork.ts';
import { parseModulesTxt } from '../../src/modules/modulestxt.ts';

const GOMOD = `module example.com/app

go 1.22

require (
	github.com/google/uuid v1.6.0
	golang.org/x/text v0.14.0
)

replace example.com/lib => ../lib
`;
const TXT = `# github.com/google/uuid v1.6.0
## explicit
github.com/google/uuid
# golang.org/x/text v0.14.0
## explicit; go 1.18
golang.org/x/text/language
# example.com/lib => ../lib
`;

function check(gomod: string, txt: string) {
  return checkVendorConsistency({ mains: [{ gomod: parseGoMod(gomod, 'go.mod'), dir: '/repo' }], txt: parseModulesTxt(txt, 'vendor/modules.txt') });
}

test('a modules.txt written by go mod vendor is consistent', () => {
  assert.deepEqual(check(GOMOD, TXT), []);
});

test('a version that differs from go.mod is reported on the modules.txt line', () => {
  const issues = check(GOMOD, TXT.replace('# golang.org/x/text v0.14.0', '# golang.org/x/text v0.13.0'));
  assert.deepEqual(issues.map((i) => [i.kind, i.file, i.line]), [['version-differs', 'vendor/modules.txt', 4]]);
  assert.match(issues[0].message, /lists golang\.org\/x\/text v0\.13\.0, but go\.mod:7 requires v0\.14\.0/);
});

test('a removed "## explicit" is reported on the module line, a trimmed one on its annotation', () => {
  assert.deepEqual(check(GOMOD, TXT.replace('## explicit\n', '')).map((i) => [i.kind, i.line]), [['not-explicit', 1]]);
  assert.deepEqual(check(GOMOD, TXT.replace('## explicit; go 1.18', '## go 1.18')).map((i) => [i.kind, i.line]), [['not-explicit', 5]]);
});

test('a require absent from modules.txt is reported on the go.mod require line', () => {
  const issues = check(GOMOD, TXT.split('\n').slice(3).join('\n'));
  assert.deepEqual(issues.map((i) => [i.kind, i.file, i.line]), [['not-vendored', 'go.mod', 6]]);
});

test('extra explicit modules and extra or different replacements are reported', () => {
  const extra = `${TXT}# rsc.io/quote v1.5.2\n## explicit\nrsc.io/quote\n`;
  assert.deepEqual(check(GOMOD, extra).map((i) => [i.kind, i.line]), [['explicit-not-required', 8]]);
  assert.deepEqual(check(GOMOD, TXT.replace('# example.com/lib => ../lib', '# example.com/lib => ../fork')).map((i) => [i.kind, i.line]), [['replace-differs', 7]]);
  assert.deepEqual(check(GOMOD, TXT.replace('# example.com/lib => ../lib\n', '')).map((i) => [i.kind, i.file, i.line]), [['replace-missing', 'go.mod', 10]]);
  assert.deepEqual(check(GOMOD.replace('replace example.com/lib => ../lib\n', ''), TXT).map((i) => [i.kind, i.line]), [['replaced-not-replaced', 7]]);
});

test('before go 1.14 only version disagreements count', () => {
  const old = GOMOD.replace('go 1.22', 'go 1.13');
  assert.deepEqual(check(old, TXT.replace(/## explicit.*\n/g, '')), []);
  assert.deepEqual(check(old, TXT.replace('v0.14.0', 'v0.13.0')).map((i) => i.kind), ['version-differs']);
});

test('in a workspace, local replacements are compared relative to go.work', () => {
  const app = parseGoMod('module example.com/app\n\ngo 1.22\n\nrequire rsc.io/quote v1.5.2\n\nreplace rsc.io/quote => ../quote\n', 'app/go.mod');
  const lib = parseGoMod('module example.com/lib\n\ngo 1.22\n', 'lib/go.mod');
  const work = parseGoWork('go 1.22\n\nuse (\n\t./app\n\t./lib\n)\n', 'go.work');
  const txt = (rep: string) => parseModulesTxt(`## workspace\n# rsc.io/quote v1.5.2 => ${rep}\n## explicit; go 1.22\nrsc.io/quote\n# rsc.io/quote => ${rep}\n`, 'vendor/modules.txt');
  const setup = (t: ReturnType<typeof txt>) => ({ mains: [{ gomod: app, dir: '/ws/app' }, { gomod: lib, dir: '/ws/lib' }], work: { gowork: work, dir: '/ws' }, txt: t });
  // app/go.mod says ../quote; seen from the go.work directory that is ./quote.
  assert.deepEqual(checkVendorConsistency(setup(txt('./quote'))), []);
  assert.deepEqual(checkVendorConsistency(setup(txt('../quote'))).map((i) => [i.kind, i.line]), [['replace-differs', 5]]);
});
