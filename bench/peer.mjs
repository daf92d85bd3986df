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
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const write = args.includes('--write');
const cold = args.includes('--cold');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const against = args.includes('--against') ? path.resolve(args[args.indexOf('--against') + 1]) : undefined;
const go = fs.existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : 'go';
const node = path.join(root, 'node_modules', 'node', 'bin', 'node');
const TARGETS = ['linux/amd64', 'linux/arm64', 'darwin/arm64', 'windows/amd64'];
// goreleaser names targets with the default micro-architecture level, which is what GOAMD64 and GOARM64 default to.
const GR_TARGET = { 'linux/amd64': 'linux_amd64_v1', 'linux/arm64': 'linux_arm64_v8.0', 'darwin/arm64': 'darwin_arm64_v8.0', 'windows/amd64': 'windows_amd64_v1' };
const work = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'go-release-gate-test', 'bench-peer');
const modcache = path.join(work, 'gomodcache');
fs.mkdirSync(work, { recursive: true });

const baseEnv = () => {
  const env = { ...process.env };
  for (const k of ['GOFLAGS', 'GOWORK', 'GITHUB_WORKSPACE', 'GITHUB_EVENT_NAME', 'GITHUB_REF', 'GITHUB_ACTIONS']) delete env[k];
  return { ...env, GOTOOLCHAIN: 'local', GOMODCACHE: modcache, GOFLAGS: '-modcacherw' };
};

const goreleaser = execFileSync('bash', [path.join(root, 'scripts', 'tools', 'goreleaser.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop();
const grVersion = (execFileSync(goreleaser, ['--version'], { encoding: 'utf8' }).match(/GitVersion:\s*(\S+)/) ?? [])[1] ?? '?';

/** A project checkout as a release job has it: a git repository, committed, with both tools' output dirs ignored. */
function checkout(name, source, mains) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `grg-peer-${name}-`));
  fs.cpSync(source, dir, { recursive: true });
  execFileSync('chmod', ['-R', 'u+w', dir]);
  fs.writeFileSync(path.join(dir, '.gitignore'), '/dist/\n/gate-out/\n');
  // The project's own goreleaser config (gum has one, with paid-edition fields) gives way to ours.
  for (const f of ['.goreleaser.yml', '.goreleaser.yaml', 'goreleaser.yml', 'goreleaser.yaml']) fs.rmSync(path.join(dir, f), { force: true });
  const builds = mains.map(([id, main]) => [
    `  - id: ${id}`,
    `    main: ${main}`,
    `    binary: ${id}`,
    '    env: [CGO_ENABLED=0]',
    '    flags: [-trimpath, -buildvcs=auto]',
    '    ldflags: ["-s -w -buildid="]',
    `    targets: [${TARGETS.map((t) => GR_TARGET[t]).join(', ')}]`,
  ].join('\n'));
  fs.writeFileSync(path.join(dir, '.goreleaser.yaml'), `version: 2\nproject_name: ${name}\nbuilds:\n${builds.join('\n')}\n`);
  const git = (...a) => execFileSync('git', a, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@x', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@x', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' }, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'release');
  return dir;
}

function gumSource() {
  const info = JSON.parse(execFileSync(go, ['mod', 'download', '-json', 'github.com/charmbracelet/gum@v0.17.0'], { cwd: os.tmpdir(), env: baseEnv(), encoding: 'utf8' }));
  // Every dependency into the bench module cache once, outside the timed runs.
  execFileSync(go, ['mod', 'download'], { cwd: info.Dir, env: baseEnv(), stdio: 'ignore' });
  return info.Dir;
}

const cases = [
  { name: 'hello', label: 'examples/hello (1 command x 4 targets)', source: () => path.join(root, 'examples', 'hello'), mains: [['hello', '.']] },
  { name: 'multi', label: 'test/fixtures/build/multi-cmd (2 commands x 4 targets)', source: () => path.join(root, 'test', 'fixtures', 'build', 'multi-cmd'), mains: [['alpha', './cmd/alpha'], ['beta', './cmd/beta']] },
  { name: 'gum', label: 'charmbracelet/gum v0.17.0 (1 command, 53 modules, x 4 targets)', source: gumSource, mains: [['gum', '.']] },
].filter((c) => !only || c.name === only);

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
