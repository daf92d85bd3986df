// A module file the gate cannot read fails the gate with the file and line, never passes.
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { modulesStage } from '../../src/stages/modules.ts';
import { buildApp, copyFixture, editLine, findingAt, lineOf, modulesContext } from '../support/gomodules.ts';

let pristine: string;

beforeAll(() => {
  pristine = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-malformed-'));
  buildApp(pristine, { vendor: true });
});

afterAll(() => fs.rmSync(pristine, { recursive: true, force: true }));

const CASES: { name: string; file: string; target: string | RegExp; edit: (line: string) => string; message: RegExp }[] = [
  { name: 'go.mod with a version that is not semver', file: 'go.mod', target: '\tgolang.org/x/text v0.14.0', edit: () => '\tgolang.org/x/text 0.14', message: /golang\.org\/x\/text: version "0\.14" is not of the form v1\.2\.3/ },
  { name: 'go.mod with a block never closed', file: 'go.mod', target: ')', edit: () => '', message: /the require block opened here is never closed/ },
  { name: 'go.sum with a line of two fields', file: 'go.sum', target: /^rsc\.io\/quote v1\.5\.2 h1:/, edit: () => 'rsc.io/quote v1.5.2', message: /expected "module version hash", found 2 fields/ },
  { name: 'go.sum with a truncated hash', file: 'go.sum', target: /^golang\.org\/x\/text v0\.14\.0 h1:/, edit: (s) => s.slice(0, -10), message: /is not a hash of the form h1:/ },
  { name: 'vendor/modules.txt with a module line without version', file: 'vendor/modules.txt', target: '# rsc.io/quote v1.5.2', edit: () => '# rsc.io/quote', message: /expected "# module\/path v1\.2\.3"/ },
];

for (const c of CASES) {
  test(`${c.name} fails closed at the file and line`, async (t) => {
    const repo = copyFixture(t, pristine);
    const abs = path.join(repo, c.file);
    const target = lineOf(abs, c.target);
    editLine(abs, target, c.edit);
    const { ctx } = modulesContext(t, repo);
    const outcome = await modulesStage.run(ctx);
    // A closing line removed reports at the line that opened the block.
    const line = c.target === ')' ? lineOf(abs, 'require (') : target;
    const f = findingAt(outcome.findings, 'modules/malformed-file', c.file, line);
    assert.equal(f.severity, 'error');
    assert.ok(f.message.startsWith(`${c.file}:${line}: `), f.message);
    assert.match(f.message, c.message);
    assert.equal(outcome.status, 'failed');
    assert.equal(ctx.state.modFlag, undefined);
    assert.equal(outcome.findings.length, 1, 'nothing else ran on a file that could not be read');
  });
}

test('every malformed file is reported in one run', async (t) => {
  const repo = copyFixture(t, pristine);
  editLine(path.join(repo, 'go.sum'), 1, () => 'broken');
  editLine(path.join(repo, 'vendor/modules.txt'), 1, () => '#broken');
  const { ctx } = modulesContext(t, repo);
  const outcome = await modulesStage.run(ctx);
  assert.deepEqual(outcome.findings.map((f) => [f.ruleId, f.location?.file, f.location?.line]), [
    ['modules/malformed-file', 'go.sum', 1],
    ['modules/malformed-file', 'vendor/modules.txt', 1],
  ]);
});
