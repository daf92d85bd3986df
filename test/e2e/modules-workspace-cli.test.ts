// A go.work workspace through the CLI, on real git repositories: every module's go.mod is checked
// for tidiness (not only the one in the working directory), and a replace that was never
// vendored is named first in the verdict, at its replace line, before the vendor files it explains.
import { test, beforeAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { runCli } from '../support/cli.ts';
import { GO, SHARED_MODCACHE, go, lineOf, writeFiles } from '../support/gomodules.ts';

interface ReportFinding { ruleId: string; severity: string; message: string; stage: string; location?: { file?: string; line?: number }; rootCause?: boolean }

function commit(ws: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: ws, env });
  execFileSync('git', ['add', '-A'], { cwd: ws, env });
  execFileSync('git', ['commit', '-q', '-m', 'workspace'], { cwd: ws, env });
  execFileSync('git', ['tag', 'v1.0.0'], { cwd: ws, env });
}

/** lib (golang.org/x/text) and app (lib, uuid) in one go.work; vendored with go work vendor when asked. */
function workspace(opts: { vendor: boolean; edit?: (ws: string) => void }): string {
  const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'grg-gowork-')));
  writeFiles(ws, {
    'lib/go.mod': 'module example.com/lib\n\ngo 1.22\n\nrequire golang.org/x/text v0.14.0\n',
    'lib/lib.go': 'package lib\n\nimport "golang.org/x/text/language"\n\nfunc Tag() string { return language.English.String() }\n',
    'app/go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire (\n\texample.com/lib v0.0.0\n\tgithub.com/google/uuid v1.6.0\n)\n\nreplace example.com/lib => ../lib\n',
    'app/main.go': 'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/lib"\n\t"github.com/google/uuid"\n)\n\nfunc main() { fmt.Println(lib.Tag(), uuid.NewString()) }\n',
  });
  go(['mod', 'tidy'], path.join(ws, 'lib'));
  go(['mod', 'tidy'], path.join(ws, 'app'));
  go(['work', 'init', './app', './lib'], ws);
  // Every module of the workspace's build list into the shared module cache, as the gate's own
  // go mod download (GOPROXY=off) will want them: tidy fetched only what it needed.
  go(['mod', 'download'], ws);
  if (opts.vendor) go(['work', 'vendor'], ws);
  opts.edit?.(ws);
  commit(ws);
  return ws;
}

async function gate(ws: string) {
  // The output dir lives in the workspace (the CLI accepts no other root); the user cache beside it.
  const out = path.join(ws, 'gate-out');
  const r = await runCli(['run', '--dir', 'app', '--go-version', 'system', '--targets', 'linux/amd64', '--scan', 'off', '--out', out], {
    cwd: ws,
    env: {
      PATH: `${path.dirname(GO)}${path.delimiter}${process.env.PATH}`,
      XDG_CACHE_HOME: `${ws}-cache`,
      GOMODCACHE: SHARED_MODCACHE, GOPROXY: 'off', GOFLAGS: '', GOENV: 'off', GONOSUMDB: '', GOPRIVATE: '', GOINSECURE: '', GOSUMDB: '', GOWORK: '',
    },
  });
  const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
  return { r, findings: report.findings as ReportFinding[], reasons: report.reasons as string[], summary: fs.readFileSync(path.join(out, 'summary.md'), 'utf8') };
}

beforeAll(() => {
  // The versions the tests add, in the shared module cache (the gate itself runs with GOPROXY=off).
  go(['mod', 'download', 'golang.org/x/mod@v0.8.0', 'github.com/google/uuid@v1.5.0'], os.tmpdir());
});

test('every module of a workspace is checked for tidiness: an unused require in lib/go.mod is found while gating app', async () => {
  const ws = workspace({
    vendor: false,
    edit: (d) => {
      fs.appendFileSync(path.join(d, 'lib', 'go.mod'), '\nrequire golang.org/x/mod v0.8.0\n');
      fs.appendFileSync(path.join(d, 'lib', 'go.sum'), 'golang.org/x/mod v0.8.0 h1:LUYupSeNrTNCGzR/hVBk2NHZO4hXcVaW1k4Qx7rjPx8=\ngolang.org/x/mod v0.8.0/go.mod h1:iBbtSCu2XBx23ZKBPSOrRkjjQPZFPuis4dIYUhu/chs=\n');
    },
  });
  const { r, findings, summary } = await gate(ws);
  const tidy = findings.filter((f) => f.ruleId === 'modules/not-tidy');
  assert.deepEqual(tidy.map((f) => f.location?.file), ['lib/go.mod', 'lib/go.sum'], JSON.stringify(findings, null, 1) + r.stdout);
  // The hunk starts at the blank line before the require tidy drops.
  assert.equal(tidy[0].location?.line, lineOf(path.join(ws, 'lib', 'go.mod'), 'require golang.org/x/mod v0.8.0') - 1);
  assert.match(tidy[0].message, /go mod tidy would remove "", "require golang\.org\/x\/mod v0\.8\.0" at lib\/go\.mod:/);
  assert.match(tidy[1].message, /go mod tidy would remove "golang\.org\/x\/mod v0\.8\.0 h1:/);
  assert.ok(tidy.every((f) => f.severity === 'warning'));
  // One row per module of the workspace.
  assert.match(summary, /\| go mod tidy -diff \| app\/go\.mod \| tidy \|/);
  assert.match(summary, /\| go mod tidy -diff \| lib\/go\.mod \| 2 difference\(s\) \|/);
  assert.doesNotMatch(summary, /skipped: no go\.mod/);
});

test('a replace that was never vendored: findings point at the replace line and the verdict names it before its consequences', async () => {
  const ws = workspace({
    vendor: true,
    edit: (d) => {
      // Replaced after vendoring, and vendor/ not regenerated.
      fs.appendFileSync(path.join(d, 'app', 'go.mod'), '\nreplace github.com/google/uuid v1.6.0 => github.com/google/uuid v1.5.0\n');
      go(['mod', 'tidy'], path.join(d, 'app'));
    },
  });
  const replaceLine = lineOf(path.join(ws, 'app', 'go.mod'), 'replace github.com/google/uuid v1.6.0 => github.com/google/uuid v1.5.0');
  const { r, findings, reasons } = await gate(ws);
  assert.equal(r.code, 1, r.stdout);
  const cause = findings.find((f) => f.ruleId === 'modules/vendor-modules-txt' && /does not record the replacement/.test(f.message));
  assert.ok(cause, JSON.stringify(findings, null, 1));
  assert.deepEqual(cause.location, { file: 'app/go.mod', line: replaceLine });
  assert.equal(cause.rootCause, true);
  // Findings about the replaced version point at the replace line, not the require line.
  const aboutUuid = findings.filter((f) => f.location?.file === 'app/go.mod' && /github\.com\/google\/uuid/.test(f.message));
  assert.ok(aboutUuid.length >= 2, JSON.stringify(aboutUuid));
  for (const f of aboutUuid) assert.equal(f.location?.line, replaceLine, f.message);
  // Why it failed: the root cause first, then what follows from it (vendored files that differ, the build).
  assert.match(reasons[0], /^modules: github\.com\/google\/uuid@v1\.6\.0 is replaced by github\.com\/google\/uuid@v1\.5\.0 at app\/go\.mod:\d+ but vendor\/modules\.txt does not record the replacement/);
  assert.ok(reasons.slice(1).some((x) => /vendor\/github\.com\/google\/uuid\/.* differs from/.test(x)), reasons.join('\n'));
  assert.match(r.stdout, /verdict: fail\n {2}- modules: github\.com\/google\/uuid@v1\.6\.0 is replaced/);
});
