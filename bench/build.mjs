// Build stage vs a plain sequential `go build` loop over the same targets, same warm caches,
// same run. Run: node bench/build.mjs [rounds]
// The gate's figure is the build stage's own duration from report.json (what the stage adds
// over the loop); the gate's whole-process time is printed too.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rounds = Number(process.argv[2] ?? 5);
const go = fs.existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : 'go';
const env = { ...process.env, GOTOOLCHAIN: 'local', CGO_ENABLED: '0' };
const targets = ['linux/amd64', 'linux/arm64', 'darwin/arm64', 'windows/amd64'];
const cases = [
  { name: 'examples/hello (1 package x 4 targets)', dir: path.join(root, 'examples', 'hello'), pkgs: [['example.com/hello', 'hello']] },
  {
    name: 'test/fixtures/build/multi-cmd (2 packages x 4 targets)',
    dir: path.join(root, 'test', 'fixtures', 'build', 'multi-cmd'),
    pkgs: [['example.com/multi/v2/cmd/alpha', 'alpha'], ['example.com/multi/v2/cmd/beta', 'beta']],
  },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function loop(c, out) {
  const t0 = performance.now();
  for (const t of targets) {
    const [goos, goarch] = t.split('/');
    for (const [pkg, name] of c.pkgs) {
      const file = path.join(out, `${name}_${goos}_${goarch}${goos === 'windows' ? '.exe' : ''}`);
      const r = spawnSync(go, ['build', '-trimpath', '-buildvcs=auto', '-ldflags=-s -w -buildid=', '-o', file, pkg], { cwd: c.dir, env: { ...env, GOOS: goos, GOARCH: goarch } });
      if (r.status !== 0) throw new Error(r.stderr.toString());
    }
  }
  return performance.now() - t0;
}

function gate(c, out) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'run', '--dir', c.dir, '--targets', targets.join(','), '--out', out], { cwd: c.dir, env: { ...env, GITHUB_WORKSPACE: c.dir } });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(r.stdout.toString() + r.stderr.toString());
  const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
  return { stage: report.stages.find((s) => s.name === 'build').durationMs, wall };
}

const lines = [`Machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}; ${spawnSync(go, ['version'], { env }).stdout.toString().trim()}; ${rounds} rounds, medians.`, ''];
lines.push('| Module | Sequential go build loop | Gate build stage | Ratio (stage / loop) | Gate whole process |', '| --- | --- | --- | --- | --- |');
for (const c of cases) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-bench-build-'));
  // Warm both the build cache and the page cache once for every target.
  loop(c, tmp);
  gate(c, path.join(tmp, 'gate'));
  const l = [];
  const g = [];
  const w = [];
  for (let i = 0; i < rounds; i++) {
    l.push(loop(c, tmp));
    const r = gate(c, path.join(tmp, 'gate'));
    g.push(r.stage);
    w.push(r.wall);
  }
  const ratio = median(g) / median(l);
  lines.push(`| ${c.name} | ${median(l).toFixed(0)} ms | ${median(g).toFixed(0)} ms | ${ratio.toFixed(2)} | ${median(w).toFixed(0)} ms |`);
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(lines.join('\n'));
