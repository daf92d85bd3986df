import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);

// src/util/fnv.ts
function fnv1a(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16).padStart(8, "0");
}

// src/util/records.ts
import fs from "node:fs";
import path from "node:path";
function gateRecordFile(gocache, name) {
  return path.join(gocache, "go-release-gate", name);
}
function readRecord(file, touchAfterMs, now = Date.now()) {
  let value;
  let mtimeMs;
  try {
    const fd = fs.openSync(file, "r");
    try {
      mtimeMs = fs.fstatSync(fd).mtimeMs;
      value = JSON.parse(fs.readFileSync(fd, "utf8"));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return void 0;
  }
  if (now - mtimeMs >= touchAfterMs) {
    try {
      fs.utimesSync(file, new Date(now), new Date(now));
    } catch {
    }
  }
  return value;
}
function writeWhole(file, data, opts = {}) {
  fs.mkdirSync(path.dirname(file), { recursive: true, ...opts.private ? { mode: 448 } : {} });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, opts.private ? { mode: 384 } : {});
  fs.renameSync(tmp, file);
}
function writeRecord(file, value, opts = {}) {
  try {
    writeWhole(file, `${JSON.stringify(value)}
`, opts);
    return true;
  } catch {
    return false;
  }
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

export {
  fnv1a,
  gateRecordFile,
  readRecord,
  writeWhole,
  writeRecord,
  statIdentity,
  settledAt
};
