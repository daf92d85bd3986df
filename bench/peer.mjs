// The whole gate (toolchain, caches, modules, build, inspect, reports; scan and sign off) against
// the peer a user would pick to build release binaries: `goreleaser build --snapshot --clean`,
// same targets, same flags (-trimpath, -s -w -buildid=, CGO_ENABLED=0), same warm GOCACHE and
// module cache, alternating rounds after a warm-up, both tools' binaries compared byte for byte
// in the same run. Cold: both start from an empty GOCACHE (modules already downloaded).
//
//   npm run bundle && node bench/peer.mjs [ROUNDS] [--cold] [--write] [--only NAME] [--against DIST]
//
// --against DIST: a second gate (another commit's dist/, e.g. `git archive REV dist | tar -x -C
// /tmp/rev`) in the same alternating rounds, so a change is measured against what it replaces
// on the same machine in the same minutes. Besides the ratio of the medians, each round's own
// ratio is reported (median and quartiles): on a shared machine whose speed drifts over a run,
// the runs of one round, seconds apart, drift together.
//
// goreleaser is built from the Go module proxy at a pinned version by scripts/tools/goreleaser.sh
// (cached outside the repo). --write replaces the "peer" section of BENCHMARKS.md.
import { spawnSync, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GR_TARGET, PEER_CASES, TARGETS, baseEnv, checkout, go, goreleaserBin, node, root, work } from './peer-fixtures.mjs';

const args = process.argv.slice(2);
const write = args.includes('--write');
const cold = args.includes('--cold');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const against = args.includes('--against') ? path.resolve(args[args.indexOf('--against') + 1]) : undefined;
const cases = PEER_CASES.filter((c) => !only || c.name === only);
const goreleaser = goreleaserBin();
const grVersion = (execFileSync(goreleaser, ['--version'], { encoding: 'utf8' }).match(/GitVersion:\s*(\S+)/) ?? [])[1] ?? '?';

const sha = (f) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/**
 * CPU time (user + system, ms) of every child process this one has waited for, with every
 * descendant they waited for: /proc/self/stat cutime + cstime, in clock ticks (10 ms).
 */
function childCpuMs() {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of stat(5), counted from 1; the slice starts at field 3.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** Wall time of one run; its CPU time (the process and every descendant) goes to cpu. */
function timed(cmd, argv, opts, cpu = []) {
  const c0 = childCpuMs();
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { ...opts, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  cpu.push(childCpuMs() - c0);
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return ms;
}

function runGate(dir, env, dist = path.join(root, 'dist'), cpu = []) {
  const ms = timed(node, [path.join(dist, 'cli.js'), 'run', '--targets', TARGETS.join(','), '--go-version', 'system', '--scan', 'off', '--sign', 'never', '--out', 'gate-out'], { cwd: dir, env }, cpu);
  const report = JSON.parse(fs.readFileSync(path.join(dir, 'gate-out', 'report.json'), 'utf8'));
  return { ms, stages: Object.fromEntries(report.stages.map((s) => [s.name, s.durationMs])) };
}

function runPeer(dir, env, cpu = []) {
  return timed(goreleaser, ['build', '--snapshot', '--clean'], { cwd: dir, env }, cpu);
}

/** Every binary of both tools, by target: the same bytes, or the bench fails. */
function compareBinaries(dir, mains) {
  const out = [];
  for (const [id] of mains) {
    for (const t of TARGETS) {
      const [goos, goarch] = t.split('/');
      const exe = goos === 'windows' ? '.exe' : '';
      const ours = path.join(dir, 'gate-out', `${id}_${goos}_${goarch}${exe}`);
      const theirs = path.join(dir, 'dist', `${id}_${GR_TARGET[t]}`, `${id}${exe}`);
      const a = sha(ours);
      const b = sha(theirs);
      if (a !== b) throw new Error(`${id} ${t}: the gate's binary (${a}) and goreleaser's (${b}) differ`);
      out.push(a);
    }
  }
  return out.length;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const goVersion = execFileSync(go, ['version'], { encoding: 'utf8' }).trim();
const lines = [
  `Machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}; ${goVersion}; goreleaser ${grVersion}; Node ${execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()}; ${cold ? 'cold (empty GOCACHE each round)' : 'warm'}; ${rounds} alternating rounds after a warm-up; median (min-max).`,
  '',
  `| Module | goreleaser build --snapshot --clean | go-release-gate run (scan, sign off) | Ratio (gate / goreleaser) | Ratio by round, median (p25-p75) |${against ? ' --against gate | Its ratio | By round |' : ''} Binaries identical |`,
  `| --- | --- | --- | --- | --- |${against ? ' --- | --- | --- |' : ''} --- |`,
];
if (against) lines[0] += ` Against: ${against}.`;
const profiles = [];
const cpuLines = [];
for (const c of cases) {
  const dir = checkout(c.name, c.source(), c.mains);
  const gocache = path.join(work, `gocache-${c.name}`);
  const env = { ...baseEnv(), GOCACHE: gocache };
  const fresh = () => { if (cold) fs.rmSync(gocache, { recursive: true, force: true }); };
  // Warm-up: fills GOCACHE (and the page cache) for both.
  runPeer(dir, env);
  runGate(dir, env);
  if (against) runGate(dir, env, against);
  const peer = [];
  const gate = [];
  const other = [];
  const cpu = { peer: [], gate: [], against: [] };
  const stageRuns = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate who goes first, so neither always profits from the other's page cache.
    const who3 = against ? ['peer', 'gate', 'against'] : ['peer', 'gate'];
    const order = i % 2 === 0 ? who3 : [...who3].reverse();
    for (const who of order) {
      fresh();
      if (who === 'peer') peer.push(runPeer(dir, env, cpu.peer));
      else if (who === 'against') other.push(runGate(dir, env, against, cpu.against).ms);
      else {
        const r = runGate(dir, env, undefined, cpu.gate);
        gate.push(r.ms);
        stageRuns.push(r.stages);
      }
    }
  }
  const identical = compareBinaries(dir, c.mains);
  const range = (xs) => `${fmt(median(xs))} (${fmt(Math.min(...xs))}-${fmt(Math.max(...xs))})`;
  // Each round's own ratio (the runs of one round are seconds apart), so a machine that slows
  // down or speeds up over the minutes of a run moves both sides of it alike.
  const paired = (xs) => {
    const r = xs.map((x, i) => x / peer[i]).sort((a, b) => a - b);
    const q = (f) => r[Math.min(r.length - 1, Math.floor(f * r.length))];
    return `${median(r).toFixed(2)} (${q(0.25).toFixed(2)}-${q(0.75).toFixed(2)})`;
  };
  const otherCells = against ? ` ${range(other)} | ${(median(other) / median(peer)).toFixed(2)} | ${paired(other)} |` : '';
  lines.push(`| ${c.label} | ${range(peer)} | ${range(gate)} | ${(median(gate) / median(peer)).toFixed(2)} | ${paired(gate)} |${otherCells} ${identical} of ${identical} |`);
  const cpuOf = (xs) => `${(median(xs) / 1000).toFixed(2)} s`;
  cpuLines.push(`| ${c.name} | ${cpuOf(cpu.peer)} | ${cpuOf(cpu.gate)} | ${(median(cpu.gate) / median(cpu.peer)).toFixed(2)} |${against ? ` ${cpuOf(cpu.against)} |` : ''}`);
  const names = Object.keys(stageRuns[0]);
  profiles.push(`| ${c.name} | ${names.map((n) => `${n} ${fmt(median(stageRuns.map((s) => s[n])))}`).join(', ')} |`);
  fs.rmSync(dir, { recursive: true, force: true });
}
lines.push(
  '', 'CPU time of each whole run, the tool and every process it started (user + system, median; on 2 cores, CPU time both tools add beyond the builds is wall time):', '',
  `| Module | goreleaser | gate | Ratio |${against ? ' --against gate |' : ''}`, `| --- | --- | --- | --- |${against ? ' --- |' : ''}`, ...cpuLines,
);
lines.push('', 'Stage profile of the gate (median per stage):', '', '| Module | Stages |', '| --- | --- |', ...profiles);
const table = lines.join('\n');
console.log(table);

if (write) {
  const file = path.join(root, 'BENCHMARKS.md');
  const text = fs.readFileSync(file, 'utf8');
  const heading = `## peer (${cold ? 'cold' : 'warm'})`;
  const section = `${heading}\n\nThe whole gate against \`goreleaser build --snapshot --clean\`, same targets, flags and caches; both tools' binaries checked byte-identical in the same run. Command:\n\n\`\`\`sh\nnpm run bundle && node bench/peer.mjs ${rounds}${cold ? ' --cold' : ''} --write\n\`\`\`\n\n${table}\n`;
  const start = text.indexOf(`${heading}\n`);
  let next;
  if (start >= 0) {
    const rest = text.indexOf('\n## ', start + heading.length);
    next = text.slice(0, start) + section + (rest >= 0 ? text.slice(rest + 1) : '');
  } else {
    next = `${text.trimEnd()}\n\n${section}`;
  }
  fs.writeFileSync(file, next);
}
