// Which cosign the sign stage runs: the one on PATH (cosign-version: system), or the pinned
// release through the one tool installer (tool cache, else download checked against our digest
// table or cosign-sha256). Either way the program is named with where it came from, for the
// summary; a failure says what failed and how to get past it.
import type { CosignChoice } from '../config/config.ts';
import type { Logger, ToolInstaller } from '../ports/ports.ts';
import { installTool } from '../tools/install.ts';
import { cosignAsset, type CosignDigestTable } from '../tools/cosign.ts';
import { findOnPath } from '../util/path.ts';

export interface ResolvedCosign {
  bin: string;
  /** How the summary says where it came from. */
  source: string;
  /** The SHA-256 it was verified against, when the gate installed it. */
  sha256?: string;
}

export class CosignUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CosignUnavailable';
  }
}

export interface ResolveCosignOptions {
  choice: CosignChoice;
  tools: ToolInstaller;
  log: Logger;
  pathEnv: string | undefined;
  platform?: string;
  arch?: string;
  /** Injectable for tests; default the built-in table. */
  table?: CosignDigestTable;
}

export async function resolveCosign(o: ResolveCosignOptions): Promise<ResolvedCosign> {
  if (o.choice.kind === 'system') {
    const bin = findOnPath('cosign', o.pathEnv);
    if (!bin) throw new CosignUnavailable('cosign-version is system, but cosign was not found on PATH: put it on PATH, or set cosign-version to a release (e.g. v3.1.3) to have the gate install a verified one.');
    return { bin, source: 'PATH' };
  }
  const { version } = o.choice;
  let asset;
  try {
    asset = cosignAsset({ version, baseUrl: o.choice.baseUrl, sha256: o.choice.sha256, platform: o.platform ?? process.platform, arch: o.arch ?? process.arch, table: o.table });
  } catch (e) {
    throw new CosignUnavailable(`cosign ${version} cannot be installed: ${(e as Error).message}`);
  }
  try {
    const installed = await installTool(o.tools, asset, o.log);
    const source = installed.source === 'tool-cache' ? `tool cache (${installed.dir})` : `downloaded from ${asset.url}, SHA-256 ${installed.sha256} verified against ${asset.digestSource}`;
    return { bin: installed.bin, source, sha256: installed.sha256 };
  } catch (e) {
    throw new CosignUnavailable(`cosign ${version} could not be installed: ${(e as Error).message}. Nothing was signed; set cosign-version: system to use a cosign on PATH, or cosign-download-base-url for a mirror.`);
  }
}
