// A binary's findings point at the repository, not at the build output: the main package's
// source file (its package clause line), with the binary named in the message and in a SARIF
// property; and every finding is logged inside the group of the stage that made it. Real go
// builds of a module made here, SARIF checked by sarif-multitool.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runGate } from '../../src/run.ts';
import type { Location } from '../../src/pipeline/findings.ts';
import type { Logger } from '../../src/ports/ports.ts';
import { recordingPorts } from '../support/context.ts';
import { sarifProblems } from '../support/sarif.ts';
import { removeTree } from '../../src/cache/disk.ts';
import { mainPackageSource, moduleRoots } from '../../src/report/sources.ts';

function tzModule(): string {
  const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'grg-locations-')));
  fs.writeFileSync(path.join(ws, 'go.mod'), 'module example.com/tzapp\n\ngo 1.22\n');
  fs.mkdirSync(path.join(ws, 'cmd', 'tzapp'), { recursive: true });
  // a.go sorts first but does not declare main: the file with func main is the location.
  fs.writeFileSync(path.join(ws, 'cmd', 'tzapp', 'a.go'), 'package main\n\nconst zone = "Europe/Paris"\n');
  fs.writeFileSync(path.join(ws, 'cmd', 'tzapp', 'main.go'), '// Command tzapp prints the time in Paris.\n\npackage main\n\nimport (\n\t"fmt"\n\t"time"\n)\n\nfunc main() {\n\tloc, err := time.LoadLocation(zone)\n\tfmt.Println(loc, err)\n}\n');
  return ws;
}

interface Logged { group: string; level: string; message: string; location?: Location }

function groupLogger(): Logger & { logged: Logged[] } {
  const logged: Logged[] = [];
  let group = '';
  const push = (level: string) => (message: string, location?: Location) => void logged.push({ group, level, message, ...(location ? { location } : {}) });
  return {
    logged,
    info: push('info'),
    debug: () => undefined,
    warning: push('warning'),
    error: push('error'),
    async group(name, fn) {
      group = name;
      try {
        return await fn();
      } finally {
        group = '';
      }
    },
    mask: () => undefined,
  };
}

test('a windows binary\'s tzdata warning sits on its main package\'s package clause, is logged in the inspect group, and the SARIF validates', async (t) => {
  const ws = tzModule();
  t.onTestFinished(() => removeTree(ws));
  const env = { ...process.env, GITHUB_EVENT_NAME: '', GITHUB_REF: '', GITHUB_EVENT_PATH: '', GOTOOLCHAIN: 'local', GOFLAGS: '-buildvcs=false', GOPROXY: 'off' };
  const { ports } = recordingPorts({ workspace: ws, env });
  const log = groupLogger();
  const outcome = await runGate({ targets: 'linux/amd64,darwin/arm64,windows/amd64', 'go-version': 'system', scan: 'off' }, { ...ports, log });
  assert.ok(outcome.result.verdict.passed, outcome.result.verdict.reasons.join('\n'));
  const tz = outcome.result.findings.filter((f) => f.ruleId === 'inspect/missing-tzdata');
  assert.deepEqual(tz.map((f) => f.location), [{ file: 'cmd/tzapp/main.go', line: 3, artifact: 'gate-out/tzapp_windows_amd64.exe' }]);
  assert.match(tz[0].message, /^gate-out\/tzapp_windows_amd64\.exe calls time\.LoadLocation/);

  const doc = JSON.parse(fs.readFileSync(outcome.files.sarif, 'utf8'));
  const result = doc.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'inspect/missing-tzdata');
  assert.deepEqual(result.locations[0].physicalLocation, { artifactLocation: { uri: 'cmd/tzapp/main.go', uriBaseId: '%SRCROOT%' }, region: { startLine: 3 } });
  assert.equal(result.properties.artifact, 'gate-out/tzapp_windows_amd64.exe');
  assert.match(result.message.text, /tzapp_windows_amd64\.exe/);
  for (const r of doc.runs.flatMap((run: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }) => run.results)) {
    assert.doesNotMatch(r.locations[0].physicalLocation.artifactLocation.uri, /^gate-out\//, 'no result on a build output');
  }
  assert.deepEqual(await sarifProblems(outcome.files.sarif), []);

  // The annotation is printed inside the inspect group, on the source file.
  const annotations = log.logged.filter((l) => l.level === 'warning' || l.level === 'error');
  const tzLine = annotations.find((l) => l.message.startsWith('inspect/missing-tzdata:'));
  assert.deepEqual([tzLine?.group, tzLine?.location], ['inspect', { file: 'cmd/tzapp/main.go', line: 3 }]);
  assert.deepEqual(annotations.filter((l) => l.group === ''), [], 'no finding logged outside its stage');
  // The summary names the binary.
  assert.match(fs.readFileSync(outcome.files.summary, 'utf8'), /<code>gate-out\/tzapp_windows_amd64\.exe<\/code>/);
});

test('mainPackageSource: the package in a go.work module, a root main package, and the go.mod when no file is there', () => {
  const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'grg-sources-')));
  try {
    fs.writeFileSync(path.join(ws, 'go.work'), 'go 1.22\n\nuse (\n\t./svc // the service\n\t"./tools"\n)\n');
    fs.mkdirSync(path.join(ws, 'svc', 'cmd', 'api'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'svc', 'go.mod'), '// svc\nmodule example.com/svc\n\ngo 1.22\n');
    fs.writeFileSync(path.join(ws, 'svc', 'cmd', 'api', 'main.go'), 'package main\n\nfunc main() {}\n');
    fs.mkdirSync(path.join(ws, 'tools'));
    fs.writeFileSync(path.join(ws, 'tools', 'go.mod'), 'module example.com/tools\n');
    fs.writeFileSync(path.join(ws, 'tools', 'gen.go'), '//go:build ignore\n\n// gen\npackage main\n');
    const roots = moduleRoots(ws);
    assert.deepEqual(roots.map((r) => r.path), ['example.com/svc', 'example.com/tools']);
    assert.deepEqual(mainPackageSource(ws, roots, 'example.com/svc/cmd/api'), { file: 'svc/cmd/api/main.go', line: 1 });
    assert.deepEqual(mainPackageSource(ws, roots, 'example.com/tools'), { file: 'tools/gen.go', line: 4 });
    assert.deepEqual(mainPackageSource(ws, roots, 'example.com/svc/cmd/gone'), { file: 'svc/go.mod', line: 2 });
    assert.equal(mainPackageSource(ws, roots, 'example.com/other'), undefined);
    assert.equal(mainPackageSource(ws, roots, 'example.com/svcx'), undefined, 'a prefix of the path is not the module');
  } finally {
    removeTree(ws);
  }
});
