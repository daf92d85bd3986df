import { test } from 'vitest';
import assert from 'node:assert/strict';
import { describeNetworkError } from '../../src/util/neterror.ts';

test('fetch failed is unwrapped to its cause', () => {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4321'), { code: 'ECONNREFUSED' });
  assert.equal(describeNetworkError(new TypeError('fetch failed', { cause })), 'connect ECONNREFUSED 127.0.0.1:4321');
});

test('an AggregateError (localhost tried on ::1 and 127.0.0.1) names every address once', () => {
  const a = Object.assign(new Error('connect ECONNREFUSED ::1:9'), { code: 'ECONNREFUSED' });
  const b = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
  const agg = Object.assign(new AggregateError([a, b, b], ''), { code: 'ECONNREFUSED' });
  assert.equal(describeNetworkError(new TypeError('fetch failed', { cause: agg })), 'ECONNREFUSED: connect ECONNREFUSED ::1:9; connect ECONNREFUSED 127.0.0.1:9');
});

test('a code without a message, and plain errors, stay readable', () => {
  assert.equal(describeNetworkError(new TypeError('fetch failed', { cause: Object.assign(new Error(''), { code: 'UND_ERR_SOCKET' }) })), 'UND_ERR_SOCKET');
  assert.equal(describeNetworkError(new Error('getaddrinfo ENOTFOUND mirror.example')), 'getaddrinfo ENOTFOUND mirror.example');
  assert.equal(describeNetworkError(new TypeError('fetch failed')), 'fetch failed');
  assert.equal(describeNetworkError('boom'), 'boom');
});
