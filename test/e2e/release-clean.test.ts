// A release job as users run it: the repository checked out at the workspace root, the default
// output dir gate-out/ inside it, nothing in .gitignore for it, a real git repository with a tag.
// Two runs on the same commit must both pass and give the same bytes; an output dir never holds
// anything but this run's results.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Runner, makeWorkspace, ROOT } from '../support/runner.ts';
import { assertRunOutputs, eventPayload } from '../support/gate.ts';
import { commitAll } from '../support/git.ts';
import { GO } from '../support/env.ts';

const HELLO = path.join(ROOT, 'examples', 'hello');
const TARGETS = 'linux/amd64,linux/arm64,darwin/arm64,windows/amd64';

function buildSettings(binary: string): Record<string, string> {
  const r = spawnSync(GO, ['version', '-m', binary], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const settings: Record<string, string> = {};
  for (const m of r.stdout.matchAll(/^\tbuild\t([^=\s]+)=(.*)$/gm)) settings[m[1]] = m[2];
  return settings;
}

function listing(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

test('a clean tag releases twice from the same checkout: both pass, identical SHA256SUMS, no binary says modified', async () => {
  const ws = fs.realpathSync(makeWorkspace(HELLO));
  const head = commitAll(ws, 'v1.2.3');
  let home: string | undefined;
  const sums: string[] = [];
  for (let round = 1; round <= 2; round++) {
    // One runner home (tool cache, temp), a fresh step each round, as two jobs on one machine.
    const runner = new Runner({ workspace: ws, home, eventName: 'push', ref: 'refs/tags/v1.2.3', event: eventPayload('push-tag'), inputs: { targets: TARGETS, scan: 'off' } });
    home = runner.home;
    const main = await runner.main();
    assert.equal(main.code, 0, `round ${round}: ${main.stdout}${main.stderr}`);
    const { report } = await assertRunOutputs(main, ws, { verdict: 'pass', mode: 'release' });
    assert.ok(!report.findings.some((f: { ruleId: string }) => f.ruleId === 'inspect/vcs-modified'), `round ${round}: ${JSON.stringify(report.findings)}`);
    sums.push(fs.readFileSync(path.join(ws, 'gate-out', 'SHA256SUMS'), 'utf8'));
    for (const name of ['hello_linux_amd64', 'hello_windows_amd64.exe']) {
      const s = buildSettings(path.join(ws, 'gate-out', name));
      assert.equal(s['vcs.modified'], 'false', `round ${round} ${name}`);
      assert.equal(s['vcs.revision'], head, `round ${round} ${name}`);
    }
  }
  assert.equal(sums[1], sums[0], 'the second run on the same commit gives the same SHA256SUMS bytes');
  assert.equal(sums[0].trim().split('\n').length, 4);
});

test('a really modified tree fails the release, and the finding names the files git reports', async () => {
  const ws = fs.realpathSync(makeWorkspace(HELLO));
  commitAll(ws, 'v1.2.3');
  fs.appendFileSync(path.join(ws, 'main.go'), '\n// changed after the tag\n');
  fs.writeFileSync(path.join(ws, 'notes.txt'), 'untracked\n');
  const runner = new Runner({ workspace: ws, eventName: 'push', ref: 'refs/tags/v1.2.3', event: eventPayload('push-tag'), inputs: { targets: 'linux/amd64', scan: 'off' } });
  const main = await runner.main();
  assert.equal(main.code, 1, main.stdout + main.stderr);
  const { report } = await assertRunOutputs(main, ws, { verdict: 'fail', mode: 'release', reasons: [/vcs\.modified=true/] });
  const f = report.findings.find((x: { ruleId: string }) => x.ruleId === 'inspect/vcs-modified');
  assert.ok(f, JSON.stringify(report.findings));
  assert.match(f.message, /git status --short: .*M main\.go/);
  assert.match(f.message, /\?\? notes\.txt/);
  // The output dir is not among them: nothing was written there while the binaries were built.
  assert.doesNotMatch(f.message.slice(f.message.indexOf('git status')), /gate-out/);
});

test('an earlier run\'s binaries and planted ones never survive, also when this run fails; a foreign file fails the gate by name and is kept', async () => {
  const ws = fs.realpathSync(makeWorkspace(HELLO));
  commitAll(ws);
  const out = path.join(ws, 'gate-out');
  const plant = () => {
    fs.mkdirSync(out, { recursive: true });
    for (const name of ['hello_linux_arm64', 'evil_linux_amd64', 'hello_linux_arm64.sigstore.json', 'cosign.pub']) fs.writeFileSync(path.join(out, name), 'not from this run\n');
  };
  let home: string | undefined;
  const step = () => {
    const runner = new Runner({ workspace: ws, home, eventName: 'push', ref: 'refs/heads/main', event: eventPayload('push-branch'), inputs: { targets: 'linux/amd64', scan: 'off', cache: 'off' } });
    home = runner.home;
    return runner.main();
  };

  plant();
  const ok = await step();
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  await assertRunOutputs(ok, ws, { verdict: 'pass', mode: 'check', artifacts: ['gate-out/hello_linux_amd64'] });
  assert.deepEqual(listing(out), ['SHA256SUMS', 'hello_linux_amd64', 'report.json', 'results.sarif', 'summary.md']);
  assert.equal(fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8').trim().split('\n').length, 1);
  assert.match(ok.stdout, /removed 4 file\(s\) an earlier run left in gate-out: cosign\.pub, evil_linux_amd64, hello_linux_arm64, hello_linux_arm64\.sigstore\.json/);
  // They went through the runner's temp (renamed out, deleted off the critical path): nothing of them is left there.
  const leftovers = (fs.readdirSync(path.join(home!, 'temp'), { recursive: true }) as string[]).filter((f) => /grg-old-|evil_linux_amd64|cosign\.pub/.test(f));
  assert.deepEqual(leftovers, []);

  // This run fails to compile: the stale files still go.
  fs.writeFileSync(path.join(ws, 'main.go'), 'package main\n\nfunc main() { undefinedCall() }\n');
  plant();
  const failed = await step();
  assert.equal(failed.code, 1, failed.stdout + failed.stderr);
  assert.deepEqual(listing(out), ['report.json', 'results.sarif', 'summary.md']);

  // A file the gate never writes is not the gate's to delete: the run fails and names it.
  fs.copyFileSync(path.join(HELLO, 'main.go'), path.join(ws, 'main.go'));
  fs.writeFileSync(path.join(out, 'README.txt'), 'mine\n');
  fs.mkdirSync(path.join(out, 'extra'));
  const foreign = await step();
  assert.equal(foreign.code, 1, foreign.stdout + foreign.stderr);
  await assertRunOutputs(foreign, ws, { verdict: 'fail', mode: 'check', reasons: [/output-dir gate-out holds 2 entries this run did not produce: README\.txt, extra\//] });
  assert.equal(fs.readFileSync(path.join(out, 'README.txt'), 'utf8'), 'mine\n');
});
