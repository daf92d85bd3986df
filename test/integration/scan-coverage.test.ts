// A scan that covered nothing fails: real Trivy, offline, on the fixture DB. A pull request that
// commits a trivy.yaml telling Trivy to skip go.mod and the binaries (Trivy reads trivy.yaml
// from its working directory) no longer silences the scan, nor do TRIVY_* settings in the
// environment; and a target Trivy's report leaves out errors the stage, naming it.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runGate } from '../../src/run.ts';
import { recordingPorts, stageContext } from '../support/context.ts';
import { go, goTestEnv, tempDir, writeFiles } from '../support/gomodules.ts';
import { fixtureTrivyCache, trivyBin, VULN_MAIN, vulnGoMod } from '../support/trivy.ts';
import { scanStage } from '../../src/stages/scan.ts';

type T = { onTestFinished(fn: () => unknown): void };
const PR_ENV = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/42/merge', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567', GITHUB_REPOSITORY: 'org/app', GITHUB_EVENT_PATH: '' };
const RULE = 'scan/cve-2022-32149';
const SKIP = '["**/go.mod", "**/*_linux_amd64"]';
// The attack as filed (top-level skip-files) and as Trivy reads its config (scan.skip-files).
const HOSTILE_TRIVY_YAML = `skip-files: ${SKIP}\nscan:\n  skip-files: ${SKIP}\n  skip-dirs: ["**"]\nvulnerability:\n  ignore-unfixed: true\nseverity: [LOW]\n`;

function vulnModule(t: T, files: Record<string, string> = {}): string {
  const ws = tempDir(t, 'grg-cover-ws-');
  writeFiles(ws, { 'go.mod': vulnGoMod('v0.3.7'), 'main.go': VULN_MAIN, ...files });
  go(['mod', 'tidy'], ws);
  return ws;
}

function trivyInputs(t: T, extra: Record<string, string> = {}): Record<string, string> {
  return { scan: 'on', 'trivy-path': trivyBin(), 'trivy-cache-dir': fixtureTrivyCache(t), 'trivy-skip-db-update': 'true', targets: 'linux/amd64', ...extra };
}

test('a committed trivy.yaml that skips go.mod and the binaries, plus TRIVY_* settings, does not silence the scan: the advisory fails the gate', async (t) => {
  const ws = vulnModule(t, { 'trivy.yaml': HOSTILE_TRIVY_YAML });
  const env = {
    ...goTestEnv(), ...PR_ENV,
    TRIVY_SKIP_FILES: '**/go.mod,**/*_linux_amd64', TRIVY_SKIP_DIRS: '**', TRIVY_CONFIG: path.join(ws, 'trivy.yaml'), TRIVY_SEVERITY: 'LOW', TRIVY_IGNORE_UNFIXED: 'true', TRIVY_IGNOREFILE: path.join(ws, 'none'),
  };
  const { ports, rec } = recordingPorts({ workspace: ws, env, tempDir: tempDir(t, 'grg-cover-tmp-') });
  const o = await runGate(trivyInputs(t), ports);
  const scan = o.result.stages.find((s) => s.name === 'scan')!;
  assert.equal(scan.status, 'failed', scan.reason);
  const f = scan.findings.find((x) => x.ruleId === RULE);
  assert.ok(f, scan.findings.map((x) => x.ruleId).join(', '));
  assert.equal(f.severity, 'error');
  // Both places: go.mod and the binary the trivy.yaml tried to hide.
  assert.ok(f.message.includes('go.mod:5') && f.message.includes('gate-out/vulnapp_linux_amd64'), f.message);
  assert.equal(o.result.verdict.passed, false);
  assert.ok(o.result.verdict.reasons.some((r) => r.startsWith('scan: ') && r.includes('CVE-2022-32149')), o.result.verdict.reasons.join('\n'));
  // Trivy ran outside the module, with a config of the gate's own.
  const calls = rec.logs.filter((l) => l.startsWith('info: trivy '));
  assert.equal(calls.length, 2, calls.join('\n'));
  for (const c of calls) {
    const config = /--config (\S+)/.exec(c)?.[1];
    assert.ok(config && !config.startsWith(ws) && config.startsWith(ports.tempDir), c);
  }
});

test('a binary Trivy does not report is not scanned: the stage errors naming it (a go.mod it skips too)', async (t) => {
  const ws = vulnModule(t);
  const out = path.join(ws, 'gate-out');
  fs.mkdirSync(out);
  // Real binaries of this module, and one "binary" no scanner can read Go build info from.
  go(['build', '-trimpath', '-o', path.join(out, 'vulnapp_linux_amd64'), '.'], ws, goTestEnv({ CGO_ENABLED: '0' }));
  fs.writeFileSync(path.join(out, 'vulnapp_linux_arm64'), '#!/bin/sh\necho not go\n', { mode: 0o755 });
  const artifact = (name: string, goarch: string) => ({ path: path.join(out, name), displayPath: `gate-out/${name}`, name: 'vulnapp', goos: 'linux', goarch, size: 0, sha256: '', pkg: 'example.com/vulnapp' });
  const ctxFor = (trivyPath: string) => {
    const { ports } = recordingPorts({ workspace: ws, env: goTestEnv(), tempDir: tempDir(t, 'grg-cover-tmp-') });
    const ctx = stageContext(trivyInputs(t, { 'trivy-path': trivyPath }), ports);
    ctx.state.artifacts.push(artifact('vulnapp_linux_amd64', 'amd64'), artifact('vulnapp_linux_arm64', 'arm64'));
    return ctx;
  };
  await assert.rejects(scanStage.run(ctxFor(trivyBin())), (e: Error) => {
    assert.match(e.message, /no result for gate-out\/vulnapp_linux_arm64 \(no gobinary result\): it was not scanned/);
    assert.ok(!e.message.includes('vulnapp_linux_amd64'), e.message);
    return true;
  });

  // The real Trivy behind a wrapper that skips go.mod (as a trivy.yaml would have made it do).
  const wrapDir = tempDir(t, 'grg-cover-wrap-');
  const wrapper = path.join(wrapDir, 'trivy');
  fs.writeFileSync(wrapper, `#!/bin/sh\ncase "$1" in\n  fs|rootfs) sub="$1"; shift; exec '${trivyBin()}' "$sub" --skip-files '**/go.mod' "$@" ;;\n  *) exec '${trivyBin()}' "$@" ;;\nesac\n`, { mode: 0o755 });
  await assert.rejects(scanStage.run(ctxFor(wrapper)), (e: Error) => {
    assert.match(e.message, /no result for go\.mod \(no gomod result\), gate-out\/vulnapp_linux_arm64 \(no gobinary result\): they were not scanned/);
    return true;
  });
});

test('a go.mod without requires needs no gomod result; a stdlib-only binary is still reported and the scan passes', async (t) => {
  const ws = tempDir(t, 'grg-cover-ws-');
  writeFiles(ws, { 'go.mod': 'module example.com/plain\n\ngo 1.22\n', 'main.go': 'package main\n\nfunc main() { println("hi") }\n' });
  const { ports } = recordingPorts({ workspace: ws, env: { ...goTestEnv(), ...PR_ENV }, tempDir: tempDir(t, 'grg-cover-tmp-') });
  const o = await runGate(trivyInputs(t, { targets: 'linux/amd64,darwin/arm64,windows/amd64' }), ports);
  const scan = o.result.stages.find((s) => s.name === 'scan')!;
  assert.equal(scan.status, 'passed', scan.reason);
  assert.equal(scan.metrics?.binariesScanned, 3);
  assert.equal(o.result.verdict.passed, true, o.result.verdict.reasons.join('\n'));
});
