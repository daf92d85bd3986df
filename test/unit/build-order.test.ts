// The order in which the targets' builds start (src/build/order.ts): Windows first, then Darwin
// and iOS, then every other target, each group in the order the targets were given.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { buildOrder } from '../../src/build/order.ts';
import type { Target } from '../../src/config/config.ts';

const t = (s: string): Target => {
  const [goos, goarch] = s.split('/');
  return { goos, goarch };
};
const names = (ts: Target[]) => ts.map((x) => `${x.goos}/${x.goarch}`);

test('buildOrder: Windows targets start first, then Darwin and iOS, then the rest, each in the order given', () => {
  const given = ['linux/amd64', 'linux/arm64', 'darwin/arm64', 'windows/amd64', 'freebsd/amd64', 'ios/arm64', 'windows/arm64', 'darwin/amd64', 'js/wasm'].map(t);
  assert.deepEqual(names(buildOrder(given, (x) => x)), ['windows/amd64', 'windows/arm64', 'darwin/arm64', 'ios/arm64', 'darwin/amd64', 'linux/amd64', 'linux/arm64', 'freebsd/amd64', 'js/wasm']);
  // Already in that order, or with no Windows or Darwin target at all: unchanged.
  const ordered = ['windows/386', 'darwin/arm64', 'linux/386'].map(t);
  assert.deepEqual(names(buildOrder(ordered, (x) => x)), names(ordered));
  const elfOnly = ['linux/s390x', 'linux/amd64', 'netbsd/arm'].map(t);
  assert.deepEqual(names(buildOrder(elfOnly, (x) => x)), names(elfOnly));
  // The input is left as it was.
  assert.deepEqual(names(given)[0], 'linux/amd64');
  assert.deepEqual(names(given), ['linux/amd64', 'linux/arm64', 'darwin/arm64', 'windows/amd64', 'freebsd/amd64', 'ios/arm64', 'windows/arm64', 'darwin/amd64', 'js/wasm']);
});

test('buildOrder: orders any item by the target it names, several items of one target kept together in their order', () => {
  const jobs = [
    { pkg: 'a', target: t('linux/amd64') },
    { pkg: 'b', target: t('linux/amd64') },
    { pkg: 'a', target: t('windows/amd64') },
    { pkg: 'b', target: t('windows/amd64') },
  ];
  assert.deepEqual(buildOrder(jobs, (j) => j.target).map((j) => `${j.target.goos}:${j.pkg}`), ['windows:a', 'windows:b', 'linux:a', 'linux:b']);
  assert.deepEqual(buildOrder([], (j: { target: Target }) => j.target), []);
});
