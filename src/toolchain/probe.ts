// How the gate asks a go binary what it is: `go env GOVERSION GOROOT`, never switching to another
// toolchain (GOTOOLCHAIN=local), and the answer kept for the next run. Asking is a
// process of its own (7-8 ms of CPU, 12-15 ms of wall time here, and a fork of this process) on
// the path to the first build: nothing can start before the toolchain is known. The answer is
// fixed by what the go command is and what it reads to find its GOROOT (cmd/go/internal/cfg):
// the GOROOT variable, else GOROOT in the user's go env file (cfg.EnvFile: $GOENV, else go/env in
// os.UserConfigDir, found from HOME, XDG_CONFIG_HOME or AppData), else the directory above its
// own executable when that holds pkg/tool. A later run that finds all of these as they were takes
// the answer without asking.
//
// Only the go command itself is remembered, never a wrapper: a shell script or a version
// manager's shim (asdf, mise) on PATH answers for whichever Go the current directory selects, and
// its own bytes say nothing of that. So an answer is kept only for a binary whose build info says
// `path cmd/go`, and what is compared is that binary's real path and stat identity
// (src/util/stat-identity.ts: the same identity, the same bytes), the identity (or absence) of
// its pkg/tool directory and of the go env file, and the variables above. Only those: the record
// holds paths and stat numbers, never another variable of the environment (a GOPROXY with a
// password in it, a token), and the answer itself is a version and a directory.
import fs from 'node:fs';
import path from 'node:path';
import type { Ports } from '../ports/ports.ts';
import { readBuildInfoFile } from '../inspect/binary.ts';
import { childEnv } from '../util/childenv.ts';
import { fnv1a } from '../util/fnv.ts';
import { readRecord, writeRecord } from '../util/records.ts';
import { settledAt, statIdentity } from '../util/stat-identity.ts';

const FORMAT = 'go-release-gate go env v1';

const PROBE_ARGS = ['env', 'GOVERSION', 'GOROOT'];

/** The variables `go env GOVERSION GOROOT` reads (GOTOOLCHAIN: the probe sets it to local). */
export const PROBE_READS = ['GOROOT', 'GOENV', 'HOME', 'XDG_CONFIG_HOME', 'AppData', 'APPDATA', 'GOTOOLCHAIN'] as const;

/** What an answer is kept under: its file, everything it depends on, and whether it may be recorded now. */
export interface ProbeKey {
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
 * The key the probe of bin with env is kept under in dir; undefined when bin cannot be resolved
 * or a file cannot be statted (then go is asked, as without a keep directory).
 */
export function probeKey(dir: string, bin: string, env: Readonly<Record<string, string | undefined>>, nowMs = Date.now(), platform: NodeJS.Platform = process.platform): ProbeKey | undefined {
  try {
    const real = fs.realpathSync.native(bin);
    const settled = { all: true };
    const self = identityOf(real, nowMs, settled);
    if (self === 'absent') return undefined;
    const envFile = goEnvFile(env, platform);
    const lines = [
      FORMAT,
      `bin ${real} ${self}`,
      `tool ${identityOf(path.join(path.dirname(path.dirname(real)), 'pkg', 'tool'), nowMs, settled)}`,
      `envfile ${envFile ?? '-'} ${envFile ? identityOf(envFile, nowMs, settled) : '-'}`,
      ...PROBE_READS.map((k) => `env ${k}${env[k] === undefined ? ' unset' : `=${env[k]}`}`),
    ];
    return { file: path.join(dir, `go-env-${fnv1a(real)}`), key: lines.join('\n'), real, settled: settled.all };
  } catch {
    return undefined;
  }
}

/** The kept answer (go env's standard output) for exactly this key, or undefined (none, another key, unreadable). */
export function keptProbe(k: ProbeKey): string | undefined {
  // In the user's cache home, not GOCACHE: no trim to be touched for.
  const rec = readRecord(k.file, Infinity) as Partial<{ format: string; key: string; stdout: string }> | undefined;
  return rec?.format === FORMAT && rec.key === k.key && typeof rec.stdout === 'string' ? rec.stdout : undefined;
}

/**
 * Keeps the answer when every file of the key is settled and the binary is the go command
 * (isGoCommand reads its build info). Best effort: false when not kept.
 */
export async function keepProbe(k: ProbeKey, stdout: string, isGoCommand: (file: string) => Promise<boolean>): Promise<boolean> {
  if (!k.settled || !(await isGoCommand(k.real).catch(() => false))) return false;
  return writeRecord(k.file, { format: FORMAT, key: k.key, stdout }, { private: true });
}

/** The build info of file says it is the go command itself (not a wrapper that runs one). */
async function isGoCommand(file: string): Promise<boolean> {
  return (await readBuildInfoFile(file))?.path === 'cmd/go';
}

/** The version (without "go") and GOROOT a probe printed; undefined for anything else. */
export function parseProbe(stdout: string): { version: string; goroot: string } | undefined {
  const [v, goroot = ''] = stdout.split('\n');
  const m = /^go(\d+\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?)/.exec(v.trim());
  return m ? { version: m[1], goroot: goroot.trim() } : undefined;
}

/**
 * What the go binary bin is: its version and GOROOT, from the answer kept in ports.keepDir when
 * every input is as it was, else from `go env GOVERSION GOROOT` (neither answer depends on the
 * directory go runs in), whose answer is then kept. Undefined when go does not answer.
 */
export async function probeGo(ports: Pick<Ports, 'exec' | 'env' | 'keepDir' | 'log'>, bin: string): Promise<{ version: string; goroot: string } | undefined> {
  const env = childEnv('go', ports.env, { GOTOOLCHAIN: 'local' });
  const key = ports.keepDir ? probeKey(ports.keepDir, bin, env) : undefined;
  const kept = key && keptProbe(key);
  if (kept !== undefined) {
    ports.log.debug(`${bin}: go env GOVERSION GOROOT as an earlier run asked it (${key!.file})`);
    return parseProbe(kept);
  }
  const r = await ports.exec.run(bin, PROBE_ARGS, { env });
  const answer = r.code === 0 ? parseProbe(r.stdout) : undefined;
  if (answer && key) await keepProbe(key, r.stdout, isGoCommand);
  return answer;
}
