// Where a warm run's wall time goes, for the gate and for goreleaser, read off the go commands each
// starts: a go on PATH that logs when each command started and ended. On 2 cores both keep the
// builds going two at a time; what differs is when the first build starts, how long a slot stands
// empty between one build's end and the next one's start, and how long each tool goes on after
// its last build. The same modules, targets, flags and caches as bench/peer.mjs.
//
//   npm run bundle && node bench/timeline.mjs [ROUNDS] [--only NAME]
//
// The logging go is a small sh script (arguments pass through as "$@"), about 5 ms a command,
// the same for both tools: compare the two rows of one run, not a row with bench/peer.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PEER_CASES, TARGETS, baseEnv, checkout, go, goreleaserBin, node, root, work } from './peer-fixtures.mjs';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const goreleaser = goreleaserBin();
const realGo = spawnSync(go, ['env', 'GOROOT'], { encoding: 'utf8' }).stdout.trim() + '/bin/go';

const shim = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-timeline-'));
const logFile = path.join(shim, 'log');
// The two paths are written into the script: the gate hands its go commands only go's own
// environment variables, so nothing else would reach it.
const sq = (s) => `'${s.replace(/'/g, "'\\''")}'`;
fs.writeFileSync(path.join(shim, 'go'), [
  '#!/bin/sh',
  's=$(date +%s%N)',
  `${sq(realGo)} "$@"`,
  'rc=$?',
  `printf '%s %s %s\\n' "$s" "$(date +%s%N)" "$1" >> ${sq(logFile)}`,
  'exit $rc',
  '',
].join('\n'), { mode: 0o755 });

/** One run of a tool: its wall time and the go commands it ran, in ms from its start. */
function run(cmd, argv, dir, env) {
  fs.rmSync(logFile, { force: true });
  const t0 = Date.now() * 1e6;
  const r = spawnSync(cmd, argv, { cwd: dir, env: { ...env, PATH: `${shim}:${env.PATH}` }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = (Date.now() * 1e6 - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  const cmds = fs.readFileSync(logFile, 'utf8').trim().split('\n').map((l) => {
    const [s, e, sub] = l.split(' ');
    return { start: (Number(s) - t0) / 1e6, end: (Number(e) - t0) / 1e6, sub };
  });
  return { wall, cmds };
}

// Both tools run as many builds at once as there are cores.
const slots = os.availableParallelism();

/** First build start, the longest wait of a freed slot for its next build, the time after the last build. */
function shape({ wall, cmds }) {
  const builds = cmds.filter((c) => c.sub === 'build').sort((a, b) => a.start - b.start);
  const ends = builds.map((b) => b.end).sort((a, b) => a - b);
  // The builds after the first `slots` each take the slot the earliest unused end freed.
  const handovers = builds.slice(slots).map((b, i) => b.start - ends[i]);
  return {
    wall,
    first: builds[0].start,
    handover: handovers.length ? Math.max(...handovers) : 0,
    tail: wall - ends[ends.length - 1],
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cell = (xs) => `${Math.round(median(xs))} (${Math.round(Math.min(...xs))}-${Math.round(Math.max(...xs))})`;
const lines = [
  `Machine: ${os.cpus().length} cores; ${rounds} alternating rounds after a warm-up; ms, median (min-max); every go command through the logging go.`,
  '',
  '| Module | Tool | Whole run | First build starts | Slot empty between builds (longest) | After the last build |',
  '| --- | --- | --- | --- | --- | --- |',
];
for (const c of PEER_CASES.filter((x) => !only || x.name === only)) {
  const dir = checkout(c.name, c.source(), c.mains);
  const env = { ...baseEnv(), GOCACHE: path.join(work, `gocache-${c.name}`) };
  const tools = {
    goreleaser: () => run(goreleaser, ['build', '--snapshot', '--clean'], dir, env),
    gate: () => run(node, [path.join(root, 'dist', 'cli.js'), 'run', '--targets', TARGETS.join(','), '--go-version', 'system', '--scan', 'off', '--sign', 'never', '--out', 'gate-out'], dir, env),
  };
  for (const t of Object.values(tools)) t();
  const got = { goreleaser: [], gate: [] };
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? ['goreleaser', 'gate'] : ['gate', 'goreleaser'];
    for (const name of order) got[name].push(shape(tools[name]()));
  }
  for (const [name, xs] of Object.entries(got)) {
    lines.push(`| ${c.name} | ${name} | ${cell(xs.map((x) => x.wall))} | ${cell(xs.map((x) => x.first))} | ${cell(xs.map((x) => x.handover))} | ${cell(xs.map((x) => x.tail))} |`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
fs.rmSync(shim, { recursive: true, force: true });
console.log(lines.join('\n'));
