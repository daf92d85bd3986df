// Directory replacements that leave the workspace: `replace example.com/lib => ../../elsewhere`
// (or a path through a symlink that points out) builds code that is not in the repository, was
// never reviewed with it, and that no go.sum line vouches for. Each is reported at its replace line.
import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../pipeline/findings.ts';
import { finding } from '../pipeline/findings.ts';
import type { ModuleSetup } from './load.ts';
import type { Replace } from './modfile.ts';
import { REPLACE_OUTSIDE } from './rules.ts';

/** The real path of p, or of its nearest existing ancestor joined with the rest (the target may not exist). */
function realpathish(p: string): string {
  const rest: string[] = [];
  let cur = p;
  for (let i = 0; i < 256; i++) {
    try {
      return path.join(fs.realpathSync(cur), ...rest.reverse());
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) break;
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
  return p;
}

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** @param workspace absolute repository root (locations are relative to it) */
export function replacesOutsideWorkspace(setup: ModuleSetup, workspace: string): Finding[] {
  const root = realpathish(workspace);
  const files: { file: string; dir: string; replaces: readonly Replace[] }[] = setup.mains.map((m) => ({ file: m.gomod.file, dir: m.dir, replaces: m.gomod.replaces }));
  if (setup.work) files.push({ file: setup.work.gowork.file, dir: setup.work.dir, replaces: setup.work.gowork.replaces });
  const out: Finding[] = [];
  for (const f of files) {
    for (const r of f.replaces) {
      if (!r.local) continue;
      const target = realpathish(path.resolve(f.dir, r.new.path));
      if (inside(root, target)) continue;
      out.push(
        finding(REPLACE_OUTSIDE, 'modules', {
          message: `replace ${r.old.path}${r.old.version ? ` ${r.old.version}` : ''} => ${r.new.path} points outside the workspace (to ${target}): the build would compile code that is not in the repository and that no go.sum line vouches for`,
          location: { file: f.file, line: r.line },
          subject: `${f.file} replace ${r.old.path} => ${r.new.path}`,
        }),
      );
    }
  }
  return out;
}
