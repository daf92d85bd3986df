// Job summaries render Markdown and HTML: every text that came from a tool, a file or an
// advisory is escaped: HTML's specials, table pipes, code backticks, the backslash escape, and
// the Markdown that could change meaning (*emphasis*, [links](...)). Entities display as the
// character itself. Quotes and underscores stay: text is never put in an attribute, and
// intraword underscores (file names) are never emphasis, so summary.md stays readable.
export function escapeHtml(text: string): string {
  return text.replace(/[&<>|`\\*[\]]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One table cell: escaped, newlines turned into <br>. */
export function cell(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

/** Inline code that stays escaped: Markdown backticks would show entities literally. */
export function code(text: string): string {
  return `<code>${cell(text)}</code>`;
}

export function table(header: string[], rows: string[][]): string {
  const line = (cols: string[]) => `| ${cols.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Cuts text to at most max characters, saying how much was cut and where the rest is. */
export function truncateText(text: string, max: number, rest = 'report.json'): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}\n… ${text.length - max} more characters cut (full text in ${rest})`;
}

/** A collapsed block of raw tool output. <pre> sits on its own lines so blank lines inside it stay inside. */
export function detailsBlock(title: string, body: string, max: number): string {
  return ['<details><summary>' + cell(title) + '</summary>', '', '<pre>', escapeHtml(truncateText(body.replace(/\r\n?/g, '\n'), max)), '</pre>', '</details>'].join('\n');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Text that another sentence follows: trimmed and ending in exactly one full stop. Error
 * messages from libraries end with or without one ("... may be creating this cache."), and a
 * message built as `${error}. Next sentence` must not print "..".
 */
export function sentence(text: string): string {
  const t = text.trim().replace(/[\s.]+$/, '');
  if (t === '') return '';
  return /[!?:]$/.test(t) ? t : `${t}.`;
}
