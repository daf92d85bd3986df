// `go-release-gate merge [--out DIR] SHARD_DIR...`: the fan-in on directories, for any CI
// system (and for tests without GitHub). Exit 0 when the merged release passes, 1 when it
// fails, 2 for a usage error.
import path from 'node:path';
import { consoleLogger, fileOutputs } from './adapters.ts';
import { MergeUsageError, runMerge } from '../fanout/merge-run.ts';
import { EXIT_FAIL, EXIT_PASS, EXIT_USAGE } from './exit.ts';

interface Io { stdout: (s: string) => void; stderr: (s: string) => void }

export async function runMergeCommand(inputs: Record<string, string>, dirs: string[], io: Io): Promise<number> {
  const extra = Object.keys(inputs).filter((k) => k !== 'output-dir');
  if (extra.length) {
    io.stderr(`go-release-gate merge: --${extra[0]} is a flag of run; merge takes --out DIR and the shard directories\n`);
    return EXIT_USAGE;
  }
  const env = process.env;
  const cwd = process.cwd();
  const workspace = env.GITHUB_WORKSPACE || cwd;
  const outputs = fileOutputs();
  try {
    const outcome = await runMerge({
      outDir: path.resolve(cwd, inputs['output-dir'] || 'gate-out'),
      sources: dirs.map((d) => ({ dir: path.resolve(cwd, d), name: d })),
      workspace,
      log: consoleLogger(io.stderr, env.RUNNER_DEBUG === '1'),
      outputs,
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
  }
}
