// A tag push (refs/tags/v1.2.3), as the runner runs us: everything runs and the summary carries
// the release report, whose every number is checked against the files on disk.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Runner, makeWorkspace } from '../support/runner.ts';
import { assertRunOutputs, eventPayload, moduleFixture, sha256 } from '../support/gate.ts';

function tagRunner(fixture: string, inputs: Record<string, string>): { runner: Runner; ws: string } {
  const ws = makeWorkspace(moduleFixture(fixture));
  return { runner: new Runner({ workspace: ws, eventName: 'push', ref: 'refs/tags/v1.2.3', event: eventPayload('push-tag'), inputs }), ws };
}

test('tag push, passing module, two targets: release mode, release report with sizes and SHA-256 of the real files', async () => {
  const { runner, ws } = tagRunner('pass', { targets: 'linux/amd64,windows/amd64', ldflags: '-X main.version=v1.2.3' });
  const main = await runner.main();
  assert.equal(main.code, 0, main.stdout + main.stderr);
  await assertRunOutputs(main, ws, { verdict: 'pass', mode: 'release', artifacts: ['gate-out/pass_linux_amd64', 'gate-out/pass_windows_amd64.exe'] });
  const s = main.summary;
  assert.match(s, /Mode \*\*release\*\* \(push event on tag v1\.2\.3\), caches \*\*not used\*\* \(read-only, but the cache stage was skipped: no cache store/);
  const report = s.indexOf('### 📦 Release report for <code>v1.2.3</code>');
  assert.ok(report > s.indexOf('### Stages'), 'release report after the verdict and the overview');
  for (const name of ['pass_linux_amd64', 'pass_windows_amd64.exe']) {
    const file = path.join(fs.realpathSync(ws), 'gate-out', name);
    const size = fs.statSync(file).size;
    const shown = `<code>gate-out/${name}</code>`;
    const row = s.split('\n').find((l) => l.startsWith(`| ${shown} |`));
    assert.ok(row, `release report row for ${name}`);
    assert.ok(row.includes(`(${size} bytes)`), row);
    assert.ok(row.includes(`<code>${sha256(file)}</code>`), row);
  }
  assert.match(s, new RegExp(`Go toolchain \\| go${main.outputs['go-version'].replace(/\./g, '\\.')} \\(`));
  assert.match(s, /every go command ran with GOTOOLCHAIN=local/);
  // The binaries of this checkout carry no vcs stamp (not a git repository): the workflow's commit, said as such.
  assert.match(s, new RegExp(`Revision \\| (<code>${runner.baseEnv.GITHUB_SHA}</code> \\(the workflow's commit|<code>[0-9a-f]{40}</code> \\(from the binaries' build info)`));
  assert.match(s, /Vulnerabilities \| \*\*not scanned\*\*|Vulnerabilities \| \d+/);
  assert.match(s, /Signatures \| \*\*not signed\*\*|Signatures \| signed/);
  // The linker flag reached the binary as one argument: the tag is in it.
  assert.ok(fs.readFileSync(path.join(ws, 'gate-out', 'pass_linux_amd64')).includes(Buffer.from('v1.2.3')));
  assert.equal((await runner.post()).code, 0);
});

test('tag push with an unknown target: fail, the reason names the target, the release report still lists what was built', async () => {
  const { runner, ws } = tagRunner('pass', { targets: 'linux/amd64,plan9/m68k' });
  const main = await runner.main();
  assert.equal(main.code, 1, main.stdout + main.stderr);
  const { sarif } = await assertRunOutputs(main, ws, {
    verdict: 'fail',
    mode: 'release',
    reasons: [/^build: target plan9\/m68k is not supported by go[\d.]+ \(see go tool dist list\)$/],
    artifacts: ['gate-out/pass_linux_amd64'],
  });
  assert.match(main.summary, /### 📦 Release report/);
  assert.match(main.summary, /<code>gate-out\/pass_linux_amd64<\/code> \| linux\/amd64/);
  const r = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'build/unknown-target');
  assert.equal(r.locations[0].physicalLocation.artifactLocation.uri, 'go.mod');
  assert.equal((await runner.post()).code, 0);
});

test('tag push with mode: check overrides the event: no release report', async () => {
  const { runner, ws } = tagRunner('pass', { mode: 'check' });
  const main = await runner.main();
  assert.equal(main.code, 0, main.stdout + main.stderr);
  await assertRunOutputs(main, ws, { verdict: 'pass', mode: 'check' });
  assert.match(main.summary, /Mode \*\*check\*\* \(mode input "check"\)/);
  assert.ok(!main.summary.includes('Release report'));
  assert.equal((await runner.post()).code, 0);
});
