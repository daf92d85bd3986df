// go.mod as the gate needs it: the module path, the go line, every require / replace /
// exclude with its line. Strict like the go command on the main module: anything it would
// reject is a ModuleFileError naming the file and line.
import { ModuleFileError } from './errors.ts';
import { parseDirectives, parseReplace, isModulePath, isModuleVersion, isGoVersion, type Replace, type Directive } from './modfile.ts';

export interface Require {
  path: string;
  version: string;
  /** Marked "// indirect": required for the build graph, not imported by the module itself. */
  indirect: boolean;
  line: number;
}

export interface GoMod {
  /** Repository-relative path of the file, for locations. */
  file: string;
  module: { path: string; line: number };
  go?: { version: string; line: number };
  toolchain?: { name: string; line: number };
  requires: Require[];
  replaces: Replace[];
  excludes: { path: string; version: string; line: number }[];
}

const KNOWN = new Set(['module', 'go', 'toolchain', 'godebug', 'require', 'exclude', 'replace', 'retract', 'tool', 'ignore']);

function expectArgs(d: Directive, file: string, n: number, shape: string): void {
  if (d.args.length !== n) throw new ModuleFileError(file, d.line, `${d.verb}: expected "${d.verb} ${shape}", found ${d.args.length ? `"${d.args.join(' ')}"` : 'nothing'}`);
}

function modulePathAndVersion(d: Directive, file: string): { path: string; version: string } {
  expectArgs(d, file, 2, 'module/path v1.2.3');
  const [path, version] = d.args;
  if (!isModulePath(path)) throw new ModuleFileError(file, d.line, `${d.verb}: "${path}" is not a module path`);
  if (!isModuleVersion(version)) throw new ModuleFileError(file, d.line, `${d.verb} ${path}: version "${version}" is not of the form v1.2.3`);
  return { path, version };
}

/** Whether a trailing comment carries the "indirect" marker ("// indirect" or "// indirect; note"). */
function isIndirect(comment: string): boolean {
  return /^indirect(;|$)/.test(comment.trim());
}

export function parseGoMod(text: string, file: string): GoMod {
  const mod: Partial<GoMod> & Pick<GoMod, 'requires' | 'replaces' | 'excludes'> = { file, requires: [], replaces: [], excludes: [] };
  for (const d of parseDirectives(text, file)) {
    if (!KNOWN.has(d.verb)) throw new ModuleFileError(file, d.line, `unknown directive "${d.verb}"`);
    switch (d.verb) {
      case 'module': {
        if (mod.module) throw new ModuleFileError(file, d.line, `second module directive (the first is at line ${mod.module.line})`);
        expectArgs(d, file, 1, 'module/path');
        if (!isModulePath(d.args[0])) throw new ModuleFileError(file, d.line, `module: "${d.args[0]}" is not a module path`);
        mod.module = { path: d.args[0], line: d.line };
        break;
      }
      case 'go': {
        if (mod.go) throw new ModuleFileError(file, d.line, `second go directive (the first is at line ${mod.go.line})`);
        expectArgs(d, file, 1, '1.N');
        if (!isGoVersion(d.args[0])) throw new ModuleFileError(file, d.line, `go: "${d.args[0]}" is not a Go version like 1.22 or 1.22.3`);
        mod.go = { version: d.args[0], line: d.line };
        break;
      }
      case 'toolchain': {
        expectArgs(d, file, 1, 'go1.N.M');
        if (!/^(default|go[1-9][0-9A-Za-z.+-]*)$/.test(d.args[0])) throw new ModuleFileError(file, d.line, `toolchain: "${d.args[0]}" is not a toolchain name like go1.22.3`);
        mod.toolchain = { name: d.args[0], line: d.line };
        break;
      }
      case 'require':
        mod.requires.push({ ...modulePathAndVersion(d, file), indirect: isIndirect(d.comment), line: d.line });
        break;
      case 'exclude':
        mod.excludes.push({ ...modulePathAndVersion(d, file), line: d.line });
        break;
      case 'replace':
        mod.replaces.push(parseReplace(d, file));
        break;
      default:
        // godebug, retract, tool, ignore: valid, and irrelevant to what the source is.
        if (d.args.length === 0) throw new ModuleFileError(file, d.line, `${d.verb}: missing argument`);
    }
  }
  if (!mod.module) throw new ModuleFileError(file, 1, 'no module directive (expected "module example.com/name")');
  return mod as GoMod;
}

/** The replace that applies to path@version: an exact-version replace wins over a wildcard one. */
export function replacementFor(replaces: readonly Replace[], path: string, version: string): Replace | undefined {
  return replaces.find((r) => r.old.path === path && r.old.version === version) ?? replaces.find((r) => r.old.path === path && r.old.version === '');
}
