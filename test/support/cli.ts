// Runs dist/cli.js (or a copy of dist/) on Node 24 as a user would, with argument arrays.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { NODE24, ROOT } from './runner.ts';

export interface CliResult { code: number; stdout: string; stderr: string }

export function runCli(args: string[], opts: { cwd: string; env?: Record<string, string | undefined>; dist?: string }): Promise<CliResult> {
  return new Promise((resolve) => {
    const env = { ...process.env, GITHUB_WORKSPACE: '', GITHUB_EVENT_NAME: '', GITHUB_REF: '', ...opts.env };
    // As the Runner does: a run that does not ask for a scan does not try to download Trivy.
    const full = args[0] === 'run' && !args.some((a) => a === '--scan' || a.startsWith('--scan=')) ? [...args, '--scan', 'off'] : args;
    const child = spawn(NODE24, [path.join(opts.dist ?? path.join(ROOT, 'dist'), 'cli.js'), ...full], { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
