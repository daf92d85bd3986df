// `go-release-gate merge [--out DIR] [signing flags] SHARD_DIR...`: the fan-in on directories,
// for any CI system (and for tests without GitHub). On a release (--mode release, or a tag ref
// in the environment, decided as `run` decides it) the merged set is signed as `run` signs.
// Exit 0 when the merged release passes, 1 when it fails, 2 for a usage error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliPorts, consoleLogger, fileOutputs, memoryState } from './adapters.ts';
import { nodeExec, withProgress } from './exec.ts';
import { MergeUsageError, runMerge } from '../fanout/merge-run.ts';
import { ConfigError, parseConfig } from '../config/config.ts';
import { EXIT_FAIL, EXIT_PASS, EXIT_USAGE } from './exit.ts';

interface Io { stdout: (s: string) => void; stderr: (s: string) => void }

/** The flags merge takes besides --out: how the merged release is decided, signed and judged. */
export const MERGE_FLAGS: readonly string[] = [
  'mode', 'sign', 'cosign-key', 'sign-tlog-upload', 'sign-keyless', 'cosign-version', 'cosign-download-base-url', 'cosign-sha256',
  'sigstore-fulcio-url', 'sigstore-rekor-url', 'sigstore-tsa-url', 'sigstore-trusted-root', 'sigstore-oidc-issuer', 'sigstore-certificate-identity', 'rules',
];

export async function runMergeCommand(inputs: Record<string, string>, dirs: string[], io: Io): Promise<number> {
  const extra = Object.keys(inputs).filter((k) => k !== 'output-dir' && !MERGE_FLAGS.includes(k));
  if (extra.length) {
    io.stderr(`go-release-gate merge: --${extra[0]} is a flag of run; merge takes --out DIR, the signing flags (${MERGE_FLAGS.map((f) => `--${f}`).join(', ')}) and the shard directories\n`);
    return EXIT_USAGE;
  }
  const env = process.env;
  const cwd = process.cwd();
  const workspace = env.GITHUB_WORKSPACE || cwd;
  const outputs = fileOutputs();
  const log = consoleLogger(io.stderr, env.RUNNER_DEBUG === '1');
  const { 'output-dir': outFlag, ...rest } = inputs;
  // The mode and signing inputs are parsed as run parses them (the same release detection); the
  // output directory is the merge's own, like the shard directories read from the current directory.
  let config;
  try {
    config = parseConfig(rest, { workspace, env, writableRoots: [] });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr(`go-release-gate merge: ${e.message}\n`);
    return EXIT_USAGE;
  }
  // A fresh private directory for cosign's files and the key (never a predictable name in a shared /tmp).
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'go-release-gate-'));
  try {
    const outDir = path.resolve(cwd, outFlag || 'gate-out');
    const outcome = await runMerge({
      outDir,
      sources: dirs.map((d) => ({ dir: path.resolve(cwd, d), name: d })),
      workspace,
      log,
      outputs,
      sign: {
        config: { ...config, outDir },
        // Each cosign sign and verify is a progress line, as in run.
        ports: cliPorts({ exec: withProgress(nodeExec, workspace, (line) => log.info(line)), log, state: memoryState(), outputs, env, tempDir, workspace }),
      },
    });
    outcome.out.write('outputs.json', `${JSON.stringify(outputs.values, null, 2)}\n`);
    const v = outcome.record.verdict;
    io.stdout(`verdict: ${v.passed ? 'pass' : 'fail'}\n`);
    for (const r of v.reasons) io.stdout(`  - ${r}\n`);
    io.stdout(`summary: ${outcome.files.summary}\nreport: ${outcome.files.report}\nsarif: ${outcome.files.sarif}\n`);
    return v.passed ? EXIT_PASS : EXIT_FAIL;
  } catch (e) {
    if (e instanceof MergeUsageError) {
      io.stderr(`go-release-gate merge: ${e.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`go-release-gate merge crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_FAIL;
  } finally {
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}
