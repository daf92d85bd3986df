// Where shard bundles travel between jobs: the Action's artifact service (src/action/
// artifact-store.ts). The fan-out only names bundles and asks for them; the adapter does the I/O.
import type { Shard } from './split.ts';

export interface BundleStore {
  /** Uploads files (absolute paths under root) as one artifact called name. Throws when it fails. */
  upload(name: string, root: string, files: string[]): Promise<void>;
  /** Names of this workflow run's artifacts that start with prefix. */
  list(prefix: string): Promise<string[]>;
  /** Downloads the artifact into dir. Throws when it is missing or cannot be read. */
  download(name: string, dir: string): Promise<void>;
}

/** The artifact prefix of one workflow run's shard bundles. */
export function bundlePrefix(runId: string): string {
  return `go-release-gate-${runId}-shard-`;
}

/** Artifact name of a shard's bundle: the run and the shard, so a matrix's jobs never collide. */
export function bundleName(runId: string, s: Shard): string {
  return `${bundlePrefix(runId)}${s.index}-of-${s.count}`;
}
