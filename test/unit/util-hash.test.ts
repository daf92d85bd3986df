// SHA-256 of files and of bytes (src/util/hash.ts): the same digest as another implementation,
// for files across the 128 KiB reads and the 1 MiB slices, and an error naming a file that cannot be read.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { sha256File, sha256FileInSlices, sha256Hex } from '../../src/util/hash.ts';

test('sha256File, sha256FileInSlices and sha256Hex agree with a Hash object, across read boundaries', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-hash-'));
  t.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const size of [0, 1, 4096, 128 << 10, (128 << 10) + 1, 1 << 20, (1 << 20) + 17, 2 * (1 << 20), 3 * (1 << 20) - 5]) {
    const data = randomBytes(size);
    const file = path.join(dir, `f${size}`);
    fs.writeFileSync(file, data);
    const want = createHash('sha256').update(data).digest('hex');
    assert.equal(sha256File(file), want);
    assert.equal(await sha256FileInSlices(file), want);
    assert.equal(sha256Hex(data), want);
  }
});

test('sha256FileInSlices: hashes of several files at once, taking turns with one read buffer, are each its own', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-hash-'));
  t.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const files = [5, 1, 3, 2, 4].map((mib, i) => {
    const data = randomBytes(mib * (1 << 20) + i);
    const file = path.join(dir, `f${i}`);
    fs.writeFileSync(file, data);
    return { file, want: createHash('sha256').update(data).digest('hex') };
  });
  for (let round = 0; round < 3; round++) {
    const got = await Promise.all(files.map((f) => sha256FileInSlices(f.file)));
    assert.deepEqual(got, files.map((f) => f.want));
  }
});

test('sha256File: a file that cannot be read is an error naming it, never a digest', async () => {
  assert.throws(() => sha256File(path.join(os.tmpdir(), 'grg-no-such-binary')), /ENOENT.*grg-no-such-binary/);
  await assert.rejects(sha256FileInSlices(path.join(os.tmpdir(), 'grg-no-such-binary')), /ENOENT.*grg-no-such-binary/);
});

test('sha256Hex: a string is hashed as its UTF-8 bytes', () => {
  assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(sha256Hex('héllo\0'), sha256Hex(Buffer.from('héllo\0', 'utf8')));
});
