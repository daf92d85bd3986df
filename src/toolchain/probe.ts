// How the gate asks a go binary what it is: one `go env`, never a switch to another toolchain
// (GOTOOLCHAIN=local). Its own module so that the CLI's first module can ask the go on PATH the
// same question before the rest of the gate has loaded (src/cli/early.ts), and the toolchain
// stage takes that answer only when its own question is this one, byte for byte.
import { childEnv } from '../util/childenv.ts';

type Env = Readonly<Record<string, string | undefined>>;

export interface ProbeCommand {
  args: string[];
  env: Record<string, string>;
}

export function probeCommand(env: Env): ProbeCommand {
  return { args: ['env', 'GOVERSION', 'GOROOT'], env: childEnv('go', env, { GOTOOLCHAIN: 'local' }) };
}

/** The version (without "go") and GOROOT a probe printed; undefined for anything else. */
export function parseProbe(stdout: string): { version: string; goroot: string } | undefined {
  const [v, goroot = ''] = stdout.split('\n');
  const m = /^go(\d+\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?)/.exec(v.trim());
  return m ? { version: m[1], goroot: goroot.trim() } : undefined;
}
