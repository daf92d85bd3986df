// cosign command lines, as argument arrays (never a shell string), plus the one text form a
// person copies from the report to verify a download. Pure: no I/O.

export interface SignBlobOptions {
  /** Private key file. */
  key: string;
  /** Where the Sigstore bundle goes (<file>.sigstore.json). */
  bundle: string;
  file: string;
  /** Record the signature in Rekor. Off: no signing config, no transparency log (offline). */
  tlogUpload: boolean;
}

/** `cosign sign-blob`: v3 writes one Sigstore bundle (signature + verification material). */
export function signBlobArgs(o: SignBlobOptions): string[] {
  // With the log on, cosign v3 reads its services (Rekor, TSA) from the Sigstore signing config.
  const offline = o.tlogUpload ? [] : ['--use-signing-config=false', '--tlog-upload=false'];
  return ['sign-blob', '--key', o.key, ...offline, '--bundle', o.bundle, '--yes', o.file];
}

export interface VerifyBlobOptions {
  /** Public key file. */
  publicKey: string;
  bundle: string;
  file: string;
  /** Whether the signature was recorded in Rekor; if not, verification must not require it. */
  tlog: boolean;
}

export function verifyBlobArgs(o: VerifyBlobOptions): string[] {
  return ['verify-blob', '--key', o.publicKey, '--bundle', o.bundle, ...(o.tlog ? [] : ['--insecure-ignore-tlog']), o.file];
}

/** `cosign public-key`: derives the public key of a private key (password from COSIGN_PASSWORD). */
export function publicKeyArgs(key: string, outfile: string): string[] {
  return ['public-key', '--key', key, '--outfile', outfile];
}

/** A word as a POSIX shell reads it: bare when it is plainly safe, else single-quoted. */
export function shellWord(s: string): string {
  if (/^[A-Za-z0-9_./=@:+-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The command a user runs by hand, in the directory that holds the downloaded files. */
export function verifyCommandText(o: VerifyBlobOptions): string {
  return ['cosign', ...verifyBlobArgs(o)].map(shellWord).join(' ');
}

export function bundleNameFor(file: string): string {
  return `${file}.sigstore.json`;
}

/** The Sigstore a keyless signature goes to. Empty strings: the public Sigstore's. */
export interface SigstoreServices {
  fulcioUrl: string;
  rekorUrl: string;
  tsaUrl: string;
  trustedRoot: string;
}

/**
 * Where cosign gets its certificate, log and timestamp. The public Sigstore with its log: cosign's
 * own signing config (fetched from Sigstore's TUF repository). Anything else is spelled out, so a
 * private Sigstore is never mixed with the public one.
 */
export function serviceArgs(s: SigstoreServices, tlogUpload: boolean): string[] {
  if (!s.fulcioUrl && !s.rekorUrl && !s.tsaUrl && tlogUpload) return s.trustedRoot ? ['--trusted-root', s.trustedRoot] : [];
  return [
    '--use-signing-config=false',
    ...(s.fulcioUrl ? ['--fulcio-url', s.fulcioUrl] : []),
    ...(tlogUpload ? (s.rekorUrl ? ['--rekor-url', s.rekorUrl] : []) : ['--tlog-upload=false']),
    ...(s.tsaUrl ? ['--timestamp-server-url', s.tsaUrl] : []),
    ...(s.trustedRoot ? ['--trusted-root', s.trustedRoot] : []),
  ];
}

export interface KeylessSignOptions {
  /** A private file holding the OIDC token (cosign reads a path; the token never becomes an argument). */
  tokenFile: string;
  bundle: string;
  file: string;
  services: SigstoreServices;
  tlogUpload: boolean;
}

/** `cosign sign-blob` keyless: a Fulcio certificate for the token's identity, one Sigstore bundle. */
export function signBlobKeylessArgs(o: KeylessSignOptions): string[] {
  return ['sign-blob', '--yes', '--identity-token', o.tokenFile, ...serviceArgs(o.services, o.tlogUpload), '--bundle', o.bundle, o.file];
}

/** What a keyless signature must show to verify: this workflow's identity and issuer, and how it was recorded. */
export interface KeylessVerifyPolicy {
  identity: string;
  issuer: string;
  /** A private trusted root (shown in the report by its file name). */
  trustedRoot: string;
  tlog: boolean;
  /** The trusted root has no CT log, so certificates carry no SCT to check. */
  ignoreSct: boolean;
}

function policyArgs(p: KeylessVerifyPolicy): string[] {
  return [
    '--certificate-identity', p.identity,
    '--certificate-oidc-issuer', p.issuer,
    ...(p.trustedRoot ? ['--trusted-root', p.trustedRoot] : []),
    ...(p.tlog ? [] : ['--insecure-ignore-tlog']),
    ...(p.ignoreSct ? ['--insecure-ignore-sct'] : []),
  ];
}

export function verifyBlobKeylessArgs(o: { bundle: string; file: string; policy: KeylessVerifyPolicy }): string[] {
  return ['verify-blob', '--bundle', o.bundle, ...policyArgs(o.policy), o.file];
}

export function verifyKeylessCommandText(o: { bundle: string; file: string; policy: KeylessVerifyPolicy }): string {
  return ['cosign', ...verifyBlobKeylessArgs(o)].map(shellWord).join(' ');
}

/** The in-toto predicate type cosign calls slsaprovenance1. */
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';

/** How the attestation is signed: with the key (password from COSIGN_PASSWORD) or keyless. */
export type Signer = { kind: 'key'; key: string } | { kind: 'keyless'; tokenFile: string; services: SigstoreServices };

/** `cosign attest-blob --statement`: signs our in-toto statement as it is (subjects included) into a DSSE bundle. */
export function attestBlobArgs(o: { statement: string; bundle: string; signer: Signer; tlogUpload: boolean }): string[] {
  const auth = o.signer.kind === 'key'
    ? ['--key', o.signer.key, ...(o.tlogUpload ? [] : ['--use-signing-config=false', '--tlog-upload=false'])]
    : ['--identity-token', o.signer.tokenFile, ...serviceArgs(o.signer.services, o.tlogUpload)];
  return ['attest-blob', '--yes', ...auth, '--statement', o.statement, '--bundle', o.bundle];
}

/** Who must have signed an attestation: the public key, or the keyless policy. */
export type Verifier = { kind: 'key'; publicKey: string; tlog: boolean } | { kind: 'keyless'; policy: KeylessVerifyPolicy };

/** `cosign verify-blob-attestation`: the signature, the SLSA v1 type, and that file's SHA-256 among the subjects. */
export function verifyAttestationArgs(o: { bundle: string; file: string; verifier: Verifier }): string[] {
  const auth = o.verifier.kind === 'key' ? ['--key', o.verifier.publicKey, ...(o.verifier.tlog ? [] : ['--insecure-ignore-tlog'])] : policyArgs(o.verifier.policy);
  return ['verify-blob-attestation', '--bundle', o.bundle, '--type', 'slsaprovenance1', ...auth, o.file];
}

export function verifyAttestationCommandText(o: { bundle: string; file: string; verifier: Verifier }): string {
  return ['cosign', ...verifyAttestationArgs(o)].map(shellWord).join(' ');
}
