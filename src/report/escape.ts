// Job summaries render HTML: every text that came from a tool, a file or an advisory is escaped.
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|`\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One table cell: escaped, newlines turned into <br>. */
export function cell(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

export function table(header: string[], rows: string[][]): string {
  const line = (cols: string[]) => `| ${cols.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
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
