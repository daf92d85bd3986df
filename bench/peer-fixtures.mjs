// What bench/peer.mjs and bench/timeline.mjs share: the modules both tools build, each checked out
// as a release job has it, goreleaser's config for the same targets and flags, and the caches.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const go = fs.existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : 'go';
export const node = path.join(root, 'node_modules', 'node', 'bin', 'node');
export const TARGETS = ['linux/amd64', 'linux/arm64', 'darwin/arm64', 'windows/amd64'];
// goreleaser names targets with the default micro-architecture level, which is what GOAMD64 and GOARM64 default to.
export const GR_TARGET = { 'linux/amd64': 'linux_amd64_v1', 'linux/arm64': 'linux_arm64_v8.0', 'darwin/arm64': 'darwin_arm64_v8.0', 'windows/amd64': 'windows_amd64_v1' };
export const work = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'go-release-gate-test', 'bench-peer');
export const modcache = path.join(work, 'gomodcache');
fs.mkdirSync(work, { recursive: true });

export const baseEnv = () => {
  const env = { ...process.env };
  for (const k of ['GOFLAGS', 'GOWORK', 'GITHUB_WORKSPACE', 'GITHUB_EVENT_NAME', 'GITHUB_REF', 'GITHUB_ACTIONS']) delete env[k];
  return { ...env, GOTOOLCHAIN: 'local', GOMODCACHE: modcache, GOFLAGS: '-modcacherw' };
};

/** goreleaser at its pinned version, built from the Go module proxy once (scripts/tools/goreleaser.sh). */
export function goreleaserBin() {
  return execFileSync('bash', [path.join(root, 'scripts', 'tools', 'goreleaser.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop();
}

/** A project checkout as a release job has it: a git repository, committed, with both tools' output dirs ignored. */
export function checkout(name, source, mains) {
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

export const PEER_CASES = [
  { name: 'hello', label: 'examples/hello (1 command x 4 targets)', source: () => path.join(root, 'examples', 'hello'), mains: [['hello', '.']] },
  { name: 'multi', label: 'test/fixtures/build/multi-cmd (2 commands x 4 targets)', source: () => path.join(root, 'test', 'fixtures', 'build', 'multi-cmd'), mains: [['alpha', './cmd/alpha'], ['beta', './cmd/beta']] },
  { name: 'gum', label: 'charmbracelet/gum v0.17.0 (1 command, 53 modules, x 4 targets)', source: gumSource, mains: [['gum', '.']] },
];

