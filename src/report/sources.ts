// Where a built binary's findings point in the repository: the main package it was built from.
// A binary lives in the output dir, which is not in the repository, so code scanning and
// annotations would point at nothing; the main package's source file (its package clause) is
// what the binary came from, and the message and a SARIF property still name the binary.
// The file-system side (reading go.mod, go.work, the package directory) is here; the mapping of
// findings is pure (locateArtifactFindings).
import fs from 'node:fs';
import path from 'node:path';
import type { Finding, Location } from '../pipeline/findings.ts';
import type { Artifact } from '../pipeline/stage.ts';
import { repoRelative } from './location.ts';
import { displayPath } from '../util/path.ts';

export interface SourceLine {
  /** Repository-relative path. */
  file: string;
  line: number;
}

const MODULE_LINE = /^[ \t]*module[ \t]+("?)([^\s"/][^\s"]*)\1[ \t]*(?:\/\/.*)?$/m;
const USE_LINE = /^[ \t]*use[ \t]+("?)([^\s"()]+)\1[ \t]*(?:\/\/.*)?$/gm;
const USE_BLOCK = /^[ \t]*use[ \t]*\(([^)]*)\)/gm;

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

interface ModuleRoot { path: string; dir: string; goMod: string; line: number }

function moduleAt(dir: string): ModuleRoot | undefined {
  const goMod = path.join(dir, 'go.mod');
  const text = read(goMod);
  const m = text === undefined ? null : MODULE_LINE.exec(text);
  return m ? { path: m[2], dir, goMod, line: lineOf(text!, m.index + m[0].search(/\S/)) } : undefined;
}

/** The module(s) of the gated directory: its go.mod, or every module a go.work there uses. */
export function moduleRoots(dir: string): ModuleRoot[] {
  const roots: ModuleRoot[] = [];
  const work = read(path.join(dir, 'go.work'));
  if (work !== undefined) {
    const dirs = [...work.matchAll(USE_LINE)].map((m) => m[2]);
    for (const block of work.matchAll(USE_BLOCK)) {
      for (const l of block[1].split('\n')) {
        const d = l.replace(/\/\/.*$/, '').trim().replace(/^"(.*)"$/, '$1');
        if (d) dirs.push(d);
      }
    }
    for (const d of dirs) {
      const root = moduleAt(path.resolve(dir, d));
      if (root) roots.push(root);
    }
  }
  const own = moduleAt(dir);
  if (own && !roots.some((r) => r.dir === own.dir)) roots.push(own);
  return roots;
}

/** The package's main source file and its package clause line; the module's go.mod line when no file is found. */
export function mainPackageSource(workspace: string, roots: readonly ModuleRoot[], importPath: string): SourceLine | undefined {
  const root = [...roots]
    .filter((r) => importPath === r.path || importPath.startsWith(`${r.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!root) return undefined;
  const pkgDir = path.join(root.dir, ...importPath.slice(root.path.length).split('/').filter(Boolean));
  const inRepo = (file: string) => repoRelative(displayPath(workspace, file));
  let names: string[] = [];
  try {
    names = fs.readdirSync(pkgDir).filter((n) => n.endsWith('.go') && !n.endsWith('_test.go') && !n.startsWith('.') && !n.startsWith('_')).sort();
  } catch {
    // not a directory of the module (a package from elsewhere): the go.mod below
  }
  // The file that declares func main first, then main.go, then any file of package main.
  const candidates: { name: string; text: string; clause: number; hasMain: boolean }[] = [];
  for (const name of names.slice(0, 200)) {
    const text = read(path.join(pkgDir, name));
    if (text === undefined) continue;
    const clause = /^package[ \t]+main\b/m.exec(text);
    if (!clause) continue;
    candidates.push({ name, text, clause: clause.index, hasMain: /^func[ \t]+main[ \t]*\([ \t]*\)/m.test(text) });
  }
  const best = candidates.find((c) => c.hasMain) ?? candidates.find((c) => c.name === 'main.go') ?? candidates[0];
  if (best) {
    const file = inRepo(path.join(pkgDir, best.name));
    if (file) return { file, line: lineOf(best.text, best.clause) };
  }
  const goMod = inRepo(root.goMod);
  return goMod ? { file: goMod, line: root.line } : undefined;
}

/** displayPath of every artifact built from a main package -> that package's source line. */
export function artifactSources(workspace: string, moduleDir: string, artifacts: readonly Artifact[]): Map<string, SourceLine> {
  const out = new Map<string, SourceLine>();
  const roots = moduleRoots(moduleDir);
  const byPkg = new Map<string, SourceLine | undefined>();
  for (const a of artifacts) {
    if (!a.pkg) continue;
    if (!byPkg.has(a.pkg)) byPkg.set(a.pkg, mainPackageSource(workspace, roots, a.pkg));
    const src = byPkg.get(a.pkg);
    if (src) out.set(a.displayPath, src);
  }
  return out;
}

/**
 * Findings that point only at a built artifact get the source line of the package it was built
 * from as their file and line; the artifact stays in the location (and the message names it).
 * Returns new findings; the fingerprints do not change.
 */
export function locateArtifactFindings(findings: readonly Finding[], sources: ReadonlyMap<string, SourceLine>): Finding[] {
  return findings.map((f) => {
    const loc = f.location;
    if (!loc?.artifact || loc.file) return f;
    const src = sources.get(loc.artifact);
    if (!src) return f;
    const location: Location = { file: src.file, line: src.line, artifact: loc.artifact };
    return { ...f, location };
  });
}

/**
 * locateArtifactFindings with the sources read once per set of built artifacts (stages run one
 * after another; the list only grows while the build stage runs).
 */
export function artifactLocator(workspace: string, moduleDir: string, artifacts: () => readonly Artifact[]): (findings: readonly Finding[]) => Finding[] {
  let seen = -1;
  let sources = new Map<string, SourceLine>();
  return (findings) => {
    if (!findings.some((f) => f.location?.artifact && !f.location.file)) return [...findings];
    const list = artifacts();
    if (list.length !== seen) {
      sources = artifactSources(workspace, moduleDir, list);
      seen = list.length;
    }
    return locateArtifactFindings(findings, sources);
  };
}
