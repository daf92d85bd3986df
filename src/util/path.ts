import fs from 'node:fs';
import path from 'node:path';

/** The program file `name` resolves to on PATH, as a shell would find it; undefined if none. */
export function findOnPath(name: string, envPath: string | undefined, platform: NodeJS.Platform = process.platform): string | undefined {
  const names = platform === 'win32' ? [`${name}.exe`, name] : [name];
  for (const dir of (envPath ?? '').split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue;
    for (const n of names) {
      const file = path.join(dir, n);
      try {
        if (fs.statSync(file).isFile()) {
          fs.accessSync(file, fs.constants.X_OK);
          return file;
        }
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** True when child is parent or lies below it (no '..' step, not on another root). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** True for an executable regular file. */
export function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * How every report names a file: relative to the workspace with '/' separators when it lies
 * inside (the form SARIF and annotations need), the absolute path otherwise ('' is the root).
 */
export function displayPath(workspace: string, file: string): string {
  const r = path.relative(workspace, file);
  return r.startsWith('..') || path.isAbsolute(r) ? file : r.split(path.sep).join('/');
}
