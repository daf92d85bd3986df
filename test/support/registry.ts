// A real OCI registry on loopback for the Trivy DB tests: go-containerregistry's in-memory
// registry (pinned, built by scripts/tools/registry.sh), the fixture DB pushed into it with oras
// (scripts/tools/oras.sh) exactly as Trivy's DB is published (one layer of media type
// application/vnd.aquasec.trivy.db.layer.v1.tar+gzip, tag 2), and a loopback front with a
// request log and faults (429 TOOMANYREQUESTS, a repository that always answers 429).
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { TOOLS_DIR } from './env.ts';

export const DB_MEDIA_TYPE = 'application/vnd.aquasec.trivy.db.layer.v1.tar+gzip';

function tool(envName: string, rel: string, script: string): string {
  const bin = process.env[envName] || path.join(TOOLS_DIR, rel);
  if (!fs.existsSync(bin)) throw new Error(`no ${path.basename(rel)} at ${bin}: run scripts/tools/${script} (or set ${envName})`);
  return bin;
}

export const registryBin = () => tool('REGISTRY_BIN', 'registry-v0.22.1/registry', 'registry.sh');
export const orasBin = () => tool('ORAS_BIN', 'oras-v1.3.6/oras', 'oras.sh');

export interface Registry {
  /** host:port on 127.0.0.1. */
  host: string;
  close(): Promise<void>;
}

/** Starts the registry on a free loopback port; it logs "serving on port N" once it listens. */
export async function startRegistry(): Promise<Registry> {
  const child: ChildProcess = spawn(registryBin(), ['-port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (b) => {
      // Keep draining the pipe (the registry logs every request) but keep only the start.
      if (err.length < 4096) err += b;
      const m = /serving on port (\d+)/.exec(err);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`registry exited with ${code}: ${err}`)));
  });
  const closed = new Promise<void>((r) => child.on('exit', () => r()));
  return {
    host: `127.0.0.1:${port}`,
    close: async () => {
      child.kill();
      await closed;
    },
  };
}

/** Pushes <cacheDir>/db (trivy.db + metadata.json) as Trivy's DB artifact to host/repo:2. */
export function pushDb(host: string, repo: string, cacheDir: string): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-dbpush-'));
  try {
    execFileSync('tar', ['-czf', path.join(work, 'db.tar.gz'), '-C', path.join(cacheDir, 'db'), 'trivy.db', 'metadata.json']);
    // oras names the layer after the path as given (org.opencontainers.image.title): Trivy needs that title.
    execFileSync(orasBin(), ['push', '--plain-http', '--no-tty', `${host}/${repo}:2`, `db.tar.gz:${DB_MEDIA_TYPE}`], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: work } });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export interface FrontFaults {
  /** Answer this many requests with 429 TOOMANYREQUESTS before forwarding. */
  tooManyFirst?: number;
  /** Answer every request with 429 (a rate-limited repository that never recovers). */
  alwaysTooMany?: boolean;
}

export interface RegistryFront {
  host: string;
  /** "METHOD path status" per request, in order. */
  requests: string[];
  faults: FrontFaults;
  close(): Promise<void>;
}

/** A loopback front for a registry: logs every request and answers the faults, forwards the rest. */
export async function startRegistryFront(upstream: string, faults: FrontFaults = {}): Promise<RegistryFront> {
  const requests: string[] = [];
  let limited = 0;
  const state: RegistryFront = { host: '', requests, faults, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const tooMany = state.faults.alwaysTooMany || limited < (state.faults.tooManyFirst ?? 0);
    if (tooMany) {
      limited++;
      requests.push(`${req.method} ${req.url} 429`);
      req.resume();
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
      res.end(JSON.stringify({ errors: [{ code: 'TOOMANYREQUESTS', message: 'rate limited by the test front', detail: null }] }));
      return;
    }
    const [host, port] = upstream.split(':');
    const up = http.request({ host, port: Number(port), method: req.method, path: req.url, headers: { ...req.headers, host: upstream } }, (r) => {
      requests.push(`${req.method} ${req.url} ${r.statusCode}`);
      // The registry names its own host in Location headers: keep clients on the front.
      const headers = { ...r.headers };
      if (typeof headers.location === 'string') headers.location = headers.location.replace(`//${upstream}`, `//${state.host}`);
      res.writeHead(r.statusCode ?? 502, headers);
      r.pipe(res);
    });
    up.on('error', (e) => {
      requests.push(`${req.method} ${req.url} 502`);
      res.writeHead(502).end(String(e));
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((r) => {
    server.closeAllConnections();
    server.close(() => r());
  });
  return state;
}
