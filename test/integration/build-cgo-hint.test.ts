// A package that needs cgo, built with cgo off: the build finding says why and what to do
// (Go itself only says "build constraints exclude all Go files"). With cgo: true it builds, and
// run-on then checks the glibc it was linked against, through the CLI front door (dist/cli.js).
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';

function workspace(): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-cgo-'));
  const files: Record<string, string> = {
    'go.mod': 'module example.com/c\n\ngo 1.21\n',
    'cmd/direct/main.go': 'package main\n\n// int two(void) { return 2; }\nimport "C"\n\nfunc main() { println(C.two()) }\n',
    'lib/lib.go': 'package lib\n\n// int three(void) { return 3; }\nimport "C"\n\nfunc Three() int { return int(C.three()) }\n',
    'cmd/viadep/main.go': 'package main\n\nimport "example.com/c/lib"\n\nfunc main() { println(lib.Three()) }\n',
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(ws, name)), { recursive: true });
    fs.writeFileSync(path.join(ws, name), text);
  }
  return ws;
}

const findings = (ws: string) => {
  const report = JSON.parse(fs.readFileSync(path.join(ws, 'gate-out', 'report.json'), 'utf8'));
  return report.findings as Array<{ ruleId: string; message: string }>;
};

test('cgo off: the compile failure names the files that need cgo and says to set cgo: true, then run-on', async () => {
  const ws = workspace();
  const r = await runCli(['run', '--dir', '.', '--targets', 'linux/amd64', '--out', 'gate-out', '--scan', 'off'], { cwd: ws });
  assert.equal(r.code, 1, r.stderr + r.stdout);
  const compile = findings(ws).filter((f: { ruleId: string }) => f.ruleId === 'build/compile-failed').map((f: { message: string }) => f.message).sort();
  const tail = ', and cgo is off, so Go reports "build constraints exclude all Go files". Set cgo: true to build it, then name the hosts it must run on in run-on: a cgo binary needs the C library (and glibc version) it was linked against';
  assert.deepEqual(compile, [
    `linux/amd64 example.com/c/cmd/direct: the Go files in cmd/direct need cgo (main.go: import "C" or a cgo build constraint)${tail}`,
    `linux/amd64 example.com/c/cmd/viadep: the Go files in lib need cgo (lib.go: import "C" or a cgo build constraint)${tail}`,
  ]);
});

test('cgo: true builds it, and run-on centos-7 fails on the glibc it was linked against', async () => {
  const ws = workspace();
  const r = await runCli(['run', '--dir', '.', '--targets', 'linux/amd64', '--out', 'gate-out', '--scan', 'off', '--cgo', 'true', '--strip', 'false', '--run-on', 'centos-7,debian-12', '--packages', './cmd/direct'], { cwd: ws });
  assert.equal(r.code, 1, r.stderr + r.stdout);
  const glibc = findings(ws).filter((f: { ruleId: string }) => f.ruleId === 'inspect/glibc-too-new');
  assert.equal(glibc.length, 1, JSON.stringify(findings(ws)));
  assert.match(glibc[0].message, /^gate-out\/direct_linux_amd64 does not run on centos-7: needs GLIBC_2\.\d+, centos-7 has 2\.17$/);
  const summary = fs.readFileSync(path.join(ws, 'gate-out', 'summary.md'), 'utf8');
  assert.match(summary, /\| Runs on centos-7 \| Runs on debian-12 \|/);
  assert.match(summary, /❌ needs GLIBC_2\.\d+, centos-7 has 2\.17 \| ✅ \|/);
});
