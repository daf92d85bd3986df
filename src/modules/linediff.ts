// Line diff (Myers, O((N+M)·D)) between a committed text file and the one the go command
// would write, grouped into changes with the committed file's line numbers. Used where a
// whole-file "differs" is not precise enough to annotate (vendor/modules.txt).

export interface LineChange {
  /** 0-based index in the actual lines where the change starts (may equal their count: an append). */
  index: number;
  /** 1-based line in the actual file where the change is: its first extra line, or the line before which lines are missing. */
  line: number;
  /** Lines present in the actual file but not expected. */
  extra: string[];
  /** Lines expected but absent from the actual file. */
  missing: string[];
}

type Op = { kind: 'same' | 'extra' | 'missing'; text: string };

// Each round of the search keeps a copy of its frontier; beyond this many differing lines the
// memory would grow with (lines x differences), so the diff falls back to one coarse change.
const MAX_EDITS = 1000;

function editScript(a: readonly string[], b: readonly string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) return undefined;
  // Walk the trace back from (n, m) to (0, 0).
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: 'same', text: a[--x] });
      y--;
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: 'missing', text: b[--y] });
    else ops.push({ kind: 'extra', text: a[--x] });
  }
  return ops.reverse();
}

export function diffLines(actual: readonly string[], expected: readonly string[]): LineChange[] {
  const changes: LineChange[] = [];
  let line = 1; // next line of `actual`
  let current: LineChange | undefined;
  const ops = editScript(actual, expected);
  if (!ops) {
    // Too different to align: one change from the first differing line on.
    let i = 0;
    while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
    return [{ index: i, line: Math.max(1, Math.min(i + 1, actual.length)), extra: actual.slice(i), missing: expected.slice(i) }];
  }
  for (const op of ops) {
    if (op.kind === 'same') {
      current = undefined;
      line++;
      continue;
    }
    if (!current) {
      current = { index: line - 1, line: Math.max(1, Math.min(line, actual.length)), extra: [], missing: [] };
      changes.push(current);
    }
    if (op.kind === 'extra') {
      current.extra.push(op.text);
      line++;
    } else {
      current.missing.push(op.text);
    }
  }
  return changes;
}
