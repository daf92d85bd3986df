// The seams between the core and the place it runs. Only src/action/** and src/cli/**
// implement these (and may import @actions/*); everything else receives them.
import type { Location } from '../pipeline/findings.ts';

export interface ExecOptions {
  cwd?: string;
  /** Complete environment for the child (not merged by the adapter). */
  env?: Record<string, string | undefined>;
  /** Kill the child after this long; the result then has timedOut: true. */
  timeoutMs?: number;
  input?: string;
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
  timedOut?: boolean;
}

/** Runs a program with an argument array: never a shell string. */
export interface Exec {
  run(file: string, args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
  /**
   * The same port streaming tool output to this logger (the Action's port streams; the CLI's
   * does not). The pipeline hands each stage a port bound to the stage's own logger, so output
   * of checks that run in the background is held with the stage's other lines.
   */
  withLog?(log: Logger): Exec;
}

export interface Logger {
  info(message: string): void;
  debug(message: string): void;
  warning(message: string, location?: Location): void;
  error(message: string, location?: Location): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Never print this value (tokens, passwords). */
  mask(secret: string): void;
}

export interface ToolInstaller {
  /** A cached tool directory for exactly this version, or undefined. */
  find(tool: string, version: string, arch: string): string | undefined;
  /** Every cached version of the tool for this arch. */
  versions(tool: string, arch: string): string[];
  /** Downloads url to a temporary file and returns its path; throws DownloadError on failure. */
  download(url: string): Promise<string>;
  /** Extracts a .tar.gz or .zip into a fresh directory and returns it. */
  extract(archive: string): Promise<string>;
  /** Copies dir into the cache as tool/version/arch and returns the cached path. */
  cache(dir: string, tool: string, version: string, arch: string): Promise<string>;
  /** Removes tool/version/arch and its completion marker (a cached tool that turned out not to work). */
  uncache(tool: string, version: string, arch: string): Promise<void>;
}

/**
 * An OIDC token for keyless signing: core.getIDToken in Actions (the job needs
 * `permissions: id-token: write`), SIGSTORE_ID_TOKEN for the CLI. The token is a secret.
 */
export interface IdTokenProvider {
  /** Whether this job can get a token at all (in Actions: the runner gave it the token request variables). */
  available(): boolean;
  /** A fresh token for the audience; throws when the token service refuses or cannot be reached. */
  get(audience: string): Promise<string>;
}

/** Hands values from the main step to the post step. */
export interface StateStore {
  save(key: string, value: string): void;
  get(key: string): string;
}

export interface CacheRestoreResult {
  /** The key that matched, or undefined on a miss. */
  matchedKey?: string;
}

/** Restore/save directories by key (@actions/cache in Actions; a local directory or nothing in the CLI). */
export interface CacheStore {
  readonly kind: string;
  /** When saves happen, as the summary says it: "post step" (the Action), "end of the run" (the CLI). */
  readonly savedAt?: string;
  restore(paths: string[], primaryKey: string, restoreKeys: string[]): Promise<CacheRestoreResult>;
  save(paths: string[], key: string): Promise<void>;
  /**
   * After the saves: drop entries newer ones supersede and build caches over maxBuildBytes
   * (cache/prune.ts). Only a store that keeps entries itself has it (the CLI's --cache-dir);
   * the Actions cache service evicts on its own.
   */
  prune?(policy: { maxBuildBytes: number; keep: readonly string[] }): Promise<{ entries: number; bytes: number }>;
}

/** Where the run's results go besides files: step outputs, job summary, PATH. */
export interface Outputs {
  set(name: string, value: string): void;
  /** Writes the Markdown job summary (Actions) or summary.md (CLI). */
  summary(markdown: string): Promise<void>;
  addPath(dir: string): void;
}

export interface Ports {
  exec: Exec;
  log: Logger;
  tools: ToolInstaller;
  state: StateStore;
  outputs: Outputs;
  cache?: CacheStore;
  /** OIDC tokens for keyless signing; absent: keyless signing is not possible here. */
  idToken?: IdTokenProvider;
  /** Process environment as the front door saw it (read-only view). */
  env: Readonly<Record<string, string | undefined>>;
  /** Directory for temporary files of this run. */
  tempDir: string;
  /**
   * A directory of this user's where answers a later run may take instead of asking again are
   * kept (the go command's version and GOROOT: src/toolchain/probe.ts). The CLI's is under
   * the user's cache home; the Action has none (a hosted runner starts every job afresh), and
   * without one every run asks.
   */
  keepDir?: string;
  /** Repository root; every reported path is relative to it. */
  workspace: string;
  /** Runner OS/arch as the cache keys name them, e.g. Linux / X64. */
  platform: { os: string; arch: string };
}
