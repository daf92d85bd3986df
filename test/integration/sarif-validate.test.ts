// SARIF checked by a validator no one here wrote: Microsoft's sarif-multitool with GitHub's
// ingestion rules ("Gh") and the spec's ("Sarif"), zero errors, over SARIF from real runs of
// the gate (real go builds of the fixture modules, passing and failing) and over the extremes
// the renderer must survive (hostile text, two tools, cuts at GitHub's limits).
import { test } from 'vitest';
import { gzipSync } from 'node:zlib';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runGate } from '../../src/run.ts';
import { buildSarif, SARIF_LIMITS } from '../../src/report/sarif.ts';
import { rule } from '../../src/pipeline/findings.ts';
import { recordingPorts } from '../support/context.ts';
import { makeWorkspace } from '../support/runner.ts';
import { moduleFixture } from '../support/gate.ts';
import { githubIngestProblems, sarifProblems, validateSarif } from '../support/sarif.ts';
import { RULES, makeFinding as f, makeReport, stageResult, tempWorkspace } from '../support/report.ts';

const TAG_ENV = { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.2.3', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567', GITHUB_REPOSITORY: 'org/app' };

async function realRun(fixture: string, inputs: Record<string, string> = {}, sub = ''): Promise<{ sarif: string; passed: boolean }> {
  const ws = makeWorkspace(moduleFixture(fixture), sub);
  const env: Record<string, string | undefined> = { ...process.env, ...TAG_ENV, GITHUB_EVENT_PATH: '' };
  const { ports } = recordingPorts({ workspace: ws, env });
  // No Trivy release server here: these runs check SARIF, not the scan (scan-trivy.test.ts does).
  const outcome = await runGate({ scan: 'off', ...(sub ? { 'working-directory': sub } : {}), ...inputs }, ports);
  return { sarif: outcome.files.sarif, passed: outcome.result.verdict.passed };
}

const REAL: [string, string, Record<string, string>, boolean, string?][] = [
  ['passing module, two targets', 'pass', { targets: 'linux/amd64,darwin/arm64' }, true],
  ['passing module in a subdirectory with a space', 'pass', {}, true, 'services/my api'],
  ['compile error', 'compile-error', {}, false],
  ['no main package', 'no-main', {}, false],
  ['malformed go.mod', 'malformed-gomod', {}, false],
  ['unknown target', 'pass', { targets: 'linux/amd64,plan9/m68k' }, false],
];

for (const [what, fixture, inputs, passes, sub] of REAL) {
  test(`real run, ${what}: ${passes ? 'pass' : 'fail'}, and its SARIF has zero validator errors`, async () => {
    const { sarif, passed } = await realRun(fixture, inputs, sub);
    assert.equal(passed, passes);
    assert.deepEqual(await sarifProblems(sarif), []);
    const doc = JSON.parse(fs.readFileSync(sarif, 'utf8'));
    if (!passes) assert.ok(doc.runs[0].results.some((r: { level: string }) => r.level === 'error'), 'the failure is in the SARIF');
    if (sub) assert.equal(doc.runs[0].automationDetails.id, `go-release-gate/checks/${sub}/`);
  });
}

function writeTemp(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'grg-sarif-')), 'results.sarif');
  fs.writeFileSync(file, text);
  return file;
}

test('the validator is real: SARIF that breaks GitHub\'s rules is caught (the check can fail)', async () => {
  const broken = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'a/b' }] } }, results: [{ ruleId: 'a/b', message: { text: 'm' }, properties: {} }] }],
  };
  const v = await validateSarif(writeTemp(JSON.stringify(broken)));
  const ids = new Set(v.errors.map((e) => e.ruleId));
  assert.ok(ids.has('GH2012'), 'rule without descriptions');
  assert.ok(ids.has('GH1015') || ids.has('GH1001'), 'result without locations');
  // What the validator does not check, our own check does.
  const badSev = { ...broken, runs: [{ ...broken.runs[0], tool: { driver: { name: 'x', rules: [{ id: 'a/b', properties: { 'security-severity': 'high', tags: ['security'] } }] } } }] };
  assert.ok(githubIngestProblems(JSON.stringify(badSev)).some((p) => /security-severity "high"/.test(p)));
});

test('extremes: hostile text, odd paths, two tools, unknown rules, a crashed stage: zero validator errors', async () => {
  const cve = rule({ id: 'CVE-2022-32149', name: 'XTextDoS', shortDescription: 'golang.org/x/text: denial of service <script>', fullDescription: 'ParseAcceptLanguage takes a long time to parse complex tags | `code` *stars*', help: 'Upgrade to v0.3.8.\n\n<img src=x>', helpUri: 'https://avd.aquasec.com/nvd/cve-2022-32149', defaultSeverity: 'error', securitySeverity: 7.5, tool: 'trivy' });
  const stray = rule({ id: 'nobody/declared-me', name: 'Stray', shortDescription: 's', fullDescription: 'f', help: 'h', defaultSeverity: 'warning' });
  const hostile = '</script>\u0000\u001b[31m<b>"quoted" & \'single\'</b> \\ back `tick` ' + 'ü€😀';
  const report = makeReport([
    stageResult({ name: 'toolchain', status: 'errored', reason: 'boom', findings: [f(RULES.compile, 'toolchain', { message: 'toolchain stage: boom', subject: 'toolchain' })] }),
    stageResult({
      name: 'build',
      findings: [
        f(RULES.compile, 'build', { message: hostile, location: { file: 'dir with space/ü #1 %.go', line: 3, column: 2 } }),
        f(RULES.compile, 'build', { message: 'outside', location: { file: '/etc/passwd', line: 1 } }),
        f(RULES.info, 'inspect', { message: 'binary', location: { artifact: 'gate-out/app_windows_amd64.exe' } }),
        f(RULES.info, 'inspect', { message: 'temp binary', location: { artifact: '/home/runner/work/_temp/app' } }),
        f(stray, 'build', { message: 'nobody declared me' }),
        f(RULES.tidy, 'modules', { message: '', location: { file: 'go.mod', line: 0 } }),
      ],
    }),
    stageResult({ name: 'scan', rules: [cve], tools: [{ name: 'trivy', version: '0.74.0', informationUri: 'https://trivy.dev' }], findings: [f(cve, 'scan', { message: 'golang.org/x/text v0.3.7', location: { file: 'go.mod', line: 5 } })] }),
  ], { env: TAG_ENV, inputs: { mode: 'release' } });
  const file = writeTemp(buildSarif(report).text);
  assert.deepEqual(await sarifProblems(file), []);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(doc.runs.length, 2);
  assert.equal(doc.runs[0].invocations[0].executionSuccessful, false);
});

test('at GitHub\'s limits: 25,000 results per run after a cut, under 10 MB gzipped, zero validator errors', async () => {
  const findings = [];
  for (let i = 0; i < 26_000; i++) {
    findings.push(f(i % 3 === 0 ? RULES.compile : RULES.tidy, 'build', { message: `finding ${i}: ${(i * 2654435761 % 2 ** 32).toString(36).repeat(8)}`, location: { file: `pkg/p${i % 500}/f${i}.go`, line: (i % 900) + 1 } }));
  }
  const out = buildSarif(makeReport([stageResult({ name: 'build', findings })], { workspace: tempWorkspace() }));
  assert.equal(out.runs[0].kept, SARIF_LIMITS.resultsPerRun);
  assert.ok(out.gzipBytesAtMost <= SARIF_LIMITS.gzipBytes);
  assert.ok(gzipSync(out.text).length <= SARIF_LIMITS.gzipBytes);
  assert.deepEqual(await sarifProblems(writeTemp(out.text)), []);
});
