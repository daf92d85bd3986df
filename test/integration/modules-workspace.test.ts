// A go.work workspace vendored with `go work vendor`: the vendor tree lives next to go.work
// and is regenerated with `go work vendor -o`.
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { modulesStage } from '../../src/stages/modules.ts';
import { copyFixture, editLine, findingAt, go, lineOf, modulesContext, writeFiles } from '../support/gomodules.ts';

let pristine: string;

beforeAll(() => {
  pristine = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-ws-'));
  writeFiles(pristine, {
    'lib/go.mod': 'module example.com/lib\n\ngo 1.22\n\nrequire golang.org/x/text v0.14.0\n',
    'lib/lib.go': 'package lib\n\nimport "golang.org/x/text/language"\n\nfunc Tag() string { return language.English.String() }\n',
    'app/go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire (\n\texample.com/lib v0.0.0\n\tgithub.com/google/uuid v1.6.0\n)\n\nreplace example.com/lib => ../lib\n',
    'app/main.go': 'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/lib"\n\t"github.com/google/uuid"\n)\n\nfunc main() { fmt.Println(lib.Tag(), uuid.NewString()) }\n',
  });
  go(['mod', 'tidy'], path.join(pristine, 'lib'));
  go(['mod', 'tidy'], path.join(pristine, 'app'));
  go(['work', 'init', './app', './lib'], pristine);
  go(['work', 'vendor'], pristine);
});

afterAll(() => fs.rmSync(pristine, { recursive: true, force: true }));

test('a clean vendored workspace passes and the build uses its vendor tree', async (t) => {
  const repo = copyFixture(t, pristine);
  const { ctx } = modulesContext(t, repo, { dir: 'app' });
  const outcome = await modulesStage.run(ctx);
  assert.deepEqual(outcome.findings, []);
  assert.equal(outcome.status, 'passed');
  assert.equal(ctx.state.modFlag, '-mod=vendor');
  assert.ok(outcome.table!.rows.some((r) => r[0] === 'vendor/' && /0 modified/.test(r[2])));
});

test('a changed file in the workspace vendor tree is reported at that file and line', async (t) => {
  const repo = copyFixture(t, pristine);
  const file = 'vendor/golang.org/x/text/language/language.go';
  const line = lineOf(path.join(repo, file), /^func \(t Tag\) String\(\) string/);
  editLine(path.join(repo, file), line + 1, () => '\treturn "en"');
  const { ctx } = modulesContext(t, repo, { dir: 'app' });
  const outcome = await modulesStage.run(ctx);
  findingAt(outcome.findings, 'modules/vendor-modified', file, line + 1);
  assert.equal(outcome.status, 'failed');
  assert.equal(ctx.state.modFlag, undefined);
});

test('a workspace vendor/modules.txt version that differs from a go.mod of the workspace is reported on its line', async (t) => {
  const repo = copyFixture(t, pristine);
  const txt = path.join(repo, 'vendor/modules.txt');
  assert.equal(fs.readFileSync(txt, 'utf8').split('\n')[0], '## workspace');
  const line = lineOf(txt, '# github.com/google/uuid v1.6.0');
  editLine(txt, line, () => '# github.com/google/uuid v1.5.0');
  const { ctx } = modulesContext(t, repo, { dir: 'app' });
  const outcome = await modulesStage.run(ctx);
  const f = findingAt(outcome.findings, 'modules/vendor-modules-txt', 'vendor/modules.txt', line);
  assert.match(f.message, /but app\/go\.mod:\d+ requires v1\.6\.0/);
});

test('a malformed go.work fails closed at its line', async (t) => {
  const repo = copyFixture(t, pristine);
  fs.appendFileSync(path.join(repo, 'go.work'), '\nuse ./a ./b\n');
  const { ctx } = modulesContext(t, repo, { dir: 'app' });
  const outcome = await modulesStage.run(ctx);
  const line = lineOf(path.join(repo, 'go.work'), 'use ./a ./b');
  const f = findingAt(outcome.findings, 'modules/malformed-file', 'go.work', line);
  assert.match(f.message, new RegExp(`^go\\.work:${line}: use: expected one directory`));
  assert.equal(outcome.status, 'failed');
});
