#!/usr/bin/env node
'use strict';
const __gateImportMetaUrl = require('node:url').pathToFileURL(__filename).href;
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/cli/entry.ts
var import_node_url = require("node:url");

// src/cli/cache-home.ts
var import_node_os = __toESM(require("node:os"), 1);
var import_node_path = __toESM(require("node:path"), 1);
function cacheHome(env) {
  return env.XDG_CACHE_HOME || import_node_path.default.join(import_node_os.default.homedir(), ".cache");
}
function gateCacheDir(env, name) {
  return import_node_path.default.join(cacheHome(env), "go-release-gate", name);
}

// src/cli/code-cache.ts
var import_node_fs2 = __toESM(require("node:fs"), 1);
var import_node_module = require("node:module");
var import_node_path3 = __toESM(require("node:path"), 1);
var import_node_vm = __toESM(require("node:vm"), 1);

// src/util/fnv.ts
function fnv1a(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16).padStart(8, "0");
}

// src/util/records.ts
var import_node_fs = __toESM(require("node:fs"), 1);
var import_node_path2 = __toESM(require("node:path"), 1);
function writeWhole(file, data, opts = {}) {
  import_node_fs.default.mkdirSync(import_node_path2.default.dirname(file), { recursive: true, ...opts.private ? { mode: 448 } : {} });
  const tmp = `${file}.${process.pid}.tmp`;
  import_node_fs.default.writeFileSync(tmp, data, opts.private ? { mode: 384 } : {});
  import_node_fs.default.renameSync(tmp, file);
}

// src/util/stat-identity.ts
var SETTLED_MS = 5e3;
function statIdentity(s) {
  return `${s.dev} ${s.ino} ${s.mode} ${s.size} ${s.mtimeMs} ${s.ctimeMs}`;
}
function settledAt(s, nowMs) {
  const cutoff = nowMs - SETTLED_MS;
  return s.ctimeMs < cutoff && s.mtimeMs < cutoff;
}

// src/cli/code-cache.ts
var FORMAT = "go-release-gate code cache v1";
var KEEPING_RUNS = 3;
function cacheFileFor(cacheDir, script) {
  return import_node_path3.default.join(cacheDir, `cli-${fnv1a(script)}-${process.version}-${process.arch}`);
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
  const fd = import_node_fs2.default.openSync(file, "r");
  let n;
  try {
    n = import_node_fs2.default.readSync(fd, head, 0, head.length, 0);
  } finally {
    import_node_fs2.default.closeSync(fd);
  }
  const script = parseKept(head.subarray(0, n))?.header.script;
  return typeof script === "string" ? script : void 0;
}
var STALE_TMP_MS = 36e5;
function gone(file) {
  if (file.endsWith(".tmp")) return Date.now() - import_node_fs2.default.statSync(file).mtimeMs > STALE_TMP_MS;
  const script = scriptOf(file);
  return script === void 0 || !import_node_fs2.default.existsSync(script);
}
function pruneGone(dir, own) {
  let names;
  try {
    names = import_node_fs2.default.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = import_node_path3.default.join(dir, name);
    if (file === own || !name.startsWith("cli-")) continue;
    try {
      if (gone(file)) import_node_fs2.default.rmSync(file, { force: true });
    } catch {
    }
  }
}
function readKept(file, script, identity) {
  let kept;
  try {
    kept = parseKept(import_node_fs2.default.readFileSync(file));
  } catch {
    return void 0;
  }
  const h = kept?.header;
  if (!h || h.format !== FORMAT || h.script !== script || h.identity !== identity || !Number.isInteger(h.runs)) return void 0;
  return { data: kept.code, runs: h.runs };
}
function loadScript(script, cacheDir, now = Date.now()) {
  const fd = import_node_fs2.default.openSync(script, "r");
  let source;
  let stat;
  try {
    stat = import_node_fs2.default.fstatSync(fd);
    source = import_node_fs2.default.readFileSync(fd, "utf8");
  } finally {
    import_node_fs2.default.closeSync(fd);
  }
  const identity = statIdentity(stat);
  const settled = settledAt(stat, now);
  const file = cacheDir && cacheFileFor(cacheDir, script);
  const kept = file && settled ? readKept(file, script, identity) : void 0;
  const cachedData = kept?.data;
  const compiled = new import_node_vm.default.Script(`(function (exports, require, module, __filename, __dirname) {${source}
})`, {
    filename: script,
    ...cachedData ? { cachedData } : {}
  });
  const fromCache = cachedData !== void 0 && !compiled.cachedDataRejected;
  const module2 = { exports: {} };
  compiled.runInThisContext().call(module2.exports, module2.exports, (0, import_node_module.createRequire)(script), module2, script, import_node_path3.default.dirname(script));
  return {
    exports: module2.exports,
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
      pruneGone(import_node_path3.default.dirname(file), file);
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
async function exitWith(code) {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  if (idleAtExit(process.getActiveResourcesInfo())) process.exit(code);
}

// src/cli/entry.ts
async function start() {
  const argv = process.argv.slice(2);
  const cacheDir = process.env.NODE_DISABLE_COMPILE_CACHE === "1" ? void 0 : gateCacheDir(process.env, "code-cache");
  const cli = loadScript((0, import_node_url.fileURLToPath)(new URL("./cli-main.cjs", __gateImportMetaUrl)), cacheDir);
  const { code, gateRan } = await cli.exports.runCli(argv);
  if (gateRan) cli.keep();
  await exitWith(code);
}
void start();
