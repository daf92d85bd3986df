import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);
import {
  actionCacheStore,
  actionLogger,
  actionOutputs,
  actionState,
  actionTools,
  getInput,
  info,
  setFailed,
  setOutput,
  summary
} from "./chunks/chunk-LEC5MKOO.js";
import {
  ConfigError,
  INPUTS,
  nodeExec,
  renderConfigErrorSummary,
  runGate
} from "./chunks/chunk-WWKSHT67.js";
import "./chunks/chunk-FZ6IWUBY.js";

// src/action/main.ts
import os from "node:os";
function platform() {
  return { os: process.env.RUNNER_OS ?? os.type(), arch: process.env.RUNNER_ARCH ?? process.arch.toUpperCase() };
}
async function main() {
  const inputs = {};
  for (const spec of INPUTS) if (!spec.cliOnly) inputs[spec.name] = getInput(spec.name);
  const outcome = await runGate(inputs, {
    exec: nodeExec,
    log: actionLogger,
    tools: actionTools,
    state: actionState,
    outputs: actionOutputs,
    cache: actionCacheStore(),
    env: process.env,
    tempDir: process.env.RUNNER_TEMP ?? os.tmpdir(),
    workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    platform: platform()
  });
  const v = outcome.result.verdict;
  if (v.passed) info("go-release-gate: pass");
  else setFailed(`go-release-gate: fail
${v.reasons.map((r) => `- ${r}`).join("\n")}`);
}
main().catch(async (e) => {
  const msg = e instanceof ConfigError ? e.message : `go-release-gate crashed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`;
  setOutput("verdict", "fail");
  setOutput("reasons", JSON.stringify([e instanceof Error ? e.message : String(e)]));
  setFailed(msg);
  await summary.addRaw(renderConfigErrorSummary(msg, e instanceof ConfigError)).write().catch(() => void 0);
}).finally(() => process.exit(process.exitCode ?? 0));
