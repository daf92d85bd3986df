import { test } from 'vitest';
import assert from 'node:assert/strict';
import {
  goToSemver, isGoVersion, parseGoVersionSpec, parseVersionFile, pickInstalled, pickRelease, satisfies, semverToGo, type GoVersionSpec,
} from '../../src/toolchain/version.ts';

test('goToSemver maps Go release names onto semver', () => {
  const cases: [string, string][] = [
    ['1.26.3', '1.26.3'], ['go1.26.3', '1.26.3'], ['1.20', '1.20.0'], ['1.27rc1', '1.27.0-rc.1'], ['go1.21beta2', '1.21.0-beta.2'],
  ];
  for (const [input, want] of cases) assert.equal(goToSemver(input), want, input);
  assert.throws(() => goToSemver('1'), /not a Go version/);
});

test('semverToGo is the inverse for tool-cache directory names', () => {
  const cases: [string, string][] = [['1.26.3', '1.26.3'], ['1.21.0', '1.21.0'], ['1.20.0', '1.20'], ['1.27.0-rc.1', '1.27rc1']];
  for (const [input, want] of cases) assert.equal(semverToGo(input), want, input);
});

test('parseGoVersionSpec reads exact versions, ranges and aliases', () => {
  const cases: [string, GoVersionSpec['kind'], string?][] = [
    ['1.26.3', 'exact', '1.26.3'],
    ['go1.26.3', 'exact', '1.26.3'],
    ['1.27rc1', 'exact', '1.27rc1'],
    ['1.26', 'range'],
    ['1.26.x', 'range'],
    ['^1.25', 'range'],
    ['~1.25.2', 'range'],
    ['>=1.25', 'range'],
    ['stable', 'stable'],
    ['oldstable', 'oldstable'],
    ['system', 'system'],
  ];
  for (const [input, kind, version] of cases) {
    const spec = parseGoVersionSpec(input);
    assert.equal(spec.kind, kind, input);
    if (version) assert.equal((spec as { version: string }).version, version, input);
  }
});

test('parseGoVersionSpec rejects malformed versions and ranges with the value in the message', () => {
  for (const bad of ['1.26.3.4', 'abc', '^^1', 'go', '1.x.y', '$(rm -rf /)', '1.26;ls', '']) {
    assert.throws(() => parseGoVersionSpec(bad), (e: Error) => e.message.includes(JSON.stringify(bad)), bad);
  }
});

test('satisfies: exact, range and go-line minimum', () => {
  const cases: [string, string, boolean][] = [
    ['1.26.3', '1.26.3', true],
    ['1.26.4', '1.26.3', false],
    ['1.26.8', '1.26.x', true],
    ['1.25.9', '1.26.x', false],
    ['1.26.0', '^1.25', true],
    ['1.25.1', '~1.25.2', false],
    ['1.25.3', '~1.25.2', true],
    ['1.26.8', '1.26', true],
    ['1.27rc1', '1.26.x', false],
  ];
  for (const [version, spec, want] of cases) assert.equal(satisfies(version, parseGoVersionSpec(spec)), want, `${version} ${spec}`);
  assert.equal(satisfies('1.26.8', { kind: 'min', version: '1.22' }), true);
  assert.equal(satisfies('1.21.13', { kind: 'min', version: '1.22' }), false);
  assert.equal(satisfies('1.26.8', { kind: 'stable' }), false, 'stable needs the listing');
});

const releases = [
  { version: '1.27rc1', stable: false },
  { version: '1.26.3', stable: true },
  { version: '1.26.2', stable: true },
  { version: '1.25.9', stable: true },
  { version: '1.25.0', stable: true },
  { version: '1.24.13', stable: true },
];

test('pickRelease chooses from the listing', () => {
  const cases: [GoVersionSpec, string | undefined][] = [
    [parseGoVersionSpec('stable'), '1.26.3'],
    [parseGoVersionSpec('oldstable'), '1.25.9'],
    [parseGoVersionSpec('1.25.x'), '1.25.9'],
    [parseGoVersionSpec('1.26.2'), '1.26.2'],
    [parseGoVersionSpec('1.27rc1'), '1.27rc1'],
    [parseGoVersionSpec('^1.24'), '1.26.3'],
    [parseGoVersionSpec('1.23.x'), undefined],
    [parseGoVersionSpec('1.26.9'), undefined],
    [{ kind: 'min', version: '1.25.1' }, '1.25.9'],
    [{ kind: 'min', version: '1.24' }, '1.24.13'],
  ];
  for (const [spec, want] of cases) assert.equal(pickRelease(releases, spec)?.version, want, JSON.stringify(spec));
});

test('pickInstalled takes the highest matching tool-cache version', () => {
  const cached = ['1.24.13', '1.25.9', '1.26.3', '1.27.0-rc.1'];
  assert.equal(pickInstalled(cached, parseGoVersionSpec('1.25.x')), '1.25.9');
  assert.equal(pickInstalled(cached, parseGoVersionSpec('^1.24')), '1.26.3');
  assert.equal(pickInstalled(cached, parseGoVersionSpec('1.27rc1')), '1.27rc1');
  assert.equal(pickInstalled(cached, parseGoVersionSpec('1.23.x')), undefined);
});

test('parseVersionFile: go.mod toolchain line wins over the go line', () => {
  const r = parseVersionFile('go.mod', 'module x\n\ngo 1.25.0\n\ntoolchain go1.26.3\n');
  assert.deepEqual(r.spec, { kind: 'exact', version: '1.26.3' });
  assert.equal(r.line, 5);
  const g = parseVersionFile('go.mod', 'module x\n\ngo 1.25 // minimum\n');
  assert.deepEqual(g.spec, { kind: 'min', version: '1.25' });
  assert.equal(g.line, 3);
  const w = parseVersionFile('go.work', 'go 1.26.1\n\nuse ./a\n');
  assert.deepEqual(w.spec, { kind: 'min', version: '1.26.1' });
});

test('parseVersionFile: .go-version and .tool-versions', () => {
  assert.deepEqual(parseVersionFile('.go-version', '\n1.26.3\n').spec, { kind: 'exact', version: '1.26.3' });
  assert.deepEqual(parseVersionFile('.go-version', 'go1.25.2\n').spec, { kind: 'exact', version: '1.25.2' });
  assert.deepEqual(parseVersionFile('sub/.tool-versions', 'nodejs 24.1.0\ngolang 1.26.1\n').spec, { kind: 'exact', version: '1.26.1' });
});

test('parseVersionFile errors name the file and line', () => {
  assert.throws(() => parseVersionFile('go.mod', 'module x\n'), /^Error: go\.mod: no go line/);
  assert.throws(() => parseVersionFile('a/go.mod', 'module x\ngo banana\n'), /a\/go\.mod:2: "go banana" is not a Go version/);
  assert.throws(() => parseVersionFile('go.mod', 'module x\ngo 1.22\ntoolchain gox\n'), /go\.mod:3: toolchain "gox"/);
  assert.throws(() => parseVersionFile('.go-version', '1.2.3.4\n'), /\.go-version:1: "1\.2\.3\.4" is not a Go version/);
  assert.throws(() => parseVersionFile('.tool-versions', 'nodejs 24\n'), /\.tool-versions: no "golang" line/);
  assert.throws(() => parseVersionFile('.go-version', '\n\n'), /no Go version/);
});

test('a version number too large to compare is "not a Go version", never a semver crash', () => {
  assert.equal(isGoVersion('99999999999999999999.1'), false);
  assert.throws(() => goToSemver('1.99999999999999999999'), /not a Go version/);
  assert.throws(() => parseVersionFile('go.mod', 'module x\n\ngo 99999999999999999999.1\n'), /go\.mod:3: "go 99999999999999999999\.1" is not a Go version/);
  assert.throws(() => parseVersionFile('go.mod', 'module x\n\ngo 1.22\ntoolchain go99999999999999999999.1\n'), /go\.mod:4: toolchain "go99999999999999999999\.1" is not a Go toolchain name/);
  assert.throws(() => parseGoVersionSpec('99999999999999999999.1.0'), /not a Go version/);
});
