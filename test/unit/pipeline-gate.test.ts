// The verdict's reasons: root causes (findings that explain others) first, the rest in stage order.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { decide } from '../../src/pipeline/gate.ts';
import { finding, rule } from '../../src/pipeline/findings.ts';
import { stageResult } from '../support/report.ts';

const R = rule({ id: 'x/r', name: 'R', shortDescription: 's', fullDescription: 'f', help: 'h', defaultSeverity: 'error' });

test('a root cause is listed before its consequences, whatever its stage and position', () => {
  const v = decide([
    stageResult({ name: 'modules', findings: [
      finding(R, 'modules', { message: 'vendor/a.go differs' }),
      finding(R, 'modules', { message: 'replace at app/go.mod:14 is not vendored', rootCause: true }),
      finding(R, 'modules', { message: 'only a warning', severity: 'warning', rootCause: true }),
    ] }),
    stageResult({ name: 'build', findings: [finding(R, 'build', { message: 'inconsistent vendoring' })] }),
  ]);
  assert.deepEqual(v.reasons, ['modules: replace at app/go.mod:14 is not vendored', 'modules: vendor/a.go differs', 'build: inconsistent vendoring']);
  assert.equal(v.passed, false);
});

test('without root causes the order is the stages order, unchanged', () => {
  const v = decide([
    stageResult({ name: 'toolchain', findings: [finding(R, 'toolchain', { message: 'a' })] }),
    stageResult({ name: 'modules', findings: [finding(R, 'modules', { message: 'b' }), finding(R, 'modules', { message: 'c' })] }),
  ]);
  assert.deepEqual(v.reasons, ['toolchain: a', 'modules: b', 'modules: c']);
});
