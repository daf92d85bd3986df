// Trivy "as released" for the installer tests: a release archive in Trivy's own layout
// (trivy_<v>_Linux-64bit.tar.gz with the trivy program at its root) made from the pinned Trivy
// the tests build, and the checksums file a release publishes beside it. Made once per binary
// and kept in the tests' cache, outside the repository.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { testCacheDir } from './env.ts';
import { trivyBin } from './trivy.ts';

export interface TrivyArchive {
  /** The .tar.gz on disk. */
  file: string;
  sha256: string;
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** trivy.tar.gz holding the pinned Trivy binary (the name under which it is served is the server's choice). */
export function trivyArchive(): TrivyArchive {
  const bin = trivyBin();
  const st = fs.statSync(bin);
  const dir = testCacheDir(`trivy-archive-${st.size}-${Math.floor(st.mtimeMs)}`);
  const file = path.join(dir, 'trivy.tar.gz');
  if (!fs.existsSync(file)) {
    const tmp = fs.mkdtempSync(path.join(dir, '.tmp-'));
    try {
      fs.copyFileSync(bin, path.join(tmp, 'trivy'));
      fs.writeFileSync(path.join(tmp, 'LICENSE'), 'Apache License 2.0\n');
      execFileSync('tar', ['-czf', path.join(tmp, 'out.tar.gz'), '-C', tmp, 'trivy', 'LICENSE']);
      fs.renameSync(path.join(tmp, 'out.tar.gz'), file);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  return { file, sha256: sha256(file) };
}

/** The release's files for the release server: the archive as <asset> and a checksums file that agrees with it. */
export function trivyReleaseFiles(version: string, archive: TrivyArchive, dir: string): Record<string, string> {
  const asset = `trivy_${version}_Linux-64bit.tar.gz`;
  const sums = path.join(dir, `trivy_${version}_checksums.txt`);
  fs.writeFileSync(sums, `${archive.sha256}  ${asset}\n`);
  return { [`v${version}/${asset}`]: archive.file, [`v${version}/trivy_${version}_checksums.txt`]: sums };
}
