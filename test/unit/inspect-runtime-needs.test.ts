// What a binary asks of its host, from facts already read: libc flavour, symbol version
// floors, CPU level.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { compareVersions, cpuLevelOf, libcOf, versionFloor } from '../../src/inspect/runtime-needs.ts';

test('libc flavour from the interpreter and the needed libraries', () => {
  assert.equal(libcOf('elf', true, null, []), 'none');
  assert.equal(libcOf('elf', false, '/lib64/ld-linux-x86-64.so.2', ['libc.so.6']), 'glibc');
  assert.equal(libcOf('elf', false, '/lib/ld-linux-aarch64.so.1', ['libc.so.6']), 'glibc');
  assert.equal(libcOf('elf', false, '/lib/ld64.so.1', ['libc.so.6']), 'glibc');
  // An internal-linker PIE needs no library but the glibc loader.
  assert.equal(libcOf('elf', false, '/lib64/ld-linux-x86-64.so.2', []), 'glibc');
  assert.equal(libcOf('elf', false, '/lib/ld-musl-x86_64.so.1', ['libc.so']), 'musl');
  assert.equal(libcOf('elf', false, '/lib/ld-musl-aarch64.so.1', ['libc.musl-aarch64.so.1']), 'musl');
  assert.equal(libcOf('elf', false, '/system/bin/linker64', ['libc.so', 'libdl.so']), 'bionic');
  assert.equal(libcOf('elf', false, null, ['libc.so.6']), 'glibc');
  assert.equal(libcOf('elf', false, '/opt/odd/loader', ['libfoo.so']), 'unknown');
  assert.equal(libcOf('pe', null, null, ['KERNEL32.dll']), null);
  assert.equal(libcOf('macho', null, null, ['/usr/lib/libSystem.B.dylib']), null);
});

test('the floor is the numerically highest version, private names ignored', () => {
  const needs = [
    { file: 'libc.so.6', versions: ['GLIBC_2.2.5', 'GLIBC_2.9', 'GLIBC_2.17', 'GLIBC_2.3.4', 'GLIBC_PRIVATE'] },
    { file: 'libstdc++.so.6', versions: ['GLIBCXX_3.4.9', 'GLIBCXX_3.4.21', 'CXXABI_1.3.9', 'CXXABI_1.3'] },
    { file: 'libm.so.6', versions: ['GLIBC_2.29'] },
  ];
  assert.equal(versionFloor(needs, 'GLIBC'), '2.29');
  assert.equal(versionFloor(needs, 'GLIBCXX'), '3.4.21');
  assert.equal(versionFloor(needs, 'CXXABI'), '1.3.9');
  assert.equal(versionFloor([], 'GLIBC'), null);
  assert.ok(compareVersions('2.9', '2.17') < 0);
  assert.ok(compareVersions('2.3.4', '2.3') > 0);
  assert.equal(compareVersions('2.34', '2.34.0'), 0);
});

test('CPU level from the build info, Go defaults when unrecorded', () => {
  assert.deepEqual(cpuLevelOf('amd64', [{ key: 'GOAMD64', value: 'v3' }]), { variable: 'GOAMD64', level: 'v3', default: false });
  assert.deepEqual(cpuLevelOf('amd64', []), { variable: 'GOAMD64', level: 'v1', default: true });
  assert.deepEqual(cpuLevelOf('arm', [{ key: 'GOARM', value: '6,softfloat' }]), { variable: 'GOARM', level: '6', default: false });
  assert.deepEqual(cpuLevelOf('arm64', [{ key: 'GOARM64', value: 'v8.2,lse' }]), { variable: 'GOARM64', level: 'v8.2', default: false });
  assert.deepEqual(cpuLevelOf('386', []), { variable: 'GO386', level: 'sse2', default: true });
  assert.equal(cpuLevelOf('s390x', []), null);
  assert.equal(cpuLevelOf('amd64', null), null);
});
