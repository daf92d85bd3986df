// The one rule for records that stand in for reading a file (src/util/stat-identity.ts).
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SETTLED_MS, settledAt, statIdentity } from '../../src/util/stat-identity.ts';

test('settledAt: only a file last changed SETTLED_MS or more before the moment', () => {
  const at = 1_000_000;
  assert.equal(settledAt({ mtimeMs: at - SETTLED_MS - 1, ctimeMs: at - SETTLED_MS - 1 }, at), true);
  assert.equal(settledAt({ mtimeMs: at - SETTLED_MS, ctimeMs: at - SETTLED_MS - 1 }, at), false);
  assert.equal(settledAt({ mtimeMs: at - SETTLED_MS - 1, ctimeMs: at - 1 }, at), false);
  // A time in the future (a clock set back) is never settled.
  assert.equal(settledAt({ mtimeMs: at + 10_000, ctimeMs: at - SETTLED_MS - 1 }, at), false);
});

test('statIdentity: a write to the file, even of the same bytes, changes it', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-identity-'));
  t.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'f');
  fs.writeFileSync(file, 'same');
  const before = statIdentity(fs.statSync(file));
  assert.equal(statIdentity(fs.statSync(file)), before);
  await new Promise((r) => setTimeout(r, 20));
  fs.writeFileSync(file, 'same');
  assert.notEqual(statIdentity(fs.statSync(file)), before);
  const st = fs.statSync(file);
  assert.equal(statIdentity(st), `${st.dev} ${st.ino} ${st.mode} ${st.size} ${st.mtimeMs} ${st.ctimeMs}`);
});
