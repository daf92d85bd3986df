import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordTidy, reusedTidy, tidyKey, tidyRecordFile, type TidyInputs } from '../../src/modules/tidyreuse.ts';
import { goFileHeaderEnd } from '../../src/modules/goheader.ts';
import { parseGoMod } from '../../src/modules/gomod.ts';

const header = (src: string) => src.slice(0, goFileHeaderEnd(Buffer.from(src)));

test('the header of a Go file is its leading comments, package clause and imports, and nothing after', () => {
  const grouped = '//go:build linux\n\n// Package a does things.\npackage a\n\nimport (\n\t"fmt"\n\tx "example.com/x" // why\n\t. "example.com/dot"\n\t_ "embed"\n\t/* c */ "example.com/y"\n)\n\nimport "os"\n\nfunc F() { fmt.Println(os.Args) }\n';
  assert.equal(header(grouped), grouped.slice(0, grouped.indexOf('\n\nfunc F')));
  assert.equal(header('package main\n\nfunc main() {}\n'), 'package main');
  assert.equal(header('package main; import "fmt"; func main() { fmt.Println() }'), 'package main; import "fmt"');
  // The cgo preamble is a comment before import "C": part of the header.
  const cgo = 'package c\n\n/*\n#include <stdio.h>\n*/\nimport "C"\n\nvar _ = 1\n';
  assert.equal(header(cgo), cgo.slice(0, cgo.indexOf('\n\nvar')));
  assert.equal(header('package p\nimport `raw/path`\nvar v = 1\n'), 'package p\nimport `raw/path`');
  assert.equal(header('package p\nimport "a\\"b"\ntype T int\n'), 'package p\nimport "a\\"b"');
});

test('a Go file the header scanner does not understand counts whole', () => {
  for (const src of [
    'packag main\n',
    '/* unterminated\npackage main\n',
    'package main\nimport (\n\t"fmt"\n',
    'package main\nimport "unterminated\n',
    'package main\nimport fmt\n',
    '',
  ]) assert.equal(goFileHeaderEnd(Buffer.from(src)), Buffer.byteLength(src), JSON.stringify(src));
});

function module(t: { onTestFinished(fn: () => unknown): void }, files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidy-key-'));
  t.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const GO_MOD = 'module example.com/app\n\ngo 1.22\n\nrequire example.com/dep v1.0.0\n';
const GO_SUM = 'example.com/dep v1.0.0 h1:AAAA\nexample.com/dep v1.0.0/go.mod h1:BBBB\n';
const MAIN = 'package main\n\nimport "example.com/dep"\n\nfunc main() { dep.Run() }\n';

function inputs(dir: string, over: Partial<TidyInputs> = {}): TidyInputs {
  const gomodText = fs.readFileSync(path.join(dir, 'go.mod'));
  return {
    main: { dir, gomod: parseGoMod(gomodText.toString('utf8'), 'go.mod') },
    gomod: gomodText,
    gosum: fs.existsSync(path.join(dir, 'go.sum')) ? fs.readFileSync(path.join(dir, 'go.sum')) : undefined,
    goVersion: '1.26.8',
    goroot: '/usr/local/go',
    settings: { GOFLAGS: '', GOPROXY: 'https://proxy.example', GOSUMDB: 'sum.golang.org' },
    ...over,
  };
}

test('the tidy key follows every input of tidy and ignores what tidy never reads', async (t) => {
  const dir = module(t, { 'go.mod': GO_MOD, 'go.sum': GO_SUM, 'main.go': MAIN, 'internal/x/x.go': 'package x\n\nimport "strings"\n\nvar X = strings.ToUpper("a")\n' });
  const base = await tidyKey(inputs(dir));
  assert.match(base ?? '', /^[0-9a-f]{64}$/);
  const again = async (edit: () => void, undo: () => void) => {
    edit();
    try {
      return await tidyKey(inputs(dir));
    } finally {
      undo();
    }
  };
  const rewrite = (rel: string, text: string) => {
    const file = path.join(dir, rel);
    const before = fs.existsSync(file) ? fs.readFileSync(file) : undefined;
    return [() => { fs.mkdirSync(path.dirname(file), { recursive: true }); fs.writeFileSync(file, text); }, () => (before ? fs.writeFileSync(file, before) : fs.rmSync(file))] as const;
  };

  // Unchanged: a function body, a file tidy never reads, a directory the go command skips, a nested module.
  assert.equal(await again(...rewrite('main.go', MAIN.replace('dep.Run()', 'dep.Run(); dep.Run()'))), base, 'a body edit keeps the key');
  assert.equal(await again(...rewrite('README.md', '# app\n')), base);
  assert.equal(await again(...rewrite('testdata/t.go', 'package t\nimport "example.com/other"\n')), base);
  assert.equal(await again(...rewrite('_tools/t.go', 'package t\nimport "example.com/other"\n')), base);
  assert.equal(await again(...rewrite('vendor/example.com/dep/dep.go', 'package dep\n')), base);
  const nested = rewrite('sub/go.mod', 'module example.com/app/sub\n');
  nested[0]();
  assert.equal(await again(...rewrite('sub/s.go', 'package sub\nimport "example.com/other"\n')), base, 'a nested module is not this module');
  nested[1]();

  // Changed: imports, build constraints, files and packages, go.mod, go.sum, the go command, its settings.
  const changed = [
    await again(...rewrite('main.go', MAIN.replace('import "example.com/dep"', 'import (\n\t"example.com/dep"\n\t"example.com/more"\n)'))),
    await again(...rewrite('main.go', `//go:build !windows\n\n${MAIN}`)),
    await again(...rewrite('main_test.go', 'package main\n')),
    await again(...rewrite('cmd/tool/main.go', 'package main\n')),
    await again(...rewrite('go.mod', `${GO_MOD}\nrequire example.com/more v1.0.0\n`)),
    await again(...rewrite('go.sum', `${GO_SUM}example.com/more v1.0.0/go.mod h1:CCCC\n`)),
    await tidyKey(inputs(dir, { goVersion: '1.26.9' })),
    await tidyKey(inputs(dir, { goroot: '/opt/go' })),
    await tidyKey(inputs(dir, { settings: { GOFLAGS: '-tags=extra', GOPROXY: 'https://proxy.example', GOSUMDB: 'sum.golang.org' } })),
    await tidyKey(inputs(dir, { settings: { GOFLAGS: '', GOPROXY: 'https://proxy.example', GOSUMDB: 'off' } })),
  ];
  for (const [i, k] of changed.entries()) assert.ok(k && k !== base, `change ${i} gives another key`);
  assert.equal(new Set(changed).size, changed.length, 'every change gives its own key');
  assert.equal(await tidyKey(inputs(dir)), base, 'every edit was undone');
});

test('no tidy key where the answer depends on more than the module: a directory replace, a symbolic link', async (t) => {
  const local = module(t, { 'go.mod': `${GO_MOD}\nreplace example.com/dep => ../dep\n`, 'main.go': MAIN });
  assert.equal(await tidyKey(inputs(local)), undefined);
  const versioned = module(t, { 'go.mod': `${GO_MOD}\nreplace example.com/dep => example.com/fork v1.0.1\n`, 'main.go': MAIN });
  assert.ok(await tidyKey(inputs(versioned)), 'a module replace is pinned by go.sum like any module');
  const linked = module(t, { 'go.mod': GO_MOD, 'main.go': MAIN });
  fs.symlinkSync(os.tmpdir(), path.join(linked, 'elsewhere'));
  assert.equal(await tidyKey(inputs(linked)), undefined);
});

test('a tidy answer is reused only from its own record, and the record is marked used', async (t) => {
  const gocache = fs.mkdtempSync(path.join(os.tmpdir(), 'tidy-cache-'));
  t.onTestFinished(() => fs.rmSync(gocache, { recursive: true, force: true }));
  const key = 'a'.repeat(64);
  assert.equal(await reusedTidy(gocache, key), undefined, 'nothing recorded yet');
  await recordTidy(gocache, key, new Date('2026-01-02T03:04:05Z'));
  const file = tidyRecordFile(gocache, key);
  fs.utimesSync(file, new Date('2020-01-01'), new Date('2020-01-01'));
  assert.equal(await reusedTidy(gocache, key), '2026-01-02T03:04:05.000Z');
  assert.ok(fs.statSync(file).mtimeMs > Date.parse('2025-01-01'), 'a reused record is touched, so the cache trim keeps it');
  assert.equal(await reusedTidy(gocache, 'b'.repeat(64)), undefined, 'another key');
  // A record under the wrong name, a corrupt one, one that does not say tidy: never reused.
  fs.copyFileSync(file, tidyRecordFile(gocache, 'c'.repeat(64)));
  assert.equal(await reusedTidy(gocache, 'c'.repeat(64)), undefined);
  fs.writeFileSync(file, '{"key":');
  assert.equal(await reusedTidy(gocache, key), undefined);
  fs.writeFileSync(file, JSON.stringify({ key, tidy: false, at: '2026-01-02T03:04:05Z' }));
  assert.equal(await reusedTidy(gocache, key), undefined);
  // An unwritable cache only means no record.
  fs.writeFileSync(path.join(gocache, 'a-file'), '');
  await recordTidy(path.join(gocache, 'a-file'), key);
  assert.equal(await reusedTidy(path.join(gocache, 'a-file'), key), undefined);
});
