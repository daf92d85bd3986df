// Starts dist/main.js and dist/post.js exactly as the Actions runner does: INPUT_* variables,
// existing file-command files, RUNNER_* and GITHUB_* variables, a real event payload, and for
// the post step every GITHUB_STATE entry as STATE_<name>.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NODE24 = path.join(ROOT, 'node_modules', 'node', 'bin', 'node');

export interface StepResult {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  env: Record<string, string>;
  path: string[];
}

export interface RunnerOptions {
  /** Repository root (GITHUB_WORKSPACE). */
  workspace: string;
  inputs?: Record<string, string>;
  eventName?: string;
  /** The webhook payload written to GITHUB_EVENT_PATH. */
  event?: object;
  ref?: string;
  env?: Record<string, string>;
  /** Reuse a runner home (tool cache, temp) across steps/jobs. */
  home?: string;
}

/** Parses the file-command format: `name=value` lines and `name<<DELIM\nvalue\nDELIM` blocks. */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]);
      out[heredoc[1]] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

function spawnNode(script: string, env: Record<string, string>, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(NODE24, [path.join(ROOT, 'dist', script)], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

export class Runner {
  readonly home: string;
  readonly files: { output: string; state: string; summary: string; env: string; path: string; event: string };
  readonly baseEnv: Record<string, string>;
  readonly workspace: string;

  constructor(opts: RunnerOptions) {
    this.workspace = opts.workspace;
    this.home = opts.home ?? fs.mkdtempSync(path.join(os.tmpdir(), 'grg-runner-'));
    const fc = path.join(this.home, `_runner_file_commands-${randomUUID()}`);
    fs.mkdirSync(fc, { recursive: true });
    fs.mkdirSync(path.join(this.home, 'tool-cache'), { recursive: true });
    fs.mkdirSync(path.join(this.home, 'temp'), { recursive: true });
    this.files = {
      output: path.join(fc, 'set_output'),
      state: path.join(fc, 'save_state'),
      summary: path.join(fc, 'step_summary'),
      env: path.join(fc, 'set_env'),
      path: path.join(fc, 'add_path'),
      event: path.join(fc, 'event.json'),
    };
    for (const f of Object.values(this.files)) fs.writeFileSync(f, '');
    const eventName = opts.eventName ?? 'push';
    const ref = opts.ref ?? 'refs/heads/main';
    fs.writeFileSync(this.files.event, JSON.stringify(opts.event ?? { ref, repository: { full_name: 'org/app' } }));
    const env: Record<string, string> = {};
    // The runner's own environment carries PATH and HOME, nothing of this test process.
    for (const k of ['PATH', 'HOME', 'LANG', 'TMPDIR', 'XDG_CACHE_HOME', 'GOPATH', 'GOMODCACHE', 'GOCACHE', 'GOPROXY', 'GOFLAGS']) {
      if (process.env[k] !== undefined) env[k] = process.env[k]!;
    }
    Object.assign(env, {
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      RUNNER_TEMP: path.join(this.home, 'temp'),
      RUNNER_TOOL_CACHE: path.join(this.home, 'tool-cache'),
      RUNNER_DEBUG: '0',
      GITHUB_WORKSPACE: opts.workspace,
      GITHUB_REPOSITORY: 'org/app',
      GITHUB_RUN_ID: '1001',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'gate',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_REF: ref,
      GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ''),
      GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: this.files.event,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_OUTPUT: this.files.output,
      GITHUB_STATE: this.files.state,
      GITHUB_STEP_SUMMARY: this.files.summary,
      GITHUB_ENV: this.files.env,
      GITHUB_PATH: this.files.path,
    });
    // scan: auto installs Trivy from its release downloads and fetches its DB, which this machine
    // cannot reach: a test that scans says so (and serves both on loopback); the others run
    // with scan: off rather than fail on the unreachable download.
    const inputs = { scan: 'off', ...opts.inputs };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    Object.assign(env, opts.env ?? {});
    this.baseEnv = env;
  }

  private collect(r: { code: number; stdout: string; stderr: string }): StepResult {
    return {
      ...r,
      outputs: parseFileCommand(fs.readFileSync(this.files.output, 'utf8')),
      state: parseFileCommand(fs.readFileSync(this.files.state, 'utf8')),
      summary: fs.readFileSync(this.files.summary, 'utf8'),
      env: parseFileCommand(fs.readFileSync(this.files.env, 'utf8')),
      path: fs.readFileSync(this.files.path, 'utf8').split('\n').filter(Boolean),
    };
  }

  async main(): Promise<StepResult> {
    return this.collect(await spawnNode('main.js', this.baseEnv, this.workspace));
  }

  /** The post step: the runner turns each saved state into STATE_<name> and starts post.js. */
  async post(): Promise<StepResult> {
    const state = parseFileCommand(fs.readFileSync(this.files.state, 'utf8'));
    const env = { ...this.baseEnv };
    for (const [k, v] of Object.entries(state)) env[`STATE_${k}`] = v;
    return this.collect(await spawnNode('post.js', env, this.workspace));
  }
}

/** Copies a fixture or example module into a fresh workspace (a git repo, as a checkout is). */
export function makeWorkspace(source: string, sub = ''): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-ws-'));
  fs.cpSync(source, path.join(ws, sub), { recursive: true });
  return ws;
}
