import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);

// src/util/fnv.ts
function fnv1a(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16).padStart(8, "0");
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
  statIdentity,
  settledAt
};
