// What the CLI asks before the gate has loaded. The toolchain stage's first question, which go is
// on PATH and what it is (`go env GOVERSION GOROOT`, about 10 ms), stands before every build. V8
// takes about 40 ms to load the rest of the CLI on one core while the second waits: asked from
// the first module, the go command answers meanwhile, and the stage finds the answer ready.
//
// The answer is handed over only for the same question: the same program, arguments and
// environment, no working directory, input or time limit of its own (answerFirst). Anything else
// runs as it would have. Asked and not taken, it cost one short go command on the idle core.
import type { Exec, ExecOptions, ExecResult } from '../ports/ports.ts';
import { probeCommand } from '../toolchain/probe.ts';
import { findOnPath } from '../util/path.ts';
import { nodeExec } from './exec.ts';

type Env = Readonly<Record<string, string | undefined>>;

export interface EarlyRun {
  file: string;
  args: readonly string[];
  env: Record<string, string>;
  result: Promise<ExecResult>;
}

/**
 * For `run` (the only command that probes a toolchain), asks the go on PATH what it is: the same
 * probe the toolchain stage runs (src/toolchain/probe.ts), through the same exec adapter.
 */
export function startEarly(argv: readonly string[], env: Env, exec: Exec = nodeExec): EarlyRun[] {
  if (argv[0] !== 'run' || argv.includes('--help') || argv.includes('-h')) return [];
  const file = findOnPath('go', env.PATH);
  if (!file) return [];
  const { args, env: childEnv } = probeCommand(env);
  return [{ file, args, env: childEnv, result: exec.run(file, args, { env: childEnv }) }];
}

function sameEnv(a: Record<string, string | undefined> | undefined, b: Record<string, string>): boolean {
  if (!a) return false;
  const keys = Object.keys(b);
  if (Object.keys(a).filter((k) => a[k] !== undefined).length !== keys.length) return false;
  return keys.every((k) => a[k] === b[k]);
}

function matches(run: EarlyRun, file: string, args: readonly string[], options: ExecOptions): boolean {
  return (
    run.file === file &&
    run.args.length === args.length &&
    run.args.every((a, i) => a === args[i]) &&
    options.cwd === undefined &&
    options.input === undefined &&
    options.timeoutMs === undefined &&
    sameEnv(options.env, run.env)
  );
}

/** exec, answering each early run's own question once with the answer it already has. */
export function answerFirst(exec: Exec, early: readonly EarlyRun[]): Exec {
  if (early.length === 0) return exec;
  // One list for the port and every port bound from it: each answer is given once.
  const waiting = [...early];
  const wrap = (inner: Exec): Exec => ({
    run(file, args, options = {}) {
      const i = waiting.findIndex((r) => matches(r, file, args, options));
      return i < 0 ? inner.run(file, args, options) : waiting.splice(i, 1)[0].result;
    },
    ...(inner.withLog ? { withLog: (log) => wrap(inner.withLog!(log)) } : {}),
  });
  return wrap(exec);
}
