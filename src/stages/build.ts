// Build stage: every main package for every target, in parallel, static and reproducible
// (CGO_ENABLED=0, -trimpath, -buildid=), then SHA256SUMS. One target failing does not stop
// the others: each is built and reported, and the gate fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sha256FileInSlices } from '../util/hash.ts';
import { finding, rule, type Finding } from '../pipeline/findings.ts';
import { skipped, statusFrom, type Artifact, type GoToolchain, type Stage, type StageContext, type StageOutcome } from '../pipeline/stage.ts';
import type { ExecResult } from '../ports/ports.ts';
import type { Target } from '../config/config.ts';
import { openOutputDir, type OutputDir } from '../output/dir.ts';
import { artifactFileName, binaryName, buildArgs, buildEnv, mapLimit, parseCompilerErrors, renderChecksums, stderrFor, goExecName } from '../build/args.ts';
import { displayPath, isInside } from '../util/path.ts';
import { inWorkspace, rootMainGuess } from '../build/headstart.ts';
import { buildOrder } from '../build/order.ts';
import { buildShare, buildSlots, cores } from '../build/cores.ts';
import { inspectEarly } from '../inspect/early.ts';
import { cgoNeededHint } from './cgo-hint.ts';

const UNKNOWN_TARGET = rule({
  id: 'build/unknown-target',
  name: 'UnknownTarget',
  shortDescription: 'A requested GOOS/GOARCH is not supported by this Go toolchain.',
  fullDescription: 'The targets input names a GOOS/GOARCH pair the selected toolchain has no port for: its go build refuses it as an unsupported GOOS/GOARCH pair (the supported pairs are those of `go tool dist list`).',
  help: 'Use a pair from `go tool dist list`, e.g. linux/amd64, linux/arm64, darwin/arm64, windows/amd64.',
  defaultSeverity: 'error',
  usageError: true,
});
const NO_MAIN = rule({
  id: 'build/no-main-package',
  name: 'NoMainPackage',
  shortDescription: 'There is no main package to build.',
  fullDescription: 'The packages input is empty and neither the module root nor any package under cmd/ is a main package, or a listed package is not a main package.',
  help: 'Set packages to the main package(s) to release, e.g. ./cmd/server.',
  defaultSeverity: 'error',
});
const FOREIGN_OUTPUT = rule({
  id: 'build/foreign-output',
  name: 'ForeignOutput',
  shortDescription: 'The output directory holds files this run did not produce.',
  fullDescription: 'Whatever is in output-dir is what an `upload output-dir/*` step publishes. Files the gate writes (binaries, SHA256SUMS, reports, bundles) left by an earlier run are removed before the build; any other entry there is not the gate\'s to delete, so the run fails naming it.',
  help: 'Point output-dir at a directory only go-release-gate writes to (the default gate-out), or remove the files named in the message.',
  defaultSeverity: 'error',
});
const COMPILE = rule({
  id: 'build/compile-failed',
  name: 'CompileFailed',
  shortDescription: 'go build failed for a target.',
  fullDescription: 'go build exited with an error for one package and target; no binary was produced for it.',
  help: 'Read the compiler output in the summary; the finding points at the first compiler error.',
  defaultSeverity: 'error',
});

/** The go command's refusal of a GOOS/GOARCH pair it has no port for ("go: unsupported GOOS/GOARCH pair plan9/sparc64"). */
const UNSUPPORTED_PAIR = /^(?:go|cmd\/go): unsupported GOOS\/GOARCH pair \S+\/\S+$/m;

interface MainPackage { importPath: string; dir: string; name: string }

async function goList(ctx: StageContext, patterns: string[]): Promise<{ pkgs: { importPath: string; name: string; dir: string; error: string }[]; stderr: string }> {
  // Only the packages named, their name and their own error: -find skips resolving their
  // dependencies (the build reports those), -buildvcs=false the version control stamp (seven
  // git commands). On gum, 45 ms instead of 100 (and 120 with the stamp) before the first compile.
  const args = ['list', '-e', '-find', '-buildvcs=false', '-f', '{{.ImportPath}}\t{{.Name}}\t{{.Dir}}\t{{if .Error}}{{.Error}}{{end}}'];
  if (ctx.state.modFlag) args.push(ctx.state.modFlag);
  const r = await ctx.ports.exec.run(ctx.state.go!.bin, [...args, ...patterns], { cwd: ctx.config.dir, env: ctx.state.goEnv });
  if (r.code !== 0) throw new Error(`go list ${patterns.join(' ')} failed: ${r.stderr.trim() || r.stdout.trim()}`);
  const pkgs = r.stdout.split('\n').filter(Boolean).map((l) => {
    const [importPath, name, dir, error] = l.split('\t');
    return { importPath, name, dir, error: error ?? '' };
  });
  return { pkgs, stderr: r.stderr };
}

async function mainPackages(ctx: StageContext, certainRoot?: string): Promise<{ pkgs: MainPackage[]; problems: Finding[] }> {
  const problems: Finding[] = [];
  const asMain = (p: { importPath: string; dir: string }) => ({ importPath: p.importPath, dir: p.dir, name: binaryName(p.importPath) });
  // A root no build can leave a file of out (RootGuess.certain): go list would only say the same.
  if (certainRoot) return { pkgs: [asMain({ importPath: certainRoot, dir: ctx.config.dir })], problems };
  if (ctx.config.packages.length) {
    const { pkgs } = await goList(ctx, ctx.config.packages);
    for (const p of pkgs) {
      if (p.name !== 'main') {
        problems.push(finding(NO_MAIN, 'build', { message: `package ${p.importPath} is ${p.name ? `package ${p.name}` : `not loadable (${p.error})`}, not a main package` }));
      }
    }
    if (pkgs.length === 0) problems.push(finding(NO_MAIN, 'build', { message: `packages ${ctx.config.packages.join(', ')} matched no package` }));
    return { pkgs: pkgs.filter((p) => p.name === 'main').map(asMain), problems };
  }
  const root = (await goList(ctx, ['.'])).pkgs.find((p) => p.name === 'main');
  if (root) return { pkgs: [asMain(root)], problems };
  const cmdDir = path.join(ctx.config.dir, 'cmd');
  const cmd = fs.existsSync(cmdDir) ? (await goList(ctx, ['./cmd/...'])).pkgs.filter((p) => p.name === 'main') : [];
  if (cmd.length === 0) {
    problems.push(finding(NO_MAIN, 'build', {
      message: `no main package in ${displayPath(ctx.config.workspace, ctx.config.dir) || '.'}: the module root is not package main and cmd/ has no main package`,
      location: fs.existsSync(path.join(ctx.config.dir, 'go.mod')) ? { file: displayPath(ctx.config.workspace, path.join(ctx.config.dir, 'go.mod')), line: 1 } : undefined,
    }));
  }
  return { pkgs: cmd.map(asMain), problems };
}

interface Job { pkg: MainPackage; target: Target; output: string }
interface JobResult extends Job { ok: boolean; stderr: string; size?: number; sha256?: string }

interface Discovery {
  main: Awaited<ReturnType<typeof mainPackages>>;
  /** The -mod flag go list ran with: an answer for another flag is asked again. */
  modFlag: string | undefined;
  head?: HeadStart;
}

/**
 * Builds started while go list is still answering: the module root's package (rootMainGuess) for
 * the first targets, as many as build at once. On gum go list takes 45 ms of a warm run before
 * the first compile. Used when go list names the same one main package, or without asking it when
 * no root file can be left out of a build (RootGuess.certain: a go process fewer on a warm run).
 */
interface HeadStart {
  importPath: string;
  /** The guess is the answer (RootGuess.certain): go list is not asked. */
  certain: boolean;
  buildDir: string;
  /** By the output path of the job it builds. */
  builds: Map<string, Promise<ExecResult>>;
}

/** The output dir's clearing, once per run: what it found, and the deletion the build stage waits for. */
interface Clearing { findings: Finding[]; deleted: Promise<void> }
const cleared = new WeakMap<StageContext['state'], Clearing>();
function clearOnce(ctx: StageContext): Finding[] {
  let done = cleared.get(ctx.state);
  if (!done) {
    const out = ctx.state.out ?? (ctx.state.out = openOutputDir(ctx.config.outDir));
    cleared.set(ctx.state, (done = clearOutputDir(ctx, out)));
  }
  return done.findings;
}

function startHead(ctx: StageContext, go: GoToolchain): HeadStart | undefined {
  const { config } = ctx;
  // Only where go list can only confirm it: no packages input, no shard's share, no vendor/
  // (the modules stage may still switch the build to -mod=vendor), and no go.work workspace
  // (there go mod download runs on the checkout while this would build: its go.sum change, put
  // back at once, could still be seen by the build's git status as a modified tree).
  if (config.packages.length || ctx.state.selectJobs || ctx.state.modFlag || fs.existsSync(path.join(config.dir, 'vendor')) || inWorkspace(config.dir, ctx.state.goEnv.GOWORK)) return undefined;
  const guess = rootMainGuess(config.dir);
  if (!guess) return undefined;
  const { importPath, certain } = guess;
  const buildDir = fs.mkdtempSync(path.join(scratchRoot(ctx), 'grg-build-'));
  const builds = new Map<string, Promise<ExecResult>>();
  const opts = { ldflags: config.ldflags, tags: config.tags, strip: config.strip, modFlag: undefined };
  // The share of a build when go list confirms the guess: one job a target.
  const share = buildShare(ctx.state.goEnv, cores(), config.targets.length);
  for (const target of buildOrder(config.targets, (t) => t).slice(0, buildSlots())) {
    const output = path.join(buildDir, artifactFileName(binaryName(importPath), target));
    const r = ctx.ports.exec.run(go.bin, buildArgs(opts, output, importPath), { cwd: config.dir, env: buildEnv(ctx.state.goEnv, target, config.cgo, share) });
    // Observed here; the build stage awaits it, or waits it out when go list says otherwise.
    r.catch(() => undefined);
    builds.set(output, r);
  }
  return { importPath, certain, buildDir, builds };
}

/** A head start go list did not confirm: its builds waited out and their files removed. */
async function discardHead(head: HeadStart): Promise<void> {
  await Promise.allSettled(head.builds.values());
  fs.rmSync(head.buildDir, { recursive: true, force: true });
}

/**
 * The main packages, with the likely builds started alongside. The output dir is emptied first:
 * a file of an earlier run left in the checkout would make every build's git status report it
 * modified.
 */
async function discover(ctx: StageContext): Promise<Discovery | undefined> {
  const go = ctx.state.go;
  if (!go) return undefined;
  clearOnce(ctx);
  const modFlag = ctx.state.modFlag;
  const head = startHead(ctx, go);
  try {
    return { main: await mainPackages(ctx, head?.certain ? head.importPath : undefined), modFlag, ...(head ? { head } : {}) };
  } catch (e) {
    if (head) await discardHead(head);
    throw e;
  }
}

export const buildStage: Stage = {
  name: 'build',
  rules: [UNKNOWN_TARGET, NO_MAIN, FOREIGN_OUTPUT, COMPILE],
  // Once the caches are restored (go list may fetch modules into the module cache): the
  // question only reads, and on a warm run it is most of what stands between the start and the
  // first compile, so it is asked while the modules stage verifies.
  prefetch: { after: 'cache', run: discover },
  async run(ctx: StageContext): Promise<StageOutcome> {
    try {
      return await build(ctx);
    } finally {
      // Nothing of an earlier run outlives this stage, whatever became of the build.
      await cleared.get(ctx.state)?.deleted;
    }
  },
};

async function build(ctx: StageContext): Promise<StageOutcome> {
  const { config } = ctx;
  // Before anything else, and whether or not anything can be built: results of an earlier run
  // must never be published as this run's.
  const findings = [...clearOnce(ctx)];
  const out = ctx.state.out!;
  const go = ctx.state.go;
  if (!go) return findings.length ? { status: 'failed', findings } : skipped('needs the Go toolchain');

  // A prefetched answer that failed, or came from go list with another -mod flag (the modules
  // stage proved vendor/ meanwhile), is asked again.
  let early = (await ctx.prefetched?.then((d) => d as Discovery | undefined, () => undefined)) ?? undefined;
  if (early && early.modFlag !== ctx.state.modFlag) {
    if (early.head) await discardHead(early.head);
    early = undefined;
  }
  const { main, head } = early ?? (await discover(ctx))!;
  const confirmed = head && main.pkgs.length === 1 && main.pkgs[0].importPath === head.importPath ? head : undefined;
  if (head && !confirmed) await discardHead(head);
  // Every target is built: the go command refuses a pair it does not support at once, in its
  // own words (the pairs of `go tool dist list`), and that failure becomes build/unknown-target.
  const targets = config.targets;

  const { pkgs, problems } = main;
  findings.push(...problems);
  const names = new Map<string, string>();
  for (const p of pkgs) {
    const other = names.get(p.name);
    if (other) throw new Error(`main packages ${other} and ${p.importPath} would both produce a binary named ${p.name}`);
    names.set(p.name, p.importPath);
  }

  // Binaries are written outside the checkout while the others build: a file appearing in the
  // tree makes git report it modified, and every later binary would record vcs.modified=true.
  const buildDir = confirmed?.buildDir ?? fs.mkdtempSync(path.join(scratchRoot(ctx), 'grg-build-'));
  try {
    return await buildInto(ctx, go, out, buildDir, targets, pkgs, findings, confirmed?.builds);
  } finally {
    // A head-start build of a target that was not built (unsupported) still runs: wait it out.
    if (confirmed) await Promise.allSettled(confirmed.builds.values());
    fs.rmSync(buildDir, { recursive: true, force: true });
  }
}

/** A temp dir outside the workspace (the runner's temp normally is; the OS one otherwise). */
function scratchRoot(ctx: StageContext): string {
  fs.mkdirSync(ctx.ports.tempDir, { recursive: true });
  return isInside(ctx.config.workspace, ctx.ports.tempDir) ? os.tmpdir() : ctx.ports.tempDir;
}

function clearOutputDir(ctx: StageContext, out: OutputDir): Clearing {
  const shown = displayPath(ctx.config.workspace, out.dir) || '.';
  // An earlier run's binaries are renamed out of the checkout at once and deleted on the thread
  // pool: unlinking gum's four (55 MB) took 27 ms in front of the first build. Through fs.rm's
  // callback: the first use of fs.promises loads Node's promise file API (2.5 ms, readline with
  // it), and this runs before the first build starts.
  let trash: string | undefined;
  const { removed, foreign } = out.clear(() => (trash ??= fs.mkdtempSync(path.join(scratchRoot(ctx), 'grg-old-'))));
  const deleted = trash === undefined
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        fs.rm(trash!, { recursive: true, force: true }, (e) => {
          if (e) ctx.ports.log.warning(`could not delete ${trash}: ${e.message}`);
          resolve();
        });
      });
  if (removed.length) ctx.ports.log.info(`removed ${removed.length} file(s) an earlier run left in ${shown}: ${capList(removed, 20)}`);
  if (!foreign.length) return { findings: [], deleted };
  return {
    deleted,
    findings: [finding(FOREIGN_OUTPUT, 'build', {
      message: `output-dir ${shown} holds ${foreign.length} entr${foreign.length === 1 ? 'y' : 'ies'} this run did not produce: ${capList(foreign, 20)}; an upload of ${shown}/* would publish them`,
      subject: shown,
      details: foreign.join('\n'),
    })],
  };
}

function capList(items: string[], max: number): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');
}

async function buildInto(
  ctx: StageContext, go: GoToolchain, out: OutputDir, buildDir: string, targets: Target[], pkgs: MainPackage[], findings: Finding[],
  started?: ReadonlyMap<string, Promise<ExecResult>>,
): Promise<StageOutcome> {
  const { config, ports } = ctx;
  const all: Job[] = targets.flatMap((target) => pkgs.map((pkg) => ({ pkg, target, output: path.join(buildDir, artifactFileName(pkg.name, target)) })));
  const jobs = ctx.state.selectJobs ? chosenJobs(all, ctx.state.selectJobs) : all;
  const opts = { ldflags: config.ldflags, tags: config.tags, strip: config.strip, modFlag: ctx.state.modFlag };
  // One go build per target, for every main package of it: a go process per binary would load,
  // stamp and check the same packages again for each (goreleaser runs one per binary).
  // Packages the go command would give the same name (a/v1 and b/v1) are built one by one.
  const byTarget = new Map<string, Job[]>();
  for (const job of jobs) {
    const key = `${job.target.goos}/${job.target.goarch}`;
    const same = byTarget.get(key) ?? [];
    if (same.some((j) => goExecName(j.pkg.importPath) === goExecName(job.pkg.importPath))) byTarget.set(`${key}\0${job.pkg.importPath}`, [job]);
    else byTarget.set(key, [...same, job]);
  }
  const inspecting: Promise<unknown>[] = [];
  const finished = async (job: Job, ok: boolean, stderr: string): Promise<JobResult> => {
    if (!ok) return { ...job, ok, stderr };
    // Hashed and inspected as soon as it is written, while the other targets still build, a slice
    // of the hash and a step of the inspection in turn (the inspection's reads on the thread pool
    // meanwhile). Hashed through one small reused buffer: reading a binary whole into fresh
    // memory, to inspect it from there too, cost more in page faults than the inspection's own
    // reads (gum: +35 ms CPU).
    const size = fs.statSync(job.output).size;
    const name = path.basename(job.output);
    const hashing = sha256FileInSlices(job.output);
    const inspection = inspectEarly(ctx.state, name, hashing, job.output, displayPath(config.workspace, path.join(out.dir, name)));
    inspection.catch(() => undefined);
    inspecting.push(inspection);
    const sha256 = await hashing;
    return { ...job, ok, stderr, size, sha256 };
  };
  const collect = async (group: Job[], dir: string, r: ExecResult): Promise<JobResult[]> => {
    const target = group[0].target;
    const stderr = config.cgo ? trimCompilerQuotes(r.stderr) : r.stderr;
    if (group.length === 1) return [await finished(group[0], r.code === 0 && fs.existsSync(group[0].output), stderr)];
    const results: JobResult[] = [];
    for (const job of group) {
      const written = path.join(dir, `${goExecName(job.pkg.importPath)}${target.goos === 'windows' ? '.exe' : ''}`);
      if (fs.existsSync(written)) {
        fs.renameSync(written, job.output);
        results.push(await finished(job, true, ''));
      } else {
        const own = stderrFor(stderr, job.pkg.importPath, group.map((j) => j.pkg.importPath));
        results.push(await finished(job, false, own.trim() ? own : `go build exited ${r.code} and wrote no ${path.basename(written)}`));
      }
    }
    return results;
  };
  // The head start (startHead) began the first of these, in the same order.
  const groups = buildOrder([...byTarget.values()], (group) => group[0].target);
  const share = buildShare(ctx.state.goEnv, cores(), groups.length);
  const building = await mapLimit(groups, buildSlots(), async (group) => {
    const target = group[0].target;
    const several = group.length > 1;
    // Several binaries go to a directory of their own, under the go command's names, then to their artifact names.
    const dir = several ? fs.mkdtempSync(path.join(buildDir, `${target.goos}_${target.goarch}-`)) : '';
    const r = await ((!several && started?.get(group[0].output)) || ports.exec.run(go.bin, several ? buildArgs(opts, `${dir}${path.sep}`, group.map((j) => j.pkg.importPath)) : buildArgs(opts, group[0].output, group[0].pkg.importPath), {
      cwd: config.dir,
      env: buildEnv(ctx.state.goEnv, target, config.cgo, share),
    }));
    // The slot's next build starts first, then this one's binaries are hashed and read, a slice
    // at a time: hashing a 14 MB binary before letting go of the slot held the next build back
    // by 30-60 ms (gum), and another slot's build that ends meanwhile is not kept waiting.
    const done = nextTurn(() => collect(group, dir, r));
    // Observed here; awaited with the others below.
    done.catch(() => undefined);
    return { done };
  });
  const grouped = await Promise.all(building.map((b) => b.done));
  // Back in job order (target by target, package by package), whatever group built each.
  const built = new Map(grouped.flat().map((r) => [jobKey(r), r]));
  const results = jobs.map((j) => built.get(jobKey(j))!);

  const artifacts: Artifact[] = [];
  const rows: string[][] = [];
  const failures: string[] = [];
  for (const r of results) {
    const t = `${r.target.goos}/${r.target.goarch}`;
    if (!r.ok && UNSUPPORTED_PAIR.test(r.stderr)) {
      if (!findings.some((f) => f.ruleId === UNKNOWN_TARGET.id && f.message.startsWith(`target ${t} `))) {
        findings.push(finding(UNKNOWN_TARGET, 'build', { message: `target ${t} is not supported by go${go.version} (see go tool dist list)`, subject: t }));
      }
      rows.push([t, r.pkg.importPath, '', '', 'unsupported target']);
      continue;
    }
    if (!r.ok) {
      const errors = parseCompilerErrors(r.stderr);
      const first = errors[0];
      const loc = first ? { file: displayPath(ctx.config.workspace, path.resolve(config.dir, first.file)), line: first.line, ...(first.column ? { column: first.column } : {}) } : undefined;
      const cgoHint = first ? null : cgoNeededHint(r.stderr, config.cgo, (d) => displayPath(ctx.config.workspace, d) || '.');
      const headline = first ? `${loc!.file}:${first.line}: ${first.message}` : cgoHint ?? (r.stderr.trim().split('\n').slice(-1)[0] || 'go build failed');
      findings.push(finding(COMPILE, 'build', {
        message: `${t} ${r.pkg.importPath}: ${headline}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`,
        location: loc,
        subject: `${t}\0${r.pkg.importPath}`,
        details: r.stderr.trim(),
      }));
      failures.push(`${t} ${r.pkg.importPath}\n${r.stderr.trim()}`);
      rows.push([t, r.pkg.importPath, '', '', 'failed']);
      continue;
    }
    // Every binary is moved in only once all are built.
    const a: Artifact = {
      path: r.output,
      displayPath: '',
      name: path.basename(r.output),
      goos: r.target.goos,
      goarch: r.target.goarch,
      size: r.size!,
      sha256: r.sha256!,
      pkg: r.pkg.importPath,
    };
    artifacts.push(a);
    rows.push([t, r.pkg.importPath, a.name, String(a.size), 'built']);
  }
  // Moved in once read: a binary is never renamed under its inspection.
  await Promise.allSettled(inspecting);
  for (const a of artifacts) {
    a.path = out.adopt(a.path, a.name);
    a.displayPath = displayPath(ctx.config.workspace, a.path);
  }
  ctx.state.artifacts.push(...artifacts);
  if (artifacts.length) ctx.state.checksumsFile = out.write('SHA256SUMS', renderChecksums(artifacts));
  return {
    status: statusFrom(findings),
    findings,
    table: { header: ['Target', 'Package', 'File', 'Bytes', 'Result'], rows },
    ...(failures.length ? { details: failures.join('\n\n') } : {}),
    metrics: { built: artifacts.length, failed: failures.length, jobs: jobs.length },
  };
}

/** fn's answer, begun on a later turn of the event loop, after what the current turn started (a spawn). */
async function nextTurn<T>(fn: () => Promise<T>): Promise<T> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  return fn();
}

/** A shard's share of the jobs: the fan-out decides which, from the whole list. */
function chosenJobs(all: Job[], select: NonNullable<StageContext['state']['selectJobs']>): Job[] {
  const keep = new Set(select(all.map((j) => ({ goos: j.target.goos, goarch: j.target.goarch, pkg: j.pkg.importPath }))).map((j) => `${j.pkg}\0${j.goos}/${j.goarch}`));
  return all.filter((j) => keep.has(jobKey(j)));
}

/** A job by package and target: what a shard selects, and how results are put back in job order. */
function jobKey(j: Pick<Job, 'pkg' | 'target'>): string {
  return `${j.pkg.importPath}\0${j.target.goos}/${j.target.goarch}`;
}

/**
 * C compiler diagnostics quote the offending source line (and a caret under it); with cgo that
 * source can be anything a pull request #includes. Keep the file:line: message lines and the
 * go command's own lines, drop the quoted text.
 */
export function trimCompilerQuotes(stderr: string): string {
  const kept = stderr.split(/\r?\n/).filter((line) => /^\S[^:]*:\d+(:\d+)?: /.test(line) || /^# \S/.test(line) || /^(go|cgo|gcc|clang|collect2|ld)(:| )/.test(line));
  return kept.join('\n');
}
