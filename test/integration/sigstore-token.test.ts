// The id-token providers against the loopback token stand-in: the Action's provider runs the real
// @actions/core getIDToken (the runner's protocol), the CLI's reads SIGSTORE_ID_TOKEN. The JWT is
// checked against the issuer's discovery document and JWKS the way an OIDC relying party (Fulcio)
// does. Fulcio itself accepting these tokens is proven in test/e2e/sign-keyless.test.ts.
import { test, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { createPublicKey, createVerify } from 'node:crypto';
import { startTokenService } from '../support/sigstore-token.ts';
import { DEFAULT_CLAIMS } from '../support/sigstore.ts';
import { actionIdToken } from '../../src/action/adapters.ts';
import { envIdToken } from '../../src/cli/adapters.ts';

const svc = await startTokenService(DEFAULT_CLAIMS);
afterAll(() => svc.close());

function decode(jwt: string) {
  const [h, p] = jwt.split('.');
  return { header: JSON.parse(Buffer.from(h, 'base64url').toString()), claims: JSON.parse(Buffer.from(p, 'base64url').toString()) };
}

async function verifiedClaims(jwt: string): Promise<Record<string, unknown>> {
  const { header, claims } = decode(jwt);
  const disco = await (await fetch(`${claims.iss}/.well-known/openid-configuration`)).json() as { issuer: string; jwks_uri: string };
  assert.equal(disco.issuer, claims.iss, 'discovery names the token\'s issuer');
  const jwks = await (await fetch(disco.jwks_uri)).json() as { keys: { kid: string }[] };
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  assert.ok(jwk, 'the signing key is in the JWKS');
  const [h, p, sig] = jwt.split('.');
  const ok = createVerify('RSA-SHA256').update(`${h}.${p}`).verify(createPublicKey({ key: jwk as never, format: 'jwk' }), Buffer.from(sig, 'base64url'));
  assert.ok(ok, 'RS256 signature verifies with the published key');
  return claims;
}

function withRunnerEnv<T>(env: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return fn().finally(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}

test('the Action provider: @actions/core fetches a token for audience sigstore, with GitHub\'s workflow claims, signed by the issuer\'s JWKS key', async () => {
  const env = { ACTIONS_ID_TOKEN_REQUEST_URL: svc.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: svc.requestToken };
  const p = actionIdToken(env);
  assert.equal(p.available(), true);
  const token = await withRunnerEnv(env, () => p.get('sigstore'));
  assert.equal(svc.requests.at(-1), 'GET /token?api-version=2.0&audience=sigstore');
  const c = await verifiedClaims(token);
  assert.equal(c.aud, 'sigstore');
  assert.equal(c.iss, svc.issuer);
  assert.equal(c.sub, 'repo:octo-org/hello:ref:refs/tags/v1.2.3');
  assert.equal(c.job_workflow_ref, 'octo-org/hello/.github/workflows/release.yml@refs/tags/v1.2.3');
  for (const k of ['sha', 'event_name', 'repository', 'workflow', 'ref', 'job_workflow_sha', 'runner_environment', 'repository_id', 'repository_owner', 'repository_owner_id', 'repository_visibility', 'workflow_ref', 'workflow_sha', 'run_id', 'run_attempt']) {
    assert.equal(typeof c[k], 'string', `claim ${k} (Fulcio's github-workflow issuer requires it)`);
    assert.notEqual(c[k], '', k);
  }
  assert.ok((c.exp as number) > (c.iat as number));
});

test('the Action provider: no token variables -> not available; a 500 or a wrong request token -> an error, never a token', async () => {
  assert.equal(actionIdToken({}).available(), false);
  assert.equal(actionIdToken({ ACTIONS_ID_TOKEN_REQUEST_URL: svc.requestUrl }).available(), false);
  const env = { ACTIONS_ID_TOKEN_REQUEST_URL: svc.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: svc.requestToken };
  svc.faults.status = 500;
  try {
    await assert.rejects(withRunnerEnv(env, () => actionIdToken(env).get('sigstore')), /Failed to get ID Token[\s\S]*500/);
  } finally {
    svc.faults.status = undefined;
  }
  const wrong = { ...env, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'not-the-one' };
  await assert.rejects(withRunnerEnv(wrong, () => actionIdToken(wrong).get('sigstore')), /401/);
});

test('the CLI provider: SIGSTORE_ID_TOKEN, or a clear error', async () => {
  const t = svc.mint('sigstore');
  assert.equal(envIdToken({ SIGSTORE_ID_TOKEN: t }).available(), true);
  assert.equal(await envIdToken({ SIGSTORE_ID_TOKEN: `${t}\n` }).get('sigstore'), t);
  assert.equal(envIdToken({}).available(), false);
  await assert.rejects(envIdToken({}).get('sigstore'), /SIGSTORE_ID_TOKEN is not set/);
});
