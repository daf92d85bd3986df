// Trivy as data for the one tool installer (tools/install.ts): where its release assets are,
// what each must hash to, and which versions are never installed. Pure.
//
// The digests are ours, not the release's: a release whose archives were swapped also swaps
// its checksums file (the malicious v0.69.4 passed a check against its own checksums), so the
// release's checksums never vouch for anything here. A version outside the table needs the
// user's own digest (trivy-sha256).
import type { Logger, ToolInstaller } from '../ports/ports.ts';
import { installTool, type ToolAsset } from './install.ts';

export const TRIVY_DEFAULT_VERSION = '0.74.0';
export const TRIVY_DEFAULT_BASE_URL = 'https://github.com/aquasecurity/trivy/releases/download';

export interface DigestEntry {
  sha256: string;
  /** The public sources it was copied from, said in the summary. */
  source: string;
}

/** version -> asset file name -> digest. */
export type TrivyDigestTable = Readonly<Record<string, Readonly<Record<string, DigestEntry>>>>;

// Sources (each digest was read there, never computed here):
//   CM = cert-manager/makefile-modules, modules/tools/00_mod.mk (trivy_<os>_<arch>_SHA256SUM)
//   HP = cashapp/hermit-packages, trivy.hcl (sha256sums keyed by the release URL)
//   SC = ScoopInstaller/Main, bucket/trivy.json
//   WG = microsoft/winget-pkgs, manifests/a/AquaSecurity/Trivy/<v>/AquaSecurity.Trivy.installer.yaml
// Every entry below is given by both of its two sources, with the same value.
const CM_HP = 'cert-manager/makefile-modules modules/tools/00_mod.mk and cashapp/hermit-packages trivy.hcl';
const SC_WG = 'ScoopInstaller/Main bucket/trivy.json and microsoft/winget-pkgs AquaSecurity.Trivy installer manifest';

export const TRIVY_DIGESTS: TrivyDigestTable = {
  '0.74.0': {
    // CM @ a319a8bb56c820577522c8561ac27ecfd86ca72f; HP @ e97df12c137986c7c87303128e0c1a0b6bda1f2b
    'trivy_0.74.0_Linux-64bit.tar.gz': { sha256: '2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a', source: CM_HP },
    'trivy_0.74.0_Linux-ARM64.tar.gz': { sha256: 'b94ce1976bbf3c15b514b605ee88be7c6d94a29be2302847ff01cb794d47aad5', source: CM_HP },
    'trivy_0.74.0_macOS-64bit.tar.gz': { sha256: '472816f6888dda689d075c30254d4210b4d1035acf365aa72332f584c2f60485', source: CM_HP },
    'trivy_0.74.0_macOS-ARM64.tar.gz': { sha256: '1caada5e0e2091909357c7525d3aa76f4b660b13821bc143b190c7483e31cc11', source: CM_HP },
    // SC @ 43c6305a9a79730a570993dbfb8aafb6b8fa77a1; WG @ 87c04f5c8ecb67e50f6bab9e5e4d1d072f5ef011
    'trivy_0.74.0_windows-64bit.zip': { sha256: '94c40e0696e4b907a74b7b2e1438d5d72ebaca83115817407f568a002d520842', source: SC_WG },
  },
  '0.73.0': {
    // CM @ f4093e5f74c0918c07ecdc9cf68dc8074fab312f; HP trivy.hcl
    'trivy_0.73.0_Linux-64bit.tar.gz': { sha256: '2edd39da482bb4e9831962487b68f68e3928ec3137794757f54d00383d79547b', source: CM_HP },
    'trivy_0.73.0_Linux-ARM64.tar.gz': { sha256: '13833d97e8a1a5367471c372a173180157f593bece570e20d5d925fef552f5dd', source: CM_HP },
    'trivy_0.73.0_macOS-64bit.tar.gz': { sha256: 'd39d1374dd3e35d48621b82df9b6625fe69f9920cc67d2739ed81bb679f16f51', source: CM_HP },
    'trivy_0.73.0_macOS-ARM64.tar.gz': { sha256: '80cc25faaf6378e37701202d0b4f9f43d9e413d198d594ba60fdf559fe44a683', source: CM_HP },
    // SC @ e05380d45388f71e210ff56b50dd32420f659811; WG @ 2a7c730eacf1eb21aa34741119e17917e7fbb5d0
    'trivy_0.73.0_windows-64bit.zip': { sha256: 'd2d3ad5292aae470a03eb6506db86fce81b1894592b8451cadaf60eaa22f2025', source: SC_WG },
  },
  '0.72.0': {
    // CM @ a02553fab4a457a12c77e718bd638820d5ad9832; HP trivy.hcl
    'trivy_0.72.0_Linux-64bit.tar.gz': { sha256: 'bbb64b9695866ce4a7a8f5c9592002c5961cab378577fa3f8a040df362b9b2ea', source: CM_HP },
    'trivy_0.72.0_Linux-ARM64.tar.gz': { sha256: '2ca2c023109c2db6b2b77366b6717291452d4531167377d95c79547f0c8e3467', source: CM_HP },
    'trivy_0.72.0_macOS-64bit.tar.gz': { sha256: 'ee5e60df8a98e5b89fd74a6d86f9e5c7e9a266a35002cb1e43291698b3bfee08', source: CM_HP },
    'trivy_0.72.0_macOS-ARM64.tar.gz': { sha256: '88f208680dc05da2b459e19b4f5aa2b4dc7c2117892ba4aab2ae63baba330016', source: CM_HP },
    // SC @ 1d88e2f36569a9132a19bb468165e14e03cef705; WG @ 803f64101b9e56c31ff3c64e1f0c3f9a6e387e2b
    'trivy_0.72.0_windows-64bit.zip': { sha256: 'ed3cf122060f61818fe1f735fd97557954e16e10bc8b058af9852271cf2e91b3', source: SC_WG },
  },
};

/**
 * Versions never installed, whatever digest is offered. v0.69.4 was published on 2026-03-19 by
 * a compromised release account with credential-stealing code (GHSA-69fq-xp46-6x23,
 * CVE-2026-33634); v0.69.5 and v0.69.6 existed only as hijacked image tags.
 */
export const REFUSED_TRIVY_VERSIONS: Readonly<Record<string, string>> = {
  '0.69.4': 'it is the malicious release published with credential-stealing code on 2026-03-19 (GHSA-69fq-xp46-6x23, CVE-2026-33634); use 0.69.3 or later than 0.69.6',
  '0.69.5': 'no such release was published; the tag was pushed by the attacker of the 0.69.4 release (GHSA-69fq-xp46-6x23)',
  '0.69.6': 'no such release was published; the tag was pushed by the attacker of the 0.69.4 release (GHSA-69fq-xp46-6x23)',
};

export class TrivyVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrivyVersionError';
  }
}

const VERSION = /^\d+\.\d+\.\d+$/;

/** "0.74.0" from "0.74.0" or "v0.74.0"; throws on anything else. */
export function normalizeTrivyVersion(value: string): string {
  const v = value.replace(/^v/, '');
  if (!VERSION.test(v)) throw new TrivyVersionError(`"${value}" is not a Trivy version like ${TRIVY_DEFAULT_VERSION} (or "system" for the trivy on PATH)`);
  return v;
}

/** The release's asset name for a runner (RUNNER_OS / RUNNER_ARCH spelling), or undefined when Trivy ships none. */
export function trivyAssetName(version: string, os: string, arch: string): string | undefined {
  const o = os.toLowerCase();
  const a = arch.toLowerCase();
  const cpu = a === 'x64' || a === 'amd64' ? '64bit' : a === 'arm64' ? 'ARM64' : undefined;
  if (!cpu) return undefined;
  if (o === 'linux') return `trivy_${version}_Linux-${cpu}.tar.gz`;
  if (o === 'macos' || o === 'darwin') return `trivy_${version}_macOS-${cpu}.tar.gz`;
  if ((o === 'windows' || o === 'windows_nt' || o === 'win32') && cpu === '64bit') return `trivy_${version}_windows-64bit.zip`;
  return undefined;
}

export interface TrivyAssetRequest {
  version: string;
  baseUrl: string;
  /** Runner OS and arch (Linux / X64). */
  os: string;
  arch: string;
  /** Node's process.arch: the tool cache's arch directory. */
  nodeArch: string;
  /** The user's own digest (trivy-sha256), '' when none. */
  userSha256: string;
  table?: TrivyDigestTable;
}

/**
 * What to download and what it must hash to. Refused versions never get this far; a version
 * outside the table needs the user's digest; a user digest for a version in the table must
 * agree with the table (two trusted digests that disagree mean one of them is wrong).
 */
export function trivyAsset(req: TrivyAssetRequest): ToolAsset {
  const version = normalizeTrivyVersion(req.version);
  const refused = REFUSED_TRIVY_VERSIONS[version];
  if (refused) throw new TrivyVersionError(`Trivy ${version} is refused: ${refused}`);
  const asset = trivyAssetName(version, req.os, req.arch);
  if (!asset) throw new TrivyVersionError(`Trivy publishes no release archive for ${req.os}/${req.arch}`);
  const entry = (req.table ?? TRIVY_DIGESTS)[version]?.[asset];
  let sha256: string;
  let digestSource: string;
  if (entry && req.userSha256 && req.userSha256 !== entry.sha256) {
    throw new TrivyVersionError(`trivy-sha256 ${req.userSha256} disagrees with the digest go-release-gate pins for ${asset} (${entry.sha256}, from ${entry.source}); remove trivy-sha256 or check where it came from`);
  }
  if (entry) {
    sha256 = entry.sha256;
    digestSource = `the digest pinned in go-release-gate (${entry.source})`;
  } else if (req.userSha256) {
    sha256 = req.userSha256;
    digestSource = 'the trivy-sha256 input';
  } else {
    throw new TrivyVersionError(`Trivy ${version} (${asset}) is not in go-release-gate's digest table, and a release's own checksums file cannot vouch for it (a swapped release swaps both): set trivy-sha256 to the archive's SHA-256 from a source you trust, or use trivy-version ${TRIVY_DEFAULT_VERSION}`);
  }
  return {
    tool: 'trivy',
    version,
    arch: req.nodeArch,
    url: `${req.baseUrl}/v${version}/${asset}`,
    asset,
    sha256,
    digestSource,
    packing: asset.endsWith('.zip') ? 'zip' : 'tar.gz',
    program: asset.endsWith('.zip') ? 'trivy.exe' : 'trivy',
  };
}

/** Where the Trivy of this run came from, as the summary and the release report say it. */
export interface TrivySource {
  bin: string;
  source: 'trivy-path' | 'PATH' | 'tool-cache' | 'download';
  /** The SHA-256 the archive was verified against (installed Trivys only). */
  sha256?: string;
  digestSource?: string;
}

/** Install (or take from the tool cache) the Trivy of a request; InstallError / TrivyVersionError on failure. */
export async function installTrivy(tools: ToolInstaller, log: Logger, req: TrivyAssetRequest): Promise<TrivySource> {
  const asset = trivyAsset(req);
  const got = await installTool(tools, asset, log);
  return { bin: got.bin, source: got.source, sha256: got.sha256, digestSource: asset.digestSource };
}

/** One sentence for the summary: "downloaded from URL, SHA-256 X (the digest pinned ...)". */
export function describeTrivySource(s: TrivySource): string {
  const verified = s.sha256 ? `, archive SHA-256 ${s.sha256} verified against ${s.digestSource}` : '';
  switch (s.source) {
    case 'trivy-path': return `trivy-path ${s.bin}`;
    case 'PATH': return `the trivy on PATH (${s.bin})`;
    case 'tool-cache': return `the tool cache (${s.bin}; installed by an earlier run${verified})`;
    case 'download': return `downloaded into the tool cache (${s.bin}${verified})`;
  }
}
