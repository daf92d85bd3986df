import { test } from 'vitest';
import assert from 'node:assert/strict';
import { renderSummary, renderConfigErrorSummary, SUMMARY_LIMIT } from '../../src/report/summary.ts';
import { escapeHtml } from '../../src/report/escape.ts';
import { rule } from '../../src/pipeline/findings.ts';
import { RULES, artifact, makeFinding as f, makeReport, stageResult } from '../support/report.ts';

const count = (s: string, needle: string) => s.split(needle).length - 1;

function assertTablesRectangular(md: string): void {
  let width = -1;
  for (const line of md.split('\n')) {
    if (!line.startsWith('| ')) {
      width = -1;
      continue;
    }
    const cols = count(line, '|');
    if (width === -1) width = cols;
    assert.equal(cols, width, `row has ${cols} pipes, table has ${width}: ${line.slice(0, 120)}`);
  }
}

/** Our own markup must balance whatever the tools said. */
function assertBalanced(md: string): void {
  assert.equal(count(md, '<details>'), count(md, '</details>'), 'details balanced');
  assert.equal(count(md, '<pre>'), count(md, '</pre>'), 'pre balanced');
  assert.equal(count(md, '<code>'), count(md, '</code>'), 'code balanced');
}

function failingReport() {
  return makeReport([
    stageResult({ name: 'toolchain', table: { header: ['Go', 'Source'], rows: [['1.26.3', 'download']] } }),
    stageResult({
      name: 'build',
      table: { header: ['Target', 'Result'], rows: [['linux/amd64', 'failed']] },
      details: '# example.com/app\n./main.go:7:14: undefined: missingGreeting',
      findings: [f(RULES.compile, 'build', { message: 'linux/amd64 example.com/app: main.go:7: undefined: missingGreeting', location: { file: 'main.go', line: 7 } })],
    }),
    stageResult({ name: 'modules', findings: [f(RULES.tidy, 'modules', { message: 'go.mod is not tidy', location: { file: 'go.mod', line: 3 } })] }),
  ]);
}

test('the verdict and its reasons come first, then the stages overview, then one section per stage', () => {
  const md = renderSummary(failingReport());
  const lines = md.split('\n');
  assert.equal(lines[0], '## ❌ go-release-gate: fail');
  const reasons = md.indexOf('**Why it failed**');
  const reason = md.indexOf('build: linux/amd64 example.com/app: main.go:7: undefined: missingGreeting');
  const overview = md.indexOf('### Stages');
  assert.ok(reasons > 0 && reason > reasons && overview > reason, 'verdict, reasons, then stages');
  let last = overview;
  for (const heading of ['### ✅ toolchain: passed', '### ❌ build: failed', '### ✅ modules: passed']) {
    const at = md.indexOf(heading);
    assert.ok(at > last, `${heading} after the previous section`);
    last = at;
  }
  // Each stage section has a table: its own, or its findings.
  const sections = md.split(/^### /m).slice(2);
  for (const s of sections) assert.match(s, /^\| .* \|$/m, s.slice(0, 40));
  assert.match(md, /<details><summary>build output<\/summary>\n\n<pre>\n# example\.com\/app/);
  assert.match(md, /Mode \*\*check\*\* \(no GitHub event\), caches \*\*read-only\*\*/);
  assertBalanced(md);
  assertTablesRectangular(md);
});

test('a passing run says pass and has no reasons', () => {
  const md = renderSummary(makeReport([stageResult({ name: 'build', table: { header: ['Target'], rows: [['linux/amd64']] } })], { artifacts: [artifact('app_linux_amd64', 'linux', 'amd64')] }));
  assert.match(md, /^## ✅ go-release-gate: pass\n/);
  assert.ok(!md.includes('Why it failed'));
  assert.match(md, /### Artifacts/);
  assert.ok(!md.includes('Release report'), 'no release report outside release mode');
});

test('text from tools is escaped everywhere: messages, rule ids, tables, details, reasons', () => {
  const hostile = '<img src=x onerror=alert(1)> | [link](javascript:alert(1)) *bold* </pre></details><script>';
  const evilRule = rule({ id: '<b>id</b>', name: 'Evil', shortDescription: 's', fullDescription: 'f', help: 'h', defaultSeverity: 'error' });
  const report = makeReport([
    stageResult({
      name: 'build',
      table: { header: [hostile], rows: [[hostile]] },
      details: `line1\n\n${hostile}\n\nline3`,
      findings: [f(evilRule, 'build', { message: hostile, location: { file: 'a|b.go', line: 1 }, details: `other ${hostile}` })],
    }),
  ], { staticRules: [evilRule] });
  const md = renderSummary(report);
  for (const raw of ['<img', '<script', '<b>', '](javascript', '*bold*']) assert.ok(!md.includes(raw), `raw ${raw} leaked`);
  assert.ok(md.includes(escapeHtml('<img src=x onerror=alert(1)>')));
  // Table rows keep their column count: no raw pipe from a message splits a cell.
  assertTablesRectangular(md);
  assert.equal(count(md, '</pre>'), count(md, '<pre>'));
  assertBalanced(md);
});

test('never more than 1 MiB: huge output is cut per block and the cut is said, with the verdict intact', () => {
  const findings = [];
  for (let i = 0; i < 5_000; i++) {
    findings.push(f(RULES.compile, 'build', { message: `error ${i} ${'x'.repeat(300)}`, location: { file: `f${i}.go`, line: i + 1 }, details: `${'stderr <noise> '.repeat(2_000)}${i}` }));
  }
  const stages = [
    stageResult({ name: 'toolchain' }),
    stageResult({ name: 'build', details: 'y'.repeat(5 * 1024 * 1024), findings }),
  ];
  for (let i = 0; i < 40; i++) stages.push(stageResult({ name: 'inspect', details: `${'z<'.repeat(60_000)}` }));
  const md = renderSummary(makeReport(stages));
  assert.ok(Buffer.byteLength(md) <= SUMMARY_LIMIT, `${Buffer.byteLength(md)} bytes`);
  assert.match(md, /^## ❌ go-release-gate: fail/);
  assert.match(md, /\*\*Summary truncated\*\*: \d+ block\(s\)/);
  assert.match(md, /more characters cut \(full text in report\.json\)/);
  assert.match(md, /… and 4900 more build findings in results\.sarif and report\.json\./);
  assertBalanced(md);
});

test('a smaller limit keeps whole blocks in order and names what it left out', () => {
  const report = failingReport();
  const full = renderSummary(report);
  const md = renderSummary(report, { limit: Buffer.byteLength(full) - 50 });
  assert.ok(Buffer.byteLength(md) <= Buffer.byteLength(full) - 50);
  assert.match(md, /Summary truncated/);
  assert.match(md, /^## ❌ go-release-gate: fail/);
  assertBalanced(md);
});

test('a SARIF cut and an override of a rule that does not exist are said up front', () => {
  const report = makeReport([stageResult({ name: 'build' })], { inputs: { rules: 'build/compile-failed=warning, inspect/no-such-rule=off' } });
  const md = renderSummary(report, { sarif: [{ tool: 'trivy', category: 'go-release-gate/trivy/', total: 30_000, kept: 25_000, cut: 'results-per-run' }] });
  assert.match(md, /results\.sarif holds the 25000 most severe of 30000 trivy findings \(GitHub accepts at most 25,000 results per run\)/);
  assert.match(md, /<code>inspect\/no-such-rule<\/code>, which match no rule of this version/);
  assert.ok(!md.includes('<code>build/compile-failed</code>, which'));
  assert.ok(md.indexOf('results.sarif holds') < md.indexOf('### Stages'));
});

test('release mode adds the release report: binaries, toolchain, revision, and honest "not scanned" / "not signed"', () => {
  const report = makeReport([stageResult({ name: 'toolchain' }), stageResult({ name: 'build' })], {
    inputs: { mode: 'release' },
    env: { GITHUB_REF: 'refs/tags/v1.2.3', GITHUB_EVENT_NAME: 'push', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567' },
    artifacts: [artifact('app_linux_amd64', 'linux', 'amd64'), artifact('app_windows_amd64.exe', 'windows', 'amd64')],
  });
  const md = renderSummary(report);
  assert.match(md, /### 📦 Release report for <code>v1\.2\.3<\/code>/);
  assert.match(md, /\| <code>gate-out\/app_linux_amd64<\/code> \| linux\/amd64 \| 1\.5 MiB \(1593470 bytes\) \| <code>(ab){32}<\/code> \|/);
  assert.match(md, /app_windows_amd64\.exe/);
  assert.match(md, /Go toolchain \| go1\.26\.3 \(downloaded, SHA-256 verified, GOROOT <code>\/opt\/go<\/code>\); every go command ran with GOTOOLCHAIN=local/);
  assert.match(md, /Revision \| <code>0123456789abcdef0123456789abcdef01234567<\/code> \(the workflow's commit; the binaries carry no vcs stamp\)/);
  assert.match(md, /Vulnerabilities \| \*\*not scanned\*\*: this version of go-release-gate has no scan stage/);
  assert.match(md, /Signatures \| \*\*not signed\*\*: this version of go-release-gate has no signing stage/);
  assert.match(md, /sha256sum --ignore-missing -c SHA256SUMS/);
});

test('the release report reads the scan and sign stages and the binaries\' vcs stamp when they exist', () => {
  const crit = rule({ id: 'CVE-1', name: 'C', shortDescription: 's', fullDescription: 'f', help: 'h', defaultSeverity: 'error', securitySeverity: 9.8, tool: 'trivy' });
  const med = rule({ id: 'CVE-2', name: 'M', shortDescription: 's', fullDescription: 'f', help: 'h', defaultSeverity: 'warning', securitySeverity: 5.3, tool: 'trivy' });
  const report = makeReport([
    stageResult({ name: 'scan', rules: [crit, med], findings: [f(crit, 'scan', { message: 'a' }), f(med, 'scan', { message: 'b' }), f(med, 'scan', { message: 'c' })] }),
    stageResult({ name: 'sign', status: 'skipped', reason: 'id-token: write permission is missing' }),
  ], { inputs: { mode: 'release' }, facts: { 'vcs.revision': 'feedface', 'vcs.modified': 'true' } });
  const md = renderSummary(report);
  assert.match(md, /Vulnerabilities \| 3: 1 critical, 0 high, 2 medium, 0 low/);
  assert.match(md, /Signatures \| \*\*not signed\*\*: id-token: write permission is missing/);
  assert.match(md, /Revision \| <code>feedface<\/code> \(from the binaries' build info; \*\*built from a modified work tree\*\*\)/);

  const skippedScan = makeReport([stageResult({ name: 'scan', status: 'skipped', reason: 'offline: no vulnerability DB' })], { inputs: { mode: 'release' } });
  assert.match(renderSummary(skippedScan), /Vulnerabilities \| \*\*not scanned\*\*: offline: no vulnerability DB/);
});

test('a refused configuration still gets a summary that says nothing ran', () => {
  const md = renderConfigErrorSummary('input ldflags: contains ";" <bad>');
  assert.match(md, /^## ❌ go-release-gate: fail/);
  assert.ok(md.includes('&#60;bad&#62;'));
  assert.match(md, /Nothing was run/);
});

test('the cache mode is marked as not used when the cache stage had no store', () => {
  // Issue 9/10: the header says what happened and why, never "read-write (no cache store: not used)".
  const md = renderSummary(makeReport([stageResult({ name: 'cache', status: 'skipped', reason: 'no cache store' })], { inputs: { cache: 'read-write' } }));
  assert.match(md, /caches \*\*not used\*\* \(read-write, but the cache stage was skipped: no cache store\), Go/);
  assert.doesNotMatch(md, /no cache store: not used/);
  const off = renderSummary(makeReport([stageResult({ name: 'cache', status: 'skipped', reason: 'the cache input is off: nothing was restored or saved' })], { inputs: { cache: 'off' } }));
  assert.match(off, /caches \*\*off\*\* \(the cache stage was skipped: the cache input is off\), Go/);
  const release = makeReport([stageResult({ name: 'cache' })], { inputs: { cache: 'read-only' } });
  release.facts['cache-build'] = 'not restored';
  assert.match(renderSummary(release), /caches \*\*read-only\*\*, module cache only \(release builds never use a restored build cache\), Go/);
  const used = renderSummary(makeReport([stageResult({ name: 'cache' })], { inputs: { cache: 'read-write' } }));
  assert.match(used, /caches \*\*read-write\*\*, Go/);
});

test('sentence(): a message another sentence follows ends in exactly one full stop', async () => {
  const { sentence } = await import('../../src/report/escape.ts');
  assert.equal(sentence('Unable to reserve cache with key k, another job may be creating this cache.'), 'Unable to reserve cache with key k, another job may be creating this cache.');
  assert.equal(sentence('quota exceeded'), 'quota exceeded.');
  assert.equal(sentence('trailing dots... \n'), 'trailing dots.');
  assert.equal(sentence('why?'), 'why?');
  assert.equal(sentence(''), '');
});

test('the release report names the Trivy that scanned: version, where it came from, the verified digest, the DB\'s age and source', () => {
  const scan = stageResult({ name: 'scan', metrics: { trivyVersion: '0.74.0', trivySource: 'download', trivySha256: 'ab'.repeat(32), dbSource: 'downloaded from mirror.gcr.io/aquasec/trivy-db:2', dbUpdatedAt: '2026-12-01T18:00:00.000Z', dbAge: '6h 0m' } });
  const md = renderSummary(makeReport([scan], { inputs: { mode: 'release' } }));
  assert.match(md, new RegExp(`Scanner \\| Trivy 0\\.74\\.0 \\(downloaded, archive SHA-256 <code>${'ab'.repeat(32)}</code> verified\\); vulnerability DB updated 2026-12-01T18:00:00\\.000Z \\(6h 0m old\\), downloaded from mirror\\.gcr\\.io/aquasec/trivy-db:2`));
  const path = renderSummary(makeReport([stageResult({ name: 'scan', metrics: { trivyVersion: '0.74.0', trivySource: 'PATH', dbSource: 'in trivy-cache-dir /c, fresh' } })], { inputs: { mode: 'release' } }));
  assert.match(path, /Scanner \| Trivy 0\.74\.0 \(the trivy on PATH\); vulnerability DB in trivy-cache-dir \/c, fresh/);
  assert.ok(!renderSummary(makeReport([stageResult({ name: 'build' })], { inputs: { mode: 'release' } })).includes('Scanner |'), 'no row without a scan');
});
