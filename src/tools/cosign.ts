// cosign as data for the one tool installer: where its release assets are, what each is called
// for this machine, and the SHA-256 each must have. Pure: no I/O.
//
// cosign publishes bare binaries (no archive): cosign-<os>-<arch>, cosign-windows-amd64.exe, at
// https://github.com/sigstore/cosign/releases/download/v<version>/<asset>. A release's own
// checksum file proves nothing when the release itself was replaced, so the gate trusts only the
// digests below (each copied from a public source that pins cosign's release digests) or the
// user's own cosign-sha256.
import type { ToolAsset } from './install.ts';

export const COSIGN_DEFAULT_VERSION = 'v3.1.3';
export const COSIGN_DEFAULT_BASE_URL = 'https://github.com/sigstore/cosign/releases/download';

/** version (v-prefixed) -> asset name -> lower-case hex SHA-256. */
export type CosignDigestTable = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Where the digests of one version come from, said in the summary and in mismatch errors. */
export type CosignDigestSources = Readonly<Record<string, Readonly<Record<string, string>>>>;

const HERMIT = 'cashapp/hermit-packages cosign.hcl';
const SCOOP_WINGET = 'ScoopInstaller/Main bucket/cosign.json and microsoft/winget-pkgs Sigstore.Cosign installer manifest';
const INSTALLER = 'sigstore/cosign-installer action.yml and cashapp/hermit-packages cosign.hcl';
const INSTALLER_SCOOP = 'sigstore/cosign-installer action.yml and ScoopInstaller/Main bucket/cosign.json';

export const COSIGN_DIGESTS: CosignDigestTable = {
  // v3.1.3. Linux and macOS: cashapp/hermit-packages cosign.hcl, sha256sums map keyed by the
  // release URL (lines added in commit 93daa8f130da00ab46a00fa3962cadc22049030c). No second
  // named repository pins them; several unnamed public files agree. Windows:
  // ScoopInstaller/Main bucket/cosign.json @ 782c97f69376d22537588229e3a5d65fbe8f4c65, and
  // microsoft/winget-pkgs manifests/s/Sigstore/Cosign/3.1.3/Sigstore.Cosign.installer.yaml
  // @ 778cb0df71b771dd3d4df678b42076f7320d8940 (InstallerSha256, upper-case there).
  'v3.1.3': {
    'cosign-linux-amd64': '4629c757b7618056f8ddd7e2625ae9fdd94c0372a65049520bc7d9df9efc7f71',
    'cosign-linux-arm64': 'c5d324e091826b0d7a78eb16fef316450b4eb9aaec045611c08ba06f5e73220a',
    'cosign-darwin-amd64': '2347488e5d5b25336644024dfeca5601b190e91197a71a917bda44744aff106c',
    'cosign-darwin-arm64': '5cf948c2f4dfe59687bdd0b8523709067383e03982cc543475c8a7dc70e92a76',
    'cosign-windows-amd64.exe': '9fe59be0eca1271873ce019061335eb1ac419b7059202e797828467ddabe33be',
  },
  // v3.0.6: sigstore/cosign-installer action.yml (bootstrap_*_sha) on main
  // @ 3094a48ba06382e0e6cfa5a4af4fcc55fc6942b9 and tag v4.1.2 @ 6f9f17788090df1f26f669e9d70d6ae9567deba6;
  // the same values in cashapp/hermit-packages cosign.hcl, and for Windows in
  // ScoopInstaller/Main bucket/cosign.json @ 8a6dba2f451274a9de5450df6cf4260402afbb29.
  'v3.0.6': {
    'cosign-linux-amd64': 'c956e5dfcac53d52bcf058360d579472f0c1d2d9b69f55209e256fe7783f4c74',
    'cosign-linux-arm64': 'bedac92e8c3729864e13d4a17048007cfafa79d5deca993a43a90ffe018ef2b8',
    'cosign-darwin-amd64': '4c3e7af8372d3ca3296e62fa56f23fcbb5721cc6ac1827900d398f110d7cd280',
    'cosign-darwin-arm64': '5fadd012ae6381a6a29ff86a7d39aa873878852f1073fc90b15995961ecfb084',
    'cosign-windows-amd64.exe': '9b85a88ebff2d9dd30ff4984a6f61f2cedc232dd87d81fa7f2ff3c0ed96c241c',
  },
};

/** The public source named for each table entry. */
export const COSIGN_DIGEST_SOURCES: CosignDigestSources = {
  'v3.1.3': {
    'cosign-linux-amd64': HERMIT,
    'cosign-linux-arm64': HERMIT,
    'cosign-darwin-amd64': HERMIT,
    'cosign-darwin-arm64': HERMIT,
    'cosign-windows-amd64.exe': SCOOP_WINGET,
  },
  'v3.0.6': {
    'cosign-linux-amd64': INSTALLER,
    'cosign-linux-arm64': INSTALLER,
    'cosign-darwin-amd64': INSTALLER,
    'cosign-darwin-arm64': INSTALLER,
    'cosign-windows-amd64.exe': INSTALLER_SCOOP,
  },
};

const OS: Record<string, string> = { linux: 'linux', darwin: 'darwin', win32: 'windows' };
const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };

/** cosign's release asset for Node's process.platform / process.arch, or undefined when it publishes none. */
export function cosignAssetName(platform: string, arch: string): string | undefined {
  const os = OS[platform];
  const a = ARCH[arch];
  if (!os || !a) return undefined;
  return `cosign-${os}-${a}${os === 'windows' ? '.exe' : ''}`;
}

/** "v3.1.3" for "3.1.3" or "v3.1.3"; undefined for anything that is not a plain release version. */
export function normalizeCosignVersion(v: string): string | undefined {
  const m = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(v);
  return m ? `v${m[1]}` : undefined;
}

export class CosignAssetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CosignAssetError';
  }
}

export interface CosignAssetRequest {
  /** v-prefixed release version. */
  version: string;
  baseUrl: string;
  /** The user's own digest (cosign-sha256): wins over the table. */
  sha256?: string;
  platform: string;
  arch: string;
  /** Injectable for tests; default the table above. */
  table?: CosignDigestTable;
  sources?: CosignDigestSources;
}

/**
 * The asset to install, with the digest it must have. Refuses (with the reason) a platform cosign
 * publishes nothing for, and a version whose digest neither the table nor cosign-sha256 gives.
 */
export function cosignAsset(r: CosignAssetRequest): ToolAsset {
  const asset = cosignAssetName(r.platform, r.arch);
  if (!asset) throw new CosignAssetError(`cosign publishes no binary for ${r.platform}/${r.arch}; use cosign-version: system with a cosign on PATH`);
  const table = r.table ?? COSIGN_DIGESTS;
  const sources = r.sources ?? (r.table ? {} : COSIGN_DIGEST_SOURCES);
  let sha256: string;
  let digestSource: string;
  const tabled = table[r.version]?.[asset];
  if (r.sha256 && tabled && r.sha256.toLowerCase() !== tabled) {
    // The table is the trusted record for its versions: a pin cannot vouch for other bytes.
    throw new CosignAssetError(`cosign-sha256 ${r.sha256.toLowerCase()} differs from the digest go-release-gate's digest table pins for ${asset} ${r.version} (${tabled}, ${sources[r.version]?.[asset] ?? 'test table'}); remove cosign-sha256 or use a version outside the table`);
  }
  if (r.sha256) {
    sha256 = r.sha256.toLowerCase();
    digestSource = 'the cosign-sha256 input';
  } else {
    const known = table[r.version]?.[asset];
    if (!known) {
      const versions = Object.keys(table).filter((v) => table[v][asset]).join(', ') || 'none';
      const why = table[r.version] ? `has no digest for ${asset}` : `has no cosign ${r.version}`;
      throw new CosignAssetError(`go-release-gate's digest table ${why} (versions it knows for ${asset}: ${versions}); give that asset's SHA-256 as cosign-sha256 (from a source you trust, not the release's own checksum file) or use a version the table knows`);
    }
    sha256 = known;
    digestSource = `go-release-gate's digest table (${sources[r.version]?.[asset] ?? 'test table'})`;
  }
  return {
    tool: 'cosign',
    version: r.version.replace(/^v/, ''),
    arch: r.arch,
    url: `${r.baseUrl}/${r.version}/${asset}`,
    asset,
    sha256,
    digestSource,
    packing: 'binary',
    program: asset.endsWith('.exe') ? 'cosign.exe' : 'cosign',
  };
}
