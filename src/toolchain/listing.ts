// The Go downloads listing (<base>/?mode=json&include=all), validated before use: a mirror
// that serves something else gets a clear error, not an undefined deep inside the stage.

export interface GoFile {
  filename: string;
  os: string;
  arch: string;
  version: string;
  sha256: string;
  size: number;
  kind: string;
}

export interface GoRelease {
  version: string;
  stable: boolean;
  files: GoFile[];
}

export function parseListing(text: string, source: string): GoRelease[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source}: not JSON (${(e as Error).message}); first bytes: ${JSON.stringify(text.slice(0, 80))}`);
  }
  if (!Array.isArray(doc)) throw new Error(`${source}: expected a JSON array of releases`);
  return doc.map((r, i) => {
    const rel = r as Record<string, unknown>;
    if (typeof rel.version !== 'string' || !Array.isArray(rel.files)) throw new Error(`${source}: release #${i} has no version or files`);
    return {
      version: rel.version.replace(/^go/, ''),
      stable: rel.stable === true,
      files: (rel.files as Record<string, unknown>[]).map((f) => ({
        filename: String(f.filename ?? ''),
        os: String(f.os ?? ''),
        arch: String(f.arch ?? ''),
        version: String(f.version ?? ''),
        sha256: String(f.sha256 ?? '').toLowerCase(),
        size: Number(f.size ?? 0),
        kind: String(f.kind ?? ''),
      })),
    };
  });
}

/** The archive of this release for this machine (tar.gz on unix, zip on Windows). */
export function archiveFor(release: GoRelease, os: string, arch: string): GoFile | undefined {
  return release.files.find((f) => f.kind === 'archive' && f.os === os && f.arch === arch);
}

// File names come from a possibly hostile mirror and become part of a URL and a file name.
export function safeFileName(name: string): boolean {
  return /^go[0-9A-Za-z.]+\.[a-z0-9]+-[a-z0-9]+\.(tar\.gz|zip)$/.test(name);
}
