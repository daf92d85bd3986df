import { test } from 'vitest';
import assert from 'node:assert/strict';
import path from 'node:path';
import { displayPath } from '../../src/util/path.ts';

test('displayPath: workspace-relative with / inside the workspace, absolute outside', () => {
  const ws = path.join(path.sep, 'w', 'repo');
  assert.equal(displayPath(ws, path.join(ws, 'cmd', 'app', 'main.go')), 'cmd/app/main.go');
  assert.equal(displayPath(ws, ws), '');
  assert.equal(displayPath(ws, path.join(path.sep, 'w', 'repo-other', 'x')), path.join(path.sep, 'w', 'repo-other', 'x'));
  assert.equal(displayPath(ws, path.join(path.sep, 'tmp', 'out', 'app')), path.join(path.sep, 'tmp', 'out', 'app'));
});
