// A pull request that commits a trivy.yaml telling Trivy to skip go.mod and the binaries, on a
// module requiring golang.org/x/text v0.3.7 (CVE-2022-32149, HIGH): dist/main.js as the runner
// starts it still finds the advisory at both places and fails the step.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { Runner } from '../support/runner.ts';
import { eventPayload } from '../support/gate.ts';
import { go, goTestEnv, tempDir, writeFiles } from '../support/gomodules.ts';
import { fixtureTrivyCache, trivyBin, VULN_MAIN, vulnGoMod } from '../support/trivy.ts';
import { runnerCommands } from '../support/workflow-commands.ts';

const SKIP = '["**/go.mod", "**/*_linux_amd64"]';

test('pull_request with a committed trivy.yaml that skips go.mod and the binaries: the advisory still fails the gate', async (t) => {
  const ws = tempDir(t, 'grg-silenced-');
  // As filed (top level) and where Trivy reads it (scan.skip-files).
  writeFiles(ws, { 'go.mod': vulnGoMod('v0.3.7'), 'main.go': VULN_MAIN, 'trivy.yaml': `skip-files: ${SKIP}\nscan:\n  skip-files: ${SKIP}\n` });
  go(['mod', 'tidy'], ws);
  const e = goTestEnv();
  const runner = new Runner({
    workspace: ws,
    eventName: 'pull_request',
    ref: 'refs/pull/42/merge',
    event: eventPayload('pull_request'),
    inputs: { targets: 'linux/amd64', scan: 'on', 'trivy-path': trivyBin(), 'trivy-cache-dir': fixtureTrivyCache(t), 'trivy-skip-db-update': 'true', cache: 'off' },
    env: { GOMODCACHE: e.GOMODCACHE, GOTOOLCHAIN: e.GOTOOLCHAIN, GOFLAGS: e.GOFLAGS },
  });
  const main = await runner.main();
  assert.equal(main.code, 1, main.stdout + main.stderr);
  assert.equal(main.outputs.verdict, 'fail');
  const reasons = JSON.parse(main.outputs.reasons) as string[];
  const r = reasons.find((x) => x.startsWith('scan: ') && x.includes('CVE-2022-32149'));
  assert.ok(r, reasons.join('\n'));
  assert.ok(r.includes('go.mod:5') && r.includes('gate-out/vulnapp_linux_amd64'), r);
  const annotation = runnerCommands(main.stdout).find((c) => c.name === 'error' && c.properties.file === 'go.mod' && c.data.startsWith('scan/cve-2022-32149:'));
  assert.ok(annotation, 'an error annotation on go.mod');
  assert.equal(annotation.properties.line, '5');
});
