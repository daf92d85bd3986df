// What reachability costs: govulncheck (the pinned build, source mode, one platform) on a real
// module with dependencies (charmbracelet/gum v0.17.0), against the rest of the gate on the same
// module, cold (empty GOCACHE) and warm (the GOCACHE the gate's own build left), and whether it
// reuses the gate's caches (it reads the same GOMODCACHE and GOCACHE: a warm run compiles nothing).
// The vulnerability DB is a local file:// copy (the public one is not reachable here); its size
// barely matters: the cost is loading and type-checking the packages and building the call graph.
//
//   npm run bundle && node bench/reachability.mjs [ROUNDS]
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rounds = Number(process.argv[2] ?? 3);
const go = fs.existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : 'go';
const node = path.join(root, 'node_modules', 'node', 'bin', 'node');
const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
const work = path.join(cacheHome, 'go-release-gate-test', 'bench-reachability');
const modcache = path.join(work, 'gomodcache');
fs.mkdirSync(work, { recursive: true });
const govulncheck = execFileSync('bash', [path.join(root, 'scripts', 'tools', 'govulncheck.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop();

const env = (gocache) => {
  const e = { ...process.env };
  for (const k of ['GOFLAGS', 'GOWORK', 'GITHUB_WORKSPACE', 'GITHUB_EVENT_NAME', 'GITHUB_REF', 'GITHUB_ACTIONS']) delete e[k];
  return { ...e, GOTOOLCHAIN: 'local', GOMODCACHE: modcache, GOFLAGS: '-modcacherw', GOCACHE: gocache };
};

const info = JSON.parse(execFileSync(go, ['mod', 'download', '-json', 'github.com/charmbracelet/gum@v0.17.0'], { cwd: os.tmpdir(), env: env(path.join(work, 'gocache')), encoding: 'utf8' }));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-bench-reach-'));
fs.cpSync(info.Dir, dir, { recursive: true });
execFileSync('chmod', ['-R', 'u+w', dir]);
execFileSync(go, ['mod', 'download'], { cwd: dir, env: env(path.join(work, 'gocache')), stdio: 'ignore' });

// A one-entry Go vulnerability DB in govulncheck's layout (the entry does not affect gum).
const db = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-bench-vulndb-'));
fs.mkdirSync(path.join(db, 'index'));
fs.mkdirSync(path.join(db, 'ID'));
fs.writeFileSync(path.join(db, 'index', 'db.json'), '{"modified":"2024-01-01T00:00:00Z"}');
fs.writeFileSync(path.join(db, 'index', 'modules.json'), '[{"path":"golang.org/x/text","vulns":[{"id":"GO-2022-1059","modified":"2024-01-01T00:00:00Z","fixed":"0.3.8"}]}]');
fs.writeFileSync(path.join(db, 'ID', 'GO-2022-1059.json'), JSON.stringify({ schema_version: '1.3.1', id: 'GO-2022-1059', modified: '2024-01-01T00:00:00Z', aliases: ['CVE-2022-32149'], affected: [{ package: { name: 'golang.org/x/text', ecosystem: 'Go' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '0.3.8' }] }], ecosystem_specific: { imports: [{ path: 'golang.org/x/text/language', symbols: ['ParseAcceptLanguage'] }] } }] }));

function timed(cmd, args, e) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: dir, env: e, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return performance.now() - t0;
}
const gate = (e) => timed(node, [path.join(root, 'dist', 'cli.js'), 'run', '--targets', 'linux/amd64', '--go-version', 'system', '--scan', 'off', '--sign', 'never', '--out', 'gate-out'], e);
const vulncheck = (e) => timed(govulncheck, ['-json', '-mode', 'source', '-db', `file://${db}`, './...'], { ...e, GOOS: 'linux', GOARCH: 'amd64' });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rows = [];
for (const temp of ['cold', 'warm']) {
  const g = [];
  const v = [];
  // Warm means the GOCACHE a previous gate run filled: one untimed run first.
  if (temp === 'warm') gate(env(path.join(work, 'gocache-warm')));
  for (let i = 0; i < rounds; i++) {
    const gocache = path.join(work, `gocache-${temp}`);
    if (temp === 'cold') fs.rmSync(gocache, { recursive: true, force: true });
    g.push(gate(env(gocache)));
    // govulncheck right after the gate's build: warm shares that GOCACHE; cold gets an empty one of its own.
    const vcache = temp === 'cold' ? path.join(work, 'gocache-cold-vuln') : gocache;
    if (temp === 'cold') fs.rmSync(vcache, { recursive: true, force: true });
    v.push(vulncheck(env(vcache)));
  }
  rows.push(`| ${temp} | ${Math.round(median(g))} ms | ${Math.round(median(v))} ms | ${(median(v) / median(g)).toFixed(2)} |`);
}
console.log([
  `Machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}; ${execFileSync(go, ['version'], { encoding: 'utf8' }).trim()}; govulncheck v1.9.0; ${rounds} rounds, medians; one target (linux/amd64).`,
  '',
  '| GOCACHE | Gate without reachability (build, inspect, modules) | govulncheck, source mode | Ratio (govulncheck / gate) |',
  '| --- | --- | --- | --- |',
  ...rows,
].join('\n'));
fs.rmSync(dir, { recursive: true, force: true });
