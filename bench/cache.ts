// Benchmark: the gate's Go caches on a real module with a few dozen dependencies
// (github.com/charmbracelet/gum v0.17.0: 53 modules, fetched through the Go module proxy), run
// as the runner runs the Action (dist/main.js, then dist/post.js) against the loopback cache
// service, so @actions/cache does the real archive, upload and download work.
//
//  1. Cold vs warm: the main step with empty caches, then the next job on the same commit.
//     Once with modules from the Go module proxy, GOPROXY's default (what a first job really costs), once from a
//     file:// proxy on this disk (download time out of the picture: the build cache alone).
//  2. The saved build cache after five successive commits (two dependency bumps, an API change
//     in a package 19 others import, ...). Jobs two hours apart: each post step drops what its
//     commit no longer used. Jobs minutes apart: Go's mtimes cannot tell used from unused, so
//     nothing is dropped: the cache grows as it does without trimming (setup-go, actions/cache).
//     "Two hours apart" is made by moving each finished job back in time (its plan's start and
//     every mtime in its GOCACHE together) before its post step; see test/support/cache-runs.ts.
//
//   npm run bundle && node_modules/.bin/node bench/cache.ts [ROUNDS] [--write]
// ROUNDS (default 3) cold/warm pairs per proxy, medians reported.
// --write replaces the "cache" section of BENCHMARKS.md (other sections are kept).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Runner, type StepResult } from '../test/support/runner.ts';
import { startCacheServer, type CacheServer } from '../test/support/cache-server.ts';
import { emptyRunnerTemp, goCacheArchive, moveJobBack, planOf } from '../test/support/cache-runs.ts';
import { GO } from '../test/support/cache-fixture.ts';
import { removeTree } from '../src/cache/disk.ts';
import { formatBytes } from '../src/report/escape.ts';

const args = process.argv.slice(2);
const write = args.includes('--write');
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(os.homedir(), '.cache', 'go-release-gate-test', 'bench-cache');
const benchModcache = path.join(work, 'gomodcache');
const MODULE = 'github.com/charmbracelet/gum@v0.17.0';
const HOUR = 60 * 60 * 1000;

function goEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  for (const k of ['GOFLAGS', 'GOPROXY', 'GOSUMDB', 'GOWORK', 'GOCACHE']) delete env[k];
  return { ...env, GOTOOLCHAIN: 'local', GOMODCACHE: benchModcache, GOFLAGS: '-modcacherw', ...extra };
}

function go(args: string[], cwd: string): string {
  return execFileSync(GO, args, { cwd, env: goEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const goVersion = go(['env', 'GOVERSION'], os.tmpdir()).trim().replace(/^go/, '');

function sourceDir(): string {
  const info = JSON.parse(go(['mod', 'download', '-json', MODULE], os.tmpdir())) as { Dir: string };
  return info.Dir;
}

/** A checkout of the module at <ws>/gum, writable (the module cache copy is read-only). */
function checkout(): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-bench-cache-ws-'));
  fs.cpSync(sourceDir(), path.join(ws, 'gum'), { recursive: true });
  execFileSync('chmod', ['-R', 'u+w', ws]);
  return ws;
}

// The commits after the first, applied to a checkout in place. Dependency bumps go through the
// module proxy here, outside the timed gate runs; the gate then reads them from the file proxy.
const COMMITS: { name: string; apply(app: string): void }[] = [
  { name: 'gum v0.17.0 as released', apply: () => undefined },
  { name: 'bump golang.org/x/sys v0.33.0 -> v0.34.0', apply: (app) => void go(['get', 'golang.org/x/sys@v0.34.0'], app) },
  {
    name: 'new exported function in package style (imported by 19 files)',
    apply: (app) => fs.writeFileSync(path.join(app, 'style', 'bench_commit.go'), 'package style\n\n// Commit3 exists so that importers of style recompile.\nfunc Commit3() string { return "3" }\n'),
  },
  { name: 'bump golang.org/x/text v0.28.0 -> v0.29.0', apply: (app) => void go(['get', 'golang.org/x/text@v0.29.0'], app) },
  { name: 'bump github.com/yuin/goldmark v1.7.8 -> v1.7.10', apply: (app) => void go(['get', 'github.com/yuin/goldmark@v1.7.10'], app) },
];

interface Setup {
  server: CacheServer;
  ws: string;
  home: string;
  proxy: string;
}

async function setup(proxy: string): Promise<Setup> {
  return { server: await startCacheServer(), ws: checkout(), home: fs.mkdtempSync(path.join(os.tmpdir(), 'grg-bench-cache-home-')), proxy };
}

async function teardown(s: Setup): Promise<void> {
  await s.server.close();
  removeTree(s.ws);
  removeTree(s.home);
}

function runner(s: Setup, runId: number): Runner {
  emptyRunnerTemp(s.home);
  const env: Record<string, string> = { ...s.server.env, ...(s.proxy ? { GOPROXY: s.proxy } : {}), GOFLAGS: '-buildvcs=false', GITHUB_RUN_ID: String(runId) };
  return new Runner({ workspace: s.ws, home: s.home, inputs: { 'working-directory': 'gum', 'go-version': goVersion, targets: 'linux/amd64' }, env });
}

function check(step: StepResult, what: string): void {
  if (step.code !== 0 || (step.outputs.verdict && step.outputs.verdict !== 'pass')) {
    throw new Error(`${what} failed (exit ${step.code}):\n${step.stdout.split('\n').filter((l) => !l.startsWith('::debug')).join('\n')}\n${step.stderr}`);
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: Math.round(performance.now() - t0) };
}

interface ColdWarm { proxy: string; coldMs: number; coldPostMs: number; warmMs: number; warmPostMs: number; modBytes: number; buildBytes: number; warmHit: string }

async function coldWarm(proxyName: string, proxy: string): Promise<ColdWarm> {
  const s = await setup(proxy);
  try {
    const cold = runner(s, 1);
    const c = await timed(() => cold.main());
    check(c.value, 'cold main');
    const cp = await timed(() => cold.post());
    check(cp.value, 'cold post');
    const warm = runner(s, 2);
    const w = await timed(() => warm.main());
    check(w.value, 'warm main');
    const wp = await timed(() => warm.post());
    check(wp.value, 'warm post');
    const [mod, build] = planOf(cold).slots;
    return {
      proxy: proxyName,
      coldMs: c.ms,
      coldPostMs: cp.ms,
      warmMs: w.ms,
      warmPostMs: wp.ms,
      modBytes: s.server.entry(mod.key)?.size ?? 0,
      buildBytes: s.server.entry(build.key)?.size ?? 0,
      warmHit: `${planOf(warm).slots.map((x) => `${x.kind} ${x.state}`).join(', ')}`,
    };
  } finally {
    await teardown(s);
  }
}

interface ChainJob { commit: string; goCacheBytes: number; archiveBytes: number; mainMs: number; dropped: string }

async function chain(apart: boolean): Promise<ChainJob[]> {
  const s = await setup(`file://${path.join(benchModcache, 'cache', 'download')}`);
  const jobs: ChainJob[] = [];
  try {
    for (const [i, commit] of COMMITS.entries()) {
      commit.apply(path.join(s.ws, 'gum'));
      const r = runner(s, 100 + i);
      const main = await timed(() => r.main());
      check(main.value, `commit ${i + 1} main`);
      if (apart) moveJobBack(r, 2 * HOUR);
      const post = await r.post();
      check(post, `commit ${i + 1} post`);
      const build = planOf(r).slots[1];
      const saved = goCacheArchive(s.server, build.key);
      const line = post.stdout.split('\n').find((l) => l.startsWith('GOCACHE: dropped')) ?? '';
      jobs.push({ commit: commit.name, goCacheBytes: saved.bytes, archiveBytes: s.server.entry(build.key)!.size, mainMs: main.ms, dropped: line.replace(/^GOCACHE: /, '') });
      process.stderr.write(`${apart ? 'apart' : 'back-to-back'} ${i + 1}: ${formatBytes(saved.bytes)} (${line})\n`);
    }
    return jobs;
  } finally {
    await teardown(s);
  }
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.availableParallelism()} cores, ${cpu}; go${goVersion} ${process.platform}/${process.arch}; Node ${process.version}`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : Math.round((s[s.length / 2 - 1] + s[s.length / 2]) / 2);
}

/** Medians over rounds of cold/warm pairs (each pair on a fresh cache service). */
async function coldWarmRounds(proxyName: string, proxy: string): Promise<ColdWarm & { rounds: number; ratios: number[] }> {
  const all: ColdWarm[] = [];
  for (let i = 0; i < rounds; i++) {
    all.push(await coldWarm(proxyName, proxy));
    process.stderr.write(`${JSON.stringify(all.at(-1))}\n`);
  }
  const m = (k: 'coldMs' | 'coldPostMs' | 'warmMs' | 'warmPostMs') => median(all.map((x) => x[k]));
  return { ...all[0], coldMs: m('coldMs'), coldPostMs: m('coldPostMs'), warmMs: m('warmMs'), warmPostMs: m('warmPostMs'), rounds, ratios: all.map((x) => x.warmMs / x.coldMs) };
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'dist', 'main.js'))) throw new Error('run npm run bundle first');
  fs.mkdirSync(work, { recursive: true });
  const loadBefore = os.loadavg()[0].toFixed(1);
  process.stderr.write(`fetching ${MODULE} and the commits' modules through the module proxy\n`);
  const prep = checkout();
  for (const c of COMMITS) {
    // Everything the gate's go commands need at each commit (build, verify, tidy -diff), so the
    // runs with the file:// proxy never miss a module.
    c.apply(path.join(prep, 'gum'));
    go(['mod', 'download', 'all'], path.join(prep, 'gum'));
    try {
      go(['mod', 'tidy', '-diff'], path.join(prep, 'gum'));
    } catch {
      // a diff is fine here: only the downloads matter
    }
  }
  removeTree(prep);
  const modules = go(['list', '-m', 'all'], path.join(sourceDir())).trim().split('\n').length - 1;

  const pairs = [await coldWarmRounds('the Go module proxy (GOPROXY default)', ''), await coldWarmRounds('file:// proxy on local disk', `file://${path.join(benchModcache, 'cache', 'download')}`)];
  const trimmed = await chain(true);
  const untrimmed = await chain(false);
  const fresh = trimmed[0].goCacheBytes;

  const lines = [
    '## cache',
    '',
    `The Go module and build caches through \`dist/main.js\` + \`dist/post.js\` (as the runner starts them) and`,
    '`@actions/cache` against the loopback cache service (test/support/cache-server.ts), on',
    `\`${MODULE}\` (${modules} modules in its build list, fetched through the Go module proxy). Command:`,
    '',
    '```sh',
    `npm run bundle && node_modules/.bin/node bench/cache.ts ${rounds} --write`,
    '```',
    '',
    `Machine: ${machine()}; load average ${loadBefore} before, ${os.loadavg()[0].toFixed(1)} after. Cold/warm: ${rounds} pairs per row, medians; the five-commit chains ran once each. Timings are wall-clock for the whole step: Node start, every stage, the cache restore.`,
    '',
    '### Cold vs warm',
    '',
    'Cold: empty cache service. Warm: the next job on the same commit (new run id). The cold job also',
    'compiles the standard library: its GOCACHE starts empty, as on a fresh runner.',
    '',
    '| Modules from | Cold main step | Warm main step | Warm / cold (each pair) | Caches on the warm job | Post step cold / warm | Saved archives (modules, build) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...pairs.map((p) => `| ${p.proxy} | ${secs(p.coldMs)} | ${secs(p.warmMs)} | ${(p.warmMs / p.coldMs).toFixed(2)}x (${p.ratios.map((r) => r.toFixed(2)).join(', ')}) | ${p.warmHit} | ${secs(p.coldPostMs)} / ${secs(p.warmPostMs)} | ${formatBytes(p.modBytes)}, ${formatBytes(p.buildBytes)} |`),
    '',
    `Goal: warm at most 0.3x cold. ${pairs.every((p) => p.warmMs / p.coldMs <= 0.3) ? 'Met' : 'Not met'} for ${pairs.filter((p) => p.warmMs / p.coldMs <= 0.3).map((p) => p.proxy).join(' and ') || 'neither'}.`,
    '',
    '### Build cache after five commits',
    '',
    'Bytes of GOCACHE in the archive each post step saved (uncompressed; the compressed archive in parentheses).',
    'Jobs two hours apart: each post step drops the entries its commit did not use. Jobs minutes apart:',
    'every entry is younger than Go\'s one-hour mtime interval, so nothing can be told unused and nothing',
    'is dropped, which is what the cache does without trimming.',
    '',
    `| Commit | Jobs two hours apart (trimmed) | Jobs minutes apart (untrimmed) | Main step (apart) |`,
    '| --- | --- | --- | --- |',
    ...COMMITS.map((c, i) => `| ${i + 1}. ${c.name} | ${formatBytes(trimmed[i].goCacheBytes)} (${formatBytes(trimmed[i].archiveBytes)}) | ${formatBytes(untrimmed[i].goCacheBytes)} (${formatBytes(untrimmed[i].archiveBytes)}) | ${secs(trimmed[i].mainMs)} |`),
    '',
    `After five commits, against the single fresh build of commit 1 (${formatBytes(fresh)}): trimmed ${(trimmed[4].goCacheBytes / fresh).toFixed(2)}x, untrimmed ${(untrimmed[4].goCacheBytes / fresh).toFixed(2)}x.`,
    `Goal: trimmed at most 1.2x. ${trimmed[4].goCacheBytes / fresh <= 1.2 ? 'Met' : 'Not met'}.`,
    '',
    '<details><summary>What each trimmed post step dropped</summary>',
    '',
    ...trimmed.map((j, i) => `${i + 1}. ${j.dropped}`),
    '',
    '</details>',
    '',
  ];
  const section = lines.join('\n');
  process.stdout.write(`${section}\n`);
  if (write) {
    const file = path.join(root, 'BENCHMARKS.md');
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n\nEvery figure comes with the command that made it; rerun it on your machine to compare.\n';
    const re = /^## cache\n[\s\S]*?(?=^## |(?![\s\S]))/m;
    const next = re.test(text) ? text.replace(re, `${section}\n`) : `${text.trimEnd()}\n\n${section}`;
    fs.writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
  }
}

await main();
