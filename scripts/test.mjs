// Runs the test suite with vitest on Node 24 (the runtime action.yml declares), whatever node
// started npm. The layers are vitest projects (vitest.config.ts).
//   node scripts/test.mjs                 typecheck, dist check, then every test
//   node scripts/test.mjs unit            only test/unit (fast); also integration, e2e
//   node scripts/test.mjs FILE...         only those files
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node24 = path.join(root, 'node_modules', 'node', 'bin', 'node');
if (!fs.existsSync(node24)) {
  console.error('Node 24 is missing: run npm ci first (the "node" dev dependency provides it).');
  process.exit(2);
}
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const args = process.argv.slice(2);
const layers = ['unit', 'integration', 'e2e'];
let files;
const layersOnly = args.length === 0 || args.every((a) => layers.includes(a));
const wanted = layersOnly ? (args.length ? args : layers) : [];
if (layersOnly) {
  files = wanted.flatMap((l) => {
    const dir = path.join(root, 'test', l);
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort().map((f) => path.join('test', l, f)) : [];
  });
  if (args.length === 0) {
    run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.']);
    // Users run dist/, not src/: the committed bundle must be what src builds.
    run(process.execPath, [path.join(root, 'scripts', 'bundle.mjs'), '--check']);
  }
} else {
  files = args;
}
// The scan and sign tests run the real Trivy and cosign, the Trivy DB tests a real OCI registry
// (go-containerregistry's) with oras to push the DB, keyless signing a real Fulcio and timestamp
// authority, the reachability tests govulncheck, the workflow test the real act: pinned versions
// built from source into ~/.cache/go-release-gate-tools by scripts/tools/*.sh, all in this one
// early step (the first time about 10, 8, 1.5, 1, 5, 6, 2 and 4 minutes on 2 cores, then reused).
// One after the other: two Go builds at once only fight over the cores. act only when a test
// that runs it is selected.
const toolEnv = {};
if (files.some((f) => !f.includes(`${path.sep}unit${path.sep}`) && !f.startsWith('test/unit/'))) {
  const needsAct = files.some((f) => path.basename(f).startsWith('act-'));
  for (const [tool, envName] of [['trivy', 'TRIVY_BIN'], ['cosign', 'COSIGN_BIN'], ['registry', 'REGISTRY_BIN'], ['oras', 'ORAS_BIN'], ['fulcio', 'FULCIO_BIN'], ['tsa', 'TSA_BIN'], ['govulncheck', 'GOVULNCHECK_BIN'], ...(needsAct ? [['act', 'ACT_BIN']] : [])]) {
    if (process.env[envName]) continue;
    const r = spawnSync('bash', [path.join(root, 'scripts', 'tools', `${tool}.sh`)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    if (r.status !== 0) {
      console.error(`building the pinned ${tool} failed (scripts/tools/${tool}.sh): the tests that run it cannot run`);
      process.exit(r.status ?? 1);
    }
    toolEnv[envName] = r.stdout.trim().split('\n').pop();
  }
}
// vitest prints its own report; the closing line is ours, from its JSON report, so a run always
// ends with the counts (and says so when vitest itself could not report).
const reportFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'grg-vitest-')), 'report.json');
// Every temporary directory of the run (the tests', go's, the tools') under one that is removed
// at the end: a test that leaves its extracted toolchain or runner home behind does not fill
// the disk over runs.
const suiteTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-suite-'));
const selection = layersOnly ? wanted.flatMap((l) => ['--project', l]) : files;
const r = spawnSync(node24, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...selection, '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...toolEnv, TMPDIR: suiteTmp, NODE_OPTIONS: '', NODE_NO_WARNINGS: '1' },
});
// Files the tests or go left read-only (module caches) must not stop the removal.
spawnSync('chmod', ['-R', 'u+w', suiteTmp]);
fs.rmSync(suiteTmp, { recursive: true, force: true });
let counts;
try {
  counts = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
} catch {
  counts = undefined;
}
fs.rmSync(path.dirname(reportFile), { recursive: true, force: true });
if (!counts) {
  console.log(`tests: no report from vitest (exit ${r.status ?? r.signal})`);
  process.exit(r.status || 1);
}
const skipped = counts.numPendingTests + counts.numTodoTests;
const failedFiles = counts.numFailedTestSuites;
console.log(
  `tests: ${counts.numTotalTests} in ${counts.numTotalTestSuites} files: ${counts.numPassedTests} passed, ${counts.numFailedTests} failed, ${skipped} skipped` +
    (failedFiles ? ` (${failedFiles} files failed)` : ''),
);
process.exit(r.status === 0 && counts.success ? 0 : r.status || 1);
