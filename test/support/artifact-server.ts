// The GitHub Actions artifact service (v2+, results API) on loopback, so @actions/artifact runs
// unchanged against it: the twirp API (CreateArtifact, FinalizeArtifact, ListArtifacts,
// GetSignedArtifactURL) plus the blob side (block uploads as the storage SDK sends them to a
// loopback account URL, plain GET downloads of the zip). Artifacts are kept in memory, scoped
// to the workflow run of the runtime token that uploaded them.
//
// The client takes its backend ids from the runtime token's scp claim,
// "Actions.Results:<workflowRunBackendId>:<workflowJobRunBackendId>" (unverified JWT): the
// server mints such tokens per job with tokenFor. A fault refuses blob uploads with 403 (the
// storage SDK does not retry it), so a failed upload is quick and certain.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

const SERVICE = 'github.actions.results.api.v1.ArtifactService';
const BLOB_PREFIX = '/devstoreaccount1/artifacts/';

export interface StoredArtifact {
  id: number;
  runId: string;
  jobId: string;
  name: string;
  blocks: Map<string, Buffer>;
  data?: Buffer;
  finalized: boolean;
}

export interface ArtifactServer {
  url: string;
  /** A runtime token for one job of one workflow run, as the runner hands it out. */
  tokenFor(runId: string, jobId: string): string;
  /** Environment for a job of runId. */
  envFor(runId: string, jobId: string): Record<string, string>;
  /** 'upload': every blob PUT is refused with 403. */
  fault: 'upload' | undefined;
  artifacts(): StoredArtifact[];
  requests: { op: string; status: number; name?: string }[];
  close(): Promise<void>;
}

const b64url = (s: string) => Buffer.from(s).toString('base64url');

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function json(res: http.ServerResponse, status: number, value: object): number {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
  return status;
}

/** The backend ids a token carries, or undefined for a token this server did not mint. */
function idsOf(auth: string | undefined): { runId: string; jobId: string } | undefined {
  const m = /^Bearer ([^.]+)\.([^.]+)\.[^.]*$/.exec(auth ?? '');
  if (!m) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(m[2], 'base64url').toString('utf8')) as { scp?: string };
    const scope = (claims.scp ?? '').split(' ').find((s) => s.startsWith('Actions.Results:'))?.split(':');
    return scope?.length === 3 ? { runId: scope[1], jobId: scope[2] } : undefined;
  } catch {
    return undefined;
  }
}

export async function startArtifactServer(): Promise<ArtifactServer> {
  const store = new Map<number, StoredArtifact>();
  let nextId = 1;
  const sig = () => randomBytes(16).toString('hex');

  const server: ArtifactServer = {
    url: '',
    fault: undefined,
    requests: [],
    tokenFor: (runId, jobId) => `${b64url('{"alg":"none","typ":"JWT"}')}.${b64url(JSON.stringify({ scp: `Actions.GenericRead:00000000 Actions.Results:${runId}:${jobId}`, exp: 4102444800 }))}.`,
    envFor: (runId, jobId) => ({ ACTIONS_RESULTS_URL: `${server.url}/`, ACTIONS_RUNTIME_TOKEN: server.tokenFor(runId, jobId) }),
    artifacts: () => [...store.values()],
    close: async () => {
      httpServer.closeAllConnections();
      await new Promise<void>((r) => httpServer.close(() => r()));
    },
  };

  const listed = (a: StoredArtifact) => ({
    workflow_run_backend_id: a.runId,
    workflow_job_run_backend_id: a.jobId,
    database_id: String(a.id),
    name: a.name,
    size: String(a.data?.length ?? 0),
    created_at: new Date().toISOString(),
  });

  async function twirp(method: string, req: http.IncomingMessage, res: http.ServerResponse, rec: { name?: string }): Promise<number> {
    const ids = idsOf(req.headers.authorization);
    if (!ids) return json(res, 401, { code: 'unauthenticated', msg: 'missing or malformed runtime token' });
    let body: Record<string, any>;
    try {
      body = JSON.parse((await readBody(req)).toString('utf8') || '{}');
    } catch {
      return json(res, 400, { code: 'malformed', msg: 'body is not JSON' });
    }
    // The client sends proto field names (snake_case); accept the JSON names too.
    const field = (snake: string, camel: string) => body[snake] ?? body[camel];
    const name = String(field('name', 'name') ?? '');
    rec.name = name || undefined;
    const runOf = String(field('workflow_run_backend_id', 'workflowRunBackendId') ?? '');
    if (runOf && runOf !== ids.runId) return json(res, 403, { code: 'permission_denied', msg: 'another workflow run' });
    const ofRun = () => [...store.values()].filter((a) => a.runId === ids.runId && a.finalized);
    switch (method) {
      case 'CreateArtifact': {
        if ([...store.values()].some((a) => a.runId === ids.runId && a.name === name)) return json(res, 409, { code: 'already_exists', msg: `an artifact named ${name} already exists in this run` });
        const id = nextId++;
        store.set(id, { id, runId: ids.runId, jobId: ids.jobId, name, blocks: new Map(), finalized: false });
        return json(res, 200, { ok: true, signed_upload_url: `${server.url}${BLOB_PREFIX}${id}?sig=${sig()}` });
      }
      case 'FinalizeArtifact': {
        const a = [...store.values()].find((x) => x.runId === ids.runId && x.name === name && !x.finalized);
        if (!a?.data) return json(res, 200, { ok: false });
        if (String(a.data.length) !== String(field('size', 'size'))) return json(res, 200, { ok: false });
        a.finalized = true;
        return json(res, 200, { ok: true, artifact_id: String(a.id) });
      }
      case 'ListArtifacts': {
        const byName = field('name_filter', 'nameFilter');
        const byId = field('id_filter', 'idFilter');
        const hits = ofRun().filter((a) => (byName === undefined || a.name === String(byName)) && (byId === undefined || String(a.id) === String(byId)));
        return json(res, 200, { artifacts: hits.map(listed) });
      }
      case 'GetSignedArtifactURL': {
        const a = ofRun().find((x) => x.name === name);
        if (!a) return json(res, 404, { code: 'not_found', msg: `no artifact ${name}` });
        return json(res, 200, { signed_url: `${server.url}/download/${a.id}?sig=${sig()}` });
      }
      default:
        return json(res, 404, { code: 'bad_route', msg: `no method ${method}` });
    }
  }

  async function upload(id: number, url: URL, req: http.IncomingMessage, res: http.ServerResponse): Promise<number> {
    const a = store.get(id);
    const body = await readBody(req);
    if (!a || a.finalized) return res.writeHead(404).end(), 404;
    if (server.fault === 'upload') {
      res.writeHead(403, { 'content-type': 'application/xml', 'x-ms-error-code': 'AuthorizationFailure' }).end('<?xml version="1.0"?><Error><Code>AuthorizationFailure</Code><Message>injected fault</Message></Error>');
      return 403;
    }
    const comp = url.searchParams.get('comp');
    if (comp === 'block') a.blocks.set(url.searchParams.get('blockid') ?? '', body);
    else if (comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]*)<\//g)].map((m) => m[1]);
      a.data = Buffer.concat(ids.map((b) => a.blocks.get(b) ?? Buffer.alloc(0)));
      a.blocks.clear();
    } else if (req.headers['x-ms-blob-type'] === 'BlockBlob') a.data = body;
    else return res.writeHead(400).end(), 400;
    res.writeHead(201, {
      etag: `"0x${Date.now().toString(16).toUpperCase()}"`,
      'last-modified': new Date().toUTCString(),
      'x-ms-request-id': randomBytes(8).toString('hex'),
      'x-ms-version': '2024-11-04',
      'x-ms-request-server-encrypted': 'true',
      'content-length': '0',
    }).end();
    return 201;
  }

  const httpServer = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rec: { op: string; status: number; name?: string } = { op: '', status: 0 };
    server.requests.push(rec);
    const handle = async (): Promise<number> => {
      const tw = new RegExp(`^/twirp/${SERVICE.replace(/\./g, '\\.')}/([A-Za-z]+)$`).exec(url.pathname);
      if (tw && req.method === 'POST') {
        rec.op = tw[1];
        return twirp(tw[1], req, res, rec);
      }
      if (url.pathname.startsWith(BLOB_PREFIX) && req.method === 'PUT') {
        rec.op = 'upload';
        return upload(Number(url.pathname.slice(BLOB_PREFIX.length)), url, req, res);
      }
      const dl = /^\/download\/(\d+)$/.exec(url.pathname);
      if (dl && req.method === 'GET') {
        rec.op = 'download';
        const a = store.get(Number(dl[1]));
        if (!a?.finalized || !a.data) return res.writeHead(404).end(), 404;
        res.writeHead(200, { 'content-type': 'application/zip', 'content-length': a.data.length });
        res.end(a.data);
        return 200;
      }
      res.writeHead(404).end();
      return 404;
    };
    handle().then(
      (status) => (rec.status = status),
      (e: unknown) => {
        rec.status = 500;
        if (!res.headersSent) json(res, 500, { code: 'internal', msg: String(e) });
      },
    );
  });
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', () => r()));
  server.url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return server;
}
