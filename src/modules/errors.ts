// A module file the gate cannot read is never "probably fine": the parsers throw this error,
// the stage turns it into an error finding at the exact file and line, and the gate fails.

export class ModuleFileError extends Error {
  /** Repository-relative path, '/'-separated. */
  readonly file: string;
  /** 1-based line of the offending text. */
  readonly line: number;
  readonly detail: string;

  constructor(file: string, line: number, detail: string) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'ModuleFileError';
    this.file = file;
    this.line = line;
    this.detail = detail;
  }
}

/** Splits file text into lines without their terminators (LF or CRLF); line i+1 is lines[i]. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}
