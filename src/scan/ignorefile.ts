// .trivyignore / .trivyignore.yaml read for reporting: which ids a file names, on which line,
// until when. Trivy applies the file itself (we hand it over with --ignorefile); this reading
// lets the report say what was ignored, what expired (and is therefore back), and which
// entries matched nothing, so an ignore file is never silently not applied.

export const IGNORE_FILE_NAMES = ['.trivyignore.yaml', '.trivyignore.yml', '.trivyignore'] as const;

export interface IgnoreEntry {
  id: string;
  line: number;
  /** YYYY-MM-DD when the entry stops applying. */
  expires?: string;
  statement?: string;
}

function yamlScalar(v: string): string {
  const t = v.replace(/\s+#.*$/, '').trim();
  const q = /^(['"])(.*)\1$/.exec(t);
  return q ? q[2] : t;
}

/** Plain format: one id a line, optional "exp:YYYY-MM-DD", "#" comments. */
function parsePlain(text: string): IgnoreEntry[] {
  const out: IgnoreEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const [id, ...opts] = line.split(/\s+/);
    const exp = opts.map((o) => /^exp:(\d{4}-\d{2}-\d{2})$/.exec(o)).find(Boolean);
    out.push({ id, line: i + 1, ...(exp ? { expires: exp[1] } : {}) });
  });
  return out;
}

/**
 * YAML format, the subset Trivy documents: a top-level `vulnerabilities:` list of items with
 * `id`, `statement`, `expired_at` (and `paths`/`purls`, which only Trivy needs).
 */
function parseYaml(text: string): IgnoreEntry[] {
  const out: IgnoreEntry[] = [];
  let inVulns = false;
  let cur: IgnoreEntry | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    if (/^\S/.test(raw) && !raw.startsWith('#')) {
      inVulns = /^vulnerabilities\s*:/.test(raw);
      cur = undefined;
      return;
    }
    if (!inVulns) return;
    const item = /^\s*-\s+(.*)$/.exec(raw);
    const body = item ? item[1] : raw.trim();
    if (item) cur = undefined;
    const kv = /^([a-z_]+)\s*:\s*(.*)$/.exec(body);
    if (!kv) return;
    if (kv[1] === 'id') {
      cur = { id: yamlScalar(kv[2]), line: i + 1 };
      out.push(cur);
    } else if (cur && kv[1] === 'expired_at') {
      const d = /^(\d{4}-\d{2}-\d{2})/.exec(yamlScalar(kv[2]));
      if (d) cur.expires = d[1];
    } else if (cur && kv[1] === 'statement') {
      cur.statement = yamlScalar(kv[2]);
    }
  });
  return out;
}

export function parseIgnoreFile(name: string, text: string): IgnoreEntry[] {
  return /\.ya?ml$/.test(name) ? parseYaml(text) : parsePlain(text);
}

/** Whether an entry no longer applies on `today` (YYYY-MM-DD, UTC): Trivy stops applying it at 00:00 UTC of its expiry date. */
export function isExpired(e: IgnoreEntry, today: string): boolean {
  return e.expires !== undefined && e.expires <= today;
}
