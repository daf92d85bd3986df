import { test } from 'vitest';
import assert from 'node:assert/strict';
import { analyzeSettings, matchesPrefixPattern, publicPathsCovered, type GoSettings } from '../../src/modules/settings.ts';

const DEFAULTS: GoSettings = { GOFLAGS: '', GONOSUMDB: '', GOPRIVATE: '', GOSUMDB: 'sum.golang.org', GOINSECURE: '', GONOSUMCHECK: '' };
const deps = ['github.com/google/uuid', 'golang.org/x/text', 'git.corp.example.com/team/lib'];

function analyze(over: Partial<GoSettings>, hasVendor = false) {
  return analyzeSettings({ ...DEFAULTS, ...over }, { hasVendor, modules: deps });
}

test('matchesPrefixPattern follows the go command: leading elements, globs never cross "/"', () => {
  const cases: [string, string, boolean][] = [
    ['golang.org/x', 'golang.org/x/text', true],
    ['golang.org/x', 'golang.org/xerrors', false],
    ['*.corp.example.com', 'git.corp.example.com/team/lib', true],
    ['*.corp.example.com', 'github.com/google/uuid', false],
    ['github.com/*', 'github.com/google/uuid', true],
    ['github.com/my[co]rp', 'github.com/myxrp/x', false],
    ['github.com/my[co]rp', 'github.com/myorp/x', true],
    ['*', 'rsc.io/quote', true],
    ['github.com/google/uuid/extra', 'github.com/google/uuid', false],
    ['github.com/', 'github.com/google/uuid', true],
  ];
  for (const [pattern, path, want] of cases) assert.equal(matchesPrefixPattern(pattern, path), want, `${pattern} vs ${path}`);
});

test('a pattern naming one organisation covers no public modules; a host or a glob over owners does', () => {
  assert.deepEqual(publicPathsCovered('github.com/mycorp'), []);
  assert.deepEqual(publicPathsCovered('*.corp.example.com'), []);
  assert.ok(publicPathsCovered('github.com').length > 0);
  assert.ok(publicPathsCovered('github.com/*').length > 0);
  assert.ok(publicPathsCovered('*').length > 5);
  assert.ok(publicPathsCovered('golang.org/x').includes('golang.org/x/text'));
});

test('default settings weaken nothing', () => {
  assert.deepEqual(analyze({}), []);
  assert.deepEqual(analyze({ GOFLAGS: '-buildvcs=false -mod=vendor', GOPRIVATE: '*.corp.example.com,github.com/mycorp' }, true), []);
});

test('each weakening setting is reported once, with what it covers', () => {
  const gomod = analyze({ GOFLAGS: '-mod=mod' }, true);
  assert.deepEqual(gomod.map((w) => [w.setting, w.aboutVendor, w.severity]), [['GOFLAGS', true, 'warning']]);
  assert.match(gomod[0].message, /ignore the vendor directory/);
  assert.match(analyze({ GOFLAGS: '--mod=mod' })[0].message, /add missing go\.sum lines/);
  assert.deepEqual(analyze({ GOSUMDB: 'off' }).map((w) => w.setting), ['GOSUMDB']);

  const nosum = analyze({ GONOSUMDB: 'github.com,*.corp.example.com' });
  assert.equal(nosum.length, 1);
  assert.equal(nosum[0].setting, 'GONOSUMDB');
  assert.match(nosum[0].message, /pattern "github\.com" covers public modules .* including 1 of this build: github\.com\/google\/uuid/);

  // GOPRIVATE stands in for GONOSUMDB when GONOSUMDB is unset.
  assert.deepEqual(analyze({ GOPRIVATE: 'golang.org' }).map((w) => w.setting), ['GOPRIVATE']);
  // With GONOSUMDB set, a broad GOPRIVATE still sends public modules around the proxy.
  assert.match(analyze({ GONOSUMDB: 'git.corp.example.com', GOPRIVATE: '*' })[0].message, /bypass the module proxy/);

  assert.deepEqual(analyze({ GOINSECURE: 'git.corp.example.com' }).map((w) => [w.setting, w.severity]), [['GOINSECURE', 'warning']]);
  assert.deepEqual(analyze({ GONOSUMCHECK: '1' }).map((w) => [w.setting, w.severity]), [['GONOSUMCHECK', 'note']]);
  assert.deepEqual(analyze({ GOFLAGS: '-insecure -modcacherw' }).map((w) => [w.subject, w.severity]), [['GOFLAGS -insecure', 'warning'], ['GOFLAGS -modcacherw', 'note']]);
});

test('-toolexec and -overlay in GOFLAGS: a warning when checking, an error in release mode, with where GOFLAGS came from', () => {
  const s = { ...DEFAULTS, GOFLAGS: '-mod=readonly --toolexec=/tmp/wrap -overlay=/tmp/o.json' };
  const check = analyzeSettings(s, { hasVendor: false, modules: [], goflagsFrom: 'the go env file /home/u/.config/go/env' });
  assert.deepEqual(check.map((w) => [w.subject, w.severity]), [['GOFLAGS -toolexec', 'warning'], ['GOFLAGS -overlay', 'warning']]);
  assert.match(check[0].message, /\(from the go env file \/home\/u\/\.config\/go\/env\) sets -toolexec=\/tmp\/wrap: every compiler/);
  const release = analyzeSettings(s, { hasVendor: false, modules: [], release: true });
  assert.deepEqual(release.map((w) => w.severity), ['error', 'error']);
  assert.match(release[1].message, /sets -overlay=\/tmp\/o\.json: the build reads the files that overlay names .*; a release is never built this way/);
  assert.deepEqual(analyzeSettings({ ...DEFAULTS, GOFLAGS: '-trimpath -mod=readonly' }, { hasVendor: false, modules: [], release: true }), []);
});
