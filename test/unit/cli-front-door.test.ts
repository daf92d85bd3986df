// The CLI front door's pure parts: where the workspace is, run --help, --quiet/--workspace,
// the progress lines read off each command, and the verdict at a glance.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { parseArgs, runUsage, usage } from '../../src/cli/args.ts';
import { chooseWorkspace } from '../../src/cli/workspace.ts';
import { describeStep, progressLine, announcesStart } from '../../src/cli/progress.ts';
import { renderVerdict } from '../../src/cli/verdict.ts';
import { INPUTS } from '../../src/config/inputs.ts';
import type { StageResult } from '../../src/pipeline/stage.ts';

const noGit = () => undefined;

test('workspace outside Actions: --workspace, else the git top-level of --dir, else --dir', () => {
  const base = { env: {}, cwd: '/home/u/here' };
  const flag = chooseWorkspace({ ...base, workspaceFlag: '../ws', dirFlag: '/src/app', gitTopLevel: () => '/src' });
  assert.equal(flag.workspace, '/home/u/ws');
  assert.equal(flag.source, '--workspace');
  assert.deepEqual(flag.inputs, { 'working-directory': '/src/app' });

  const git = chooseWorkspace({ ...base, dirFlag: '/src/app/cmd', outFlag: 'out', gitTopLevel: (d) => (d === '/src/app/cmd' ? '/src/app' : undefined) });
  assert.equal(git.workspace, '/src/app');
  assert.equal(git.source, 'git top-level of --dir');
  assert.deepEqual(git.inputs, { 'working-directory': '/src/app/cmd', 'output-dir': '/home/u/here/out' }, 'relative --out is read from the current directory');

  const plain = chooseWorkspace({ ...base, dirFlag: '../app', gitTopLevel: noGit });
  assert.equal(plain.workspace, '/home/u/app');
  assert.equal(plain.source, '--dir');
  assert.deepEqual(plain.inputs, { 'working-directory': '/home/u/app' });
});

test('workspace outside Actions: in the current directory the flags pass unchanged, so messages quote them', () => {
  const same = chooseWorkspace({ env: {}, cwd: '/w', dirFlag: '.', outFlag: 'out', gitTopLevel: () => '/w' });
  assert.equal(same.workspace, '/w');
  assert.deepEqual(same.inputs, {});
  const none = chooseWorkspace({ env: {}, cwd: '/w', gitTopLevel: noGit });
  assert.equal(none.workspace, '/w');
  assert.deepEqual(none.inputs, {});
});

test('workspace inside Actions: GITHUB_WORKSPACE, flags read from it, --workspace ignored with a reason', () => {
  const a = chooseWorkspace({ env: { GITHUB_WORKSPACE: '/runner/work/app' }, cwd: '/elsewhere', dirFlag: '/abs', workspaceFlag: '/x', gitTopLevel: () => '/abs' });
  assert.equal(a.workspace, '/runner/work/app');
  assert.equal(a.source, 'GITHUB_WORKSPACE');
  assert.deepEqual(a.inputs, {}, 'the config confines --dir to GITHUB_WORKSPACE as for the Action');
  assert.match(a.ignored ?? '', /--workspace is ignored inside GitHub Actions/);
  assert.equal(chooseWorkspace({ env: { GITHUB_WORKSPACE: '/w' }, cwd: '/w', gitTopLevel: noGit }).ignored, undefined);
});

test('--quiet and --workspace are the CLI\'s own flags; run --help lists run\'s flags only', () => {
  const p = parseArgs(['run', '--quiet', '--workspace', '/w', '--dir', 'd']);
  assert.equal(p.quiet, true);
  assert.equal(p.workspace, '/w');
  assert.deepEqual(p.inputs, { 'working-directory': 'd' });
  assert.equal(parseArgs(['run', '--workspace=/v']).workspace, '/v');
  assert.throws(() => parseArgs(['run', '--workspace']), /--workspace needs a value/);
  assert.equal(parseArgs(['run', '--help']).help, true);
  const help = runUsage();
  assert.match(help, /^Usage: go-release-gate run \[flags\]/);
  assert.doesNotMatch(help, /go-release-gate inspect|--version/, 'nothing of the other commands');
  for (const i of INPUTS) if (!i.actionOnly) assert.ok(help.includes(i.name === 'working-directory' ? '--dir' : i.name === 'output-dir' ? '--out' : `--${i.name}`), i.name);
  for (const f of ['--workspace', '--quiet', '--help']) assert.ok(help.includes(f) && usage().includes(f), f);
  assert.match(usage(), /go-release-gate inspect/);
});

test('progress: one line per target built, module download, Trivy scan (with its DB fetch) and cosign step', () => {
  const ws = '/w';
  const build = describeStep({ file: '/go/bin/go', args: ['build', '-trimpath', '-o', '/tmp/x/app_linux_arm64', 'example.com/app'], env: { GOOS: 'linux', GOARCH: 'arm64' }, workspace: ws });
  assert.equal(build, 'build linux/arm64 example.com/app');
  assert.equal(progressLine(build!, { code: 0 }, 1234), '  build linux/arm64 example.com/app: ok (1.2 s)');
  assert.equal(progressLine(build!, { code: 1 }, 61_000), '  build linux/arm64 example.com/app: exit 1 (61 s)');
  assert.equal(progressLine(build!, { code: 128, timedOut: true }, 5), '  build linux/arm64 example.com/app: timed out (0.0 s)');
  assert.equal(describeStep({ file: '/go/bin/go', args: ['mod', 'download', '-json'], workspace: ws }), 'modules: go mod download');
  const fetching = { file: '/t/trivy', args: ['fs', '--format', 'json', '--', '/w/app'], workspace: ws };
  assert.equal(describeStep(fetching), 'scan: trivy fs app (fetches the vulnerability DB when it is missing or stale)');
  assert.equal(announcesStart(fetching), true);
  const offline = { file: '/t/trivy', args: ['rootfs', '--skip-db-update', '--', '/tmp/b'], workspace: ws };
  assert.equal(describeStep(offline), 'scan: trivy rootfs /tmp/b');
  assert.equal(announcesStart(offline), false);
  assert.equal(describeStep({ file: '/t/trivy', args: ['image', '--download-db-only'], workspace: ws }), 'scan: fetch the vulnerability DB');
  assert.equal(describeStep({ file: 'cosign', args: ['sign-blob', '--key', 'k', '/w/gate-out/app'], workspace: ws }), 'sign: cosign sign-blob gate-out/app');
  for (const quiet of [['env', 'GOVERSION'], ['list', '-json'], ['tool', 'dist', 'list']]) assert.equal(describeStep({ file: 'go', args: quiet, workspace: ws }), undefined, quiet.join(' '));
  assert.equal(describeStep({ file: 'git', args: ['status'], workspace: ws }), undefined);
});

const stages: StageResult[] = [
  { name: 'toolchain', status: 'passed', durationMs: 300, findings: [] },
  { name: 'build', status: 'failed', durationMs: 2100, findings: [] },
  { name: 'scan', status: 'skipped', reason: 'off', durationMs: 0, findings: [] },
];
const files = { summary: '/o/summary.md', report: '/o/report.json', sarif: '/o/results.sarif' };

test('the verdict at a glance: verdict, reasons, one stage line, then the report paths; plain off a TTY', () => {
  const text = renderVerdict({ verdict: { passed: false, reasons: ['build: linux/amd64: main.go:3: undefined: x', 'hostile\n::error::y'] }, stages }, files, { colour: false });
  assert.equal(text, [
    'verdict: fail',
    '  - build: linux/amd64: main.go:3: undefined: x',
    '  - hostile',
    ':\u00b7:error::y',
    'stages: toolchain passed 0.3 s, build failed 2.1 s, scan skipped',
    'summary: /o/summary.md',
    'report: /o/report.json',
    'sarif: /o/results.sarif',
    '',
  ].join('\n'));
  assert.doesNotMatch(text, /\u001b/, 'no colour codes off a TTY');
});

test('the verdict at a glance: colours on a TTY, checksums listed when written', () => {
  const text = renderVerdict({ verdict: { passed: true, reasons: [] }, stages: stages.slice(0, 1) }, { ...files, checksums: '/o/SHA256SUMS' }, { colour: true });
  assert.match(text, /^verdict: \u001b\[32mpass\u001b\[0m\n/);
  assert.match(text, /toolchain \u001b\[32mpassed\u001b\[0m 0\.3 s/);
  assert.match(text, /\nchecksums: \/o\/SHA256SUMS\n$/);
});
