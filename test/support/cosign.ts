// The real cosign the signing tests run: COSIGN_BIN, or the pinned build scripts/tools/cosign.sh
// leaves in the user's cache. A missing cosign fails the test (it never silently skips).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TOOLS_DIR } from './env.ts';

const run = promisify(execFile);

export const COSIGN_VERSION = 'v3.1.3';

export function cosignBin(): string {
  const candidates = [
    process.env.COSIGN_BIN,
    path.join(TOOLS_DIR, `cosign-${COSIGN_VERSION}`, 'cosign'),
  ].filter((x): x is string => !!x);
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`cosign not found (tried ${candidates.join(', ')}): run scripts/tools/cosign.sh or set COSIGN_BIN`);
  return found;
}

/** A directory holding only `cosign` (a symlink), to put on the gate's PATH. */
export function cosignPathDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cosign-bin-'));
  fs.symlinkSync(cosignBin(), path.join(dir, 'cosign'));
  return dir;
}

export interface CosignResult { code: number; stdout: string; stderr: string }

/** Runs cosign with an argument array and an explicit environment (no COSIGN_PASSWORD leaks in). */
export async function cosign(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<CosignResult> {
  const base: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir() };
  try {
    const r = await run(cosignBin(), args, { env: { ...base, ...env }, cwd, maxBuffer: 16 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number | string; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : 1, stdout: err.stdout ?? '', stderr: err.stderr ?? String(e) };
  }
}

/** A fresh encrypted key pair: dir/cosign.key, dir/cosign.pub. */
export async function generateKeyPair(dir: string, password: string): Promise<{ key: string; pub: string }> {
  const prefix = path.join(dir, 'cosign');
  const r = await cosign(['generate-key-pair', '--output-key-prefix', prefix], { COSIGN_PASSWORD: password });
  if (r.code !== 0) throw new Error(`cosign generate-key-pair failed: ${r.stderr}`);
  return { key: `${prefix}.key`, pub: `${prefix}.pub` };
}

/** Independent verification of an offline (no tlog) key-based bundle. */
export function verifyBlob(pub: string, bundle: string, file: string): Promise<CosignResult> {
  return cosign(['verify-blob', '--key', pub, '--bundle', bundle, '--insecure-ignore-tlog', file]);
}
