#!/usr/bin/env node
import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);
import {
  fnv1a,
  settledAt,
  statIdentity,
  writeWhole
} from "./chunks/chunk-XPYS2AUE.js";
import "./chunks/chunk-DUXI62Z6.js";

// src/cli/entry.ts
import { fileURLToPath } from "node:url";

// src/cli/cache-home.ts
import os from "node:os";
import path from "node:path";
function cacheHome(env) {
  return env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
}
function gateCacheDir(env, name) {
  return path.join(cacheHome(env), "go-release-gate", name);
}

// src/cli/code-cache.ts
import fs from "node:fs";
import { createRequire } from "node:module";
import path2 from "node:path";
import vm from "node:vm";
var FORMAT = "go-release-gate code cache v1";
var KEEPING_RUNS = 3;
function cacheFileFor(cacheDir2, script) {
  return path2.join(cacheDir2, `cli-${fnv1a(script)}-${process.version}-${process.arch}`);
}
function parseKept(data) {
  const nl = data.indexOf(10);
  if (nl < 0) return void 0;
  try {
    return { header: JSON.parse(data.toString("utf8", 0, nl)), code: data.subarray(nl + 1) };
  } catch {
    return void 0;
  }
}
function scriptOf(file) {
  const head = Buffer.alloc(4096);
  const fd = fs.openSync(file, "r");
  let n;
  try {
    n = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const script = parseKept(head.subarray(0, n))?.header.script;
  return typeof script === "string" ? script : void 0;
}
var STALE_TMP_MS = 36e5;
function gone(file) {
  if (file.endsWith(".tmp")) return Date.now() - fs.statSync(file).mtimeMs > STALE_TMP_MS;
  const script = scriptOf(file);
  return script === void 0 || !fs.existsSync(script);
}
function pruneGone(dir, own) {
  let names;
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path2.join(dir, name);
    if (file === own || !name.startsWith("cli-")) continue;
    try {
      if (gone(file)) fs.rmSync(file, { force: true });
    } catch {
    }
  }
}
function readKept(file, script, identity) {
  let kept;
  try {
    kept = parseKept(fs.readFileSync(file));
  } catch {
    return void 0;
  }
  const h = kept?.header;
  if (!h || h.format !== FORMAT || h.script !== script || h.identity !== identity || !Number.isInteger(h.runs)) return void 0;
  return { data: kept.code, runs: h.runs };
}
function loadScript(script, cacheDir2, now = Date.now()) {
  const fd = fs.openSync(script, "r");
  let source;
  let stat;
  try {
    stat = fs.fstatSync(fd);
    source = fs.readFileSync(fd, "utf8");
  } finally {
    fs.closeSync(fd);
  }
  const identity = statIdentity(stat);
  const settled = settledAt(stat, now);
  const file = cacheDir2 && cacheFileFor(cacheDir2, script);
  const kept = file && settled ? readKept(file, script, identity) : void 0;
  const cachedData = kept?.data;
  const compiled = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}
})`, {
    filename: script,
    ...cachedData ? { cachedData } : {}
  });
  const fromCache = cachedData !== void 0 && !compiled.cachedDataRejected;
  const module = { exports: {} };
  compiled.runInThisContext().call(module.exports, module.exports, createRequire(script), module, script, path2.dirname(script));
  return {
    exports: module.exports,
    fromCache,
    keep() {
      const runs = fromCache ? kept.runs : 0;
      if (!file || !settled || runs >= KEEPING_RUNS) return;
      try {
        const header = { format: FORMAT, script, identity, runs: runs + 1 };
        writeWhole(file, Buffer.concat([Buffer.from(`${JSON.stringify(header)}
`), compiled.createCachedData()]), { private: true });
      } catch {
      }
      pruneGone(path2.dirname(file), file);
    }
  };
}

// src/cli/prompt-exit.ts
var LEFT_AT_EXIT = /* @__PURE__ */ new Set(["TTYWrap", "PipeWrap", "CloseReq"]);
function idleAtExit(resources) {
  return resources.every((r) => LEFT_AT_EXIT.has(r));
}
function flushed(stream) {
  if (stream.writableLength === 0) return Promise.resolve();
  return new Promise((resolve) => stream.write("", () => resolve()));
}
async function exitWith(code2) {
  process.exitCode = code2;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  if (idleAtExit(process.getActiveResourcesInfo())) process.exit(code2);
}

// src/cli/entry.ts
var argv = process.argv.slice(2);
var cacheDir = process.env.NODE_DISABLE_COMPILE_CACHE === "1" ? void 0 : gateCacheDir(process.env, "code-cache");
var cli = loadScript(fileURLToPath(new URL("./cli-main.cjs", import.meta.url)), cacheDir);
var { code, gateRan } = await cli.exports.runCli(argv);
if (gateRan) cli.keep();
await exitWith(code);
