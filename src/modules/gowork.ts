// go.work: the workspace's go line, the module directories it uses and its replaces, each
// with its line. A workspace vendors into the go.work directory (`go work vendor`).
import { ModuleFileError } from './errors.ts';
import { parseDirectives, parseReplace, isGoVersion, type Replace } from './modfile.ts';

export interface GoWork {
  file: string;
  go?: { version: string; line: number };
  /** Module directories as written (relative to the go.work directory or absolute). */
  uses: { dir: string; line: number }[];
  replaces: Replace[];
}

const KNOWN = new Set(['go', 'toolchain', 'godebug', 'use', 'replace']);

export function parseGoWork(text: string, file: string): GoWork {
  const work: GoWork = { file, uses: [], replaces: [] };
  for (const d of parseDirectives(text, file)) {
    if (!KNOWN.has(d.verb)) throw new ModuleFileError(file, d.line, `unknown directive "${d.verb}"`);
    if (d.verb === 'go') {
      if (d.args.length !== 1 || !isGoVersion(d.args[0])) throw new ModuleFileError(file, d.line, `go: expected a Go version like 1.22, found "${d.args.join(' ')}"`);
      if (work.go) throw new ModuleFileError(file, d.line, `second go directive (the first is at line ${work.go.line})`);
      work.go = { version: d.args[0], line: d.line };
    } else if (d.verb === 'use') {
      if (d.args.length !== 1) throw new ModuleFileError(file, d.line, `use: expected one directory, found "${d.args.join(' ')}"`);
      work.uses.push({ dir: d.args[0], line: d.line });
    } else if (d.verb === 'replace') {
      work.replaces.push(parseReplace(d, file));
    } else if (d.args.length === 0) {
      throw new ModuleFileError(file, d.line, `${d.verb}: missing argument`);
    }
  }
  return work;
}
