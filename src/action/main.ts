// The Action's main step: read INPUT_*, hand in the ports, run the gate, fail the step on a
// failing verdict. With shard: i/n it runs the shard pipeline and uploads the bundle as an
// artifact; with mode: merge it downloads this run's bundles, merges them and (on a release) signs
// the merged set. Nothing else lives here.
import * as core from '@actions/core';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { INPUTS } from '../config/inputs.ts';
import { ConfigError, parseConfig } from '../config/config.ts';
import { runGate } from '../run.ts';
import type { Ports } from '../ports/ports.ts';
import type { Verdict } from '../pipeline/gate.ts';
import { renderConfigErrorSummary } from '../report/summary.ts';
import { actionIdToken, actionLogger, actionOutputs, actionState, actionTools } from './adapters.ts';
import { actionCacheStore } from './cache-store.ts';
import { actionBundleStore } from './artifact-store.ts';
import { runShard } from '../fanout/shard.ts';
import { runMerge } from '../fanout/merge-run.ts';
import { shardLabel } from '../fanout/split.ts';
import { bundleName, bundlePrefix } from '../fanout/store.ts';
import { actionExec } from './exec.ts';

function platform() {
  return { os: process.env.RUNNER_OS ?? os.type(), arch: process.env.RUNNER_ARCH ?? process.arch.toUpperCase() };
}

function conclude(v: Verdict, what = 'go-release-gate'): void {
  if (v.passed) core.info(`${what}: pass`);
  else core.setFailed(`${what}: fail\n${v.reasons.map((r) => `- ${r}`).join('\n')}`);
}

function runId(): string {
  const id = process.env.GITHUB_RUN_ID ?? '';
  if (!/^\d+$/.test(id)) throw new Error('GITHUB_RUN_ID is not set: shard bundles are named after the workflow run');
  return id;
}

async function shardStep(inputs: Record<string, string>, ports: Ports): Promise<void> {
  const outcome = await runShard(inputs, ports);
  const label = shardLabel(outcome.shard);
  const name = bundleName(runId(), outcome.shard);
  // Only what this run wrote: a stale file in the output directory never travels to the merge.
  const files = outcome.out.produced().map((n) => path.join(outcome.out.dir, n));
  try {
    // A failed shard uploads too: the merge then names it and says why it failed.
    await actionBundleStore().upload(name, outcome.out.dir, files);
    core.info(`shard ${label}: bundle uploaded as artifact ${name} (${files.length} files)`);
  } catch (e) {
    const reason = `shard ${label}: the bundle could not be uploaded as artifact ${name}: ${e instanceof Error ? e.message : String(e)}; the merge job will miss this shard`;
    core.setOutput('verdict', 'fail');
    core.setOutput('reasons', JSON.stringify([...outcome.result.verdict.reasons, reason]));
    core.setFailed(`go-release-gate: fail\n- ${reason}`);
    return;
  }
  conclude(outcome.result.verdict, `go-release-gate shard ${label}`);
}

async function mergeStep(inputs: Record<string, string>, ports: Ports): Promise<void> {
  const config = parseConfig(inputs, { workspace: ports.workspace, env: ports.env, writableRoots: [ports.tempDir] });
  const id = runId();
  const store = actionBundleStore();
  const names = await store.list(bundlePrefix(id));
  if (names.length === 0) core.warning(`no shard bundle was uploaded in workflow run ${id} (artifacts named ${bundlePrefix(id)}*): did the shard jobs run, and does this job need them?`);
  const root = fs.mkdtempSync(path.join(ports.tempDir, 'grg-bundles-'));
  const sources: { dir: string; name: string }[] = [];
  const unavailable: { name: string; message: string }[] = [];
  for (const name of names) {
    const dir = path.join(root, name);
    try {
      await store.download(name, dir);
      sources.push({ dir, name });
    } catch (e) {
      unavailable.push({ name, message: `the artifact could not be downloaded: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  try {
    const outcome = await runMerge({
      outDir: config.outDir,
      sources,
      unavailable: names.length ? unavailable : [{ name: `${bundlePrefix(id)}*`, message: `no shard bundle in workflow run ${id}` }],
      whereMissing: (i, n) => `no artifact ${bundleName(id, { index: i, count: n })} in workflow run ${id} (its job failed before uploading, or was cancelled)`,
      workspace: ports.workspace,
      log: ports.log,
      outputs: ports.outputs,
      // Signs on a release, as an unsharded run's sign stage would: same inputs, same event.
      sign: { config, ports },
    });
    conclude(outcome.record.verdict, 'go-release-gate merge');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const inputs: Record<string, string> = {};
  for (const spec of INPUTS) if (!spec.cliOnly) inputs[spec.name] = core.getInput(spec.name);
  const ports: Ports = {
    exec: actionExec(actionLogger),
    log: actionLogger,
    tools: actionTools,
    state: actionState,
    outputs: actionOutputs,
    cache: actionCacheStore(),
    idToken: actionIdToken(process.env),
    env: process.env,
    tempDir: process.env.RUNNER_TEMP ?? os.tmpdir(),
    workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    platform: platform(),
  };
  if (inputs.mode === 'merge') return mergeStep(inputs, ports);
  if (inputs.shard) return shardStep(inputs, ports);
  const outcome = await runGate(inputs, ports);
  conclude(outcome.result.verdict);
}

main()
  .catch(async (e: unknown) => {
    const msg = e instanceof ConfigError ? e.message : `go-release-gate crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    core.setOutput('verdict', 'fail');
    core.setOutput('reasons', JSON.stringify([e instanceof Error ? e.message : String(e)]));
    core.setFailed(msg);
    await core.summary.addRaw(renderConfigErrorSummary(msg, e instanceof ConfigError)).write().catch(() => undefined);
  })
  // A cache-service socket that never answers keeps Node's event loop alive after the gate
  // has moved on: everything is written by now, so end the step explicitly.
  .finally(() => process.exit(process.exitCode ?? 0));
