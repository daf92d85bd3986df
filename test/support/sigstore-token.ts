// A loopback stand-in for the runner's OIDC token service, which only GitHub runs. It speaks the
// protocol @actions/core uses (GET ${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=AUD with
// "Authorization: Bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}" -> {"value": JWT}) and is an OIDC
// issuer Fulcio can check tokens against: /.well-known/openid-configuration and its JWKS. The
// JWTs are RS256 and carry GitHub's claim set for the repository, workflow and ref handed in.
import http from 'node:http';
import { createSign, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface WorkflowClaims {
  /** owner/name */
  repository: string;
  /** Path of the workflow file in the repository, e.g. .github/workflows/release.yml */
  workflowPath: string;
  /** e.g. refs/tags/v1.2.3 */
  ref: string;
  sha: string;
  eventName?: string;
  workflowName?: string;
  runId?: string;
}

export interface TokenFaults {
  /** Answer every token request with this status. */
  status?: number;
}

export interface TokenService {
  /** The issuer URL (iss), http://127.0.0.1:P */
  issuer: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL: already has a query, as the runner's does. */
  requestUrl: string;
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN */
  requestToken: string;
  /** Every JWT handed out. */
  issued: string[];
  /** Method and path+query of every request. */
  requests: string[];
  faults: TokenFaults;
  claims: WorkflowClaims;
  /** A token for audience, signed with the issuer's key (for the CLI's SIGSTORE_ID_TOKEN). */
  mint(audience: string, override?: Partial<WorkflowClaims>): string;
  close(): Promise<void>;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

function jwt(key: KeyObject, kid: string, payload: Record<string, unknown>): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const body = b64url(JSON.stringify(payload));
  const sig = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key);
  return `${head}.${body}.${b64url(sig)}`;
}

/** GitHub's ID token claims (docs: "About security hardening with OpenID Connect"), for one workflow run. */
export function githubClaims(issuer: string, audience: string, c: WorkflowClaims, now = Math.floor(Date.now() / 1000)): Record<string, unknown> {
  const [owner] = c.repository.split('/');
  const workflowRef = `${c.repository}/${c.workflowPath}@${c.ref}`;
  const refType = c.ref.startsWith('refs/tags/') ? 'tag' : 'branch';
  return {
    jti: randomUUID(),
    sub: `repo:${c.repository}:ref:${c.ref}`,
    aud: audience,
    ref: c.ref,
    sha: c.sha,
    repository: c.repository,
    repository_owner: owner,
    repository_owner_id: '1000001',
    repository_id: '2000002',
    repository_visibility: 'public',
    run_id: c.runId ?? '4242',
    run_number: '7',
    run_attempt: '1',
    actor: owner,
    actor_id: '1000001',
    workflow: c.workflowName ?? 'release',
    head_ref: '',
    base_ref: '',
    event_name: c.eventName ?? 'push',
    ref_type: refType,
    ref_protected: 'false',
    workflow_ref: workflowRef,
    workflow_sha: c.sha,
    job_workflow_ref: workflowRef,
    job_workflow_sha: c.sha,
    runner_environment: 'github-hosted',
    iss: issuer,
    nbf: now - 5,
    iat: now,
    exp: now + 300,
  };
}

export async function startTokenService(claims: WorkflowClaims, faults: TokenFaults = {}): Promise<TokenService> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const requestToken = `idreq-${randomBytes(16).toString('hex')}`;
  const state = { issuer: '', issued: [] as string[], requests: [] as string[] };
  const svc = {} as TokenService;
  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    state.requests.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/.well-known/openid-configuration') {
      return send(res, 200, {
        issuer: state.issuer,
        jwks_uri: `${state.issuer}/.well-known/jwks`,
        subject_types_supported: ['public', 'pairwise'],
        response_types_supported: ['id_token'],
        claims_supported: ['sub', 'aud', 'exp', 'iat', 'iss', 'jti', 'nbf', 'ref', 'repository', 'repository_id', 'repository_owner', 'repository_owner_id', 'run_id', 'run_number', 'run_attempt', 'actor', 'actor_id', 'workflow', 'workflow_ref', 'workflow_sha', 'head_ref', 'base_ref', 'event_name', 'ref_type', 'environment', 'job_workflow_ref', 'job_workflow_sha', 'repository_visibility', 'runner_environment'],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid'],
      });
    }
    if (url.pathname === '/.well-known/jwks') {
      return send(res, 200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] });
    }
    if (url.pathname === '/token') {
      if (svc.faults.status) return send(res, svc.faults.status, { message: 'token service unavailable' });
      if (req.headers.authorization !== `Bearer ${requestToken}`) return send(res, 401, { message: 'bad request token' });
      const audience = url.searchParams.get('audience');
      if (!audience) return send(res, 400, { message: 'audience is required' });
      const value = svc.mint(audience);
      return send(res, 200, { count: 1, value });
    }
    send(res, 404, { message: 'not found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  state.issuer = `http://127.0.0.1:${port}`;
  Object.assign(svc, {
    issuer: state.issuer,
    requestUrl: `${state.issuer}/token?api-version=2.0`,
    requestToken,
    issued: state.issued,
    requests: state.requests,
    faults,
    claims,
    mint(audience: string, override: Partial<WorkflowClaims> = {}) {
      const t = jwt(privateKey, kid, githubClaims(state.issuer, audience, { ...svc.claims, ...override }));
      state.issued.push(t);
      return t;
    },
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  });
  return svc;
}
