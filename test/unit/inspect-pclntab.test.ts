// The pcln table search (src/inspect/pclntab.ts) finds a header wherever it starts in the range,
// including across the 1 MiB reads it searches in: in the last bytes of one read, and at a read's
// first byte. A run of 0xff bytes that is not a header is passed over.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { searchPclntab } from '../../src/inspect/pclntab.ts';
import { bufferSource } from '../../src/inspect/source.ts';

const CHUNK = 1 << 20;

/** A Go 1.20+ little-endian pcln header (magic 0xfffffff1, quantum 1, 8-byte words) whose table offsets are all 0. */
function header(): Buffer {
  const h = Buffer.alloc(8 + 7 * 8);
  h.writeUInt32LE(0xfffffff1, 0);
  h[6] = 1;
  h[7] = 8;
  return h;
}

for (const at of [0, 5, CHUNK - 5, CHUNK - 3, CHUNK - 2, CHUNK - 1, CHUNK, CHUNK + 1]) {
  test(`a header at offset ${at} of the searched range is found there`, async () => {
    const bytes = Buffer.alloc(2 * CHUNK + 256);
    // Decoys before it: ff ff ff ff words and an ff ff ff 00 00 whose byte before is no magic.
    if (at >= 16) {
      bytes.fill(0xff, at - 16, at - 12);
      Buffer.from([0x00, 0xff, 0xff, 0xff, 0x00, 0x00]).copy(bytes, at - 10);
    }
    header().copy(bytes, at);
    const found = await searchPclntab(bufferSource(bytes), [{ offset: 0, size: bytes.length }], true);
    assert.deepEqual(found, { offset: at, size: bytes.length - at });
  });
}

test('no header: null, whatever the 0xff runs', async () => {
  const bytes = Buffer.alloc(CHUNK + 64, 0xff);
  assert.equal(await searchPclntab(bufferSource(bytes), [{ offset: 0, size: bytes.length }], true), null);
});
