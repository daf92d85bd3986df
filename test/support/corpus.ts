// The real-binary corpus for the differential, property and benchmark runs: binaries no one
// here wrote (npm packages, Debian packages) plus binaries built here with /usr/local/go.
// Everything lives in a cache outside the repository. A fetched item that cannot be had is
// reported as skipped with its reason; the self-built binaries must always build.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

import { GO, testCacheDir } from './env.ts';

export { GO };
export const CACHE = process.env.GRG_TEST_CORPUS ?? testCacheDir('corpus');

export interface CorpusFile {
  /** Stable name: origin + path inside it. */
  id: string;
  path: string;
  origin: 'npm' | 'deb' | 'self';
  /** For self-built binaries: the target and what the build asked for. */
  build?: SelfBuild;
}

export interface Skipped {
  item: string;
  reason: string;
}

export interface Corpus {
  files: CorpusFile[];
  skipped: Skipped[];
}

/** Pinned npm packages that ship Go binaries. */
export const NPM_ITEMS = [
  'lefthook-linux-x64@2.2.2',
  '@bufbuild/buf-linux-x64@1.75.0',
  '@esbuild/linux-x64@0.28.2',
  '@esbuild/linux-ia32@0.28.2',
  '@esbuild/linux-s390x@0.28.2',
  '@esbuild/darwin-arm64@0.28.2',
  '@esbuild/win32-x64@0.28.2',
];

/** Debian bookworm packages with Go binaries (built with go1.19, cgo for runc). */
export const DEB_ITEMS = ['age=1.1.1-1+b3', 'direnv=2.32.1-2+b4', 'git-lfs=3.3.0-1+deb12u2', 'mkcert=1.4.4-1+b6', 'restic=0.14.0-1+b5', 'runc=1.1.5+ds1-1+deb12u1'];

async function hasExecutableMagic(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const b = Buffer.alloc(4);
    const { bytesRead } = await fh.read(b, 0, 4, 0);
    if (bytesRead < 4) return false;
    const m = b.readUInt32BE(0);
    return m === 0x7f454c46 || b[0] === 0x4d && b[1] === 0x5a || m === 0xcffaedfe || m === 0xcefaedfe || m === 0xfeedfacf || m === 0xfeedface || m === 0xcafebabe;
  } finally {
    await fh.close();
  }
}

async function executablesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    if ((await stat(p)).size >= 4096 && (await hasExecutableMagic(p))) out.push(p);
  }
  return out.sort();
}

function message(e: unknown): string {
  const err = e as { stderr?: string; message?: string };
  return (err.stderr || err.message || String(e)).trim().split('\n').slice(-2).join(' ');
}

async function fetchNpm(spec: string): Promise<string> {
  const dir = path.join(CACHE, 'npm', spec.replace(/[/@]/g, '_'));
  if (existsSync(path.join(dir, '.complete'))) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const { stdout } = await run('npm', ['pack', spec, '--pack-destination', dir, '--silent'], { cwd: dir, maxBuffer: 1 << 20 });
  const tgz = path.join(dir, stdout.trim().split('\n').pop()!);
  await run('tar', ['-xzf', tgz, '-C', dir]);
  await rm(tgz);
  await writeFile(path.join(dir, '.complete'), spec);
  return dir;
}

let aptUpdated = false;

async function fetchDeb(spec: string): Promise<string> {
  const name = spec.split('=')[0];
  const dir = path.join(CACHE, 'deb', spec.replace(/[=:+~]/g, '_'));
  if (existsSync(path.join(dir, '.complete'))) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  try {
    await run('apt-get', ['download', spec], { cwd: dir });
  } catch {
    // An empty package list (fresh machine) knows no versions: update once, then retry.
    if (aptUpdated) throw new Error(`apt-get download ${spec} failed`);
    aptUpdated = true;
    await run('apt-get', ['update'], { maxBuffer: 16 << 20 });
    await run('apt-get', ['download', spec], { cwd: dir });
  }
  const deb = (await readdir(dir)).find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'));
  if (!deb) throw new Error(`apt-get download ${spec} produced no .deb`);
  await run('dpkg-deb', ['-x', path.join(dir, deb), path.join(dir, 'root')]);
  await rm(path.join(dir, deb));
  await writeFile(path.join(dir, '.complete'), spec);
  return dir;
}

/** npm and Debian items, fetched once into the cache. */
export async function fetchedCorpus(): Promise<Corpus> {
  const files: CorpusFile[] = [];
  const skipped: Skipped[] = [];
  for (const spec of NPM_ITEMS) {
    try {
      const dir = await fetchNpm(spec);
      for (const p of await executablesUnder(dir)) files.push({ id: `npm:${spec}:${path.relative(dir, p)}`, path: p, origin: 'npm' });
    } catch (e) {
      skipped.push({ item: `npm:${spec}`, reason: message(e) });
    }
  }
  if (process.platform !== 'linux') {
    for (const spec of DEB_ITEMS) skipped.push({ item: `deb:${spec}`, reason: 'apt-get/dpkg-deb need a Debian host' });
  } else {
    for (const spec of DEB_ITEMS) {
      try {
        const dir = await fetchDeb(spec);
        const bins = (await executablesUnder(path.join(dir, 'root'))).filter((p) => /\/usr\/s?bin\//.test(p));
        for (const p of bins) files.push({ id: `deb:${spec}:${path.relative(path.join(dir, 'root'), p)}`, path: p, origin: 'deb' });
      } catch (e) {
        skipped.push({ item: `deb:${spec}`, reason: message(e) });
      }
    }
  }
  return { files, skipped };
}

// ---- self-built ----

export interface SelfBuild {
  name: string;
  goos: string;
  goarch: string;
  pkg: string;
  flags: string[];
  cgo: boolean;
  /** Built after the work tree was changed: vcs.modified=true. */
  dirty?: boolean;
  /** Extra environment for go build (CC=musl-gcc, GOAMD64=v3). */
  env?: Record<string, string>;
}

const LINUX = { goos: 'linux', goarch: 'amd64' };
export const SELF_BUILDS: SelfBuild[] = [
  { name: 'static-default', ...LINUX, pkg: './cmd/app', flags: [], cgo: false },
  { name: 'trimpath-s-w', ...LINUX, pkg: './cmd/app', flags: ['-trimpath', '-ldflags=-s -w'], cgo: false },
  { name: 'timetzdata-tag', ...LINUX, pkg: './cmd/app', flags: ['-trimpath', '-tags=timetzdata'], cgo: false },
  { name: 'tzdata-import', ...LINUX, pkg: './cmd/tz', flags: ['-trimpath'], cgo: false },
  { name: 'ldflags-quoted', ...LINUX, pkg: './cmd/app', flags: ['-ldflags=-X "main.version=a b"'], cgo: false },
  { name: 'local-replace', ...LINUX, pkg: './cmd/withdep', flags: ['-trimpath'], cgo: false },
  { name: 'cgo', ...LINUX, pkg: './cmd/cgo', flags: [], cgo: true },
  { name: 'pie-external-full-relro', ...LINUX, pkg: './cmd/app', flags: ['-buildmode=pie', '-ldflags=-linkmode=external -extldflags "-Wl,-z,relro,-z,now"'], cgo: true },
  { name: 'pie-internal', ...LINUX, pkg: './cmd/app', flags: ['-buildmode=pie', '-ldflags=-linkmode=internal'], cgo: false },
  { name: 'c-shared', ...LINUX, pkg: './cmd/lib', flags: ['-buildmode=c-shared'], cgo: true },
  { name: 'linux-386', goos: 'linux', goarch: '386', pkg: './cmd/app', flags: ['-trimpath'], cgo: false },
  { name: 'linux-s390x', goos: 'linux', goarch: 's390x', pkg: './cmd/app', flags: ['-trimpath'], cgo: false },
  { name: 'linux-arm64', goos: 'linux', goarch: 'arm64', pkg: './cmd/app', flags: ['-trimpath', '-ldflags=-s -w'], cgo: false },
  { name: 'windows-amd64', goos: 'windows', goarch: 'amd64', pkg: './cmd/app', flags: [], cgo: false },
  { name: 'windows-386', goos: 'windows', goarch: '386', pkg: './cmd/app', flags: ['-trimpath', '-ldflags=-s -w'], cgo: false },
  { name: 'darwin-amd64', goos: 'darwin', goarch: 'amd64', pkg: './cmd/app', flags: ['-trimpath'], cgo: false },
  { name: 'darwin-arm64', goos: 'darwin', goarch: 'arm64', pkg: './cmd/app', flags: [], cgo: false },
  { name: 'vcs-dirty', ...LINUX, pkg: './cmd/app', flags: ['-trimpath'], cgo: false, dirty: true },
  // For the run-on checks: a musl-linked cgo build (Debian's musl-tools), a C++ cgo build
  // (GLIBCXX_/CXXABI_ needs), a TLS client that uses the system roots, a GOAMD64=v3 build.
  { name: 'cgo-musl', ...LINUX, pkg: './cmd/cgo', flags: ['-trimpath'], cgo: true, env: { CC: 'musl-gcc' } },
  { name: 'cgo-cxx', ...LINUX, pkg: './cmd/cxx', flags: ['-trimpath'], cgo: true },
  { name: 'tls-client', ...LINUX, pkg: './cmd/tls', flags: ['-trimpath', '-ldflags=-s -w'], cgo: false },
  { name: 'tls-fallback-roots', ...LINUX, pkg: './cmd/tlsfb', flags: ['-trimpath', '-ldflags=-s -w'], cgo: false },
  { name: 'goamd64-v3', ...LINUX, pkg: './cmd/app', flags: ['-trimpath', '-ldflags=-s -w'], cgo: false, env: { GOAMD64: 'v3' } },
];

const SOURCES: Record<string, string> = {
  'go.mod': 'module example.com/gatefixture\n\ngo 1.21\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ./dep\n',
  'cmd/app/main.go': `package main

import (
\t"fmt"
\t"os"
\t"time"
)

var version = "dev"
var tab = ""

func main() {
\tloc, err := time.LoadLocation(os.Getenv("ZONE"))
\tfmt.Println(version, tab, loc, err)
}
`,
  'cmd/tz/main.go': `package main

import (
\t"fmt"
\t"time"
\t_ "time/tzdata"
)

func main() {
\tloc, err := time.LoadLocation("Europe/Paris")
\tfmt.Println(loc, err)
}
`,
  'cmd/withdep/main.go': `package main

import (
\t"fmt"

\t"example.com/dep"
)

func main() { fmt.Println(dep.Hello()) }
`,
  'cmd/cgo/main.go': `package main

/*
#include <stdlib.h>
static int twice(int x) { return 2 * x; }
*/
import "C"

import "fmt"

func main() { fmt.Println(C.twice(21), C.abs(-1)) }
`,
  'cmd/cxx/main.go': `package main

// #include "greet.h"
import "C"

import "fmt"

func main() { fmt.Println(C.greet_len()) }
`,
  'cmd/cxx/greet.h': 'int greet_len(void);\n',
  'cmd/cxx/greet.cc': `#include <string>
#include <stdexcept>
extern "C" int greet_len(void) {
  std::string s("hello");
  try { s += std::to_string(s.size()); } catch (const std::exception&) { return -1; }
  return (int)s.size();
}
`,
  'cmd/tls/main.go': `package main

import (
\t"crypto/tls"
\t"fmt"
\t"os"
)

func main() {
\tconn, err := tls.Dial("tcp", os.Getenv("ADDR"), &tls.Config{})
\tfmt.Println(conn, err)
}
`,
  'cmd/tlsfb/main.go': `package main

import (
\t"crypto/tls"
\t"crypto/x509"
\t"fmt"
\t"os"
)

// Roots of its own, used when the system has none (what golang.org/x/crypto/x509roots/fallback does).
func init() { x509.SetFallbackRoots(x509.NewCertPool()) }

func main() {
\tconn, err := tls.Dial("tcp", os.Getenv("ADDR"), &tls.Config{})
\tfmt.Println(conn, err)
}
`,
  'cmd/lib/main.go': `package main

import "C"

//export Add
func Add(a, b C.int) C.int { return a + b }

func main() {}
`,
  'dep/go.mod': 'module example.com/dep\n\ngo 1.21\n',
  'dep/dep.go': 'package dep\n\nfunc Hello() string { return "hello" }\n',
};

function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_DATE: '2024-01-02T03:04:05Z', GIT_COMMITTER_DATE: '2024-01-02T03:04:05Z' };
}

function goEnv(b: SelfBuild): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GOOS: b.goos, GOARCH: b.goarch, CGO_ENABLED: b.cgo ? '1' : '0', GOTOOLCHAIN: 'local', GOFLAGS: '', GOWORK: 'off', GOPROXY: 'off' };
  delete env.GOEXPERIMENT;
  delete env.GOAMD64;
  delete env.CC;
  Object.assign(env, b.env ?? {});
  return env;
}

async function goVersion(): Promise<string> {
  return (await run(GO, ['version'])).stdout.trim();
}

// Bump when buildAll changes how it builds, so cached binaries are rebuilt.
const RECIPE = 2;

let selfBuilt: Promise<CorpusFile[]> | undefined;

/**
 * Builds every SELF_BUILDS entry (once per cache key: Go version + sources + builds) in a
 * git work tree so builds are vcs-stamped; the "dirty" ones after changing a file.
 */
export function selfBuiltCorpus(): Promise<CorpusFile[]> {
  selfBuilt ??= buildAll();
  return selfBuilt;
}

async function buildAll(): Promise<CorpusFile[]> {
  const key = createHash('sha256').update(JSON.stringify([RECIPE, await goVersion(), SOURCES, SELF_BUILDS])).digest('hex').slice(0, 16);
  const out = path.join(CACHE, 'self', key);
  const files = SELF_BUILDS.map((b) => ({ id: `self:${b.name}`, path: path.join(out, b.name + (b.goos === 'windows' ? '.exe' : '')), origin: 'self' as const, build: b }));
  if (existsSync(path.join(out, '.complete'))) return files;
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const src = await mkdtemp(path.join(os.tmpdir(), 'grg-fixture-'));
  try {
    for (const [name, text] of Object.entries(SOURCES)) {
      await mkdir(path.dirname(path.join(src, name)), { recursive: true });
      await writeFile(path.join(src, name), text);
    }
    const git = (...args: string[]) => run('git', ['-c', 'user.name=fixture', '-c', 'user.email=fixture@example.com', ...args], { cwd: src, env: gitEnv() });
    await git('init', '-q');
    await git('add', '-A');
    await git('commit', '-q', '-m', 'fixture');
    for (const dirty of [false, true]) {
      if (dirty) await writeFile(path.join(src, 'cmd/app/main.go'), SOURCES['cmd/app/main.go'] + '\n// changed after the commit\n');
      for (const f of files.filter((x) => (x.build.dirty ?? false) === dirty)) {
        await run(GO, ['build', '-buildvcs=true', '-o', f.path, ...f.build.flags, f.build.pkg], { cwd: src, env: goEnv(f.build), maxBuffer: 16 << 20 });
      }
    }
    await writeFile(path.join(out, '.complete'), key);
    return files;
  } finally {
    await rm(src, { recursive: true, force: true });
  }
}

/** A fat Mach-O file made from two thin ones (the layout lipo writes), for the fat reader. */
export async function makeFat(thin: string[], dest: string): Promise<void> {
  const ALIGN = 1 << 14;
  const bodies = await Promise.all(thin.map((p) => readFile(p)));
  const header = Buffer.alloc(8 + 20 * bodies.length);
  header.writeUInt32BE(0xcafebabe, 0);
  header.writeUInt32BE(bodies.length, 4);
  const parts: Buffer[] = [header];
  let offset = header.length;
  bodies.forEach((b, i) => {
    const start = Math.ceil(offset / ALIGN) * ALIGN;
    parts.push(Buffer.alloc(start - offset));
    const e = 8 + 20 * i;
    header.writeUInt32BE(b.readUInt32LE(4), e); // cputype
    header.writeUInt32BE(b.readUInt32LE(8), e + 4); // cpusubtype
    header.writeUInt32BE(start, e + 8);
    header.writeUInt32BE(b.length, e + 12);
    header.writeUInt32BE(14, e + 16);
    parts.push(b);
    offset = start + b.length;
  });
  await writeFile(dest, Buffer.concat(parts));
}

/** Everything: fetched items (with skips) and self-built binaries. */
export async function loadCorpus(): Promise<Corpus> {
  const fetched = await fetchedCorpus();
  return { files: [...fetched.files, ...(await selfBuiltCorpus())], skipped: fetched.skipped };
}
