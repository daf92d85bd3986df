import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);
import {
  findOnPath,
  probeCommand
} from "./chunk-FUGSFO47.js";

// src/cli/cache-home.ts
import os from "node:os";
import path from "node:path";
function cacheHome(env) {
  return env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
}

// src/cli/exec.ts
import { spawn } from "node:child_process";

// src/cli/progress.ts
import path2 from "node:path";
var base = (file) => path2.basename(file).replace(/\.exe$/i, "");
function shown(workspace, p) {
  const rel = path2.relative(workspace, p);
  return rel && !rel.startsWith("..") && !path2.isAbsolute(rel) ? rel : rel === "" ? "." : p;
}
function describeStep(s) {
  const tool = base(s.file);
  const [sub, second] = s.args;
  if (tool === "go" && sub === "build") {
    const target = s.env?.GOOS && s.env?.GOARCH ? `${s.env.GOOS}/${s.env.GOARCH}` : "host";
    return `build ${target} ${s.args[s.args.length - 1]}`;
  }
  if (tool === "go" && sub === "mod" && second === "download") return "modules: go mod download";
  if (tool === "go" && sub === "mod" && second === "verify") return "modules: go mod verify";
  if (tool === "trivy" && s.args.includes("--download-db-only")) return "scan: fetch the vulnerability DB";
  if (tool === "trivy" && (sub === "fs" || sub === "rootfs")) {
    const target = s.args[s.args.length - 1];
    const fetch = s.args.includes("--skip-db-update") ? "" : " (fetches the vulnerability DB when it is missing or stale)";
    return `scan: trivy ${sub} ${shown(s.workspace, target)}${fetch}`;
  }
  if (tool === "cosign" && (sub === "sign-blob" || sub === "verify-blob")) {
    const subject = s.args[s.args.length - 1];
    return `sign: cosign ${sub} ${shown(s.workspace, subject)}`;
  }
  return void 0;
}
function formatSeconds(ms) {
  return ms < 1e4 ? `${(ms / 1e3).toFixed(1)} s` : `${Math.round(ms / 1e3)} s`;
}
function progressLine(what, outcome, ms) {
  const how = outcome.timedOut ? "timed out" : outcome.code === 0 ? "ok" : `exit ${outcome.code}`;
  return `  ${what}: ${how} (${formatSeconds(ms)})`;
}
function announcesStart(s) {
  return base(s.file) === "trivy" && !s.args.includes("--skip-db-update");
}

// src/cli/exec.ts
var MAX_CAPTURE = 64 * 1024 * 1024;
var nodeExec = {
  run(file, args, options = {}) {
    return new Promise((resolve) => {
      const child = spawn(file, [...args], {
        cwd: options.cwd,
        env: options.env,
        stdio: [options.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"],
        shell: false,
        windowsHide: true
      });
      const out = [];
      const err = [];
      let outLen = 0;
      let errLen = 0;
      child.stdout.on("data", (b) => {
        if (outLen < MAX_CAPTURE) out.push(b);
        outLen += b.length;
      });
      child.stderr.on("data", (b) => {
        if (errLen < MAX_CAPTURE) err.push(b);
        errLen += b.length;
      });
      let timedOut = false;
      const timer = options.timeoutMs ? setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, options.timeoutMs) : void 0;
      if (options.input !== void 0) child.stdin.end(options.input);
      const finish = (code, extra = "") => {
        if (timer) clearTimeout(timer);
        resolve({
          code,
          stdout: Buffer.concat(out).toString("utf8"),
          stderr: Buffer.concat(err).toString("utf8") + extra,
          ...timedOut ? { timedOut } : {}
        });
      };
      child.on("error", (e) => finish(127, `${file}: ${e.message}`));
      child.on("close", (code, signal) => finish(code ?? (signal ? 128 : 1)));
    });
  }
};
function withProgress(exec, workspace, progress) {
  return {
    async run(file, args, options = {}) {
      const step = { file, args, env: options.env, workspace };
      const what = describeStep(step);
      if (what === void 0) return exec.run(file, args, options);
      if (announcesStart(step)) progress(`  ${what} ...`);
      const t0 = performance.now();
      const r = await exec.run(file, args, options);
      progress(progressLine(what, r, performance.now() - t0));
      return r;
    }
  };
}

// src/cli/early.ts
var started = [];
function startEarly(argv, env, exec = nodeExec) {
  if (argv[0] !== "run" || argv.includes("--help") || argv.includes("-h")) return;
  const file = findOnPath("go", env.PATH);
  if (!file) return;
  const { args, env: childEnv } = probeCommand(env);
  const result = exec.run(file, args, { env: childEnv });
  started.push({ file, args, env: childEnv, result });
}
function takeEarly() {
  const taken = started;
  started = [];
  return taken;
}
function sameEnv(a, b) {
  if (!a) return false;
  const keys = Object.keys(b);
  if (Object.keys(a).filter((k) => a[k] !== void 0).length !== keys.length) return false;
  return keys.every((k) => a[k] === b[k]);
}
function matches(run, file, args, options) {
  return run.file === file && run.args.length === args.length && run.args.every((a, i) => a === args[i]) && options.cwd === void 0 && options.input === void 0 && options.timeoutMs === void 0 && sameEnv(options.env, run.env);
}
function answerFirst(exec, early) {
  if (early.length === 0) return exec;
  const waiting = [...early];
  const wrap = (inner) => ({
    run(file, args, options = {}) {
      const i = waiting.findIndex((r) => matches(r, file, args, options));
      return i < 0 ? inner.run(file, args, options) : waiting.splice(i, 1)[0].result;
    },
    ...inner.withLog ? { withLog: (log) => wrap(inner.withLog(log)) } : {}
  });
  return wrap(exec);
}

export {
  cacheHome,
  formatSeconds,
  nodeExec,
  withProgress,
  startEarly,
  takeEarly,
  answerFirst
};
