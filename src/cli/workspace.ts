// Where the CLI's workspace is: the root every path input is confined to and every reported
// path is relative to. Inside GitHub Actions it is GITHUB_WORKSPACE, as for the Action. On a
// laptop or another CI it follows the module being gated, so `--dir ~/src/app` works from
// anywhere: --workspace if given, else the git top-level of --dir (a checkout's root, where
// release jobs write), else --dir itself.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { childEnv } from '../util/childenv.ts';

type Env = Readonly<Record<string, string | undefined>>;

export interface WorkspaceChoice {
  workspace: string;
  /**
   * Path inputs to hand the config instead of the flags' text: --dir and --out are read from the
   * current directory, as a shell user means them, and the config reads them from the workspace.
   * Empty when the two are the same directory, so messages quote the user's own text.
   */
  inputs: Record<string, string>;
  /** Why --workspace was not used, when it was given and ignored. */
  ignored?: string;
  /** How the workspace was chosen, for the run's first line. */
  source: 'GITHUB_WORKSPACE' | '--workspace' | 'git top-level of --dir' | '--dir';
}

export interface WorkspaceInput {
  env: Env;
  cwd: string;
  workspaceFlag?: string;
  dirFlag?: string;
  outFlag?: string;
  /** The git top-level that holds dir, or undefined (not a checkout, no git). */
  gitTopLevel: (dir: string) => string | undefined;
}

/** Pure apart from gitTopLevel. */
export function chooseWorkspace(i: WorkspaceInput): WorkspaceChoice {
  if (i.env.GITHUB_WORKSPACE) {
    // The containment rule of the Action: paths stay relative to, and inside, the checkout.
    return {
      workspace: i.env.GITHUB_WORKSPACE,
      source: 'GITHUB_WORKSPACE',
      inputs: {},
      ...(i.workspaceFlag !== undefined ? { ignored: `--workspace is ignored inside GitHub Actions: the workspace is GITHUB_WORKSPACE (${i.env.GITHUB_WORKSPACE})` } : {}),
    };
  }
  const dir = path.resolve(i.cwd, i.dirFlag ?? '.');
  const pick = (workspace: string, source: WorkspaceChoice['source']): WorkspaceChoice => {
    const inputs: Record<string, string> = {};
    if (path.resolve(workspace) !== path.resolve(i.cwd)) {
      inputs['working-directory'] = dir;
      if (i.outFlag !== undefined) inputs['output-dir'] = path.resolve(i.cwd, i.outFlag);
    }
    return { workspace, inputs, source };
  };
  if (i.workspaceFlag !== undefined) return pick(path.resolve(i.cwd, i.workspaceFlag), '--workspace');
  const top = i.gitTopLevel(dir);
  return top ? pick(top, 'git top-level of --dir') : pick(dir, '--dir');
}

/**
 * The git top-level of dir: found by looking for .git as git's discovery does, where nothing could
 * make git answer otherwise, else from `git rev-parse --show-toplevel` (a git process is 10 ms in
 * front of the first build of a warm run).
 */
export function gitTopLevel(dir: string, env: Env): string | undefined {
  const found = discoverCheckout(dir, env, process.geteuid?.());
  return found ? found.top : askGit(dir, env);
}

/** Variables that move or limit git's discovery: with any of them set, git itself is asked. */
const DISCOVERY_ENV = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT'];

/**
 * git's discovery of the checkout holding dir, for the plain case only: from dir's real path
 * upwards, the first directory whose .git is a repository (a directory, or a "gitdir:" file of a
 * linked worktree or submodule) is the top-level, or none is found up to the root. Undefined
 * whenever git could decide otherwise, and it is asked instead: a discovery variable is set, a
 * file system boundary is crossed, a directory on the way is itself a bare repository, the
 * repository's config may set core.worktree or core.bare, or the top-level is owned by another
 * user (git's safe.directory check). Not on Windows. Exported for the tests.
 */
export function discoverCheckout(dir: string, env: Env, uid: number | undefined): { top?: string } | undefined {
  if (process.platform === 'win32' || uid === undefined) return undefined;
  if (DISCOVERY_ENV.some((k) => env[k] !== undefined)) return undefined;
  let at: string;
  let dev: number;
  try {
    at = fs.realpathSync(dir);
    const st = fs.statSync(at);
    if (!st.isDirectory()) return undefined;
    dev = st.dev;
  } catch {
    return undefined;
  }
  for (;;) {
    const dotGit = path.join(at, '.git');
    const st = statOrUndefined(dotGit);
    if (st) {
      const gitDir = st.isDirectory() ? dotGit : st.isFile() ? linkedGitDir(dotGit, at) : undefined;
      // A .git git would not take (it walks on past it), or one it may read differently: git decides.
      if (!gitDir || !isPlainRepository(gitDir)) return undefined;
      // git's safe.directory check: both owned by this user, or git decides.
      return [at, gitDir].every((p) => statOrUndefined(p)?.uid === uid) ? { top: at } : undefined;
    }
    // A bare repository on the way stops git's walk.
    if (['HEAD', 'objects', 'refs'].every((n) => statOrUndefined(path.join(at, n)))) return undefined;
    const up = path.dirname(at);
    if (up === at) return {};
    const upStat = statOrUndefined(up);
    if (!upStat || upStat.dev !== dev) return undefined;
    at = up;
  }
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

/** The directory a "gitdir: <path>" file names (relative to the file's directory), or undefined. */
function linkedGitDir(file: string, base: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const m = /^gitdir: (.+?)\r?\n?$/.exec(text);
  return m ? path.resolve(base, m[1]) : undefined;
}

/** HEAD, objects and refs where git looks for them, and a config that says nothing of the work tree. */
function isPlainRepository(gitDir: string): boolean {
  // A linked worktree's commondir names the repository that holds its objects and refs.
  let common = gitDir;
  try {
    common = path.resolve(gitDir, fs.readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim());
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return false;
  }
  let head: string;
  try {
    head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8');
  } catch {
    return false;
  }
  // What git takes for a HEAD: a symbolic ref into refs/, or an object name.
  if (!/^(ref: refs\/\S+|[0-9a-f]{40}|[0-9a-f]{64})\r?\n?$/.test(head)) return false;
  if (!statOrUndefined(path.join(common, 'objects'))?.isDirectory() || !statOrUndefined(path.join(common, 'refs'))?.isDirectory()) return false;
  for (const config of new Set([path.join(common, 'config'), path.join(gitDir, 'config.worktree')])) {
    let text = '';
    try {
      text = fs.readFileSync(config, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return false;
    }
    if (/worktree|bare\s*=\s*true|include/i.test(text)) return false;
  }
  return true;
}

/** `git rev-parse --show-toplevel` in dir, with git's own environment only; undefined when it fails. */
function askGit(dir: string, env: Env): string | undefined {
  const r = spawnSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { env: childEnv('git', env), encoding: 'utf8', timeout: 30_000, shell: false });
  const top = r.status === 0 ? r.stdout.trim() : '';
  return top && path.isAbsolute(top) ? top : undefined;
}
