// The Action's main step: read INPUT_*, hand in the ports, run the gate, fail the step on a
// failing verdict. Nothing else lives here.
import * as core from '@actions/core';
import os from 'node:os';
import { INPUTS } from '../config/inputs.ts';
import { ConfigError } from '../config/config.ts';
import { runGate } from '../run.ts';
import { renderConfigErrorSummary } from '../report/summary.ts';
import { actionLogger, actionOutputs, actionState, actionTools } from './adapters.ts';
import { actionCacheStore } from './cache-store.ts';
import { actionExec } from './exec.ts';

function platform() {
  return { os: process.env.RUNNER_OS ?? os.type(), arch: process.env.RUNNER_ARCH ?? process.arch.toUpperCase() };
}

async function main(): Promise<void> {
  const inputs: Record<string, string> = {};
  for (const spec of INPUTS) if (!spec.cliOnly) inputs[spec.name] = core.getInput(spec.name);
  const outcome = await runGate(inputs, {
    exec: actionExec(actionLogger),
    log: actionLogger,
    tools: actionTools,
    state: actionState,
    outputs: actionOutputs,
    cache: actionCacheStore(),
    env: process.env,
    tempDir: process.env.RUNNER_TEMP ?? os.tmpdir(),
    workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    platform: platform(),
  });
  const v = outcome.result.verdict;
  if (v.passed) core.info('go-release-gate: pass');
  else core.setFailed(`go-release-gate: fail\n${v.reasons.map((r) => `- ${r}`).join('\n')}`);
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
