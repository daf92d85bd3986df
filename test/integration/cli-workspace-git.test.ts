// The CLI finds the checkout holding --dir without a git process where nothing could make git
// answer otherwise: every case here is compared with `git rev-parse --show-toplevel` itself, and
// the plain ones must be answered without it.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync, execFileSync } from 'node:child_process';
import { discoverCheckout, gitTopLevel } from '../../src/cli/workspace.ts';

const env = { PATH: process.env.PATH, HOME: process.env.HOME };
const uid = process.geteuid?.();

function gitSays(dir: string, extra: Record<string, string> = {}): string | undefined {
  const r = spawnSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { env: { ...env, ...extra }, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-C', dir, ...args], { env: { ...env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' }, stdio: 'ignore' });
}

/** A repository with one commit and a few directories: root, root/a/b, and a sibling outside it. */
function layout() {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'grg-gitws-')));
  const repo = path.join(base, 'repo');
  fs.mkdirSync(path.join(repo, 'a', 'b'), { recursive: true });
  fs.writeFileSync(path.join(repo, 'a', 'b', 'f.txt'), 'x\n');
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'c');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(outside);
  return { base, repo, outside };
}

test('plain checkouts are found as git finds them, without asking git', () => {
  const { base, repo, outside } = layout();
  // A linked worktree (.git is a "gitdir:" file), a repository nested in another, a symbolic link to a subdirectory.
  const wt = path.join(base, 'wt');
  git(repo, 'worktree', 'add', '-q', wt, '-b', 'side');
  const nested = path.join(repo, 'a', 'inner');
  fs.mkdirSync(nested);
  git(nested, 'init', '-q');
  const link = path.join(base, 'link');
  fs.symlinkSync(path.join(repo, 'a', 'b'), link);
  const cases: [string, string | undefined][] = [[repo, repo], [path.join(repo, 'a', 'b'), repo], [outside, undefined], [wt, wt], [nested, nested], [link, repo]];
  for (const [dir, want] of cases) {
    assert.equal(gitSays(dir), want, `git itself, ${dir}`);
    assert.deepEqual(discoverCheckout(dir, env, uid), want ? { top: want } : {}, dir);
    assert.equal(gitTopLevel(dir, env), want, dir);
  }
});

test('where git could answer otherwise, git is asked, and the answer is git\'s', () => {
  const { base, repo } = layout();
  const sub = path.join(repo, 'a', 'b');
  // An empty .git directory git walks past; a bare repository on the way; a config that moves the work tree.
  fs.mkdirSync(path.join(sub, '.git'));
  assert.equal(discoverCheckout(sub, env, uid), undefined);
  assert.equal(gitTopLevel(sub, env), gitSays(sub));
  assert.equal(gitTopLevel(sub, env), repo);
  fs.rmdirSync(path.join(sub, '.git'));

  const bare = path.join(base, 'bare.git');
  git(base, 'init', '-q', '--bare', bare);
  const inBare = path.join(bare, 'sub');
  fs.mkdirSync(inBare);
  assert.equal(discoverCheckout(inBare, env, uid), undefined);
  assert.equal(gitTopLevel(inBare, env), gitSays(inBare));

  const moved = layout();
  git(moved.repo, 'config', 'core.worktree', moved.outside);
  assert.equal(discoverCheckout(moved.repo, env, uid), undefined);
  assert.equal(gitTopLevel(moved.repo, env), gitSays(moved.repo));

  // GIT_DIR and friends: git's answer.
  const withGitDir = { ...env, GIT_DIR: path.join(repo, '.git') };
  assert.equal(discoverCheckout(sub, withGitDir, uid), undefined);
  assert.equal(gitTopLevel(sub, withGitDir), gitSays(sub, { GIT_DIR: path.join(repo, '.git') }));

  // Not a directory (git -C fails there): git decides.
  assert.equal(discoverCheckout(path.join(sub, 'f.txt'), env, uid), undefined);
  assert.equal(gitTopLevel(path.join(sub, 'f.txt'), env), gitSays(path.join(sub, 'f.txt')));

  // Another owner (git's safe.directory check): git decides.
  assert.equal(discoverCheckout(repo, env, (uid ?? 0) + 1), undefined);
});
