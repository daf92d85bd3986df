// Benchmark: the scan's two costs besides Trivy's own matching.
//  1. One `trivy rootfs` over the directory of all binaries (what the scan stage does) against one
//     `trivy rootfs` per binary (each in a directory of its own), same run, alternating rounds.
//     The binaries: the fixture module with a vulnerable golang.org/x/text, built for several
//     targets with the real Go; the real pinned Trivy; the fixture DB, offline.
//  2. The vulnerability DB: restored from a cache entry (the CLI's local cache store: one tar
//     archive) against fetched from a real OCI registry on loopback (go-containerregistry's,
//     the fixture DB pushed with oras) with Trivy's download-only mode, as the scan stage does.
//
//   node_modules/.bin/node bench/trivy.ts [ROUNDS] [--write]
// ROUNDS (default 5), medians reported. --write replaces the "trivy" section of BENCHMARKS.md.
// Needs scripts/tools/{trivy,registry,oras}.sh built (node scripts/test.mjs builds them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { trivyScanArgs } from '../src/scan/trivy.ts';
import { fetchDb } from '../src/scan/db.ts';
import { localCacheStore } from '../src/cli/cache-store.ts';
import { nodeExec } from '../src/cli/exec.ts';
import { GO, goTestEnv } from '../test/support/gomodules.ts';
import { fixtureTrivyCache, trivyBin, VULN_MAIN, vulnGoMod, TRIVY_VERSION } from '../test/support/trivy.ts';
import { pushDb, startRegistry } from '../test/support/registry.ts';
import { formatBytes } from '../src/report/escape.ts';

const run = promisify(execFile);
const args = process.argv.slice(2);
const write = args.includes('--write');
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const TARGETS = ['linux/amd64', 'linux/arm64', 'darwin/amd64', 'darwin/arm64', 'windows/amd64', 'linux/386'];

const cleanups: (() => void)[] = [];
const t = { onTestFinished: (fn: () => unknown) => void cleanups.push(fn) };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-bench-trivy-'));
cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }));

// The binaries.
const mod = path.join(work, 'mod');
fs.mkdirSync(mod);
fs.writeFileSync(path.join(mod, 'go.mod'), vulnGoMod('v0.3.7'));
fs.writeFileSync(path.join(mod, 'main.go'), VULN_MAIN);
execFileSync(GO, ['mod', 'tidy'], { cwd: mod, env: goTestEnv() });
const all = path.join(work, 'bin');
fs.mkdirSync(all);
for (const target of TARGETS) {
  const [goos, goarch] = target.split('/');
  const name = `app_${goos}_${goarch}${goos === 'windows' ? '.exe' : ''}`;
  execFileSync(GO, ['build', '-trimpath', '-ldflags=-s -w', '-o', path.join(all, name), '.'], { cwd: mod, env: goTestEnv({ GOOS: goos, GOARCH: goarch, CGO_ENABLED: '0' }) });
}
const bins = fs.readdirSync(all).sort();
const single = bins.map((b) => {
  const d = path.join(work, 'one', b);
  fs.mkdirSync(d, { recursive: true });
  fs.copyFileSync(path.join(all, b), path.join(d, b));
  return d;
});

const trivy = trivyBin();
const cacheDir = fixtureTrivyCache(t);
const trivyEnv = { PATH: process.env.PATH ?? '', HOME: work };
async function rootfs(dir: string): Promise<number> {
  const out = path.join(work, `out-${Math.random().toString(36).slice(2)}.json`);
  await run(trivy, trivyScanArgs('rootfs', dir, { cacheDir, skipDbUpdate: true, output: out }), { cwd: work, env: trivyEnv, maxBuffer: 64 << 20 });
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out);
  return (report.Results ?? []).filter((r: { Type?: string }) => r.Type === 'gobinary').length;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

// Warm-up (page cache, the binary's first start), and a check that both ways read every binary.
const seen = await rootfs(all);
let seenSingly = 0;
for (const d of single) seenSingly += await rootfs(d);
if (seen !== bins.length || seenSingly !== bins.length) throw new Error(`Trivy read ${seen} / ${seenSingly} of ${bins.length} binaries`);
const oneRun: number[] = [];
const perBinary: number[] = [];
for (let r = 0; r < rounds; r++) {
  oneRun.push(await time(() => rootfs(all)));
  perBinary.push(await time(async () => {
    for (const d of single) await rootfs(d);
  }));
}

// The DB: a cache entry vs the registry.
const registry = await startRegistry();
cleanups.push(() => void registry.close());
pushDb(registry.host, 'aquasecurity/trivy-db', cacheDir);
const dbBytes = fs.readdirSync(path.join(cacheDir, 'db')).reduce((n, f) => n + fs.statSync(path.join(cacheDir, 'db', f)).size, 0);
const store = localCacheStore(path.join(work, 'store'));
const saved = path.join(work, 'saved-trivy');
fs.cpSync(path.join(cacheDir, 'db'), path.join(saved, 'db'), { recursive: true });
await store.save([saved], 'go-release-gate-v1-trivydb-Linux-bench');
const silent = { info: () => {}, debug: () => {}, warning: () => {}, error: () => {}, group: <T>(_: string, fn: () => Promise<T>) => fn(), mask: () => {} };
const restoreTimes: number[] = [];
const fetchTimes: number[] = [];
for (let r = 0; r <= rounds; r++) {
  const a = path.join(work, `restore-${r}`);
  const restore = await time(async () => {
    const got = await store.restore([a], 'go-release-gate-v1-trivydb-Linux-today', ['go-release-gate-v1-trivydb-Linux-']);
    if (!got.matchedKey || !fs.existsSync(path.join(a, 'db', 'trivy.db'))) throw new Error('restore missed');
  });
  const b = path.join(work, `fetch-${r}`);
  const fetch = await time(() => fetchDb({ exec: nodeExec, trivy, env: trivyEnv, cacheDir: b, repositories: [`${registry.host}/aquasecurity/trivy-db:2`], tempDir: work, log: silent, rounds: 1 }));
  if (r === 0) continue; // warm-up
  restoreTimes.push(restore);
  fetchTimes.push(fetch);
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const goVersion = execFileSync(GO, ['version'], { encoding: 'utf8' }).trim();
const o = median(oneRun);
const p = median(perBinary);
const rs = median(restoreTimes);
const f = median(fetchTimes);
const section = `## trivy

The scan stage's two choices besides Trivy's own matching, with the real pinned Trivy ${TRIVY_VERSION}, same
run, alternating rounds. Command:

\`\`\`sh
node_modules/.bin/node bench/trivy.ts ${rounds} --write
\`\`\`

Machine: ${os.cpus().length} cores, ${cpu} (shared, loaded); ${goVersion}; Node ${process.version}; ${rounds} rounds, medians.

One \`trivy rootfs\` over the output directory against one \`trivy rootfs\` per binary, ${bins.length} binaries
(the fixture module with golang.org/x/text v0.3.7 built for ${TARGETS.join(', ')}; the fixture DB, offline):

| Scan | Time |
| --- | --- |
| one rootfs run for all ${bins.length} binaries | ${o.toFixed(0)} ms |
| one rootfs run per binary | ${p.toFixed(0)} ms |
| Ratio (per binary / one run) | ${(p / o).toFixed(1)}x |

The vulnerability DB (the fixture DB, ${formatBytes(dbBytes)} on disk): restored from a cache entry
(the CLI's local cache store, one tar archive) against fetched from go-containerregistry's
registry on loopback with \`trivy image --download-db-only\` (as the scan stage fetches it):

| DB | Time |
| --- | --- |
| restore from the cache | ${rs.toFixed(0)} ms |
| download from the loopback registry | ${f.toFixed(0)} ms |
| Ratio (download / restore) | ${(f / rs).toFixed(1)}x |

The fixture DB is small, so both rows are mostly fixed costs (a Trivy start and OCI round
trips against a tar extraction); the real DB is far larger and comes over the internet, where
rate limits (429 TOOMANYREQUESTS) are the usual failure: the restore also saves those requests.
`;

process.stdout.write(section);
if (write) {
  const file = path.join(import.meta.dirname, '..', 'BENCHMARKS.md');
  let text = fs.readFileSync(file, 'utf8');
  const start = text.search(/^## trivy$/m);
  if (start >= 0) {
    const rest = text.slice(start + 1).search(/^## /m);
    text = text.slice(0, start) + section + (rest >= 0 ? '\n' + text.slice(start + 1 + rest) : '');
  } else {
    text = text.replace(/\n*$/, '\n\n') + section;
  }
  fs.writeFileSync(file, text);
}
await registry.close();
for (const fn of cleanups.reverse()) fn();
