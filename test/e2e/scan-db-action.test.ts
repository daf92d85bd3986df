// The Trivy DB through dist/main.js + dist/post.js as the runner starts them: @actions/cache
// unchanged against the loopback cache service, the real Trivy fetching the fixture DB from a
// real OCI registry on loopback (behind a front with a request log). The first job fetches the
// DB and its post step saves it; the next job restores it and asks the registry nothing.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { planOf, startRepo } from '../support/cache-runs.ts';
import { fixtureTrivyCache, trivyBin } from '../support/trivy.ts';
import { pushDb, startRegistry, startRegistryFront } from '../support/registry.ts';

const REPO = 'aquasecurity/trivy-db';

function scanMetrics(ws: string, outputs: Record<string, string>): Record<string, unknown> {
  const report = JSON.parse(fs.readFileSync(path.resolve(ws, outputs['report-file']), 'utf8'));
  const scan = report.stages.find((s: { name: string }) => s.name === 'scan');
  assert.ok(scan?.metrics, `the scan stage ran: ${JSON.stringify(scan)}`);
  return scan.metrics;
}

test('first job fetches the DB and its post step saves it; the next job restores it and makes no registry request', async (t) => {
  const registry = await startRegistry();
  t.onTestFinished(() => registry.close());
  pushDb(registry.host, REPO, fixtureTrivyCache(t));
  const front = await startRegistryFront(registry.host);
  t.onTestFinished(() => front.close());
  const repo = await startRepo();
  t.onTestFinished(() => repo.close());
  const inputs = { scan: 'on', 'trivy-path': trivyBin(), 'trivy-db-repository': `${front.host}/${REPO}:2` };

  const one = await repo.job({ runId: '2001', inputs });
  assert.equal(one.main.code === 0 || one.main.outputs.verdict === 'fail', true, one.main.stdout + one.main.stderr);
  const m1 = scanMetrics(repo.ws, one.main.outputs);
  assert.equal(m1.dbSource, `downloaded from ${front.host}/${REPO}:2`);
  const fetched = front.requests.length;
  assert.ok(front.requests.some((r) => /\/blobs\/sha256:[0-9a-f]+ 200$/.test(r)), front.requests.join('\n'));
  const slot = planOf(one.runner).slots.find((s) => s.kind === 'trivy-db');
  assert.ok(slot, 'the DB is in the cache plan');
  assert.ok(slot.dir.startsWith(path.join(repo.home, 'temp')) && !slot.dir.startsWith(repo.ws), `outside the workspace: ${slot.dir}`);
  assert.equal(one.post.code, 0, one.post.stdout + one.post.stderr);
  assert.ok(repo.server.entries().some((e) => e.key === slot.key), `saved as ${slot.key}: ${repo.server.entries().map((e) => e.key).join(', ')}`);
  assert.match(one.post.summary, /Trivy vulnerability DB \| saved/);

  const two = await repo.job({ runId: '2002', inputs });
  const m2 = scanMetrics(repo.ws, two.main.outputs);
  assert.match(String(m2.dbSource), new RegExp(`^restored from the cache \\(${slot.key}\\), fresh`));
  assert.equal(front.requests.length, fetched, `no registry request: ${front.requests.slice(fetched).join(', ')}`);
  assert.equal(m2.vulnerabilities, m1.vulnerabilities, 'the same DB gives the same findings');
});
