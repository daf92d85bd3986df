// The go command's answers to `go env`, kept for the next run. Each question is a process of its
// own (7-8 ms of CPU here, and a fork of this process); the toolchain probe (`go env GOVERSION
// GOROOT`) is on the path to the first build, where nothing can start before the toolchain is
// known. What go env answers is fixed by what the go command is and what it reads
// (cmd/go/internal/cfg): its environment, the user's go env file, $GOROOT/go.env, the directory
// above its own executable when that holds pkg/tool (where it finds GOROOT), and, for GOWORK, a
// go.work in the directory it runs in or any above it. A later run that finds all of these as they
// were takes the answer without asking.
//
// Only the go command itself is remembered, never a wrapper: a shell script or a version
// manager's shim (asdf, mise) on PATH answers for whichever Go the current directory selects, and
// its own bytes say nothing of that. So an answer is kept only for a binary whose build info says
// `path cmd/go`, and what is compared is that binary's real path and stat identity
// (src/util/stat-identity.ts: the same identity, the same bytes) and the identity of every file
// above, each present or absent as it was.
import fs from 'node:fs';
import path from 'node:path';
import type { ExecResult, Ports } from '../ports/ports.ts';
import { inspectFile } from '../inspect/binary.ts';
import { fnv1a } from '../util/fnv.ts';
import { settledAt, statIdentity } from '../util/stat-identity.ts';
import { writeRecord } from '../modules/records.ts';

const FORMAT = 'go-release-gate go env v2';

/** One go env question: its arguments, and what else its answer depends on. */
export interface GoEnvQuery {
  args: readonly string[];
  /** The directory it runs in, when it asks for GOWORK (found from there upward). */
  cwd?: string;
  /** The toolchain's GOROOT, when it asks for what $GOROOT/go.env may set (GOPROXY, GOSUMDB, GOTOOLCHAIN). */
  goroot?: string;
}

/** What an answer is kept under: its file, everything it depends on, and whether it may be recorded now. */
export interface GoEnvKey {
  file: string;
  key: string;
  /** The go binary as it runs (symbolic links resolved). */
  real: string;
  /** Every file the key names was last changed SETTLED_MS or more ago (or is absent). */
  settled: boolean;
}

/**
 * The go env file the go command reads (cmd/go/internal/cfg.EnvFile): $GOENV, else go/env in
 * os.UserConfigDir. Undefined when it reads none (GOENV=off, no config directory).
 */
export function goEnvFile(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform): string | undefined {
  const set = env.GOENV;
  if (set) return set === 'off' ? undefined : set;
  let dir: string | undefined;
  if (platform === 'win32') dir = env.AppData || env.APPDATA;
  else if (platform === 'darwin') dir = env.HOME ? `${env.HOME}/Library/Application Support` : undefined;
  else {
    const xdg = env.XDG_CONFIG_HOME;
    // os.UserConfigDir refuses a relative XDG_CONFIG_HOME: then go reads no file.
    dir = xdg ? (path.isAbsolute(xdg) ? xdg : undefined) : env.HOME ? `${env.HOME}/.config` : undefined;
  }
  return dir ? path.join(dir, 'go', 'env') : undefined;
}

/** The stat identity of p, or 'absent'; throws on anything but a missing file. */
function identityOf(p: string, nowMs: number, settled: { all: boolean }): string {
  try {
    const s = fs.statSync(p);
    if (!settledAt(s, nowMs)) settled.all = false;
    return statIdentity(s);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return 'absent';
    throw e;
  }
}

/**
 * The key the answer of bin with env to query is kept under in dir; undefined when bin cannot
 * be resolved or a file cannot be statted (then go is asked, as without a keep directory).
 */
export function goEnvKey(dir: string, bin: string, env: Readonly<Record<string, string | undefined>>, query: GoEnvQuery, nowMs = Date.now(), platform: NodeJS.Platform = process.platform): GoEnvKey | undefined {
  try {
    const real = fs.realpathSync.native(bin);
    const settled = { all: true };
    const self = identityOf(real, nowMs, settled);
    if (self === 'absent') return undefined;
    const envFile = goEnvFile(env, platform);
    const lines = [
      FORMAT,
      `args ${JSON.stringify(query.args)}`,
      `bin ${real} ${self}`,
      `tool ${identityOf(path.join(path.dirname(path.dirname(real)), 'pkg', 'tool'), nowMs, settled)}`,
      `envfile ${envFile ?? '-'} ${envFile ? identityOf(envFile, nowMs, settled) : '-'}`,
    ];
    if (query.goroot) lines.push(`goroot ${query.goroot} ${identityOf(path.join(query.goroot, 'go.env'), nowMs, settled)}`);
    if (query.cwd) {
      // Every directory go may look for a go.work in (it stops earlier at GOROOT: more is only stricter).
      for (let d = path.resolve(query.cwd); ; d = path.dirname(d)) {
        lines.push(`work ${d} ${identityOf(path.join(d, 'go.work'), nowMs, settled)}`);
        if (path.dirname(d) === d) break;
      }
    }
    for (const k of Object.keys(env).sort()) if (env[k] !== undefined) lines.push(`env ${k}=${env[k]}`);
    const name = fnv1a([real, ...query.args, query.cwd ?? ''].join('\0'));
    return { file: path.join(dir, `go-env-${name}`), key: lines.join('\n'), real, settled: settled.all };
  } catch {
    return undefined;
  }
}

/** The kept answer (go env's standard output) for exactly this key, or undefined (none, another key, unreadable). */
export function keptGoEnv(k: GoEnvKey): string | undefined {
  let rec: Partial<{ format: string; key: string; stdout: string }>;
  try {
    rec = JSON.parse(fs.readFileSync(k.file, 'utf8'));
  } catch {
    return undefined;
  }
  return rec.format === FORMAT && rec.key === k.key && typeof rec.stdout === 'string' ? rec.stdout : undefined;
}

/**
 * Keeps the answer when every file of the key is settled and the binary is the go command
 * (isGoCommand reads its build info). Best effort: false when not kept.
 */
export async function keepGoEnv(k: GoEnvKey, stdout: string, isGoCommand: (file: string) => Promise<boolean>): Promise<boolean> {
  if (!k.settled || !(await isGoCommand(k.real).catch(() => false))) return false;
  return writeRecord(k.file, { format: FORMAT, key: k.key, stdout }, { private: true });
}

/** The build info of file says it is the go command itself (not a wrapper that runs one). */
async function isGoCommand(file: string): Promise<boolean> {
  return (await inspectFile(file)).buildInfo?.path === 'cmd/go';
}

/**
 * `go env` through the kept answers of ports.keepDir: the kept standard output when every input
 * is as it was, else ask (ask runs bin with args, env and cwd) and keep a successful answer.
 */
export async function askGoEnv(ports: Pick<Ports, 'keepDir' | 'log'>, bin: string, env: Readonly<Record<string, string | undefined>>, query: GoEnvQuery, ask: () => Promise<ExecResult>): Promise<ExecResult> {
  const key = ports.keepDir ? goEnvKey(ports.keepDir, bin, env, query) : undefined;
  const kept = key && keptGoEnv(key);
  if (kept !== undefined) {
    ports.log.debug(`go env ${query.args.join(' ')}: as an earlier run asked it (${key!.file})`);
    return { code: 0, stdout: kept, stderr: '' };
  }
  const r = await ask();
  if (r.code === 0 && key) await keepGoEnv(key, r.stdout, isGoCommand);
  return r;
}
