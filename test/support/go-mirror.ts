// A Go downloads mirror on loopback: the JSON listing (?mode=json&include=all) and a real
// release tarball made from the installed toolchain, with its real SHA-256. Faults on demand.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { spawn, execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';

import { GO, testCacheDir } from './env.ts';

export { GO, testCacheDir };

export function goVersion(): string {
  return execFileSync(GO, ['env', 'GOVERSION'], { env: { ...process.env, GOTOOLCHAIN: 'local' }, encoding: 'utf8' }).trim().replace(/^go/, '');
}

export function goRoot(): string {
  return execFileSync(GO, ['env', 'GOROOT'], { env: { ...process.env, GOTOOLCHAIN: 'local' }, encoding: 'utf8' }).trim();
}

export interface Tarball { file: string; filename: string; version: string; sha256: string; size: number }

function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** go<ver>.linux-amd64.tar.gz in go.dev layout (top directory "go"), cached outside the repo. */
export async function goTarball(): Promise<Tarball> {
  const version = goVersion();
  const filename = `go${version}.linux-amd64.tar.gz`;
  const file = path.join(testCacheDir('go-mirror'), filename);
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    const root = goRoot();
    await new Promise<void>((resolve, reject) => {
      const tar = spawn('tar', ['-C', path.dirname(root), '-cf', '-', path.basename(root)], { stdio: ['ignore', 'pipe', 'inherit'] });
      const gz = spawn('gzip', ['-1'], { stdio: ['pipe', fs.openSync(tmp, 'w'), 'inherit'] });
      tar.stdout.pipe(gz.stdin!);
      gz.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`gzip exited ${code}`))));
      tar.on('error', reject);
    });
    fs.renameSync(tmp, file);
  }
  return { file, filename, version, sha256: sha256File(file), size: fs.statSync(file).size };
}

export interface MirrorFaults {
  /** HTTP status for the archive (e.g. 404) on every request. */
  archiveStatus?: number;
  /** Answer 500 this many times before serving the archive. */
  failFirst?: number;
  /** Send the full Content-Length but only this fraction of the bytes, then cut the connection. */
  cutBody?: number;
  /** Serve only the first half of the file, with a matching Content-Length (a truncated file on the mirror). */
  truncatedFile?: boolean;
  /** Publish this SHA-256 instead of the real one. */
  listingSha256?: string;
  /** HTTP status for the listing. */
  listingStatus?: number;
  /** Body for the listing instead of JSON. */
  listingBody?: string;
}

export interface Mirror {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startMirror(tarball: Tarball, faults: MirrorFaults = {}): Promise<Mirror> {
  const requests: string[] = [];
  let failures = 0;
  const listing = [
    {
      version: `go${tarball.version}`,
      stable: true,
      files: [
        { filename: tarball.filename, os: 'linux', arch: 'amd64', version: `go${tarball.version}`, sha256: faults.listingSha256 ?? tarball.sha256, size: tarball.size, kind: 'archive' },
        { filename: `go${tarball.version}.src.tar.gz`, os: '', arch: '', version: `go${tarball.version}`, sha256: '0'.repeat(64), size: 1, kind: 'source' },
      ],
    },
    { version: 'go1.19.13', stable: true, files: [] },
  ];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/dl/' || url.pathname === '/dl') {
      if (faults.listingStatus) return void res.writeHead(faults.listingStatus).end('listing unavailable');
      const body = faults.listingBody ?? JSON.stringify(listing);
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    }
    if (url.pathname === `/dl/${tarball.filename}`) {
      if (faults.archiveStatus) return void res.writeHead(faults.archiveStatus).end('no');
      if (faults.failFirst && failures < faults.failFirst) {
        failures++;
        return void res.writeHead(500).end('try again');
      }
      if (faults.truncatedFile) {
        const half = Math.floor(tarball.size / 2);
        res.writeHead(200, { 'content-length': String(half) });
        return void fs.createReadStream(tarball.file, { end: half - 1 }).pipe(res);
      }
      res.writeHead(200, { 'content-length': String(tarball.size), 'content-type': 'application/octet-stream' });
      if (faults.cutBody) {
        const stream = fs.createReadStream(tarball.file, { end: Math.floor(tarball.size * faults.cutBody) - 1 });
        stream.pipe(res, { end: false });
        stream.on('end', () => res.socket?.destroy());
        return;
      }
      return void fs.createReadStream(tarball.file).pipe(res);
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dl`,
    requests,
    close: () => new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
