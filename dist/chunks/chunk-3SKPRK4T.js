import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);

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
  statIdentity,
  settledAt
};
