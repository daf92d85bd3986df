// "build constraints exclude all Go files in DIR" is how Go reports a package whose Go files all
// need cgo when CGO_ENABLED=0: it never says cgo. Looking at those files turns that into the
// reason and the fix. Reads at most a bounded number of files of the one directory Go named.
import fs from 'node:fs';
import path from 'node:path';

const EXCLUDED = /build constraints exclude all Go files in (.+)$/m;
const MAX_FILES = 200;
const MAX_BYTES = 1 << 20;
// cgo's import must stand alone (cmd/cgo docs), possibly inside an import group.
const IMPORTS_C = /^\s*import\s+"C"\s*$|^\s*import\s*\(\s*"C"\s*\)|^\s*"C"\s*$/m;
const CGO_TAG = /^\/\/go:build\s.*\bcgo\b/m;

/** Why the package did not build and what to do, when cgo is off and the excluded files need it; else null. */
export function cgoNeededHint(stderr: string, cgo: boolean, show: (dir: string) => string): string | null {
  if (cgo) return null;
  const m = EXCLUDED.exec(stderr);
  if (!m) return null;
  const dir = m[1].trim();
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.go') && !n.endsWith('_test.go')).slice(0, MAX_FILES);
  } catch {
    return null;
  }
  const needing: string[] = [];
  for (const n of names) {
    let text: string;
    try {
      const fd = fs.openSync(path.join(dir, n), 'r');
      try {
        const buf = Buffer.alloc(MAX_BYTES);
        text = buf.toString('utf8', 0, fs.readSync(fd, buf, 0, MAX_BYTES, 0));
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      continue;
    }
    if (IMPORTS_C.test(text) || CGO_TAG.test(text)) needing.push(n);
  }
  if (needing.length === 0) return null;
  const shown = needing.slice(0, 3).join(', ') + (needing.length > 3 ? ` and ${needing.length - 3} more` : '');
  return `the Go files in ${show(dir)} need cgo (${shown}: import "C" or a cgo build constraint), and cgo is off, so Go reports "build constraints exclude all Go files". Set cgo: true to build it, then name the hosts it must run on in run-on: a cgo binary needs the C library (and glibc version) it was linked against`;
}
