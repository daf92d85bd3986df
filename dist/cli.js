#!/usr/bin/env node
import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);
import {
  ConfigError,
  FormatError,
  GATE_VERSION,
  INPUTS,
  MAX_SHARDS,
  STAGES,
  SUMMARY_LIMIT,
  TOOL,
  allRules,
  artifactFileName,
  binaryName,
  childEnv,
  compareFindings,
  decide,
  displayPath,
  finding,
  inspectFile,
  nodeExec,
  openOutputDir,
  parseShardInput,
  renderChecksums,
  rule,
  runGate,
  sameJobs,
  sarifResult,
  sarifRule,
  setIdOf,
  shardLabel,
  shareOf,
  skipped,
  sortJobs,
  statusFrom,
  toJson,
  where
} from "./chunks/chunk-YVKQ2ZYP.js";
import {
  renderSaveSummary,
  saveCaches
} from "./chunks/chunk-PYIBZFK3.js";
import {
  PLAN_STATE_KEY,
  cell,
  code,
  describeNetworkError,
  formatBytes,
  formatDuration,
  parsePlan,
  safeLogText,
  table,
  truncateText
} from "./chunks/chunk-OREDY4QA.js";

// src/cli/main.ts
import fs5 from "node:fs";
import os2 from "node:os";
import path6 from "node:path";

// src/cli/args.ts
var ALIASES = { dir: "working-directory", out: "output-dir" };
function parseArgs(argv) {
  const [command = "", ...args] = argv;
  const inputs = {};
  const rest = [];
  let help2 = command === "--help" || command === "-h" || command === "help";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--help" || a === "-h") {
      help2 = true;
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
  return { command, inputs, help: help2, rest };
}
function usage() {
  const lines = [
    "Usage:",
    "  go-release-gate run [flags]              build, check and report; exit 0 pass, 1 fail, 2 usage/config error",
    "  go-release-gate run --shard i/n [flags]  the same for shard i of n of the targets x packages: writes a shard bundle (never signs)",
    "  go-release-gate merge [--out DIR] SHARD_DIR...   check the shard bundles and merge them: one SHA256SUMS, SARIF, report, verdict",
    "  go-release-gate inspect [--json] [--go-version-m] FILE...   inspect binaries (readelf / ldd / go version -m)",
    "  go-release-gate --version",
    "",
    "Flags of run (the same as the Action inputs):"
  ];
  for (const s of INPUTS) {
    if (s.actionOnly) continue;
    const alias = Object.entries(ALIASES).find(([, v]) => v === s.name)?.[0];
    const flag = `--${alias ?? s.name}${s.kind === "boolean" ? "" : " VALUE"}`;
    const def = s.default ? ` (default ${s.default})` : "";
    lines.push(`  ${flag.padEnd(30)} ${s.description}${def}`);
  }
  return `${lines.join("\n")}
`;
}

// src/cli/adapters.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
function where2(loc) {
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
    warning: (m, loc) => line(`warning: ${where2(loc)}${m}`),
    error: (m, loc) => line(`error: ${where2(loc)}${m}`),
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
function cacheHome(env) {
  return env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
}
var RETRYABLE = (status) => status >= 500 || status === 408 || status === 429;
async function fetchToFile(url, dest) {
  let res;
  try {
    res = await fetch(url, { redirect: "follow" });
  } catch (e) {
    throw new Error(`GET ${url}: ${describeNetworkError(e)}`, { cause: e });
  }
  if (res.status !== 200 || !res.body) {
    const err = new Error(`GET ${url}: HTTP ${res.status}`);
    err.status = res.status;
    throw err;
  }
  const expected = Number(res.headers.get("content-length") ?? NaN);
  const of = Number.isFinite(expected) ? ` of ${expected}` : "";
  try {
    await pipeline(Readable.fromWeb(res.body), fs.createWriteStream(dest));
  } catch (e) {
    const got2 = fs.existsSync(dest) ? fs.statSync(dest).size : 0;
    throw new Error(`GET ${url}: connection closed after ${got2}${of} bytes (truncated): ${describeNetworkError(e)}`);
  }
  const got = fs.statSync(dest).size;
  if (Number.isFinite(expected) && got !== expected) throw new Error(`GET ${url}: received ${got}${of} bytes (truncated)`);
}
function localTools(root, tempDir, attempts = 3, backoffMs = 1e3) {
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
      fs.mkdirSync(tempDir, { recursive: true });
      const dest = path.join(tempDir, `download-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
      for (let attempt = 1; ; attempt++) {
        try {
          await fetchToFile(url, dest);
          return dest;
        } catch (e) {
          const status = e.status;
          fs.rmSync(dest, { force: true });
          if (attempt >= attempts || status !== void 0 && !RETRYABLE(status)) throw e;
          await new Promise((r) => setTimeout(r, backoffMs * attempt));
        }
      }
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

// src/cli/cache-store.ts
import fs2 from "node:fs";
import path2 from "node:path";
import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import { promisify } from "node:util";

// src/cache/match.ts
function matchEntry(entries, primaryKey, restoreKeys) {
  const newestFirst = [...entries].sort((a, b) => b.createdAtMs - a.createdAtMs || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  for (const k of [primaryKey, ...restoreKeys]) {
    const exact = newestFirst.find((e) => e.key === k);
    if (exact) return exact;
    const prefixed = newestFirst.find((e) => e.key.startsWith(k));
    if (prefixed) return prefixed;
  }
  return void 0;
}

// src/cli/cache-store.ts
var run = promisify(execFile);
var DAY = 24 * 60 * 60 * 1e3;
function entryName(key) {
  return createHash("sha256").update(key).digest("hex").slice(0, 40);
}
async function tar(args) {
  try {
    await run("tar", args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (e) {
    const err = e;
    throw new Error(`tar ${args[0]} failed: ${(err.stderr || err.message).trim()}`);
  }
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
    }
  };
}

// src/cli/inspect-command.ts
var USAGE = `usage: go-release-gate inspect [--json | --go-version-m] FILE...

Reads ELF, PE and Mach-O binaries without native tools and prints, per file: format,
architecture, static or dynamic (interpreter, needed libraries, rpath), stripped, PIE,
RELRO, NX, build ids, Go build info, leaked source paths, tzdata and UPX.

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
  lines.push(["upx", yn(b.upx)]);
  const width = Math.max(...lines.map(([k]) => k.length));
  return `${file}
${lines.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join("\n")}
`;
}
async function runInspectCommand(args, out) {
  let json2 = false;
  let goVersionM = false;
  const files = [];
  let flags = true;
  for (const a of args) {
    if (flags && a === "--") flags = false;
    else if (flags && a === "--json") json2 = true;
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
  if (files.length === 0 || json2 && goVersionM) {
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
    } else if (json2) records.push(...toJson(info));
    else {
      for (const s of info.slices ?? [info]) out.stdout(describe(s, info.slices ? `${file} (${s.arch})` : file));
      if (info.buildInfoError) out.stderr(`${file}: Go build info unreadable: ${info.buildInfoError}
`);
    }
  }
  if (json2) out.stdout(`${JSON.stringify(records, null, 2)}
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

// src/fanout/manifest.ts
var MANIFEST_NAME = "shard.json";
var MANIFEST_SCHEMA = "go-release-gate/shard-bundle@1";
var BundleError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "BundleError";
  }
};
function renderManifest(m) {
  return `${JSON.stringify(m, null, 2)}
`;
}
var HEX64 = /^[0-9a-f]{64}$/;
var PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,254}$/;
function parseManifest(text, file) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new BundleError(`${file}: not JSON (${e.message})`);
  }
  const bad = (field, want) => {
    throw new BundleError(`${file}: ${field} must be ${want}`);
  };
  const obj = (v, field) => v && typeof v === "object" && !Array.isArray(v) ? v : bad(field, "an object");
  const str = (v, field, re) => typeof v === "string" && (!re || re.test(v)) ? v : bad(field, re ? `a string matching ${re}` : "a string");
  const int = (v, field, min, max) => Number.isInteger(v) && v >= min && v <= max ? v : bad(field, `an integer from ${min} to ${max}`);
  const arr = (v, field) => Array.isArray(v) ? v : bad(field, "an array");
  const job = (v, field) => {
    const o = obj(v, field);
    return { goos: str(o.goos, `${field}.goos`, /^[a-z0-9]+$/), goarch: str(o.goarch, `${field}.goarch`, /^[a-z0-9]+$/), pkg: str(o.pkg, `${field}.pkg`, /^\S+$/) };
  };
  const d = obj(doc, "the document");
  if (d.schema !== MANIFEST_SCHEMA) bad("schema", `"${MANIFEST_SCHEMA}" (a bundle of another go-release-gate version?)`);
  const s = obj(d.shard, "shard");
  const count = int(s.count, "shard.count", 1, MAX_SHARDS);
  const shard = { index: int(s.index, "shard.index", 1, count), count };
  const set = obj(d.set, "set");
  const runner = obj(d.runner, "runner");
  const files = obj(d.files, "files");
  const verdict = d.verdict === "pass" || d.verdict === "fail" ? d.verdict : bad("verdict", '"pass" or "fail"');
  return {
    schema: MANIFEST_SCHEMA,
    shard,
    set: { id: str(set.id, "set.id", HEX64), jobs: arr(set.jobs, "set.jobs").map((j, i) => job(j, `set.jobs[${i}]`)) },
    jobs: arr(d.jobs, "jobs").map((j, i) => job(j, `jobs[${i}]`)),
    commit: str(d.commit, "commit", /^([0-9a-f]{40}|[0-9a-f]{64})?$/),
    runner: { os: str(runner.os, "runner.os"), arch: str(runner.arch, "runner.arch") },
    startedAt: str(d.startedAt, "startedAt"),
    durationMs: int(d.durationMs, "durationMs", 0, Number.MAX_SAFE_INTEGER),
    verdict,
    reasons: arr(d.reasons, "reasons").map((r, i) => str(r, `reasons[${i}]`)),
    goVersion: str(d.goVersion, "goVersion"),
    toolVersion: str(d.toolVersion, "toolVersion"),
    defaultFile: str(d.defaultFile, "defaultFile"),
    binaries: arr(d.binaries, "binaries").map((b, i) => {
      const o = obj(b, `binaries[${i}]`);
      const f = `binaries[${i}]`;
      return {
        name: str(o.name, `${f}.name`, PLAIN_NAME),
        goos: str(o.goos, `${f}.goos`),
        goarch: str(o.goarch, `${f}.goarch`),
        pkg: str(o.pkg, `${f}.pkg`),
        size: int(o.size, `${f}.size`, 0, Number.MAX_SAFE_INTEGER),
        sha256: str(o.sha256, `${f}.sha256`, HEX64)
      };
    }),
    files: {
      report: str(files.report, "files.report", PLAIN_NAME),
      sarif: str(files.sarif, "files.sarif", PLAIN_NAME),
      summary: str(files.summary, "files.summary", PLAIN_NAME),
      ...files.checksums !== void 0 ? { checksums: str(files.checksums, "files.checksums", PLAIN_NAME) } : {}
    }
  };
}
function parseChecksums(text, file) {
  const out = [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  lines.forEach((line, i) => {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m || !PLAIN_NAME.test(m[2])) throw new BundleError(`${file}:${i + 1}: not a "<sha256>  <file name>" line`);
    out.push({ sha256: m[1], name: m[2] });
  });
  return out;
}

// src/fanout/shard.ts
var SHARD_STAGES = STAGES.map(
  (s) => s.name === "sign" ? { ...s, run: async () => skipped("a shard never signs: the merge job signs the merged release once") } : s
);
async function runShard(inputs, ports, options = {}) {
  const shard = parseShardInput(inputs.shard ?? "");
  if (!shard) throw new ConfigError("shard", "is empty: a shard run needs i/n");
  let all = [];
  const outcome = await runGate(inputs, ports, {
    ...options,
    stages: SHARD_STAGES,
    selectJobs: (jobs) => {
      all = sortJobs(jobs);
      const mine = shareOf(all, shard);
      ports.log.info(`shard ${shardLabel(shard)}: ${mine.length} of ${all.length} build job(s)`);
      return mine;
    }
  });
  const { report, result } = outcome;
  const manifest = {
    schema: MANIFEST_SCHEMA,
    shard,
    set: { id: setIdOf(all, shard.count), jobs: all },
    jobs: shareOf(all, shard),
    commit: await sourceCommit(outcome.config, ports),
    runner: { os: ports.platform.os, arch: ports.platform.arch },
    startedAt: result.startedAt.toISOString(),
    durationMs: result.durationMs,
    verdict: result.verdict.passed ? "pass" : "fail",
    reasons: result.verdict.reasons,
    goVersion: report.goVersion,
    toolVersion: GATE_VERSION,
    defaultFile: report.defaultFile,
    binaries: report.artifacts.map((a) => ({ name: a.name, goos: a.goos, goarch: a.goarch, pkg: a.pkg, size: a.size, sha256: a.sha256 })),
    files: {
      report: "report.json",
      sarif: "results.sarif",
      summary: "summary.md",
      ...outcome.files.checksums ? { checksums: "SHA256SUMS" } : {}
    }
  };
  const manifestFile = outcome.out.write(MANIFEST_NAME, renderManifest(manifest));
  return { ...outcome, shard, manifest, manifestFile };
}
async function sourceCommit(config, ports) {
  if (config.event.sha) return config.event.sha;
  try {
    const r = await ports.exec.run("git", ["rev-parse", "HEAD"], { cwd: config.dir, env: childEnv("git", ports.env) });
    const sha = r.stdout.trim();
    if (r.code === 0 && /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(sha)) return sha;
  } catch {
  }
  ports.log.warning("shard: the source commit is unknown (no GITHUB_SHA and no git checkout): the merge cannot tell shards of different commits apart");
  return "";
}

// src/cli/merge-command.ts
import path5 from "node:path";

// src/fanout/merge-run.ts
import fs4 from "node:fs";
import path4 from "node:path";

// src/fanout/bundle.ts
import fs3 from "node:fs";
import path3 from "node:path";
import { createHash as createHash2 } from "node:crypto";
function readRegular(dir, name) {
  const p = path3.join(dir, name);
  let st;
  try {
    st = fs3.lstatSync(p);
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw e;
  }
  if (!st.isFile()) throw new BundleError(`${p} is not a regular file (${st.isSymbolicLink() ? "a symbolic link" : "not a file"})`);
  const fd = fs3.openSync(p, fs3.constants.O_RDONLY | (fs3.constants.O_NOFOLLOW ?? 0));
  try {
    return fs3.readFileSync(fd);
  } finally {
    fs3.closeSync(fd);
  }
}
function required(dir, name) {
  const data = readRegular(dir, name);
  if (!data) throw new BundleError(`${path3.join(dir, name)} is missing: not a complete shard bundle`);
  return data;
}
function json(dir, name) {
  try {
    const v = JSON.parse(required(dir, name).toString("utf8"));
    if (v && typeof v === "object" && !Array.isArray(v)) return v;
    throw new Error("not a JSON object");
  } catch (e) {
    if (e instanceof BundleError) throw e;
    throw new BundleError(`${path3.join(dir, name)}: ${e.message}`);
  }
}
function loadBundle(dir, source) {
  const manifestFile = path3.join(dir, MANIFEST_NAME);
  const manifest = parseManifest(required(dir, MANIFEST_NAME).toString("utf8"), manifestFile);
  const report = json(dir, manifest.files.report);
  const sarif = json(dir, manifest.files.sarif);
  const sumsName = manifest.files.checksums;
  const checksums = sumsName ? parseChecksums(required(dir, sumsName).toString("utf8"), path3.join(dir, sumsName)) : [];
  return { dir, report, sarif, view: { source, manifest, reportVerdict: String(report.verdict), checksums } };
}
function digestNow(dir, name) {
  const p = path3.join(dir, name);
  const st = fs3.lstatSync(p, { throwIfNoEntry: false });
  if (!st?.isFile()) return void 0;
  const h = createHash2("sha256");
  const fd = fs3.openSync(p, fs3.constants.O_RDONLY | (fs3.constants.O_NOFOLLOW ?? 0));
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n;
    while ((n = fs3.readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
  } finally {
    fs3.closeSync(fd);
  }
  return h.digest("hex");
}
function sha256(data) {
  return createHash2("sha256").update(data).digest("hex");
}

// src/fanout/check.ts
var help = (text) => `${text} Re-run the shard jobs of one workflow run (or one commit) and merge their bundles.`;
var MISSING_SHARD = rule({
  id: "merge/missing-shard",
  name: "MissingShard",
  shortDescription: "A shard of the set did not arrive.",
  fullDescription: "The shards say the release is split n ways, and no bundle of one of them was given to the merge (its job failed before uploading, was skipped or cancelled, or its artifact is missing). A release missing a shard is missing binaries.",
  help: help("Check the shard job named in the message."),
  defaultSeverity: "error"
});
var UNREADABLE_BUNDLE = rule({
  id: "merge/unreadable-bundle",
  name: "UnreadableBundle",
  shortDescription: "A shard bundle could not be read.",
  fullDescription: "A directory given to the merge has no valid shard.json, report.json, results.sarif or SHA256SUMS, so nothing in it can be checked.",
  help: help("Point the merge at the output directories of shard runs (run --shard i/n)."),
  defaultSeverity: "error"
});
var DUPLICATE_SHARD = rule({
  id: "merge/duplicate-shard",
  name: "DuplicateShard",
  shortDescription: "Two bundles claim the same shard.",
  fullDescription: "Two bundles carry the same shard number of one set; the merge cannot tell which one is the release.",
  help: help("Give each shard bundle once."),
  defaultSeverity: "error"
});
var OTHER_SET = rule({
  id: "merge/other-set",
  name: "OtherSet",
  shortDescription: "A shard belongs to another set.",
  fullDescription: "A shard split a different list of targets x packages, a different number of shards, or built with another Go or go-release-gate version than the others, or its share is not the one the split gives it: its binaries are not part of this release.",
  help: help("Give every shard the same targets, packages, toolchain and shard count (n of i/n)."),
  defaultSeverity: "error"
});
var OTHER_COMMIT = rule({
  id: "merge/other-commit",
  name: "OtherCommit",
  shortDescription: "A shard built another commit.",
  fullDescription: "A shard bundle records a different source commit than the other shards: the merged release would mix two versions of the code.",
  help: help("A re-run of only some shards after a new push mixes commits."),
  defaultSeverity: "error"
});
var SHARD_FAILED = rule({
  id: "merge/shard-failed",
  name: "ShardFailed",
  shortDescription: "A shard did not pass.",
  fullDescription: "A shard's own verdict was fail: one of its checks failed or could not run. The merged release never passes over a failed shard.",
  help: help("Read that shard's summary; the reasons are repeated in the message."),
  defaultSeverity: "error"
});
var CHECKSUM_MISMATCH = rule({
  id: "merge/checksum-mismatch",
  name: "ChecksumMismatch",
  shortDescription: "A binary does not match its shard's checksum.",
  fullDescription: "A binary in a shard bundle is missing, or its SHA-256 differs from the one its shard wrote into SHA256SUMS and shard.json: it changed between build and merge (tampered or corrupted), or the shard did not deliver a binary of its share.",
  help: help("Never publish it: find out who could write the bundle between the shard and the merge."),
  defaultSeverity: "error"
});
var FOREIGN_OUTPUT = rule({
  id: "merge/foreign-output",
  name: "ForeignOutput",
  shortDescription: "The merge output directory holds files the merge did not produce.",
  fullDescription: "Whatever is in the merge output directory is what an upload of it publishes. Files the gate writes left by an earlier run are removed first; any other entry is not the gate's to delete, so the merge fails naming it.",
  help: "Point --out (output-dir) at a directory only go-release-gate writes to, or remove the files named in the message.",
  defaultSeverity: "error"
});
var MERGE_RULES = [FOREIGN_OUTPUT, MISSING_SHARD, UNREADABLE_BUNDLE, DUPLICATE_SHARD, OTHER_SET, OTHER_COMMIT, SHARD_FAILED, CHECKSUM_MISMATCH];
function mostCommon(views, keyOf, valueOf) {
  const tally = /* @__PURE__ */ new Map();
  for (const v of views) {
    const k = keyOf(v);
    const t = tally.get(k);
    if (t) t.n++;
    else tally.set(k, { n: 1, first: v.manifest.shard.index, value: valueOf(v) });
  }
  return [...tally.values()].sort((a, b) => b.n - a.n || a.first - b.first)[0]?.value;
}
var label = (v) => `shard ${shardLabel(v.manifest.shard)} (${v.source})`;
function checkShards(views, actual) {
  const findings = [];
  const add = (r, subject, message, details) => findings.push(finding(r, "merge", { message, subject, ...details ? { details } : {} }));
  const sorted = [...views].sort((a, b) => a.manifest.shard.index - b.manifest.shard.index || (a.source < b.source ? -1 : 1));
  const ref = mostCommon(sorted, (v) => `${v.manifest.shard.count}\0${v.manifest.set.id}`, (v) => ({ count: v.manifest.shard.count, setId: v.manifest.set.id, jobs: v.manifest.set.jobs }));
  if (!ref) return { findings, members: [], reported: [] };
  const inSet = sorted.filter((v) => v.manifest.shard.count === ref.count && v.manifest.set.id === ref.setId);
  for (const v of sorted) {
    if (inSet.includes(v)) continue;
    add(OTHER_SET, `set\0${v.source}`, `${label(v)} belongs to another set: ${v.manifest.shard.count} shards of set ${v.manifest.set.id.slice(0, 12)}, the others ${ref.count} shards of set ${ref.setId.slice(0, 12)} (a different shard count, targets or packages)`);
  }
  const commit = mostCommon(inSet, (v) => v.manifest.commit, (v) => v.manifest.commit) ?? "";
  const goVersion = mostCommon(inSet, (v) => v.manifest.goVersion, (v) => v.manifest.goVersion) ?? "";
  const toolVersion = mostCommon(inSet, (v) => v.manifest.toolVersion, (v) => v.manifest.toolVersion) ?? "";
  const reference = { ...ref, commit, goVersion, toolVersion };
  const members = [];
  const reported = [];
  const seen = /* @__PURE__ */ new Map();
  for (const v of inSet) {
    const m = v.manifest;
    const first = seen.get(m.shard.index);
    if (first) {
      add(DUPLICATE_SHARD, `dup\0${m.shard.index}`, `shard ${shardLabel(m.shard)} was given twice: ${first.source} and ${v.source}`);
      continue;
    }
    seen.set(m.shard.index, v);
    let member = true;
    if (m.commit !== commit) {
      add(OTHER_COMMIT, `commit\0${m.shard.index}`, `${label(v)} built commit ${m.commit || "(unknown)"}, the other shards ${commit || "(unknown)"}`);
      member = false;
    }
    if (m.goVersion !== goVersion || m.toolVersion !== toolVersion) {
      add(OTHER_SET, `tool\0${m.shard.index}`, `${label(v)} built with Go ${m.goVersion || "(none)"} and go-release-gate ${m.toolVersion}, the other shards with Go ${goVersion || "(none)"} and go-release-gate ${toolVersion}: pin go-version so every runner builds with the same Go`);
      member = false;
    }
    const share = shareOf(ref.jobs, m.shard);
    if (!sameJobs(m.jobs, share)) {
      add(OTHER_SET, `share\0${m.shard.index}`, `${label(v)} built ${m.jobs.length} job(s), not the ${share.length} its share of the set holds`);
      member = false;
    }
    if (m.verdict !== "pass" || v.reportVerdict !== "pass") {
      const why = m.reasons.length ? `: ${m.reasons.join("; ")}` : m.verdict === "pass" ? ": its report.json says fail" : "";
      add(SHARD_FAILED, `failed\0${m.shard.index}`, `${label(v)} failed${why}`, m.reasons.join("\n"));
      member = false;
    }
    findings.push(...binaryProblems(v, share, actual));
    if (member) members.push(v);
    if (m.commit === commit) reported.push(v);
  }
  for (let i = 1; i <= ref.count; i++) {
    if (!seen.has(i)) add(MISSING_SHARD, `missing\0${i}`, `shard ${i}/${ref.count} did not arrive: no bundle of it was given to the merge`);
  }
  return { findings, members, reported, reference };
}
function binaryProblems(v, share, actual) {
  const out = [];
  const m = v.manifest;
  const bad = (name, message) => out.push(finding(CHECKSUM_MISMATCH, "merge", { message: `${label(v)}: ${message}`, subject: `sum\0${m.shard.index}\0${name}` }));
  const sums = new Map(v.checksums.map((c) => [c.name, c.sha256]));
  const listed = new Map(m.binaries.map((b) => [b.name, b]));
  if (m.verdict === "pass") {
    for (const j of share) {
      const name = artifactFileName(binaryName(j.pkg), { goos: j.goos, goarch: j.goarch });
      if (!listed.has(name)) bad(name, `${name} (${j.pkg} for ${j.goos}/${j.goarch}) is part of its share but not in its bundle`);
    }
  }
  for (const c of v.checksums) if (!listed.has(c.name)) bad(c.name, `SHA256SUMS lists ${c.name}, which shard.json does not`);
  for (const b of m.binaries) {
    const sum = sums.get(b.name);
    if (sum === void 0) {
      bad(b.name, `${b.name} is not in its SHA256SUMS`);
      continue;
    }
    if (sum !== b.sha256) {
      bad(b.name, `${b.name}: SHA256SUMS says ${sum}, shard.json ${b.sha256}`);
      continue;
    }
    const now = actual(v, b.name);
    if (now === void 0) bad(b.name, `${b.name} is missing from the bundle`);
    else if (now !== sum) bad(b.name, `${b.name} no longer matches its checksum (SHA256SUMS ${sum}, the file now ${now}): tampered with or corrupted after the build`);
  }
  return out;
}

// src/fanout/merge.ts
function mergeChecksums(lists) {
  const byName = /* @__PURE__ */ new Map();
  const conflicts = [];
  for (const list2 of lists) {
    for (const e of list2) {
      const had = byName.get(e.name);
      if (had === void 0) byName.set(e.name, e.sha256);
      else if (had !== e.sha256 && !conflicts.includes(e.name)) conflicts.push(e.name);
    }
  }
  return { text: renderChecksums([...byName].map(([name, sha2562]) => ({ name, sha256: sha2562 }))), conflicts: conflicts.sort() };
}
function mergeFindings(perShard) {
  const kept = /* @__PURE__ */ new Map();
  for (const findings of perShard) {
    const n = /* @__PURE__ */ new Map();
    for (const f of findings) {
      const k = (n.get(f.fingerprint) ?? 0) + 1;
      n.set(f.fingerprint, k);
      const key = `${f.fingerprint}:${k}`;
      if (!kept.has(key)) kept.set(key, f);
    }
  }
  return [...kept.values()].sort(compareFindings);
}
var WORST = ["errored", "failed", "passed", "skipped"];
function mergeStages(perShard, findings) {
  const names = [];
  for (const stages of perShard) for (const s of stages) if (!names.includes(s.name)) names.push(s.name);
  return names.map((name) => {
    const all = perShard.flatMap((stages) => stages.filter((s) => s.name === name));
    const status = WORST.find((st) => all.some((s) => s.status === st)) ?? "skipped";
    const reason = all.find((s) => s.status === status && s.reason)?.reason;
    const metrics = {};
    const keys = [...new Set(all.flatMap((s) => Object.keys(s.metrics ?? {})))];
    for (const k of keys) {
      const values = all.map((s) => s.metrics?.[k]).filter((v) => v !== void 0);
      if (values.every((v) => typeof v === "number")) metrics[k] = values.reduce((a, b) => a + b, 0);
      else if (values.every((v) => v === values[0])) metrics[k] = values[0];
    }
    return {
      name,
      status,
      ...reason ? { reason } : {},
      durationMs: Math.max(0, ...all.map((s) => s.durationMs)),
      findings: findings.filter((f) => f.stage === name),
      ...keys.length ? { metrics } : {}
    };
  });
}
function mergedVerdict(stages) {
  return decide(stages);
}
var LEVEL_ORDER = { error: 0, warning: 1, note: 2, none: 3 };
function mergeSarif(docs, extra) {
  const runs = /* @__PURE__ */ new Map();
  const order = [];
  for (const doc2 of docs) {
    for (const run2 of doc2.runs ?? []) {
      const key = `${run2.tool.driver.name}\0${run2.automationDetails?.id ?? ""}`;
      const into = runs.get(key);
      if (!into) {
        runs.set(key, structuredClone({ ...run2, results: [] }));
        order.push(key);
      }
      addResults(runs.get(key), run2);
    }
  }
  if (extra.findings.length) {
    let checks = [...runs.values()].find((r) => r.tool.driver.name === extra.tool.name);
    if (!checks) {
      checks = {
        tool: { driver: { name: extra.tool.name, version: extra.tool.version, informationUri: extra.tool.informationUri, semanticVersion: extra.tool.version, rules: [] } },
        automationDetails: { id: "go-release-gate/checks/" },
        invocations: [{ executionSuccessful: true }],
        results: []
      };
      runs.set("checks", checks);
      order.unshift("checks");
    }
    const rules = checks.tool.driver.rules ?? (checks.tool.driver.rules = []);
    for (const r of extra.rules) if (!rules.some((x) => x.id === r.id)) rules.push(sarifRule(r));
    const seen = /* @__PURE__ */ new Map();
    for (const f of extra.findings) {
      const n = (seen.get(f.fingerprint) ?? 0) + 1;
      seen.set(f.fingerprint, n);
      checks.results.push(sarifResult(f, rules.findIndex((x) => x.id === f.ruleId), `${f.fingerprint}:${n}`, extra.defaultFile));
    }
  }
  for (const run2 of runs.values()) {
    run2.results = run2.results.map((r, i) => ({ r, i })).sort((a, b) => (LEVEL_ORDER[String(a.r.level)] ?? 3) - (LEVEL_ORDER[String(b.r.level)] ?? 3) || a.i - b.i).map((x) => x.r);
  }
  const doc = { $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: order.map((k) => runs.get(k)) };
  return `${JSON.stringify(doc, null, 2)}
`;
}
function fingerprintOf(result) {
  const fp = result.partialFingerprints?.primaryLocationLineHash;
  return typeof fp === "string" ? fp : JSON.stringify([result.ruleId, result.message, result.locations]);
}
function addResults(into, run2) {
  const rules = into.tool.driver.rules ?? (into.tool.driver.rules = []);
  const own = run2.tool.driver.rules ?? [];
  for (const r of own) if (!rules.some((x) => x.id === r.id)) rules.push(structuredClone(r));
  const have = new Set(into.results.map(fingerprintOf));
  for (const result of run2.results ?? []) {
    const fp = fingerprintOf(result);
    if (have.has(fp)) continue;
    have.add(fp);
    const index = rules.findIndex((x) => x.id === result.ruleId);
    into.results.push({ ...structuredClone(result), ...index >= 0 ? { ruleIndex: index } : {} });
  }
  const a = (into.invocations ??= [{}])[0];
  const b = run2.invocations?.[0];
  if (b && a !== b) {
    a.executionSuccessful = a.executionSuccessful !== false && b.executionSuccessful !== false;
    if (typeof b.startTimeUtc === "string" && (typeof a.startTimeUtc !== "string" || b.startTimeUtc < a.startTimeUtc)) a.startTimeUtc = b.startTimeUtc;
    if (typeof b.endTimeUtc === "string" && (typeof a.endTimeUtc !== "string" || b.endTimeUtc > a.endTimeUtc)) a.endTimeUtc = b.endTimeUtc;
    const notes = [...a.toolExecutionNotifications ?? [], ...b.toolExecutionNotifications ?? []];
    const unique = notes.filter((n, i) => notes.findIndex((x) => JSON.stringify(x) === JSON.stringify(n)) === i);
    if (unique.length) a.toolExecutionNotifications = unique;
  }
}
function shardRow(source, m, merged) {
  return { shard: shardLabel(m.shard), source, runner: `${m.runner.os}/${m.runner.arch}`, durationMs: m.durationMs, verdict: m.verdict, binaries: m.binaries.length, merged };
}
function renderMergedJson(r) {
  const doc = {
    verdict: r.verdict.passed ? "pass" : "fail",
    reasons: r.verdict.reasons,
    goVersion: r.goVersion,
    mode: r.mode,
    modeReason: r.modeReason,
    toolVersion: r.toolVersion,
    startedAt: r.startedAt,
    durationMs: r.durationMs,
    merged: { set: r.set, commit: r.commit, shards: r.shards },
    stages: r.stages.map((s) => ({
      name: s.name,
      status: s.status,
      ...s.reason ? { reason: s.reason } : {},
      durationMs: s.durationMs,
      findings: s.findings.length,
      ...s.metrics ? { metrics: s.metrics } : {}
    })),
    findings: r.findings,
    artifacts: r.artifacts.map((a) => ({ path: a.path, goos: a.goos, goarch: a.goarch, size: a.size, sha256: a.sha256 }))
  };
  return `${JSON.stringify(doc, null, 2)}
`;
}

// src/fanout/summary.ts
var ICON = { passed: "\u2705", failed: "\u274C", skipped: "\u23ED\uFE0F", errored: "\u{1F4A5}" };
var MAX_ROWS = 200;
function renderMergeSummary(r) {
  const v = r.verdict;
  const out = [`## ${v.passed ? "\u2705" : "\u274C"} go-release-gate: ${v.passed ? "pass" : "fail"} (${r.set.count} shard${r.set.count === 1 ? "" : "s"} merged)`, ""];
  if (v.reasons.length) {
    out.push("**Why it failed**", "");
    for (const reason of v.reasons) out.push(`- ${cell(truncateText(reason, 2e3))}`);
    out.push("");
  }
  out.push(
    `Mode **${cell(r.mode)}** (${cell(r.modeReason)}), commit ${code(r.commit || "unknown")}, Go **${cell(r.goVersion || "not installed")}**, set ${code(r.set.id.slice(0, 12))} of ${r.set.jobs} build job(s), ${r.artifacts.length} binar${r.artifacts.length === 1 ? "y" : "ies"} merged.`,
    "",
    "### Shards",
    "",
    table(["Shard", "Runner", "Duration", "Verdict", "Binaries", "Bundle"], r.shards.map((s) => [
      cell(s.shard),
      cell(s.runner),
      formatDuration(s.durationMs),
      s.verdict === "pass" ? "\u2705 pass" : "\u274C fail",
      String(s.binaries),
      code(s.source)
    ])),
    "",
    "### Stages across shards",
    "",
    table(["Stage", "Status", "Findings", "Longest"], r.stages.map((s) => [
      cell(s.name),
      `${ICON[s.status]} ${s.status}${s.reason ? `: ${cell(s.reason)}` : ""}`,
      String(s.findings.length),
      formatDuration(s.durationMs)
    ])),
    ""
  );
  if (r.artifacts.length) {
    out.push("### Binaries", "", table(["File", "Target", "Size", "SHA-256"], r.artifacts.slice(0, MAX_ROWS).map((a) => [code(a.name), cell(`${a.goos}/${a.goarch}`), formatBytes(a.size), code(a.sha256)])), "");
    if (r.artifacts.length > MAX_ROWS) out.push(`${r.artifacts.length - MAX_ROWS} more in report.json.`, "");
  }
  if (r.findings.length) {
    out.push("### Findings", "", table(["Severity", "Rule", "Where", "Message"], r.findings.slice(0, MAX_ROWS).map((f) => [f.severity, code(f.ruleId), cell(where(f)), cell(truncateText(f.message, 500))])), "");
    if (r.findings.length > MAX_ROWS) out.push(`${r.findings.length - MAX_ROWS} more in report.json.`, "");
  }
  const text = `${out.join("\n")}
`;
  return text.length <= SUMMARY_LIMIT ? text : `${text.slice(0, text.lastIndexOf("\n", SUMMARY_LIMIT - 200))}

\u2026 cut to stay under GitHub's 1 MiB summary limit (full record in report.json)
`;
}

// src/fanout/merge-run.ts
var MergeUsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "MergeUsageError";
  }
};
function real(p) {
  try {
    return fs4.realpathSync(p);
  } catch {
    return path4.resolve(p);
  }
}
async function runMerge(opts) {
  const started = /* @__PURE__ */ new Date();
  const t0 = performance.now();
  if (opts.sources.length === 0) throw new MergeUsageError("no shard bundle given: pass the shard output directories");
  const outReal = real(opts.outDir);
  for (const s of opts.sources) {
    if (real(s.dir) === outReal) throw new MergeUsageError(`the merge output directory ${opts.outDir} is also the shard bundle ${s.name}: write the merge elsewhere`);
  }
  const out = openOutputDir(opts.outDir);
  const shown = displayPath(opts.workspace, out.dir) || ".";
  const own = [];
  const { removed, foreign } = out.clear();
  if (removed.length) opts.log.info(`removed ${removed.length} file(s) an earlier run left in ${shown}`);
  if (foreign.length) own.push(finding(FOREIGN_OUTPUT, "merge", { message: `output directory ${shown} holds ${foreign.length} entr${foreign.length === 1 ? "y" : "ies"} the merge did not produce: ${foreign.slice(0, 20).join(", ")}`, subject: shown }));
  const bundles = [];
  for (const s of opts.sources) {
    try {
      bundles.push(loadBundle(s.dir, s.name));
    } catch (e) {
      if (!(e instanceof BundleError)) throw e;
      own.push(finding(UNREADABLE_BUNDLE, "merge", { message: `${s.name}: ${e.message}`, subject: s.name }));
    }
  }
  const byView = new Map(bundles.map((b) => [b.view, b]));
  const checked = checkShards(bundles.map((b) => b.view), (v, name) => digestNow(byView.get(v).dir, name));
  own.push(...checked.findings);
  const artifacts = [];
  const sums = [];
  const members = checked.members.map((v) => byView.get(v));
  for (const b of members) {
    const lines = [];
    for (const bin of b.view.manifest.binaries) {
      const data = readRegular(b.dir, bin.name);
      const digest = data ? sha256(data) : void 0;
      if (!data || digest !== bin.sha256) {
        own.push(finding(CHECKSUM_MISMATCH, "merge", { message: `shard ${b.view.manifest.shard.index}/${b.view.manifest.shard.count} (${b.view.source}): ${bin.name} changed while it was merged`, subject: `copy\0${bin.name}` }));
        continue;
      }
      if (artifacts.some((a) => a.name === bin.name)) {
        lines.push({ name: bin.name, sha256: digest });
        continue;
      }
      const p = out.write(bin.name, data, 493);
      artifacts.push({ path: displayPath(opts.workspace, p), name: bin.name, goos: bin.goos, goarch: bin.goarch, size: data.length, sha256: digest });
      lines.push({ name: bin.name, sha256: digest });
    }
    sums.push(lines);
  }
  const checksums = mergeChecksums(sums);
  for (const name of checksums.conflicts) {
    own.push(finding(CHECKSUM_MISMATCH, "merge", { message: `${name} was built by two shards with different digests: the shards did not build the same thing`, subject: `conflict\0${name}` }));
  }
  artifacts.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const checksumsFile = artifacts.length ? out.write("SHA256SUMS", checksums.text) : void 0;
  const reported = checked.reported.map((v) => byView.get(v));
  const findings = mergeFindings(reported.map((b) => Array.isArray(b.report.findings) ? b.report.findings : []));
  const durationMs = Math.round(performance.now() - t0);
  const mergeStage = {
    name: "merge",
    status: statusFrom(own),
    findings: own,
    durationMs,
    metrics: { shards: bundles.length, expected: checked.reference?.count ?? 0, binaries: artifacts.length }
  };
  const stages = [...mergeStages(reported.map((b) => Array.isArray(b.report.stages) ? b.report.stages : []), findings), mergeStage];
  const ref = checked.reference;
  const first = reported[0] ?? bundles[0];
  const record = {
    verdict: mergedVerdict(stages),
    stages,
    findings: [...own, ...findings],
    shards: bundles.map((b) => shardRow(b.view.source, b.view.manifest, checked.members.includes(b.view))).sort((a, b) => a.shard < b.shard ? -1 : 1),
    artifacts,
    set: { id: ref?.setId ?? "", count: ref?.count ?? 0, jobs: ref?.jobs.length ?? 0 },
    commit: ref?.commit ?? "",
    goVersion: ref?.goVersion ?? "",
    toolVersion: GATE_VERSION,
    mode: opts.mode?.mode ?? String(first?.report.mode ?? "check"),
    modeReason: opts.mode?.reason ?? String(first?.report.modeReason ?? "the shards' mode"),
    startedAt: started.toISOString(),
    durationMs
  };
  const sarif = mergeSarif(reported.map((b) => b.sarif), {
    findings: own,
    rules: MERGE_RULES,
    defaultFile: first?.view.manifest.defaultFile || "go.mod",
    tool: { ...TOOL, version: GATE_VERSION }
  });
  const summary = renderMergeSummary(record);
  const files = {
    sarif: out.write("results.sarif", sarif),
    report: out.write("report.json", renderMergedJson(record)),
    summary: out.write("summary.md", summary),
    ...checksumsFile ? { checksums: checksumsFile } : {}
  };
  for (const f of own) (f.severity === "error" ? opts.log.error : opts.log.warning)(f.message);
  const o = opts.outputs;
  if (o) {
    o.set("verdict", record.verdict.passed ? "pass" : "fail");
    o.set("reasons", JSON.stringify(record.verdict.reasons));
    o.set("mode", record.mode);
    o.set("go-version", record.goVersion);
    o.set("artifacts", JSON.stringify(artifacts.map((a) => ({ path: a.path, goos: a.goos, goarch: a.goarch, size: a.size, sha256: a.sha256 }))));
    o.set("checksums-file", files.checksums ?? "");
    o.set("sarif-file", files.sarif);
    o.set("report-file", files.report);
    o.set("summary-file", files.summary);
    o.set("cache-hit", "off");
    o.set("signatures", "[]");
    o.set("public-key", "");
    await o.summary(summary);
  }
  return { record, files, out };
}

// src/cli/merge-command.ts
async function runMergeCommand(inputs, dirs, io) {
  const extra = Object.keys(inputs).filter((k) => k !== "output-dir");
  if (extra.length) {
    io.stderr(`go-release-gate merge: --${extra[0]} is a flag of run; merge takes --out DIR and the shard directories
`);
    return EXIT_USAGE;
  }
  const env = process.env;
  const cwd = process.cwd();
  const workspace = env.GITHUB_WORKSPACE || cwd;
  const outputs = fileOutputs();
  try {
    const outcome = await runMerge({
      outDir: path5.resolve(cwd, inputs["output-dir"] || "gate-out"),
      sources: dirs.map((d) => ({ dir: path5.resolve(cwd, d), name: d })),
      workspace,
      log: consoleLogger(io.stderr, env.RUNNER_DEBUG === "1"),
      outputs
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
  }
}

// src/cli/main.ts
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
  const env = process.env;
  const tempDir = fs5.mkdtempSync(path6.join(os2.tmpdir(), "go-release-gate-"));
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const outputs = fileOutputs();
  const log = consoleLogger(err, env.RUNNER_DEBUG === "1");
  const cacheDir = parsed.inputs["cache-dir"];
  const cache = cacheDir ? localCacheStore(path6.resolve(cacheDir)) : void 0;
  const state = memoryState();
  try {
    const gate = parsed.inputs.shard ? runShard : runGate;
    const outcome = await gate(parsed.inputs, {
      exec: nodeExec,
      log,
      tools: localTools(path6.join(cacheHome(env), "go-release-gate", "tools"), tempDir),
      state,
      outputs,
      cache,
      env,
      tempDir,
      workspace,
      platform: { os: os2.type(), arch: process.arch.toUpperCase() }
    }, { outputRoots: [] });
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
    const v = outcome.result.verdict;
    out(`verdict: ${v.passed ? "pass" : "fail"}
`);
    for (const r of v.reasons) out(`  - ${r}
`);
    out(`summary: ${outcome.files.summary}
report: ${outcome.files.report}
sarif: ${outcome.files.sarif}
`);
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
main(process.argv.slice(2)).then((code2) => {
  process.exitCode = code2;
});
