// Text for a log line that the Actions runner reads as text, never as a workflow command.
//
// The runner looks at every line a step writes (stdout and stderr) for two command syntaxes
// (actions/runner, src/Runner.Common/ActionCommand.cs):
//   v2  `::name props::data`  when the line, after String.TrimStart(), starts with "::";
//   v1  `##[name props]data`  when "##[" occurs anywhere in the line.
// A line is ended by LF, CR or CRLF. So a compiler message, an advisory title or a .trivyignore
// statement that carries "\n::add-mask::..." becomes a command once it is logged raw.
//
// safeLogText keeps such text readable and inert:
// - CRLF becomes LF (a line break the reader expects); a lone CR, which the runner would also
//   treat as a line break, and the other C0 controls except TAB and LF (ESC sequences can
//   restyle or hide log text) become their visible Unicode control pictures (CR -> U+240D).
// - A line that starts with "::" after its leading whitespace gets a visible middle dot between
//   the two colons (":·:error ..."), and every "##[" becomes "#·#[". The mark is visible so a
//   reader (and a test) sees that the text was neutralised rather than printed as a command,
//   and it is one character so the rest of the line reads, and searches, unchanged.
// Only lines meant as plain text go through here: the annotation, debug and group commands
// that @actions/core writes escape their own data (see src/action/adapters.ts).

/** The marker put inside a command prefix. */
export const COMMAND_BREAK = '\u00b7';

// Leading characters the runner may skip before it looks for "::": .NET's TrimStart() skips
// char.IsWhiteSpace (Unicode separators, TAB..CR, NEL U+0085, NBSP); JS's \s covers those but
// NEL, and the control pictures are not whitespace. Skipping more than the runner does only
// marks more lines, never fewer.
const LEADING_SPACE = /^[\s\u0085]*/;

function controlPicture(c: string): string {
  const code = c.charCodeAt(0);
  return code === 0x7f ? '\u2421' : String.fromCharCode(0x2400 + code);
}

function safeLine(line: string): string {
  const v1Safe = line.replace(/##\[/g, `#${COMMAND_BREAK}#[`);
  const lead = LEADING_SPACE.exec(v1Safe)![0];
  const rest = v1Safe.slice(lead.length);
  return rest.startsWith('::') ? `${lead}:${COMMAND_BREAK}${rest.slice(1)}` : v1Safe;
}

/** Text from a repository, a tool or an advisory, made safe to print as log lines. Pure. */
export function safeLogText(text: string): string {
  const lines = text
    .replace(/\r\n/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, controlPicture)
    .split('\n');
  return lines.map(safeLine).join('\n');
}

