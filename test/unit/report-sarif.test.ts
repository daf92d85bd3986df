import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSarif, gzipBound, securitySeverity, SARIF_LIMITS } from '../../src/report/sarif.ts';
import { rule } from '../../src/pipeline/findings.ts';
import { RULES, makeFinding as f, makeReport, stageResult, tempWorkspace } from '../support/report.ts';

type Json = any;
const parse = (text: string): Json => JSON.parse(text);

test('a passing run is one run of go-release-gate with a category, fully described rules and no results', () => {
  const report = makeReport([stageResult({ name: 'toolchain' }), stageResult({ name: 'build' })]);
  const doc = parse(buildSarif(report).text);
  assert.equal(doc.version, '2.1.0');
  assert.equal(doc.runs.length, 1);
  const run = doc.runs[0];
  assert.equal(run.tool.driver.name, 'go-release-gate');
  assert.equal(run.automationDetails.id, 'go-release-gate/checks/');
  assert.deepEqual(run.results, []);
  assert.equal(run.invocations[0].executionSuccessful, true);
  assert.ok(run.tool.driver.rules.length >= Object.keys(RULES).length);
  for (const r of run.tool.driver.rules) {
    for (const k of ['id', 'name', 'helpUri']) assert.ok(r[k], `${r.id}.${k}`);
    for (const k of ['shortDescription', 'fullDescription']) assert.ok(r[k].text, `${r.id}.${k}`);
    assert.ok(r.help.text && r.help.markdown, `${r.id}.help`);
    assert.match(r.helpUri, /^https:\/\//);
  }
  // Only security rules carry security-severity, as a number in (0, 10] written as a string.
  const sum = run.tool.driver.rules.find((r: Json) => r.id === 'modules/sum-mismatch');
  assert.equal(sum.properties['security-severity'], '8.1');
  assert.ok(sum.properties.tags.includes('security'));
  const compile = run.tool.driver.rules.find((r: Json) => r.id === 'build/compile-failed');
  assert.equal(compile.properties['security-severity'], undefined);
});

test('security-severity is only ever a number in (0, 10]', () => {
  assert.equal(securitySeverity(7.5), '7.5');
  assert.equal(securitySeverity(10), '10.0');
  assert.equal(securitySeverity(0.04), '0.1');
  for (const bad of [0, -1, 10.01, Number.NaN, Number.POSITIVE_INFINITY, undefined]) assert.equal(securitySeverity(bad), undefined, String(bad));
  const weird = rule({ id: 'scan/weird', name: 'Weird', shortDescription: 's', fullDescription: 'f', help: 'h', defaultSeverity: 'error', securitySeverity: 42 });
  const report = makeReport([stageResult({ name: 'build' })], { staticRules: [weird] });
  const r = parse(buildSarif(report).text).runs[0].tool.driver.rules.find((x: Json) => x.id === 'scan/weird');
  assert.equal(r.properties['security-severity'], undefined);
  assert.ok(!r.properties.tags.includes('security'));
});

test('every result is located: a source line, else go.mod with the original or the built file kept', () => {
  const findings = [
    f(RULES.compile, 'build', { message: 'main.go broke', location: { file: 'cmd/app/main.go', line: 7, column: 14 } }),
    f(RULES.tidy, 'modules', { message: 'whole file', location: { file: 'go.mod' } }),
    f(RULES.info, 'inspect', { message: 'binary note', location: { artifact: 'gate-out/app_linux_amd64' } }),
    f(RULES.info, 'inspect', { message: 'located binary note', location: { file: 'cmd/app/main.go', line: 2, artifact: 'gate-out/app_linux_amd64' } }),
    f(RULES.info, 'inspect', { message: 'outside', location: { artifact: '/runner/_temp/out/app' } }),
    f(RULES.info, 'inspect', { message: 'escapes', location: { file: '../shared/x.go', line: 3 } }),
    f(RULES.info, 'inspect', { message: 'spaces and hash', location: { file: 'dir with space/#x%.go', line: 2 } }),
    f(RULES.compile, 'build', { message: 'no location at all' }),
  ];
  const doc = parse(buildSarif(makeReport([stageResult({ name: 'build', findings })])).text);
  const byMsg = new Map<string, Json>(doc.runs[0].results.map((r: Json) => [r.message.text, r]));
  const loc = (m: string) => byMsg.get(m).locations[0].physicalLocation;
  assert.deepEqual(loc('main.go broke'), { artifactLocation: { uri: 'cmd/app/main.go', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 14 } });
  assert.deepEqual(loc('whole file').region, { startLine: 1 });
  // Issue 9: a build output is not in the repository; the binary is a property.
  assert.equal(loc('binary note').artifactLocation.uri, 'go.mod');
  assert.equal(byMsg.get('binary note').properties.artifact, 'gate-out/app_linux_amd64');
  assert.deepEqual(loc('located binary note'), { artifactLocation: { uri: 'cmd/app/main.go', uriBaseId: '%SRCROOT%' }, region: { startLine: 2 } });
  assert.equal(byMsg.get('located binary note').properties.artifact, 'gate-out/app_linux_amd64');
  assert.equal(loc('outside').artifactLocation.uri, 'go.mod');
  assert.equal(byMsg.get('outside').properties.originalLocation, '/runner/_temp/out/app');
  assert.equal(loc('escapes').artifactLocation.uri, 'go.mod');
  assert.equal(loc('spaces and hash').artifactLocation.uri, 'dir%20with%20space/%23x%25.go');
  assert.equal(loc('no location at all').artifactLocation.uri, 'go.mod');
  for (const r of doc.runs[0].results) {
    assert.ok(r.locations[0].physicalLocation.region.startLine >= 1);
    assert.equal(doc.runs[0].tool.driver.rules[r.ruleIndex].id, r.ruleId);
  }
  // The checkout root, as an absolute file URI ending in '/'.
  assert.match(doc.runs[0].originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/\/.*\/$/);
});

test('fingerprints are stable across runs and repeated fingerprints are numbered occurrences', () => {
  const ws = tempWorkspace();
  const mk = (startedAt: Date) => makeReport([stageResult({
    name: 'build',
    findings: [
      f(RULES.compile, 'build', { message: 'a', location: { file: 'main.go', line: 3 }, subject: 'linux/amd64' }),
      f(RULES.compile, 'build', { message: 'b', location: { file: 'main.go', line: 9 }, subject: 'linux/amd64' }),
      f(RULES.tidy, 'modules', { message: 'c', location: { file: 'go.mod', line: 5 } }),
    ],
  })], { workspace: ws, startedAt });
  const hashes = (d: Json) => d.runs[0].results.map((r: Json) => r.partialFingerprints.primaryLocationLineHash);
  const one = hashes(parse(buildSarif(mk(new Date('2026-01-01T00:00:00Z'))).text));
  const two = hashes(parse(buildSarif(mk(new Date('2026-02-01T00:00:00Z'))).text));
  assert.deepEqual(one, two);
  assert.equal(new Set(one).size, 3, 'no two results share a fingerprint');
  assert.ok(one.some((h: string) => h.endsWith(':2')));
});

test('a second tool adds a run with its own category; a tool that did not run adds none', () => {
  const cve = rule({ id: 'CVE-2022-32149', name: 'GolangOrgXText', shortDescription: 'x/text DoS', fullDescription: 'Denial of service in golang.org/x/text/language.', help: 'Upgrade golang.org/x/text to v0.3.8.', defaultSeverity: 'error', securitySeverity: 7.5, tool: 'trivy' });
  const ghost = rule({ id: 'cosign/none', name: 'None', shortDescription: 's', fullDescription: 'f', help: 'h', defaultSeverity: 'error', tool: 'cosign' });
  const scan = stageResult({
    name: 'scan',
    rules: [cve],
    tools: [{ name: 'trivy', version: '0.74.0', informationUri: 'https://trivy.dev' }],
    findings: [f(cve, 'scan', { message: 'golang.org/x/text v0.3.7 is vulnerable', location: { file: 'go.mod', line: 5 } })],
  });
  const report = makeReport([stageResult({ name: 'build' }), scan], { staticRules: [...Object.values(RULES), ghost] });
  const out = buildSarif(report);
  const doc = parse(out.text);
  assert.deepEqual(doc.runs.map((r: Json) => r.tool.driver.name), ['go-release-gate', 'trivy']);
  assert.deepEqual(doc.runs.map((r: Json) => r.automationDetails.id), ['go-release-gate/checks/', 'go-release-gate/trivy/']);
  const trivy = doc.runs[1];
  assert.equal(trivy.tool.driver.version, '0.74.0');
  assert.equal(trivy.results.length, 1);
  assert.equal(trivy.tool.driver.rules[0].properties['security-severity'], '7.5');
  assert.ok(!doc.runs[0].tool.driver.rules.some((r: Json) => r.id === 'CVE-2022-32149'), 'a tool rule is described once, in its own run');
  assert.ok(!doc.runs.some((r: Json) => r.tool.driver.name === 'cosign'));
  assert.deepEqual(out.runs.map((r) => [r.tool, r.total, r.kept]), [['go-release-gate', 0, 0], ['trivy', 1, 1]]);
});

test('the category names the module directory, so a monorepo\'s modules keep their own alerts', () => {
  const ws = tempWorkspace();
  fs.mkdirSync(path.join(ws, 'services', 'api'), { recursive: true });
  const report = makeReport([stageResult({ name: 'build' })], { workspace: ws, inputs: { 'working-directory': 'services/api' } });
  assert.equal(parse(buildSarif(report).text).runs[0].automationDetails.id, 'go-release-gate/checks/services/api/');
});

test('a finding whose rule no stage declared still gets a complete rule descriptor', () => {
  const stray = rule({ id: 'mystery/thing', name: 'X', shortDescription: 's', fullDescription: 'f', help: 'h', defaultSeverity: 'warning' });
  const report = makeReport([stageResult({ name: 'build', findings: [f(stray, 'build', { message: 'm' })] })]);
  const run = parse(buildSarif(report).text).runs[0];
  const r = run.tool.driver.rules[run.results[0].ruleIndex];
  assert.equal(r.id, 'mystery/thing');
  assert.ok(r.fullDescription.text && r.help.text && r.shortDescription.text && r.name);
});

test('over 25,000 results, a run keeps the most severe and says how many it left out', () => {
  const findings = [];
  for (let i = 0; i < 25_010; i++) findings.push(f(RULES.info, 'inspect', { message: `note ${i}`, location: { file: `pkg/f${i}.go`, line: 1 } }));
  for (let i = 0; i < 20; i++) findings.push(f(RULES.compile, 'build', { message: `error ${i}`, location: { file: `e${i}.go`, line: 2 } }));
  findings.push(f(RULES.sum, 'modules', { message: 'sum mismatch', location: { file: 'go.sum', line: 9 } }));
  const report = makeReport([stageResult({ name: 'build', findings })]);
  const out = buildSarif(report);
  const results = parse(out.text).runs[0].results;
  assert.equal(results.length, SARIF_LIMITS.resultsPerRun);
  assert.equal(results.filter((r: Json) => r.level === 'error').length, 21, 'every error is kept');
  // The security rule ranks first among errors.
  assert.equal(results[0].ruleId, 'modules/sum-mismatch');
  assert.deepEqual(out.runs[0], { tool: 'go-release-gate', category: 'go-release-gate/checks/', total: 25_031, kept: 25_000, cut: 'results-per-run' });
});

test('over the gzip limit, results are dropped least severe first until the file fits', () => {
  const findings = [];
  // Incompressible messages: random hex.
  const noise = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  for (let i = 0; i < 400; i++) findings.push(f(RULES.info, 'inspect', { message: `note ${noise(400)}`, location: { file: 'go.mod', line: 1 } }));
  for (let i = 0; i < 10; i++) findings.push(f(RULES.compile, 'build', { message: `error ${i} ${noise(400)}`, location: { file: 'main.go', line: i + 1 } }));
  const report = makeReport([stageResult({ name: 'build', findings })]);
  const limits = { ...SARIF_LIMITS, gzipBytes: 60_000 };
  const out = buildSarif(report, limits);
  assert.ok(gzipSync(out.text).length <= limits.gzipBytes);
  // Near the limit it was compressed to know: the size is the real one.
  assert.equal(out.gzipBytesAtMost, gzipSync(out.text).length);
  const results = parse(out.text).runs[0].results;
  assert.ok(results.length < 410 && results.length >= 10, String(results.length));
  assert.equal(results.filter((r: Json) => r.level === 'error').length, 10);
  assert.equal(out.runs[0].cut, 'file-size');
});

test('a SARIF file far under the limit is not compressed to know it fits: the bound it gives holds gzip\'s worst case', () => {
  const report = makeReport([stageResult({ name: 'build', findings: [f(RULES.compile, 'build', { message: 'x', location: { file: 'main.go', line: 1 } })] })]);
  const out = buildSarif(report);
  assert.equal(out.gzipBytesAtMost, gzipBound(Buffer.byteLength(out.text)));
  // The bound holds for what gzip makes of this text, and of text it cannot compress at all.
  assert.ok(gzipSync(out.text).length <= out.gzipBytesAtMost);
  const random = Buffer.from(Array.from({ length: 200_000 }, () => Math.floor(Math.random() * 256)));
  assert.ok(gzipSync(random, { level: 9 }).length <= gzipBound(random.length));
  assert.ok(gzipSync(random, { level: 1 }).length <= gzipBound(random.length));
  assert.ok(gzipSync(Buffer.alloc(0)).length <= gzipBound(0));
});

test('hostile text stays data: one long message is cut, control characters and markup are just JSON strings', () => {
  const evil = `</script><img src=x onerror=alert(1)>\u0000\u001b[31m${'A'.repeat(20_000)}`;
  const report = makeReport([stageResult({ name: 'build', findings: [f(RULES.compile, 'build', { message: evil, location: { file: 'main.go', line: 1 } })] })]);
  const doc = parse(buildSarif(report).text);
  const text: string = doc.runs[0].results[0].message.text;
  assert.ok(text.length <= SARIF_LIMITS.messageChars);
  assert.ok(text.startsWith('</script><img'));
  assert.ok(text.endsWith('…'));
});
