// A module found tidy is recorded in GOCACHE under the key of tidy's inputs, and a later run with
// the same inputs reuses the answer instead of running `go mod tidy -diff` again. The real go
// decides each case: an edit the key ignores leaves tidy's own answer unchanged, an edit it
// follows is asked again.
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { modulesStage } from '../../src/stages/modules.ts';
import type { StageContext } from '../../src/pipeline/stage.ts';
import { GO, SHARED_MODCACHE, APP_MAIN, buildApp, copyFixture, go, goTestEnv, modulesContext, tempDir } from '../support/gomodules.ts';

let plain: string;
beforeAll(() => {
  plain = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-tidyreuse-'));
  buildApp(plain, { vendor: false });
  go(['mod', 'download'], plain);
});
afterAll(() => fs.rmSync(plain, { recursive: true, force: true }));

type T = Parameters<typeof copyFixture>[0];

/** The stage with a GOCACHE of its own, counting the go commands it runs. */
async function gate(t: T, repo: string, env: Record<string, string>) {
  const { ctx } = modulesContext(t, repo, { env });
  const commands: string[] = [];
  const exec = ctx.ports.exec;
  (ctx as { ports: StageContext['ports'] }).ports = { ...ctx.ports, exec: { ...exec, run: (bin, args, opts) => { commands.push(args.join(' ')); return exec.run(bin, args, opts); } } };
  const outcome = await modulesStage.run(ctx);
  const tidyRow = outcome.table!.rows.find((r) => r[0] === 'go mod tidy -diff');
  return { outcome, ranTidy: commands.includes('mod tidy -diff'), tidyRow: tidyRow?.[2] ?? '' };
}

const privateEnv = (t: T, extra: Record<string, string> = {}) =>
  goTestEnv({ GOCACHE: tempDir(t, 'grg-gocache-'), GOMODCACHE: tempDir(t, 'grg-modcache-'), GOPROXY: `file://${SHARED_MODCACHE}/cache/download`, GOSUMDB: 'off', GOFLAGS: '-buildvcs=false -modcacherw', ...extra });

/** What the real go says of the module: tidy or not. */
function goSaysTidy(repo: string, env: Record<string, string>): boolean {
  return spawnSync(GO, ['mod', 'tidy', '-diff'], { cwd: repo, env, encoding: 'utf8' }).status === 0;
}

test('a tidy module is recorded, and the same inputs reuse the answer without running tidy', async (t) => {
  const repo = copyFixture(t, plain);
  const env = privateEnv(t);
  const first = await gate(t, repo, env);
  assert.equal(first.outcome.status, 'passed');
  assert.ok(first.ranTidy, 'the first run runs go mod tidy -diff');
  assert.equal(first.tidyRow, 'tidy');
  // Module tree records (src/modules/treememo.ts) may sit beside it.
  const records = fs.readdirSync(path.join(env.GOCACHE, 'go-release-gate')).filter((f) => f.startsWith('tidy-'));
  assert.equal(records.length, 1, records.join(', '));

  const second = await gate(t, repo, env);
  assert.equal(second.outcome.status, 'passed');
  assert.equal(second.ranTidy, false, 'the second run reuses the answer');
  assert.match(second.tidyRow, /^tidy \(reused: a run at \d{4}-\d\d-\d\dT[\d:.]+Z found the same go\.mod, go\.sum, Go file imports and go version tidy\)$/);
  assert.equal(second.outcome.metrics?.tidyReused, true);

  // The same module in another checkout directory: the key has no absolute path in it.
  const elsewhere = copyFixture(t, plain);
  assert.equal((await gate(t, elsewhere, env)).ranTidy, false);
});

test('an edit inside a function body keeps the answer, and the real go agrees it is still tidy', async (t) => {
  const repo = copyFixture(t, plain);
  const env = privateEnv(t);
  await gate(t, repo, env);
  fs.writeFileSync(path.join(repo, 'main.go'), APP_MAIN.replace('func main() {', 'func main() {\n\tfmt.Println("more")\n'));
  const r = await gate(t, repo, env);
  assert.equal(r.ranTidy, false);
  assert.ok(goSaysTidy(repo, env), 'go mod tidy -diff finds the edited module tidy too');
});

test('an import dropped makes go.mod untidy: the key changes, tidy runs and reports it', async (t) => {
  const repo = copyFixture(t, plain);
  const env = privateEnv(t);
  await gate(t, repo, env);
  fs.writeFileSync(path.join(repo, 'main.go'), APP_MAIN.replace('\t"github.com/google/uuid"\n', '').replace('uuid.NewString(), ', ''));
  assert.equal(goSaysTidy(repo, env), false, 'the real go finds it untidy');
  const r = await gate(t, repo, env);
  assert.ok(r.ranTidy, 'other imports, other key: tidy runs');
  assert.ok(r.outcome.findings.some((f) => f.ruleId === 'modules/not-tidy' && /github\.com\/google\/uuid/.test(f.message)), JSON.stringify(r.outcome.findings));
  // Not tidy is never recorded: the next run asks again.
  assert.ok((await gate(t, repo, env)).ranTidy);
});

test('a run whose module checks failed records no tidy answer', async (t) => {
  const repo = copyFixture(t, plain);
  const env = privateEnv(t);
  go(['mod', 'download'], repo, env);
  fs.appendFileSync(path.join(env.GOMODCACHE, 'rsc.io/quote@v1.5.2/quote.go'), '\n// changed after download\n');
  const r = await gate(t, repo, env);
  assert.equal(r.outcome.status, 'failed');
  assert.ok(r.ranTidy);
  assert.equal(r.tidyRow, 'tidy');
  const records = path.join(env.GOCACHE, 'go-release-gate');
  assert.deepEqual(fs.existsSync(records) ? fs.readdirSync(records).filter((f) => f.startsWith('tidy-')) : [], [], 'no tidy answer recorded from a failed run');
});
