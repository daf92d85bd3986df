// The pure parts of the fan-out: the split, the manifest parser, the bundle checks and the merges.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseShard, setIdOf, shareOf, sortJobs, type BuildJob } from '../../src/fanout/split.ts';
import { BundleError, MANIFEST_SCHEMA, parseChecksums, parseManifest, renderManifest, type ShardManifest } from '../../src/fanout/manifest.ts';
import { checkShards, type ShardView } from '../../src/fanout/check.ts';
import { mergeChecksums, mergeFindings, mergeSarif, mergeStages, renderMergedJson, type MergedRecord } from '../../src/fanout/merge.ts';
import { renderMergeSummary } from '../../src/fanout/summary.ts';
import { NO_ID_TOKEN } from '../../src/stages/sign.ts';
import { finding, rule } from '../../src/pipeline/findings.ts';
import { ConfigError, parseConfig } from '../../src/config/config.ts';
import { artifactFileName, binaryName } from '../../src/build/args.ts';

const TARGETS = ['linux/amd64', 'linux/arm64', 'darwin/arm64', 'windows/amd64'];
const PKGS = ['example.com/m/cmd/a', 'example.com/m/cmd/b', 'example.com/m/cmd/c'];
const JOBS: BuildJob[] = TARGETS.flatMap((t) => PKGS.map((pkg) => ({ goos: t.split('/')[0], goarch: t.split('/')[1], pkg })));
const key = (j: BuildJob) => `${j.pkg} ${j.goos}/${j.goarch}`;

test('parseShard: i/n, with the mistakes named', () => {
  assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
  assert.deepEqual(parseShard(' 1 / 1 '), { index: 1, count: 1 });
  assert.throws(() => parseShard('0/4'), /shard number must be 1 to 4/);
  assert.throws(() => parseShard('5/4'), /shard number must be 1 to 4/);
  assert.throws(() => parseShard('1/0'), /number of shards must be 1 to 256/);
  assert.throws(() => parseShard('1/300'), /number of shards must be 1 to 256/);
  assert.throws(() => parseShard('2of4'), /not a shard: write i\/n/);
});

test('the split: disjoint, covering, balanced, and the same whatever order the jobs came in', () => {
  for (const n of [1, 2, 3, 5, 12, 20]) {
    const shares = Array.from({ length: n }, (_, i) => shareOf(JOBS, { index: i + 1, count: n }));
    const all = shares.flat().map(key);
    assert.equal(new Set(all).size, all.length, `n=${n}: disjoint`);
    assert.deepEqual([...all].sort(), JOBS.map(key).sort(), `n=${n}: covering`);
    const sizes = shares.map((s) => s.length);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `n=${n}: balanced ${sizes}`);
    const shuffled = [...JOBS].reverse();
    for (let i = 0; i < n; i++) assert.deepEqual(shareOf(shuffled, { index: i + 1, count: n }).map(key), shares[i].map(key));
  }
  assert.equal(setIdOf(JOBS, 3), setIdOf([...JOBS].reverse(), 3));
  assert.notEqual(setIdOf(JOBS, 3), setIdOf(JOBS, 4), 'the shard count is part of the set');
  assert.notEqual(setIdOf(JOBS, 3), setIdOf(JOBS.slice(1), 3));
  assert.equal(sortJobs([...JOBS, ...JOBS]).length, JOBS.length, 'duplicates dropped');
});

function manifest(index: number, count: number, over: Partial<ShardManifest> = {}): ShardManifest {
  const jobs = shareOf(JOBS, { index, count });
  return {
    schema: MANIFEST_SCHEMA,
    shard: { index, count },
    set: { id: setIdOf(JOBS, count), jobs: sortJobs(JOBS) },
    jobs,
    commit: 'a'.repeat(40),
    runner: { os: 'Linux', arch: 'X64' },
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1000 * index,
    verdict: 'pass',
    reasons: [],
    goVersion: '1.26.3',
    toolVersion: '0.1.0',
    defaultFile: 'go.mod',
    binaries: jobs.map((j) => ({ name: artifactFileName(binaryName(j.pkg), j), goos: j.goos, goarch: j.goarch, pkg: j.pkg, size: 10, sha256: digestOf(j) })),
    build: { targets: TARGETS, packages: [], ldflags: '', tags: [], cgo: false, strip: true, dependencies: [{ uri: 'pkg:golang/golang.org/x/text@v0.3.7', name: 'golang.org/x/text@v0.3.7', digest: { 'go-module-h1': 'olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=' } }] },
    files: { report: 'report.json', sarif: 'results.sarif', summary: 'summary.md', checksums: 'SHA256SUMS' },
    ...over,
  };
}
function digestOf(j: BuildJob): string {
  return Buffer.from(key(j)).toString('hex').padEnd(64, '0').slice(0, 64);
}
function view(m: ShardManifest, source = `shard-${m.shard.index}`): ShardView {
  return { source, manifest: m, reportVerdict: m.verdict, checksums: m.binaries.map((b) => ({ name: b.name, sha256: b.sha256 })) };
}
const honest = (v: ShardView, name: string) => v.manifest.binaries.find((b) => b.name === name)?.sha256;

test('parseManifest: round trip, and every malformed field named with the file', () => {
  const m = manifest(2, 3);
  assert.deepEqual(parseManifest(renderManifest(m), 'b/shard.json'), m);
  const bad = (edit: (d: any) => void, re: RegExp) => {
    const d = JSON.parse(renderManifest(m));
    edit(d);
    assert.throws(() => parseManifest(JSON.stringify(d), 'b/shard.json'), (e: unknown) => e instanceof BundleError && /^b\/shard\.json: /.test(e.message) && re.test(e.message));
  };
  bad((d) => (d.schema = 'other'), /schema must be/);
  bad((d) => (d.shard.index = 4), /shard\.index must be an integer from 1 to 3/);
  bad((d) => (d.binaries[0].name = '../../etc/passwd'), /binaries\[0\]\.name must be a string matching/);
  bad((d) => (d.binaries[1].sha256 = 'xyz'), /binaries\[1\]\.sha256/);
  bad((d) => (d.commit = 'main'), /commit must be/);
  bad((d) => (d.verdict = 'ok'), /verdict must be "pass" or "fail"/);
  bad((d) => delete d.build, /build must be an object/);
  bad((d) => (d.build.cgo = 'no'), /build\.cgo must be true or false/);
  bad((d) => (d.build.dependencies[0].digest = { 'go-module-h1': 7 }), /build\.dependencies\[0\]\.digest\.go-module-h1 must be a string/);
  assert.throws(() => parseManifest('{', 'x/shard.json'), /x\/shard\.json: not JSON/);
});

test('parseChecksums: sha256sum lines; a bad line named by number', () => {
  assert.deepEqual(parseChecksums(`${'a'.repeat(64)}  app_linux_amd64\n${'b'.repeat(64)} *app.exe\n`, 'S'), [{ sha256: 'a'.repeat(64), name: 'app_linux_amd64' }, { sha256: 'b'.repeat(64), name: 'app.exe' }]);
  assert.throws(() => parseChecksums(`${'a'.repeat(64)}  ok\nnonsense\n`, 'dir/SHA256SUMS'), /^BundleError: dir\/SHA256SUMS:2: not a/);
  assert.throws(() => parseChecksums(`${'a'.repeat(64)}  sub/dir\n`, 'S'), /S:1/);
});

test('checkShards: a complete honest set passes; every kind of problem names the shard', () => {
  const good = [1, 2, 3].map((i) => view(manifest(i, 3)));
  const ok = checkShards(good, honest);
  assert.deepEqual(ok.findings, []);
  assert.equal(ok.members.length, 3);

  const ids = (fs: { ruleId: string; message: string }[]) => fs.map((f) => `${f.ruleId}: ${f.message}`);
  // Order of the arguments does not matter.
  assert.deepEqual(checkShards([...good].reverse(), honest).findings, []);
  assert.deepEqual(ids(checkShards([good[0], good[2]], honest).findings), ['merge/missing-shard: shard 2/3 did not arrive: no bundle of it was given to the merge']);
  assert.match(ids(checkShards([...good, view(manifest(2, 3), 'again')], honest).findings)[0], /^merge\/duplicate-shard: shard 2\/3 was given twice: again and shard-2/);
  const other = checkShards([good[0], view(manifest(2, 3, { commit: 'b'.repeat(40) })), good[2]], honest);
  assert.deepEqual(ids(other.findings), [`merge/other-commit: shard 2/3 (shard-2) built commit ${'b'.repeat(40)}, the other shards ${'a'.repeat(40)}`]);
  assert.equal(other.members.length, 2);
  const failed = checkShards([good[0], view(manifest(2, 3, { verdict: 'fail', reasons: ['build: linux/arm64 example.com/m/cmd/b: x.go:3: undefined: y'] })), good[2]], honest);
  assert.match(ids(failed.findings)[0], /^merge\/shard-failed: shard 2\/3 \(shard-2\) failed: build: linux\/arm64/);
  assert.equal(failed.reported.length, 3, 'a failed shard\'s findings are still reported');
  const tampered = checkShards(good, (v, name) => (v.manifest.shard.index === 3 && name === v.manifest.binaries[0].name ? 'f'.repeat(64) : honest(v, name)));
  assert.match(ids(tampered.findings)[0], new RegExp(`^merge/checksum-mismatch: shard 3/3 \\(shard-3\\): ${good[2].manifest.binaries[0].name} no longer matches its checksum`));
  assert.match(ids(checkShards(good, (v, n) => (v.manifest.shard.index === 1 ? undefined : honest(v, n))).findings)[0], /shard 1\/3 \(shard-1\): .* is missing from the bundle/);
  // A shard of a 4-way split of the same jobs is another set; the majority is the reference.
  assert.match(ids(checkShards([...good, view(manifest(4, 4))], honest).findings)[0], /^merge\/other-set: shard 4\/4 \(shard-4\) belongs to another set: 4 shards/);
  // A share that is not the split's (a shard that built more, or fewer).
  const greedy = manifest(1, 3, { jobs: sortJobs(JOBS) });
  assert.match(ids(checkShards([view(greedy), good[1], good[2]], honest).findings).join('\n'), /merge\/other-set: shard 1\/3 \(shard-1\) built 12 job\(s\), not the 4/);
  // Another Go on one runner.
  assert.match(ids(checkShards([good[0], view(manifest(2, 3, { goVersion: '1.25.1' })), good[2]], honest).findings)[0], /built with Go 1\.25\.1 .* the other shards with Go 1\.26\.3/);
  // Other build inputs on one shard: its binaries are not this release's, and the inputs are named.
  const base = manifest(2, 3).build;
  const ldflags = checkShards([good[0], view(manifest(2, 3, { build: { ...base, ldflags: '-X main.v=2', tags: ['netgo'] } })), good[2]], honest);
  assert.deepEqual(ids(ldflags.findings), ['merge/other-set: shard 2/3 (shard-2) built with other ldflags, tags than the other shards: give every shard the same inputs']);
  assert.equal(ldflags.members.length, 2);
  assert.deepEqual(ldflags.reference?.build, base, 'the majority\'s build parameters are the release\'s');
  // SHA256SUMS and shard.json disagree.
  const lying = view(manifest(2, 3));
  lying.checksums[0] = { ...lying.checksums[0], sha256: 'c'.repeat(64) };
  assert.match(ids(checkShards([good[0], lying, good[2]], honest).findings)[0], /SHA256SUMS says c+, shard\.json/);
});

test('mergeChecksums: sorted, each name once, a name with two digests is a conflict', () => {
  const a = { name: 'b_linux_amd64', sha256: 'a'.repeat(64) };
  const b = { name: 'a_linux_amd64', sha256: 'b'.repeat(64) };
  const m = mergeChecksums([[a], [b, a]]);
  assert.equal(m.text, `${'b'.repeat(64)}  a_linux_amd64\n${'a'.repeat(64)}  b_linux_amd64\n`);
  assert.deepEqual(m.conflicts, []);
  assert.deepEqual(mergeChecksums([[a], [{ ...a, sha256: 'c'.repeat(64) }]]).conflicts, ['b_linux_amd64']);
});

const R = rule({ id: 'scan/cve-x', name: 'X', shortDescription: 's', fullDescription: 'f', help: 'h', defaultSeverity: 'warning', tool: 'trivy' });
const B = rule({ id: 'inspect/y', name: 'Y', shortDescription: 's', fullDescription: 'f', help: 'h', defaultSeverity: 'error' });

test('mergeFindings: each fingerprint occurrence once across shards, in the pipeline\'s order', () => {
  const mod = finding(R, 'scan', { message: 'x/text has CVE-X', location: { file: 'go.mod', line: 5 }, subject: 'go.mod x/text' });
  const bin1 = finding(B, 'inspect', { message: 'a_linux_amd64 is not static', location: { artifact: 'gate-out/a_linux_amd64' } });
  const bin2 = finding(B, 'inspect', { message: 'b_linux_amd64 is not static', location: { artifact: 'gate-out/b_linux_amd64' } });
  const merged = mergeFindings([[mod, bin1], [bin2, mod]]);
  assert.deepEqual(merged.map((f) => f.message), ['a_linux_amd64 is not static', 'b_linux_amd64 is not static', 'x/text has CVE-X']);
  // Two occurrences inside one shard stay two.
  assert.equal(mergeFindings([[mod, mod], [mod]]).length, 2);
});

test('mergeStages: the worst status, the longest duration, numeric metrics summed', () => {
  const s = mergeStages([
    [{ name: 'build', status: 'passed', durationMs: 10, metrics: { built: 2, jobs: 2, flag: 'x' } }, { name: 'inspect', status: 'skipped', reason: 'nothing built', durationMs: 0 }],
    [{ name: 'build', status: 'failed', reason: 'compile', durationMs: 30, metrics: { built: 1, jobs: 2, flag: 'y' } }, { name: 'inspect', status: 'passed', durationMs: 5 }],
  ], []);
  assert.deepEqual(s.map((x) => [x.name, x.status, x.durationMs]), [['build', 'failed', 30], ['inspect', 'passed', 5]]);
  assert.deepEqual(s[0].metrics, { built: 3, jobs: 4 });
  assert.equal(s[0].reason, 'compile');
});

test('mergeSarif: one run per tool and category, rules united, results deduplicated by fingerprint, indexes re-pointed', () => {
  const run = (driver: string, category: string, rules: string[], results: [string, string, string][], ok = true) => ({
    tool: { driver: { name: driver, rules: rules.map((id) => ({ id })) } },
    automationDetails: { id: category },
    invocations: [{ executionSuccessful: ok, startTimeUtc: '2026-01-01T00:00:0' + rules.length + 'Z', endTimeUtc: '2026-01-01T00:01:00Z' }],
    results: results.map(([ruleId, level, fp]) => ({ ruleId, level, ruleIndex: rules.indexOf(ruleId), partialFingerprints: { primaryLocationLineHash: fp }, locations: [{}] })),
  });
  const a = { runs: [run('go-release-gate', 'go-release-gate/checks/', ['inspect/y'], [['inspect/y', 'warning', 'f1:1']]), run('trivy', 'go-release-gate/trivy/', ['scan/a'], [['scan/a', 'warning', 'm:1']])] };
  const b = { runs: [run('go-release-gate', 'go-release-gate/checks/', ['build/z', 'inspect/y'], [['inspect/y', 'warning', 'f2:1'], ['build/z', 'error', 'f3:1']], false), run('trivy', 'go-release-gate/trivy/', ['scan/b', 'scan/a'], [['scan/a', 'warning', 'm:1'], ['scan/b', 'note', 'n:1']])] };
  const missing = finding(rule({ id: 'merge/missing-shard', name: 'M', shortDescription: 's', fullDescription: 'f', help: 'h', defaultSeverity: 'error' }), 'merge', { message: 'shard 3/3 did not arrive' });
  const doc = JSON.parse(mergeSarif([a, b], { findings: [missing], rules: [rule({ id: 'merge/missing-shard', name: 'M', shortDescription: 's', fullDescription: 'f', help: 'h', defaultSeverity: 'error' })], defaultFile: 'go.mod', tool: { name: 'go-release-gate', version: '0', informationUri: 'https://x' } }));
  assert.deepEqual(doc.runs.map((r: any) => r.automationDetails.id), ['go-release-gate/checks/', 'go-release-gate/trivy/']);
  const [checks, trivy] = doc.runs;
  assert.deepEqual(trivy.results.map((r: any) => r.partialFingerprints.primaryLocationLineHash), ['m:1', 'n:1'], 'the module advisory both shards reported is one result');
  for (const r of doc.runs) for (const res of r.results) assert.equal(r.tool.driver.rules[res.ruleIndex].id, res.ruleId);
  // Errors first; the merge's own finding is in go-release-gate's run, located at go.mod.
  assert.deepEqual(checks.results.map((r: any) => r.ruleId), ['build/z', 'merge/missing-shard', 'inspect/y', 'inspect/y']);
  assert.equal(checks.results[1].locations[0].physicalLocation.artifactLocation.uri, 'go.mod');
  assert.equal(checks.invocations[0].executionSuccessful, false, 'a run that failed in one shard did not succeed');
  assert.equal(checks.invocations[0].startTimeUtc, '2026-01-01T00:00:01Z');
});

test('config: shard and mode: merge', () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-fan-cfg-'));
  const parse = (inputs: Record<string, string>) => parseConfig(inputs, { workspace: ws, env: {} });
  assert.deepEqual(parse({ shard: '3/4' }).shard, { index: 3, count: 4 });
  assert.equal(parse({}).shard, undefined);
  assert.equal(parse({ mode: 'merge' }).merge, true);
  assert.equal(parse({ mode: 'merge' }).mode, 'check', 'the merged release is check or release as the event says');
  assert.throws(() => parse({ shard: '5/4' }), (e: unknown) => e instanceof ConfigError && e.input === 'shard' && /shard number must be 1 to 4/.test(e.message));
  assert.throws(() => parse({ shard: '1/2', mode: 'merge' }), (e: unknown) => e instanceof ConfigError && /one job cannot do both/.test(e.message));
});

test('the merged summary and report.json show the merge\'s sign stage as a run\'s release report does', () => {
  const base: MergedRecord = {
    verdict: { passed: true, reasons: [] },
    stages: [
      { name: 'build', status: 'passed', findings: [], durationMs: 900 },
      { name: 'merge', status: 'passed', findings: [], durationMs: 20 },
      { name: 'sign', status: 'skipped', reason: NO_ID_TOKEN, findings: [], durationMs: 0 },
    ],
    findings: [],
    shards: [],
    artifacts: [{ path: 'gate-out/a_linux_amd64', name: 'a_linux_amd64', goos: 'linux', goarch: 'amd64', size: 10, sha256: 'a'.repeat(64) }],
    set: { id: 'b'.repeat(64), count: 2, jobs: 2 },
    commit: 'c'.repeat(40),
    goVersion: '1.26.3',
    toolVersion: '0.1.0',
    mode: 'release',
    modeReason: 'push event on tag v1',
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1000,
    facts: {},
  };
  const skipped = renderMergeSummary(base);
  assert.ok(skipped.includes(`### ⏭️ sign: skipped (0 ms)\n\n> ${NO_ID_TOKEN.replace(/\|/g, '\\|')}`), skipped);
  assert.ok(skipped.includes(`| Signatures | **not signed**: ${NO_ID_TOKEN}`), skipped);
  assert.ok(skipped.includes('| Provenance | **not written**: provenance is signed with the release, and the release was not signed |'));
  assert.ok(skipped.indexOf('### ⏭️ sign') < skipped.indexOf('### Binaries'), 'signing before the binaries');

  const signatures = [
    { path: 'gate-out/a_linux_amd64', bundle: 'gate-out/a_linux_amd64.sigstore.json', verified: true, command: 'cosign verify-blob --key cosign.pub --bundle a_linux_amd64.sigstore.json --insecure-ignore-tlog a_linux_amd64' },
    { path: 'gate-out/SHA256SUMS', bundle: 'gate-out/SHA256SUMS.sigstore.json', verified: true, command: 'cosign verify-blob --key cosign.pub --bundle SHA256SUMS.sigstore.json --insecure-ignore-tlog SHA256SUMS' },
  ];
  const signed: MergedRecord = {
    ...base,
    stages: [...base.stages.slice(0, 2), { name: 'sign', status: 'passed', findings: [], durationMs: 2500, metrics: { signed: 2, verified: 2, files: 2, tlogUpload: false, keyless: false } }],
    facts: { 'sign.method': 'key', 'sign.signatures': JSON.stringify(signatures), 'sign.verify': signatures[1].command, 'sign.public-key-display': 'gate-out/cosign.pub', 'sign.cosign': 'PATH' },
  };
  const text = renderMergeSummary(signed);
  assert.ok(text.includes('### ✅ sign: passed (2.5 s)'), text);
  assert.ok(text.includes(`| Signatures | signed with cosign: 2 Sigstore bundle(s), public key <code>gate-out/cosign.pub</code>; verify with <code>${signatures[1].command}</code> |`), text);
  assert.ok(text.includes(`| <code>gate-out/SHA256SUMS</code> | <code>gate-out/SHA256SUMS.sigstore.json</code> | yes | <code>${signatures[1].command}</code> |`), text);
  assert.ok(text.includes('| cosign | PATH |'));
  const json = JSON.parse(renderMergedJson(signed));
  assert.deepEqual(json.stages.map((s: { name: string }) => s.name), ['build', 'merge', 'sign']);
  assert.deepEqual(json.stages[2], { name: 'sign', status: 'passed', durationMs: 2500, findings: 0, metrics: { signed: 2, verified: 2, files: 2, tlogUpload: false, keyless: false } });
  assert.equal(json.facts['sign.signatures'], JSON.stringify(signatures));
});
