// Exec port on @actions/exec for the Action: a tool's stderr (where go, Trivy and cosign write
// progress and diagnostics) streams into the job log line by line as it comes, inside the group
// of the stage that runs it; stdout and stderr are also captured (capped) for parsing, as in
// the CLI's port (src/cli/exec.ts).
//
// What @actions/exec does not do, and this adapter adds:
// - silent: its own echo of the command line and of raw output would reach the runner
//   unneutralised; every line goes through the Logger instead (safeLogText, masking).
// - the environment is passed exactly as given: with env undefined @actions/exec would hand the
//   child process.env, so the adapter always passes an object (process.env only when the caller
//   gave none, as node's spawn does).
// - timeouts: @actions/exec has none and never exposes the child. Node publishes every
//   ChildProcess it creates on the "child_process" diagnostics channel; the adapter keeps the
//   live ones and, when a call's time is up, kills the child whose argument list is this call's.
import * as actionsExec from '@actions/exec';
import diagnostics from 'node:diagnostics_channel';
import type { ChildProcess } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import type { Exec, ExecOptions, ExecResult, Logger } from '../ports/ports.ts';
import { safeLogText } from '../util/logtext.ts';

/** The same cap as the CLI's port: a noisy tool cannot exhaust memory. */
export const MAX_CAPTURE = 64 * 1024 * 1024;
/** Lines one call may stream into the log; the rest is still captured, and a note says so. */
export const MAX_STREAMED_LINES = 5000;

const live = new Set<ChildProcess>();
const claimed = new WeakSet<ChildProcess>();
diagnostics.subscribe('child_process', (message) => {
  const child = (message as { process?: ChildProcess }).process;
  if (!child) return;
  live.add(child);
  const drop = () => live.delete(child);
  child.once('exit', drop);
  child.once('error', drop);
});

function sameArgs(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The running child started for these arguments (spawnargs[0] is the program as resolved). */
function childFor(args: readonly string[]): ChildProcess | undefined {
  for (const c of live) {
    if (claimed.has(c) || c.exitCode !== null || c.signalCode !== null) continue;
    if (sameArgs((c.spawnargs ?? []).slice(1), args)) {
      claimed.add(c);
      return c;
    }
  }
  return undefined;
}

/**
 * @actions/exec reads its first argument as a command line (split at spaces, quotes removed).
 * The program path is quoted for it; a path that quoting cannot carry intact is refused.
 */
function commandLineFor(file: string): string {
  if (file === '' || /["]/.test(file) || file !== file.trim() || file.endsWith('\\')) {
    throw new Error(`program path ${JSON.stringify(file)} cannot be run (quotes, surrounding spaces or a trailing backslash)`);
  }
  return `"${file}"`;
}

/** Collects up to MAX_CAPTURE bytes of one stream. */
function capture() {
  const chunks: Buffer[] = [];
  let length = 0;
  return {
    add(b: Buffer) {
      if (length < MAX_CAPTURE) chunks.push(b);
      length += b.length;
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}

/** Splits a byte stream into lines (UTF-8 safe across chunks) and hands each to line(). */
function lineSplitter(line: (s: string) => void) {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  return {
    add(b: Buffer) {
      const parts = (rest + decoder.write(b)).split('\n');
      rest = parts.pop() ?? '';
      for (const p of parts) line(p.replace(/\r$/, ''));
    },
    end() {
      const last = rest + decoder.end();
      rest = '';
      if (last !== '') line(last.replace(/\r$/, ''));
    },
  };
}

function definedEnv(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

/** An Exec port that streams each call's stderr lines to log.info. */
export function actionExec(log: Logger): Exec & { withLog(log: Logger): Exec } {
  return {
    withLog: (other) => actionExec(other),
    async run(file: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
      const out = capture();
      const err = capture();
      let streamed = 0;
      let unshown = 0;
      const stream = lineSplitter((l) => {
        if (streamed < MAX_STREAMED_LINES) {
          streamed++;
          log.info(safeLogText(l));
        } else unshown++;
      });
      let timedOut = false;
      let timer: NodeJS.Timeout | undefined;
      let commandLine: string;
      try {
        commandLine = commandLineFor(file);
      } catch (e) {
        return { code: 127, stdout: '', stderr: `${file}: ${(e as Error).message}` };
      }
      log.info(safeLogText(`[command]${[file, ...args].join(' ')}`));
      const started = actionsExec.exec(commandLine, [...args], {
        cwd: options.cwd,
        env: definedEnv(options.env ?? process.env),
        silent: true,
        ignoreReturnCode: true,
        windowsVerbatimArguments: false,
        ...(options.input !== undefined ? { input: Buffer.from(options.input) } : {}),
        listeners: {
          stdout: (b) => out.add(b),
          stderr: (b) => {
            err.add(b);
            stream.add(b);
          },
        },
      });
      if (options.timeoutMs) {
        timer = setTimeout(() => {
          timedOut = true;
          childFor(args)?.kill('SIGKILL');
        }, options.timeoutMs);
      }
      let code: number;
      let extra = '';
      try {
        // A child killed by a signal has no exit code: report it as the CLI's port does.
        code = (await started) ?? 128;
      } catch (e) {
        // Not found, not executable, cwd missing: the same answer as a failed spawn in the CLI.
        code = 127;
        extra = `${file}: ${(e as Error).message}`;
      } finally {
        if (timer) clearTimeout(timer);
      }
      stream.end();
      if (unshown) log.info(`(${unshown} more line(s) of ${file} captured, not shown)`);
      return {
        code: timedOut && code === 0 ? 128 : code,
        stdout: out.text(),
        stderr: err.text() + extra,
        ...(timedOut ? { timedOut } : {}),
      };
    },
  };
}
