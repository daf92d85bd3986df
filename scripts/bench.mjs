// Runs one benchmark (or all) on Node 24: npm run bench -- [build|peer|reachability|fanout|inspect|modules|cache|trivy] [args...]
// Each benchmark prints its table; inspect, modules, cache and trivy rewrite their BENCHMARKS.md section
// with --write. The commands and figures are in BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node24 = path.join(root, 'node_modules', 'node', 'bin', 'node');
const benches = { build: 'bench/build.mjs', peer: 'bench/peer.mjs', reachability: 'bench/reachability.mjs', fanout: 'bench/fanout.mjs', inspect: 'bench/inspect.ts', modules: 'bench/modules.ts', cache: 'bench/cache.ts', trivy: 'bench/trivy.ts' };
const [name, ...args] = process.argv.slice(2);
if (name && !(name in benches)) {
  console.error(`unknown benchmark ${name}; one of ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
for (const [n, file] of Object.entries(benches)) {
  if (name && n !== name) continue;
  console.log(`== ${n}`);
  const r = spawnSync(node24, [path.join(root, file), ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
