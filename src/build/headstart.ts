// Which main package the build can start on before `go list` answers. In the usual layout the
// module root is the one main package: its import path is go.mod's module path and its Go files
// say `package main`. This is a guess read from a few bytes; go list still decides, and a head
// start it does not confirm is thrown away (src/stages/build.ts). Only where no file can be left
// out of a build (RootGuess.certain) is the guess the answer, and go list is not asked.
import fs from 'node:fs';
import path from 'node:path';
import { parseGoMod } from '../modules/gomod.ts';
import { goFileHeader } from '../modules/goheader.ts';

const HEAD_BYTES = 4096;

export interface RootGuess {
  /** go.mod's module path: the root package's import path. */
  importPath: string;
  /**
   * No root Go file can be left out of any build: none has a build constraint line, a name
   * with a _suffix (where GOOS and GOARCH suffixes live), or an import of "C" (left out without
   * cgo). Then every build compiles all of them, the package is main for every target and
   * tag, and go list could only say what the guess says.
   */
  certain: boolean;
}

/**
 * The module root's import path when every non-test Go file read there says `package main`;
 * undefined when there is no go.mod module line, no such file, any other package clause, or a
 * file whose clause is not within its first bytes.
 */
export function rootMainGuess(dir: string): RootGuess | undefined {
  let module: string;
  let names: string[];
  try {
    // A go.mod the modules stage will call malformed gives no guess.
    module = parseGoMod(fs.readFileSync(path.join(dir, 'go.mod'), 'utf8'), 'go.mod').module.path;
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.go') && !n.endsWith('_test.go') && !n.startsWith('.') && !n.startsWith('_'));
  } catch {
    return undefined;
  }
  if (names.length === 0) return undefined;
  const buf = Buffer.alloc(HEAD_BYTES);
  let certain = true;
  for (const name of names) {
    let n: number;
    try {
      const fd = fs.openSync(path.join(dir, name), 'r');
      try {
        n = fs.readSync(fd, buf, 0, HEAD_BYTES, 0);
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return undefined;
    }
    const head = goFileHeader(buf.subarray(0, n));
    if (head.pkg !== 'main') return undefined;
    // The scanner ends the header at the first thing it does not recognise, or at the end of
    // what was read: either way, a constraint or an import of "C" can only be before it.
    const header = buf.toString('latin1', 0, Math.min(head.end, n));
    if (name.slice(0, -3).includes('_') || /^\s*\/\/\s*(go:build|\+build)/m.test(header) || header.includes('"C"') || head.end >= n) certain = false;
  }
  return { importPath: module, certain };
}

/**
 * Whether the go command would run dir in a go.work workspace: GOWORK names a file, or (unset)
 * a go.work in dir or a parent. There the modules stage downloads on the checkout before the build.
 */
export function inWorkspace(dir: string, gowork: string | undefined): boolean {
  if (gowork === 'off') return false;
  if (gowork) return true;
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'go.work'))) return true;
    if (path.dirname(d) === d) return false;
  }
}
