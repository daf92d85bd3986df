// Reachability with the real tools: real Trivy on its fixture DB finds CVE-2022-32149 in three
// modules at golang.org/x/text v0.3.7, and the real govulncheck (the pinned build) with a local
// Go vulnerability DB holding GO-2022-1059 tells them apart: one calls
// language.ParseAcceptLanguage, one only imports the package, one only requires the module.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runGate, type GateOutcome } from '../../src/run.ts';
import { recordingPorts } from '../support/context.ts';
import { goTestEnv, tempDir } from '../support/gomodules.ts';
import { fixtureTrivyCache, trivyBin } from '../support/trivy.ts';
import { writeReachFixture, writeVulnDb, type ReachFixture } from '../support/vulndb.ts';
import { sarifProblems } from '../support/sarif.ts';
import { CACHE_HOME } from '../support/env.ts';

type T = { onTestFinished(fn: () => unknown): void };
const GOVULNCHECK = process.env.GOVULNCHECK_BIN || path.join(CACHE_HOME, 'go-release-gate-tools', 'govulncheck-v1.9.0', 'govulncheck');
const RULE = 'scan/cve-2022-32149';

function fixture(t: T, kind: ReachFixture): string {
  const ws = tempDir(t, `grg-reach-${kind}-`);
  writeReachFixture(ws, kind);
  return ws;
}

async function gate(t: T, ws: string, inputs: Record<string, string>): Promise<GateOutcome> {
  const { ports } = recordingPorts({ workspace: ws, env: goTestEnv(), tempDir: tempDir(t, 'grg-reach-tmp-') });
  return runGate({
    targets: 'linux/amd64,darwin/arm64',
    scan: 'on', 'trivy-path': trivyBin(), 'trivy-cache-dir': fixtureTrivyCache(t), 'trivy-skip-db-update': 'true',
    reachability: 'on', 'govulncheck-path': GOVULNCHECK, 'govulncheck-db': writeVulnDb().url,
    ...inputs,
  }, ports);
}

const advisoryOf = (o: GateOutcome) => {
  const scan = o.result.stages.find((s) => s.name === 'scan')!;
  const f = scan.findings.find((x) => x.ruleId === RULE);
  assert.ok(f, `Trivy found CVE-2022-32149: ${JSON.stringify(scan.findings.map((x) => x.ruleId))} ${scan.reason ?? ''}`);
  return { scan, f };
};

test('vuln-reachability: called fails only the module that calls ParseAcceptLanguage; the others are dormant warnings with the reason', async (t) => {
  const outcomes: Record<string, GateOutcome> = {};
  for (const kind of ['called', 'imported', 'required'] as const) outcomes[kind] = await gate(t, fixture(t, kind), { 'vuln-reachability': 'called' });

  const called = advisoryOf(outcomes.called);
  assert.equal(called.f.severity, 'error');
  assert.deepEqual(called.f.location, { file: 'main.go', line: 11, column: 46 });
  assert.match(called.f.message, /Reachability: reachable: called on linux\/amd64, darwin\/arm64 via called\.main \(main\.go:11\) → language\.ParseAcceptLanguage/);
  assert.equal(outcomes.called.result.verdict.passed, false);
  assert.ok(outcomes.called.result.verdict.reasons.some((r) => r.includes('CVE-2022-32149')));

  for (const kind of ['imported', 'required'] as const) {
    const { f } = advisoryOf(outcomes[kind]);
    assert.equal(f.severity, 'warning', kind);
    assert.match(f.message, /dormant under vuln-reachability: called/);
    assert.equal(outcomes[kind].result.verdict.passed, true, `${kind}: ${outcomes[kind].result.verdict.reasons.join('; ')}`);
  }
  assert.match(advisoryOf(outcomes.imported).f.message, /imported, but no vulnerable function is called/);
  assert.match(advisoryOf(outcomes.required).f.message, /required only/);

  // SARIF: the called result sits at the call site with its path as a code flow, and validates as code scanning ingests it.
  const sarifFile = outcomes.called.files.sarif;
  assert.deepEqual(await sarifProblems(sarifFile), []);
  const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8'));
  const result = sarif.runs.flatMap((r: { results: unknown[] }) => r.results).find((r: { ruleId: string }) => r.ruleId === RULE);
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'main.go');
  assert.equal(result.properties.reachability, 'called');
  const steps = result.codeFlows[0].threadFlows[0].locations.map((l: { location: { message: { text: string } } }) => l.location.message.text);
  assert.deepEqual(steps, ['called.main (main.go:11)', 'language.ParseAcceptLanguage (language/parse.go:158)']);
});

test('vuln-reachability: any fails all three, each marked with its reachability', async (t) => {
  for (const kind of ['called', 'imported', 'required'] as const) {
    const o = await gate(t, fixture(t, kind), { 'vuln-reachability': 'any' });
    const { f } = advisoryOf(o);
    assert.equal(f.severity, 'error', kind);
    assert.equal(o.result.verdict.passed, false, kind);
    assert.match(f.message, /Reachability: /);
  }
});

test('govulncheck that crashes, prints something else, or cannot read its DB fails closed when reachability is on; auto says "not analysed" and keeps the advisory failing', async (t) => {
  const ws = fixture(t, 'required');
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-fake-govulncheck-'));
  const crash = path.join(bin, 'crash');
  fs.writeFileSync(crash, '#!/bin/sh\necho "panic: runtime error" >&2\nexit 2\n', { mode: 0o755 });
  const garbage = path.join(bin, 'garbage');
  fs.writeFileSync(garbage, '#!/bin/sh\necho "{\\"config\\": {}}{\\"finding\\": {\\"osv\\": \\"GO-1\\", \\"trace\\": [{\\"module\\": \\"m\\"}]}}"\n', { mode: 0o755 });
  const cases: [string, Record<string, string>, RegExp][] = [
    ['crash', { 'govulncheck-path': crash }, /govulncheck exited with code 2 for linux\/amd64: panic: runtime error/],
    ['garbage', { 'govulncheck-path': garbage }, /finding for GO-1, but the stream carries no osv entry/],
    ['unreadable DB', { 'govulncheck-db': `file://${path.join(os.tmpdir(), 'no-such-vulndb')}` }, /govulncheck exited with code/],
  ];
  for (const [name, inputs, why] of cases) {
    const on = await gate(t, ws, { 'vuln-reachability': 'called', ...inputs });
    const scan = on.result.stages.find((s) => s.name === 'scan')!;
    assert.equal(scan.status, 'errored', `${name}: ${scan.status} ${scan.reason}`);
    assert.match(scan.reason ?? '', why, name);
    assert.equal(on.result.verdict.passed, false);
    const auto = await gate(t, ws, { 'vuln-reachability': 'called', reachability: 'auto', ...inputs });
    const { f } = advisoryOf(auto);
    assert.equal(f.severity, 'error', `${name}: not analysed never downgrades`);
    assert.match(f.message, /reachability not analysed \(/);
  }
});
