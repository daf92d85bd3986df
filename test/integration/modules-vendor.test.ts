// The modules stage on a vendored module built with the real toolchain from real modules:
// each kind of drift the issue names fails the gate with the right rule at the right line.
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { modulesStage } from '../../src/stages/modules.ts';
import { buildApp, copyFixture, editLine, findingAt, lineOf, modulesContext, removeLine, writeFiles, go } from '../support/gomodules.ts';

let pristine: string;
let pristineReplace: string;

beforeAll(() => {
  pristine = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-vendored-'));
  buildApp(pristine, { vendor: true });
  // The same app with one dependency replaced by a directory of the repository.
  pristineReplace = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-replace-'));
  writeFiles(pristineReplace, {
    'third_party/greet/go.mod': 'module example.com/greet\n\ngo 1.22\n',
    'third_party/greet/greet.go': 'package greet\n\n// Hello greets.\nfunc Hello() string {\n\treturn "hello"\n}\n',
  });
  buildApp(pristineReplace, {
    vendor: true,
    goMod: 'module example.com/app\n\ngo 1.22\n\nrequire (\n\texample.com/greet v0.0.0\n\tgithub.com/google/uuid v1.6.0\n)\n\nreplace example.com/greet => ./third_party/greet\n',
    files: { 'main.go': 'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/greet"\n\t"github.com/google/uuid"\n)\n\nfunc main() { fmt.Println(greet.Hello(), uuid.NewString()) }\n' },
  });
});

afterAll(() => {
  fs.rmSync(pristine, { recursive: true, force: true });
  fs.rmSync(pristineReplace, { recursive: true, force: true });
});

async function gate(t: Parameters<typeof copyFixture>[0], repo: string) {
  const { ctx, rec } = modulesContext(t, repo);
  const outcome = await modulesStage.run(ctx);
  return { outcome, ctx, rec };
}

test('a clean vendored module passes and the build is told to use vendor/', async (t) => {
  const repo = copyFixture(t, pristine);
  const { outcome, ctx } = await gate(t, repo);
  assert.deepEqual(outcome.findings, []);
  assert.equal(outcome.status, 'passed');
  assert.equal(ctx.state.modFlag, '-mod=vendor');
  assert.ok(outcome.table!.rows.some((r) => r[0] === 'vendor/' && /0 modified, 0 added, 0 removed/.test(r[2])), JSON.stringify(outcome.table));
  assert.ok((outcome.metrics?.vendorFiles as number) > 10);
});

test('one byte changed in a vendored .go file is reported at that file and line', async (t) => {
  const repo = copyFixture(t, pristine);
  const file = 'vendor/github.com/google/uuid/uuid.go';
  const line = lineOf(path.join(repo, file), /^func Parse\(/);
  editLine(path.join(repo, file), line, (s) => s.replace('Parse', 'Parsf'));
  const { outcome, ctx } = await gate(t, repo);
  const f = findingAt(outcome.findings, 'modules/vendor-modified', file, line);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /github\.com\/google\/uuid v1\.6\.0/);
  assert.equal(outcome.status, 'failed');
  assert.equal(ctx.state.modFlag, undefined, 'an unverified vendor tree is not handed to the build');
  assert.equal(outcome.findings.filter((x) => x.severity === 'error').length, 1, 'one drift, one finding');
});

test('a file added under vendor/ is reported at that file', async (t) => {
  const repo = copyFixture(t, pristine);
  const file = 'vendor/golang.org/x/text/language/zz_backdoor.go';
  writeFiles(repo, { [file]: 'package language\n\nfunc init() {}\n' });
  const { outcome } = await gate(t, repo);
  const f = findingAt(outcome.findings, 'modules/vendor-added', file, 1);
  assert.match(f.message, /golang\.org\/x\/text v0\.14\.0/);
  assert.equal(outcome.status, 'failed');
});

test('a file deleted from vendor/ is reported on the modules.txt line of its package', async (t) => {
  const repo = copyFixture(t, pristine);
  fs.rmSync(path.join(repo, 'vendor/golang.org/x/text/language/tags.go'));
  const { outcome } = await gate(t, repo);
  const line = lineOf(path.join(repo, 'vendor/modules.txt'), 'golang.org/x/text/language');
  const f = findingAt(outcome.findings, 'modules/vendor-removed', 'vendor/modules.txt', line);
  assert.match(f.message, /vendor\/golang\.org\/x\/text\/language\/tags\.go is missing/);
  assert.equal(outcome.status, 'failed');
});

test('a version in vendor/modules.txt that differs from go.mod is reported on that line', async (t) => {
  const repo = copyFixture(t, pristine);
  const txt = path.join(repo, 'vendor/modules.txt');
  const line = lineOf(txt, '# rsc.io/quote v1.5.2');
  editLine(txt, line, () => '# rsc.io/quote v1.5.1');
  const { outcome } = await gate(t, repo);
  const f = findingAt(outcome.findings, 'modules/vendor-modules-txt', 'vendor/modules.txt', line);
  assert.match(f.message, new RegExp(`rsc\\.io/quote v1\\.5\\.1, but go\\.mod:${lineOf(path.join(repo, 'go.mod'), '\trsc.io/quote v1.5.2')} requires v1\\.5\\.2`));
  assert.equal(outcome.findings.filter((x) => x.ruleId === 'modules/vendor-modules-txt').length, 1, 'the line diff does not repeat it');
  assert.equal(outcome.status, 'failed');
});

test('a removed "## explicit" marker is reported on the module line of vendor/modules.txt', async (t) => {
  const repo = copyFixture(t, pristine);
  const txt = path.join(repo, 'vendor/modules.txt');
  const header = lineOf(txt, '# github.com/google/uuid v1.6.0');
  assert.equal(fs.readFileSync(txt, 'utf8').split('\n')[header], '## explicit');
  removeLine(txt, header + 1);
  const { outcome } = await gate(t, repo);
  const f = findingAt(outcome.findings, 'modules/vendor-modules-txt', 'vendor/modules.txt', header);
  assert.match(f.message, /does not mark it "## explicit"/);
  assert.equal(outcome.findings.filter((x) => x.ruleId === 'modules/vendor-modules-txt').length, 1);
  assert.equal(outcome.status, 'failed');
});

test('a line added to vendor/modules.txt that go mod vendor does not write is reported on that line', async (t) => {
  const repo = copyFixture(t, pristine);
  const txt = path.join(repo, 'vendor/modules.txt');
  const line = lineOf(txt, 'golang.org/x/text/language');
  editLine(txt, line, (s) => `${s}\ngolang.org/x/text/unicode/norm`);
  const { outcome } = await gate(t, repo);
  const f = findingAt(outcome.findings, 'modules/vendor-modules-txt', 'vendor/modules.txt', line + 1);
  assert.match(f.message, /has "golang\.org\/x\/text\/unicode\/norm"/);
});

test('a vendored copy of a local replace that differs from its directory is reported at the vendored line', async (t) => {
  const repo = copyFixture(t, pristineReplace);
  // The directory moved on after vendoring; vendor/ still holds the old copy.
  editLine(path.join(repo, 'third_party/greet/greet.go'), 5, () => '\treturn "hello, world"');
  const { outcome, ctx } = await gate(t, repo);
  const f = findingAt(outcome.findings, 'modules/vendor-modified', 'vendor/example.com/greet/greet.go', 5);
  assert.match(f.message, new RegExp(`replaced by \\./third_party/greet at go\\.mod:${lineOf(path.join(repo, 'go.mod'), /^replace /)}`));
  assert.equal(outcome.status, 'failed');
  assert.equal(ctx.state.modFlag, undefined);
});

test('the replace fixture passes while the vendored copy matches its directory', async (t) => {
  const repo = copyFixture(t, pristineReplace);
  const { outcome, ctx } = await gate(t, repo);
  assert.deepEqual(outcome.findings, []);
  assert.equal(ctx.state.modFlag, '-mod=vendor');
});

test('GOFLAGS=-mod=mod next to a vendor directory is reported on vendor/modules.txt', async (t) => {
  const repo = copyFixture(t, pristine);
  const { ctx } = modulesContext(t, repo);
  ctx.state.goEnv = { ...ctx.state.goEnv, GOFLAGS: '-mod=mod' };
  const outcome = await modulesStage.run(ctx);
  const f = findingAt(outcome.findings, 'modules/weak-verification', 'vendor/modules.txt', 1);
  assert.equal(f.severity, 'warning');
  assert.equal(outcome.status, 'passed', 'a weak setting warns; the source itself is verified');
});

test('vendor/ of a module that vendors nothing may not hold files', async (t) => {
  const repo = tempDir2(t);
  writeFiles(repo, { 'go.mod': 'module example.com/solo\n\ngo 1.22\n', 'main.go': 'package main\n\nfunc main() {}\n', 'vendor/evil.go': 'package evil\n' });
  go(['mod', 'tidy'], repo);
  const { outcome } = await gate(t, repo);
  findingAt(outcome.findings, 'modules/vendor-added', 'vendor/evil.go', 1);
  assert.equal(outcome.status, 'failed');
});

function tempDir2(t: Parameters<typeof copyFixture>[0]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-solo-'));
  t.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('a go command that fails with output that explains nothing still fails the gate', async (t) => {
  const repo = copyFixture(t, pristine);
  const { ctx } = modulesContext(t, repo);
  // Fault injection: go mod vendor fails claiming a go.sum line is missing that go.sum does have.
  const real = ctx.ports.exec;
  ctx.ports.exec = {
    run: (file, args, opts) =>
      args[0] === 'mod' && args[1] === 'vendor'
        ? Promise.resolve({ code: 1, stdout: '', stderr: 'go: rsc.io/quote@v1.5.2: missing go.sum entry for go.mod file; to add it:\n\tgo mod download rsc.io/quote\n' })
        : real.run(file, args, opts),
  };
  const outcome = await modulesStage.run(ctx);
  const f = findingAt(outcome.findings, 'modules/verify-failed', 'go.mod', 1);
  assert.match(f.message, /^go mod vendor -o, the vendor comparison did not succeed, and no finding explains why/);
  assert.equal(outcome.status, 'failed');
  assert.equal(ctx.state.modFlag, undefined);
});
