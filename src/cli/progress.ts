// The CLI's progress lines: one line per step a person waits for (a target built, the module
// download, a Trivy scan with its DB fetch, a signature), read off the command the gate runs.
// Pure: the Exec wrapper in exec.ts times the call and prints what this returns.
import path from 'node:path';

export interface Step {
  file: string;
  args: readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
  /** Paths under it are shown relative to it. */
  workspace: string;
}

const base = (file: string) => path.basename(file).replace(/\.exe$/i, '');

function shown(workspace: string, p: string): string {
  const rel = path.relative(workspace, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : rel === '' ? '.' : p;
}

/** The value after flag (`-o X`) in args, if any. */
function flagValue(args: readonly string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

/** What the step is, in words, or undefined for the small calls nobody waits for (go env, go list). */
export function describeStep(s: Step): string | undefined {
  const tool = base(s.file);
  const [sub, second] = s.args;
  if (tool === 'go' && sub === 'build') {
    const target = s.env?.GOOS && s.env?.GOARCH ? `${s.env.GOOS}/${s.env.GOARCH}` : 'host';
    return `build ${target} ${s.args[s.args.length - 1]}`;
  }
  if (tool === 'go' && sub === 'mod' && second === 'download') return 'modules: go mod download';
  if (tool === 'go' && sub === 'mod' && second === 'verify') return 'modules: go mod verify';
  if (tool === 'trivy' && s.args.includes('--download-db-only')) return 'scan: fetch the vulnerability DB';
  if (tool === 'trivy' && (sub === 'fs' || sub === 'rootfs')) {
    const target = s.args[s.args.length - 1];
    const fetch = s.args.includes('--skip-db-update') ? '' : ' (fetches the vulnerability DB when it is missing or stale)';
    return `scan: trivy ${sub} ${shown(s.workspace, target)}${fetch}`;
  }
  if (tool === 'cosign' && (sub === 'sign-blob' || sub === 'verify-blob')) {
    const subject = s.args[s.args.length - 1];
    return `sign: cosign ${sub} ${shown(s.workspace, subject)}`;
  }
  return undefined;
}

export function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/** The one line printed when a step ends. */
export function progressLine(what: string, outcome: { code: number; timedOut?: boolean }, ms: number): string {
  const how = outcome.timedOut ? 'timed out' : outcome.code === 0 ? 'ok' : `exit ${outcome.code}`;
  return `  ${what}: ${how} (${formatSeconds(ms)})`;
}

/** Trivy scans may wait minutes on the DB download: they also get a line when they start. */
export function announcesStart(s: Step): boolean {
  return base(s.file) === 'trivy' && !s.args.includes('--skip-db-update');
}
