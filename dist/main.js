import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);
import {
  actionCacheStore,
  actionLogger,
  actionOutputs,
  actionState,
  actionTools
} from "./chunks/chunk-HSIR6ARW.js";
import {
  ConfigError,
  INPUTS,
  renderConfigErrorSummary,
  runGate
} from "./chunks/chunk-HJIXKCAG.js";
import {
  exec,
  getInput,
  info,
  safeLogText,
  setFailed,
  setOutput,
  summary
} from "./chunks/chunk-YA6OGH4Q.js";

// src/action/main.ts
import os from "node:os";

// src/action/exec.ts
import diagnostics from "node:diagnostics_channel";
import { StringDecoder } from "node:string_decoder";
var MAX_CAPTURE = 64 * 1024 * 1024;
var MAX_STREAMED_LINES = 5e3;
var live = /* @__PURE__ */ new Set();
var claimed = /* @__PURE__ */ new WeakSet();
diagnostics.subscribe("child_process", (message) => {
  const child = message.process;
  if (!child) return;
  live.add(child);
  const drop = () => live.delete(child);
  child.once("exit", drop);
  child.once("error", drop);
});
function sameArgs(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
function childFor(args) {
  for (const c of live) {
    if (claimed.has(c) || c.exitCode !== null || c.signalCode !== null) continue;
    if (sameArgs((c.spawnargs ?? []).slice(1), args)) {
      claimed.add(c);
      return c;
    }
  }
  return void 0;
}
function commandLineFor(file) {
  if (file === "" || /["]/.test(file) || file !== file.trim() || file.endsWith("\\")) {
    throw new Error(`program path ${JSON.stringify(file)} cannot be run (quotes, surrounding spaces or a trailing backslash)`);
  }
  return `"${file}"`;
}
function capture() {
  const chunks = [];
  let length = 0;
  return {
    add(b) {
      if (length < MAX_CAPTURE) chunks.push(b);
      length += b.length;
    },
    text: () => Buffer.concat(chunks).toString("utf8")
  };
}
function lineSplitter(line) {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  return {
    add(b) {
      const parts = (rest + decoder.write(b)).split("\n");
      rest = parts.pop() ?? "";
      for (const p of parts) line(p.replace(/\r$/, ""));
    },
    end() {
      const last = rest + decoder.end();
      rest = "";
      if (last !== "") line(last.replace(/\r$/, ""));
    }
  };
}
function definedEnv(env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) if (v !== void 0) out[k] = v;
  return out;
}
function actionExec(log) {
  return {
    withLog: (other) => actionExec(other),
    async run(file, args, options = {}) {
      const out = capture();
      const err = capture();
      let streamed = 0;
      let unshown = 0;
      const stream = lineSplitter((l) => {
        if (streamed < MAX_STREAMED_LINES) {
          streamed++;
          log.info(safeLogText(l));
        } else unshown++;
      });
      let timedOut = false;
      let timer;
      let commandLine;
      try {
        commandLine = commandLineFor(file);
      } catch (e) {
        return { code: 127, stdout: "", stderr: `${file}: ${e.message}` };
      }
      log.info(safeLogText(`[command]${[file, ...args].join(" ")}`));
      const started = exec(commandLine, [...args], {
        cwd: options.cwd,
        env: definedEnv(options.env ?? process.env),
        silent: true,
        ignoreReturnCode: true,
        windowsVerbatimArguments: false,
        ...options.input !== void 0 ? { input: Buffer.from(options.input) } : {},
        listeners: {
          stdout: (b) => out.add(b),
          stderr: (b) => {
            err.add(b);
            stream.add(b);
          }
        }
      });
      if (options.timeoutMs) {
        timer = setTimeout(() => {
          timedOut = true;
          childFor(args)?.kill("SIGKILL");
        }, options.timeoutMs);
      }
      let code;
      let extra = "";
      try {
        code = await started ?? 128;
      } catch (e) {
        code = 127;
        extra = `${file}: ${e.message}`;
      } finally {
        if (timer) clearTimeout(timer);
      }
      stream.end();
      if (unshown) log.info(`(${unshown} more line(s) of ${file} captured, not shown)`);
      return {
        code: timedOut && code === 0 ? 128 : code,
        stdout: out.text(),
        stderr: err.text() + extra,
        ...timedOut ? { timedOut } : {}
      };
    }
  };
}

// src/action/main.ts
function platform() {
  return { os: process.env.RUNNER_OS ?? os.type(), arch: process.env.RUNNER_ARCH ?? process.arch.toUpperCase() };
}
async function main() {
  const inputs = {};
  for (const spec of INPUTS) if (!spec.cliOnly) inputs[spec.name] = getInput(spec.name);
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
