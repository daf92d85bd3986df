// The guess that lets the build start before go list answers: go.mod's module path (the
// project's go.mod parser), and the package clause of the root's Go files (the Go header scanner).
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inWorkspace, rootMainGuess } from '../../src/build/headstart.ts';
import { goFileHeader } from '../../src/modules/goheader.ts';

const guess = (dir: string) => rootMainGuess(dir)?.importPath;

function dirWith(files: Record<string, string>): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-headstart-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(d, name), text);
  return d;
}

test('rootMainGuess: the module path when every non-test Go file of the root says package main', () => {
  assert.equal(guess(dirWith({ 'go.mod': 'module example.com/app\n', 'main.go': 'package main\n', 'flags.go': '// x\npackage main\n', 'main_test.go': 'package main_test\n' })), 'example.com/app');
  // A library with a generator file in package main is not a main package.
  assert.equal(guess(dirWith({ 'go.mod': 'module example.com/lib\n', 'lib.go': 'package lib\n', 'gen.go': '//go:build ignore\n\npackage main\n' })), undefined);
  assert.equal(guess(dirWith({ 'go.mod': 'module example.com/empty\n' })), undefined);
  assert.equal(guess(dirWith({ 'main.go': 'package main\n' })), undefined, 'no go.mod');
  // Files the go command ignores are not read.
  assert.equal(guess(dirWith({ 'go.mod': 'module example.com/app\n', 'main.go': 'package main\n', '_old.go': 'package old\n', '.x.go': 'package x\n' })), 'example.com/app');
  // A package clause past the first 4 KiB (a long licence header): no guess, go list decides.
  assert.equal(guess(dirWith({ 'go.mod': 'module example.com/app\n', 'main.go': `${'// licence text\n'.repeat(400)}package main\n` })), undefined);
});

test('inWorkspace: a go.work in the directory or a parent, or GOWORK set; GOWORK=off never', () => {
  const root = dirWith({ 'go.work': 'go 1.22\n\nuse ./app\n' });
  const app = path.join(root, 'app', 'cmd');
  fs.mkdirSync(app, { recursive: true });
  assert.equal(inWorkspace(app, undefined), true);
  assert.equal(inWorkspace(app, 'off'), false);
  const alone = dirWith({ 'go.mod': 'module example.com/app\n' });
  assert.equal(inWorkspace(alone, undefined), fs.existsSync(path.join(path.dirname(alone), 'go.work')));
  assert.equal(inWorkspace(alone, '/elsewhere/go.work'), true);
});

test('rootMainGuess reads the module path as go.mod writes it: plain, quoted, commented; none without a module line', () => {
  const main = { 'main.go': 'package main\n' };
  assert.equal(guess(dirWith({ ...main, 'go.mod': 'module example.com/a\n\ngo 1.22\n' })), 'example.com/a');
  assert.equal(guess(dirWith({ ...main, 'go.mod': '// header\nmodule "example.com/b/v2" // the module\n' })), 'example.com/b/v2');
  assert.equal(guess(dirWith({ ...main, 'go.mod': 'module `example.com/c`\n' })), 'example.com/c');
  assert.equal(guess(dirWith({ ...main, 'go.mod': 'go 1.22\n' })), undefined);
  assert.equal(guess(dirWith({ ...main, 'go.mod': 'modules example.com/x\n' })), undefined);
});

test('the package clause the guess reads: after line and block comments and build constraints; none when absent', () => {
  const pkg = (src: string) => goFileHeader(Buffer.from(src)).pkg;
  assert.equal(pkg('//go:build linux\n\n// Package main does it.\npackage main\n'), 'main');
  assert.equal(pkg('/* a\n package lib\n*/ package main'), 'main');
  assert.equal(pkg('package lib // main\n'), 'lib');
  assert.equal(pkg('// package main\n'), undefined);
  assert.equal(pkg('import "fmt"\n'), undefined);
});

test('rootMainGuess is certain only where no build can leave a root file out', () => {
  const certain = (files: Record<string, string>) => rootMainGuess(dirWith({ 'go.mod': 'module example.com/app\n', ...files }))?.certain;
  assert.equal(certain({ 'main.go': '// Package main is the app.\npackage main\n\nimport (\n\t"fmt"\n)\n\nfunc main() { fmt.Println() }\n', 'flags.go': 'package main\n\nvar x = 1\n', 'main_test.go': 'package main\n' }), true);
  // A constraint (either form), a GOOS or GOARCH suffix (or any _suffix), an import of "C": go list decides.
  assert.equal(certain({ 'main.go': 'package main\n\nfunc main() {}\n', 'x.go': '//go:build linux\n\npackage main\n\nvar x = 1\n' }), false);
  assert.equal(certain({ 'main.go': '// +build !windows\n\npackage main\n\nfunc main() {}\n' }), false);
  assert.equal(certain({ 'main.go': 'package main\n\nfunc main() {}\n', 'term_windows.go': 'package main\n\nvar x = 1\n' }), false);
  assert.equal(certain({ 'main.go': 'package main\n\nimport "C"\n\nfunc main() {}\n' }), false);
  assert.equal(certain({ 'main.go': 'package main\n\nimport (\n\t"fmt"\n\t"C"\n)\n\nfunc main() { fmt.Println() }\n' }), false);
  // A header that runs to the end of what is read: unsure.
  assert.equal(certain({ 'main.go': `package main\n\nimport (\n${'\t"fmt"\n'.repeat(700)})\n` }), false);
});
