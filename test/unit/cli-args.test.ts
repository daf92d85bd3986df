import { test } from 'vitest';
import assert from 'node:assert/strict';
import { parseArgs, usage } from '../../src/cli/args.ts';
import { INPUTS } from '../../src/config/inputs.ts';

test('every input is a flag, --dir/--out are aliases, = and space forms both work', () => {
  const p = parseArgs(['run', '--dir', 'mod', '--out=o', '--targets', 'linux/amd64', '--targets', 'linux/arm64', '--cgo', '--go-version=1.26.x']);
  assert.equal(p.command, 'run');
  assert.deepEqual(p.inputs, { 'working-directory': 'mod', 'output-dir': 'o', targets: 'linux/amd64,linux/arm64', cgo: 'true', 'go-version': '1.26.x' });
  assert.deepEqual(parseArgs(['run', '--strip', 'false']).inputs, { strip: 'false' });
  for (const i of INPUTS) if (!i.actionOnly) assert.ok(usage().includes(i.name === 'working-directory' ? '--dir' : i.name === 'output-dir' ? '--out' : `--${i.name}`), i.name);
});

test('unknown flags and missing values are configuration errors naming the flag', () => {
  assert.throws(() => parseArgs(['run', '--nope', 'x']), /input nope: unknown flag --nope/);
  assert.throws(() => parseArgs(['run', '--targets']), /--targets needs a value/);
});
