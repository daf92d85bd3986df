// Pure argument and name building for `go build`: the whole command is an argument array.
import type { Target } from '../config/config.ts';

export interface BuildOptions {
  ldflags: string;
  tags: string[];
  strip: boolean;
  modFlag?: string;
}

/** The fixed reproducible flags, then the user's ldflags appended. */
export function ldflagsFor(opts: Pick<BuildOptions, 'ldflags' | 'strip'>): string {
  return [opts.strip ? '-s -w' : '', '-buildid=', opts.ldflags].filter((s) => s !== '').join(' ');
}

/**
 * One package to one file, or several main packages of one target into a directory (output
 * ending in a path separator): the go command then loads, stamps and checks the shared packages
 * once for all of them, and writes each binary under its default name (goExecName + GOEXE).
 */
export function buildArgs(opts: BuildOptions, output: string, pkgs: string | readonly string[]): string[] {
  const args = ['build', '-trimpath', '-buildvcs=auto', `-ldflags=${ldflagsFor(opts)}`];
  if (opts.tags.length) args.push(`-tags=${opts.tags.join(',')}`);
  if (opts.modFlag) args.push(opts.modFlag);
  // "--" is not accepted by go build; package patterns were validated not to start with '-'.
  args.push('-o', output, ...(typeof pkgs === 'string' ? [pkgs] : pkgs));
  return args;
}

/**
 * The part of a go build's stderr that concerns one package of several built together: the
 * go command heads each package's errors with "# import/path" (or "package import/path"). A package with a section of its
 * own gets it, with every section of a package that is not one of the built ones (a shared
 * dependency that failed); otherwise everything (an error no section claims).
 */
export function stderrFor(stderr: string, pkg: string, built: readonly string[]): string {
  const sections: { pkg: string; text: string }[] = [];
  let current: { pkg: string; lines: string[] } = { pkg: '', lines: [] };
  const flush = () => { if (current.lines.length) sections.push({ pkg: current.pkg, text: current.lines.join('\n') }); };
  for (const line of stderr.split('\n')) {
    // Compile errors come under "# import/path", load errors as "package import/path: ..." or
    // "package import/path" followed by its "\timports ..." chain.
    const m = /^# (\S+)/.exec(line) ?? /^package (\S+?):?(?:\s|$)/.exec(line);
    if (m) { flush(); current = { pkg: m[1], lines: [line] }; } else current.lines.push(line);
  }
  flush();
  if (!sections.some((s) => s.pkg === pkg)) return stderr;
  const mine = new Set(built);
  return sections.filter((s) => s.pkg === pkg || (s.pkg !== '' && !mine.has(s.pkg))).map((s) => s.text).join('\n');
}

/** One go build's environment: the go processes' own, the target, cgo, and the build's share of the cores (src/build/cores.ts). */
export function buildEnv(base: Record<string, string>, target: Target, cgo: boolean, share: Record<string, string> = {}): Record<string, string> {
  return { ...base, GOOS: target.goos, GOARCH: target.goarch, CGO_ENABLED: cgo ? '1' : '0', ...share };
}

/**
 * The binary's name in artifact names: the last path element, skipping a version element. Unlike
 * the go command (goExecName) it skips v0 and v1 too, so example.com/api/v1 is "api", as it was
 * named before the builds went through -o directories.
 */
export function binaryName(importPath: string): string {
  const parts = importPath.split('/').filter(Boolean);
  let name = parts[parts.length - 1] ?? 'main';
  if (/^v\d+$/.test(name) && parts.length > 1) name = parts[parts.length - 2];
  return name;
}

/**
 * The name the go command gives a binary it writes into an -o directory (load.DefaultExecName):
 * the last element, or the one before a major-version element v2, v3, ... (not v0 or v1).
 */
export function goExecName(importPath: string): string {
  const parts = importPath.split('/');
  const last = parts[parts.length - 1];
  // cmd/go isVersionElement: v2, v3, v10, ..., never v0..., v05 or v1.
  return parts.length > 1 && /^v(?!0)(?!1$)[0-9]+$/.test(last) ? parts[parts.length - 2] : last;
}

export function artifactFileName(name: string, target: Target): string {
  return `${name}_${target.goos}_${target.goarch}${target.goos === 'windows' ? '.exe' : ''}`;
}

/** sha256sum's text format, sorted by name so two runs write the same file. */
export function renderChecksums(entries: { name: string; sha256: string }[]): string {
  return [...entries]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) => `${e.sha256}  ${e.name}\n`)
    .join('');
}

export interface CompilerError { file: string; line: number; column?: number; message: string }

/** The first lines of `go build` stderr that look like "path/file.go:12:3: message". */
export function parseCompilerErrors(stderr: string): CompilerError[] {
  const errors: CompilerError[] = [];
  for (const line of stderr.split(/\r?\n/)) {
    const m = /^(?:\.\/)?([^\s:][^:]*\.go):(\d+)(?::(\d+))?: (.*)$/.exec(line.trim());
    if (m) errors.push({ file: m[1], line: Number(m[2]), ...(m[3] ? { column: Number(m[3]) } : {}), message: m[4] });
  }
  return errors;
}

/** Runs tasks with at most `limit` in flight, keeping results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
