// The go commands behind the modules checks (download, verify, tidy -diff), with their output
// turned into findings. A command that fails without saying why is itself an error finding.
import fs from 'node:fs';
import path from 'node:path';
import type { Finding, Location, Severity } from '../pipeline/findings.ts';
import { finding } from '../pipeline/findings.ts';
import type { ExecResult } from '../ports/ports.ts';
import type { ModuleSetup } from './load.ts';
import type { MainModule } from './consistency.ts';
import type { Locator } from './locate.ts';
import { parseDownloadJson, parseGoProblems, unreachableSource, type DownloadedModule, type GoProblems, type VerifyProblem } from './gooutput.ts';
import { formattingOnly, parseTidyDiff } from './tidydiff.ts';
import { splitLines } from './errors.ts';
import { NOT_TIDY, VERIFY_FAILED } from './rules.ts';
import { verifyTrees, type TreeModule } from './trees.ts';
import type { TreeMemo } from './treememo.ts';

export const MINUTE = 60_000;

/** One row of the stage's summary table: check, where, result. */
export type Row = [check: string, where: string, result: string];

export interface Runner {
  go(args: string[], cwd: string, timeoutMs?: number): Promise<ExecResult>;
}

function tail(text: string, lines = 40): string {
  const all = text.trimEnd().split('\n');
  return all.length > lines ? `... (${all.length - lines} lines above)\n${all.slice(-lines).join('\n')}` : all.join('\n');
}

/**
 * The module sources are neither in the module cache nor reachable (GOPROXY=off, a refused proxy):
 * nothing that needs them can run. One finding that says so, instead of a cascade of failed
 * commands and checks that "pass" over an empty cache.
 */
export function sourcesUnreachable(reason: string, modcache: string, checks: string[], output: string, location: Location): Finding {
  return finding(VERIFY_FAILED, 'modules', {
    message: `verification could not run: the modules are not all in the module cache (${modcache}) and cannot be fetched (${reason}); ${checks.slice(0, -1).join(', ')} and ${checks[checks.length - 1]} did not run. Restore the module cache, or make GOPROXY reachable`,
    location,
    subject: 'module sources unreachable',
    details: tail(output),
    // Everything later that needs the modules (the build) fails because of this.
    rootCause: true,
  });
}

/** A go command the checks depend on failed: an error finding with its output, never a silent pass. */
export function commandFailed(r: ExecResult, command: string, location: Location): Finding {
  const why = r.timedOut ? 'timed out' : `exited with ${r.code}`;
  // The first line that says what went wrong, not a progress line.
  const first = r.stderr.split('\n').find((l) => l.trim() !== '' && !/^go: (downloading|finding|extracting|found) /.test(l)) ?? '';
  return finding(VERIFY_FAILED, 'modules', {
    message: `${command} ${why}${first ? `: ${first.trim()}` : ''}; what it checks could not be verified`,
    location,
    subject: command,
    details: tail(r.stderr || r.stdout),
  });
}

export interface VerifyOutcome {
  findings: Finding[];
  problems: GoProblems;
  ok: boolean;
  /** The summary row's result. */
  result: string;
}

/**
 * The module trees this run builds from, each hashed against what was recorded at download
 * (src/modules/trees.ts). Falls back to go mod verify, zips included, when a downloaded module
 * has no extracted tree to hash (the go command would extract the zip unverified).
 */
export async function verifyModuleTrees(run: Runner, cwd: string, loc: Locator, modules: readonly DownloadedModule[], memo?: TreeMemo): Promise<VerifyOutcome & { reused: number }> {
  const trees: TreeModule[] = [];
  for (const m of modules) {
    if (m.error || !m.version) continue;
    if (!m.dir || !m.zip || !fs.existsSync(m.dir)) {
      const v = await verifyModules(run, cwd, loc);
      return { ...v, reused: 0, result: v.ok ? `all modules verified by go mod verify (${m.path}@${m.version} has no extracted tree to hash)` : `${v.findings.length} problem(s)` };
    }
    trees.push({ path: m.path, version: m.version, dir: m.dir, zip: m.zip });
  }
  const { problems, checked, reused } = await verifyTrees(trees, memo);
  const findings = problems.map((p) => moduleProblem('module tree check', p, loc));
  const result = problems.length
    ? `${problems.length} problem(s)`
    : reused
      ? `${checked} module trees checked: each is what was downloaded (${checked - reused} hashed now, ${reused} unchanged since an earlier run hashed them: every file has the inode, size, mtime and ctime it had then)`
      : checked ? `${checked} module trees hashed: each is what was downloaded` : 'no module trees to hash';
  return { findings, problems: { verify: problems, mismatches: [], missing: [], other: [] }, ok: problems.length === 0, result, reused };
}

/** A module whose cached files changed since download: a finding on its require line, by the check that found it. */
function moduleProblem(check: string, p: VerifyProblem, loc: Locator): Finding {
  return finding(VERIFY_FAILED, 'modules', {
    message: `${check}: ${p.path} ${p.version}: ${p.problem}`,
    location: loc.module(p.path),
    subject: `${p.path}@${p.version} ${p.problem.replace(/\(.*\)/, '')}`,
  });
}

/** `go mod verify`: each module whose cached files changed since download is a finding on its require line. */
export async function verifyModules(run: Runner, cwd: string, loc: Locator): Promise<Omit<VerifyOutcome, 'result'>> {
  const r = await run.go(['mod', 'verify'], cwd, 15 * MINUTE);
  const problems = parseGoProblems(`${r.stdout}\n${r.stderr}`);
  const findings = problems.verify.map((p) => moduleProblem('go mod verify', p, loc));
  const explained = findings.length + problems.mismatches.length + problems.missing.length > 0;
  if (r.code !== 0 && !explained) findings.push(commandFailed(r, 'go mod verify', loc.build()));
  // Success is the go command saying so: an exit status of 0 alone can come from a wrapper or a
  // go that checked nothing.
  const verified = /^all modules verified$/m.test(r.stdout);
  if (r.code === 0 && !verified && !explained) {
    const said = r.stdout.trim() === '' ? 'printed nothing' : `printed ${JSON.stringify(r.stdout.trim().split('\n')[0].slice(0, 200))}`;
    findings.push(
      finding(VERIFY_FAILED, 'modules', {
        message: `go mod verify exited with 0 but ${said} instead of "all modules verified"; the module cache is not verified`,
        location: loc.build(),
        subject: 'go mod verify silent success',
        ...(r.stdout || r.stderr ? { details: tail(`${r.stdout}${r.stderr}`) } : {}),
      }),
    );
  }
  return { findings, problems, ok: r.code === 0 && verified };
}

/**
 * `go mod download -json` fills the module cache the other checks read; go.sum problems it meets are
 * returned. With `modfile`, the go command reads (and may add lines to) that go.mod's go.sum instead.
 */
export async function downloadModules(run: Runner, cwd: string, loc: Locator, modfile?: string): Promise<{ findings: Finding[]; problems: GoProblems; modules: DownloadedModule[]; unreachable?: string; output: string }> {
  const r = await run.go(['mod', 'download', '-json', ...(modfile ? [`-modfile=${modfile}`] : [])], cwd, 15 * MINUTE);
  const problems = parseGoProblems(r.stderr);
  let modules: DownloadedModule[] = [];
  const findings: Finding[] = [];
  try {
    modules = parseDownloadJson(r.stdout);
  } catch (e) {
    findings.push(commandFailed({ ...r, stderr: `${(e as Error).message}\n${r.stderr}` }, 'go mod download', loc.build()));
  }
  for (const m of modules.filter((x) => x.error)) {
    const p = parseGoProblems(m.error!);
    problems.mismatches.push(...p.mismatches);
    problems.missing.push(...p.missing);
    if (p.mismatches.length + p.missing.length === 0) {
      findings.push(
        finding(VERIFY_FAILED, 'modules', { message: `go mod download ${m.path}@${m.version}: ${m.error}`, location: loc.module(m.path), subject: `${m.path}@${m.version} download` }),
      );
    }
  }
  if (r.code !== 0 && problems.mismatches.length + problems.missing.length === 0 && findings.length === 0) {
    findings.push(commandFailed(r, 'go mod download', loc.build()));
  }
  const output = [r.stderr, ...modules.filter((m) => m.error).map((m) => `${m.path}@${m.version}: ${m.error}`)].join('\n');
  const unreachable = r.code !== 0 ? unreachableSource(output) : undefined;
  return { findings, problems, modules, output, ...(unreachable ? { unreachable } : {}) };
}

/**
 * `go mod tidy -diff` (Go >= 1.23): each run of changed lines is a finding at its line of go.mod
 * or go.sum; go.sum lines already reported missing are not reported twice. `tidy`: no difference
 * (what the stage may record for reuse, src/modules/tidyreuse.ts).
 */
export async function checkTidy(
  run: Runner, setup: ModuleSetup, main: MainModule, loc: Locator, severity: Severity, missingReported: ReadonlySet<string>,
): Promise<{ findings: Finding[]; row: Row; tidy?: boolean }> {
  const r = await run.go(['mod', 'tidy', '-diff'], main.dir, 15 * MINUTE);
  const changes = r.stdout.trim() === '' ? [] : parseTidyDiff(r.stdout);
  if (r.code !== 0 && changes.length === 0) {
    // A wrong or missing go.sum line stops tidy too; that finding is already made.
    const p = parseGoProblems(r.stderr);
    if (p.mismatches.length + p.missing.length > 0) return { findings: [], row: ['go mod tidy -diff', main.gomod.file, 'not run: go.sum must be fixed first'] };
    const f = commandFailed(r, 'go mod tidy -diff', { file: main.gomod.file, line: main.gomod.module.line });
    return { findings: [finding(NOT_TIDY, 'modules', { severity, message: f.message, location: f.location, subject: `${main.gomod.file} tidy failed`, details: f.details })], row: ['go mod tidy -diff', main.gomod.file, 'could not run'] };
  }
  const files: Record<string, { file: string; lines: number }> = {};
  for (const name of ['go.mod', 'go.sum']) {
    const abs = path.join(main.dir, name);
    const data = setup.contents.get(abs);
    files[name] = { file: name === 'go.mod' ? main.gomod.file : path.posix.join(path.posix.dirname(main.gomod.file), 'go.sum'), lines: data ? splitLines(data.toString('utf8')).length : 0 };
  }
  const findings: Finding[] = [];
  for (const c of changes) {
    // go.sum lines already reported as missing need no second finding.
    const added = c.file === 'go.sum' ? c.added.filter((l) => !missingReported.has(l.split(/\s+/).slice(0, 2).join(' '))) : c.added;
    if (added.length === 0 && c.removed.length === 0) continue;
    const target = files[c.file] ?? { file: c.file, lines: c.line };
    const line = Math.max(1, Math.min(c.line, target.lines || 1));
    const layout = added.length === c.added.length ? formattingOnly(c) : undefined;
    if (layout) {
      // Same directives, other layout: say so, and keep it out of the warnings unless tidiness is required.
      findings.push(
        finding(NOT_TIDY, 'modules', {
          severity: severity === 'error' ? 'error' : 'note',
          message: `formatting only: go mod tidy would lay out ${target.file} differently (${layout.summary}); nothing required or replaced changes`,
          location: { file: target.file, line },
          subject: `${target.file} layout ${c.removed.join('\n')}\0${c.added.join('\n')}`,
          details: layout.details,
          fix: 'go mod tidy',
        }),
      );
      continue;
    }
    const parts: string[] = [];
    if (c.removed.length) parts.push(`remove ${c.removed.map((l) => `"${l.trim()}"`).join(', ')}`);
    if (added.length) parts.push(`add ${added.map((l) => `"${l.trim()}"`).join(', ')}`);
    findings.push(
      finding(NOT_TIDY, 'modules', {
        severity,
        message: `go mod tidy would ${parts.join(' and ')} at ${target.file}:${line}`,
        location: { file: target.file, line },
        subject: `${target.file} ${c.removed.join('\n')}\0${added.join('\n')}`,
        fix: 'go mod tidy',
      }),
    );
  }
  const layoutOnly = findings.filter((f) => f.message.startsWith('formatting only:')).length;
  const result = findings.length === 0 ? 'tidy' : layoutOnly === findings.length ? `formatting only (${layoutOnly} place(s))` : `${findings.length} difference(s)${layoutOnly ? `, ${layoutOnly} of them formatting only` : ''}`;
  return { findings, row: ['go mod tidy -diff', main.gomod.file, result], tidy: r.code === 0 && changes.length === 0 };
}

/** No go command of this stage may change the user's files; if one did, put the bytes back. */
