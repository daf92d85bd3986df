// How the Actions runner reads a step's output for workflow commands, written from
// actions/runner (src/Runner.Common/ActionCommand.cs, TryParseV2 then TryParse): lines end at
// LF, CR or CRLF; a v2 command is a line that starts with "::" after TrimStart(), a v1 command
// a line holding "##[" anywhere. Tests use it to find the lines the runner would obey.

/** .NET char.IsWhiteSpace for the characters a log line can carry. */
const DOTNET_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

export function runnerLines(output: string): string[] {
  return output.split(/\r\n|\r|\n/);
}

/** The lines of `output` the runner would take for a workflow command (v2 or v1). */
export function commandLines(output: string): string[] {
  return runnerLines(output).filter((l) => l.slice(DOTNET_SPACE.exec(l)![0].length).startsWith('::') || l.includes('##['));
}

/** Command lines that carry `marker`: each one is text an attacker got the runner to obey. */
export function hostileCommands(output: string, marker: string): string[] {
  return commandLines(output).filter((l) => l.includes(marker));
}
