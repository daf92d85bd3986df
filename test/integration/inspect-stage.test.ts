// The inspect stage and the `inspect` command on binaries built here with /usr/local/go.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { parseConfig } from '../../src/config/config.ts';
import type { Artifact, StageContext } from '../../src/pipeline/stage.ts';
import { recordingPorts } from '../support/context.ts';
import { inspectStage } from '../../src/stages/inspect.ts';
import { runInspectCommand } from '../../src/cli/inspect-command.ts';
import { GO, selfBuiltCorpus } from '../support/corpus.ts';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const self = await selfBuiltCorpus();
const bin = (name: string) => self.find((f) => f.build!.name === name)!;

async function artifact(name: string, goos = bin(name).build!.goos, goarch = bin(name).build!.goarch): Promise<Artifact> {
  const f = bin(name);
  return { path: f.path, displayPath: `gate-out/${name}`, name, goos, goarch, size: (await stat(f.path)).size, sha256: '', pkg: f.build!.pkg };
}

function context(artifacts: Artifact[], inputs: Record<string, string> = {}, env: Record<string, string> = {}): StageContext {
  return {
    config: parseConfig(inputs, { workspace: os.tmpdir(), env }),
    // Real ports: the stage runs git to name the files of a modified tree.
    ports: recordingPorts({ workspace: os.tmpdir(), env: { PATH: process.env.PATH } }).ports,
    state: { goEnv: {}, artifacts, facts: {} },
  };
}

test('the stage is skipped when nothing was built', async () => {
  const out = await inspectStage.run(context([]));
  assert.equal(out.status, 'skipped');
});

test('a -trimpath -s -w static build passes with no finding (linux has a zone database: no tzdata warning)', async () => {
  const out = await inspectStage.run(context([await artifact('trimpath-s-w')]));
  assert.equal(out.status, 'passed');
  // Issue 9 removed the tzdata warning for linux: it was noise on every binary.
  assert.deepEqual(out.findings.map((f) => [f.ruleId, f.severity]), []);
  assert.deepEqual(out.table!.header, ['Binary', 'Target', 'Static', 'Stripped', 'PIE', 'RELRO', 'NX', 'Go', 'VCS revision', 'Size']);
  const row = out.table!.rows[0];
  assert.deepEqual(row.slice(0, 7), ['gate-out/trimpath-s-w', 'linux/amd64', 'yes', 'yes', 'no', 'none', 'yes']);
  const { stdout } = await run(GO, ['version'], {});
  assert.equal(row[7], stdout.split(' ')[2]);
  assert.match(row[8], /^[0-9a-f]{12}$/);
});

test('default, cgo and dirty builds fail with exact findings', async () => {
  const arts = [await artifact('static-default'), await artifact('cgo'), await artifact('vcs-dirty')];
  const ctx = context(arts, {}, { GITHUB_REF: 'refs/tags/v1.0.0', GITHUB_EVENT_NAME: 'push' });
  const out = await inspectStage.run(ctx);
  // The release report reads the vcs stamp the stage recorded (only the dirty build is stamped).
  assert.match(ctx.state.facts['vcs.revision'] ?? '', /^[0-9a-f]{40}$/);
  assert.equal(ctx.state.facts['vcs.modified'], 'true');
  assert.equal(out.status, 'failed');
  const by = (a: string) => out.findings.filter((f) => f.location?.artifact === `gate-out/${a}`).map((f) => f.ruleId).sort();
  assert.deepEqual(by('static-default'), ['inspect/leaked-paths', 'inspect/not-stripped', 'inspect/not-trimpath']);
  assert.deepEqual(by('cgo'), ['inspect/cgo-enabled', 'inspect/dynamic-interpreter', 'inspect/leaked-paths', 'inspect/needed-library', 'inspect/not-static', 'inspect/not-stripped', 'inspect/not-trimpath']);
  assert.deepEqual(by('vcs-dirty'), ['inspect/not-stripped', 'inspect/vcs-modified']);
  const needed = out.findings.find((f) => f.ruleId === 'inspect/needed-library')!;
  assert.equal(needed.message, 'gate-out/cgo needs shared library libc.so.6');
  assert.match(out.findings.find((f) => f.ruleId === 'inspect/leaked-paths')!.message, /contains \d+ absolute source paths of the build machine, e\.g\. \//);
});

test('real builds that call time.LoadLocation without tzdata: a warning for windows only, none for linux and darwin', async () => {
  const names = ['trimpath-s-w', 'linux-arm64', 'darwin-amd64', 'darwin-arm64', 'windows-386', 'windows-amd64'];
  const arts = await Promise.all(names.map((n) => artifact(n)));
  const out = await inspectStage.run(context(arts, { strip: 'false' }));
  const tz = out.findings.filter((f) => f.ruleId === 'inspect/missing-tzdata');
  assert.deepEqual(tz.map((f) => f.location?.artifact).sort(), ['gate-out/windows-386', 'gate-out/windows-amd64']);
  for (const f of tz) {
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^gate-out\/windows-(386|amd64) calls time\.LoadLocation but embeds no time zone data, and Windows has no system time zone database for Go$/);
  }
  // A binary that embeds tzdata never warns, whatever the target.
  const tagged = await inspectStage.run(context([await artifact('timetzdata-tag', 'linux', 'amd64'), await artifact('tzdata-import')]));
  assert.deepEqual(tagged.findings.filter((f) => f.ruleId === 'inspect/missing-tzdata'), []);
});

test('a binary published under the wrong target, and a file that is no binary', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'grg-inspect-'));
  const junk = path.join(dir, 'junk');
  await writeFile(junk, Buffer.from('\x7fELF\x02\x01\x01'.padEnd(64, '\0'), 'latin1'));
  const arts = [await artifact('linux-arm64', 'linux', 'amd64'), { ...(await artifact('trimpath-s-w')), path: junk, displayPath: 'gate-out/junk' }];
  const out = await inspectStage.run(context(arts));
  const mismatch = out.findings.filter((f) => f.ruleId === 'inspect/target-mismatch').map((f) => f.message);
  assert.deepEqual(mismatch, [
    'gate-out/linux-arm64 is a elf arm64 binary, but the target is linux/amd64',
    'gate-out/linux-arm64 records GOOS=linux GOARCH=arm64 in its build info, but the target is linux/amd64',
  ]);
  const unreadable = out.findings.find((f) => f.ruleId === 'inspect/unreadable-binary')!;
  assert.match(unreadable.message, /^gate-out\/junk: .*at file offset 0x/);
});

function capture() {
  const o = { stdout: '', stderr: '' };
  return { o, out: { stdout: (s: string) => void (o.stdout += s), stderr: (s: string) => void (o.stderr += s) } };
}

test('inspect --json prints exactly the documented fields', async () => {
  const { o, out } = capture();
  assert.equal(await runInspectCommand(['--json', bin('local-replace').path, bin('darwin-arm64').path], out), 0);
  const records = JSON.parse(o.stdout);
  assert.equal(records.length, 2);
  for (const r of records) {
    assert.deepEqual(Object.keys(r), ['file', 'format', 'arch', 'bits', 'endian', 'type', 'static', 'interpreter', 'needed', 'libc', 'versionNeeds', 'glibcFloor', 'glibcxxFloor', 'cxxabiFloor', 'rpath', 'runpath', 'stripped', 'pie', 'relro', 'nx', 'goBuildId', 'gnuBuildId', 'cpuLevel', 'upx', 'tzdata', 'usesLoadLocation', 'usesSystemRoots', 'embedsRoots', 'leakedPaths', 'buildInfo']);
    assert.deepEqual(Object.keys(r.buildInfo), ['goVersion', 'path', 'main', 'deps', 'settings']);
    assert.deepEqual(Object.keys(r.buildInfo.main), ['path', 'version', 'sum', 'replace']);
    assert.ok(['none', 'partial', 'full', 'n/a'].includes(r.relro));
  }
  assert.deepEqual(records[0].buildInfo.deps[0].replace, { path: './dep', version: '(devel)', sum: '', replace: null });
  assert.equal(records[1].relro, 'n/a');
});

test('inspect and inspect --json say where a binary runs: libc, version needs, glibc floor, CPU level, roots', async () => {
  const { o, out } = capture();
  const names = ['cgo', 'cgo-musl', 'goamd64-v3', 'tls-client', 'windows-386'];
  assert.equal(await runInspectCommand(['--json', ...names.map((n) => bin(n).path)], out), 0);
  const [cgo, musl, v3, tls, win] = JSON.parse(o.stdout);
  assert.equal(cgo.libc, 'glibc');
  assert.equal(cgo.versionNeeds[0].file, 'libc.so.6');
  assert.ok(cgo.versionNeeds[0].versions.includes(`GLIBC_${cgo.glibcFloor}`));
  assert.equal(musl.libc, 'musl');
  assert.deepEqual([musl.versionNeeds, musl.glibcFloor], [[], null]);
  assert.equal(v3.cpuLevel, 'GOAMD64=v3');
  assert.equal(v3.libc, 'none');
  assert.deepEqual([tls.usesSystemRoots, tls.embedsRoots, cgo.usesSystemRoots], [true, false, false]);
  assert.deepEqual([win.libc, win.cpuLevel], [null, 'GO386=sse2']);
  const text = capture();
  assert.equal(await runInspectCommand([bin('cgo').path, bin('tls-client').path], text.out), 0);
  assert.match(text.o.stdout, /\n  libc +glibc\n/);
  assert.match(text.o.stdout, new RegExp(`\\n  versions libc\\.so\\.6 +GLIBC_.*\\n  needs at least +GLIBC_${cgo.glibcFloor.replace('.', '\\.')}\\n`));
  assert.match(text.o.stdout, /\n  cpu level +GOAMD64=v1\n/);
  assert.match(text.o.stdout, /\n  ca roots +system roots loaded, own roots none\n/);
});

test('inspect --go-version-m equals go version -m, and exit codes', async () => {
  const f = bin('ldflags-quoted').path;
  const { o, out } = capture();
  assert.equal(await runInspectCommand(['--go-version-m', f], out), 0);
  assert.equal(o.stdout, (await run(GO, ['version', '-m', f])).stdout);

  const text = path.join(await mkdtemp(path.join(os.tmpdir(), 'grg-inspect-')), 'notes.txt');
  await writeFile(text, 'just some text, not a binary\n');
  const bad = capture();
  assert.equal(await runInspectCommand([f, text], bad.out), 1);
  assert.match(bad.o.stdout, /hardening +stripped no, PIE no, RELRO none, NX yes/);
  assert.equal(bad.o.stderr, `${text}: unrecognized file format: not ELF, PE or Mach-O (at file offset 0x0)\n`);

  for (const args of [[], ['--bogus', f], ['--json', '--go-version-m', f]]) {
    const u = capture();
    assert.equal(await runInspectCommand(args, u.out), 2, JSON.stringify(args));
    assert.match(u.o.stderr, /usage: go-release-gate inspect/);
  }
});
