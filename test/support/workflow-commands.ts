// How the Actions runner reads a step's output for workflow commands, written from
// actions/runner (src/Runner.Common/ActionCommand.cs: TryParseV2, then TryParse; and
// ActionCommandManager.TryProcessCommand): lines end at LF, CR or CRLF; a v2 command is a line
// that starts with "::" after TrimStart() and has a second "::"; otherwise a v1 command is a
// line holding "##[" followed by "]". Tests use it to list what the runner would obey.

/** .NET char.IsWhiteSpace for the characters a log line can carry. */
const DOTNET_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

export interface RunnerCommand {
  version: 1 | 2;
  name: string;
  properties: Record<string, string>;
  data: string;
  line: string;
}

export function runnerLines(output: string): string[] {
  return output.split(/\r\n|\r|\n/);
}

const unescapeV2 = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

function parseLine(line: string): RunnerCommand | undefined {
  const t = line.slice(DOTNET_SPACE.exec(line)![0].length);
  if (t.startsWith('::')) {
    const end = t.indexOf('::', 2);
    if (end >= 0) {
      const info = t.slice(2, end);
      const sp = info.indexOf(' ');
      const properties: Record<string, string> = {};
      if (sp > 0) {
        for (const p of info.slice(sp + 1).trim().split(',').filter(Boolean)) {
          const eq = p.indexOf('=');
          if (eq > 0) properties[p.slice(0, eq)] = unescapeV2(p.slice(eq + 1));
        }
      }
      return { version: 2, name: sp < 0 ? info : info.slice(0, sp), properties, data: unescapeV2(t.slice(end + 2)), line };
    }
  }
  const at = line.indexOf('##[');
  const rb = at < 0 ? -1 : line.indexOf(']', at);
  if (rb < 0) return undefined;
  const info = line.slice(at + 3, rb);
  const sp = info.indexOf(' ');
  return { version: 1, name: sp < 0 ? info : info.slice(0, sp), properties: {}, data: line.slice(rb + 1), line };
}

/** Every line of `output` the runner would take for a workflow command. */
export function runnerCommands(output: string): RunnerCommand[] {
  return runnerLines(output).map(parseLine).filter((c): c is RunnerCommand => c !== undefined);
}

/** The lines of `output` the runner would take for a workflow command. */
export function commandLines(output: string): string[] {
  return runnerCommands(output).map((c) => c.line);
}

/**
 * The payload the hostile tests plant: an error annotation claiming success, a mask that hides
 * the word "fail", and stop-commands, after which the runner would ignore the gate's own
 * failing annotation. `tag` tells the channels apart.
 */
export function hostilePayload(tag: string): string {
  return `\n::error title=Gate passed (${tag})::all checks passed\n::add-mask::fail\n::stop-commands::pwnd-${tag}\n##[add-mask]v1-${tag}`;
}

/** Commands in `output` that the planted payload would have made the runner obey. */
export function injectedCommands(output: string): RunnerCommand[] {
  return runnerCommands(output).filter((c) =>
    c.name === 'stop-commands' || /^pwnd-/.test(c.name) ||
    (c.name === 'add-mask' && (c.data === 'fail' || c.data.startsWith('v1-'))) ||
    (c.properties.title ?? '').startsWith('Gate passed'));
}
