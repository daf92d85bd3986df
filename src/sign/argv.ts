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
