// The one error type every reader throws for bad input. Callers (the stage, the CLI, the
// property tests) rely on "a BinaryInfo or a FormatError": anything else is a bug here.

/** A malformed or truncated file: `offset` is the file offset where reading went wrong. */
export class FormatError extends Error {
  readonly offset: number;
  constructor(offset: number, message: string) {
    super(`${message} (at file offset 0x${offset.toString(16)})`);
    this.name = 'FormatError';
    this.offset = offset;
  }
}

/** Not a format we read at all (not ELF, PE or Mach-O); a FormatError at offset 0. */
export function unrecognized(detail: string): FormatError {
  return new FormatError(0, `unrecognized file format: ${detail}`);
}
