// Does vendor/modules.txt say what go.mod (and go.work) say? The same rules as the go command's
// "inconsistent vendoring" check, but every disagreement is returned with the line it is on,
// instead of one error that stops the build.
import path from 'node:path';
import type { GoMod } from './gomod.ts';
import { replacementFor } from './gomod.ts';
import type { GoWork } from './gowork.ts';
import type { ModuleVersion, Replace } from './modfile.ts';
import type { ModulesTxt } from './modulestxt.ts';
import { vendoredModule } from './modulestxt.ts';

export interface MainModule {
  gomod: GoMod;
  /** Absolute directory of the go.mod. */
  dir: string;
}

export interface VendorSetup {
  mains: MainModule[];
  /** Set in workspace mode. */
  work?: { gowork: GoWork; dir: string };
  txt: ModulesTxt;
}

export type ConsistencyKind =
  | 'version-differs'
  | 'not-vendored'
  | 'not-explicit'
  | 'explicit-not-required'
  | 'replace-missing'
  | 'replace-differs'
  | 'replaced-not-replaced';

export interface ConsistencyIssue {
  kind: ConsistencyKind;
  file: string;
  line: number;
  message: string;
  /** Stable subject for the fingerprint (module, not line). */
  subject: string;
}

function describe(m: ModuleVersion): string {
  return m.version ? `${m.path}@${m.version}` : m.path;
}

function lessThan114(goVersion: string | undefined): boolean {
  if (!goVersion) return true;
  const [major, minor] = goVersion.split('.').map((n) => parseInt(n, 10));
  return major < 1 || (major === 1 && (minor ?? 0) < 14);
}

/** Local replacement paths as modules.txt records them: in a workspace, relative to the go.work directory. */
function canonicalReplacement(r: Replace, modDir: string | undefined, workDir: string | undefined): ModuleVersion {
  if (!r.local || !workDir || !modDir || path.isAbsolute(r.new.path)) return r.new;
  const rel = path.relative(workDir, path.join(modDir, r.new.path)).split(path.sep).join('/');
  const dirPath = rel === '' ? '.' : rel === '.' || rel === '..' || rel.startsWith('./') || rel.startsWith('../') ? rel : `./${rel}`;
  return { path: dirPath, version: '' };
}

export function checkVendorConsistency(setup: VendorSetup): ConsistencyIssue[] {
  const { mains, work, txt } = setup;
  const issues: ConsistencyIssue[] = [];
  const workspace = work !== undefined;
  const relaxed = !workspace && lessThan114(mains[0]?.gomod.go?.version);
  const goModName = workspace ? 'a go.mod of the workspace' : 'go.mod';

  // Every require must be vendored at its version and marked explicit.
  for (const { gomod } of mains) {
    for (const r of gomod.requires) {
      const at = `${gomod.file}:${r.line}`;
      const vm = vendoredModule(txt, r.path, r.version);
      if (vm) {
        if (!vm.explicit && !relaxed) {
          const line = vm.annotationLines[0] ?? vm.line;
          issues.push({ kind: 'not-explicit', file: txt.file, line, subject: `${r.path}@${r.version} explicit`, message: `${r.path} ${r.version} is required at ${at} but ${txt.file}:${line} does not mark it "## explicit"` });
        }
        continue;
      }
      const other = txt.modules.find((m) => m.path === r.path && m.version !== '');
      if (other) {
        issues.push({ kind: 'version-differs', file: txt.file, line: other.line, subject: `${r.path} version`, message: `${txt.file}:${other.line} lists ${r.path} ${other.version}, but ${at} requires ${r.version}` });
      } else if (!relaxed) {
        issues.push({ kind: 'not-vendored', file: gomod.file, line: r.line, subject: `${r.path}@${r.version} not vendored`, message: `${r.path} ${r.version} is required at ${at} but is not listed in ${txt.file}` });
      }
    }
  }

  // Every replacement must be recorded as written (go.work's first, as the go command reads them).
  const seen = new Set<string>();
  const checkReplace = (r: Replace, file: string, modDir: string | undefined) => {
    const key = describe(r.old);
    if (seen.has(key)) return;
    seen.add(key);
    // A workspace module replacing another workspace module's unversioned path is not a replacement.
    if (workspace && r.old.version === '' && mains.some((m) => m.gomod.module.path === r.old.path)) return;
    const want = canonicalReplacement(r, modDir, work?.dir);
    const vm = vendoredModule(txt, r.old.path, r.old.version);
    const at = `${file}:${r.line}`;
    if (!vm?.replacement) {
      if (relaxed && (r.old.version === '' || !vm)) return; // before go 1.14 these were not recorded
      issues.push({ kind: 'replace-missing', file, line: r.line, subject: `${key} replace missing`, message: `${key} is replaced by ${describe(r.new)} at ${at} but ${txt.file} does not record the replacement` });
    } else if (vm.replacement.path !== want.path || vm.replacement.version !== want.version) {
      issues.push({ kind: 'replace-differs', file: txt.file, line: vm.line, subject: `${key} replace differs`, message: `${txt.file}:${vm.line} records ${key} => ${describe(vm.replacement)}, but ${at} replaces it with ${describe(want)}` });
    }
  };
  for (const r of work?.gowork.replaces ?? []) checkReplace(r, work!.gowork.file, undefined);
  for (const { gomod, dir } of mains) for (const r of gomod.replaces) checkReplace(r, gomod.file, dir);

  // Nothing extra: explicit modules must be required, replaced modules must be replaced.
  for (const vm of txt.modules) {
    if (vm.explicit && vm.version !== '' && !mains.some(({ gomod }) => gomod.requires.some((r) => r.path === vm.path && r.version === vm.version))) {
      if (!issues.some((i) => i.kind === 'version-differs' && i.line === vm.line)) {
        issues.push({ kind: 'explicit-not-required', file: txt.file, line: vm.line, subject: `${vm.path}@${vm.version} extra explicit`, message: `${txt.file}:${vm.line} marks ${vm.path} ${vm.version} explicit, but ${goModName} does not require it` });
      }
    }
    if (vm.replacement) {
      const replaces = [...(work?.gowork.replaces ?? []), ...mains.flatMap((m) => m.gomod.replaces)];
      if (!replacementFor(replaces, vm.path, vm.version)) {
        issues.push({ kind: 'replaced-not-replaced', file: txt.file, line: vm.line, subject: `${describe(vm)} extra replace`, message: `${txt.file}:${vm.line} records ${describe(vm)} => ${describe(vm.replacement)}, but ${workspace ? 'the workspace' : 'go.mod'} does not replace it` });
      }
    }
  }
  return issues;
}
