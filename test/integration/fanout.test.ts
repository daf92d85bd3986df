// Fan-out on directories, through dist/cli.js with real go builds and real Trivy: three shards
// of a module with three commands and six targets, merged, equal one unsharded run (binaries,
// digests, SHA256SUMS bytes, findings, verdict); and a missing shard, a failing shard, a shard
// of another commit and a tampered binary each fail the merge naming the shard.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliResult } from '../support/cli.ts';
import { commitAll, git } from '../support/git.ts';
import { go, goTestEnv, writeFiles } from '../support/gomodules.ts';
import { fixtureTrivyCache, trivyBin, VULN_MAIN, vulnGoMod } from '../support/trivy.ts';
import { sarifProblems } from '../support/sarif.ts';

const TARGETS = 'linux/amd64,linux/arm64,darwin/amd64,darwin/arm64,windows/amd64,windows/arm64';
const CMDS = ['alpha', 'beta', 'gamma'];
const BINARIES = CMDS.flatMap((c) => TARGETS.split(',').map((t) => `${c}_${t.replace('/', '_')}${t.startsWith('windows') ? '.exe' : ''}`)).sort();

type T = { onTestFinished(fn: () => unknown): void };

// The failure cases share the shard bundles built once: each runs in turn, and a failure names its case.
async function step(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof Error) e.message = `${name}: ${e.message}`;
    throw e;
  }
}

function tmp(t: T, prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  t.onTestFinished(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

/**
 * The module: three commands, one of them linking golang.org/x/text v0.3.7 (CVE-2022-32149), so
 * every shard reports the go.mod advisory (deduplicated by the merge) and the binaries carry it.
 */
function sourceModule(t: T): string {
  const dir = tmp(t, 'grg-fan-src-');
  writeFiles(dir, {
    'go.mod': vulnGoMod('v0.3.7').replace('example.com/vulnapp', 'example.com/fan'),
    'cmd/alpha/main.go': VULN_MAIN,
    'cmd/beta/main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("beta") }\n',
    'cmd/gamma/main.go': 'package main\n\nimport "os"\n\nfunc main() { os.Exit(0) }\n',
  });
  go(['mod', 'tidy'], dir);
  return dir;
}

/** A checkout of the module as a runner has it: committed with fixed identities, so every copy has one commit. */
function checkout(t: T, src: string): string {
  const ws = tmp(t, 'grg-fan-ws-');
  fs.cpSync(src, ws, { recursive: true });
  commitAll(ws);
  return ws;
}

function gateArgs(trivyCache: string): string[] {
  // CRITICAL: the HIGH advisory is a warning, so the run passes and still has findings to compare.
  return ['--dir', '.', '--targets', TARGETS, '--out', 'gate-out', '--scan', 'on', '--trivy-path', trivyBin(), '--trivy-cache-dir', trivyCache, '--trivy-skip-db-update', '--severity', 'CRITICAL'];
}

async function cli(args: string[], cwd: string): Promise<CliResult> {
  return runCli(args, { cwd, env: goTestEnv() });
}

const report = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
/** A finding as the release knows it, without the text that names a shard's own paths. */
const identity = (f: any) => `${f.severity} ${f.ruleId} ${f.stage} ${f.fingerprint} ${JSON.stringify(f.location ?? null)}`;
const sarifResults = (file: string) => {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  return Object.fromEntries(doc.runs.map((r: any) => [`${r.tool.driver.name} ${r.automationDetails.id}`, r.results.map((x: any) => `${x.ruleId} ${x.level} ${x.partialFingerprints.primaryLocationLineHash}`).sort()]));
};

test('fan-out: three shards merged equal one unsharded run; missing, failed, other-commit and tampered shards fail the merge by name', async (t) => {
  const src = sourceModule(t);
  const trivyCache = fixtureTrivyCache(t);
  const args = gateArgs(trivyCache);

  const whole = checkout(t, src);
  const one = await cli(['run', ...args], whole);
  assert.equal(one.code, 0, one.stderr + one.stdout);

  const shards: string[] = [];
  // Started in reverse order: the split does not depend on which shard runs first.
  for (const i of [3, 1, 2]) {
    const ws = checkout(t, src);
    const r = await cli(['run', '--shard', `${i}/3`, ...args], ws);
    assert.equal(r.code, 0, `shard ${i}: ${r.stderr}${r.stdout}`);
    shards[i] = path.join(ws, 'gate-out');
  }
  const bundles = [shards[1], shards[2], shards[3]];
  for (const [i, b] of bundles.entries()) {
    const m = JSON.parse(fs.readFileSync(path.join(b, 'shard.json'), 'utf8'));
    assert.deepEqual(m.shard, { index: i + 1, count: 3 });
    assert.equal(m.set.jobs.length, 18);
    assert.equal(m.jobs.length, 6, 'an even split: 18 jobs over 3 shards');
    assert.equal(m.commit, git(whole, 'rev-parse', 'HEAD').trim());
    assert.ok(!fs.readdirSync(b).some((n) => n.endsWith('.sigstore.json')), 'a shard never signs');
  }
  // The shares are disjoint and cover the set.
  const built = bundles.flatMap((b) => fs.readdirSync(b).filter((n) => /^(alpha|beta|gamma)_/.test(n)));
  assert.deepEqual([...built].sort(), BINARIES);

  const mergeWs = tmp(t, 'grg-fan-merge-');
  const merged = await cli(['merge', '--out', 'gate-out', ...bundles], mergeWs);
  assert.equal(merged.code, 0, merged.stderr + merged.stdout);
  assert.match(merged.stdout, /^verdict: pass$/m);
  const out = path.join(mergeWs, 'gate-out');
  const wholeOut = path.join(whole, 'gate-out');

  // The same binaries, byte for byte, and the same SHA256SUMS bytes.
  assert.deepEqual(fs.readdirSync(out).filter((n) => /^(alpha|beta|gamma)_/.test(n)).sort(), BINARIES);
  for (const n of BINARIES) assert.ok(fs.readFileSync(path.join(out, n)).equals(fs.readFileSync(path.join(wholeOut, n))), `${n} differs`);
  assert.ok(fs.readFileSync(path.join(out, 'SHA256SUMS')).equals(fs.readFileSync(path.join(wholeOut, 'SHA256SUMS'))), 'SHA256SUMS bytes differ');

  // The same findings and verdict.
  const a = report(wholeOut);
  const b = report(out);
  assert.equal(b.verdict, a.verdict);
  assert.deepEqual(b.reasons, a.reasons);
  assert.ok(a.findings.length > 0, 'the unsharded run has findings to compare');
  assert.ok(a.findings.some((f: any) => f.ruleId === 'scan/cve-2022-32149' && f.location?.file === 'go.mod'), 'the go.mod advisory');
  assert.deepEqual(b.findings.map(identity), a.findings.map(identity));
  // Every shard reported the go.mod advisory; the merge kept it once.
  for (const s of bundles) assert.ok(report(s).findings.some((f: any) => f.ruleId === 'scan/cve-2022-32149' && f.location?.file === 'go.mod'));
  assert.equal(b.findings.filter((f: any) => f.ruleId === 'scan/cve-2022-32149' && f.location?.file === 'go.mod').length, 1);
  assert.deepEqual(b.artifacts.map((x: any) => [path.basename(x.path), x.sha256]), a.artifacts.map((x: any) => [path.basename(x.path), x.sha256]).sort());
  assert.deepEqual(b.merged.shards.map((s: any) => [s.shard, s.verdict, s.binaries]), [['1/3', 'pass', 6], ['2/3', 'pass', 6], ['3/3', 'pass', 6]]);

  // SARIF: one run per tool + category, the same results as the unsharded run, valid for code scanning.
  const sarifFile = path.join(out, 'results.sarif');
  assert.deepEqual(sarifResults(sarifFile), sarifResults(path.join(wholeOut, 'results.sarif')));
  assert.deepEqual(await sarifProblems(sarifFile), []);
  const summary = fs.readFileSync(path.join(out, 'summary.md'), 'utf8');
  assert.match(summary, /go-release-gate: pass \(3 shards merged\)/);
  assert.match(summary, /\| 2\/3 \| Linux\/X64 \| [^|]+ \| ✅ pass \| 6 \|/);

  const mergeFails = async (dirs: string[], reason: RegExp) => {
    const ws = tmp(t, 'grg-fan-merge-');
    const r = await cli(['merge', '--out', 'gate-out', ...dirs], ws);
    assert.equal(r.code, 1, r.stderr + r.stdout);
    assert.match(r.stdout, /^verdict: fail$/m);
    const rep = report(path.join(ws, 'gate-out'));
    assert.equal(rep.verdict, 'fail');
    assert.ok(rep.reasons.some((x: string) => reason.test(x)), `${reason} in\n${rep.reasons.join('\n')}`);
    assert.deepEqual(await sarifProblems(path.join(ws, 'gate-out', 'results.sarif')), []);
    return rep;
  };

  await step('a missing shard', async () => {
    await mergeFails([shards[1], shards[3]], /^merge: shard 2\/3 did not arrive/);
  });

  await step('a tampered binary', async () => {
    const copy = tmp(t, 'grg-fan-tamper-');
    fs.cpSync(shards[2], copy, { recursive: true });
    const victim = fs.readdirSync(copy).find((n) => n.startsWith('beta_'))!;
    const bytes = fs.readFileSync(path.join(copy, victim));
    bytes[bytes.length - 1] ^= 0xff;
    fs.writeFileSync(path.join(copy, victim), bytes);
    const rep = await mergeFails([shards[1], copy, shards[3]], new RegExp(`^merge: shard 2/3 \\(${copy.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\): ${victim} no longer matches its checksum`));
    // The tampered binary is not published.
    assert.ok(!rep.artifacts.some((x: any) => path.basename(x.path) === victim));
  });

  await step('a shard of another commit', async () => {
    const ws = checkout(t, src);
    fs.writeFileSync(path.join(ws, 'NOTES.md'), 'a later commit\n');
    const later = commitAll(ws);
    const r = await cli(['run', '--shard', '3/3', ...args], ws);
    assert.equal(r.code, 0, r.stderr);
    await mergeFails([shards[1], shards[2], path.join(ws, 'gate-out')], new RegExp(`^merge: shard 3/3 .* built commit ${later}, the other shards [0-9a-f]{40}`));
  });

  await step('a failing shard', async () => {
    const ws = checkout(t, src);
    // Shard 2 builds a beta binary (round-robin over the sorted jobs): break beta.
    fs.writeFileSync(path.join(ws, 'cmd', 'beta', 'main.go'), 'package main\n\nfunc main() { undefinedCall() }\n');
    const r = await cli(['run', '--shard', '2/3', ...args], ws);
    assert.equal(r.code, 1, r.stderr + r.stdout);
    const rep = await mergeFails([shards[1], path.join(ws, 'gate-out'), shards[3]], /^merge: shard 2\/3 .* failed: build: .*undefinedCall/);
    // Its own findings say why: the compile error is in the merged report.
    assert.ok(rep.findings.some((f: any) => f.ruleId === 'build/compile-failed'));
  });

  await step('the merge refuses to write into a shard bundle', async () => {
    const r = await cli(['merge', '--out', shards[1], shards[1], shards[2], shards[3]], mergeWs);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /is also the shard bundle/);
    assert.ok(fs.existsSync(path.join(shards[1], 'shard.json')), 'the bundle is untouched');
  });
});

test('fan-out usage errors exit 2 with the reason', async (t) => {
  const cwd = tmp(t, 'grg-fan-usage-');
  const cases: [string[], RegExp][] = [
    [['merge'], /no shard bundle given/],
    [['merge', '--targets', 'linux/amd64', 'a'], /--targets is a flag of run; merge takes --out DIR/],
    [['run', '--shard', '9/4'], /input shard: "9\/4": the shard number must be 1 to 4/],
    [['run', '--shard', 'half'], /input shard: "half" is not a shard/],
    [['run', '--mode', 'merge'], /on the command line use: go-release-gate merge/],
    [['run', '--shard', '1/2', '--mode', 'merge'], /on the command line use: go-release-gate merge/],
  ];
  for (const [args, want] of cases) {
    const r = await cli(args, cwd);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, want, args.join(' '));
  }
  // A directory that is no bundle fails the merge (exit 1) naming it.
  fs.mkdirSync(path.join(cwd, 'empty'));
  const r = await cli(['merge', '--out', 'm', 'empty'], cwd);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /merge: empty: .*empty\/shard\.json is missing: not a complete shard bundle/);
});
