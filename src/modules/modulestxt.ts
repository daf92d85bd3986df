// vendor/modules.txt: what `go mod vendor` says it copied. One "# module version [=> replacement]"
// line per module, "## explicit; go 1.N" annotations, then one line per vendored package.
// The go command writes this file itself, so anything it would not write is an error here,
// even where `go build` would silently skip the line.
import { ModuleFileError, splitLines } from './errors.ts';
import { isModulePath, isModuleVersion, isLocalPath, type ModuleVersion } from './modfile.ts';

export interface VendoredModule {
  path: string;
  /** '' for a wildcard replacement line ("# old => new"). */
  version: string;
  replacement?: ModuleVersion;
  /** Line of the "# module version" header. */
  line: number;
  explicit: boolean;
  /** Go version from "## go 1.N". */
  goVersion?: string;
  /** Lines of the "## ..." annotations of this module. */
  annotationLines: number[];
  packages: { path: string; line: number }[];
}

export interface ModulesTxt {
  file: string;
  /** Starts with "## workspace" (written by `go work vendor`). */
  workspace: boolean;
  modules: VendoredModule[];
}

function parseHeader(fields: string[], file: string, line: number): Omit<VendoredModule, 'explicit' | 'annotationLines' | 'packages'> {
  // fields: ["#", path, version | "=>", ...]
  const bad = (why: string) => new ModuleFileError(file, line, `module line "${fields.join(' ')}": ${why}`);
  if (fields.length < 3) throw bad('expected "# module/path v1.2.3"');
  const path = fields[1];
  if (!isModulePath(path)) throw bad(`"${path}" is not a module path`);
  let rest = fields.slice(2);
  let version = '';
  if (rest[0] !== '=>') {
    if (!isModuleVersion(rest[0])) throw bad(`"${rest[0]}" is not a version of the form v1.2.3`);
    version = rest[0];
    rest = rest.slice(1);
  }
  if (rest.length === 0) {
    if (version === '') throw bad('expected a version or "=> replacement"');
    return { path, version, line };
  }
  if (rest[0] !== '=>' || rest.length < 2 || rest.length > 3) throw bad('expected "=> replacement [version]" after the version');
  const [, newPath, newVersion] = rest;
  if (newVersion === undefined) {
    if (!isLocalPath(newPath)) throw bad(`a replacement without a version must be a directory path, not "${newPath}"`);
  } else {
    if (!isModulePath(newPath)) throw bad(`"${newPath}" is not a module path`);
    if (!isModuleVersion(newVersion)) throw bad(`"${newVersion}" is not a version of the form v1.2.3`);
  }
  return { path, version, replacement: { path: newPath, version: newVersion ?? '' }, line };
}

export function parseModulesTxt(text: string, file: string): ModulesTxt {
  const txt: ModulesTxt = { file, workspace: false, modules: [] };
  let current: VendoredModule | undefined;
  splitLines(text).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    if (raw.startsWith('## ')) {
      const annotation = raw.slice(3).trim();
      if (annotation === 'workspace' && line === 1) {
        txt.workspace = true;
        return;
      }
      if (!current) throw new ModuleFileError(file, line, `annotation "${raw}" before any "# module version" line`);
      current.annotationLines.push(line);
      for (const entry of annotation.split(';').map((s) => s.trim())) {
        if (entry === 'explicit') current.explicit = true;
        else if (entry.startsWith('go ')) current.goVersion = entry.slice(3).trim();
        // Other annotations are reserved by the go command for future use.
      }
      return;
    }
    if (raw.startsWith('#')) {
      const fields = raw.trim().split(/\s+/);
      if (fields[0] !== '#') throw new ModuleFileError(file, line, `expected "# module/path v1.2.3" or "## annotation", found "${raw}"`);
      current = { ...parseHeader(fields, file, line), explicit: false, annotationLines: [], packages: [] };
      txt.modules.push(current);
      return;
    }
    const fields = raw.trim().split(/\s+/);
    if (fields.length !== 1 || !isModulePath(fields[0])) throw new ModuleFileError(file, line, `expected one package import path, found "${raw}"`);
    if (!current) throw new ModuleFileError(file, line, `package "${fields[0]}" listed before any "# module version" line`);
    if (current.version === '') throw new ModuleFileError(file, line, `package "${fields[0]}" listed under the wildcard replacement at line ${current.line}, which vendors nothing`);
    current.packages.push({ path: fields[0], line });
  });
  return txt;
}

/** The vendored module line for path@version (version '' matches a wildcard replacement line). */
export function vendoredModule(txt: ModulesTxt, path: string, version: string): VendoredModule | undefined {
  return txt.modules.find((m) => m.path === path && m.version === version);
}

/** The modules.txt line that lists the package directory holding vendorPath (e.g. "golang.org/x/text/language/tags.go"). */
export function packageLineFor(txt: ModulesTxt, vendorPath: string): number | undefined {
  const dir = vendorPath.includes('/') ? vendorPath.slice(0, vendorPath.lastIndexOf('/')) : '';
  let best: { line: number; len: number } | undefined;
  for (const m of txt.modules) {
    for (const p of m.packages) if (p.path === dir) return p.line;
    // A file outside any listed package (a LICENSE at the module root): the module's line.
    if (m.version !== '' && (dir === m.path || dir.startsWith(`${m.path}/`)) && (!best || m.path.length > best.len)) {
      best = { line: m.line, len: m.path.length };
    }
  }
  return best?.line;
}
