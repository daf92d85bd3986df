// A built binary is read once for its hash and its inspection (src/util/hash.ts readHashed):
// kept in memory up to a size, streamed above it; the digest is the same either way, and the
// same as sha256File's and another implementation's.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { readHashed, sha256File, sha256Hex } from '../../src/util/hash.ts';

test('readHashed: bytes kept up to the limit, streamed past it, one digest either way', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-hash-'));
  t.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  // Past one 1 MiB read, so the streamed path takes several.
  for (const size of [0, 1, 4096, (1 << 20) + 17, 3 * (1 << 20)]) {
    const data = randomBytes(size);
    const file = path.join(dir, `f${size}`);
    fs.writeFileSync(file, data);
    const want = createHash('sha256').update(data).digest('hex');
    const kept = readHashed(file);
    assert.equal(kept.sha256, want);
    assert.equal(kept.size, size);
    assert.ok(kept.bytes && kept.bytes.equals(data), 'kept bytes are the file');
    const streamed = readHashed(file, size - 1);
    assert.deepEqual(streamed, { sha256: want, size });
    assert.equal(sha256File(file), want);
    assert.equal(sha256Hex(data), want);
  }
});

test('readHashed: a file that cannot be read is an error naming it, never a digest', () => {
  assert.throws(() => readHashed(path.join(os.tmpdir(), 'grg-no-such-binary')), /ENOENT.*grg-no-such-binary/);
});
