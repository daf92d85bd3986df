// Our Trivy report model (src/scan/trivy-report.ts): a document of any other shape fails
// closed with a TrivyOutputError naming where, never reads as "no vulnerabilities".
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { parseTrivyReport, TrivyOutputError, type TrivyJsonReport } from '../../src/scan/trivy-report.ts';
import * as viaScan from '../../src/scan/trivy.ts';

const vuln = { VulnerabilityID: 'CVE-2022-32149', PkgName: 'golang.org/x/text', InstalledVersion: 'v0.3.7', FixedVersion: '0.3.8', Severity: 'high', SeveritySource: 'ghsa' };
const report = (result: Record<string, unknown>) => JSON.stringify({ SchemaVersion: 2, Results: [{ Target: 'go.mod', Type: 'gomod', ...result }] });

test('a typed report reads into the model; severities are Trivy\'s five, any case; an omitted one is UNKNOWN', () => {
  const typed: TrivyJsonReport = { SchemaVersion: 2, Results: [{ Target: 'go.mod', Type: 'gomod', Vulnerabilities: [vuln, { VulnerabilityID: 'GO-1' }] }] };
  const [t] = parseTrivyReport(JSON.stringify(typed));
  assert.deepEqual(t.vulns.map((v) => [v.id, v.severity]), [['CVE-2022-32149', 'HIGH'], ['GO-1', 'UNKNOWN']]);
  assert.equal(viaScan.parseTrivyReport, parseTrivyReport, 'the scan module hands out the same reader');
});

test('unknown shapes fail closed, naming the target and the field', () => {
  const cases: [string, RegExp][] = [
    [report({ Vulnerabilities: { 0: vuln } }), /go\.mod: Vulnerabilities is not an array/],
    [report({ Vulnerabilities: [{ ...vuln, Severity: 'SEVERE' }] }), /go\.mod CVE-2022-32149: Severity "SEVERE" is not one of UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL/],
    [report({ Vulnerabilities: [{ ...vuln, Severity: 9 }] }), /Severity is number, not a string/],
    [report({ Vulnerabilities: [{ ...vuln, FixedVersion: ['0.3.8'] }] }), /FixedVersion is object, not a string/],
    [report({ Vulnerabilities: [{ ...vuln, CVSS: 'high' }] }), /CVSS is not an object/],
    [report({ Vulnerabilities: [{ ...vuln, VulnerabilityID: 42 }] }), /without VulnerabilityID/],
    [report({ ExperimentalModifiedFindings: 'ignored' }), /ExperimentalModifiedFindings is not an array/],
    [report({ ExperimentalModifiedFindings: [7] }), /an ExperimentalModifiedFindings entry is not an object/],
    [report({ Target: 3 }), /Results\[0\]: Target is number, not a string/],
    [JSON.stringify({ SchemaVersion: 2, Results: { a: 1 } }), /Results is not an array/],
    [JSON.stringify({ SchemaVersion: 2, Results: [null] }), /Results\[0\] is not an object/],
    [JSON.stringify([]), /schema version 2/],
  ];
  for (const [text, message] of cases) assert.throws(() => parseTrivyReport(text), (e: unknown) => e instanceof TrivyOutputError && message.test((e as Error).message), text);
});

test('null lists are Trivy\'s "none" (Go\'s nil slice), not an unknown shape', () => {
  assert.deepEqual(parseTrivyReport(JSON.stringify({ SchemaVersion: 2, Results: null })), []);
  const [t] = parseTrivyReport(report({ Vulnerabilities: null, ExperimentalModifiedFindings: null }));
  assert.deepEqual([t.vulns, t.suppressed], [[], []]);
});
