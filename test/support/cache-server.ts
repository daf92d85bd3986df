// The GitHub Actions cache service (v2) on loopback, so @actions/cache runs unchanged against
// it: the twirp API (CreateCacheEntry, FinalizeCacheEntryUpload, GetCacheEntryDownloadURL)
// plus the blob side (Azure block-blob uploads as the storage SDK sends them to a loopback
// account URL, and plain GET downloads). Archives are kept on disk. Faults on demand:
// answer 500, hang, or serve a truncated archive.
//
// Point a process at it with server.env: ACTIONS_CACHE_SERVICE_V2, ACTIONS_RESULTS_URL,
// ACTIONS_RUNTIME_TOKEN (and leave GITHUB_SERVER_URL unset or github.com, or the client falls
// back to the v1 protocol).
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

const SERVICE = 'github.actions.results.api.v1.CacheService';
// The storage SDK reads a loopback URL's path as /<account>/<container>/<blob>.
const BLOB_PREFIX = '/devstoreaccount1/cache/';

export type FaultTarget = 'GetCacheEntryDownloadURL' | 'CreateCacheEntry' | 'FinalizeCacheEntryUpload' | 'upload' | 'download';

export interface Fault {
  target: FaultTarget;
  /**
   * 500: answer HTTP 500 (JSON body, as twirp does).
   * hang: for download, send the headers and half the body, then stall; otherwise never answer.
   *       The connection is dropped after hangMs.
   * truncate: download only; serve the first half of the archive as if it were all of it.
   */
  kind: '500' | 'hang' | 'truncate';
  hangMs?: number;
}

export interface Entry {
  id: number;
  key: string;
  version: string;
  size: number;
  file: string;
  finalized: boolean;
  /** Finalize order: the larger, the newer. */
  seq: number;
}

export interface RequestRecord {
  method: string;
  path: string;
  /** Twirp method name, or upload/download. */
  op: string;
  status: number;
  key?: string;
}

export interface CacheServer {
  url: string;
  token: string;
  /** Environment for a process that should use this server. */
  env: Record<string, string>;
  requests: RequestRecord[];
  fault: Fault | undefined;
  /** Finalized entries, oldest first. */
  entries(): Entry[];
  entry(key: string): Entry | undefined;
  close(): Promise<void>;
}

// Like the real service's SAS signatures: random, because the client masks them in every later log line.
function randomSig(): string {
  return randomBytes(16).toString('hex');
}

function twirpError(res: http.ServerResponse, status: number, code: string, msg: string): number {
  const body = JSON.stringify({ code, msg });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
  return status;
}

function json(res: http.ServerResponse, value: object): number {
  const body = JSON.stringify(value);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
  return 200;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function blobHeaders(): Record<string, string> {
  return {
    etag: `"0x${Date.now().toString(16).toUpperCase()}"`,
    'last-modified': new Date().toUTCString(),
    'x-ms-request-id': `${Math.random().toString(16).slice(2)}`,
    'x-ms-version': '2024-11-04',
    'x-ms-request-server-encrypted': 'true',
    'content-length': '0',
  };
}

export interface CacheServerOptions {
  dir?: string;
  token?: string;
  /**
   * Store and match keys in lower case, and hand the stored (lower-case) key back as
   * matched_key, the way act's cache server does: a client must compare keys without case.
   */
  lowercaseKeys?: boolean;
}

export async function startCacheServer(opts: CacheServerOptions = {}): Promise<CacheServer> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cache-server-'));
  const ownsDir = !opts.dir;
  const token = opts.token ?? 'test-runtime-token';
  const entries = new Map<number, Entry>();
  let nextId = 1;
  let seq = 0;
  const hanging = new Set<NodeJS.Timeout>();

  const server: CacheServer = {
    url: '',
    token,
    env: {},
    requests: [],
    fault: undefined,
    entries: () => [...entries.values()].filter((e) => e.finalized).sort((a, b) => a.seq - b.seq),
    entry: (key) => [...entries.values()].find((e) => e.finalized && e.key === (opts.lowercaseKeys ? key.toLowerCase() : key)),
    close: async () => {
      for (const t of hanging) clearTimeout(t);
      httpServer.closeAllConnections();
      await new Promise<void>((r) => httpServer.close(() => r()));
      if (ownsDir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };

  const faultFor = (target: FaultTarget): Fault | undefined => (server.fault?.target === target ? server.fault : undefined);

  /** Holds the request open, then drops the connection: the client sees a reset, never an answer. */
  const hang = (res: http.ServerResponse, ms: number): number => {
    const t = setTimeout(() => {
      hanging.delete(t);
      res.socket?.destroy();
    }, ms);
    hanging.add(t);
    return 0;
  };

  async function twirp(method: string, req: http.IncomingMessage, res: http.ServerResponse, rec: RequestRecord): Promise<number> {
    if (req.headers.authorization !== `Bearer ${token}`) return twirpError(res, 401, 'unauthenticated', 'missing or wrong runtime token');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return twirpError(res, 400, 'malformed', 'body is not JSON');
    }
    const fold = (k: string) => (opts.lowercaseKeys ? k.toLowerCase() : k);
    const key = fold(String(body.key ?? ''));
    const version = String(body.version ?? '');
    rec.key = key;
    const fault = faultFor(method as FaultTarget);
    if (fault?.kind === '500') return twirpError(res, 500, 'internal', 'injected fault');
    if (fault?.kind === 'hang') return hang(res, fault.hangMs ?? 30_000);
    if (!key || !version) return twirpError(res, 400, 'invalid_argument', 'key and version are required');

    switch (method) {
      case 'CreateCacheEntry': {
        if ([...entries.values()].some((e) => e.key === key && e.version === version)) {
          return twirpError(res, 409, 'already_exists', 'cache entry with the same key, version, and scope already exists');
        }
        const id = nextId++;
        entries.set(id, { id, key, version, size: 0, file: path.join(dir, `${id}.blob`), finalized: false, seq: 0 });
        return json(res, { ok: true, signed_upload_url: `${server.url}${BLOB_PREFIX}${id}?sig=${randomSig()}` });
      }
      case 'FinalizeCacheEntryUpload': {
        const e = [...entries.values()].find((x) => x.key === key && x.version === version && !x.finalized);
        if (!e || !fs.existsSync(e.file)) return json(res, { ok: false, message: `no upload for ${key}` });
        const size = fs.statSync(e.file).size;
        if (String(size) !== String(body.size_bytes)) return json(res, { ok: false, message: `uploaded ${size} bytes, finalize says ${String(body.size_bytes)}` });
        e.size = size;
        e.finalized = true;
        e.seq = ++seq;
        return json(res, { ok: true, entry_id: String(e.id) });
      }
      case 'GetCacheEntryDownloadURL': {
        const restoreKeys = Array.isArray(body.restore_keys) ? (body.restore_keys as unknown[]).map((k) => fold(String(k))) : [];
        // The service's order: exact key, then key as a prefix (newest first); then each restore key the same way.
        const candidates = server.entries().filter((e) => e.version === version).reverse();
        let hit: Entry | undefined;
        for (const k of [key, ...restoreKeys]) {
          hit = candidates.find((e) => e.key === k) ?? candidates.find((e) => e.key.startsWith(k));
          if (hit) break;
        }
        if (!hit) return json(res, { ok: false });
        return json(res, { ok: true, signed_download_url: `${server.url}/download/${hit.id}?sig=${randomSig()}`, matched_key: hit.key });
      }
      default:
        return twirpError(res, 404, 'bad_route', `no method ${method}`);
    }
  }

  async function upload(id: number, url: URL, req: http.IncomingMessage, res: http.ServerResponse, rec: RequestRecord): Promise<number> {
    const e = entries.get(id);
    if (!e || e.finalized) {
      res.writeHead(404).end();
      return 404;
    }
    rec.key = e.key;
    const fault = faultFor('upload');
    if (fault?.kind === '500') {
      res.writeHead(500, { 'content-type': 'application/xml' }).end('<?xml version="1.0"?><Error><Code>InternalError</Code><Message>injected fault</Message></Error>');
      return 500;
    }
    if (fault?.kind === 'hang') return hang(res, fault.hangMs ?? 30_000);
    const body = await readBody(req);
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      // Staged block: kept apart until the block list names it.
      const blockId = url.searchParams.get('blockid') ?? '';
      fs.writeFileSync(`${e.file}.block-${Buffer.from(blockId).toString('hex')}`, body);
    } else if (comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]*)<\/(?:Latest|Committed|Uncommitted)>/g)].map((m) => m[1]);
      const fd = fs.openSync(e.file, 'w');
      try {
        for (const blockId of ids) fs.writeSync(fd, fs.readFileSync(`${e.file}.block-${Buffer.from(blockId).toString('hex')}`));
      } finally {
        fs.closeSync(fd);
      }
      for (const blockId of ids) fs.rmSync(`${e.file}.block-${Buffer.from(blockId).toString('hex')}`, { force: true });
    } else if (req.headers['x-ms-blob-type'] === 'BlockBlob') {
      fs.writeFileSync(e.file, body);
    } else {
      res.writeHead(400).end();
      return 400;
    }
    res.writeHead(201, blobHeaders()).end();
    return 201;
  }

  function download(id: number, res: http.ServerResponse, rec: RequestRecord): number {
    const e = entries.get(id);
    if (!e || !e.finalized) {
      res.writeHead(404).end();
      return 404;
    }
    rec.key = e.key;
    const data = fs.readFileSync(e.file);
    const fault = faultFor('download');
    if (fault?.kind === '500') {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('injected fault');
      return 500;
    }
    if (fault?.kind === 'truncate') {
      const half = data.subarray(0, Math.floor(data.length / 2));
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': half.length });
      res.end(half);
      return 200;
    }
    if (fault?.kind === 'hang') {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': data.length });
      res.write(data.subarray(0, Math.floor(data.length / 2)));
      return hang(res, fault.hangMs ?? 30_000) || 200;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': data.length });
    res.end(data);
    return 200;
  }

  const httpServer = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rec: RequestRecord = { method: req.method ?? '', path: url.pathname, op: '', status: 0 };
    server.requests.push(rec);
    const handle = async (): Promise<number> => {
      const tw = new RegExp(`^/twirp/${SERVICE.replace(/\./g, '\\.')}/([A-Za-z]+)$`).exec(url.pathname);
      if (tw && req.method === 'POST') {
        rec.op = tw[1];
        return twirp(tw[1], req, res, rec);
      }
      if (url.pathname.startsWith(BLOB_PREFIX) && req.method === 'PUT') {
        rec.op = 'upload';
        return upload(Number(url.pathname.slice(BLOB_PREFIX.length)), url, req, res, rec);
      }
      const dl = /^\/download\/(\d+)$/.exec(url.pathname);
      if (dl && req.method === 'GET') {
        rec.op = 'download';
        return download(Number(dl[1]), res, rec);
      }
      res.writeHead(404).end();
      return 404;
    };
    handle().then(
      (status) => (rec.status = status),
      (e: unknown) => {
        rec.status = 500;
        if (!res.headersSent) twirpError(res, 500, 'internal', String(e));
      },
    );
  });
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', () => r()));
  const port = (httpServer.address() as AddressInfo).port;
  server.url = `http://127.0.0.1:${port}`;
  server.env = { ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: `${server.url}/`, ACTIONS_RUNTIME_TOKEN: token };
  return server;
}

export interface ArchiveMember {
  name: string;
  size: number;
  type: string;
}

/** The members of a stored archive (zstd or gzip tar, as @actions/cache writes them). */
export function listArchive(file: string): ArchiveMember[] {
  const magic = fs.readFileSync(file).subarray(0, 4);
  const decompress = magic[0] === 0x1f && magic[1] === 0x8b ? '-z' : '--zstd';
  const r = spawnSync('tar', [decompress, '-tvf', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`tar -t ${file}: ${r.stderr}`);
  return r.stdout.split('\n').filter(Boolean).map((line) => {
    // -rw-r--r-- user/group 1234 2026-01-01 12:00 path
    const m = /^(\S)\S*\s+\S+\s+(\d+)\s+\S+\s+\S+\s+(.*)$/.exec(line);
    if (!m) throw new Error(`unexpected tar listing line: ${line}`);
    return { type: m[1], size: Number(m[2]), name: m[3] };
  });
}
