// run-on host profiles against binaries built here: a glibc cgo build, a musl cgo build (musl-gcc),
// static builds, a LoadLocation program without tzdata, a TLS client on the system roots and a
// GOAMD64=v3 build, through the inspect stage (findings and the binaries × hosts table).
import { test } from 'vitest';
import assert from 'node:assert/strict';
import os from 'node:os';
import { stat } from 'node:fs/promises';
import { parseConfig } from '../../src/config/config.ts';
import type { Artifact, StageContext } from '../../src/pipeline/stage.ts';
import { inspectStage } from '../../src/stages/inspect.ts';
import { inspectFile } from '../../src/inspect/binary.ts';
import { HOST_NAMES } from '../../src/inspect/hosts.ts';
import { selfBuiltCorpus } from '../support/corpus.ts';
import { recordingPorts } from '../support/context.ts';

const self = await selfBuiltCorpus();
const bin = (name: string) => self.find((f) => f.build!.name === name)!;
const HOST_RULES = ['inspect/glibc-too-new', 'inspect/libc-mismatch', 'inspect/no-tzdata-on-host', 'inspect/no-ca-roots-on-host', 'inspect/os-too-old'];

async function artifact(name: string): Promise<Artifact> {
  const f = bin(name);
  return { path: f.path, displayPath: `gate-out/${name}`, name, goos: f.build!.goos, goarch: f.build!.goarch, size: (await stat(f.path)).size, sha256: '', pkg: f.build!.pkg };
}

async function runStage(names: string[], inputs: Record<string, string>) {
  const ctx: StageContext = {
    config: parseConfig({ strip: 'false', cgo: 'true', ...inputs }, { workspace: os.tmpdir(), env: {} }),
    ports: recordingPorts({ workspace: os.tmpdir(), env: { PATH: process.env.PATH } }).ports,
    state: { goEnv: {}, artifacts: await Promise.all(names.map(artifact)), facts: {} },
  };
  const out = await inspectStage.run(ctx);
  const hostFindings = out.findings.filter((f) => HOST_RULES.includes(f.ruleId));
  const cell = (binary: string, host: string) => {
    const col = out.table!.header.indexOf(`Runs on ${host}`);
    assert.ok(col > 0, `a column for ${host}`);
    return out.table!.rows.find((r) => r[0] === `gate-out/${binary}`)![col];
  };
  return { out, hostFindings, cell };
}

test('a cgo glibc build fails centos-7 naming the GLIBC version, and passes debian-12', async () => {
  const floor = (await inspectFile(bin('cgo').path)).glibcFloor!;
  assert.ok(Number(floor.split('.')[1]) > 17, `built here against glibc ${floor}`);
  const { out, hostFindings, cell } = await runStage(['cgo'], { 'run-on': 'centos-7, debian-12' });
  assert.deepEqual(hostFindings.map((f) => [f.ruleId, f.severity, f.message]), [
    ['inspect/glibc-too-new', 'error', `gate-out/cgo does not run on centos-7: needs GLIBC_${floor}, centos-7 has 2.17`],
  ]);
  assert.equal(out.status, 'failed');
  assert.equal(cell('cgo', 'centos-7'), `❌ needs GLIBC_${floor}, centos-7 has 2.17`);
  assert.equal(cell('cgo', 'debian-12'), '✅');
});

test('max-glibc is a floor of its own', async () => {
  const floor = (await inspectFile(bin('cgo').path)).glibcFloor!;
  const { hostFindings } = await runStage(['cgo'], { 'max-glibc': '2.28' });
  assert.deepEqual(hostFindings.map((f) => f.message), [`gate-out/cgo needs GLIBC_${floor}, max-glibc is 2.28`]);
  assert.deepEqual((await runStage(['cgo'], { 'max-glibc': floor })).hostFindings, []);
});

test('a musl build passes alpine and fails debian-12 and distroless-base (libc mismatch)', async () => {
  const { hostFindings, cell } = await runStage(['cgo-musl'], { 'run-on': 'alpine, debian-12, distroless-base' });
  assert.deepEqual(hostFindings.map((f) => [f.ruleId, f.message]), [
    ['inspect/libc-mismatch', 'gate-out/cgo-musl does not run on debian-12: needs musl libc (interpreter /lib/ld-musl-x86_64.so.1), debian-12 has glibc'],
    ['inspect/libc-mismatch', 'gate-out/cgo-musl does not run on distroless-base: needs musl libc (interpreter /lib/ld-musl-x86_64.so.1), distroless-base has glibc'],
  ]);
  assert.equal(cell('cgo-musl', 'alpine'), '✅');
  // And the glibc build is the reverse: it does not start on Alpine or scratch.
  const glibc = await runStage(['cgo'], { 'run-on': 'alpine, scratch' });
  assert.deepEqual(glibc.hostFindings.map((f) => f.message), [
    'gate-out/cgo does not run on alpine: needs glibc (interpreter /lib64/ld-linux-x86-64.so.2), alpine has musl libc',
    'gate-out/cgo does not run on scratch: needs glibc (interpreter /lib64/ld-linux-x86-64.so.2), scratch has no C library',
  ]);
});

test('static builds that need neither zone data nor roots from the host pass every profile of their OS', async () => {
  const linux = HOST_NAMES.filter((h) => !/^(macos|windows)-/.test(h));
  const { hostFindings, cell } = await runStage(['tzdata-import', 'local-replace'], { 'run-on': linux.join(',') });
  assert.deepEqual(hostFindings, []);
  for (const h of linux) {
    assert.equal(cell('tzdata-import', h), '✅', h);
    assert.equal(cell('local-replace', h), '✅', h);
  }
  // darwin and windows binaries: only the OS version matters, and Go 1.26 needs macOS 12 and Windows 10.
  const osHosts = await runStage(['darwin-arm64', 'windows-amd64', 'tzdata-import'], { 'run-on': 'macos-11, macos-12, windows-8.1, windows-10, scratch' });
  assert.deepEqual(osHosts.hostFindings.map((f) => [f.ruleId, f.message]), [
    ['inspect/os-too-old', 'gate-out/darwin-arm64 does not run on macos-11: built by go1.26, which needs macOS 12 or later (go.dev/doc/go1.25#darwin); macos-11 has 11'],
    ['inspect/os-too-old', 'gate-out/windows-amd64 does not run on windows-8.1: built by go1.26, which needs Windows 10 or later (go.dev/doc/go1.21#windows); windows-8.1 has 8.1'],
  ]);
  assert.equal(osHosts.cell('darwin-arm64', 'macos-12'), '✅');
  assert.equal(osHosts.cell('darwin-arm64', 'scratch'), '–');
  assert.equal(osHosts.cell('tzdata-import', 'macos-12'), '–');
  assert.equal(osHosts.cell('windows-amd64', 'windows-10'), '✅');
});

test('LoadLocation without tzdata fails scratch and alpine, passes debian-12 and distroless-static', async () => {
  const { hostFindings, cell } = await runStage(['trimpath-s-w'], { 'run-on': 'scratch, alpine, debian-12, distroless-static, rhel-9' });
  assert.deepEqual(hostFindings.map((f) => [f.ruleId, f.message]), [
    ['inspect/no-tzdata-on-host', 'gate-out/trimpath-s-w does not run on scratch: calls time.LoadLocation without embedded tzdata, scratch has no /usr/share/zoneinfo'],
    ['inspect/no-tzdata-on-host', 'gate-out/trimpath-s-w does not run on alpine: calls time.LoadLocation without embedded tzdata, alpine has no /usr/share/zoneinfo'],
  ]);
  assert.equal(cell('trimpath-s-w', 'debian-12'), '✅');
  assert.equal(cell('trimpath-s-w', 'distroless-static'), '✅');
  // RHEL's zone database is not a sourced fact here: passed, and said to be unchecked.
  assert.equal(cell('trimpath-s-w', 'rhel-9'), '✅ (not checked: zoneinfo)');
  // The same program with tzdata embedded passes scratch.
  assert.deepEqual((await runStage(['timetzdata-tag'], { 'run-on': 'scratch' })).hostFindings, []);
});

test('a TLS client on the system roots fails scratch and passes distroless-static', async () => {
  const { hostFindings, cell } = await runStage(['tls-client'], { 'run-on': 'scratch, distroless-static, alpine' });
  assert.deepEqual(hostFindings.map((f) => [f.ruleId, f.message]), [
    ['inspect/no-ca-roots-on-host', 'gate-out/tls-client does not run on scratch: loads the system certificate roots and embeds none, scratch has no CA bundle'],
  ]);
  assert.equal(cell('tls-client', 'distroless-static'), '✅');
  assert.equal(cell('tls-client', 'alpine'), '✅');
  assert.match(cell('tls-client', 'scratch'), /^❌ loads the system certificate roots/);
  // A client with roots of its own (x509.SetFallbackRoots, as x509roots/fallback does) passes scratch.
  const own = await runStage(['tls-fallback-roots'], { 'run-on': 'scratch' });
  assert.deepEqual(own.hostFindings, []);
  assert.equal(own.cell('tls-fallback-roots', 'scratch'), '✅');
});

test('a GOAMD64=v3 build warns unless cpu-level allows it', async () => {
  const { out } = await runStage(['goamd64-v3', 'trimpath-s-w'], {});
  const cpu = out.findings.filter((f) => f.ruleId === 'inspect/cpu-level');
  assert.deepEqual(cpu.map((f) => [f.severity, f.message]), [
    ['warning', 'gate-out/goamd64-v3 is built for GOAMD64=v3, above the GOAMD64=v1 baseline: it dies with an illegal instruction on CPUs without that level'],
  ]);
  assert.deepEqual((await runStage(['goamd64-v3'], { 'cpu-level': 'GOAMD64=v3' })).out.findings.filter((f) => f.ruleId === 'inspect/cpu-level'), []);
  const tooLow = (await runStage(['goamd64-v3'], { 'cpu-level': 'GOAMD64=v2' })).out.findings.filter((f) => f.ruleId === 'inspect/cpu-level');
  assert.match(tooLow[0].message, /\(cpu-level allows GOAMD64=v2\)$/);
});
