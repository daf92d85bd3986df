// Benchmark: the modules stage's vendor check (`go mod vendor -o <temp>` + SHA-256 of both trees
// in TypeScript + line diff of modules.txt) against the common hand-written check
// `go mod vendor && git diff --exit-code vendor`, on a vendored module with thousands of files
// (aws-sdk-go-v2 services + k8s.io/client-go at pinned versions, fetched through the module
// proxy). Same machine, same warm module cache, alternating rounds, medians.
//   node_modules/.bin/node bench/modules.ts [ROUNDS] [--write]
// --write replaces the "modules" section of BENCHMARKS.md (other sections are kept).
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadModuleSetup } from '../src/modules/load.ts';
import { hashTree, compareTrees } from '../src/modules/tree.ts';
import { modulesStage, runVendorCheck } from '../src/stages/modules.ts';
import { GO, SHARED_MODCACHE, goTestEnv, modulesContext } from '../test/support/gomodules.ts';

const run = promisify(execFile);
const args = process.argv.slice(2);
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const write = args.includes('--write');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(SHARED_MODCACHE, '..', 'bench-modules');
const env = goTestEnv();

const GO_MOD = `module example.com/bench

go 1.22

require (
	github.com/aws/aws-sdk-go-v2 v1.30.4
	github.com/aws/aws-sdk-go-v2/config v1.27.31
	github.com/aws/aws-sdk-go-v2/service/ec2 v1.177.0
	github.com/aws/aws-sdk-go-v2/service/s3 v1.61.0
	k8s.io/apimachinery v0.31.0
	k8s.io/client-go v0.31.0
)
`;
const MAIN = `package main

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
)

func main() {
	cfg, _ := config.LoadDefaultConfig(context.Background())
	_ = ec2.NewFromConfig(cfg)
	_ = s3.NewFromConfig(cfg)
	c, _ := kubernetes.NewForConfig(&rest.Config{Host: "localhost"})
	fmt.Println(aws.String("x"), c != nil, metav1.Now())
}
`;

const git = (a: string[]) => run('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...a], { cwd: work, env, maxBuffer: 256 << 20 });
const go = (a: string[], cwd = work) => run(GO, a, { cwd, env, maxBuffer: 256 << 20 });

/** The fixture: built once through the module proxy, committed so `git diff` has a base. */
async function prepare(): Promise<void> {
  const have = await fs.readFile(path.join(work, 'go.mod'), 'utf8').catch(() => '');
  if (have.startsWith(GO_MOD.trim())) {
    const { stdout } = await git(['status', '--porcelain']);
    if (stdout.trim() === '') return;
  }
  await fs.rm(work, { recursive: true, force: true });
  await fs.mkdir(work, { recursive: true });
  await fs.writeFile(path.join(work, 'go.mod'), GO_MOD);
  await fs.writeFile(path.join(work, 'main.go'), MAIN);
  await go(['mod', 'tidy']);
  await go(['mod', 'vendor']);
  await git(['init', '-q', '.']);
  await git(['add', '-A']);
  await git(['commit', '-q', '-m', 'fixture']);
}

/** The stage's vendor check: regenerate into a temporary directory, compare in TypeScript. */
async function ours(): Promise<{ total: number; compare: number; drift: number }> {
  const { ctx } = modulesContext({ onTestFinished: () => undefined }, work);
  const t0 = performance.now();
  const { setup } = await loadModuleSetup(work, '', work);
  const v = await runVendorCheck(ctx, setup!);
  const total = performance.now() - t0;
  await fs.rm(ctx.ports.tempDir, { recursive: true, force: true });
  return { total, compare: Number(v.metrics.vendorCompareMs), drift: v.findings.length };
}

/** What teams write by hand: rewrite vendor/ in place, then ask git whether anything changed. */
async function handWritten(): Promise<number> {
  const t0 = performance.now();
  await go(['mod', 'vendor']);
  await git(['diff', '--exit-code', '--quiet', 'vendor']); // throws on a difference
  return performance.now() - t0;
}

/** Hashing alone: both trees (committed and a regenerated copy), for the time per thousand files. */
async function hashOnly(expected: string): Promise<number> {
  const t0 = performance.now();
  compareTrees(hashTree(path.join(work, 'vendor')), hashTree(expected));
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await prepare();
const loadBefore = os.loadavg()[0];
const files = hashTree(path.join(work, 'vendor')).size;
const bytes = (await run('du', ['-sb', path.join(work, 'vendor')])).stdout.split('\t')[0];
const modulesTxtLines = (await fs.readFile(path.join(work, 'vendor', 'modules.txt'), 'utf8')).split('\n').length - 1;
const regenerated = await fs.mkdtemp(path.join(os.tmpdir(), 'grg-bench-regen-'));
await go(['mod', 'vendor', '-o', path.join(regenerated, 'vendor')]);

// Warm-up: page cache, JIT, go's first start.
const warm = await ours();
if (warm.drift !== 0) throw new Error(`the clean fixture reports ${warm.drift} drift finding(s)`);
await handWritten();
await hashOnly(path.join(regenerated, 'vendor'));

const oursTimes: number[] = [];
const compareTimes: number[] = [];
const handTimes: number[] = [];
const hashTimes: number[] = [];
const stageTimes: number[] = [];
for (let r = 0; r < rounds; r++) {
  const o = await ours();
  oursTimes.push(o.total);
  compareTimes.push(o.compare);
  handTimes.push(await handWritten());
  hashTimes.push(await hashOnly(path.join(regenerated, 'vendor')));
  const { ctx } = modulesContext({ onTestFinished: () => undefined }, work);
  const t0 = performance.now();
  const outcome = await modulesStage.run(ctx);
  stageTimes.push(performance.now() - t0);
  await fs.rm(ctx.ports.tempDir, { recursive: true, force: true });
  if (outcome.status !== 'passed') throw new Error(`modules stage ${outcome.status}: ${outcome.findings.map((f) => f.message).join('; ')}`);
}
await fs.rm(regenerated, { recursive: true, force: true });

const loadAfter = os.loadavg()[0];
const o = median(oursTimes), h = median(handTimes), c = median(compareTimes), hs = median(hashTimes), st = median(stageTimes);
const ms = (x: number) => `${Math.round(x)} ms`;
const perK = (x: number) => `${((x * 1000) / files).toFixed(1)} ms`;
const { stdout: goVersion } = await go(['version'], root);
const { stdout: gitVersion } = await run('git', ['--version']);
const section = `## modules

The modules stage's vendor check against the common hand-written \`go mod vendor && git diff
--exit-code vendor\`, on a module vendoring aws-sdk-go-v2 (config, ec2, s3) and k8s.io/client-go
v0.31.0 at pinned versions (fetched through the module proxy), same warm module cache, same
run, alternating rounds. Command:

\`\`\`sh
node_modules/.bin/node bench/modules.ts ${rounds} --write
\`\`\`

Machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}; ${goVersion.trim()}; ${gitVersion.trim()}; Node ${process.version}; ${rounds} rounds, medians; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after (other jobs shared the machine: compare the two columns of one run, not runs).
Vendor tree: ${files} files, ${(Number(bytes) / 1048576).toFixed(1)} MiB, modules.txt of ${modulesTxtLines} lines.

| Check | Time | Per 1000 files |
| --- | --- | --- |
| \`go mod vendor && git diff --exit-code vendor\` (rewrites vendor/ in place) | ${ms(h)} | ${perK(h)} |
| Gate vendor check: \`go mod vendor -o <temp>\` + TypeScript comparison | ${ms(o)} | ${perK(o)} |
| of which TypeScript (hash both trees, diff modules.txt; the committed tree is hashed while go writes) | ${ms(c)} | ${perK(c)} |
| Hashing both trees alone (SHA-256 of every file, twice) | ${ms(hs)} | ${perK(hs)} |
| Whole modules stage (download, verify, go.sum, vendor, tidy -diff) | ${ms(st)} | ${perK(st)} |

Ratio (gate vendor check / hand-written): ${(o / h).toFixed(2)}x.

Both run \`go mod vendor\` once, which dominates. The hand-written check first deletes the
${files} committed files, writes them again, then makes git re-read every rewritten file;
the gate writes into an empty temporary directory, hashes the committed tree while go writes
(synchronous reads: about 5x faster than fs.promises for small files), hashes the new tree and
compares. It also needs no git, leaves vendor/ untouched, catches files git ignores, and names
the first differing line of each file instead of an exit code.
`;
console.log(section);
if (write) {
  const file = path.join(root, 'BENCHMARKS.md');
  const text = await fs.readFile(file, 'utf8').catch(() => '# Benchmarks\n\nEvery figure comes with the command that made it; rerun it on your machine to compare.\n');
  const start = text.indexOf('\n## modules\n');
  let next: string;
  if (start < 0) next = `${text.trimEnd()}\n\n${section}`;
  else {
    const end = text.indexOf('\n## ', start + 1);
    next = `${text.slice(0, start + 1)}${section}${end < 0 ? '' : `\n${text.slice(end + 1)}`}`;
  }
  await fs.writeFile(file, next.endsWith('\n') ? next : `${next}\n`);
  console.log(`wrote the modules section of ${file}`);
}
