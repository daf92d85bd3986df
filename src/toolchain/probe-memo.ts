// The go command's answer to `go env GOVERSION GOROOT`, kept for the next run. Asking it is a
// process of its own (7-8 ms of CPU, 12-15 ms of wall time here) on the path to the first build:
// nothing can start before the toolchain is known. The answer is fixed by what the go command
// is and what it reads to find its GOROOT (cmd/go/internal/cfg: the GOROOT variable, the user's
// go env file, else the directory above its own executable when that holds pkg/tool), so a later
// run that finds all of these as they were takes the answer without asking.
//
// Only the go command itself is remembered, never a wrapper: a shell script or a version
// manager's shim (asdf, mise) on PATH answers for whichever Go the current directory selects, and
// its own bytes say nothing of that. So an answer is kept only for a binary whose build info says
// `path cmd/go`, and what is compared is that binary's real path and stat identity
// (src/util/stat-identity.ts: the same identity, the same bytes), the identity of its pkg/tool
// directory and of the go env file, and the whole environment the probe runs with.
import fs from 'node:fs';
import path from 'node:path';
import { fnv1a } from '../util/fnv.ts';
import { settledAt, statIdentity } from '../util/stat-identity.ts';
import { writeRecord } from '../modules/records.ts';

const FORMAT = 'go-release-gate go env v1';

export interface ProbeAnswer {
  version: string;
  goroot: string;
}

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
 * The key the probe of bin with env is kept under in dir; undefined when bin cannot be resolved or
 * statted (then it is asked, as without a keep directory).
 */
export function probeKey(dir: string, bin: string, env: Readonly<Record<string, string>>, nowMs = Date.now(), platform: NodeJS.Platform = process.platform): ProbeKey | undefined {
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
      ...Object.keys(env).sort().map((k) => `env ${k}=${env[k]}`),
    ];
    return { file: path.join(dir, `go-env-${fnv1a(real)}`), key: lines.join('\n'), real, settled: settled.all };
  } catch {
    return undefined;
  }
}

/** The kept answer for exactly this key, or undefined (none, another key, unreadable). */
export function keptProbe(k: ProbeKey): ProbeAnswer | undefined {
  let rec: Partial<{ format: string; key: string; version: string; goroot: string }>;
  try {
    rec = JSON.parse(fs.readFileSync(k.file, 'utf8'));
  } catch {
    return undefined;
  }
  if (rec.format !== FORMAT || rec.key !== k.key || typeof rec.version !== 'string' || typeof rec.goroot !== 'string') return undefined;
  return { version: rec.version, goroot: rec.goroot };
}

/**
 * Keeps the answer when every file of the key is settled and the binary is the go command
 * (isGoCommand reads its build info). Best effort: false when not kept.
 */
export async function keepProbe(k: ProbeKey, answer: ProbeAnswer, isGoCommand: (file: string) => Promise<boolean>): Promise<boolean> {
  if (!k.settled || !(await isGoCommand(k.real).catch(() => false))) return false;
  return writeRecord(k.file, { format: FORMAT, key: k.key, version: answer.version, goroot: answer.goroot }, { private: true });
}
