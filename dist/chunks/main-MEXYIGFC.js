import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);
import {
  ConfigError,
  FormatError,
  GATE_VERSION,
  INPUTS,
  MergeUsageError,
  allRules,
  formatCpuLevel,
  inspectFile,
  parseConfig,
  runGate,
  runMerge,
  runShard,
  toJson
} from "./chunk-NW7NCQTG.js";
import {
  renderSaveSummary,
  saveCaches
} from "./chunk-XIMODR2G.js";
import {
  PLAN_STATE_KEY,
  buildScopeOf,
  describeNetworkError,
  parsePlan,
  randomUUID,
  safeLogText,
  sha256Hash
} from "./chunk-EFQCT4K6.js";
import {
  answerFirst,
  cacheHome,
  formatSeconds,
  nodeExec,
  takeEarly,
  withProgress
} from "./chunk-D6JXMSJ6.js";
import {
  childEnv
} from "./chunk-FUGSFO47.js";
import "./chunk-6BI6WN2A.js";
import "./chunk-DUXI62Z6.js";

// src/cli/main.ts
import fs5 from "node:fs";
import os3 from "node:os";
import path5 from "node:path";

// src/cli/args.ts
var ALIASES = { dir: "working-directory", out: "output-dir" };
var FRONT_DOOR_FLAGS = [
  ["--workspace VALUE", "Root that paths are confined to and reported from (default: the git top-level of --dir, else --dir). Ignored inside GitHub Actions, where it is GITHUB_WORKSPACE."],
  ["--quiet", "Print no progress lines, only warnings, errors and the verdict."],
  ["--help", "Print the flags of this command."]
];
function parseArgs(argv) {
  const [command = "", ...args] = argv;
  const inputs = {};
  const rest = [];
  let quiet = false;
  let workspace;
  let help = command === "--help" || command === "-h" || command === "help";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--help" || a === "-h") {
      help = true;
      continue;
    }
    if (a === "--quiet") {
      quiet = true;
      continue;
    }
    if (a === "--workspace" || a.startsWith("--workspace=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : args[++i];
      if (v === void 0 || v === "") throw new ConfigError("workspace", "--workspace needs a value");
      workspace = v;
      continue;
    }
    if (!a.startsWith("--")) {
      rest.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const flag = a.slice(2, eq < 0 ? void 0 : eq);
    const name = ALIASES[flag] ?? flag;
    const spec = INPUTS.find((s) => s.name === name && !s.actionOnly);
    if (!spec) throw new ConfigError(flag, `unknown flag --${flag} (see --help)`);
    let value;
    if (eq >= 0) value = a.slice(eq + 1);
    else if (spec.kind === "boolean" && (args[i + 1] === void 0 || args[i + 1].startsWith("--") || !/^(true|false|yes|no|1|0|on|off)$/i.test(args[i + 1]))) value = "true";
    else if (args[i + 1] === void 0) throw new ConfigError(flag, `--${flag} needs a value`);
    else value = args[++i];
    if (name in inputs && spec.kind === "list") inputs[name] += `,${value}`;
    else inputs[name] = value;
  }
  return { command, inputs, help, rest, quiet, ...workspace !== void 0 ? { workspace } : {} };
}
function runFlagLines() {
  const lines = [];
  for (const s of INPUTS) {
    if (s.actionOnly) continue;
    const alias = Object.entries(ALIASES).find(([, v]) => v === s.name)?.[0];
    const flag = `--${alias ?? s.name}${s.kind === "boolean" ? "" : " VALUE"}`;
    const def = s.default ? ` (default ${s.default})` : "";
    lines.push(`  ${flag.padEnd(30)} ${s.description}${def}`);
  }
  for (const [flag, text] of FRONT_DOOR_FLAGS) lines.push(`  ${flag.padEnd(30)} ${text}`);
  return lines;
}
function usage() {
  const lines = [
    "Usage:",
    "  go-release-gate run [flags]              build, check and report; exit 0 pass, 1 fail, 2 usage/config error",
    "  go-release-gate run --shard i/n [flags]  the same for shard i of n of the targets x packages: writes a shard bundle (never signs)",
    "  go-release-gate merge [--out DIR] [--mode M] [signing flags] SHARD_DIR...   check the shard bundles and merge them: one SHA256SUMS, SARIF, report, verdict;",
    "                                           on a release (--mode release, or a tag ref) sign and attest the merged set as run does (--sign, --cosign-key, --sigstore-*, ...)",
    "  go-release-gate inspect [--json] [--go-version-m] FILE...   inspect binaries (readelf / ldd / go version -m)",
    "  go-release-gate --version",
    "",
    "Flags of run (the same as the Action inputs):",
    ...runFlagLines()
  ];
  return `${lines.join("\n")}
`;
}
function runUsage() {
  const lines = [
    "Usage: go-release-gate run [flags]",
    "",
    "Build, check and report; exit 0 pass, 1 fail, 2 usage/config error.",
    "",
    "Outside GitHub Actions --dir and --out are read from the current directory and may be absolute;",
    "the workspace (the root they must stay inside, and that reported paths start from) is --workspace,",
    "else the git top-level of --dir, else --dir. Inside GitHub Actions it is GITHUB_WORKSPACE.",
    "",
    "Flags (the same as the Action inputs, then the CLI's own):",
    ...runFlagLines()
  ];
  return `${lines.join("\n")}
`;
}

// src/cli/adapters.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import diagnostics from "node:diagnostics_channel";
function where(loc) {
  if (!loc) return "";
  const f = loc.file ?? loc.artifact;
  return f ? `${f}${loc.line ? `:${loc.line}` : ""}: ` : "";
}
function consoleLogger(write, debug = false) {
  const secrets = [];
  const clean = (m) => secrets.reduce((s, x) => s.split(x).join("***"), m);
  const line = (m) => write(`${safeLogText(clean(m))}
`);
  return {
    info: (m) => line(m),
    debug: (m) => debug ? line(`debug: ${m}`) : void 0,
    warning: (m, loc) => line(`warning: ${where(loc)}${m}`),
    error: (m, loc) => line(`error: ${where(loc)}${m}`),
    async group(name, fn) {
      line(`== ${name}`);
      return fn();
    },
    mask: (s) => {
      if (s) secrets.push(s);
    }
  };
}
function memoryState() {
  const values = /* @__PURE__ */ new Map();
  return {
    save: (k, v) => void values.set(k, v),
    get: (k) => values.get(k) ?? ""
  };
}
function fileOutputs() {
  const values = {};
  return {
    values,
    set(name, value) {
      values[name] = value;
    },
    async summary() {
    },
    addPath() {
    }
  };
}
async function countingResponses(fn) {
  let last;
  const onResponse = (m) => {
    const res = m.response;
    if (!res || res.statusCode !== 200) return;
    const length = Number(res.headers["content-length"] ?? NaN);
    const seen = { got: 0, ...Number.isFinite(length) ? { expected: length } : {} };
    last = seen;
    const emit = res.emit;
    res.emit = function(event, ...args) {
      if (event === "data") seen.got += args[0].length;
      return emit.call(this, event, ...args);
    };
  };
  diagnostics.subscribe("http.client.response.finish", onResponse);
  try {
    return { value: await fn(), last };
  } catch (error) {
    return { error, last };
  } finally {
    diagnostics.unsubscribe("http.client.response.finish", onResponse);
  }
}
async function withoutCoreDebug(fn) {
  const write = process.stdout.write;
  const filtered = function(chunk, ...rest) {
    if (typeof chunk === "string" && chunk.startsWith("::debug::")) {
      const done = rest.find((x) => typeof x === "function");
      done?.();
      return true;
    }
    return write.call(this, chunk, ...rest);
  };
  process.stdout.write = filtered;
  try {
    return await fn();
  } finally {
    if (process.stdout.write === filtered) process.stdout.write = write;
  }
}
function localTools(root, tempDir) {
  const dirOf = (tool, version, arch) => path.join(root, tool, version, arch);
  return {
    find(tool, version, arch) {
      const d = dirOf(tool, version, arch);
      return fs.existsSync(`${d}.complete`) ? d : void 0;
    },
    versions(tool, arch) {
      const base = path.join(root, tool);
      if (!fs.existsSync(base)) return [];
      return fs.readdirSync(base).filter((v) => fs.existsSync(`${dirOf(tool, v, arch)}.complete`));
    },
    async download(url) {
      const tc = await import("./tool-cache-UKE6VPVC.js");
      fs.mkdirSync(tempDir, { recursive: true });
      const dest = path.join(tempDir, `download-${randomUUID()}`);
      const r = await withoutCoreDebug(() => countingResponses(() => tc.downloadTool(url, dest)));
      if (!("error" in r) || r.error === void 0) return r.value;
      fs.rmSync(dest, { force: true });
      const e = r.error;
      const status = e instanceof tc.HTTPError ? e.httpStatusCode : void 0;
      if (status !== void 0) throw Object.assign(new Error(`GET ${url}: HTTP ${status}`, { cause: e }), { status });
      const cut = r.last && r.last.expected !== void 0 && r.last.got < r.last.expected ? r.last : void 0;
      if (cut) throw new Error(`GET ${url}: connection closed after ${cut.got} of ${cut.expected} bytes (truncated): ${describeNetworkError(e)}`, { cause: e });
      throw new Error(`GET ${url}: ${describeNetworkError(e)}`, { cause: e });
    },
    async extract(archive) {
      const dest = fs.mkdtempSync(path.join(tempDir, "extract-"));
      const args = archive.endsWith(".zip") ? ["-q", archive, "-d", dest] : ["-xzf", archive, "-C", dest];
      const r = spawnSync(archive.endsWith(".zip") ? "unzip" : "tar", args, { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`extracting ${archive} failed: ${r.stderr || r.error?.message}`);
      return dest;
    },
    async uncache(tool, version, arch) {
      const d = dirOf(tool, version, arch);
      fs.rmSync(`${d}.complete`, { force: true });
      fs.rmSync(d, { recursive: true, force: true });
    },
    async cache(dir, tool, version, arch) {
      const d = dirOf(tool, version, arch);
      fs.rmSync(d, { recursive: true, force: true });
      fs.rmSync(`${d}.complete`, { force: true });
      fs.mkdirSync(path.dirname(d), { recursive: true });
      fs.cpSync(dir, d, { recursive: true, verbatimSymlinks: true });
      fs.writeFileSync(`${d}.complete`, "");
      return d;
    }
  };
}
function envIdToken(env) {
  return {
    available: () => !!env.SIGSTORE_ID_TOKEN?.trim(),
    async get() {
      const token = env.SIGSTORE_ID_TOKEN?.trim();
      if (!token) throw new Error('SIGSTORE_ID_TOKEN is not set: the CLI signs keyless only with a token from the caller (audience "sigstore")');
      return token;
    }
  };
}
function cliPorts(p) {
  return {
    exec: p.exec,
    log: p.log,
    tools: localTools(path.join(cacheHome(p.env), "go-release-gate", "tools"), p.tempDir),
    state: p.state,
    outputs: p.outputs,
    ...p.cache ? { cache: p.cache } : {},
    idToken: envIdToken(p.env),
    env: p.env,
    tempDir: p.tempDir,
    workspace: p.workspace,
    platform: { os: os.type(), arch: process.arch.toUpperCase() }
  };
}

// src/cli/cache-store.ts
import fs2 from "node:fs";
import path2 from "node:path";
import { execFile } from "node:child_process";

// src/cache/match.ts
function matchEntry(entries, primaryKey, restoreKeys) {
  const newestFirst2 = [...entries].sort((a, b) => b.createdAtMs - a.createdAtMs || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  for (const k of [primaryKey, ...restoreKeys]) {
    const exact = newestFirst2.find((e) => e.key === k);
    if (exact) return exact;
    const prefixed = newestFirst2.find((e) => e.key.startsWith(k));
    if (prefixed) return prefixed;
  }
  return void 0;
}

// src/cache/prune.ts
var newestFirst = (a, b) => b.createdAtMs - a.createdAtMs || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);
function planPrune(entries, policy) {
  const byScope = /* @__PURE__ */ new Map();
  for (const e of entries) {
    const scope = buildScopeOf(e.key);
    if (scope === void 0) continue;
    byScope.set(scope, [...byScope.get(scope) ?? [], e]);
  }
  const keep = new Set(policy.keep);
  const drop = [];
  const kept = [];
  for (const list2 of byScope.values()) {
    const sorted = [...list2].sort(newestFirst);
    const head = sorted.find((e) => keep.has(e.key)) ?? sorted[0];
    kept.push(head);
    for (const e of sorted) if (e !== head && !keep.has(e.key)) drop.push(e);
    for (const e of sorted) if (e !== head && keep.has(e.key)) kept.push(e);
  }
  let total = kept.reduce((n, e) => n + e.bytes, 0);
  for (const e of [...kept].sort(newestFirst).reverse()) {
    if (total <= policy.maxBuildBytes) break;
    if (keep.has(e.key)) continue;
    drop.push(e);
    total -= e.bytes;
  }
  return drop;
}

// src/cli/cache-store.ts
var DAY = 24 * 60 * 60 * 1e3;
function entryName(key) {
  return sha256Hash().update(key).digest("hex").slice(0, 40);
}
async function tar(args) {
  await new Promise((resolve, reject) => {
    execFile("tar", args, { maxBuffer: 16 * 1024 * 1024, encoding: "utf8" }, (e, _stdout, stderr) => {
      if (e) reject(new Error(`tar ${args[0]} failed: ${(stderr || e.message).trim()}`));
      else resolve();
    });
  });
}
function localCacheStore(root, options = {}) {
  const entriesDir = path2.join(root, "entries");
  const now = options.now ?? Date.now;
  const maxBytes = options.maxBytes ?? 10 * 1024 ** 3;
  const maxIdleMs = options.maxIdleMs ?? 7 * DAY;
  const readEntries = () => {
    if (!fs2.existsSync(entriesDir)) return [];
    const out = [];
    for (const name of fs2.readdirSync(entriesDir)) {
      if (name.startsWith(".")) continue;
      const dir = path2.join(entriesDir, name);
      try {
        out.push({ ...JSON.parse(fs2.readFileSync(path2.join(dir, "meta.json"), "utf8")), dir });
      } catch {
      }
    }
    return out;
  };
  const evict = () => {
    const t = now();
    const entries = readEntries().sort((a, b) => a.accessedAtMs - b.accessedAtMs);
    let total = entries.reduce((n, e) => n + e.bytes, 0);
    for (const e of entries) {
      if (t - e.accessedAtMs <= maxIdleMs && total <= maxBytes) break;
      fs2.rmSync(e.dir, { recursive: true, force: true });
      total -= e.bytes;
    }
  };
  return {
    kind: "local directory",
    // The CLI has no post step: it saves once the gate has written its reports.
    savedAt: "end of the run",
    async restore(paths, primaryKey, restoreKeys) {
      const entry = matchEntry(readEntries().filter((e) => e.paths === paths.length), primaryKey, restoreKeys);
      if (!entry) return {};
      for (const [i, p] of paths.entries()) {
        fs2.mkdirSync(p, { recursive: true });
        await tar(["-xf", path2.join(entry.dir, `${i}.tar`), "-C", p]);
      }
      const meta = { key: entry.key, createdAtMs: entry.createdAtMs, accessedAtMs: now(), paths: entry.paths, bytes: entry.bytes };
      fs2.writeFileSync(path2.join(entry.dir, "meta.json"), JSON.stringify(meta));
      return { matchedKey: entry.key };
    },
    async save(paths, key) {
      const final = path2.join(entriesDir, entryName(key));
      if (fs2.existsSync(path2.join(final, "meta.json"))) return;
      fs2.mkdirSync(entriesDir, { recursive: true });
      const tmp = fs2.mkdtempSync(path2.join(entriesDir, ".new-"));
      try {
        let bytes = 0;
        for (const [i, p] of paths.entries()) {
          if (!fs2.existsSync(p)) throw new Error(`${p} does not exist`);
          const archive = path2.join(tmp, `${i}.tar`);
          await tar(["-cf", archive, "-C", p, "."]);
          bytes += fs2.statSync(archive).size;
        }
        const t = now();
        const meta = { key, createdAtMs: t, accessedAtMs: t, paths: paths.length, bytes };
        fs2.writeFileSync(path2.join(tmp, "meta.json"), JSON.stringify(meta));
        try {
          fs2.renameSync(tmp, final);
        } catch (e) {
          if (!fs2.existsSync(path2.join(final, "meta.json"))) throw e;
        }
      } finally {
        fs2.rmSync(tmp, { recursive: true, force: true });
      }
      evict();
    },
    async prune(policy) {
      let bytes = 0;
      const drop = planPrune(readEntries(), policy);
      for (const e of drop) {
        fs2.rmSync(e.dir, { recursive: true, force: true });
        bytes += e.bytes;
      }
      return { entries: drop.length, bytes };
    }
  };
}

// src/cli/inspect-command.ts
var USAGE = `usage: go-release-gate inspect [--json | --go-version-m] FILE...

Reads ELF, PE and Mach-O binaries without native tools and prints, per file: format,
architecture, static or dynamic (interpreter, needed libraries, rpath), libc flavour,
symbol version needs and glibc floor, CPU level, stripped, PIE, RELRO, NX, build ids,
Go build info, leaked source paths, tzdata, certificate roots and UPX.

  --json           one JSON array of records (fields documented in docs/inspect.md)
  --go-version-m   print exactly what \`go version -m FILE\` prints
`;
var yn = (v) => v === null ? "n/a" : v ? "yes" : "no";
var list = (xs) => xs.length ? xs.join(", ") : "-";
function describe(b, file) {
  const lines = [
    ["format", `${b.format} ${b.arch} (${b.bits}-bit, ${b.endian} endian), ${b.type}`],
    ["static", yn(b.static)],
    ["interpreter", b.interpreter ?? "-"],
    ["needed", list(b.needed)]
  ];
  if (b.libc !== null) lines.push(["libc", b.libc]);
  for (const n of b.versionNeeds) lines.push([`versions ${n.file}`, list(n.versions)]);
  const floors = [b.glibcFloor && `GLIBC_${b.glibcFloor}`, b.glibcxxFloor && `GLIBCXX_${b.glibcxxFloor}`, b.cxxabiFloor && `CXXABI_${b.cxxabiFloor}`].filter(Boolean);
  if (b.libc !== null) lines.push(["needs at least", floors.length ? floors.join(", ") : "-"]);
  const cpu = formatCpuLevel(b.cpuLevel);
  if (cpu) lines.push(["cpu level", cpu]);
  if (b.rpath.length) lines.push(["rpath", list(b.rpath)]);
  if (b.runpath.length) lines.push(["runpath", list(b.runpath)]);
  lines.push(["hardening", `stripped ${yn(b.stripped)}, PIE ${yn(b.pie)}, RELRO ${b.relro}, NX ${yn(b.nx)}`]);
  if (b.goBuildId) lines.push(["go build id", b.goBuildId]);
  if (b.gnuBuildId) lines.push(["gnu build id", b.gnuBuildId]);
  const bi = b.buildInfo;
  if (bi) {
    lines.push(["go", bi.goVersion]);
    if (bi.path) lines.push(["path", bi.path]);
    if (bi.main) lines.push(["module", `${bi.main.path} ${bi.main.version}`.trim()]);
    lines.push(["deps", String(bi.deps.length)]);
    const s = (k) => bi.settings.find((x) => x.key === k)?.value;
    if (s("vcs.revision")) lines.push(["vcs", `${s("vcs") ?? ""} ${s("vcs.revision")}${s("vcs.modified") === "true" ? " (modified)" : ""}`.trim()]);
    lines.push(["settings", bi.settings.filter((x) => !x.key.startsWith("vcs") && x.key !== "DefaultGODEBUG").map((x) => `${x.key}=${x.value}`).join(" ")]);
  } else {
    lines.push(["go", b.buildInfoError ? `build info unreadable: ${b.buildInfoError}` : b.go ? "Go, no build info" : "not a Go binary"]);
  }
  const leaks = b.leakedPaths;
  lines.push(["leaked paths", leaks.count ? `${leaks.count}, e.g. ${leaks.examples.slice(0, 3).join(", ")}` : "0"]);
  lines.push(["tzdata", `${yn(b.tzdata)} (calls time.LoadLocation: ${yn(b.usesLoadLocation)})`]);
  lines.push(["ca roots", `system roots ${b.usesSystemRoots ? "loaded" : "not loaded"}, own roots ${b.embedsRoots ? "embedded" : "none"}`]);
  lines.push(["upx", yn(b.upx)]);
  const width = Math.max(...lines.map(([k]) => k.length));
  return `${file}
${lines.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join("\n")}
`;
}
async function runInspectCommand(args, out) {
  let json = false;
  let goVersionM = false;
  const files = [];
  let flags = true;
  for (const a of args) {
    if (flags && a === "--") flags = false;
    else if (flags && a === "--json") json = true;
    else if (flags && a === "--go-version-m") goVersionM = true;
    else if (flags && (a === "-h" || a === "--help")) {
      out.stdout(USAGE);
      return 0;
    } else if (flags && a.startsWith("-") && a !== "-") {
      out.stderr(`inspect: unknown flag ${a}
${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0 || json && goVersionM) {
    out.stderr(`inspect: ${files.length === 0 ? "no FILE given" : "--json and --go-version-m exclude each other"}
${USAGE}`);
    return 2;
  }
  let failed = false;
  const records = [];
  for (const file of files) {
    let info;
    try {
      info = await inspectFile(file);
    } catch (e) {
      failed = true;
      const why = e instanceof FormatError ? e.message : e.code ? e.message : String(e);
      out.stderr(goVersionM ? `${file}: could not read Go build info from ${file}: ${why}
` : `${file}: ${why}
`);
      continue;
    }
    if (info.buildInfoError) failed = true;
    if (goVersionM) {
      if (info.goVersionM) out.stdout(info.goVersionM);
      else {
        failed = true;
        out.stderr(`${file}: could not read Go build info from ${file}: ${info.buildInfoError ?? "not a Go executable"}
`);
      }
    } else if (json) records.push(...toJson(info));
    else {
      for (const s of info.slices ?? [info]) out.stdout(describe(s, info.slices ? `${file} (${s.arch})` : file));
      if (info.buildInfoError) out.stderr(`${file}: Go build info unreadable: ${info.buildInfoError}
`);
    }
  }
  if (json) out.stdout(`${JSON.stringify(records, null, 2)}
`);
  return failed ? 1 : 0;
}

// src/cli/exit.ts
var EXIT_PASS = 0;
var EXIT_FAIL = 1;
var EXIT_USAGE = 2;
function usageErrors(result) {
  const usage2 = new Set(allRules(result).filter((r) => r.usageError).map((r) => r.id));
  return result.findings.filter((f) => f.severity === "error" && usage2.has(f.ruleId));
}
function exitCodeOf(result) {
  if (usageErrors(result).length) return EXIT_USAGE;
  return result.verdict.passed ? EXIT_PASS : EXIT_FAIL;
}
var LEFT_AT_EXIT = /* @__PURE__ */ new Set(["TTYWrap", "PipeWrap", "CloseReq"]);
function idleAtExit(resources) {
  return resources.every((r) => LEFT_AT_EXIT.has(r));
}

// src/cli/merge-command.ts
import fs3 from "node:fs";
import os2 from "node:os";
import path3 from "node:path";
var MERGE_FLAGS = [
  "mode",
  "sign",
  "cosign-key",
  "sign-tlog-upload",
  "sign-keyless",
  "cosign-version",
  "cosign-download-base-url",
  "cosign-sha256",
  "sigstore-fulcio-url",
  "sigstore-rekor-url",
  "sigstore-tsa-url",
  "sigstore-trusted-root",
  "sigstore-oidc-issuer",
  "sigstore-certificate-identity",
  "rules"
];
async function runMergeCommand(inputs, dirs, io) {
  const extra = Object.keys(inputs).filter((k) => k !== "output-dir" && !MERGE_FLAGS.includes(k));
  if (extra.length) {
    io.stderr(`go-release-gate merge: --${extra[0]} is a flag of run; merge takes --out DIR, the signing flags (${MERGE_FLAGS.map((f) => `--${f}`).join(", ")}) and the shard directories
`);
    return EXIT_USAGE;
  }
  const env = process.env;
  const cwd = process.cwd();
  const workspace = env.GITHUB_WORKSPACE || cwd;
  const outputs = fileOutputs();
  const log = consoleLogger(io.stderr, env.RUNNER_DEBUG === "1");
  const { "output-dir": outFlag, ...rest } = inputs;
  let config;
  try {
    config = parseConfig(rest, { workspace, env, writableRoots: [] });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr(`go-release-gate merge: ${e.message}
`);
    return EXIT_USAGE;
  }
  const tempDir = fs3.mkdtempSync(path3.join(os2.tmpdir(), "go-release-gate-"));
  try {
    const outDir = path3.resolve(cwd, outFlag || "gate-out");
    const outcome = await runMerge({
      outDir,
      sources: dirs.map((d) => ({ dir: path3.resolve(cwd, d), name: d })),
      workspace,
      log,
      outputs,
      sign: {
        config: { ...config, outDir },
        // Each cosign sign and verify is a progress line, as in run.
        ports: cliPorts({ exec: withProgress(nodeExec, workspace, (line) => log.info(line)), log, state: memoryState(), outputs, env, tempDir, workspace })
      }
    });
    outcome.out.write("outputs.json", `${JSON.stringify(outputs.values, null, 2)}
`);
    const v = outcome.record.verdict;
    io.stdout(`verdict: ${v.passed ? "pass" : "fail"}
`);
    for (const r of v.reasons) io.stdout(`  - ${r}
`);
    io.stdout(`summary: ${outcome.files.summary}
report: ${outcome.files.report}
sarif: ${outcome.files.sarif}
`);
    return v.passed ? EXIT_PASS : EXIT_FAIL;
  } catch (e) {
    if (e instanceof MergeUsageError) {
      io.stderr(`go-release-gate merge: ${e.message}
`);
      return EXIT_USAGE;
    }
    io.stderr(`go-release-gate merge crashed: ${e instanceof Error ? e.stack ?? e.message : String(e)}
`);
    return EXIT_FAIL;
  } finally {
    fs3.rmSync(tempDir, { recursive: true, force: true });
  }
}

// src/cli/workspace.ts
import fs4 from "node:fs";
import path4 from "node:path";
import { spawnSync as spawnSync2 } from "node:child_process";
function chooseWorkspace(i) {
  if (i.env.GITHUB_WORKSPACE) {
    return {
      workspace: i.env.GITHUB_WORKSPACE,
      source: "GITHUB_WORKSPACE",
      inputs: {},
      ...i.workspaceFlag !== void 0 ? { ignored: `--workspace is ignored inside GitHub Actions: the workspace is GITHUB_WORKSPACE (${i.env.GITHUB_WORKSPACE})` } : {}
    };
  }
  const dir = path4.resolve(i.cwd, i.dirFlag ?? ".");
  const pick = (workspace, source) => {
    const inputs = {};
    if (path4.resolve(workspace) !== path4.resolve(i.cwd)) {
      inputs["working-directory"] = dir;
      if (i.outFlag !== void 0) inputs["output-dir"] = path4.resolve(i.cwd, i.outFlag);
    }
    return { workspace, inputs, source };
  };
  if (i.workspaceFlag !== void 0) return pick(path4.resolve(i.cwd, i.workspaceFlag), "--workspace");
  const top = i.gitTopLevel(dir);
  return top ? pick(top, "git top-level of --dir") : pick(dir, "--dir");
}
function gitTopLevel(dir, env) {
  const found = discoverCheckout(dir, env, process.geteuid?.());
  return found ? found.top : askGit(dir, env);
}
var DISCOVERY_ENV = ["GIT_DIR", "GIT_WORK_TREE", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT"];
function discoverCheckout(dir, env, uid) {
  if (process.platform === "win32" || uid === void 0) return void 0;
  if (DISCOVERY_ENV.some((k) => env[k] !== void 0)) return void 0;
  let at;
  let dev;
  try {
    at = fs4.realpathSync(dir);
    const st = fs4.statSync(at);
    if (!st.isDirectory()) return void 0;
    dev = st.dev;
  } catch {
    return void 0;
  }
  for (; ; ) {
    const dotGit = path4.join(at, ".git");
    const st = statOrUndefined(dotGit);
    if (st) {
      const gitDir = st.isDirectory() ? dotGit : st.isFile() ? linkedGitDir(dotGit, at) : void 0;
      if (!gitDir || !isPlainRepository(gitDir)) return void 0;
      return [at, gitDir].every((p) => statOrUndefined(p)?.uid === uid) ? { top: at } : void 0;
    }
    if (["HEAD", "objects", "refs"].every((n) => statOrUndefined(path4.join(at, n)))) return void 0;
    const up = path4.dirname(at);
    if (up === at) return {};
    const upStat = statOrUndefined(up);
    if (!upStat || upStat.dev !== dev) return void 0;
    at = up;
  }
}
function statOrUndefined(p) {
  try {
    return fs4.statSync(p);
  } catch {
    return void 0;
  }
}
function linkedGitDir(file, base) {
  let text;
  try {
    text = fs4.readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
  const m = /^gitdir: (.+?)\r?\n?$/.exec(text);
  return m ? path4.resolve(base, m[1]) : void 0;
}
function isPlainRepository(gitDir) {
  let common = gitDir;
  try {
    common = path4.resolve(gitDir, fs4.readFileSync(path4.join(gitDir, "commondir"), "utf8").trim());
  } catch (e) {
    if (e.code !== "ENOENT") return false;
  }
  let head;
  try {
    head = fs4.readFileSync(path4.join(gitDir, "HEAD"), "utf8");
  } catch {
    return false;
  }
  if (!/^(ref: refs\/\S+|[0-9a-f]{40}|[0-9a-f]{64})\r?\n?$/.test(head)) return false;
  if (!statOrUndefined(path4.join(common, "objects"))?.isDirectory() || !statOrUndefined(path4.join(common, "refs"))?.isDirectory()) return false;
  for (const config of /* @__PURE__ */ new Set([path4.join(common, "config"), path4.join(gitDir, "config.worktree")])) {
    let text = "";
    try {
      text = fs4.readFileSync(config, "utf8");
    } catch (e) {
      if (e.code !== "ENOENT") return false;
    }
    if (/worktree|bare\s*=\s*true|include/i.test(text)) return false;
  }
  return true;
}
function askGit(dir, env) {
  const r = spawnSync2("git", ["-C", dir, "rev-parse", "--show-toplevel"], { env: childEnv("git", env), encoding: "utf8", timeout: 3e4, shell: false });
  const top = r.status === 0 ? r.stdout.trim() : "";
  return top && path4.isAbsolute(top) ? top : void 0;
}

// src/cli/verdict.ts
var ANSI = { red: "\x1B[31m", green: "\x1B[32m", yellow: "\x1B[33m", dim: "\x1B[2m", bold: "\x1B[1m", reset: "\x1B[0m" };
function paint(on) {
  return (colour, s) => on ? `${ANSI[colour]}${s}${ANSI.reset}` : s;
}
var STATUS_COLOUR = { passed: "green", failed: "red", errored: "red", skipped: "dim" };
function stagePart(s, c) {
  const time = s.status === "skipped" ? "" : ` ${formatSeconds(s.durationMs)}`;
  return `${s.name} ${c(STATUS_COLOUR[s.status] ?? "yellow", s.status)}${time}`;
}
function renderVerdict(result, files, opts) {
  const c = paint(opts.colour);
  const v = result.verdict;
  const lines = [`verdict: ${v.passed ? c("green", "pass") : c("red", "fail")}`];
  for (const r of v.reasons) lines.push(safeLogText(`  - ${r}`));
  lines.push(`stages: ${result.stages.map((s) => stagePart(s, c)).join(", ")}`);
  lines.push(`summary: ${files.summary}`, `report: ${files.report}`, `sarif: ${files.sarif}`);
  if (files.checksums) lines.push(`checksums: ${files.checksums}`);
  return `${lines.join("\n")}
`;
}

// src/cli/main.ts
function quietly(log) {
  return { ...log, info: () => void 0, group: (_name, fn) => fn() };
}
async function main(argv) {
  const out = (s) => process.stdout.write(s);
  const err = (s) => process.stderr.write(s);
  if (argv[0] === "--version" || argv[0] === "version") {
    out(`${GATE_VERSION}
`);
    return 0;
  }
  if (argv[0] === "inspect") return runInspectCommand(argv.slice(1), { stdout: out, stderr: err });
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    err(`go-release-gate: ${e.message}
`);
    return 2;
  }
  if (parsed.help && parsed.command === "run") {
    out(runUsage());
    return 0;
  }
  if (parsed.help || !parsed.command) {
    (parsed.help ? out : err)(usage());
    return parsed.help ? 0 : 2;
  }
  if (parsed.command === "merge") return runMergeCommand(parsed.inputs, parsed.rest, { stdout: out, stderr: err });
  if (parsed.command !== "run") {
    err(`go-release-gate: unknown command "${parsed.command}"
${usage()}`);
    return 2;
  }
  if (parsed.rest.length) {
    err(`go-release-gate: unexpected argument "${parsed.rest[0]}"
`);
    return 2;
  }
  if (parsed.inputs.mode === "merge") {
    err("go-release-gate: --mode merge is the Action's way to merge; on the command line use: go-release-gate merge --out DIR SHARD_DIR...\n");
    return 2;
  }
  const env = process.env;
  const tempDir = fs5.mkdtempSync(path5.join(os3.tmpdir(), "go-release-gate-"));
  const where2 = chooseWorkspace({
    env,
    cwd: process.cwd(),
    workspaceFlag: parsed.workspace,
    dirFlag: parsed.inputs["working-directory"],
    outFlag: parsed.inputs["output-dir"],
    gitTopLevel: (d) => gitTopLevel(d, env)
  });
  const workspace = where2.workspace;
  const inputs = { ...parsed.inputs, ...where2.inputs };
  const outputs = fileOutputs();
  const loud = consoleLogger(err, env.RUNNER_DEBUG === "1");
  const log = parsed.quiet ? quietly(loud) : loud;
  if (where2.ignored) log.warning(where2.ignored);
  log.info(`workspace: ${workspace} (${where2.source})`);
  const base = answerFirst(nodeExec, takeEarly());
  const exec = parsed.quiet ? base : withProgress(base, workspace, (line) => loud.info(line));
  const cacheDir = parsed.inputs["cache-dir"];
  const cache = cacheDir ? localCacheStore(path5.resolve(cacheDir)) : void 0;
  const state = memoryState();
  try {
    const gate = inputs.shard ? runShard : runGate;
    const outcome = await gate(inputs, cliPorts({ exec, log, state, outputs, cache, env, tempDir, workspace }), { outputRoots: [] });
    outcome.out.write("outputs.json", `${JSON.stringify(outputs.values, null, 2)}
`);
    const plan = parsePlan(state.get(PLAN_STATE_KEY));
    if (plan) {
      const rows = await saveCaches(plan, cache, log, { removeDirs: true });
      try {
        outcome.out.append("summary.md", renderSaveSummary(rows));
      } catch (e) {
        log.warning(`could not add the cache save table to the summary: ${e.message}`);
      }
    }
    out(renderVerdict(outcome.result, outcome.files, { colour: process.stdout.isTTY === true && !env.NO_COLOR }));
    const usage2 = usageErrors(outcome.result);
    if (usage2.length) err(`go-release-gate: usage error (exit ${EXIT_USAGE}): ${usage2.map((f) => f.message).join("; ")}
`);
    return exitCodeOf(outcome.result);
  } catch (e) {
    if (e instanceof ConfigError) {
      err(`go-release-gate: ${e.message}
`);
      return 2;
    }
    err(`go-release-gate crashed: ${e instanceof Error ? e.stack ?? e.message : String(e)}
`);
    return 1;
  } finally {
    try {
      fs5.rmSync(tempDir, { recursive: true, force: true });
    } catch (e) {
      log.warning(`could not remove ${tempDir}: ${e.message}`);
    }
  }
}
function flushed(stream) {
  if (stream.writableLength === 0) return Promise.resolve();
  return new Promise((resolve) => stream.write("", () => resolve()));
}
main(process.argv.slice(2)).then(async (code) => {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  if (idleAtExit(process.getActiveResourcesInfo())) process.exit(code);
});
