// The sign stage: sign every binary and SHA256SUMS with cosign (one Sigstore bundle each), with
// the key when one is given, else keyless with the workflow's OIDC identity; verify each
// signature (against the public key, or against this workflow's exact identity and issuer)
// before anything is reported as signed; in release mode, write the SLSA provenance and sign and
// verify it as an attestation. Fails closed: a file that could not be signed or verified is an
// error, never a silent skip.
import fs from 'node:fs';
import path from 'node:path';
import type { Stage, StageContext, StageOutcome } from '../pipeline/stage.ts';
import type { Config } from '../config/config.ts';
import { skipped, statusFrom } from '../pipeline/stage.ts';
import { finding, rule, type Finding } from '../pipeline/findings.ts';
import type { ExecResult } from '../ports/ports.ts';
import { sha256File } from '../util/hash.ts';
import { displayPath } from '../util/path.ts';
import { childEnv } from '../util/childenv.ts';
import { openOutputDir } from '../output/dir.ts';
import {
  attestBlobArgs, bundleNameFor, publicKeyArgs, signBlobArgs, signBlobKeylessArgs, verifyAttestationArgs, verifyAttestationCommandText,
  verifyBlobArgs, verifyBlobKeylessArgs, verifyCommandText, verifyKeylessCommandText, type KeylessVerifyPolicy, type Signer, type Verifier,
} from '../sign/argv.ts';
import { CosignUnavailable, resolveCosign } from '../sign/install.ts';
import { runInvocationId, trustedRootHasCtLogs, workflowIdentity } from '../sign/identity.ts';
import { moduleDependencies, provenanceStatement, subjectsMatchChecksums, type BuildParameters } from '../sign/provenance.ts';
import { parseGoSum, type SumLine } from '../modules/gosum.ts';
import { GATE_VERSION } from '../version.ts';

export const SIGN_RULES = {
  unavailable: rule({
    id: 'sign/unavailable',
    name: 'SigningUnavailable',
    shortDescription: 'Signing was required but could not start.',
    fullDescription: 'The run was to sign its artifacts, but a prerequisite was missing: cosign (installed by the gate, or on PATH with cosign-version: system), a readable cosign-key, or (keyless) an OIDC token and the identity to verify against. Nothing was signed.',
    help: 'The message names what is missing. Keyless signing needs "permissions: id-token: write" on the job; key signing needs cosign-key as a file path, env://NAME or the PEM text, and the key password in COSIGN_PASSWORD; or set sign: never.',
    defaultSeverity: 'error',
  }),
  signingFailed: rule({
    id: 'sign/signing-failed',
    name: 'SigningFailed',
    shortDescription: 'cosign could not sign an artifact.',
    fullDescription: 'cosign sign-blob (or attest-blob, or reading the key with cosign public-key) failed for this file. A release whose artifacts are not all signed does not pass.',
    help: 'Read cosign\'s error in the details. A wrong COSIGN_PASSWORD shows as a decryption error; an unreachable Fulcio, Rekor or timestamp authority as a network error.',
    defaultSeverity: 'error',
  }),
  verificationFailed: rule({
    id: 'sign/verification-failed',
    name: 'VerificationFailed',
    shortDescription: 'A fresh signature did not verify.',
    fullDescription: 'Right after signing, cosign verify-blob (or verify-blob-attestation) checked the bundle against the file and the public key or the workflow\'s certificate identity, and refused it. The signature is not published as valid.',
    help: 'The file changed between signing and verifying, or the certificate names another identity or issuer than this workflow (sigstore-certificate-identity, sigstore-oidc-issuer), or the bundle or key is not the one expected.',
    defaultSeverity: 'error',
  }),
};

const RULES = Object.values(SIGN_RULES);
/** cosign may reach Rekor and the TUF repository: generous, but a hung network call still ends. */
const COSIGN_TIMEOUT_MS = 10 * 60 * 1000;

/** The one sentence a job without an OIDC token gets, with the YAML that fixes it. */
export const NO_ID_TOKEN = 'Keyless signing needs a GitHub OIDC token, and this job has none: add "permissions: id-token: write" to the job (pull requests from forks never get one).';

const PROVENANCE = 'provenance.intoto.jsonl';

interface Subject {
  path: string;
  displayPath: string;
  /** SHA-256 the build recorded; the file must still have it when it is signed. */
  sha256?: string;
}

/** One line of cosign's error for a message; the whole output (secrets removed) goes to details. */
function firstError(r: ExecResult): string {
  if (r.timedOut) return `cosign did not finish within ${COSIGN_TIMEOUT_MS / 60000} minutes`;
  const lines = `${r.stderr}\n${r.stdout}`.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /^Error:/i.test(l)) ?? lines.find((l) => /error|fail|invalid|denied/i.test(l)) ?? lines[0] ?? `exit code ${r.code}`;
}

function readGoSum(dir: string): SumLine[] {
  const file = path.join(dir, 'go.sum');
  if (!fs.existsSync(file)) return [];
  return parseGoSum(fs.readFileSync(file, 'utf8'), file).lines;
}

/**
 * How this run builds: its build inputs and the modules its go.sum names, as the provenance
 * states them (a shard records the same in shard.json for the merge). Throws on a malformed go.sum.
 */
export function buildParametersOf(config: Config, dependencies = moduleDependencies(readGoSum(config.dir))): BuildParameters {
  return {
    targets: config.targets.map((t) => `${t.goos}/${t.goarch}`),
    packages: config.packages,
    ldflags: config.ldflags,
    tags: config.tags,
    cgo: config.cgo,
    strip: config.strip,
    dependencies,
  };
}

/** The statement inside a DSSE bundle, as cosign signed it (undefined when the bundle holds none). */
function bundledStatement(bundleFile: string): unknown {
  try {
    const b = JSON.parse(fs.readFileSync(bundleFile, 'utf8')) as { dsseEnvelope?: { payload?: string } };
    const payload = b.dsseEnvelope?.payload;
    return payload ? JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) : undefined;
  } catch {
    return undefined;
  }
}

async function run(ctx: StageContext): Promise<StageOutcome> {
  const { config, ports, state } = ctx;
  const sign = config.sign;
  if (!sign.enabled) return skipped(sign.reason);

  const secrets: string[] = [];
  const addSecret = (s: string | undefined) => {
    if (!s) return;
    secrets.push(s);
    ports.log.mask(s);
    // A runner masks line by line: every line of a multi-line secret (PEM) is masked too.
    for (const line of s.split(/\r?\n/)) if (line.trim().length >= 8 && !/^-----(BEGIN|END) /.test(line)) {
      secrets.push(line.trim());
      ports.log.mask(line.trim());
    }
  };
  addSecret(ports.env.COSIGN_PASSWORD);
  if (sign.key?.kind === 'pem') addSecret(sign.key.pem);
  if (sign.key?.kind === 'env') addSecret(ports.env[sign.key.name]);
  const scrub = (text: string) => secrets.reduce((t, s) => t.split(s).join('***'), text);

  const unavailable = (message: string): StageOutcome => {
    const findings = [finding(SIGN_RULES.unavailable, 'sign', { message, subject: 'sign' })];
    return { status: 'failed', reason: message, findings };
  };

  const subjects: Subject[] = state.artifacts
    .filter((a) => a.goos !== '' && a.goarch !== '')
    .map((a) => ({ path: a.path, displayPath: a.displayPath, sha256: a.sha256 }));
  if (state.checksumsFile) subjects.push({ path: state.checksumsFile, displayPath: displayPath(ctx.config.workspace, state.checksumsFile) });
  if (subjects.length === 0) {
    return sign.required ? unavailable('sign: always, but no binaries were built, so there is nothing to sign') : skipped('no binaries were built');
  }

  // Keyless: settle that a token can be had, and whom the certificate must name, before anything is installed.
  let policy: KeylessVerifyPolicy | undefined;
  if (!sign.key) {
    if (!ports.idToken?.available()) {
      // sign-keyless: true insists, like sign: always; auto in release mode explains and goes on.
      return sign.required || sign.keyless ? unavailable(NO_ID_TOKEN) : skipped(NO_ID_TOKEN);
    }
    // A keyless certificate lives minutes: without a log entry, only a signed timestamp shows it was used in time.
    if (!sign.tlogUpload && !sign.sigstore.tsaUrl) {
      return unavailable('Keyless signing with sign-tlog-upload: false needs a timestamp authority (sigstore-tsa-url): a Fulcio certificate is valid for minutes, and without a transparency log entry only a signed timestamp shows it was used in time. Nothing was signed.');
    }
    const identity = sign.sigstore.identity || workflowIdentity(ports.env);
    if (!identity) {
      return unavailable('Keyless signatures are verified against the signing workflow\'s identity, and GITHUB_WORKFLOW_REF is not set (or is not <owner>/<repo>/<path>@<ref>): outside Actions, set sigstore-certificate-identity to the identity your token carries.');
    }
    let ignoreSct = false;
    if (sign.sigstore.trustedRoot) {
      let json: string;
      try {
        json = fs.readFileSync(sign.sigstore.trustedRoot, 'utf8');
      } catch (e) {
        return unavailable(`sigstore-trusted-root ${displayPath(config.workspace, sign.sigstore.trustedRoot)} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      ignoreSct = !trustedRootHasCtLogs(json);
    }
    policy = { identity, issuer: sign.sigstore.oidcIssuer, trustedRoot: sign.sigstore.trustedRoot, tlog: sign.tlogUpload, ignoreSct };
  }

  let cosign;
  try {
    cosign = await resolveCosign({ choice: sign.cosign, tools: ports.tools, log: ports.log, pathEnv: ports.env.PATH });
  } catch (e) {
    if (e instanceof CosignUnavailable) return unavailable(e.message);
    throw e;
  }
  state.facts['sign.cosign'] = cosign.source;
  ports.log.info(`cosign: ${cosign.bin} (${cosign.source})`);

  // cosign writes the public key and the bundles here, outside the output dir; each is then
  // moved in through the output writer (never written through a link planted there).
  const signDir = fs.mkdtempSync(path.join(ports.tempDir, 'grg-sign-'));
  const out = state.out ?? (state.out = openOutputDir(config.outDir));
  let tempKeyDir: string | undefined;
  try {
    // cosign alone gets the key password (and only when it signs with a key), nothing else of
    // the runner's secrets; a SIGSTORE_ID_TOKEN of the caller's never reaches it as a setting.
    const { SIGSTORE_ID_TOKEN: _ignored, ...env } = childEnv('cosign', ports.env, sign.key && ports.env.COSIGN_PASSWORD !== undefined ? { COSIGN_PASSWORD: ports.env.COSIGN_PASSWORD } : {});
    const cosignRun = (args: string[]) => ports.exec.run(cosign.bin, args, { cwd: signDir, env, timeoutMs: COSIGN_TIMEOUT_MS });

    let signer: Signer;
    let verifier: Verifier;
    let publicKey: string | undefined;
    if (sign.key) {
      let keyFile: string;
      if (sign.key.kind === 'file') {
        keyFile = sign.key.path;
        try {
          fs.accessSync(keyFile, fs.constants.R_OK);
        } catch (e) {
          return unavailable(`cosign-key ${displayPath(ctx.config.workspace, keyFile)} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
        }
      } else {
        // cosign reads keys from files: the PEM goes to a private temporary file, removed below.
        tempKeyDir = fs.mkdtempSync(path.join(ports.tempDir, 'grg-cosign-'));
        keyFile = path.join(tempKeyDir, 'cosign.key');
        fs.writeFileSync(keyFile, sign.key.kind === 'pem' ? sign.key.pem : ports.env[sign.key.name]!, { mode: 0o600 });
      }
      const freshKey = path.join(signDir, 'cosign.pub');
      const pub = await cosignRun(publicKeyArgs(keyFile, freshKey));
      if (pub.code !== 0 || !fs.existsSync(freshKey)) {
        const why = scrub(firstError(pub));
        const hint = /decrypt|password|passphrase/i.test(why) ? ' (is COSIGN_PASSWORD the password of this key?)' : '';
        const message = `cosign could not read the signing key: ${why}${hint}`;
        return {
          status: 'failed',
          reason: message,
          findings: [finding(SIGN_RULES.signingFailed, 'sign', { message, subject: 'cosign-key', details: scrub(`${pub.stderr}${pub.stdout}`).trim() || undefined })],
        };
      }
      publicKey = out.adopt(freshKey, 'cosign.pub');
      signer = { kind: 'key', key: keyFile };
      verifier = { kind: 'key', publicKey, tlog: sign.tlogUpload };
    } else {
      let token: string;
      try {
        token = (await ports.idToken!.get('sigstore')).trim();
      } catch (e) {
        // @actions/core's message spans lines (code, message): one line for the reason.
        const why = scrub((e as Error).message).replace(/\s+/g, ' ').trim().replace(/\.$/, '');
        return unavailable(`Keyless signing could not get an OIDC token: ${why}. Nothing was signed.`);
      }
      addSecret(token);
      // cosign reads the token from a file: it never becomes an argument other processes can list.
      tempKeyDir = fs.mkdtempSync(path.join(ports.tempDir, 'grg-cosign-'));
      const tokenFile = path.join(tempKeyDir, 'oidc-token');
      fs.writeFileSync(tokenFile, token, { mode: 0o600 });
      signer = { kind: 'keyless', tokenFile, services: sign.sigstore };
      verifier = { kind: 'keyless', policy: policy! };
    }

    const shownVerifier = (v: Verifier): Verifier => (v.kind === 'key' ? { ...v, publicKey: path.basename(v.publicKey) } : { kind: 'keyless', policy: { ...v.policy, trustedRoot: v.policy.trustedRoot ? path.basename(v.policy.trustedRoot) : '' } });
    const signArgs = (bundle: string, file: string) => (signer.kind === 'key'
      ? signBlobArgs({ key: signer.key, bundle, file, tlogUpload: sign.tlogUpload })
      : signBlobKeylessArgs({ tokenFile: signer.tokenFile, bundle, file, services: signer.services, tlogUpload: sign.tlogUpload }));
    const verifyArgs = (v: Verifier, bundle: string, file: string) => (v.kind === 'key'
      ? verifyBlobArgs({ publicKey: v.publicKey, bundle, file, tlog: v.tlog })
      : verifyBlobKeylessArgs({ bundle, file, policy: v.policy }));
    const verifyText = (bundle: string, file: string) => {
      const v = shownVerifier(verifier);
      return v.kind === 'key' ? verifyCommandText({ publicKey: v.publicKey, bundle, file, tlog: v.tlog }) : verifyKeylessCommandText({ bundle, file, policy: v.policy });
    };

    const findings: Finding[] = [];
    const rows: string[][] = [];
    const signatures: { path: string; bundle: string; verified: boolean; command: string }[] = [];
    for (const s of subjects) {
      const bundle = bundleNameFor(s.path);
      const bundleShown = bundleNameFor(s.displayPath);
      const location = { artifact: s.displayPath };
      if (s.sha256 !== undefined && sha256File(s.path) !== s.sha256) {
        findings.push(finding(SIGN_RULES.signingFailed, 'sign', { message: `${s.displayPath} changed after it was built (its SHA-256 no longer matches SHA256SUMS); not signed`, location, subject: s.displayPath }));
        rows.push([s.displayPath, '', 'not signed: changed after build', '']);
        continue;
      }
      const freshBundle = path.join(signDir, path.basename(bundle));
      const signed = await cosignRun(signArgs(freshBundle, s.path));
      if (signed.code !== 0 || !fs.existsSync(freshBundle)) {
        findings.push(finding(SIGN_RULES.signingFailed, 'sign', { message: `cosign sign-blob failed for ${s.displayPath}: ${scrub(firstError(signed))}`, location, subject: s.displayPath, details: scrub(`${signed.stderr}${signed.stdout}`).trim() || undefined }));
        rows.push([s.displayPath, '', 'signing failed', '']);
        continue;
      }
      out.adopt(freshBundle, path.basename(bundle));
      const verified = await cosignRun(verifyArgs(verifier, bundle, s.path));
      const ok = verified.code === 0;
      if (!ok) {
        findings.push(finding(SIGN_RULES.verificationFailed, 'sign', { message: `cosign verify-blob refused the new signature of ${s.displayPath}: ${scrub(firstError(verified))}`, location, subject: s.displayPath, details: scrub(`${verified.stderr}${verified.stdout}`).trim() || undefined }));
      }
      const command = verifyText(path.basename(bundle), path.basename(s.path));
      rows.push([s.displayPath, bundleShown, ok ? 'signed, verified' : 'signed, verification failed', command]);
      signatures.push({ path: s.displayPath, bundle: bundleShown, verified: ok, command });
    }

    const sums = subjects.find((s) => s.path === state.checksumsFile);
    const sumsSigned = sums && signatures.some((x) => x.path === sums.displayPath && x.verified);
    if (sumsSigned) state.facts['sign.verify'] = verifyText(bundleNameFor(path.basename(sums.path)), path.basename(sums.path));

    // SLSA provenance of the release: written only when everything above signed and verified.
    let provenanceOk: boolean | undefined;
    if (config.mode === 'release' && sums && findings.length === 0) {
      provenanceOk = await attestProvenance();
    }

    state.facts['sign.method'] = sign.key ? 'key' : 'keyless';
    if (policy) {
      state.facts['sign.identity'] = policy.identity;
      state.facts['sign.issuer'] = policy.issuer;
    }
    state.facts['sign.bundles'] = JSON.stringify(signatures.map((x) => x.bundle));
    state.facts['sign.signatures'] = JSON.stringify(signatures);
    if (publicKey) {
      state.facts['sign.public-key'] = publicKey;
      state.facts['sign.public-key-display'] = displayPath(ctx.config.workspace, publicKey);
    }

    const status = statusFrom(findings);
    return {
      status,
      // The provenance is attested only once every file verified: then its failure is the only one.
      ...(status === 'failed' ? { reason: provenanceOk === false ? findings[0].message : `${findings.length} of ${subjects.length} file(s) not signed and verified` } : {}),
      findings,
      table: { header: ['File', 'Bundle', 'Result', 'Verify with'], rows },
      metrics: { signed: signatures.length, verified: signatures.filter((x) => x.verified).length, files: subjects.length, tlogUpload: sign.tlogUpload, keyless: !sign.key },
    };

    /** Writes provenance.intoto.jsonl, signs it with attest-blob, verifies it; false (with a finding) when any step fails. */
    async function attestProvenance(): Promise<boolean> {
      const sumsText = fs.readFileSync(sums!.path, 'utf8');
      const sumsDigest = sha256File(sums!.path);
      const location = { artifact: displayPath(config.workspace, path.join(out.dir, PROVENANCE)) };
      let statement: Record<string, unknown>;
      try {
        statement = provenanceStatement({
          checksums: { name: path.basename(sums!.path), text: sumsText, sha256: sumsDigest },
          gateVersion: GATE_VERSION,
          goVersion: state.go?.version ?? state.facts['go-version'] ?? '',
          // A merge signs what its shards built: their parameters, not the merge job's inputs.
          ...(state.built ?? buildParametersOf(config)),
          repositoryUrl: config.event.repositoryUrl,
          ref: config.event.ref || undefined,
          commit: state.facts['vcs.revision'] ?? config.event.sha,
          builderId: policy?.identity ?? workflowIdentity(ports.env) ?? `https://github.com/go-release-gate/go-release-gate@${GATE_VERSION}`,
          invocationId: runInvocationId(ports.env),
        });
      } catch (e) {
        findings.push(finding(SIGN_RULES.signingFailed, 'sign', { message: `the SLSA provenance could not be written: ${(e as Error).message}`, location, subject: PROVENANCE }));
        return false;
      }
      const statementFile = out.write(PROVENANCE, `${JSON.stringify(statement)}\n`);
      const bundleName = bundleNameFor(PROVENANCE);
      const freshBundle = path.join(signDir, bundleName);
      const attested = await cosignRun(attestBlobArgs({ statement: statementFile, bundle: freshBundle, signer, tlogUpload: sign.tlogUpload }));
      if (attested.code !== 0 || !fs.existsSync(freshBundle)) {
        findings.push(finding(SIGN_RULES.signingFailed, 'sign', { message: `cosign attest-blob failed for ${PROVENANCE}: ${scrub(firstError(attested))}`, location, subject: PROVENANCE, details: scrub(`${attested.stderr}${attested.stdout}`).trim() || undefined }));
        rows.push([location.artifact, '', 'attestation failed', '']);
        return false;
      }
      const bundle = out.adopt(freshBundle, bundleName);
      // The signed statement must be the one written, and its subjects exactly SHA256SUMS.
      const signedStatement = bundledStatement(bundle);
      const mismatch = JSON.stringify(signedStatement) !== JSON.stringify(statement) ? 'the signed statement is not the one written' : subjectsMatchChecksums(signedStatement, sumsText, path.basename(sums!.path), sumsDigest);
      const verified = await cosignRun(verifyAttestationArgs({ bundle, file: sums!.path, verifier }));
      const ok = verified.code === 0 && !mismatch;
      if (!ok) {
        findings.push(finding(SIGN_RULES.verificationFailed, 'sign', { message: `cosign verify-blob-attestation refused the provenance: ${mismatch ?? scrub(firstError(verified))}`, location, subject: PROVENANCE, details: scrub(`${verified.stderr}${verified.stdout}`).trim() || undefined }));
      }
      const binary = subjects.find((s) => s !== sums);
      const command = verifyAttestationCommandText({ bundle: bundleName, file: path.basename(binary?.path ?? sums!.path), verifier: shownVerifier(verifier) });
      const bundleShown = displayPath(config.workspace, bundle);
      rows.push([location.artifact, bundleShown, ok ? 'attested, verified' : 'attested, verification failed', command]);
      state.facts['sign.provenance'] = statementFile;
      state.facts['sign.provenance-display'] = location.artifact;
      state.facts['sign.provenance-bundle'] = bundleShown;
      state.facts['sign.provenance-verified'] = String(ok);
      state.facts['sign.provenance-verify'] = command;
      return ok;
    }
  } finally {
    if (tempKeyDir) fs.rmSync(tempKeyDir, { recursive: true, force: true });
    fs.rmSync(signDir, { recursive: true, force: true });
  }
}

// Nothing is signed before every check of the run has finished (module verification runs alongside the build).
export const signStage: Stage = { name: 'sign', rules: RULES, settlesFirst: true, run };
