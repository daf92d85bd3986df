// Build stage: every main package for every target, in parallel, static and reproducible
// (CGO_ENABLED=0, -trimpath, -buildid=), then SHA256SUMS. One target failing does not stop
// the others: each is built and reported, and the gate fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sha256File } from '../util/hash.ts';
import { finding, rule, type Finding } from '../pipeline/findings.ts';
import { skipped, statusFrom, type Artifact, type Stage, type StageContext, type StageOutcome } from '../pipeline/stage.ts';
import type { Target } from '../config/config.ts';
import { artifactFileName, binaryName, buildArgs, buildEnv, mapLimit, parseCompilerErrors, renderChecksums } from '../build/args.ts';
import { displayPath } from '../util/path.ts';

const UNKNOWN_TARGET = rule({
  id: 'build/unknown-target',
  name: 'UnknownTarget',
  shortDescription: 'A requested GOOS/GOARCH is not supported by this Go toolchain.',
  fullDescription: 'The targets input names a GOOS/GOARCH pair that `go tool dist list` of the selected toolchain does not list.',
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
const COMPILE = rule({
  id: 'build/compile-failed',
  name: 'CompileFailed',
  shortDescription: 'go build failed for a target.',
  fullDescription: 'go build exited with an error for one package and target; no binary was produced for it.',
  help: 'Read the compiler output in the summary; the finding points at the first compiler error.',
  defaultSeverity: 'error',
});

interface MainPackage { importPath: string; dir: string; name: string }

async function goList(ctx: StageContext, patterns: string[]): Promise<{ pkgs: { importPath: string; name: string; dir: string; error: string }[]; stderr: string }> {
  const args = ['list', '-e', '-f', '{{.ImportPath}}\t{{.Name}}\t{{.Dir}}\t{{if .Error}}{{.Error}}{{end}}'];
  if (ctx.state.modFlag) args.push(ctx.state.modFlag);
  const r = await ctx.ports.exec.run(ctx.state.go!.bin, [...args, ...patterns], { cwd: ctx.config.dir, env: ctx.state.goEnv });
  if (r.code !== 0) throw new Error(`go list ${patterns.join(' ')} failed: ${r.stderr.trim() || r.stdout.trim()}`);
  const pkgs = r.stdout.split('\n').filter(Boolean).map((l) => {
    const [importPath, name, dir, error] = l.split('\t');
    return { importPath, name, dir, error: error ?? '' };
  });
  return { pkgs, stderr: r.stderr };
}

async function mainPackages(ctx: StageContext): Promise<{ pkgs: MainPackage[]; problems: Finding[] }> {
  const problems: Finding[] = [];
  const asMain = (p: { importPath: string; dir: string }) => ({ importPath: p.importPath, dir: p.dir, name: binaryName(p.importPath) });
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
interface JobResult extends Job { ok: boolean; stderr: string }

export const buildStage: Stage = {
  name: 'build',
  rules: [UNKNOWN_TARGET, NO_MAIN, COMPILE],
  async run(ctx: StageContext): Promise<StageOutcome> {
    const go = ctx.state.go;
    if (!go) return skipped('needs the Go toolchain');
    const { config, ports } = ctx;
    const findings: Finding[] = [];

    const dist = await ports.exec.run(go.bin, ['tool', 'dist', 'list'], { env: ctx.state.goEnv });
    if (dist.code !== 0) throw new Error(`go tool dist list failed: ${dist.stderr.trim()}`);
    const supported = new Set(dist.stdout.split('\n').map((s) => s.trim()).filter(Boolean));
    const targets = config.targets.filter((t) => {
      if (supported.has(`${t.goos}/${t.goarch}`)) return true;
      findings.push(finding(UNKNOWN_TARGET, 'build', { message: `target ${t.goos}/${t.goarch} is not supported by go${go.version} (see go tool dist list)`, subject: `${t.goos}/${t.goarch}` }));
      return false;
    });

    const { pkgs, problems } = await mainPackages(ctx);
    findings.push(...problems);
    const names = new Map<string, string>();
    for (const p of pkgs) {
      const other = names.get(p.name);
      if (other) throw new Error(`main packages ${other} and ${p.importPath} would both produce a binary named ${p.name}`);
      names.set(p.name, p.importPath);
    }

    fs.mkdirSync(config.outDir, { recursive: true });
    const jobs: Job[] = targets.flatMap((target) => pkgs.map((pkg) => ({ pkg, target, output: path.join(config.outDir, artifactFileName(pkg.name, target)) })));
    const opts = { ldflags: config.ldflags, tags: config.tags, strip: config.strip, modFlag: ctx.state.modFlag };
    const results = await mapLimit(jobs, Math.max(1, os.availableParallelism()), async (job): Promise<JobResult> => {
      fs.rmSync(job.output, { force: true });
      const r = await ports.exec.run(go.bin, buildArgs(opts, job.output, job.pkg.importPath), {
        cwd: config.dir,
        env: buildEnv(ctx.state.goEnv, job.target, config.cgo),
      });
      return { ...job, ok: r.code === 0 && fs.existsSync(job.output), stderr: r.stderr };
    });

    const artifacts: Artifact[] = [];
    const rows: string[][] = [];
    const failures: string[] = [];
    for (const r of results) {
      const t = `${r.target.goos}/${r.target.goarch}`;
      if (!r.ok) {
        const errors = parseCompilerErrors(r.stderr);
        const first = errors[0];
        const loc = first ? { file: displayPath(ctx.config.workspace, path.resolve(config.dir, first.file)), line: first.line, ...(first.column ? { column: first.column } : {}) } : undefined;
        const headline = first ? `${loc!.file}:${first.line}: ${first.message}` : r.stderr.trim().split('\n').slice(-1)[0] || 'go build failed';
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
      const size = fs.statSync(r.output).size;
      const a: Artifact = {
        path: r.output,
        displayPath: displayPath(ctx.config.workspace, r.output),
        name: path.basename(r.output),
        goos: r.target.goos,
        goarch: r.target.goarch,
        size,
        sha256: sha256File(r.output),
        pkg: r.pkg.importPath,
      };
      artifacts.push(a);
      rows.push([t, r.pkg.importPath, a.name, String(size), 'built']);
    }
    ctx.state.artifacts.push(...artifacts);
    if (artifacts.length) {
      const sums = path.join(config.outDir, 'SHA256SUMS');
      fs.writeFileSync(sums, renderChecksums(artifacts));
      ctx.state.checksumsFile = sums;
    }
    return {
      status: statusFrom(findings),
      findings,
      table: { header: ['Target', 'Package', 'File', 'Bytes', 'Result'], rows },
      ...(failures.length ? { details: failures.join('\n\n') } : {}),
      metrics: { built: artifacts.length, failed: failures.length, jobs: jobs.length },
    };
  },
};
