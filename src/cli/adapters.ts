// Ports for the CLI: console logging, a tool cache under the user's cache home, state and
// outputs as files in the output directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gateCacheDir } from './cache-home.ts';
import { spawnSync } from 'node:child_process';
import diagnostics from 'node:diagnostics_channel';
import { randomUUID } from '../util/hash.ts';
import type { CacheStore, Exec, IdTokenProvider, Logger, Outputs, Ports, StateStore, ToolInstaller } from '../ports/ports.ts';
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


/**
 * Bytes of the HTTP responses that arrive while fn runs, read off Node's http client
 * diagnostics channel: @actions/tool-cache removes a partial download and says only "aborted",
 * so this is how a cut-short body can still be reported as "N of M bytes".
 */
async function countingResponses<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; last?: { got: number; expected?: number } }> {
  let last: { got: number; expected?: number } | undefined;
  const onResponse = (m: unknown) => {
    const res = (m as { response?: import('node:http').IncomingMessage }).response;
    if (!res || res.statusCode !== 200) return;
    const length = Number(res.headers['content-length'] ?? NaN);
    const seen: { got: number; expected?: number } = { got: 0, ...(Number.isFinite(length) ? { expected: length } : {}) };
    last = seen;
    // Counted as the body is emitted to its consumer: a 'data' listener of our own would start
    // the stream flowing before @actions/tool-cache pipes it, and lose those bytes.
    const emit = res.emit;
    res.emit = function (this: typeof res, event: string | symbol, ...args: unknown[]) {
      if (event === 'data') seen.got += (args[0] as Buffer).length;
      return emit.call(this, event, ...args);
    } as typeof res.emit;
  };
  diagnostics.subscribe('http.client.response.finish', onResponse);
  try {
    return { value: await fn(), last };
  } catch (error) {
    return { error, last };
  } finally {
    diagnostics.unsubscribe('http.client.response.finish', onResponse);
  }
}

/**
 * @actions/tool-cache reports through @actions/core, which writes `::debug::` workflow commands
 * straight to process.stdout: right for a runner, noise in the CLI's stdout, which ends with
 * the verdict. While fn runs, exactly those writes are dropped (a runner is not reading this
 * output); every other write passes through untouched, the retry lines ("Waiting 12 seconds
 * before trying again") included.
 */
async function withoutCoreDebug<T>(fn: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  const filtered = function (this: typeof process.stdout, chunk: unknown, ...rest: unknown[]) {
    if (typeof chunk === 'string' && chunk.startsWith('::debug::')) {
      const done = rest.find((x) => typeof x === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  };
  process.stdout.write = filtered as typeof process.stdout.write;
  try {
    return await fn();
  } finally {
    // Put back only our own wrapper: something that wrapped it meanwhile keeps its own.
    if (process.stdout.write === (filtered as unknown)) process.stdout.write = write;
  }
}

/**
 * The same layout as @actions/tool-cache (tool/version/arch + .complete), under the user's cache
 * home. Downloads go through @actions/tool-cache itself (its retries: 3 attempts, 10-20 s apart,
 * 4xx other than 408/429 not retried), so both front doors have one download path; it is given
 * the destination file and directory, so it needs none of the runner's variables.
 */
export function localTools(root: string, tempDir: string): ToolInstaller {
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
      // Loaded here, not at start: @actions/tool-cache brings its HTTP stack (undici, most of the
      // bundle's bytes), which a run that downloads nothing should not parse.
      const tc = await import('@actions/tool-cache');
      fs.mkdirSync(tempDir, { recursive: true });
      const dest = path.join(tempDir, `download-${randomUUID()}`);
      const r = await withoutCoreDebug(() => countingResponses(() => tc.downloadTool(url, dest)));
      if (!('error' in r) || r.error === undefined) return r.value!;
      fs.rmSync(dest, { force: true });
      const e = r.error;
      const status = e instanceof tc.HTTPError ? e.httpStatusCode : undefined;
      if (status !== undefined) throw Object.assign(new Error(`GET ${url}: HTTP ${status}`, { cause: e }), { status });
      const cut = r.last && r.last.expected !== undefined && r.last.got < r.last.expected ? r.last : undefined;
      // Name the reason (ECONNREFUSED 127.0.0.1:P, a body cut short), not just that it failed.
      if (cut) throw new Error(`GET ${url}: connection closed after ${cut.got} of ${cut.expected} bytes (truncated): ${describeNetworkError(e)}`, { cause: e });
      throw new Error(`GET ${url}: ${describeNetworkError(e)}`, { cause: e });
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

/**
 * The ports of one CLI command (run, merge): tools under the user's cache home, keyless tokens
 * from SIGSTORE_ID_TOKEN, this machine's platform.
 */
export function cliPorts(p: { exec: Exec; log: Logger; outputs: Outputs; state: StateStore; cache?: CacheStore; env: NodeJS.ProcessEnv; tempDir: string; workspace: string }): Ports {
  return {
    exec: p.exec,
    log: p.log,
    tools: localTools(gateCacheDir(p.env, 'tools'), p.tempDir),
    state: p.state,
    outputs: p.outputs,
    ...(p.cache ? { cache: p.cache } : {}),
    idToken: envIdToken(p.env),
    env: p.env,
    tempDir: p.tempDir,
    keepDir: gateCacheDir(p.env, 'kept'),
    workspace: p.workspace,
    platform: { os: os.type(), arch: process.arch.toUpperCase() },
  };
}
