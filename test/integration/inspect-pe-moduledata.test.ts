// A PE file's pcln table from Go's module data (src/inspect/pclntab.ts, pclntabFromModuledata),
// against the search through .rdata it goes before, over every PE file of the corpus (Go's own
// Windows builds and a fetched one): the same table, for a fraction of the bytes; and a program
// whose module data does not say where its text starts still has its table found by the search.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspectFile } from '../../src/inspect/binary.ts';
import { pclntabFromModuledata, searchPclntab } from '../../src/inspect/pclntab.ts';
import { readPe } from '../../src/inspect/pe.ts';
import { fileSource } from '../../src/inspect/source.ts';
import { loadCorpus } from '../support/corpus.ts';

const corpus = await loadCorpus();
const pe = corpus.files.filter((f) => fs.readFileSync(f.path).subarray(0, 2).toString('latin1') === 'MZ');

test('the corpus holds Windows binaries for 64 and 32 bits', () => {
  assert.ok(pe.some((f) => f.build?.goarch === 'amd64'), pe.map((f) => f.id).join(', '));
  assert.ok(pe.some((f) => f.build?.goarch === '386'), pe.map((f) => f.id).join(', '));
});

for (const f of pe) {
  test(`${f.id}: the module data names the table the search finds, and fewer bytes are read`, async () => {
    const src = await fileSource(f.path);
    try {
      const image = await readPe(src);
      assert.ok(image.moduledataHint, 'a PE file with text and data sections has a hint');
      const before = src.bytesRead;
      const fromData = await pclntabFromModuledata(src, image, true);
      const viaData = src.bytesRead - before;
      const searched = await searchPclntab(src, image.pclntabSearch, true);
      const viaSearch = src.bytesRead - before - viaData;
      assert.ok(searched, 'the search finds a table');
      assert.deepEqual(fromData, searched);
      assert.ok(viaData < viaSearch, `${viaData} bytes read from the module data against ${viaSearch} searched`);
    } finally {
      await src.close();
    }
  });
}

test('a Windows binary whose data section never holds its text address: the search still finds the table', async (t) => {
  const f = pe.find((x) => x.build?.goarch === 'amd64' && !x.build.flags.includes('-trimpath'));
  assert.ok(f);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-pe-'));
  t.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const copy = path.join(dir, 'copy.exe');
  const bytes = Buffer.from(fs.readFileSync(f.path));
  const src0 = await fileSource(f.path);
  const image = await readPe(src0);
  await src0.close();
  const hint = image.moduledataHint!;
  // Every word of the data section that holds the text address (minpc and its copies) becomes 0.
  const needle = Buffer.alloc(8);
  needle.writeBigUInt64LE(hint.textAddr);
  const data = bytes.subarray(hint.data.offset, hint.data.offset + hint.data.size);
  let cleared = 0;
  for (let i = data.indexOf(needle); i >= 0; i = data.indexOf(needle, i + 1)) {
    data.fill(0, i, i + 8);
    cleared++;
  }
  assert.ok(cleared > 0, 'the text address is in the data section');
  fs.writeFileSync(copy, bytes);
  const src = await fileSource(copy);
  try {
    assert.equal(await pclntabFromModuledata(src, await readPe(src), true), null);
  } finally {
    await src.close();
  }
  // Built without -trimpath: the build machine's paths are in the pcln table's file names, so
  // finding them says the table was found.
  const [original, changed] = [await inspectFile(f.path), await inspectFile(copy)];
  assert.ok(original.leakedPaths.count > 0, 'the original leaks its build paths');
  const facts = (b: typeof original) => ({ leaked: b.leakedPaths, tz: b.tzdata, loc: b.usesLoadLocation, roots: b.usesSystemRoots, embeds: b.embedsRoots });
  assert.deepEqual(facts(changed), facts(original));
  assert.ok(changed.bytesRead > original.bytesRead, `the copy was searched: ${changed.bytesRead} bytes read against ${original.bytesRead}`);
});
