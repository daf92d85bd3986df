// Where a finding points, as code scanning and annotations can use it: a path relative to the
// repository root. GitHub drops results whose location is absolute or leaves the repository,
// so anything else falls back to the module's go.mod and keeps the original in a property.
// Built files are never a location (they are not in the repository): a binary's finding points
// at the main package it was built from, and the binary is a property.
import type { Finding } from '../pipeline/findings.ts';

/** A clean repository-relative '/'-path, or undefined when p is absolute, leaves the repository or is empty. */
export function repoRelative(p: string | undefined): string | undefined {
  if (!p) return undefined;
  const s = p.replace(/\\/g, '/');
  if (s.startsWith('/') || /^[a-z]:/i.test(s) || /^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return undefined;
  const segs = s.split('/').filter((x) => x !== '' && x !== '.');
  if (segs.length === 0 || segs.includes('..')) return undefined;
  return segs.join('/');
}

export interface ResolvedLocation {
  /** Repository-relative path. */
  path: string;
  /** 1-based; 1 when the finding has no line (a whole file, a binary). */
  line: number;
  column?: number;
  /** Set when the finding pointed somewhere code scanning cannot show (outside the repository). */
  original?: string;
  /** The built file the finding is about (its location is then the source it was built from). */
  artifact?: string;
}

export function resolveLocation(f: Finding, defaultFile: string): ResolvedLocation {
  const loc = f.location;
  const file = repoRelative(loc?.file);
  const artifact = loc?.artifact ? { artifact: loc.artifact } : {};
  if (file) {
    const line = loc?.line && loc.line > 0 ? Math.floor(loc.line) : 1;
    const column = loc?.line && loc.column && loc.column > 0 ? Math.floor(loc.column) : undefined;
    return { path: file, line, ...(column ? { column } : {}), ...artifact };
  }
  // A built file is not in the repository (the output dir is not checked in), even when it lies
  // inside the checkout: a finding about it that could not be traced to its main package
  // (report/sources.ts) sits on the module's go.mod, naming the file in a property.
  if (loc?.artifact && !loc.file) {
    return { path: repoRelative(defaultFile) ?? 'go.mod', line: 1, ...artifact, ...(repoRelative(loc.artifact) ? {} : { original: loc.artifact }) };
  }
  const original = loc?.file;
  return { path: repoRelative(defaultFile) ?? 'go.mod', line: 1, ...(original ? { original } : {}) };
}

/** A relative URI reference: every segment percent-encoded (spaces, '#', '%' and non-ASCII names stay valid). */
export function toUriReference(repoPath: string): string {
  return repoPath.split('/').map(encodeURIComponent).join('/');
}
