// The sign stage: sign every binary and SHA256SUMS with cosign (one Sigstore bundle each), then
// verify each signature against the public key before anything is reported as signed. Fails
// closed: a file that could not be signed or verified is an error, never a silent skip.
import fs from 'node:fs';
import path from 'node:path';
import type { Stage, StageContext, StageOutcome } from '../pipeline/stage.ts';
import { skipped, statusFrom } from '../pipeline/stage.ts';
import { finding, rule, type Finding } from '../pipeline/findings.ts';
import type { ExecResult } from '../ports/ports.ts';
import { sha256File } from '../util/hash.ts';
import { displayPath, findOnPath } from '../util/path.ts';
import { childEnv } from '../util/childenv.ts';
import { openOutputDir } from '../output/dir.ts';
import { bundleNameFor, publicKeyArgs, signBlobArgs, verifyBlobArgs, verifyCommandText } from '../sign/argv.ts';

export const SIGN_RULES = {
  unavailable: rule({
    id: 'sign/unavailable',
    name: 'SigningUnavailable',
    shortDescription: 'Signing was required but could not start.',
    fullDescription: 'The run was to sign its artifacts, but a prerequisite was missing: cosign on PATH, a readable cosign-key, or (keyless) an OIDC token. Nothing was signed.',
    help: 'The message names what is missing. Install cosign before this step (e.g. sigstore/cosign-installer), give cosign-key as a file path, env://NAME or the PEM text, and the key password in COSIGN_PASSWORD; or set sign: never.',
    defaultSeverity: 'error',
  }),
  signingFailed: rule({
    id: 'sign/signing-failed',
    name: 'SigningFailed',
    shortDescription: 'cosign could not sign an artifact.',
    fullDescription: 'cosign sign-blob (or reading the key with cosign public-key) failed for this file. A release whose artifacts are not all signed does not pass.',
    help: 'Read cosign\'s error in the details. A wrong COSIGN_PASSWORD shows as a decryption error; an unreachable Rekor as a network error (sign-tlog-upload: false signs offline).',
    defaultSeverity: 'error',
  }),
  verificationFailed: rule({
    id: 'sign/verification-failed',
    name: 'VerificationFailed',
    shortDescription: 'A fresh signature did not verify.',
    fullDescription: 'Right after signing, cosign verify-blob checked the bundle against the file and the public key, and refused it. The signature is not published as valid.',
    help: 'The file changed between signing and verifying, or the bundle or key is not the one expected. Re-run the release; if it persists, report it with the details.',
    defaultSeverity: 'error',
  }),
};

const RULES = Object.values(SIGN_RULES);
/** cosign may reach Rekor and the TUF repository: generous, but a hung network call still ends. */
const COSIGN_TIMEOUT_MS = 10 * 60 * 1000;

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

  if (sign.keyless) {
    if (!ports.env.ACTIONS_ID_TOKEN_REQUEST_URL || !ports.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
      return unavailable('Keyless signing needs a GitHub OIDC token, and this job has none: add "permissions: id-token: write" to the job (pull requests from forks never get one).');
    }
    return unavailable('Keyless signing (sign-keyless) is not implemented in this version of go-release-gate: sign with cosign-key instead.');
  }
  if (!sign.key) return unavailable('Signing was asked for (sign: always) but no cosign-key was given: set cosign-key to a key file, env://NAME or the PEM text.');

  const cosign = findOnPath('cosign', ports.env.PATH);
  if (!cosign) return unavailable('cosign was not found on PATH: install it before this step (e.g. uses: sigstore/cosign-installer@v3) or put it on PATH.');

  // cosign writes the public key and the bundles here, outside the output dir; each is then
  // moved in through the output writer (never written through a link planted there).
  const signDir = fs.mkdtempSync(path.join(ports.tempDir, 'grg-sign-'));
  const out = state.out ?? (state.out = openOutputDir(config.outDir));
  let tempKeyDir: string | undefined;
  try {
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
    // cosign alone gets the key password, and nothing else of the runner's secrets.
    const env = childEnv('cosign', ports.env, ports.env.COSIGN_PASSWORD !== undefined ? { COSIGN_PASSWORD: ports.env.COSIGN_PASSWORD } : {});
    const cosignRun = (args: string[]) => ports.exec.run(cosign, args, { cwd: signDir, env, timeoutMs: COSIGN_TIMEOUT_MS });

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

    const publicKey = out.adopt(freshKey, 'cosign.pub');
    const findings: Finding[] = [];
    const rows: string[][] = [];
    const signatures: { path: string; bundle: string; verified: boolean; command: string }[] = [];
    const pubShown = path.basename(publicKey);
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
      const signed = await cosignRun(signBlobArgs({ key: keyFile, bundle: freshBundle, file: s.path, tlogUpload: sign.tlogUpload }));
      if (signed.code !== 0 || !fs.existsSync(freshBundle)) {
        findings.push(finding(SIGN_RULES.signingFailed, 'sign', { message: `cosign sign-blob failed for ${s.displayPath}: ${scrub(firstError(signed))}`, location, subject: s.displayPath, details: scrub(`${signed.stderr}${signed.stdout}`).trim() || undefined }));
        rows.push([s.displayPath, '', 'signing failed', '']);
        continue;
      }
      out.adopt(freshBundle, path.basename(bundle));
      const verified = await cosignRun(verifyBlobArgs({ publicKey, bundle, file: s.path, tlog: sign.tlogUpload }));
      const ok = verified.code === 0;
      if (!ok) {
        findings.push(finding(SIGN_RULES.verificationFailed, 'sign', { message: `cosign verify-blob refused the new signature of ${s.displayPath}: ${scrub(firstError(verified))}`, location, subject: s.displayPath, details: scrub(`${verified.stderr}${verified.stdout}`).trim() || undefined }));
      }
      const command = verifyCommandText({ publicKey: pubShown, bundle: path.basename(bundle), file: path.basename(s.path), tlog: sign.tlogUpload });
      rows.push([s.displayPath, bundleShown, ok ? 'signed, verified' : 'signed, verification failed', command]);
      signatures.push({ path: s.displayPath, bundle: bundleShown, verified: ok, command });
    }

    const sums = subjects.find((s) => s.path === state.checksumsFile);
    const sumsSigned = sums && signatures.some((x) => x.path === sums.displayPath && x.verified);
    if (sumsSigned) {
      state.facts['sign.verify'] = verifyCommandText({ publicKey: pubShown, bundle: bundleNameFor(path.basename(sums.path)), file: path.basename(sums.path), tlog: sign.tlogUpload });
    }
    state.facts['sign.bundles'] = JSON.stringify(signatures.map((x) => x.bundle));
    state.facts['sign.signatures'] = JSON.stringify(signatures);
    state.facts['sign.public-key'] = publicKey;
    state.facts['sign.public-key-display'] = displayPath(ctx.config.workspace, publicKey);

    const status = statusFrom(findings);
    return {
      status,
      ...(status === 'failed' ? { reason: `${findings.length} of ${subjects.length} file(s) not signed and verified` } : {}),
      findings,
      table: { header: ['File', 'Bundle', 'Result', 'Verify with'], rows },
      metrics: { signed: signatures.length, verified: signatures.filter((x) => x.verified).length, files: subjects.length, tlogUpload: sign.tlogUpload },
    };
  } finally {
    if (tempKeyDir) fs.rmSync(tempKeyDir, { recursive: true, force: true });
    fs.rmSync(signDir, { recursive: true, force: true });
  }
}

// Nothing is signed before every check of the run has finished (module verification runs alongside the build).
export const signStage: Stage = { name: 'sign', rules: RULES, settlesFirst: true, run };
