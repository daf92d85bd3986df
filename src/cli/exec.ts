// Exec port on node:child_process. Arguments go to the program as an array: no shell ever
// sees an input value. Output is captured (and capped) so a noisy tool cannot exhaust memory.
import { spawn } from 'node:child_process';
import type { Exec, ExecOptions, ExecResult } from '../ports/ports.ts';
import { announcesStart, describeStep, progressLine } from './progress.ts';
import { nowMs } from '../util/clock.ts';

const MAX_CAPTURE = 64 * 1024 * 1024;

export const nodeExec: Exec = {
  run(file: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    return new Promise((resolve) => {
      const child = spawn(file, [...args], {
        cwd: options.cwd,
        env: options.env as NodeJS.ProcessEnv | undefined,
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        shell: false,
        windowsHide: true,
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let outLen = 0;
      let errLen = 0;
      child.stdout!.on('data', (b: Buffer) => {
        if (outLen < MAX_CAPTURE) out.push(b);
        outLen += b.length;
      });
      child.stderr!.on('data', (b: Buffer) => {
        if (errLen < MAX_CAPTURE) err.push(b);
        errLen += b.length;
      });
      let timedOut = false;
      const timer = options.timeoutMs
        ? setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs)
        : undefined;
      if (options.input !== undefined) child.stdin!.end(options.input);
      const finish = (code: number, extra = '') => {
        if (timer) clearTimeout(timer);
        resolve({
          code,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8') + extra,
          ...(timedOut ? { timedOut } : {}),
        });
      };
      child.on('error', (e) => finish(127, `${file}: ${e.message}`));
      child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
    });
  },
};

/**
 * The CLI's progress: one line per step a person waits for (src/cli/progress.ts), printed by
 * progress() as each ends; output is captured exactly as without it. `--quiet` passes none.
 */
export function withProgress(exec: Exec, workspace: string, progress: (line: string) => void): Exec {
  return {
    async run(file, args, options = {}) {
      const step = { file, args, env: options.env, workspace };
      const what = describeStep(step);
      if (what === undefined) return exec.run(file, args, options);
      if (announcesStart(step)) progress(`  ${what} ...`);
      const t0 = nowMs();
      const r = await exec.run(file, args, options);
      progress(progressLine(what, r, nowMs() - t0));
      return r;
    },
  };
}
