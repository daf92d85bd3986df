import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { compareTrees, firstDifferingLine, hashTree, treeDigest } from '../../src/modules/tree.ts';

function write(root: string, files: Record<string, string>) {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

test('compareTrees finds added, removed and modified files by content', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tree-'));
  t.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const base = { 'modules.txt': '# a v1\n', 'a/x.go': 'package a\n', 'a/sub/y.go': 'package sub\n', 'b/LICENSE': 'MIT\n' };
  write(path.join(dir, 'want'), base);
  write(path.join(dir, 'have'), { ...base, 'a/x.go': 'package b\n', 'a/extra.go': 'package a\n' });
  fs.rmSync(path.join(dir, 'have', 'b/LICENSE'));
  fs.symlinkSync('x.go', path.join(dir, 'have', 'a/sub/y.go.link'));

  const have = hashTree(path.join(dir, 'have'));
  const want = hashTree(path.join(dir, 'want'));
  assert.equal(want.size, 4);
  assert.equal(have.get('a/sub/y.go.link')?.kind, 'link');
  assert.deepEqual(compareTrees(have, want), { added: ['a/extra.go', 'a/sub/y.go.link'], removed: ['b/LICENSE'], modified: ['a/x.go'] });
  assert.deepEqual(compareTrees(want, hashTree(path.join(dir, 'want'))), { added: [], removed: [], modified: [] });
  assert.notEqual(treeDigest(have), treeDigest(want));
  assert.equal((hashTree(path.join(dir, 'absent'))).size, 0, 'an absent tree is empty');
});

test('firstDifferingLine names the line of the first differing byte', () => {
  const b = (s: string) => Buffer.from(s);
  assert.equal(firstDifferingLine(b('a\nb\nc\n'), b('a\nb\nC\n')), 3);
  assert.equal(firstDifferingLine(b('x\nb\n'), b('a\nb\n')), 1);
  assert.equal(firstDifferingLine(b('a\nb\nextra\n'), b('a\nb\n')), 3, 'extra text starts on line 3');
  assert.equal(firstDifferingLine(b('a\nb\n'), b('a\nb\nmissing\n')), 2, 'missing text is reported on the last line');
  assert.equal(firstDifferingLine(b('a\nbb'), b('a\nbbb\n')), 2);
  assert.equal(firstDifferingLine(b(''), b('a\n')), 1);
});

test('hashTree hashes files of every size the same as one SHA-256 over the bytes, across its read buffer', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tree-sizes-'));
  t.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const MiB = 1 << 20;
  // Around the 1 MiB read buffer: empty, small, one short, exactly full, one over, several buffers.
  const sizes = { empty: 0, small: 17, under: MiB - 1, exact: MiB, over: MiB + 1, big: 3 * MiB + 12345 };
  const want = new Map<string, { sha256: string; size: number }>();
  for (const [name, size] of Object.entries(sizes)) {
    const data = Buffer.alloc(size);
    for (let i = 0; i < size; i++) data[i] = (i * 31 + name.length) & 0xff;
    fs.writeFileSync(path.join(dir, name), data);
    want.set(name, { sha256: createHash('sha256').update(data).digest('hex'), size });
  }
  // A small file after a big one: nothing of the big one's bytes may leak into its hash.
  const tree = hashTree(dir);
  for (const [name, w] of want) assert.deepEqual({ sha256: tree.get(name)?.sha256, size: tree.get(name)?.size }, w, name);
});
