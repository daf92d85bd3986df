// Real git repositories for the tests: a checkout as a release job has it (committed, tagged),
// with fixed identities and dates so two repositories made alike have the same commit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Release Bot', GIT_AUTHOR_EMAIL: 'bot@example.test', GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z',
  GIT_COMMITTER_NAME: 'Release Bot', GIT_COMMITTER_EMAIL: 'bot@example.test', GIT_COMMITTER_DATE: '2026-01-02T03:04:05Z',
  GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
};

export function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} in ${dir}: ${r.stderr}`);
  return r.stdout;
}

/** git init + add everything + commit (+ tag): the tree as actions/checkout leaves it. */
export function commitAll(dir: string, tag?: string): string {
  if (!fs.existsSync(path.join(dir, '.git'))) git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'release');
  if (tag) git(dir, 'tag', tag);
  return git(dir, 'rev-parse', 'HEAD').trim();
}
