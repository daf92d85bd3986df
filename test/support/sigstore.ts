// A private Sigstore on loopback, made of the real parts: Fulcio (github.com/sigstore/fulcio,
// ephemeral CA, no CT log) trusting the token stand-in as a github-workflow issuer, the
// timestamp authority (github.com/sigstore/timestamp-authority, in-memory signer), and a trusted
// root for both made with `cosign trusted-root create`. No Rekor: it needs Trillian and a
// database; signatures rest on the TSA's timestamps instead (cosign --tlog-upload=false).
// scripts/sigstore-local.sh runs the same code for people trying keyless signing by hand.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { TOOLS_DIR } from './env.ts';
import { cosign } from './cosign.ts';
import { startTokenService, type TokenService, type WorkflowClaims } from './sigstore-token.ts';

export const FULCIO_VERSION = 'v1.8.8';
export const TSA_VERSION = 'v1.2.9';

function toolBin(envName: string, dir: string, name: string, script: string): string {
  const candidates = [process.env[envName], path.join(TOOLS_DIR, dir, name)].filter((x): x is string => !!x);
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`${name} not found (tried ${candidates.join(', ')}): run ${script} or set ${envName}`);
  return found;
}

export const fulcioBin = () => toolBin('FULCIO_BIN', `fulcio-${FULCIO_VERSION}`, 'fulcio', 'scripts/tools/fulcio.sh');
export const tsaBin = () => toolBin('TSA_BIN', `timestamp-server-${TSA_VERSION}`, 'timestamp-server', 'scripts/tools/tsa.sh');

/** A port free on 127.0.0.1 right now (for servers that take a port number, not a listener). */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

interface Proc { child: ChildProcess; log: string; name: string }

function startProc(name: string, bin: string, args: string[], dir: string): Proc {
  const log = path.join(dir, `${name}.log`);
  const fd = fs.openSync(log, 'a');
  const child = spawn(bin, args, { stdio: ['ignore', fd, fd], cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir } });
  fs.closeSync(fd);
  return { child, log, name };
}

/** Polls url until it answers 200 (bounded: 240 tries, 250 ms apart), failing early when the process exits. */
async function waitFor(url: string, p: Proc): Promise<string> {
  for (let i = 0; i < 240; i++) {
    if (p.child.exitCode !== null) throw new Error(`${p.name} exited (${p.child.exitCode}) before it answered: ${fs.readFileSync(p.log, 'utf8').slice(-2000)}`);
    try {
      const r = await fetch(url);
      if (r.status === 200) return await r.text();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${p.name} did not answer ${url}: ${fs.readFileSync(p.log, 'utf8').slice(-2000)}`);
}

async function stopProc(p: Proc): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const done = new Promise<void>((r) => p.child.once('exit', () => r()));
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 5000);
  await done;
  clearTimeout(timer);
}

// timestamp-server v1.2.9 always serves its metrics on :2112 (hard-coded, every interface, no
// flag) and exits when that port is taken: only one can run on a machine at a time. Test files
// run in parallel, so the one that starts a TSA holds this lock until it stops it.
const TSA_LOCK = path.join(os.tmpdir(), 'go-release-gate-tsa-2112.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function lockTsa(): Promise<() => void> {
  for (let i = 0; i < 2400; i++) {
    try {
      fs.mkdirSync(TSA_LOCK);
      fs.writeFileSync(path.join(TSA_LOCK, 'pid'), String(process.pid));
      return () => fs.rmSync(TSA_LOCK, { recursive: true, force: true });
    } catch {
      let holder = NaN;
      try {
        holder = Number(fs.readFileSync(path.join(TSA_LOCK, 'pid'), 'utf8'));
      } catch {
        // being created or removed
      }
      if (Number.isInteger(holder) && !alive(holder)) fs.rmSync(TSA_LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`${TSA_LOCK} stayed locked for 20 minutes`);
}

export interface LocalSigstore {
  dir: string;
  token: TokenService;
  fulcioUrl: string;
  tsaUrl: string;
  /** trusted_root.json: Fulcio's and the TSA's chains. */
  trustedRoot: string;
  /** The identity certificates carry for the token's workflow: https://github.com/<repo>/<path>@<ref>. */
  identity: string;
  /** GITHUB_WORKFLOW_REF for the same workflow. */
  workflowRef: string;
  /** Environment a job with `permissions: id-token: write` gets, pointing at the stand-in. */
  runnerEnv(): Record<string, string>;
  /** Gate inputs for this private Sigstore. */
  inputs(): Record<string, string>;
  stop(): Promise<void>;
}

export const DEFAULT_CLAIMS: WorkflowClaims = {
  repository: 'octo-org/hello',
  workflowPath: '.github/workflows/release.yml',
  ref: 'refs/tags/v1.2.3',
  sha: '0123456789abcdef0123456789abcdef01234567',
};

export async function startLocalSigstore(claims: WorkflowClaims = DEFAULT_CLAIMS, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-sigstore-'))): Promise<LocalSigstore> {
  const procs: Proc[] = [];
  const token = await startTokenService(claims);
  let unlock: (() => void) | undefined;
  const stop = async () => {
    for (const p of procs.reverse()) await stopProc(p);
    unlock?.();
    await token.close();
  };
  try {
    // Fulcio: HTTP and gRPC on their own loopback ports. (Its one-port duplex mode, which would
    // also bind metrics to --host, panics at start in v1.8.8 on a duplicate Prometheus metric.)
    // The metrics server listens on ":<metrics-port>" (every interface; no flag changes that):
    // a free port, so parallel Fulcios never collide. The legacy gRPC socket defaults to one
    // abstract name per machine: a file in our directory instead.
    const fulcioPort = await freePort();
    const grpcPort = await freePort();
    const metricsPort = await freePort();
    const config = path.join(dir, 'fulcio-config.json');
    fs.writeFileSync(config, JSON.stringify({ OIDCIssuers: { [token.issuer]: { IssuerURL: token.issuer, ClientID: 'sigstore', Type: 'github-workflow' } } }, null, 2));
    const fulcio = startProc('fulcio', fulcioBin(), [
      'serve', '--ca', 'ephemeralca', '--config-path', config, '--ct-log-url', '',
      '--host', '127.0.0.1', '--port', String(fulcioPort), '--grpc-host', '127.0.0.1', '--grpc-port', String(grpcPort),
      '--metrics-port', String(metricsPort), '--legacy-unix-domain-socket', path.join(dir, 'fulcio-legacy.sock'), '--log_type', 'prod',
    ], dir);
    procs.push(fulcio);
    const fulcioUrl = `http://127.0.0.1:${fulcioPort}`;
    const fulcioChain = await waitFor(`${fulcioUrl}/api/v1/rootCert`, fulcio);
    fs.writeFileSync(path.join(dir, 'fulcio-chain.pem'), fulcioChain);

    unlock = await lockTsa();
    const tsaPort = await freePort();
    const tsa = startProc('tsa', tsaBin(), ['serve', '--host', '127.0.0.1', '--port', String(tsaPort), '--timestamp-signer', 'memory', '--disable-ntp-monitoring'], dir);
    procs.push(tsa);
    const tsaBase = `http://127.0.0.1:${tsaPort}`;
    const tsaChain = await waitFor(`${tsaBase}/api/v1/timestamp/certchain`, tsa);
    fs.writeFileSync(path.join(dir, 'tsa-chain.pem'), tsaChain);
    const tsaUrl = `${tsaBase}/api/v1/timestamp`;

    const trustedRoot = path.join(dir, 'trusted_root.json');
    const made = await cosign(['trusted-root', 'create',
      '--fulcio', `url=${fulcioUrl},certificate-chain=${path.join(dir, 'fulcio-chain.pem')}`,
      '--tsa', `url=${tsaUrl},certificate-chain=${path.join(dir, 'tsa-chain.pem')}`,
      '--out', trustedRoot], { HOME: dir });
    if (made.code !== 0) throw new Error(`cosign trusted-root create failed: ${made.stderr}`);

    const workflowRef = `${claims.repository}/${claims.workflowPath}@${claims.ref}`;
    return {
      dir,
      token,
      fulcioUrl,
      tsaUrl,
      trustedRoot,
      identity: `https://github.com/${workflowRef}`,
      workflowRef,
      runnerEnv: () => ({
        ACTIONS_ID_TOKEN_REQUEST_URL: token.requestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: token.requestToken,
        GITHUB_WORKFLOW_REF: workflowRef,
        GITHUB_REPOSITORY: claims.repository,
        GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK: '1',
      }),
      inputs: () => ({
        'sigstore-fulcio-url': fulcioUrl,
        'sigstore-tsa-url': tsaUrl,
        'sigstore-trusted-root': trustedRoot,
        'sigstore-oidc-issuer': token.issuer,
        'sign-tlog-upload': 'false',
      }),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
