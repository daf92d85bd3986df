// CLI flags derived from the one input declaration: --<input-name>, plus --dir and --out as
// the short names of working-directory and output-dir.
import { INPUTS } from '../config/inputs.ts';
import { ConfigError } from '../config/config.ts';

const ALIASES: Record<string, string> = { dir: 'working-directory', out: 'output-dir' };

export interface ParsedArgs {
  command: string;
  inputs: Record<string, string>;
  help: boolean;
  rest: string[];
  /** --quiet: no progress or info lines, only warnings, errors and the verdict. */
  quiet: boolean;
  /** --workspace: the root every path is confined to and reported from (outside Actions). */
  workspace?: string;
}

// Flags of the CLI itself, not Action inputs: where the workspace is, how much to print.
const FRONT_DOOR_FLAGS: [string, string][] = [
  ['--workspace VALUE', 'Root that paths are confined to and reported from (default: the git top-level of --dir, else --dir). Ignored inside GitHub Actions, where it is GITHUB_WORKSPACE.'],
  ['--quiet', 'Print no progress lines, only warnings, errors and the verdict.'],
  ['--help', 'Print the flags of this command.'],
];

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command = '', ...args] = argv;
  const inputs: Record<string, string> = {};
  const rest: string[] = [];
  let quiet = false;
  let workspace: string | undefined;
  let help = command === '--help' || command === '-h' || command === 'help';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') {
      help = true;
      continue;
    }
    if (a === '--quiet') {
      quiet = true;
      continue;
    }
    if (a === '--workspace' || a.startsWith('--workspace=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v === undefined || v === '') throw new ConfigError('workspace', '--workspace needs a value');
      workspace = v;
      continue;
    }
    if (!a.startsWith('--')) {
      rest.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const flag = a.slice(2, eq < 0 ? undefined : eq);
    const name = ALIASES[flag] ?? flag;
    const spec = INPUTS.find((s) => s.name === name && !s.actionOnly);
    if (!spec) throw new ConfigError(flag, `unknown flag --${flag} (see --help)`);
    let value: string;
    if (eq >= 0) value = a.slice(eq + 1);
    else if (spec.kind === 'boolean' && (args[i + 1] === undefined || args[i + 1].startsWith('--') || !/^(true|false|yes|no|1|0|on|off)$/i.test(args[i + 1]))) value = 'true';
    else if (args[i + 1] === undefined) throw new ConfigError(flag, `--${flag} needs a value`);
    else value = args[++i];
    if (name in inputs && spec.kind === 'list') inputs[name] += `,${value}`;
    else inputs[name] = value;
  }
  return { command, inputs, help, rest, quiet, ...(workspace !== undefined ? { workspace } : {}) };
}

/** The flags of `run`: its inputs, then the CLI's own. */
function runFlagLines(): string[] {
  const lines: string[] = [];
  for (const s of INPUTS) {
    if (s.actionOnly) continue;
    const alias = Object.entries(ALIASES).find(([, v]) => v === s.name)?.[0];
    const flag = `--${alias ?? s.name}${s.kind === 'boolean' ? '' : ' VALUE'}`;
    const def = s.default ? ` (default ${s.default})` : '';
    lines.push(`  ${flag.padEnd(30)} ${s.description}${def}`);
  }
  for (const [flag, text] of FRONT_DOOR_FLAGS) lines.push(`  ${flag.padEnd(30)} ${text}`);
  return lines;
}

export function usage(): string {
  const lines = [
    'Usage:',
    '  go-release-gate run [flags]              build, check and report; exit 0 pass, 1 fail, 2 usage/config error',
    '  go-release-gate run --shard i/n [flags]  the same for shard i of n of the targets x packages: writes a shard bundle (never signs)',
    '  go-release-gate merge [--out DIR] [--mode M] [signing flags] SHARD_DIR...   check the shard bundles and merge them: one SHA256SUMS, SARIF, report, verdict;',
    '                                           on a release (--mode release, or a tag ref) sign and attest the merged set as run does (--sign, --cosign-key, --sigstore-*, ...)',
    '  go-release-gate inspect [--json] [--go-version-m] FILE...   inspect binaries (readelf / ldd / go version -m)',
    '  go-release-gate --version',
    '',
    'Flags of run (the same as the Action inputs):',
    ...runFlagLines(),
  ];
  return `${lines.join('\n')}\n`;
}

/** `go-release-gate run --help`: that command's flags only. */
export function runUsage(): string {
  const lines = [
    'Usage: go-release-gate run [flags]',
    '',
    'Build, check and report; exit 0 pass, 1 fail, 2 usage/config error.',
    '',
    'Outside GitHub Actions --dir and --out are read from the current directory and may be absolute;',
    'the workspace (the root they must stay inside, and that reported paths start from) is --workspace,',
    'else the git top-level of --dir, else --dir. Inside GitHub Actions it is GITHUB_WORKSPACE.',
    '',
    'Flags (the same as the Action inputs, then the CLI\'s own):',
    ...runFlagLines(),
  ];
  return `${lines.join('\n')}\n`;
}
