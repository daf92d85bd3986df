import { test } from 'vitest';
import assert from 'node:assert/strict';
import { goGcSettings } from '../../src/toolchain/gc.ts';

const GiB = 1 << 30;

test('go processes collect garbage less often, bounded by one core\'s share of memory', () => {
  assert.deepEqual(goGcSettings({}, { totalMemBytes: 16 * GiB, cores: 4 }), { GOGC: '400', GOMEMLIMIT: '4096MiB' });
  assert.deepEqual(goGcSettings({}, { totalMemBytes: 7 * GiB, cores: 2 }), { GOGC: '400', GOMEMLIMIT: '3584MiB' });
  assert.deepEqual(goGcSettings({ GOGC: '' }, { totalMemBytes: 24 * GiB, cores: 2 }), { GOGC: '400', GOMEMLIMIT: '12288MiB' });
});

test('a GOGC or GOMEMLIMIT the user set is left alone, and so is a machine with little memory a core', () => {
  assert.deepEqual(goGcSettings({ GOGC: '100' }, { totalMemBytes: 16 * GiB, cores: 4 }), {});
  assert.deepEqual(goGcSettings({ GOGC: 'off' }, { totalMemBytes: 16 * GiB, cores: 4 }), {});
  assert.deepEqual(goGcSettings({ GOMEMLIMIT: '2GiB' }, { totalMemBytes: 16 * GiB, cores: 4 }), {});
  assert.deepEqual(goGcSettings({}, { totalMemBytes: 3 * GiB, cores: 4 }), {});
  assert.deepEqual(goGcSettings({}, { totalMemBytes: Number.NaN, cores: 4 }), {});
});
