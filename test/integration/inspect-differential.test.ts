// Differential test: src/inspect against tools no one here wrote, over real binaries.
// ELF facts against `readelf -hlSdnW`; build info against `go version -m`, byte for byte
// with no normalization (the blank line Go prints after a `=>` line is reproduced, not
// removed); PE facts against `objdump -p`. Corpus items that cannot be fetched here are
// reported as skipped tests naming the item and the reason.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspectFile, type BinaryInfo } from '../../src/inspect/binary.ts';
import { GO, loadCorpus, makeFat, type CorpusFile } from '../support/corpus.ts';
import { decide, readelf, readelfVersionNeeds } from '../support/readelf.ts';

const run = promisify(execFile);
const corpus = await loadCorpus();
const infos = new Map<string, BinaryInfo>();
for (const f of corpus.files) infos.set(f.id, await inspectFile(f.path, f.path));

async function goVersionM(file: string): Promise<{ stdout: string; code: number }> {
  try {
    const { stdout } = await run(GO, ['version', '-m', file], { env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '' }, maxBuffer: 16 << 20 });
    return { stdout, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; code: number };
    return { stdout: err.stdout, code: err.code };
  }
}

for (const s of corpus.skipped) {
  test(`corpus item ${s.item}`, (t) => t.skip(`not available here: ${s.reason}`));
}

test('the corpus holds fetched and self-built binaries of every format', () => {
  const formats = new Set([...infos.values()].map((i) => i.format));
  assert.deepEqual([...formats].sort(), ['elf', 'macho', 'pe']);
  assert.ok(corpus.files.some((f) => f.origin === 'self'));
});

for (const f of corpus.files) {
  const info = infos.get(f.id)!;
  if (info.format === 'elf') {
    test(`readelf agrees on ${f.id}`, async () => {
      const want = decide(await readelf(f.path));
      const got = {
        static: info.static,
        interpreter: info.interpreter,
        needed: info.needed,
        rpath: info.rpath,
        runpath: info.runpath,
        pie: info.pie,
        relro: info.relro,
        nx: info.nx,
        stripped: info.stripped,
        type: info.type,
      };
      assert.deepEqual(got, want);
    });
    test(`readelf -V agrees on the version needs, glibc floor and libc of ${f.id}`, async () => {
      await versionNeedsAgree(f.path, info);
    });
    test(`readelf agrees on the build ids of ${f.id}`, async () => {
      const r = await readelf(f.path);
      assert.equal(info.gnuBuildId, r.gnuBuildId);
      assert.equal(info.goBuildId, r.goBuildId);
    });
  }
  if (info.format === 'pe') {
    test(`objdump -p agrees on ${f.id}`, async (t) => {
      const { stdout } = await run('objdump', ['-p', f.path], { env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 16 << 20 });
      const dll = /DllCharacteristics\s+([0-9a-f]+)/.exec(stdout);
      assert.ok(dll, 'objdump printed DllCharacteristics');
      const flags = parseInt(dll[1], 16);
      assert.equal(info.pie, (flags & 0x40) !== 0, 'DYNAMIC_BASE');
      assert.equal(info.nx, (flags & 0x100) !== 0, 'NX_COMPAT');
      // objdump 2.40 sizes Go's compressed .zdebug_* sections uncompressed, so their ranges
      // overlap .idata and it then reads the import table from the wrong section; compare the
      // DLL list only where objdump found the table in .idata.
      const where = /There is an import table in (\S+)/.exec(stdout)?.[1];
      if (where === '.idata') assert.deepEqual(info.needed, [...stdout.matchAll(/DLL Name: (.*)/g)].map((m) => m[1].trim()));
      else t.annotate(`objdump located the import table in ${where}; DLL list not compared`);
      assert.equal(info.bits, /file format pei-x86-64/.test(stdout) ? 64 : 32);
    });
  }
  test(`go version -m agrees byte for byte on ${f.id}`, async () => {
    const go = await goVersionM(f.path);
    assert.equal(info.goVersionM ?? '', go.stdout);
    assert.equal(info.goVersionM !== null, go.code === 0, 'go version -m succeeds exactly when build info was read');
  });
}

/**
 * The floor is computed here from readelf's names, and the libc flavour from the interpreter
 * readelf shows, with the loader names of each libc (glibc ld-linux*, musl ld-musl-*).
 */
async function versionNeedsAgree(file: string, info: BinaryInfo): Promise<void> {
  const want = await readelfVersionNeeds(file);
  assert.deepEqual(info.versionNeeds, want);
  const floor = (prefix: string) => {
    const vs = want.flatMap((n) => n.versions).filter((v) => new RegExp(`^${prefix}_[0-9.]+$`).test(v)).map((v) => v.slice(prefix.length + 1));
    vs.sort((a, b) => {
      const [pa, pb] = [a.split('.').map(Number), b.split('.').map(Number)];
      for (let i = 0; i < 4; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
      return 0;
    });
    return vs.length ? vs[vs.length - 1] : null;
  };
  assert.equal(info.glibcFloor, floor('GLIBC'));
  assert.equal(info.glibcxxFloor, floor('GLIBCXX'));
  assert.equal(info.cxxabiFloor, floor('CXXABI'));
  const r = await readelf(file);
  const libc = r.interpreter === null ? (r.needed.length === 0 ? 'none' : null)
    : /\/ld-musl-[^/]+\.so\.1$/.test(r.interpreter) ? 'musl'
    : /\/ld-linux[^/]*\.so\.\d+$/.test(r.interpreter) ? 'glibc'
    : null;
  if (libc !== null) assert.equal(info.libc, libc, `interpreter ${r.interpreter}`);
  else assert.ok(info.libc !== null, 'an ELF file has a libc answer');
}

// Installed binaries of Debian packages on this machine (a C++ one among them: GLIBCXX_/CXXABI_ needs).
const SYSTEM_ELF = ['/usr/bin/apt', '/usr/bin/git', '/usr/bin/readelf', '/usr/bin/tar', '/usr/bin/gpgv'];
for (const file of SYSTEM_ELF) {
  test(`readelf -V agrees on the version needs of Debian's ${file}`, async (t) => {
    t.skip(!existsSync(file), `${file} is not installed here`);
    const info = await inspectFile(file, file);
    assert.equal(info.static, false);
    assert.equal(info.libc, 'glibc');
    assert.ok(info.glibcFloor, 'a Debian binary needs some GLIBC_ version');
    await versionNeedsAgree(file, info);
  });
}

test('the differential corpus has glibc, musl and C++ version needs', () => {
  const self = (n: string) => infos.get(`self:${n}`)!;
  assert.equal(self('cgo').libc, 'glibc');
  assert.match(self('cgo').glibcFloor ?? '', /^2\.\d+/);
  assert.equal(self('cgo-musl').libc, 'musl');
  assert.equal(self('cgo-musl').interpreter, '/lib/ld-musl-x86_64.so.1');
  assert.deepEqual(self('cgo-musl').versionNeeds, []);
  assert.ok(self('cgo-cxx').glibcxxFloor && self('cgo-cxx').cxxabiFloor, 'the C++ build needs GLIBCXX_ and CXXABI_ versions');
  assert.equal(self('trimpath-s-w').libc, 'none');
});

// What each self-built binary must show follows from how it was built, not from src/inspect.
function selfExpectations(f: CorpusFile, info: BinaryInfo): void {
  const b = f.build!;
  const setting = (k: string) => info.buildInfo?.settings.find((s) => s.key === k)?.value;
  assert.equal(info.format, b.goos === 'windows' ? 'pe' : b.goos === 'darwin' ? 'macho' : 'elf');
  assert.equal(info.arch, b.goarch);
  assert.equal(info.bits, b.goarch === '386' ? 32 : 64);
  assert.equal(info.endian, b.goarch === 's390x' ? 'big' : 'little');
  assert.equal(setting('GOOS'), b.goos);
  assert.equal(setting('GOARCH'), b.goarch);
  assert.equal(setting('CGO_ENABLED'), b.cgo ? '1' : '0');
  assert.ok(info.go);
  assert.equal(setting('vcs'), 'git');
  assert.equal(setting('vcs.modified'), b.dirty ? 'true' : 'false');
  const trimpath = b.flags.includes('-trimpath');
  assert.equal(setting('-trimpath'), trimpath ? 'true' : undefined);
  assert.equal(info.leakedPaths.count > 0, !trimpath, `leaked paths: ${info.leakedPaths.count}`);
  for (const p of info.leakedPaths.examples) assert.match(p, /^\/.*\.go$/);
  const stripFlags = b.flags.some((x) => x.includes('-s -w'));
  assert.equal(info.stripped, stripFlags);
  const tzdata = b.flags.includes('-tags=timetzdata') || b.pkg === './cmd/tz';
  assert.equal(info.tzdata, tzdata);
  assert.equal(info.usesLoadLocation, b.pkg === './cmd/app' || b.pkg === './cmd/tz');
  assert.equal(info.usesSystemRoots, b.pkg === './cmd/tls' || b.pkg === './cmd/tlsfb', 'only the TLS clients load the system roots');
  assert.equal(info.embedsRoots, b.pkg === './cmd/tlsfb', 'only the client that calls x509.SetFallbackRoots has roots of its own');
  if (b.goos === 'linux') {
    const pie = b.flags.includes('-buildmode=pie');
    const dynamic = b.cgo || pie;
    assert.equal(info.static, !dynamic);
    assert.equal(info.pie, pie);
    const musl = b.env?.CC === 'musl-gcc';
    assert.equal(info.needed.includes('libc.so.6'), b.cgo && !musl);
    assert.equal(info.libc, musl ? 'musl' : dynamic ? 'glibc' : 'none');
    if (b.goarch === 'amd64') assert.deepEqual(info.cpuLevel, { variable: 'GOAMD64', level: b.env?.GOAMD64 ?? 'v1', default: false });
    assert.equal(info.type, b.flags.includes('-buildmode=c-shared') ? 'shared-library' : 'executable');
    if (b.name === 'pie-external-full-relro') assert.equal(info.relro, 'full');
    if (b.name === 'pie-internal') assert.equal(info.needed.length, 0);
    assert.ok(info.gnuBuildId === null || /^[0-9a-f]{40}$/.test(info.gnuBuildId));
  } else {
    assert.equal(info.static, null);
    assert.equal(info.relro, 'n/a');
  }
  assert.ok(info.goBuildId && info.goBuildId.split('/').length >= 2, `Go build id ${info.goBuildId}`);
  if (b.name === 'local-replace') {
    const dep = info.buildInfo!.deps.find((d) => d.path === 'example.com/dep');
    assert.deepEqual(dep, { path: 'example.com/dep', version: 'v0.0.0', sum: '', replace: { path: './dep', version: '(devel)', sum: '', replace: null } });
  }
  if (b.name === 'ldflags-quoted') assert.equal(setting('-ldflags'), '-X "main.version=a b"');
  assert.equal(info.buildInfo?.main?.path, 'example.com/gatefixture');
}

for (const f of corpus.files.filter((x) => x.origin === 'self')) {
  test(`self-built ${f.build!.name} shows what its build asked for`, () => selfExpectations(f, infos.get(f.id)!));
}

test('fetched binaries show what their publishers document', () => {
  const byId = (re: RegExp) => [...infos.entries()].filter(([id]) => re.test(id)).map(([, i]) => i);
  for (const i of byId(/^npm:@esbuild\//)) {
    assert.ok(i.go, `${i.file}: esbuild is Go`);
    assert.equal(i.buildInfo, null, `${i.file}: esbuild ships without build info`);
  }
  const esbuild = (p: string) => byId(new RegExp(`^npm:@esbuild/${p}@`))[0];
  if (esbuild('linux-ia32')) assert.deepEqual([esbuild('linux-ia32').arch, esbuild('linux-ia32').bits], ['386', 32]);
  if (esbuild('linux-s390x')) assert.deepEqual([esbuild('linux-s390x').arch, esbuild('linux-s390x').endian], ['s390x', 'big']);
  if (esbuild('darwin-arm64')) assert.deepEqual([esbuild('darwin-arm64').format, esbuild('darwin-arm64').arch], ['macho', 'arm64']);
  if (esbuild('win32-x64')) assert.deepEqual([esbuild('win32-x64').format, esbuild('win32-x64').arch], ['pe', 'amd64']);
  for (const i of byId(/^npm:@bufbuild\//)) {
    assert.equal(i.buildInfo?.main?.version, '(devel)');
    assert.ok(i.buildInfo!.deps.length > 10);
    assert.ok(i.buildInfo!.deps.every((d) => d.sum.startsWith('h1:') || d.replace !== null));
  }
  for (const i of byId(/^deb:/)) {
    assert.match(i.buildInfo!.goVersion, /^go1\.19/);
    assert.equal(i.buildInfo!.main, null, 'Debian builds record only a path line');
  }
  const runc = byId(/^deb:runc=/)[0];
  if (runc) assert.ok(runc.needed.includes('libseccomp.so.2'));
});

test('a fat Mach-O file is read slice by slice, and go version -m agrees on it', async () => {
  const self = corpus.files.filter((f) => f.build?.goos === 'darwin');
  const fat = path.join(await mkdtemp(path.join(os.tmpdir(), 'grg-fat-')), 'universal');
  await makeFat(self.map((f) => f.path), fat);
  const info = await inspectFile(fat);
  assert.deepEqual(info.slices!.map((s) => s.arch), self.map((f) => f.build!.goarch));
  assert.equal(info.goVersionM, (await goVersionM(fat)).stdout);
});
