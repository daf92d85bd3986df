// nektos/act, a real workflow runner, in host mode (no Docker): the pinned build from
// scripts/tools/act.sh (ACT_BIN, or the same cache path), Node 24 first on PATH, every server it
// starts on 127.0.0.1, its own cache-server directory per test.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NODE24 } from './runner.ts';

export const ACT_VERSION = 'v0.2.89';

export function actBin(): string {
  const bin = process.env.ACT_BIN || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'go-release-gate-tools', `act-${ACT_VERSION}`, 'act');
  if (!fs.existsSync(bin)) throw new Error(`act is not built: run scripts/tools/act.sh (or node scripts/test.mjs, which builds it) [looked for ${bin}]`);
  return bin;
}

export interface ActRun {
  code: number;
  /** act's log: stdout and stderr interleaved as it printed them. */
  log: string;
}

export interface ActOptions {
  repo: string;
  event: 'push' | 'pull_request';
  payload: object;
  workflow: string;
  /** --env NAME=VALUE for the job. */
  env: Record<string, string>;
  cacheServerPath: string;
}

export function runAct(o: ActOptions): Promise<ActRun> {
  const eventFile = path.join(o.cacheServerPath, `${o.event}-event.json`);
  fs.mkdirSync(o.cacheServerPath, { recursive: true });
  fs.writeFileSync(eventFile, JSON.stringify(o.payload));
  const args = [
    o.event,
    '-W', o.workflow,
    '-e', eventFile,
    // Host mode: steps run on this machine; act's own servers listen on loopback only.
    '-P', 'ubuntu-latest=-self-hosted',
    '--cache-server-addr', '127.0.0.1',
    '--cache-server-path', o.cacheServerPath,
    '--artifact-server-addr', '127.0.0.1',
    ...Object.entries(o.env).flatMap(([k, v]) => ['--env', `${k}=${v}`]),
  ];
  const env: Record<string, string> = {};
  for (const k of ['HOME', 'LANG', 'TMPDIR', 'GOPATH', 'GOMODCACHE', 'GOPROXY', 'GOFLAGS']) if (process.env[k] !== undefined) env[k] = process.env[k]!;
  // The action declares node24: act's host mode starts the first node on PATH.
  env.PATH = [path.dirname(NODE24), '/usr/local/go/bin', process.env.PATH ?? ''].join(path.delimiter);
  env.ACT_DISABLE_VERSION_CHECK = '1';
  return new Promise((resolve) => {
    const child = spawn(actBin(), args, { cwd: o.repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (b) => (log += b));
    child.stderr.on('data', (b) => (log += b));
    child.on('close', (code) => resolve({ code: code ?? 1, log }));
  });
}
