// govulncheck -json parsing and the join with Trivy's advisories, on output recorded from the
// real govulncheck v1.9.0 over three modules at golang.org/x/text v0.3.7 (GO-2022-1059): one
// calls language.ParseAcceptLanguage, one imports language only, one imports only x/text/width.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/runner.ts';
import { parseGovulncheck, splitJsonStream, govulncheckArgs } from '../../src/scan/govulncheck.ts';
import { joinReachability, meetsPolicy, reachabilityByOsv, type PlatformRun } from '../../src/scan/reachability.ts';
import { finding, rule } from '../../src/pipeline/findings.ts';

const recorded = (name: string) => fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'govulncheck', `${name}.json`), 'utf8');
const run = (name: string, platform = 'linux/amd64'): PlatformRun => ({ platform, report: parseGovulncheck(recorded(name)) });

const CVE_RULE = rule({ id: 'scan/cve-2022-32149', name: 'V', shortDescription: 's', fullDescription: 'f', help: 'h', defaultSeverity: 'error', tool: 'trivy' });
const trivyAdvisory = () => ({
  id: 'CVE-2022-32149',
  finding: finding(CVE_RULE, 'scan', { message: 'golang.org/x/text v0.3.7 has CVE-2022-32149 (HIGH): ...; fixed in 0.3.8. Found in go.mod:5.', location: { file: 'go.mod', line: 5 } }),
});
const opts = (policy: 'any' | 'imported' | 'called', analysed = true) => ({
  policy, analysed, moduleDir: '', govulncheckOnlySeverity: 'error' as const,
  requireLocation: (m: string) => (m === 'golang.org/x/text' ? { file: 'go.mod', line: 5 } : undefined),
  ...(analysed ? {} : { notAnalysedReason: 'govulncheck is not available' }),
});

test('the recorded streams parse: config, the OSV entry with its aliases, findings at module, package and function level', () => {
  const r = parseGovulncheck(recorded('called'));
  assert.equal(r.scannerVersion, 'v1.9.0');
  assert.equal(r.scanMode, 'source');
  assert.deepEqual(r.osvs.get('GO-2022-1059')?.aliases, ['CVE-2022-32149', 'GHSA-69ch-w2m2-3vjp']);
  assert.equal(r.findings.length, 3);
  const called = r.findings.find((f) => f.trace[0].function);
  assert.deepEqual(called?.trace.map((f) => f.function), ['ParseAcceptLanguage', 'main']);
  assert.deepEqual(called?.trace[1].position, { filename: 'main.go', line: 11, column: 46 });
});

test('reachability per module: called with the path from main, imported, required', () => {
  const called = reachabilityByOsv([run('called')]).get('GO-2022-1059');
  assert.equal(called?.level, 'called');
  assert.deepEqual(called?.path?.map((f) => `${f.package}.${f.function}`), ['example.com/called.main', 'golang.org/x/text/language.ParseAcceptLanguage']);
  assert.equal(reachabilityByOsv([run('imported')]).get('GO-2022-1059')?.level, 'imported');
  assert.equal(reachabilityByOsv([run('required')]).get('GO-2022-1059')?.level, 'required');
});

test('platforms merge: the highest level wins and names where it holds', () => {
  const r = reachabilityByOsv([run('imported', 'windows/amd64'), run('called', 'linux/amd64'), run('called', 'darwin/arm64')]).get('GO-2022-1059');
  assert.equal(r?.level, 'called');
  assert.deepEqual(r?.platforms, ['linux/amd64', 'darwin/arm64']);
});

test('policy called: only the called advisory fails; the others stay as dormant warnings with the reason', () => {
  const results = Object.fromEntries(['called', 'imported', 'required'].map((name) => [name, joinReachability([trivyAdvisory()], [run(name)], opts('called')).joined[0]]));
  assert.equal(results.called.finding.severity, 'error');
  assert.equal(results.called.reachability, 'called');
  assert.deepEqual(results.called.finding.location, { file: 'main.go', line: 11, column: 46 }, 'located at the call site in the module');
  assert.match(results.called.finding.message, /Reachability: reachable: called on linux\/amd64 via called\.main \(main\.go:11\) → language\.ParseAcceptLanguage \(language\/parse\.go:158\)/);
  for (const name of ['imported', 'required']) {
    assert.equal(results[name].finding.severity, 'warning', name);
    assert.equal(results[name].dormant, true);
    assert.match(results[name].finding.message, /dormant under vuln-reachability: called, so it does not fail the gate/);
    assert.deepEqual(results[name].finding.location, { file: 'go.mod', line: 5 });
  }
  assert.match(results.imported.finding.message, /imported, but no vulnerable function is called/);
  assert.match(results.required.finding.message, /required only/);
});

test('policy any keeps every advisory failing; imported keeps called and imported', () => {
  for (const name of ['called', 'imported', 'required']) {
    assert.equal(joinReachability([trivyAdvisory()], [run(name)], opts('any')).joined[0].finding.severity, 'error', name);
  }
  assert.equal(joinReachability([trivyAdvisory()], [run('imported')], opts('imported')).joined[0].finding.severity, 'error');
  assert.equal(joinReachability([trivyAdvisory()], [run('required')], opts('imported')).joined[0].finding.severity, 'warning');
});

test('not analysed never downgrades, and says why', () => {
  const j = joinReachability([trivyAdvisory()], [], opts('called', false)).joined[0];
  assert.equal(j.finding.severity, 'error');
  assert.equal(j.reachability, 'not analysed');
  assert.match(j.finding.message, /reachability not analysed \(govulncheck is not available\)/);
  assert.ok(meetsPolicy('not analysed', 'called'));
});

test('an entry only govulncheck reports becomes a finding of its own, failing when called', () => {
  const { joined, rules } = joinReachability([], [run('called')], opts('called'));
  assert.equal(joined.length, 1);
  assert.equal(joined[0].source, 'govulncheck');
  assert.equal(joined[0].finding.ruleId, 'scan/go-2022-1059');
  assert.equal(joined[0].finding.severity, 'error');
  assert.equal(rules[0].tool, 'govulncheck');
  const dormant = joinReachability([], [run('imported')], opts('called')).joined[0];
  assert.equal(dormant.finding.severity, 'warning');
  assert.deepEqual(dormant.finding.location, { file: 'go.mod', line: 5 });
});

test('malformed output fails closed with the offset', () => {
  assert.throws(() => parseGovulncheck('{"config": {"scanner_version": "v1"}}\n{"finding": {"osv": "GO-1", "trace": [{"module": "m"}]}}'), /finding for GO-1, but the stream carries no osv entry/);
  assert.throws(() => parseGovulncheck('{"config": {}}\n{"finding": '), /the object at offset 15 is cut off/);
  assert.throws(() => parseGovulncheck('{"progress": {"message": "x"}}'), /no config message/);
  assert.throws(() => parseGovulncheck('{"config": {}}{"surprise": {}}'), /object at offset 14: unknown message "surprise"/);
  assert.throws(() => parseGovulncheck('not json'), /expected "\{" at offset 0/);
  assert.throws(() => parseGovulncheck('{"config": {}}{"finding": {"osv": "GO-1", "trace": []}}'), /finding GO-1 has no trace/);
  assert.deepEqual(splitJsonStream('{"a": "}{"} {"b": [1, {"c": "\\""}]}').map((x) => x.offset), [0, 12]);
  assert.deepEqual(govulncheckArgs({ db: 'file:///db', tags: ['netgo', 'osusergo'], patterns: ['./...'] }), ['-json', '-mode', 'source', '-db', 'file:///db', '-tags', 'netgo,osusergo', './...']);
});
