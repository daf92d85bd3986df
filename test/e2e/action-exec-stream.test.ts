// dist/main.js as the runner starts it: the go compiler's stderr streams into the job log
// inside the build stage's ::group::, and a compile error that echoes a workflow command
// (a //line directive names the file "::error::x") is shown neutralised, never obeyed.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Runner } from '../support/runner.ts';
import { commandLines } from '../support/workflow-commands.ts';

/** The lines between `::group::<name>` and the next `::endgroup::`. */
function groupLines(stdout: string, name: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.indexOf(`::group::${name}`);
  assert.ok(start >= 0, `no ::group::${name} in\n${stdout}`);
  const end = lines.indexOf('::endgroup::', start);
  assert.ok(end > start, `::group::${name} is never closed`);
  return lines.slice(start + 1, end);
}

test('the compiler\'s lines stream inside the build group, and its hostile text stays neutralised', async () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-ws-'));
  fs.writeFileSync(path.join(ws, 'go.mod'), 'module example.com/hostile\n\ngo 1.22\n');
  fs.writeFileSync(path.join(ws, 'main.go'), 'package main\n\nfunc main() {\n//line ::error::x:1\n\tmissing()\n}\n');
  const runner = new Runner({ workspace: ws, inputs: { targets: 'linux/amd64' } });
  const main = await runner.main();
  assert.equal(main.code, 1, main.stdout + main.stderr);
  assert.equal(main.outputs.verdict, 'fail');

  const build = groupLines(main.stdout, 'build');
  assert.ok(build.some((l) => /^\[command\]\S*go build .*-o /.test(l)), `the go build command line is shown in its group:\n${build.join('\n')}`);
  assert.ok(build.includes('# example.com/hostile'), `go's own stderr streams in the group:\n${build.join('\n')}`);
  assert.ok(build.includes(':\u00b7:error::x:1: undefined: missing'), `the compile error is shown, neutralised:\n${build.join('\n')}`);

  // No line of the whole step is a command carrying the hostile text: only @actions/core's
  // own (escaped) annotations start with "::".
  for (const l of commandLines(main.stdout)) assert.ok(!/^::error::x/.test(l), `obeyed as a command: ${l}`);
  assert.ok(!commandLines(main.stdout).some((l) => l.startsWith('::add-mask::') || l.startsWith('::error::x')));
  assert.equal((await runner.post()).code, 0);
});
