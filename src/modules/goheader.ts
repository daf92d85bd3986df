// The header of a Go source file, read the way the go command's import scanner does: enough for
// tidy's key (src/modules/tidyreuse.ts) and for the package clause (src/build/headstart.ts),
// without a Go parser.

/**
 * A Go file's header: its leading comments (build constraints), the package clause and every
 * import declaration, which is all of a file tidy reads. `end` is where it ends; anything the
 * scanner does not recognise ends it at the end of the file (a tidy key over more bytes only
 * matches less). `pkg` is the package clause's name, when the file starts with one.
 */
export function goFileHeader(src: Buffer): { end: number; pkg?: string } {
  const n = src.length;
  let i = 0;
  const skipSpace = (): boolean => {
    while (i < n) {
      const c = src[i];
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else if (c === 0x2f && src[i + 1] === 0x2f) {
        while (i < n && src[i] !== 0x0a) i++;
      } else if (c === 0x2f && src[i + 1] === 0x2a) {
        const close = src.indexOf('*/', i + 2);
        if (close < 0) return false;
        i = close + 2;
      } else break;
    }
    return true;
  };
  const isIdent = (c: number | undefined) => c !== undefined && ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c >= 0x80);
  const ident = (): string | undefined => {
    const start = i;
    while (i < n && isIdent(src[i])) i++;
    return i > start ? src.toString('latin1', start, i) : undefined;
  };
  const str = (): boolean => {
    const q = src[i];
    if (q === 0x60) {
      const close = src.indexOf(0x60, i + 1);
      if (close < 0) return false;
      i = close + 1;
      return true;
    }
    if (q !== 0x22) return false;
    for (i++; i < n; i++) {
      if (src[i] === 0x5c) i++;
      else if (src[i] === 0x22) { i++; return true; }
      else if (src[i] === 0x0a) return false;
    }
    return false;
  };
  // import spec: [name | "." | "_"] "path"
  const spec = (): boolean => {
    if (src[i] === 0x2e) i++;
    else if (isIdent(src[i])) ident();
    if (!skipSpace()) return false;
    return str();
  };
  const semi = () => { if (src[i] === 0x3b) i++; };

  if (!skipSpace() || ident() !== 'package' || !skipSpace()) return { end: n };
  const pkg = ident();
  if (!pkg) return { end: n };
  let end = i;
  for (;;) {
    semi();
    if (!skipSpace()) return { end: n, pkg };
    const save = i;
    if (ident() !== 'import') { i = save; return { end, pkg }; }
    if (!skipSpace()) return { end: n, pkg };
    if (src[i] === 0x28) {
      i++;
      for (;;) {
        if (!skipSpace()) return { end: n, pkg };
        if (src[i] === 0x29) { i++; break; }
        if (!spec()) return { end: n, pkg };
        semi();
      }
    } else if (!spec()) return { end: n, pkg };
    end = i;
  }
}

/** Where a Go file's header ends (goFileHeader). */
export function goFileHeaderEnd(src: Buffer): number {
  return goFileHeader(src).end;
}
