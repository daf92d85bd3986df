// Installing Trivy as the gate does on a bare runner: the real pinned Trivy, packed as a release
// archive, served by a loopback "release downloads" server with its checksums file; the CLI's
// tool cache adapter; the digest table handed in by the test. The release's checksums file
// always agrees with what is served: it must never be what lets an archive in.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { localTools } from '../../src/cli/adapters.ts';
import { installTrivy, TrivyVersionError, type TrivyDigestTable } from '../../src/tools/trivy.ts';
import { InstallError } from '../../src/tools/install.ts';
import { startReleaseServer, type ReleaseFaults } from '../support/release-server.ts';
import { trivyArchive, trivyReleaseFiles } from '../support/trivy-release.ts';
import { recordingPorts } from '../support/context.ts';
import { tempDir } from '../support/gomodules.ts';

type T = { onTestFinished(fn: () => unknown): void };
const V = '0.74.0';
const ASSET = `trivy_${V}_Linux-64bit.tar.gz`;

async function setup(t: T, version: string, faults: ReleaseFaults = {}) {
  const archive = trivyArchive();
  const dir = tempDir(t, 'grg-trivy-rel-');
  const server = await startReleaseServer(trivyReleaseFiles(version, archive, dir), faults);
  t.onTestFinished(() => server.close());
  const tools = localTools(path.join(dir, 'tool-cache'), path.join(dir, 'tmp'));
  const { ports, rec } = recordingPorts({ workspace: dir, tempDir: dir, tools });
  const req = (extra: Partial<Parameters<typeof installTrivy>[2]> = {}) => ({
    version, baseUrl: server.url, os: 'Linux', arch: 'X64', nodeArch: 'x64', userSha256: '', ...extra,
  });
  return { archive, server, tools, log: ports.log, rec, req };
}

const tableWith = (sha256: string): TrivyDigestTable => ({ [V]: { [ASSET]: { sha256, source: 'the test table' } } });

test('digest matches the table: installed into the tool cache and runs; a second run uses the tool cache with no request', async (t) => {
  const s = await setup(t, V);
  const got = await installTrivy(s.tools, s.log, s.req({ table: tableWith(s.archive.sha256) }));
  assert.equal(got.source, 'download');
  assert.equal(got.sha256, s.archive.sha256);
  assert.match(got.digestSource ?? '', /the test table/);
  assert.equal(s.tools.find('trivy', V, 'x64'), path.dirname(got.bin));
  assert.match(execFileSync(got.bin, ['--version'], { encoding: 'utf8' }), /Version: 0\.74\.0/);
  assert.deepEqual(s.server.requests, [`/download/v${V}/${ASSET}`], 'only the archive: never the checksums file');

  const again = await installTrivy(s.tools, s.log, s.req({ table: tableWith(s.archive.sha256) }));
  assert.equal(again.source, 'tool-cache');
  assert.equal(again.bin, got.bin);
  assert.equal(s.server.requests.length, 1, 'the second run made no request');
});

test('table mismatch while the release checksums file agrees: refused, nothing cached or extracted', async (t) => {
  const s = await setup(t, V);
  // The real release's digest: our served archive is "a swapped release" with matching checksums.
  const table = tableWith('2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a');
  const sums = fs.readFileSync(Object.values(trivyReleaseFiles(V, s.archive, tempDir(t, 'grg-sums-')))[1], 'utf8');
  assert.ok(sums.startsWith(s.archive.sha256), 'the served checksums file vouches for the served archive');
  await assert.rejects(installTrivy(s.tools, s.log, s.req({ table })), (e: unknown) => {
    assert.ok(e instanceof InstallError && e.kind === 'checksum', String(e));
    assert.match(e.message, new RegExp(`SHA-256 mismatch for ${ASSET}.*expected 2ae6fe3e.*got ${s.archive.sha256}; it was not extracted or run`));
    return true;
  });
  assert.equal(s.tools.find('trivy', V, 'x64'), undefined);
});

test('404: the install fails naming the URL and the status', async (t) => {
  const s = await setup(t, V, { status: 404 });
  await assert.rejects(installTrivy(s.tools, s.log, s.req({ table: tableWith(s.archive.sha256) })), (e: unknown) => {
    assert.ok(e instanceof InstallError && e.kind === 'download', String(e));
    assert.ok(e.message.includes(`${s.server.url}/v${V}/${ASSET}`), e.message);
    assert.match(e.message, /404/);
    return true;
  });
  assert.equal(s.server.requests.length, 1, '404 is not retried');
});

test('500 then 200: retried, then installed', async (t) => {
  const s = await setup(t, V, { failFirst: 1 });
  const got = await installTrivy(s.tools, s.log, s.req({ table: tableWith(s.archive.sha256) }));
  assert.equal(got.source, 'download');
  assert.equal(s.server.requests.length, 2);
});

test('a truncated body is never installed', async (t) => {
  const s = await setup(t, V, { cutBody: 0.5 });
  await assert.rejects(installTrivy(s.tools, s.log, s.req({ table: tableWith(s.archive.sha256) })), (e: unknown) => {
    assert.ok(e instanceof InstallError, String(e));
    assert.match(e.message, /truncated|closed|aborted|socket|terminated|mismatch/i);
    return true;
  });
  assert.equal(s.tools.find('trivy', V, 'x64'), undefined);
});

test('a version outside the table: refused without trivy-sha256 (the release checksums do not count), accepted with it', async (t) => {
  const s = await setup(t, '0.99.0');
  await assert.rejects(installTrivy(s.tools, s.log, s.req({ table: tableWith(s.archive.sha256) })), (e: unknown) => {
    assert.ok(e instanceof TrivyVersionError, String(e));
    assert.match(e.message, /Trivy 0\.99\.0 \(trivy_0\.99\.0_Linux-64bit\.tar\.gz\) is not in go-release-gate's digest table.*checksums file cannot vouch.*set trivy-sha256/);
    return true;
  });
  assert.deepEqual(s.server.requests, [], 'nothing was downloaded');

  const got = await installTrivy(s.tools, s.log, s.req({ table: tableWith(s.archive.sha256), userSha256: s.archive.sha256 }));
  assert.equal(got.source, 'download');
  assert.equal(got.digestSource, 'the trivy-sha256 input');
  assert.equal(s.tools.find('trivy', '0.99.0', 'x64'), path.dirname(got.bin));

  // A wrong trivy-sha256 is a mismatch like any other.
  const s2 = await setup(t, '0.99.1');
  await assert.rejects(installTrivy(s2.tools, s2.log, s2.req({ userSha256: 'f'.repeat(64) })), /SHA-256 mismatch/);
});

test('v0.69.4 is refused by name, whatever digest is offered, before any request', async (t) => {
  const s = await setup(t, '0.69.4');
  for (const userSha256 of ['', s.archive.sha256]) {
    const table: TrivyDigestTable = { '0.69.4': { 'trivy_0.69.4_Linux-64bit.tar.gz': { sha256: s.archive.sha256, source: 'test' } } };
    await assert.rejects(installTrivy(s.tools, s.log, s.req({ table, userSha256 })), (e: unknown) => {
      assert.ok(e instanceof TrivyVersionError, String(e));
      assert.match(e.message, /Trivy 0\.69\.4 is refused: it is the malicious release .*GHSA-69fq-xp46-6x23/);
      return true;
    });
  }
  assert.deepEqual(s.server.requests, []);
});
