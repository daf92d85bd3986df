import { test } from 'vitest';
import assert from 'node:assert/strict';
import { buildShare } from '../../src/build/cores.ts';

test('builds at once share the cores: GOMAXPROCS is the cores over the builds, at least 1', () => {
  assert.deepEqual(buildShare({}, 2, 4), { GOMAXPROCS: '1' });
  assert.deepEqual(buildShare({}, 2, 2), { GOMAXPROCS: '1' });
  assert.deepEqual(buildShare({}, 4, 4), { GOMAXPROCS: '1' });
  assert.deepEqual(buildShare({}, 4, 12), { GOMAXPROCS: '1' });
  assert.deepEqual(buildShare({}, 8, 3), { GOMAXPROCS: '2' });
  assert.deepEqual(buildShare({}, 4, 3), { GOMAXPROCS: '1' });
});

test('a build with every core, or a GOMAXPROCS the user set, gets nothing added', () => {
  assert.deepEqual(buildShare({}, 2, 1), {});
  assert.deepEqual(buildShare({}, 1, 4), {});
  assert.deepEqual(buildShare({}, 4, 0), {});
  assert.deepEqual(buildShare({ GOMAXPROCS: '3' }, 2, 4), {});
  assert.deepEqual(buildShare({ GOMAXPROCS: '' }, 2, 4), { GOMAXPROCS: '1' });
});
