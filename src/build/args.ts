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

export function buildArgs(opts: BuildOptions, output: string, pkg: string): string[] {
  const args = ['build', '-trimpath', '-buildvcs=auto', `-ldflags=${ldflagsFor(opts)}`];
  if (opts.tags.length) args.push(`-tags=${opts.tags.join(',')}`);
  if (opts.modFlag) args.push(opts.modFlag);
  // "--" is not accepted by go build; package patterns were validated not to start with '-'.
  args.push('-o', output, pkg);
  return args;
}

export function buildEnv(base: Record<string, string>, target: Target, cgo: boolean): Record<string, string> {
  return { ...base, GOOS: target.goos, GOARCH: target.goarch, CGO_ENABLED: cgo ? '1' : '0' };
}

/** Go's own rule for a binary's name: the last path element, skipping a major-version suffix. */
export function binaryName(importPath: string): string {
  const parts = importPath.split('/').filter(Boolean);
  let name = parts[parts.length - 1] ?? 'main';
  if (/^v\d+$/.test(name) && parts.length > 1) name = parts[parts.length - 2];
  return name;
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
