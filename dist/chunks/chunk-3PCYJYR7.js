import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);

// src/cli/cache-home.ts
import os from "node:os";
import path from "node:path";
function cacheHome(env) {
  return env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
}

export {
  cacheHome
};
