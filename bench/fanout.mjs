// Fan-out: merge time and memory for 3 and 12 shards of a module with many binaries, and the
// wall time of N shards run side by side against one job building every target, on this
// machine. Run: node_modules/.bin/node bench/fanout.mjs [rounds]
// Every run goes through dist/cli.js with a warm Go build cache (primed by one unmeasured
// run), scan off. The merge is measured in a child process of its own
// (process.resourceUsage().maxRSS is that process's peak resident memory).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');

if (process.argv[2] === '--probe-merge') {
  // Child: one merge, in process, reporting its own time and peak memory.
  const { runMerge } = await import(path.join(root, 'src', 'fanout', 'merge-run.ts'));
  const [out, ...dirs] = process.argv.slice(3);
  const quiet = { info() {}, debug() {}, warning() {}, error() {}, group: (_n, f) => f(), mask() {} };
  const t0 = performance.now();
  const r = await runMerge({ outDir: out, sources: dirs.map((d) => ({ dir: d, name: path.basename(path.dirname(d)) })), workspace: path.dirname(out), log: quiet });
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS, verdict: r.record.verdict.passed, binaries: r.record.artifacts.length }));
  process.exit(0);
}

const rounds = Number(process.argv[2] ?? 3);
const CMDS = 8;
const TARGETS = 'linux/amd64,linux/arm64,darwin/amd64,darwin/arm64,windows/amd64,windows/arm64';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-bench-fanout-'));
// The user's own build cache (primed below for these targets): a cold cache measures compiling
// the standard library six times, not the fan-out.
const env = { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-buildvcs=false', GITHUB_SHA: 'ab'.repeat(20), GITHUB_WORKSPACE: '' };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const src = path.join(work, 'src');
fs.mkdirSync(src);
fs.writeFileSync(path.join(src, 'go.mod'), 'module example.com/many\n\ngo 1.22\n');
for (let i = 0; i < CMDS; i++) {
  const dir = path.join(src, 'cmd', `tool${i}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'main.go'), `package main\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc main() { fmt.Println(${i}, http.StatusOK) }\n`);
}
let seq = 0;
const checkout = () => {
  const ws = path.join(work, `ws-${seq++}`);
  fs.cpSync(src, ws, { recursive: true });
  return ws;
};
const args = (extra) => ['run', '--dir', '.', '--targets', TARGETS, '--out', 'gate-out', '--scan', 'off', ...extra];

function runAsync(argv, cwd) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const c = spawn(process.execPath, [cli, ...argv], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    c.stderr.on('data', (b) => (err += b));
    c.on('close', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${argv.join(' ')}: exit ${code}\n${err.slice(-2000)}`))));
  });
}

// Prime the build cache (std for every target), unmeasured.
await runAsync(args([]), checkout());

const jobs = CMDS * TARGETS.split(',').length;
const results = { one: [], side: { 3: [], 12: [] }, alone: { 3: [], 12: [] }, merge: { 3: [], 12: [] } };
for (let r = 0; r < rounds; r++) {
  results.one.push(await runAsync(args([]), checkout()));
  for (const n of [3, 12]) {
    const wss = Array.from({ length: n }, () => checkout());
    const t0 = performance.now();
    await Promise.all(wss.map((ws, i) => runAsync(args(['--shard', `${i + 1}/${n}`]), ws)));
    results.side[n].push(performance.now() - t0);
    // Each shard alone, one after the other: the longest is what n runners of this size would take.
    let longest = 0;
    for (const [i, ws] of wss.entries()) longest = Math.max(longest, await runAsync(args(['--shard', `${i + 1}/${n}`]), ws));
    results.alone[n].push(longest);
    const out = path.join(work, `merged-${seq++}`);
    const p = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--probe-merge', out, ...wss.map((ws) => path.join(ws, 'gate-out'))], { env, encoding: 'utf8' });
    if (p.status !== 0) throw new Error(`merge probe: ${p.stderr}`);
    const m = JSON.parse(p.stdout);
    if (!m.verdict || m.binaries !== jobs) throw new Error(`merge of ${n} shards: ${p.stdout}`);
    results.merge[n].push(m);
  }
}

const bytes = fs.readdirSync(path.join(work, 'ws-1', 'gate-out')).filter((n) => n.includes('_')).reduce((s, n) => s + fs.statSync(path.join(work, 'ws-1', 'gate-out', n)).size, 0);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const gov = spawnSync('go', ['version'], { env, encoding: 'utf8' }).stdout.trim();
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log(`Machine: ${os.availableParallelism()} cores, ${cpu}; ${gov}; Node ${process.version}; load average ${os.loadavg()[0].toFixed(1)} at the end (shared machine); ${rounds} rounds, medians.`);
console.log(`Module: ${CMDS} commands x 6 targets = ${jobs} binaries, ${(bytes / 1048576).toFixed(0)} MiB; warm build cache; scan off.\n`);
console.log('| Shards | Merge time | Merge peak RSS | N shards side by side (wall) | Longest single shard alone | One job, every target |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const n of [3, 12]) {
  console.log(`| ${n} | ${median(results.merge[n].map((m) => m.ms)).toFixed(0)} ms | ${(median(results.merge[n].map((m) => m.maxRssKiB)) / 1024).toFixed(0)} MiB | ${s(median(results.side[n]))} | ${s(median(results.alone[n]))} | ${s(median(results.one))} |`);
}
fs.rmSync(work, { recursive: true, force: true });
