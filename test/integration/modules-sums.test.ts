// go.sum completeness and integrity, the module tree check, go mod tidy -diff and weakening settings,
// on modules built with the real toolchain from real modules of the module proxy.
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { modulesStage } from '../../src/stages/modules.ts';
import { SHARED_MODCACHE, buildApp, copyFixture, editLine, findingAt, go, goTestEnv, lineOf, modulesContext, removeLine, tempDir, writeFiles } from '../support/gomodules.ts';

let vendored: string;
let plain: string;

beforeAll(() => {
  vendored = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-sums-v-'));
  buildApp(vendored, { vendor: true });
  plain = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-sums-p-'));
  buildApp(plain, { vendor: false });
});

afterAll(() => {
  fs.rmSync(vendored, { recursive: true, force: true });
  fs.rmSync(plain, { recursive: true, force: true });
});

type T = Parameters<typeof copyFixture>[0];

async function gate(t: T, repo: string, opts: Parameters<typeof modulesContext>[2] = {}) {
  const { ctx, rec } = modulesContext(t, repo, opts);
  return { outcome: await modulesStage.run(ctx), ctx, rec };
}

/**
 * A module cache of its own, filled from the shared one through a file:// proxy (no network), so a
 * test may damage it. -modcacherw lets the test (and cleanup) write to it.
 */
function privateCacheEnv(t: T, extra: Record<string, string> = {}): Record<string, string> {
  const cache = tempDir(t, 'grg-modcache-');
  return goTestEnv({ GOMODCACHE: cache, GOPROXY: `file://${SHARED_MODCACHE}/cache/download`, GOSUMDB: 'off', GOFLAGS: '-buildvcs=false -modcacherw', ...extra });
}

test('a clean module without vendor/ passes, with every check run', async (t) => {
  const repo = copyFixture(t, plain);
  const { outcome, ctx } = await gate(t, repo);
  assert.deepEqual(outcome.findings, []);
  assert.equal(outcome.status, 'passed');
  assert.equal(ctx.state.modFlag, undefined, 'no vendor tree, no -mod=vendor');
  const checks = outcome.table!.rows.map((r) => r[0]);
  assert.deepEqual(checks, ['module trees', 'go.sum', 'go mod tidy -diff']);
  // Hashed now, or (the shared caches of an earlier run) partly taken from records of unchanged trees.
  assert.match(outcome.table!.rows[0][2], /^\d+ module trees (hashed: each is what was downloaded|checked: each is what was downloaded \(\d+ hashed now, \d+ unchanged since an earlier run hashed them: .*\))$/);
  assert.match(outcome.table!.rows[1][2], /^9 of 9 lines checked against the verified module cache: all match$/);
});

for (const [name, pristine] of [['vendored', () => vendored], ['not vendored', () => plain]] as const) {
  test(`a missing go.sum h1 line is reported at the go.mod require line (${name})`, async (t) => {
    const repo = copyFixture(t, pristine());
    removeLine(path.join(repo, 'go.sum'), lineOf(path.join(repo, 'go.sum'), /^golang\.org\/x\/text v0\.14\.0 h1:/));
    const { outcome, ctx } = await gate(t, repo);
    const f = findingAt(outcome.findings, 'modules/missing-sum', 'go.mod', lineOf(path.join(repo, 'go.mod'), '\tgolang.org/x/text v0.14.0'));
    assert.match(f.message, /no "h1:" line .* for golang\.org\/x\/text v0\.14\.0/);
    assert.equal(outcome.status, 'failed');
    assert.equal(ctx.state.modFlag, undefined);
    assert.ok(!outcome.findings.some((x) => x.ruleId === 'modules/not-tidy'), 'tidy does not report the same line again');
  });
}

for (const [name, pristine] of [['vendored', () => vendored], ['not vendored', () => plain]] as const) {
  test(`a missing "/go.mod" line is reported at the go.mod require line of that module, and go.sum stays as committed (${name})`, async (t) => {
    const repo = copyFixture(t, pristine());
    const sum = path.join(repo, 'go.sum');
    removeLine(sum, lineOf(sum, /^rsc\.io\/sampler v1\.3\.0\/go\.mod /));
    const committed = fs.readFileSync(sum);
    const written = fs.statSync(sum).mtimeMs;
    const { outcome, rec } = await gate(t, repo);
    const f = findingAt(outcome.findings, 'modules/missing-sum', 'go.mod', lineOf(path.join(repo, 'go.mod'), /^require rsc\.io\/sampler v1\.3\.0/));
    assert.match(f.message, /"\/go\.mod" line/);
    assert.equal(outcome.status, 'failed');
    assert.deepEqual(fs.readFileSync(sum), committed);
    const restored = rec.logs.some((l) => /go mod download changed go\.sum; restored it as committed/.test(l));
    if (name === 'vendored') {
      // go mod download ran on the checkout before the vendor check, wrote the missing line, and the stage put the committed bytes back.
      assert.ok(restored, rec.logs.join('\n'));
    } else {
      // Alongside the build it runs on a copy of go.mod and go.sum: the checkout's go.sum is never written.
      assert.ok(!restored, rec.logs.join('\n'));
      assert.equal(fs.statSync(sum).mtimeMs, written);
    }
  });
}

test('a tampered go.sum hash is reported on its go.sum line (module in the cache)', async (t) => {
  const repo = copyFixture(t, vendored);
  const sum = path.join(repo, 'go.sum');
  const line = lineOf(sum, /^rsc\.io\/quote v1\.5\.2 h1:/);
  editLine(sum, line, (s) => s.replace('h1:w5fc', 'h1:AAAA'));
  const { outcome, ctx } = await gate(t, repo);
  const f = findingAt(outcome.findings, 'modules/sum-mismatch', 'go.sum', line);
  assert.match(f.message, /h1:AAAA.* for rsc\.io\/quote v1\.5\.2, but the module as downloaded and verified hashes to h1:w5fc/);
  assert.equal(outcome.status, 'failed');
  assert.equal(ctx.state.modFlag, undefined);
  assert.ok(outcome.table!.rows.some((r) => r[0] === 'vendor/' && /not compared/.test(r[2])));
});

test('a tampered go.sum hash of a module never downloaded is reported on its go.sum line (from the go command)', async (t) => {
  const repo = copyFixture(t, plain);
  const sum = path.join(repo, 'go.sum');
  const line = lineOf(sum, /^github\.com\/google\/uuid v1\.6\.0 h1:/);
  editLine(sum, line, (s) => s.replace('h1:NIva', 'h1:BBBB'));
  const { outcome } = await gate(t, repo, { env: privateCacheEnv(t) });
  const f = findingAt(outcome.findings, 'modules/sum-mismatch', 'go.sum', line);
  assert.match(f.message, /checksum mismatch for github\.com\/google\/uuid v1\.6\.0: downloaded h1:NIva.*go\.sum has h1:BBBB/);
  assert.equal(outcome.status, 'failed');
});

test('a tampered /go.mod hash is reported on its go.sum line', async (t) => {
  const repo = copyFixture(t, plain);
  const sum = path.join(repo, 'go.sum');
  const line = lineOf(sum, /^rsc\.io\/quote v1\.5\.2\/go\.mod h1:/);
  editLine(sum, line, (s) => s.replace('h1:LzX7', 'h1:CCCC'));
  const { outcome } = await gate(t, repo);
  findingAt(outcome.findings, 'modules/sum-mismatch', 'go.sum', line);
  assert.equal(outcome.status, 'failed');
});

test('a module changed in the module cache after download fails the module tree check at its require line', async (t) => {
  const repo = copyFixture(t, plain);
  const env = privateCacheEnv(t);
  go(['mod', 'download'], repo, env);
  const cached = path.join(env.GOMODCACHE, 'rsc.io/quote@v1.5.2/quote.go');
  fs.appendFileSync(cached, '\n// changed after download\n');
  const { outcome } = await gate(t, repo, { env });
  const f = findingAt(outcome.findings, 'modules/verify-failed', 'go.mod', lineOf(path.join(repo, 'go.mod'), '\trsc.io/quote v1.5.2'));
  assert.match(f.message, /module tree check: rsc\.io\/quote v1\.5\.2: dir has been modified/);
  assert.equal(outcome.status, 'failed');
});

test('modules that cannot be downloaded fail closed', async (t) => {
  const repo = copyFixture(t, plain);
  const env = goTestEnv({ GOMODCACHE: tempDir(t, 'grg-empty-cache-'), GOPROXY: 'off', GOFLAGS: '-buildvcs=false -modcacherw' });
  const { outcome } = await gate(t, repo, { env });
  // One error that says the checks could not run and why, not one per command that then failed.
  const failed = outcome.findings.filter((f) => f.ruleId === 'modules/verify-failed');
  assert.deepEqual(failed.map((f) => [f.location?.file, f.location?.line, f.severity]), [['go.mod', 1, 'error']]);
  assert.match(failed[0].message, /^verification could not run: .* cannot be fetched \(go: github\.com\/google\/uuid@v1\.6\.0: module lookup disabled by GOPROXY=off\); the module tree check, the go\.sum check and go mod tidy -diff did not run/);
  assert.equal(outcome.findings.filter((f) => f.ruleId === 'modules/not-tidy').length, 0);
  assert.equal(outcome.status, 'failed');
});

test('go mod tidy -diff differences are warnings at their line, errors with require-tidy', async (t) => {
  const repo = copyFixture(t, plain);
  const gomod = path.join(repo, 'go.mod');
  // An unused requirement: tidy would drop it.
  fs.writeFileSync(gomod, fs.readFileSync(gomod, 'utf8').replace('\tgolang.org/x/text v0.14.0\n', '\tgolang.org/x/text v0.14.0\n\tgolang.org/x/mod v0.8.0\n'));
  go(['mod', 'download', 'golang.org/x/mod@v0.8.0'], repo);
  fs.appendFileSync(path.join(repo, 'go.sum'), 'golang.org/x/mod v0.8.0 h1:LUYupSeNrTNCGzR/hVBk2NHZO4hXcVaW1k4Qx7rjPx8=\ngolang.org/x/mod v0.8.0/go.mod h1:iBbtSCu2XBx23ZKBPSOrRkjjQPZFPuis4dIYUhu/chs=\n');
  const line = lineOf(gomod, '\tgolang.org/x/mod v0.8.0');

  const warn = await gate(t, repo);
  const f = findingAt(warn.outcome.findings, 'modules/not-tidy', 'go.mod', line);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /remove "golang\.org\/x\/mod v0\.8\.0"/);
  assert.equal(warn.outcome.status, 'passed');

  const strict = await gate(t, repo, { requireTidy: true });
  assert.equal(findingAt(strict.outcome.findings, 'modules/not-tidy', 'go.mod', line).severity, 'error');
  assert.equal(strict.outcome.status, 'failed');
});

test('a tidy difference that is only formatting (a one-entry retract block) is reported as formatting, as a note', async (t) => {
  const repo = copyFixture(t, plain);
  const gomod = path.join(repo, 'go.mod');
  fs.appendFileSync(gomod, '\nretract (\n\tv1.0.0 // published by mistake\n)\n');
  const line = lineOf(gomod, 'retract (');
  const { outcome } = await gate(t, repo);
  const f = findingAt(outcome.findings, 'modules/not-tidy', 'go.mod', line);
  assert.equal(f.severity, 'note');
  assert.equal(f.message, `formatting only: go mod tidy would lay out go.mod differently (the retract block of lines ${line}-${line + 2} written on one line, "retract v1.0.0 // published by mistake"); nothing required or replaced changes`);
  assert.equal(outcome.findings.filter((x) => x.ruleId === 'modules/not-tidy').length, 1);
  assert.ok(outcome.table!.rows.some((r) => r[0] === 'go mod tidy -diff' && r[2] === 'formatting only (1 place(s))'), JSON.stringify(outcome.table));
  assert.equal(outcome.status, 'passed');
  // require-tidy still means tidy to the byte.
  const strict = await gate(t, repo, { requireTidy: true });
  assert.equal(findingAt(strict.outcome.findings, 'modules/not-tidy', 'go.mod', line).severity, 'error');
});

test('GONOSUMDB covering public modules and GOSUMDB=off are reported at the go.mod module line', async (t) => {
  const repo = copyFixture(t, plain);
  const { ctx } = modulesContext(t, repo);
  ctx.state.goEnv = { ...ctx.state.goEnv, GONOSUMDB: 'github.com,*.corp.example.com', GOINSECURE: 'git.corp.example.com' };
  const outcome = await modulesStage.run(ctx);
  const weak = outcome.findings.filter((f) => f.ruleId === 'modules/weak-verification');
  assert.deepEqual(weak.map((f) => [f.location?.file, f.location?.line, f.severity]), [['go.mod', 1, 'warning'], ['go.mod', 1, 'warning']]);
  assert.ok(weak.some((f) => /GONOSUMDB: pattern "github\.com" covers public modules .*github\.com\/google\/uuid/.test(f.message)));
  assert.ok(weak.some((f) => /GOINSECURE/.test(f.message)));
  assert.equal(outcome.status, 'passed');
});

test('a module without dependencies and without vendor/ still runs the tree check and tidy', async (t) => {
  const repo = tempDir(t, 'grg-nodeps-');
  writeFiles(repo, { 'go.mod': 'module example.com/solo\n\ngo 1.22\n', 'main.go': 'package main\n\nfunc main() {}\n' });
  // A GOCACHE of its own: a tidy answer recorded by an earlier run would be reused.
  const { outcome } = await gate(t, repo, { env: goTestEnv({ GOCACHE: tempDir(t, 'grg-gocache-') }) });
  assert.deepEqual(outcome.findings, []);
  assert.equal(outcome.status, 'passed');
  assert.deepEqual(outcome.table!.rows.map((r) => [r[0], r[2]]), [
    ['module trees', 'no module trees to hash'],
    ['go.sum', 'no lines (no dependencies)'],
    ['go mod tidy -diff', 'tidy'],
  ]);
});

test('without a Go toolchain the stage is skipped, not passed', async (t) => {
  const repo = copyFixture(t, plain);
  const { ctx } = modulesContext(t, repo);
  delete ctx.state.go;
  const outcome = await modulesStage.run(ctx);
  assert.equal(outcome.status, 'skipped');
  assert.equal(outcome.reason, 'needs the Go toolchain');
});
