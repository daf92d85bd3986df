// Ports for the CLI: console logging, a tool cache under the user's cache home, state and
// outputs as files in the output directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { IdTokenProvider, Logger, Outputs, StateStore, ToolInstaller } from '../ports/ports.ts';
import type { Location } from '../pipeline/findings.ts';
import { safeLogText } from '../util/logtext.ts';
import { describeNetworkError } from '../util/neterror.ts';

function where(loc?: Location): string {
  if (!loc) return '';
  const f = loc.file ?? loc.artifact;
  return f ? `${f}${loc.line ? `:${loc.line}` : ''}: ` : '';
}

/**
 * Console lines, one write each. A CI runner (the CLI may run as an Actions step) reads these
 * for workflow commands like any output: every line goes through safeLogText, after masking.
 */
export function consoleLogger(write: (s: string) => void, debug = false): Logger {
  const secrets: string[] = [];
  const clean = (m: string) => secrets.reduce((s, x) => s.split(x).join('***'), m);
  const line = (m: string) => write(`${safeLogText(clean(m))}\n`);
  return {
    info: (m) => line(m),
    debug: (m) => (debug ? line(`debug: ${m}`) : undefined),
    warning: (m, loc) => line(`warning: ${where(loc)}${m}`),
    error: (m, loc) => line(`error: ${where(loc)}${m}`),
    async group(name, fn) {
      line(`== ${name}`);
      return fn();
    },
    mask: (s) => {
      if (s) secrets.push(s);
    },
  };
}

/** The CLI's main and "post" run in one process: state is a map. */
export function memoryState(): StateStore {
  const values = new Map<string, string>();
  return {
    save: (k, v) => void values.set(k, v),
    get: (k) => values.get(k) ?? '',
  };
}

/** Collects outputs; the CLI writes them to outputs.json next to summary.md. */
export function fileOutputs(): Outputs & { values: Record<string, string> } {
  const values: Record<string, string> = {};
  return {
    values,
    set(name, value) {
      values[name] = value;
    },
    async summary() {
      // The run already wrote summary.md into the output directory.
    },
    addPath() {
      // The CLI does not change its caller's PATH.
    },
  };
}

export function cacheHome(env: Readonly<Record<string, string | undefined>>): string {
  return env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
}

const RETRYABLE = (status: number) => status >= 500 || status === 408 || status === 429;

async function fetchToFile(url: string, dest: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow' });
  } catch (e) {
    // fetch says only "fetch failed"; the reason (ECONNREFUSED 127.0.0.1:P, ENOTFOUND host) is in its cause.
    throw new Error(`GET ${url}: ${describeNetworkError(e)}`, { cause: e });
  }
  if (res.status !== 200 || !res.body) {
    const err = new Error(`GET ${url}: HTTP ${res.status}`) as Error & { status: number };
    err.status = res.status;
    throw err;
  }
  const expected = Number(res.headers.get('content-length') ?? NaN);
  const of = Number.isFinite(expected) ? ` of ${expected}` : '';
  try {
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), fs.createWriteStream(dest));
  } catch (e) {
    const got = fs.existsSync(dest) ? fs.statSync(dest).size : 0;
    throw new Error(`GET ${url}: connection closed after ${got}${of} bytes (truncated): ${describeNetworkError(e)}`);
  }
  const got = fs.statSync(dest).size;
  if (Number.isFinite(expected) && got !== expected) throw new Error(`GET ${url}: received ${got}${of} bytes (truncated)`);
}

/** The same layout as @actions/tool-cache (tool/version/arch + .complete), under the user's cache home. */
export function localTools(root: string, tempDir: string, attempts = 3, backoffMs = 1000): ToolInstaller {
  const dirOf = (tool: string, version: string, arch: string) => path.join(root, tool, version, arch);
  return {
    find(tool, version, arch) {
      const d = dirOf(tool, version, arch);
      return fs.existsSync(`${d}.complete`) ? d : undefined;
    },
    versions(tool, arch) {
      const base = path.join(root, tool);
      if (!fs.existsSync(base)) return [];
      return fs.readdirSync(base).filter((v) => fs.existsSync(`${dirOf(tool, v, arch)}.complete`));
    },
    async download(url) {
      fs.mkdirSync(tempDir, { recursive: true });
      const dest = path.join(tempDir, `download-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
      for (let attempt = 1; ; attempt++) {
        try {
          await fetchToFile(url, dest);
          return dest;
        } catch (e) {
          const status = (e as { status?: number }).status;
          fs.rmSync(dest, { force: true });
          if (attempt >= attempts || (status !== undefined && !RETRYABLE(status))) throw e;
          await new Promise((r) => setTimeout(r, backoffMs * attempt));
        }
      }
    },
    async extract(archive) {
      const dest = fs.mkdtempSync(path.join(tempDir, 'extract-'));
      const args = archive.endsWith('.zip') ? ['-q', archive, '-d', dest] : ['-xzf', archive, '-C', dest];
      const r = spawnSync(archive.endsWith('.zip') ? 'unzip' : 'tar', args, { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`extracting ${archive} failed: ${r.stderr || r.error?.message}`);
      return dest;
    },
    async uncache(tool, version, arch) {
      // The marker first: a half-removed directory must never look complete.
      const d = dirOf(tool, version, arch);
      fs.rmSync(`${d}.complete`, { force: true });
      fs.rmSync(d, { recursive: true, force: true });
    },
    async cache(dir, tool, version, arch) {
      const d = dirOf(tool, version, arch);
      fs.rmSync(d, { recursive: true, force: true });
      fs.rmSync(`${d}.complete`, { force: true });
      fs.mkdirSync(path.dirname(d), { recursive: true });
      fs.cpSync(dir, d, { recursive: true, verbatimSymlinks: true });
      fs.writeFileSync(`${d}.complete`, '');
      return d;
    },
  };
}

/**
 * The CLI runs where no runner hands out tokens: the caller fetches one for audience "sigstore"
 * (GitLab's id_tokens, a cloud's workload identity) and passes it in SIGSTORE_ID_TOKEN.
 */
export function envIdToken(env: Readonly<Record<string, string | undefined>>): IdTokenProvider {
  return {
    available: () => !!env.SIGSTORE_ID_TOKEN?.trim(),
    async get() {
      const token = env.SIGSTORE_ID_TOKEN?.trim();
      if (!token) throw new Error('SIGSTORE_ID_TOKEN is not set: the CLI signs keyless only with a token from the caller (audience "sigstore")');
      return token;
    },
  };
}
