// The inspect policy on BinaryInfo values: which rules fire for which facts, and that the
// messages name the exact library, path or setting.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import os from 'node:os';
import { parseConfig, type Config } from '../../src/config/config.ts';
import type { Artifact } from '../../src/pipeline/stage.ts';
import type { BinaryInfo } from '../../src/inspect/binary.ts';
import { evaluateBinary, INSPECT_RULES, summaryRow } from '../../src/inspect/policy.ts';

function config(inputs: Record<string, string> = {}, env: Record<string, string> = {}): Config {
  return parseConfig(inputs, { workspace: os.tmpdir(), env });
}

const artifact: Artifact = { path: '/w/gate-out/app', displayPath: 'gate-out/app', name: 'app', goos: 'linux', goarch: 'amd64', size: 1234, sha256: 'x', pkg: 'example.com/app' };

function release(over: Partial<BinaryInfo> = {}, settings: Record<string, string> = {}): BinaryInfo {
  const base: Record<string, string> = { '-trimpath': 'true', CGO_ENABLED: '0', GOOS: 'linux', GOARCH: 'amd64', vcs: 'git', 'vcs.revision': '0123456789abcdef', 'vcs.modified': 'false' };
  const all = { ...base, ...settings };
  return {
    file: 'gate-out/app', format: 'elf', arch: 'amd64', bits: 64, endian: 'little', type: 'executable',
    static: true, interpreter: null, needed: [], rpath: [], runpath: [], stripped: true, pie: false, relro: 'none', nx: true,
    goBuildId: 'a/b', gnuBuildId: null, upx: false, tzdata: false, usesLoadLocation: false, leakedPaths: { count: 0, examples: [] },
    versionNeeds: [], libc: 'none', glibcFloor: null, glibcxxFloor: null, cxxabiFloor: null, cpuLevel: { variable: 'GOAMD64', level: 'v1', default: false },
    usesSystemRoots: false, embedsRoots: false,
    buildInfo: { goVersion: 'go1.26.3', path: 'example.com/app', main: null, deps: [], settings: Object.entries(all).filter(([, v]) => v !== '').map(([key, value]) => ({ key, value })) },
    go: true, buildInfoError: null, goVersionM: null, size: 1234, bytesRead: 100,
    ...over,
  };
}

const ids = (fs: Array<{ ruleId: string }>) => fs.map((f) => f.ruleId).sort();

test('a clean static release binary raises nothing', () => {
  assert.deepEqual(evaluateBinary(release(), artifact, config()), []);
});

test('a dynamic binary: one gating finding naming interpreter and libraries, plus one note each', () => {
  const fs = evaluateBinary(release({ static: false, interpreter: '/lib64/ld-linux-x86-64.so.2', needed: ['libseccomp.so.2', 'libc.so.6'] }), artifact, config());
  assert.deepEqual(ids(fs), ['inspect/dynamic-interpreter', 'inspect/needed-library', 'inspect/needed-library', 'inspect/not-static']);
  const main = fs.find((f) => f.ruleId === 'inspect/not-static')!;
  assert.equal(main.severity, 'error');
  assert.equal(main.message, 'gate-out/app is dynamically linked: program interpreter /lib64/ld-linux-x86-64.so.2; shared libraries libseccomp.so.2, libc.so.6');
  assert.deepEqual(fs.filter((f) => f.ruleId === 'inspect/needed-library').map((f) => f.message), ['gate-out/app needs shared library libseccomp.so.2', 'gate-out/app needs shared library libc.so.6']);
  assert.ok(fs.every((f) => f.location?.artifact === 'gate-out/app'));
  assert.equal(new Set(fs.map((f) => f.fingerprint)).size, fs.length);
});

test('cgo: true accepts dynamic linking and CGO_ENABLED=1', () => {
  const info = release({ static: false, needed: ['libc.so.6'] }, { CGO_ENABLED: '1' });
  assert.deepEqual(ids(evaluateBinary(info, artifact, config())), ['inspect/cgo-enabled', 'inspect/needed-library', 'inspect/not-static']);
  assert.deepEqual(evaluateBinary(info, artifact, config({ cgo: 'true' })), []);
});

test('static does not apply to darwin and windows targets', () => {
  const mac = release({ format: 'macho', arch: 'arm64', static: null, needed: ['/usr/lib/libSystem.B.dylib'] }, { GOOS: 'darwin', GOARCH: 'arm64' });
  assert.deepEqual(evaluateBinary(mac, { ...artifact, goos: 'darwin', goarch: 'arm64' }, config()), []);
});

test('target mismatch: container and build info are both checked', () => {
  const fs = evaluateBinary(release({ arch: 'arm64' }, { GOARCH: 'arm64' }), artifact, config());
  assert.deepEqual(fs.map((f) => f.message), [
    'gate-out/app is a elf arm64 binary, but the target is linux/amd64',
    'gate-out/app records GOOS=linux GOARCH=arm64 in its build info, but the target is linux/amd64',
  ]);
});

test('no build info, unreadable build info and non-Go binaries', () => {
  assert.equal(evaluateBinary(release({ buildInfo: null }), artifact, config())[0].message, 'gate-out/app is a Go binary without build info');
  assert.equal(evaluateBinary(release({ buildInfo: null, go: false }), artifact, config())[0].message, 'gate-out/app is not a Go binary (no build info, no pcln table)');
  const bad = evaluateBinary(release({ buildInfo: null, buildInfoError: 'build info pointer size 0 is neither 4 nor 8 (at file offset 0x1e)' }), artifact, config());
  assert.match(bad[0].message, /pointer size 0 .*0x1e/);
});

test('trimpath, leaked paths, stripping', () => {
  const info = release({ stripped: false, leakedPaths: { count: 176, examples: ['/home/ci/src/main.go', '/usr/local/go/src/fmt/print.go'] } }, { '-trimpath': '' });
  const fs = evaluateBinary(info, artifact, config());
  assert.deepEqual(ids(fs), ['inspect/leaked-paths', 'inspect/not-stripped', 'inspect/not-trimpath']);
  assert.equal(fs.find((f) => f.ruleId === 'inspect/leaked-paths')!.message, 'gate-out/app contains 176 absolute source paths of the build machine, e.g. /home/ci/src/main.go, /usr/local/go/src/fmt/print.go');
  assert.deepEqual(ids(evaluateBinary(info, artifact, config({ strip: 'false' }))), ['inspect/leaked-paths', 'inspect/not-trimpath']);
});

test('vcs.modified fails only release builds', () => {
  const dirty = release({}, { 'vcs.modified': 'true' });
  assert.deepEqual(evaluateBinary(dirty, artifact, config()), []);
  const tag = evaluateBinary(dirty, artifact, config({}, { GITHUB_REF: 'refs/tags/v1.2.3', GITHUB_EVENT_NAME: 'push' }));
  assert.equal(tag[0].ruleId, 'inspect/vcs-modified');
  assert.equal(tag[0].message, 'gate-out/app records vcs.modified=true on revision 0123456789abcdef for tag v1.2.3');
  assert.equal(evaluateBinary(dirty, artifact, config({ mode: 'release' }))[0].ruleId, 'inspect/vcs-modified');
});

test('time.LoadLocation without tzdata warns only where the zone database is missing: windows, or a run-on host without it', () => {
  // Issue 9: linux and darwin hosts have /usr/share/zoneinfo; warning on every binary was noise.
  assert.deepEqual(evaluateBinary(release({ usesLoadLocation: true }), artifact, config()), []);
  const mac: Artifact = { ...artifact, goos: 'darwin', goarch: 'arm64', displayPath: 'gate-out/app_darwin_arm64' };
  assert.deepEqual(evaluateBinary(release({ usesLoadLocation: true, format: 'macho', arch: 'arm64' }, { GOOS: 'darwin', GOARCH: 'arm64' }), mac, config()), []);
  const win: Artifact = { ...artifact, goos: 'windows', displayPath: 'gate-out/app_windows_amd64.exe' };
  const winInfo = release({ usesLoadLocation: true, format: 'pe' }, { GOOS: 'windows' });
  const fs = evaluateBinary(winInfo, win, config());
  assert.deepEqual(fs.map((f) => [f.ruleId, f.severity]), [['inspect/missing-tzdata', 'warning']]);
  assert.equal(fs[0].message, 'gate-out/app_windows_amd64.exe calls time.LoadLocation but embeds no time zone data, and Windows has no system time zone database for Go');
  assert.deepEqual(evaluateBinary(release({ usesLoadLocation: true, format: 'pe', tzdata: true }, { GOOS: 'windows' }), win, config()), []);
  assert.deepEqual(evaluateBinary(release({ usesLoadLocation: false, format: 'pe' }, { GOOS: 'windows' }), win, config()), []);
  // Run-on hosts (issue 14 moved this from inspect/missing-tzdata to a per-host rule): a host of the
  // same target without zoneinfo fails, one with it or of another architecture does not.
  const host = { libc: 'none' as const, glibc: null, kernel: null, osVersion: null, caRoots: null };
  const scratch = { ...host, name: 'scratch', goos: 'linux', goarch: 'amd64', zoneinfo: false };
  const onScratch = evaluateBinary(release({ usesLoadLocation: true }), artifact, config(), [scratch, { ...host, name: 'debian', goos: 'linux', goarch: 'amd64', zoneinfo: true }]);
  assert.deepEqual(onScratch.map((f) => [f.ruleId, f.message]), [['inspect/no-tzdata-on-host', 'gate-out/app does not run on scratch: calls time.LoadLocation without embedded tzdata, scratch has no /usr/share/zoneinfo']]);
  assert.deepEqual(evaluateBinary(release({ usesLoadLocation: true }), artifact, config(), [{ ...scratch, goarch: 'arm64' }]), []);
  assert.deepEqual(evaluateBinary(release({ usesLoadLocation: true, tzdata: true }), artifact, config(), [scratch]), []);
});

test('every rule has the texts SARIF and code scanning require, and a unique stable id', () => {
  assert.equal(new Set(INSPECT_RULES.map((r) => r.id)).size, INSPECT_RULES.length);
  for (const r of INSPECT_RULES) {
    assert.match(r.id, /^inspect\/[a-z0-9-]+$/);
    for (const k of ['name', 'shortDescription', 'fullDescription', 'help'] as const) assert.ok(r[k].length > 0, `${r.id}.${k}`);
  }
});

test('summary row', () => {
  const row = summaryRow(release({}, { 'vcs.modified': 'true' }), artifact);
  assert.deepEqual(row, ['gate-out/app', 'linux/amd64', 'yes', 'yes', 'no', 'none', 'yes', 'go1.26.3', '0123456789ab (modified)', '1234']);
});
