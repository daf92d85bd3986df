// What a scan must have covered (src/scan/coverage.ts), and the explicit config Trivy gets.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { goModNeedsScan, unscanned } from '../../src/scan/coverage.ts';
import { parseGoMod } from '../../src/modules/gomod.ts';
import { trivyScanArgs } from '../../src/scan/trivy.ts';

const mod = (text: string) => ({ gomod: parseGoMod(text, 'go.mod'), text });

test('goModNeedsScan: any require Trivy can look up; not a module that requires nothing or only local replacements', () => {
  const cases: [string, boolean][] = [
    ['module a\n\ngo 1.22\n', false],
    ['module a\n\ngo 1.22\n\nrequire golang.org/x/text v0.3.7\n', true],
    ['module a\n\ngo 1.22\n\nrequire golang.org/x/text v0.3.7 // indirect\n', true],
    ['module a\n\ngo 1.22\n\nrequire example.com/b v1.0.0\n\nreplace example.com/b => ../b\n', false],
    ['module a\n\ngo 1.22\n\nrequire (\n\texample.com/b v1.0.0\n\tgolang.org/x/text v0.3.7\n)\n\nreplace example.com/b => ../b\n', true],
    // Replaced by another module version: Trivy looks that one up.
    ['module a\n\ngo 1.22\n\nrequire example.com/b v1.0.0\n\nreplace example.com/b => example.com/c v1.2.0\n', true],
  ];
  for (const [text, want] of cases) {
    const m = mod(text);
    assert.equal(goModNeedsScan(m.gomod, m.text), want, text);
  }
  // A go.mod the gate cannot read: a require line means Trivy must have said something about it.
  assert.equal(goModNeedsScan(undefined, 'module a\nrequire x v1 garbage(\n'), true);
  assert.equal(goModNeedsScan(undefined, 'module a\ngo 1.22 garbage\n'), false);
});

test('unscanned names each target without its result, in order', () => {
  assert.deepEqual(unscanned({ goMod: { file: 'go.mod', needsScan: true, scanned: true }, binaries: [{ file: 'gate-out/a', scanned: true }] }), []);
  assert.deepEqual(unscanned({ goMod: { file: 'svc/go.mod', needsScan: false, scanned: false }, binaries: [] }), []);
  assert.deepEqual(
    unscanned({ goMod: { file: 'svc/go.mod', needsScan: true, scanned: false }, binaries: [{ file: 'gate-out/a_linux_amd64', scanned: false }, { file: 'gate-out/a_linux_arm64', scanned: true }] }),
    ['svc/go.mod (no gomod result)', 'gate-out/a_linux_amd64 (no gobinary result)'],
  );
  assert.deepEqual(unscanned({ binaries: [{ file: 'gate-out/b', scanned: false }] }), ['gate-out/b (no gobinary result)']);
});

test('trivyScanArgs passes an explicit config file when given, before the target', () => {
  const a = trivyScanArgs('fs', '/w/app', { cacheDir: '', skipDbUpdate: false, output: '/t/o.json', config: '/t/trivy.yaml' });
  assert.equal(a[a.indexOf('--config') + 1], '/t/trivy.yaml');
  assert.ok(a.indexOf('--config') < a.indexOf('--'));
  assert.ok(!trivyScanArgs('fs', '/w/app', { cacheDir: '', skipDbUpdate: false, output: 'o' }).includes('--config'));
});
