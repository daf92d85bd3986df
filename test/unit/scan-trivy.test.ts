import { test } from 'vitest';
import assert from 'node:assert/strict';
import { parseTrivyReport, parseTrivyVersion, trivyScanArgs, TrivyOutputError } from '../../src/scan/trivy.ts';
import { isExpired, parseIgnoreFile } from '../../src/scan/ignorefile.ts';
import { levelFor, ruleIdFor, scanFindings } from '../../src/scan/findings.ts';
import { parseGoMod } from '../../src/modules/gomod.ts';

const vuln = (over: Record<string, unknown> = {}) => ({
  VulnerabilityID: 'CVE-2022-32149', PkgName: 'golang.org/x/text', InstalledVersion: 'v0.3.7', FixedVersion: '0.3.8',
  Severity: 'HIGH', SeveritySource: 'ghsa', Title: 'slow tags', CVSS: { ghsa: { V3Score: 7.5 } }, ...over,
});

test('trivyScanArgs: one argument per value, the target after "--", DB flags only when asked', () => {
  const a = trivyScanArgs('fs', '-odd dir', { cacheDir: '/c', skipDbUpdate: true, output: '/o.json', ignoreFile: '/w/.trivyignore', skipDirs: ['gate-out'] });
  assert.deepEqual(a.slice(-2), ['--', '-odd dir']);
  for (const f of ['--skip-db-update', '--skip-version-check', '--disable-telemetry', '--offline-scan']) assert.ok(a.includes(f), f);
  assert.equal(a[a.indexOf('--cache-dir') + 1], '/c');
  assert.equal(a[a.indexOf('--ignorefile') + 1], '/w/.trivyignore');
  assert.equal(a[a.indexOf('--skip-dirs') + 1], 'gate-out');
  assert.ok(!trivyScanArgs('rootfs', 'd', { cacheDir: '', skipDbUpdate: false, output: 'o' }).includes('--skip-db-update'));
});

test('parseTrivyReport reads vulnerabilities and suppressed findings; refuses what is not a report', () => {
  const r = parseTrivyReport(JSON.stringify({
    SchemaVersion: 2,
    Results: [{
      Target: 'go.mod', Class: 'lang-pkgs', Type: 'gomod', Vulnerabilities: [vuln()],
      ExperimentalModifiedFindings: [{ Type: 'vulnerability', Status: 'ignored', Statement: 'ok', Source: '.trivyignore', Finding: vuln({ VulnerabilityID: 'CVE-1' }) }],
    }],
  }));
  assert.equal(r[0].vulns[0].cvss, 7.5);
  assert.equal(r[0].suppressed[0].vuln.id, 'CVE-1');
  assert.deepEqual(parseTrivyReport('{"SchemaVersion":2}'), []);
  assert.throws(() => parseTrivyReport('not json'), TrivyOutputError);
  assert.throws(() => parseTrivyReport('{"SchemaVersion":1,"Results":[]}'), /schema version 2/);
  assert.throws(() => parseTrivyReport('{"SchemaVersion":2,"Results":[{"Vulnerabilities":[{}]}]}'), /without VulnerabilityID/);
  assert.equal(parseTrivyVersion('{"Version":"0.74.0","VulnerabilityDB":{"UpdatedAt":"2026-01-01T00:00:00Z"}}').dbUpdatedAt, '2026-01-01T00:00:00Z');
  assert.equal(parseTrivyVersion('Version: 0.74.0\n').version, '0.74.0');
});

test('levels: at or above the threshold fails; below it MEDIUM+ warns and the rest are notes; NONE never fails', () => {
  assert.equal(levelFor('HIGH', 'HIGH'), 'error');
  assert.equal(levelFor('CRITICAL', 'HIGH'), 'error');
  assert.equal(levelFor('MEDIUM', 'HIGH'), 'warning');
  assert.equal(levelFor('LOW', 'HIGH'), 'note');
  assert.equal(levelFor('HIGH', 'CRITICAL'), 'warning');
  assert.equal(levelFor('LOW', 'LOW'), 'error');
  assert.equal(levelFor('CRITICAL', 'NONE'), 'warning');
  assert.equal(ruleIdFor('GHSA-69ch-w2m2-3vjp'), 'scan/ghsa-69ch-w2m2-3vjp');
  assert.match(ruleIdFor('CVE-2022-32149'), /^[a-z0-9-]+\/[a-z0-9-]+$/);
});

test('scanFindings: one finding per advisory and module version, at the require line, naming the binaries too', () => {
  const gomod = parseGoMod('module m\n\ngo 1.22\n\nrequire (\n\tgolang.org/x/text v0.3.7\n)\n', 'go.mod');
  const target = (type: string, vulns: unknown[]) => parseTrivyReport(JSON.stringify({ SchemaVersion: 2, Results: [{ Target: 't', Type: type, Vulnerabilities: vulns }] }))[0];
  const s = scanFindings(
    [{ file: 'go.mod', gomod, result: target('gomod', [vuln()]) }],
    [{ artifact: 'out/a', result: target('gobinary', [vuln({ InstalledVersion: '0.3.7' }), vuln({ PkgName: 'stdlib', InstalledVersion: 'v1.22.0', VulnerabilityID: 'CVE-2', Severity: 'MEDIUM', CVSS: undefined })]) }],
    'HIGH',
  );
  assert.equal(s.findings.length, 2);
  const text = s.findings.find((f) => f.ruleId === 'scan/cve-2022-32149')!;
  assert.deepEqual(text.location, { file: 'go.mod', line: 6 });
  assert.match(text.message, /Found in go\.mod:6, out\/a\./);
  const std = s.findings.find((f) => f.ruleId === 'scan/cve-2')!;
  assert.deepEqual(std.location, { artifact: 'out/a' });
  assert.equal(std.severity, 'warning');
  assert.equal(s.rules.find((r) => r.id === 'scan/cve-2')!.securitySeverity, 5.5);
  assert.ok(s.rules.every((r) => r.tool === 'trivy'));
});

test('ignore files: plain lines with exp:, the YAML vulnerabilities list; expiry is a date in UTC', () => {
  assert.deepEqual(parseIgnoreFile('.trivyignore', '# c\n\nCVE-1 exp:2030-01-02\nCVE-2 # why\n'), [{ id: 'CVE-1', line: 3, expires: '2030-01-02' }, { id: 'CVE-2', line: 4 }]);
  const y = parseIgnoreFile('.trivyignore.yaml', 'misconfigurations:\n  - id: AVD-1\nvulnerabilities:\n  - id: CVE-3\n    statement: "not reachable"\n    expired_at: 2031-05-06\n  - id: CVE-4\n');
  assert.deepEqual(y, [{ id: 'CVE-3', line: 4, statement: 'not reachable', expires: '2031-05-06' }, { id: 'CVE-4', line: 7 }]);
  assert.equal(isExpired({ id: 'x', line: 1, expires: '2030-01-02' }, '2030-01-01'), false);
  assert.equal(isExpired({ id: 'x', line: 1, expires: '2030-01-02' }, '2030-01-02'), true);
  assert.equal(isExpired({ id: 'x', line: 1 }, '2999-01-01'), false);
});
