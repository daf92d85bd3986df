// The scan stage with real Trivy, offline, on a fixture vulnerability DB written by trivy-db's
// own code: real go builds of a module that requires golang.org/x/text v0.3.7 (CVE-2022-32149,
// HIGH, fixed in 0.3.8), the whole gate run through runGate, and the reports it writes.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runGate, type GateOutcome } from '../../src/run.ts';
import { recordingPorts } from '../support/context.ts';
import { go, goTestEnv, lineOf, tempDir, writeFiles, findingAt } from '../support/gomodules.ts';
import { fixtureTrivyCache, trivyBin, VULN_MAIN, vulnGoMod } from '../support/trivy.ts';
import { sarifProblems } from '../support/sarif.ts';
import { scanStage } from '../../src/stages/scan.ts';
import { stageContext } from '../support/context.ts';

const TAG_ENV = { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.0.0', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567', GITHUB_REPOSITORY: 'org/app', GITHUB_EVENT_PATH: '' };
const RULE = 'scan/cve-2022-32149';
const BINARY = 'gate-out/vulnapp_linux_amd64';

type T = { onTestFinished(fn: () => unknown): void };

/** A workspace with the module requiring x/text at `version`, go.sum completed by the real go. */
function vulnModule(t: T, version: string, files: Record<string, string> = {}): string {
  const ws = tempDir(t, 'grg-scan-ws-');
  writeFiles(ws, { 'go.mod': vulnGoMod(version), 'main.go': VULN_MAIN, ...files });
  go(['mod', 'tidy'], ws);
  return ws;
}

async function gate(t: T, ws: string, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<GateOutcome> {
  const { ports } = recordingPorts({ workspace: ws, env: { ...goTestEnv(), ...TAG_ENV, ...env }, tempDir: tempDir(t, 'grg-scan-tmp-') });
  return runGate(inputs, ports);
}

function trivyInputs(t: T, extra: Record<string, string> = {}): Record<string, string> {
  return { scan: 'on', 'trivy-path': trivyBin(), 'trivy-cache-dir': fixtureTrivyCache(t), 'trivy-skip-db-update': 'true', ...extra };
}

function scanOf(o: GateOutcome) {
  const s = o.result.stages.find((x) => x.name === 'scan');
  assert.ok(s, 'the scan stage ran');
  return s;
}

test('x/text v0.3.7: CVE-2022-32149 at the require line of go.mod and in the binary; the gate fails; SARIF has a trivy run and validates', async (t) => {
  const ws = vulnModule(t, 'v0.3.7');
  const o = await gate(t, ws, trivyInputs(t));
  const scan = scanOf(o);
  assert.equal(scan.status, 'failed', scan.reason);
  const f = findingAt(scan.findings, RULE, 'go.mod', lineOf(path.join(ws, 'go.mod'), /^require golang\.org\/x\/text v0\.3\.7$/));
  assert.equal(f.severity, 'error');
  assert.match(f.message, /golang\.org\/x\/text v0\.3\.7 has CVE-2022-32149 \(HIGH/);
  assert.match(f.message, /fixed in v?0\.3\.8/);
  // The rootfs scan read the binary's build info: the same advisory, one finding naming both places.
  assert.ok(f.message.includes(BINARY), f.message);
  assert.equal(f.fix, 'go get golang.org/x/text@v0.3.8 && go mod tidy');
  // The DB's other x/text advisory is fixed in 0.3.7: versions are really compared.
  assert.ok(!scan.findings.some((x) => x.ruleId === 'scan/cve-2021-38561'), 'CVE-2021-38561 does not apply to v0.3.7');
  assert.equal(o.result.verdict.passed, false);
  assert.ok(o.result.verdict.reasons.some((r) => r.startsWith('scan: ') && r.includes('CVE-2022-32149')), o.result.verdict.reasons.join('\n'));

  assert.deepEqual(await sarifProblems(o.files.sarif), []);
  const sarif = JSON.parse(fs.readFileSync(o.files.sarif, 'utf8'));
  const trivyRun = sarif.runs.find((r: any) => r.tool.driver.name === 'trivy');
  assert.ok(trivyRun, 'a separate SARIF run for trivy');
  assert.equal(trivyRun.tool.driver.version, '0.74.0');
  assert.match(trivyRun.automationDetails.id, /^go-release-gate\/trivy\//);
  const res = trivyRun.results.find((r: any) => r.ruleId === RULE);
  assert.equal(res.level, 'error');
  assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'go.mod');
  assert.equal(res.locations[0].physicalLocation.region.startLine, f.location?.line);
  const rule = trivyRun.tool.driver.rules.find((r: any) => r.id === RULE);
  assert.equal(rule.properties['security-severity'], '7.5');
  assert.ok(!sarif.runs[0].results.some((r: any) => r.ruleId === RULE), 'advisories are not in go-release-gate\'s own run');

  const summary = fs.readFileSync(o.files.summary, 'utf8');
  assert.match(summary, /Vulnerabilities \| 1: 0 critical, 1 high, 0 medium, 0 low/);
});

test('the binary alone is scanned: a stale binary with x/text v0.3.7 is caught at its path while go.mod is clean', async (t) => {
  const old = vulnModule(t, 'v0.3.7');
  const bin = path.join(old, 'app');
  go(['build', '-trimpath', '-o', bin, '.'], old, goTestEnv({ CGO_ENABLED: '0' }));
  const ws = vulnModule(t, 'v0.3.8');
  const out = path.join(ws, 'gate-out');
  fs.mkdirSync(out);
  fs.copyFileSync(bin, path.join(out, 'app_linux_amd64'));
  const { ports } = recordingPorts({ workspace: ws, env: goTestEnv(), tempDir: tempDir(t, 'grg-scan-tmp-') });
  const ctx = stageContext(trivyInputs(t), ports);
  ctx.state.artifacts.push({ path: path.join(out, 'app_linux_amd64'), displayPath: 'gate-out/app_linux_amd64', name: 'app', goos: 'linux', goarch: 'amd64', size: 0, sha256: '', pkg: 'example.com/vulnapp' });
  const r = await scanStage.run(ctx);
  const hits = r.findings.filter((f) => f.ruleId === RULE);
  assert.equal(hits.length, 1, r.findings.map((f) => f.message).join('\n'));
  assert.deepEqual(hits[0].location, { artifact: 'gate-out/app_linux_amd64' });
  assert.equal(r.status, 'failed');
});

test('bumping x/text to v0.3.8 passes: no advisory, scan passed, release report says 0 known vulnerabilities', async (t) => {
  const ws = vulnModule(t, 'v0.3.7');
  go(['get', 'golang.org/x/text@v0.3.8'], ws);
  go(['mod', 'tidy'], ws);
  const o = await gate(t, ws, trivyInputs(t));
  const scan = scanOf(o);
  assert.equal(scan.status, 'passed', JSON.stringify(scan.findings));
  assert.equal(scan.findings.length, 0);
  assert.equal(o.result.verdict.passed, true, o.result.verdict.reasons.join('\n'));
  assert.match(fs.readFileSync(o.files.summary, 'utf8'), /Vulnerabilities \| 0 known vulnerabilities/);
});

test('the severity input moves the verdict: with CRITICAL, the HIGH advisory is a warning and the gate passes', async (t) => {
  const ws = vulnModule(t, 'v0.3.7');
  const o = await gate(t, ws, trivyInputs(t, { severity: 'critical' }));
  const f = scanOf(o).findings.find((x) => x.ruleId === RULE);
  assert.equal(f?.severity, 'warning');
  assert.equal(o.result.verdict.passed, true, o.result.verdict.reasons.join('\n'));
});

test('.trivyignore.yaml at the workspace root (module in a subdirectory) suppresses the advisory; the summary says what and until when', async (t) => {
  const ws = tempDir(t, 'grg-scan-ws-');
  const mod = path.join(ws, 'svc');
  writeFiles(mod, { 'go.mod': vulnGoMod('v0.3.7'), 'main.go': VULN_MAIN });
  go(['mod', 'tidy'], mod);
  // Trivy alone would only read .trivyignore in its working directory: this file is found and passed by the gate.
  writeFiles(ws, { '.trivyignore.yaml': 'vulnerabilities:\n  - id: CVE-2022-32149\n    statement: we never parse Accept-Language\n    expired_at: 2099-12-31\n  - id: CVE-2099-0001\n' });
  const o = await gate(t, ws, trivyInputs(t, { 'working-directory': 'svc' }));
  const scan = scanOf(o);
  assert.ok(!scan.findings.some((f) => f.ruleId === RULE), 'suppressed');
  assert.equal(o.result.verdict.passed, true, o.result.verdict.reasons.join('\n'));
  assert.equal(scan.metrics?.ignored, 1);
  const summary = fs.readFileSync(o.files.summary, 'utf8');
  assert.match(summary, /CVE-2022-32149[^\n]*ignored by \.trivyignore\.yaml:2 \(until 2099-12-31\): we never parse Accept-Language/);
  // An entry that matches nothing is reported, not silently kept.
  findingAt(scan.findings, 'scan/ignore-unmatched', '.trivyignore.yaml', 5);
});

test('an expired .trivyignore entry no longer applies: the advisory is back and the entry is flagged', async (t) => {
  const ws = vulnModule(t, 'v0.3.7', { '.trivyignore': 'CVE-2022-32149 exp:2020-01-01\n' });
  const o = await gate(t, ws, trivyInputs(t));
  const scan = scanOf(o);
  assert.equal(o.result.verdict.passed, false);
  assert.ok(scan.findings.some((f) => f.ruleId === RULE && f.severity === 'error'));
  const e = findingAt(scan.findings, 'scan/ignore-expired', '.trivyignore', 1);
  assert.match(e.message, /expired on 2020-01-01/);
});

test('Trivy missing or broken fails the gate with a clear reason (scan: on); auto with trivy-version: system says "not scanned"', async (t) => {
  const ws = vulnModule(t, 'v0.3.7');
  const missing = await gate(t, ws, { scan: 'on', 'trivy-path': path.join(os.tmpdir(), 'no-such-dir', 'trivy') });
  assert.equal(missing.result.verdict.passed, false);
  assert.equal(scanOf(missing).status, 'errored');
  assert.ok(missing.result.verdict.reasons.some((r) => /scan.*Trivy not found: trivy-path .*no-such-dir\/trivy is not an executable file/.test(r)), missing.result.verdict.reasons.join('\n'));

  // trivy-version: system is the only way to ask for the trivy on PATH (the default installs one).
  const noPath = await gate(t, ws, { scan: 'on', 'trivy-version': 'system' }, { PATH: path.dirname(process.execPath) });
  assert.ok(noPath.result.verdict.reasons.some((r) => /Trivy was not found .*scan is "on"/.test(r)), noPath.result.verdict.reasons.join('\n'));

  const broken = await gate(t, ws, { scan: 'on', 'trivy-path': '/bin/false' });
  assert.equal(broken.result.verdict.passed, false);
  assert.ok(broken.result.verdict.reasons.some((r) => /Trivy at \/bin\/false does not run/.test(r)), broken.result.verdict.reasons.join('\n'));

  const auto = await gate(t, ws, { 'trivy-version': 'system' }, { PATH: path.dirname(process.execPath) });
  assert.equal(scanOf(auto).status, 'skipped');
  assert.match(fs.readFileSync(auto.files.summary, 'utf8'), /Vulnerabilities \| \*\*not scanned\*\*: Trivy was not found/);
});

test('no vulnerability DB and no download allowed: the error says so', async (t) => {
  const ws = vulnModule(t, 'v0.3.7');
  const empty = tempDir(t, 'grg-trivy-empty-');
  const o = await gate(t, ws, { ...trivyInputs(t), 'trivy-cache-dir': empty });
  assert.equal(o.result.verdict.passed, false);
  assert.ok(o.result.verdict.reasons.some((r) => r.includes(`Trivy has no vulnerability DB in ${empty}`) && r.includes('trivy-skip-db-update is true')), o.result.verdict.reasons.join('\n'));
});

test('no vulnerability DB and the download fails (registry unreachable): real Trivy\'s failure is explained as a DB problem', async (t) => {
  const ws = vulnModule(t, 'v0.3.7');
  const empty = tempDir(t, 'grg-trivy-empty-');
  // A registry on a closed loopback port: nothing leaves the machine, and the download fails for real.
  const o = await gate(t, ws, { ...trivyInputs(t), 'trivy-cache-dir': empty, 'trivy-skip-db-update': 'false' }, { TRIVY_DB_REPOSITORY: '127.0.0.1:1/none/trivy-db:2' });
  assert.equal(o.result.verdict.passed, false);
  assert.equal(scanOf(o).status, 'errored');
  assert.ok(o.result.verdict.reasons.some((r) => r.includes(`Trivy has no usable vulnerability DB in ${empty} and could not download one`) && /failed to download vulnerability DB/.test(r)), o.result.verdict.reasons.join('\n'));
});
