// The one tool installer: find in the tool cache, else download, verify the SHA-256 against a
// digest we trust (our own table, the user's pin, or Go's signed listing), extract, cache. Go,
// Trivy and cosign are data for it (where the asset is, what it must hash to, which file in it
// is the program), not copies of this logic.
import fs from 'node:fs';
import path from 'node:path';
import type { Logger, ToolInstaller } from '../ports/ports.ts';
import { sha256File } from '../util/hash.ts';

/** One release asset of one tool, for this machine, with the digest it must have. */
export interface ToolAsset {
  /** Tool-cache name: go, trivy, cosign. */
  tool: string;
  /** Version as the tool cache files it (semver: 1.26.8, 0.74.0). */
  version: string;
  /** Node's process.arch the asset is for (the tool cache's arch directory). */
  arch: string;
  /** Full download URL. */
  url: string;
  /** The asset's file name (for messages). */
  asset: string;
  /** Lower-case hex SHA-256 the download must have. */
  sha256: string;
  /** Size in bytes the source publishes, when it does (Go's listing): a mismatch is named as truncation. */
  size?: number;
  /** Where that digest comes from, said in the summary: a table entry's public source, an input, a listing. */
  digestSource: string;
  /** How the asset is packed: an archive to extract, or the program itself. */
  packing: 'tar.gz' | 'zip' | 'binary';
  /** The directory of the archive that becomes the installed tree ('go' for Go's go/ top directory); default the archive root. */
  root?: string;
  /** The program's path inside the installed directory ('/'-separated). */
  program: string;
}

export interface InstalledTool {
  dir: string;
  /** Absolute path of the program. */
  bin: string;
  source: 'tool-cache' | 'download';
  /** The SHA-256 the download was verified against (the asset's digest). */
  sha256: string;
}

export type InstallFailureKind = 'download' | 'checksum' | 'layout';

export class InstallError extends Error {
  readonly kind: InstallFailureKind;
  /** The download's own error (its message names the network failure). */
  readonly reason?: unknown;
  constructor(kind: InstallFailureKind, message: string, reason?: unknown) {
    super(message);
    this.name = 'InstallError';
    this.kind = kind;
    this.reason = reason;
  }
}

function programIn(dir: string, program: string): string {
  return path.join(dir, ...program.split('/'));
}

/**
 * The tool from the tool cache when it is there and holds the program; otherwise downloaded,
 * verified before anything is extracted or made executable, and cached. A digest mismatch is
 * fatal: the file is deleted and nothing is cached.
 */
export async function installTool(tools: ToolInstaller, asset: ToolAsset, log: Logger): Promise<InstalledTool> {
  const cached = tools.find(asset.tool, asset.version, asset.arch);
  if (cached && fs.existsSync(programIn(cached, asset.program))) {
    return { dir: cached, bin: programIn(cached, asset.program), source: 'tool-cache', sha256: asset.sha256 };
  }
  log.info(`Downloading ${asset.tool} ${asset.version} from ${asset.url}`);
  let file: string;
  try {
    file = await tools.download(asset.url);
  } catch (e) {
    throw new InstallError('download', `could not download ${asset.url}: ${(e as Error).message}`, e);
  }
  const actual = sha256File(file);
  if (actual !== asset.sha256) {
    const size = fs.statSync(file).size;
    fs.rmSync(file, { force: true });
    const got = asset.size && size !== asset.size ? `received ${size} bytes, the listing says ${asset.size}: truncated or replaced` : `${size} bytes`;
    throw new InstallError('checksum', `SHA-256 mismatch for ${asset.asset} (${got}): expected ${asset.sha256} (${asset.digestSource}), got ${actual}; it was not extracted or run`);
  }
  log.info(`SHA-256 ${actual} of ${asset.asset} matches ${asset.digestSource}`);
  let tree: string;
  if (asset.packing === 'binary') {
    // A bare program: give it its own directory under its own name, executable.
    tree = fs.mkdtempSync(`${file}.d-`);
    const dest = programIn(tree, asset.program);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.renameSync(file, dest);
    fs.chmodSync(dest, 0o755);
  } else {
    try {
      tree = await tools.extract(file);
    } catch (e) {
      throw new InstallError('layout', `${asset.asset} could not be extracted: ${(e as Error).message}`);
    } finally {
      fs.rmSync(file, { force: true });
    }
  }
  const top = asset.root ? programIn(tree, asset.root) : tree;
  if (!fs.existsSync(programIn(top, asset.program))) {
    throw new InstallError('layout', `${asset.asset} has no ${asset.root ? `${asset.root}/` : ''}${asset.program}`);
  }
  const dir = await tools.cache(top, asset.tool, asset.version, asset.arch);
  fs.rmSync(tree, { recursive: true, force: true });
  return { dir, bin: programIn(dir, asset.program), source: 'download', sha256: actual };
}
