// The guess that lets the build start before go list answers: go.mod's module path, and the
// package clause of the root's Go files (comments, build constraints and BOM-free text).
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inWorkspace, modulePathOf, packageClause, rootMainGuess } from '../../src/build/headstart.ts';

test('modulePathOf: plain, quoted, commented; none without a module line', () => {
  assert.equal(modulePathOf('module example.com/a\n\ngo 1.22\n'), 'example.com/a');
  assert.equal(modulePathOf('// header\nmodule "example.com/b/v2" // the module\n'), 'example.com/b/v2');
  assert.equal(modulePathOf('module `example.com/c`\n'), 'example.com/c');
  assert.equal(modulePathOf('go 1.22\n'), undefined);
  assert.equal(modulePathOf('modules example.com/x\n'), undefined);
});

test('packageClause: after line and block comments and build constraints; none when absent', () => {
  assert.equal(packageClause('//go:build linux\n\n// Package main does it.\npackage main\n'), 'main');
  assert.equal(packageClause('/* a\n package lib\n*/ package main'), 'main');
  assert.equal(packageClause('package lib // main\n'), 'lib');
  assert.equal(packageClause('// package main\n'), undefined);
  assert.equal(packageClause('import "fmt"\n'), undefined);
});

function dirWith(files: Record<string, string>): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-headstart-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(d, name), text);
  return d;
}

test('rootMainGuess: the module path when every non-test Go file of the root says package main', () => {
  assert.equal(rootMainGuess(dirWith({ 'go.mod': 'module example.com/app\n', 'main.go': 'package main\n', 'flags.go': '// x\npackage main\n', 'main_test.go': 'package main_test\n' })), 'example.com/app');
  // A library with a generator file in package main is not a main package.
  assert.equal(rootMainGuess(dirWith({ 'go.mod': 'module example.com/lib\n', 'lib.go': 'package lib\n', 'gen.go': '//go:build ignore\n\npackage main\n' })), undefined);
  assert.equal(rootMainGuess(dirWith({ 'go.mod': 'module example.com/empty\n' })), undefined);
  assert.equal(rootMainGuess(dirWith({ 'main.go': 'package main\n' })), undefined, 'no go.mod');
  // Files the go command ignores are not read.
  assert.equal(rootMainGuess(dirWith({ 'go.mod': 'module example.com/app\n', 'main.go': 'package main\n', '_old.go': 'package old\n', '.x.go': 'package x\n' })), 'example.com/app');
  // A package clause past the first 4 KiB (a long licence header): no guess, go list decides.
  assert.equal(rootMainGuess(dirWith({ 'go.mod': 'module example.com/app\n', 'main.go': `${'// licence text\n'.repeat(400)}package main\n` })), undefined);
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
