// A "release downloads" server on loopback: GitHub's layout (/<tag>/<asset>) for the assets
// handed in, with the faults a real download meets (404, 500 then 200, a cut body, a connection
// refused) and a request log, so a test can assert what was (not) fetched.
import http from 'node:http';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';

export interface ReleaseFaults {
  /** Status for every asset request (e.g. 404). */
  status?: number;
  /** Answer 500 this many times before serving. */
  failFirst?: number;
  /** Announce the full length, send this fraction, then cut the connection. */
  cutBody?: number;
}

export interface ReleaseServer {
  /** Base URL: <url>/<tag>/<asset>. */
  url: string;
  requests: string[];
  faults: ReleaseFaults;
  close(): Promise<void>;
}

/** files: URL path under the base (e.g. "v0.74.0/trivy_0.74.0_Linux-64bit.tar.gz") -> file on disk. */
export async function startReleaseServer(files: Record<string, string>, faults: ReleaseFaults = {}): Promise<ReleaseServer> {
  const requests: string[] = [];
  let failures = 0;
  const state: ReleaseServer = { url: '', requests, faults, close: async () => undefined };
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/download\//, ''));
    const file = files[rel];
    if (!file) return void res.writeHead(404).end('Not Found');
    if (state.faults.status) return void res.writeHead(state.faults.status).end('no');
    if (state.faults.failFirst && failures < state.faults.failFirst) {
      failures++;
      return void res.writeHead(500).end('try again');
    }
    const size = fs.statSync(file).size;
    res.writeHead(200, { 'content-length': String(size), 'content-type': 'application/octet-stream' });
    if (state.faults.cutBody) {
      const stream = fs.createReadStream(file, { end: Math.max(0, Math.floor(size * state.faults.cutBody) - 1) });
      stream.pipe(res, { end: false });
      stream.on('end', () => res.socket?.destroy());
      return;
    }
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}/download`;
  state.close = () => new Promise((r) => {
    server.closeAllConnections();
    server.close(() => r());
  });
  return state;
}
