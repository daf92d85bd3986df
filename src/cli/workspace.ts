// Where the CLI's workspace is: the root every path input is confined to and every reported
// path is relative to. Inside GitHub Actions it is GITHUB_WORKSPACE, as for the Action. On a
// laptop or another CI it follows the module being gated, so `--dir ~/src/app` works from
// anywhere: --workspace if given, else the git top-level of --dir (a checkout's root, where
// release jobs write), else --dir itself.
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

/** `git rev-parse --show-toplevel` in dir, with git's own environment only; undefined when it fails. */
export function gitTopLevel(dir: string, env: Env): string | undefined {
  const r = spawnSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { env: childEnv('git', env), encoding: 'utf8', timeout: 30_000, shell: false });
  const top = r.status === 0 ? r.stdout.trim() : '';
  return top && path.isAbsolute(top) ? top : undefined;
}
