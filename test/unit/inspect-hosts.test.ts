// Host profiles as data, the run-on / max-glibc / cpu-level inputs, and the per-host verdicts.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import os from 'node:os';
import { ConfigError, parseConfig } from '../../src/config/config.ts';
import { goMinimumOs, goMinor, HOST_NAMES, hostProfile } from '../../src/inspect/hosts.ts';
import { hostVerdict, verdictCell } from '../../src/inspect/policy.ts';
import type { BinaryInfo } from '../../src/inspect/binary.ts';
import type { Artifact } from '../../src/pipeline/stage.ts';

const parse = (inputs: Record<string, string>) => parseConfig(inputs, { workspace: os.tmpdir(), env: {} });

test('every profile the issue names exists, with the sourced facts', () => {
  for (const n of ['scratch', 'distroless-static', 'distroless-base', 'alpine', 'centos-7', 'rhel-8', 'rhel-9', 'amazonlinux-2', 'amazonlinux-2023', 'debian-11', 'debian-12', 'ubuntu-20.04', 'ubuntu-22.04', 'ubuntu-24.04', 'macos-12', 'windows-10']) {
    assert.ok(HOST_NAMES.includes(n), n);
  }
  const glibc = Object.fromEntries(HOST_NAMES.map((n) => [n, hostProfile(n)!]).filter(([, h]) => (h as { libc: string }).libc === 'glibc').map(([n, h]) => [n, (h as { glibc: string }).glibc]));
  assert.deepEqual(glibc, {
    'distroless-base': '2.36', 'centos-7': '2.17', 'rhel-8': '2.28', 'rhel-9': '2.34', 'amazonlinux-2': '2.26', 'amazonlinux-2023': '2.34',
    'debian-11': '2.31', 'debian-12': '2.36', 'ubuntu-20.04': '2.31', 'ubuntu-22.04': '2.35', 'ubuntu-24.04': '2.39',
  });
  assert.deepEqual([hostProfile('alpine')!.libc, hostProfile('scratch')!.libc, hostProfile('distroless-static')!.libc], ['musl', 'none', 'none']);
  assert.deepEqual([hostProfile('scratch')!.zoneinfo, hostProfile('scratch')!.caRoots], [false, false]);
  assert.deepEqual([hostProfile('distroless-static')!.zoneinfo, hostProfile('distroless-static')!.caRoots], [true, true]);
  assert.equal(hostProfile('centos-7')!.kernel, '3.10');
  assert.equal(hostProfile('nope'), undefined);
});

test('the OS minimums of Go releases', () => {
  assert.equal(goMinor('go1.26.3'), 26);
  assert.equal(goMinor('go1.25.1 X:boringcrypto'), 25);
  assert.equal(goMinor('devel +abc'), null);
  assert.equal(goMinimumOs('darwin', 24)!.version, '11');
  assert.equal(goMinimumOs('darwin', 25)!.version, '12');
  assert.equal(goMinimumOs('darwin', 27)!.version, '13');
  assert.equal(goMinimumOs('windows', 20)!.version, '7');
  assert.equal(goMinimumOs('windows', 21)!.version, '10');
  assert.equal(goMinimumOs('linux', 23)!.version, '2.6.32');
  assert.equal(goMinimumOs('linux', 24)!.version, '3.2');
  assert.equal(goMinimumOs('darwin', 10), null);
});

test('run-on, max-glibc and cpu-level inputs: parsed, or a ConfigError naming the input', () => {
  const c = parse({ 'run-on': 'centos-7, alpine\nscratch,centos-7', 'max-glibc': 'GLIBC_2.28', 'cpu-level': 'GOAMD64=v3\nGOARM64=v8.2' });
  assert.deepEqual(c.runOn, ['centos-7', 'alpine', 'scratch']);
  assert.equal(c.maxGlibc, '2.28');
  assert.deepEqual(c.cpuLevel, { GOAMD64: 'v3', GOARM64: 'v8.2' });
  assert.deepEqual([parse({}).runOn, parse({}).maxGlibc, parse({}).cpuLevel], [[], '', {}]);
  const err = (inputs: Record<string, string>, re: RegExp) => assert.throws(() => parse(inputs), (e: Error) => e instanceof ConfigError && re.test(e.message));
  err({ 'run-on': 'CentOS-7' }, /^input run-on: "CentOS-7" is not a known host profile \(profiles are lower-case: centos-7\); known: scratch, /);
  err({ 'run-on': 'centos-6' }, /"centos-6" is not a known host profile/);
  err({ 'max-glibc': '2' }, /^input max-glibc: "2" is not a glibc version like 2\.28$/);
  err({ 'cpu-level': 'v3' }, /^input cpu-level: "v3" is not VARIABLE=level with VARIABLE one of GO386, GOAMD64, GOARM64, GOARM, /);
  // The list splits at commas, so a level option (",lse") reads as an item of its own and is refused.
  err({ 'cpu-level': 'GOARM64=v8.2,lse' }, /"lse" is not VARIABLE=level/);
  err({ 'cpu-level': 'GOAMD64=v5' }, /GOAMD64 levels are v1, v2, v3, v4/);
});

const linux: Artifact = { path: '/x', displayPath: 'gate-out/app', name: 'app', goos: 'linux', goarch: 'amd64', size: 1, sha256: '', pkg: '' };

function info(over: Partial<BinaryInfo>): BinaryInfo {
  return {
    file: 'app', format: 'elf', arch: 'amd64', bits: 64, endian: 'little', type: 'executable', static: false, interpreter: '/lib64/ld-linux-x86-64.so.2',
    needed: ['libc.so.6'], versionNeeds: [{ file: 'libc.so.6', versions: ['GLIBC_2.2.5', 'GLIBC_2.34'] }], rpath: [], runpath: [], stripped: true, pie: false,
    relro: 'partial', nx: true, goBuildId: null, gnuBuildId: null, upx: false, tzdata: false, usesLoadLocation: false, libc: 'glibc', glibcFloor: '2.34',
    glibcxxFloor: null, cxxabiFloor: null, cpuLevel: null, usesSystemRoots: false, embedsRoots: false, leakedPaths: { count: 0, examples: [] },
    buildInfo: { goVersion: 'go1.26.3', path: 'x', main: null, deps: [], settings: [] }, go: true, buildInfoError: null, goVersionM: null, size: 1, bytesRead: 1,
    ...over,
  };
}

test('verdicts: unknown facts are not checked and say so; other OS is not applicable', () => {
  const v = hostVerdict(info({ usesLoadLocation: true, usesSystemRoots: true }), linux, hostProfile('rhel-9')!);
  assert.deepEqual(v.failures, []);
  assert.equal(verdictCell(v), '✅ (not checked: zoneinfo, CA bundle)');
  assert.equal(verdictCell(hostVerdict(info({}), linux, hostProfile('macos-14')!)), '–');
  // Roots of its own: scratch's missing CA bundle does not matter.
  assert.equal(verdictCell(hostVerdict(info({ libc: 'none', static: true, interpreter: null, needed: [], glibcFloor: null, usesSystemRoots: true, embedsRoots: true }), linux, hostProfile('scratch')!)), '✅');
  // Two reasons on one host are both named.
  assert.equal(verdictCell(hostVerdict(info({ usesLoadLocation: true }), linux, hostProfile('scratch')!)),
    '❌ needs glibc (interpreter /lib64/ld-linux-x86-64.so.2), scratch has no C library; calls time.LoadLocation without embedded tzdata, scratch has no /usr/share/zoneinfo');
  // An old Go on an old kernel: Go 1.23 supports 2.6.32, so centos-7's 3.10 is fine; the glibc is not.
  assert.deepEqual(hostVerdict(info({ buildInfo: { goVersion: 'go1.23.1', path: 'x', main: null, deps: [], settings: [] } }), linux, hostProfile('centos-7')!).failures.map((f) => f.rule.id), ['inspect/glibc-too-new']);
});
