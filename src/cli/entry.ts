#!/usr/bin/env node
// The CLI's first module. It loads the rest of the CLI (dist/cli-main.cjs) with the compiled code
// an earlier run kept (src/cli/code-cache.ts), runs the command, and ends the process
// (src/cli/prompt-exit.ts). Nothing runs before the command's inputs are checked: no go command
// is started from here, however much sooner it would answer.
import { fileURLToPath } from 'node:url';
import { gateCacheDir } from './cache-home.ts';
import { loadScript } from './code-cache.ts';
import { exitWith } from './prompt-exit.ts';
import type { runCli } from './main.ts';

async function start(): Promise<void> {
  const argv = process.argv.slice(2);
  const cacheDir = process.env.NODE_DISABLE_COMPILE_CACHE === '1' ? undefined : gateCacheDir(process.env, 'code-cache');
  const cli = loadScript(fileURLToPath(new URL('./cli-main.cjs', import.meta.url)), cacheDir);
  const { code, gateRan } = await (cli.exports.runCli as typeof runCli)(argv);
  // Kept after a run of the gate only: a start that printed its version, or a run refused for its
  // inputs, calls little of what a run calls.
  if (gateRan) cli.keep();
  await exitWith(code);
}

// Not a top-level await: the bundle is CommonJS (scripts/bundle.mjs). A crash still ends the
// process with Node's report and exit code 1, as an unhandled rejection does.
void start();
