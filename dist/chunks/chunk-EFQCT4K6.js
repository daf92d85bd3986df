import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);

// src/util/hash.ts
import fs from "node:fs";

// src/util/builtin.ts
import { createRequire } from "node:module";
function onFirstUse(id) {
  let loaded;
  return () => loaded ??= createRequire(import.meta.url)(id);
}

// src/util/hash.ts
var nodeCrypto = onFirstUse("node:crypto");
var sha256Hash = () => nodeCrypto().createHash("sha256");
var randomUUID = () => nodeCrypto().randomUUID();
function sha256Hex(data) {
  const c = nodeCrypto();
  return typeof c.hash === "function" ? c.hash("sha256", data, "hex") : c.createHash("sha256").update(data).digest("hex");
}
var readBuffer;
function sharedReadBuffer() {
  return readBuffer ??= Buffer.allocUnsafe(1 << 20);
}
function sha256File(file, opts = {}) {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (opts.noFollow ? fs.constants.O_NOFOLLOW ?? 0 : 0));
  try {
    const h = sha256Hash();
    const buf = sharedReadBuffer();
    let n;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
    return h.digest("hex");
  } finally {
    fs.closeSync(fd);
  }
}
var READ_AHEAD_BYTES = 1 << 20;
var spareBuffers = [];
async function sha256FileReadAhead(file) {
  const fh = await fs.promises.open(file, "r");
  const bufs = [spareBuffers.pop() ?? Buffer.allocUnsafe(READ_AHEAD_BYTES), spareBuffers.pop() ?? Buffer.allocUnsafe(READ_AHEAD_BYTES)];
  let reading = false;
  try {
    const h = sha256Hash();
    let at = 0;
    let next = 0;
    reading = true;
    let pending = fh.read(bufs[next], 0, READ_AHEAD_BYTES, at);
    for (; ; ) {
      const { bytesRead } = await pending;
      reading = false;
      if (bytesRead === 0) return h.digest("hex");
      at += bytesRead;
      const full = bufs[next];
      next ^= 1;
      reading = true;
      pending = fh.read(bufs[next], 0, READ_AHEAD_BYTES, at);
      h.update(full.subarray(0, bytesRead));
    }
  } finally {
    if (!reading) spareBuffers.push(...bufs);
    await fh.close();
  }
}

// src/cache/keys.ts
var KEY_PREFIX = "go-release-gate-v1";
function keyPart(value) {
  return value.replace(/[^A-Za-z0-9._]+/g, "_") || "_";
}
function sha256(data) {
  return sha256Hash().update(data).digest("hex");
}
function scopeHash(s) {
  const targets = s.targets.map((t) => `${t.goos}/${t.goarch}`).sort();
  const tags = [...s.tags].sort();
  return sha256(JSON.stringify([s.job, s.dir.split("\\").join("/"), targets, tags, s.cgo])).slice(0, 12);
}
function goSumHash(files) {
  const h = sha256Hash();
  for (const f of [...files].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) {
    h.update(f.path.split("\\").join("/")).update("\0").update(sha256(f.content)).update("\0");
  }
  return h.digest("hex").slice(0, 20);
}
function runSuffix(env, nowMs) {
  const id = env.GITHUB_RUN_ID;
  if (id) return keyPart(`r${id}.${env.GITHUB_RUN_ATTEMPT || "1"}`);
  return `t${nowMs.toString(36)}`;
}
function base(kind, p) {
  return `${KEY_PREFIX}-${kind === "modules" ? "gomod" : "gobuild"}-${keyPart(p.os)}-${keyPart(p.arch)}-go${keyPart(p.goVersion)}`;
}
function moduleKeys(p) {
  const b = base("modules", p);
  const scoped = `${b}-${p.scope}-`;
  const key = `${scoped}${p.goSum}`;
  return {
    key,
    restoreKeys: [scoped, `${b}-`, `${KEY_PREFIX}-gomod-${keyPart(p.os)}-${keyPart(p.arch)}-`],
    hitPrefix: key
  };
}
function buildKeys(p) {
  const b = base("build", p);
  const scoped = `${b}-${p.scope}-`;
  const hitPrefix = `${scoped}${p.goSum}-`;
  return { key: `${hitPrefix}${keyPart(p.run)}`, restoreKeys: [hitPrefix, scoped, `${b}-`], hitPrefix };
}
function sameKey(a, b) {
  return a !== void 0 && b !== void 0 && a.localeCompare(b, void 0, { sensitivity: "accent" }) === 0;
}
function keyHasPrefix(key, prefix) {
  return key.length >= prefix.length && sameKey(key.slice(0, prefix.length), prefix);
}
function restoreState(keys, matchedKey) {
  if (!matchedKey) return "miss";
  return sameKey(matchedKey, keys.key) || keyHasPrefix(matchedKey, keys.hitPrefix) ? "hit" : "partial";
}
function buildScopeOf(key) {
  const parts = key.split("-");
  const prefix = `${KEY_PREFIX}-gobuild`.split("-");
  if (parts.length !== prefix.length + 6 || prefix.some((p, i) => parts[i] !== p)) return void 0;
  if (!/^[0-9a-f]{20}$/.test(parts[prefix.length + 4]) || !parts[prefix.length + 2].startsWith("go") || parts.at(-1) === "") return void 0;
  return `${parts.slice(0, prefix.length + 4).join("-")}-`;
}
function trivyDbKeys(os, nowMs) {
  const prefix = `${KEY_PREFIX}-trivydb-${keyPart(os)}-`;
  const key = `${prefix}${new Date(nowMs).toISOString().slice(0, 10)}`;
  return { key, restoreKeys: [prefix], hitPrefix: key };
}

// src/cache/plan.ts
var PLAN_STATE_KEY = "cache-plan";
function serializePlan(plan) {
  return JSON.stringify(plan);
}
function parsePlan(text) {
  if (!text) return void 0;
  try {
    const p = JSON.parse(text);
    if (p?.version !== 1 || !Array.isArray(p.slots) || typeof p.startedAtMs !== "number") return void 0;
    return p;
  } catch {
    return void 0;
  }
}
function saveDecision(plan, slot) {
  if (plan.mode === "read-only") return { save: false, reason: "read-only: this run restores caches but never writes them" };
  if (plan.mode === "off") return { save: false, reason: "cache: off" };
  if (slot.noSave) return { save: false, reason: slot.noSave };
  if (sameKey(slot.matchedKey, slot.key)) {
    return { save: false, reason: slot.state === "error" ? "the entry for this key exists (only its download failed)" : "exact key hit: the entry exists" };
  }
  if (slot.kind === "modules" && slot.state === "hit") return { save: false, reason: "key hit: the entry for this go.sum exists" };
  return { save: true };
}

// src/cache/disk.ts
import fs2 from "node:fs";
import path from "node:path";
var SKIP_DIR = (name) => name.startsWith(".") || name.startsWith("_") || name === "testdata" || name === "vendor" || name === "node_modules";
function findGoSums(root) {
  const found = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = fs2.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIR(e.name)) walk(p);
      } else if (e.isFile() && (e.name === "go.sum" || e.name === "go.work.sum")) {
        found.push({ path: path.relative(root, p).split(path.sep).join("/"), content: fs2.readFileSync(p) });
      }
    }
  };
  walk(root);
  return found;
}
function treeSize(dir) {
  let total = 0;
  const walk = (d) => {
    let entries;
    try {
      entries = fs2.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) total += fs2.lstatSync(p).size;
    }
  };
  walk(dir);
  return total;
}
function listGoCache(dir) {
  const out = [];
  for (const e of fs2.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isFile()) {
      const st = fs2.lstatSync(p);
      out.push({ path: e.name, size: st.size, mtimeMs: st.mtimeMs });
      continue;
    }
    if (!e.isDirectory()) continue;
    for (const sub of fs2.readdirSync(p, { withFileTypes: true })) {
      const q = path.join(p, sub.name);
      const st = fs2.lstatSync(q);
      out.push({ path: `${e.name}/${sub.name}`, size: sub.isDirectory() ? treeSize(q) : st.size, mtimeMs: st.mtimeMs });
    }
  }
  return out;
}
function removeTree(dir) {
  try {
    fs2.rmSync(dir, { recursive: true, force: true });
    return;
  } catch {
  }
  const chmod = (d) => {
    try {
      fs2.chmodSync(d, 493);
      for (const e of fs2.readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) chmod(path.join(d, e.name));
    } catch {
    }
  };
  chmod(dir);
  fs2.rmSync(dir, { recursive: true, force: true });
}
function freshDir(dir) {
  removeTree(dir);
  fs2.mkdirSync(dir, { recursive: true });
}
function isEmptyDir(dir) {
  try {
    return fs2.readdirSync(dir).length === 0;
  } catch {
    return true;
  }
}
function applyTrim(dir, files) {
  for (const f of files) fs2.rmSync(path.join(dir, ...f.path.split("/")), { recursive: true, force: true });
}
var MAX_USES = 1e3;
function claimCacheDirs(root) {
  fs2.mkdirSync(root, { recursive: true });
  for (let n = 1; n <= MAX_USES; n++) {
    try {
      fs2.writeFileSync(path.join(root, `use-${n}`), String(process.pid), { flag: "wx" });
    } catch (e) {
      if (e.code === "EEXIST") continue;
      throw e;
    }
    const suffix = n === 1 ? "" : `-${n}`;
    return { modules: path.join(root, `gomod${suffix}`), build: path.join(root, `gocache${suffix}`) };
  }
  throw new Error(`${root} already holds ${MAX_USES} claims (use-1 ... use-${MAX_USES}): not a directory this job's runs left`);
}

// src/report/escape.ts
function escapeHtml(text) {
  return text.replace(/[&<>|`\\*[\]]/g, (c) => `&#${c.charCodeAt(0)};`);
}
function cell(text) {
  return escapeHtml(text).replace(/\r?\n/g, "<br>");
}
function code(text) {
  return `<code>${cell(text)}</code>`;
}
function table(header, rows) {
  const line = (cols) => `| ${cols.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
function truncateText(text, max, rest = "report.json") {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}
\u2026 ${text.length - max} more characters cut (full text in ${rest})`;
}
function detailsBlock(title, body, max) {
  return ["<details><summary>" + cell(title) + "</summary>", "", "<pre>", escapeHtml(truncateText(body.replace(/\r\n?/g, "\n"), max)), "</pre>", "</details>"].join("\n");
}
function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  const units = ["KiB", "MiB", "GiB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}
function formatDuration(ms) {
  return ms < 1e3 ? `${ms} ms` : `${(ms / 1e3).toFixed(1)} s`;
}
function sentence(text) {
  const t = text.trim().replace(/[\s.]+$/, "");
  if (t === "") return "";
  return /[!?:]$/.test(t) ? t : `${t}.`;
}

// src/scan/db.ts
import fs3 from "node:fs";
import path2 from "node:path";
function date(v) {
  if (typeof v !== "string") return void 0;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? void 0 : d;
}
function readDbMetadata(cacheDir) {
  const dir = path2.join(cacheDir, "db");
  try {
    if (!fs3.statSync(path2.join(dir, "trivy.db")).isFile()) return void 0;
    const m = JSON.parse(fs3.readFileSync(path2.join(dir, "metadata.json"), "utf8"));
    const nextUpdate = date(m.NextUpdate);
    const updatedAt = date(m.UpdatedAt);
    if (!nextUpdate || !updatedAt || typeof m.Version !== "number") return void 0;
    const downloadedAt = date(m.DownloadedAt);
    return { version: m.Version, nextUpdate, updatedAt, ...downloadedAt ? { downloadedAt } : {} };
  } catch {
    return void 0;
  }
}
function isFresh(meta, nowMs) {
  return !!meta && meta.nextUpdate.getTime() > nowMs;
}
function formatAge(ms) {
  const m = Math.floor(ms / 6e4);
  const d = Math.floor(m / 1440);
  const h = Math.floor(m % 1440 / 60);
  if (d) return `${d}d ${h}h`;
  if (h) return `${h}h ${m % 60}m`;
  return `${m}m`;
}
function dbAgeMs(meta, nowMs) {
  return Math.max(0, nowMs - meta.updatedAt.getTime());
}
function dbNotWorthSaving(cacheDir, nowMs) {
  const m = readDbMetadata(cacheDir);
  if (!m) return "no complete vulnerability DB in the directory";
  if (!isFresh(m, nowMs)) return `the DB is due for an update since ${m.nextUpdate.toISOString()} (not refreshed this run)`;
  return void 0;
}
function downloadDbArgs(cacheDir, repository) {
  return ["image", "--download-db-only", "--cache-dir", cacheDir, "--db-repository", repository, "--skip-version-check", "--disable-telemetry", "--no-progress"];
}
function isRetryable(stderr) {
  return /TOOMANYREQUESTS|too many requests|\b429\b|status code 5\d\d|\b50[0234]\b|Service Unavailable|Bad Gateway|Gateway Timeout|Internal Server Error/i.test(stderr);
}
var CAUSES = [/TOOMANYREQUESTS|Too Many Requests|unexpected status|connection refused|no such host|i\/o timeout|MANIFEST_UNKNOWN|NAME_UNKNOWN|UNAUTHORIZED|DENIED/i, /FATAL/, /ERROR|error/];
function lastErrorLine(stderr) {
  const lines = stderr.split("\n").map((l) => l.trim()).filter(Boolean).reverse();
  for (const re of CAUSES) {
    const hit = lines.find((l) => re.test(l));
    if (hit) return hit.replace(/^\*\s*/, "").slice(0, 600);
  }
  return (lines[0] ?? "(no output)").slice(0, 600);
}
var DbFetchError = class extends Error {
  attempts;
  constructor(message, attempts) {
    super(message);
    this.name = "DbFetchError";
    this.attempts = attempts;
  }
};
var sleepMs = (ms) => new Promise((r) => setTimeout(r, ms));
async function fetchDb(o) {
  const rounds = o.rounds ?? 3;
  const base2 = o.baseDelayMs ?? 2e3;
  const sleep = o.sleep ?? sleepMs;
  const attempts = [];
  fs3.mkdirSync(path2.dirname(o.cacheDir), { recursive: true });
  for (let round = 1; round <= rounds; round++) {
    if (round > 1) {
      const wait = base2 * 2 ** (round - 2);
      o.log.info(`Trivy DB: every repository failed with a rate limit or server error; retrying in ${formatDuration(wait)} (round ${round} of ${rounds})`);
      await sleep(wait);
    }
    for (const repository of o.repositories) {
      const scratch = fs3.mkdtempSync(`${o.cacheDir}.fetch-`);
      const cwd = fs3.mkdtempSync(path2.join(o.tempDir, "trivy-db-cwd-"));
      try {
        o.log.info(`Trivy DB: fetching from ${repository}`);
        const r = await o.exec.run(o.trivy, downloadDbArgs(scratch, repository), { cwd, env: o.env, timeoutMs: o.timeoutMs ?? 10 * 6e4 });
        const text = `${r.stderr}
${r.stdout}`;
        if (r.code === 0 && readDbMetadata(scratch)) {
          fs3.mkdirSync(o.cacheDir, { recursive: true });
          fs3.rmSync(path2.join(o.cacheDir, "db"), { recursive: true, force: true });
          fs3.renameSync(path2.join(scratch, "db"), path2.join(o.cacheDir, "db"));
          attempts.push({ repository, round, ok: true, retryable: false });
          return { repository, attempts };
        }
        const error = r.timedOut ? "timed out" : r.code === 0 ? "exited 0 but left no DB" : lastErrorLine(text);
        const retryable = r.timedOut === true || isRetryable(text);
        attempts.push({ repository, round, ok: false, retryable, error });
        o.log.info(`Trivy DB: ${repository} failed${retryable ? " (retryable)" : ""}: ${error}`);
      } catch (e) {
        attempts.push({ repository, round, ok: false, retryable: false, error: `trivy could not be started: ${e.message}` });
      } finally {
        fs3.rmSync(scratch, { recursive: true, force: true });
        fs3.rmSync(cwd, { recursive: true, force: true });
      }
    }
    if (!attempts.some((a) => a.round === round && a.retryable)) break;
  }
  const last = /* @__PURE__ */ new Map();
  for (const a of attempts) last.set(a.repository, a.error ?? "");
  throw new DbFetchError(`failed to download vulnerability DB from ${[...last].map(([r, e]) => `${r} (${e})`).join("; ")}`, attempts);
}
var HOWTO = "set scan: off to not scan, or trivy-path with trivy-cache-dir holding a DB you provide";
async function prepareDb(o) {
  const before = readDbMetadata(o.cacheDir);
  const described = (m, source, extra = {}) => ({
    source,
    updatedAt: m.updatedAt.toISOString(),
    ageMs: dbAgeMs(m, o.nowMs),
    attempts: [],
    ...extra
  });
  if (isFresh(before, o.nowMs)) return described(before, `${o.origin}, fresh (next update due ${before.nextUpdate.toISOString()})`);
  if (o.noFetch) {
    if (!before) throw new Error(`Trivy has no vulnerability DB in ${o.cacheDir} (no db/trivy.db) and trivy-skip-db-update is true, so it may not download one: populate the cache dir or set trivy-skip-db-update: false`);
    return described(before, `${o.origin}, not refreshed (trivy-skip-db-update)`);
  }
  try {
    const got = await fetchDb(o);
    const m = readDbMetadata(o.cacheDir);
    return described(m, `downloaded from ${got.repository}`, { repository: got.repository, attempts: got.attempts });
  } catch (e) {
    const attempts = e instanceof DbFetchError ? e.attempts : [];
    const why = e.message;
    if (before && dbAgeMs(before, o.nowMs) < o.maxAgeMs) {
      const age = formatAge(dbAgeMs(before, o.nowMs));
      const warning = `Trivy could not refresh its vulnerability DB (${why}); scanning with the DB ${o.origin}, updated ${before.updatedAt.toISOString()} (${age} old, within trivy-db-max-age): advisories published since then are not seen`;
      return described(before, `${o.origin}, not refreshed (fetch failed)`, { attempts, warning });
    }
    const have = before ? `only a DB updated ${before.updatedAt.toISOString()} (${formatAge(dbAgeMs(before, o.nowMs))} old, beyond trivy-db-max-age)` : "no DB";
    throw new DbFetchError(`Trivy has no usable vulnerability DB in ${o.cacheDir} and could not download one: ${why}; there is ${have}. The scan cannot run: ${HOWTO}`, attempts);
  }
}

// src/util/neterror.ts
var GENERIC = /* @__PURE__ */ new Set(["fetch failed", "network error", "terminated"]);
var MAX_DEPTH = 6;
function ownText(e) {
  const message = typeof e.message === "string" ? e.message.trim() : "";
  const code2 = typeof e.code === "string" ? e.code : "";
  if (message && !GENERIC.has(message)) return code2 && !message.includes(code2) ? `${message} (${code2})` : message;
  return code2;
}
function describeNetworkError(error) {
  const texts = [];
  let current = error;
  for (let depth = 0; depth < MAX_DEPTH && current && typeof current === "object"; depth++) {
    const e = current;
    const own = ownText(e);
    if (own && !texts.some((t) => t.includes(own))) texts.push(own);
    if (Array.isArray(e.errors) && e.errors.length) {
      const each = [...new Set(e.errors.map((x) => describeNetworkError(x)).filter((t) => t !== ""))];
      if (each.length) texts.push(each.join("; "));
      break;
    }
    current = e.cause;
  }
  if (texts.length === 0) return error instanceof Error ? error.message || error.name : String(error);
  return texts.join(": ");
}

// src/util/logtext.ts
var COMMAND_BREAK = "\xB7";
var LEADING_SPACE = /^[\s\u0085]*/;
function controlPicture(c) {
  const code2 = c.charCodeAt(0);
  return code2 === 127 ? "\u2421" : String.fromCharCode(9216 + code2);
}
function safeLine(line) {
  const v1Safe = line.replace(/##\[/g, `#${COMMAND_BREAK}#[`);
  const lead = LEADING_SPACE.exec(v1Safe)[0];
  const rest = v1Safe.slice(lead.length);
  return rest.startsWith("::") ? `${lead}:${COMMAND_BREAK}${rest.slice(1)}` : v1Safe;
}
function safeLogText(text) {
  const lines = text.replace(/\r\n/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, controlPicture).split("\n");
  return lines.map(safeLine).join("\n");
}

export {
  onFirstUse,
  sha256Hash,
  randomUUID,
  sha256Hex,
  sharedReadBuffer,
  sha256File,
  sha256FileReadAhead,
  scopeHash,
  goSumHash,
  runSuffix,
  moduleKeys,
  buildKeys,
  restoreState,
  buildScopeOf,
  trivyDbKeys,
  PLAN_STATE_KEY,
  serializePlan,
  parsePlan,
  saveDecision,
  findGoSums,
  treeSize,
  listGoCache,
  removeTree,
  freshDir,
  isEmptyDir,
  applyTrim,
  claimCacheDirs,
  escapeHtml,
  cell,
  code,
  table,
  truncateText,
  detailsBlock,
  formatBytes,
  formatDuration,
  sentence,
  formatAge,
  dbNotWorthSaving,
  prepareDb,
  describeNetworkError,
  safeLogText
};
