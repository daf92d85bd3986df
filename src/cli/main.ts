// The CLI front door: `go-release-gate run|inspect`. Exit 0 pass, 1 fail, 2 usage or config error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../config/config.ts';
import { parseArgs, runUsage, usage } from './args.ts';
import { nodeExec, withProgress } from './exec.ts';
import { cliPorts, consoleLogger, fileOutputs, memoryState } from './adapters.ts';
import { runGate } from '../run.ts';
import { localCacheStore } from './cache-store.ts';
import { parsePlan, PLAN_STATE_KEY } from '../cache/plan.ts';
import { renderSaveSummary, saveCaches } from '../stages/cache-save.ts';
import { GATE_VERSION } from '../version.ts';
import { runInspectCommand } from './inspect-command.ts';
import { EXIT_USAGE, exitCodeOf, usageErrors } from './exit.ts';
import { runShard } from '../fanout/shard.ts';
import { runMergeCommand } from './merge-command.ts';
import { chooseWorkspace, gitTopLevel } from './workspace.ts';
import { renderVerdict } from './verdict.ts';
import type { Logger } from '../ports/ports.ts';

/** --quiet: the run's info lines and stage headers go; warnings, errors and the verdict stay. */
function quietly(log: Logger): Logger {
  return { ...log, info: () => undefined, group: (_name, fn) => fn() };
}

async function main(argv: string[], gateRan: () => void): Promise<number> {
  const out = (s: string) => process.stdout.write(s);
  const err = (s: string) => process.stderr.write(s);
  if (argv[0] === '--version' || argv[0] === 'version') {
    out(`${GATE_VERSION}\n`);
    return 0;
  }
  if (argv[0] === 'inspect') return runInspectCommand(argv.slice(1), { stdout: out, stderr: err });
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    err(`go-release-gate: ${(e as Error).message}\n`);
    return 2;
  }
  if (parsed.help && parsed.command === 'run') {
    out(runUsage());
    return 0;
  }
  if (parsed.help || !parsed.command) {
    (parsed.help ? out : err)(usage());
    return parsed.help ? 0 : 2;
  }
  if (parsed.command === 'merge') return runMergeCommand(parsed.inputs, parsed.rest, { stdout: out, stderr: err });
  if (parsed.command !== 'run') {
    err(`go-release-gate: unknown command "${parsed.command}"\n${usage()}`);
    return 2;
  }
  if (parsed.rest.length) {
    err(`go-release-gate: unexpected argument "${parsed.rest[0]}"\n`);
    return 2;
  }
  if (parsed.inputs.mode === 'merge') {
    err('go-release-gate: --mode merge is the Action\'s way to merge; on the command line use: go-release-gate merge --out DIR SHARD_DIR...\n');
    return 2;
  }
  const env = process.env;
  // A fresh private directory (never a predictable name in a shared /tmp), removed at the end.
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'go-release-gate-'));
  const where = chooseWorkspace({
    env,
    cwd: process.cwd(),
    workspaceFlag: parsed.workspace,
    dirFlag: parsed.inputs['working-directory'],
    outFlag: parsed.inputs['output-dir'],
    gitTopLevel: (d) => gitTopLevel(d, env),
  });
  const workspace = where.workspace;
  const inputs = { ...parsed.inputs, ...where.inputs };
  const outputs = fileOutputs();
  const loud = consoleLogger(err, env.RUNNER_DEBUG === '1');
  const log = parsed.quiet ? quietly(loud) : loud;
  if (where.ignored) log.warning(where.ignored);
  log.info(`workspace: ${workspace} (${where.source})`);
  // Progress lines are log lines (masked, neutralised); --quiet runs without them.
  const exec = parsed.quiet ? nodeExec : withProgress(nodeExec, workspace, (line) => loud.info(line));
  // --cache-dir: restore and save GOMODCACHE/GOCACHE there; without it the user's own caches are used.
  const cacheDir = parsed.inputs['cache-dir'];
  const cache = cacheDir ? localCacheStore(path.resolve(cacheDir)) : undefined;
  const state = memoryState();
  try {
    // --shard i/n: the fan-out's shard pipeline (a bundle for `merge`); otherwise one whole run.
    const gate = inputs.shard ? runShard : runGate;
    const outcome = await gate(inputs, cliPorts({ exec, log, state, outputs, cache, env, tempDir, workspace }), { outputRoots: [] });
    gateRan();
    outcome.out.write('outputs.json', `${JSON.stringify(outputs.values, null, 2)}\n`);
    // The CLI has no post step: save the caches now. Never changes the exit code.
    const plan = parsePlan(state.get(PLAN_STATE_KEY));
    if (plan) {
      const rows = await saveCaches(plan, cache, log, { removeDirs: true });
      try {
        outcome.out.append('summary.md', renderSaveSummary(rows));
      } catch (e) {
        log.warning(`could not add the cache save table to the summary: ${(e as Error).message}`);
      }
    }
    out(renderVerdict(outcome.result, outcome.files, { colour: process.stdout.isTTY === true && !env.NO_COLOR }));
    const usage = usageErrors(outcome.result);
    if (usage.length) err(`go-release-gate: usage error (exit ${EXIT_USAGE}): ${usage.map((f) => f.message).join('; ')}\n`);
    return exitCodeOf(outcome.result);
  } catch (e) {
    if (e instanceof ConfigError) {
      err(`go-release-gate: ${e.message}\n`);
      return 2;
    }
    err(`go-release-gate crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  } finally {
    try {
      fs.rmSync(tempDir, { recursive: true, force: true });
    } catch (e) {
      log.warning(`could not remove ${tempDir}: ${(e as Error).message}`);
    }
  }
}

/**
 * The CLI: runs the command argv names; its exit code, and whether the gate's pipeline ran to a
 * verdict (not a version start, a usage error or a crash: src/cli/code-cache.ts keeps code only
 * from such a run). The first module (src/cli/entry.ts) ends the process.
 */
export async function runCli(argv: string[]): Promise<{ code: number; gateRan: boolean }> {
  let gateRan = false;
  const code = await main(argv, () => void (gateRan = true));
  return { code, gateRan };
}
