// What actually went wrong on the network. Node's fetch throws TypeError("fetch failed") and
// hides the reason in `cause` (an Error with code ECONNREFUSED, or an AggregateError when
// localhost resolved to both ::1 and 127.0.0.1); a message saying only "fetch failed" gives a
// user nothing to act on. Pure: walks the error chain, a bounded number of steps.

const GENERIC = new Set(['fetch failed', 'network error', 'terminated']);
const MAX_DEPTH = 6;

interface ErrorLike {
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function ownText(e: ErrorLike): string {
  const message = typeof e.message === 'string' ? e.message.trim() : '';
  const code = typeof e.code === 'string' ? e.code : '';
  if (message && !GENERIC.has(message)) return code && !message.includes(code) ? `${message} (${code})` : message;
  return code;
}

/** "connect ECONNREFUSED 127.0.0.1:43117" for fetch's "fetch failed"; the message itself for anything else. */
export function describeNetworkError(error: unknown): string {
  const texts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < MAX_DEPTH && current && typeof current === 'object'; depth++) {
    const e = current as ErrorLike;
    const own = ownText(e);
    if (own && !texts.some((t) => t.includes(own))) texts.push(own);
    if (Array.isArray(e.errors) && e.errors.length) {
      // Every address that was tried, once each.
      const each = [...new Set(e.errors.map((x) => describeNetworkError(x)).filter((t) => t !== ''))];
      if (each.length) texts.push(each.join('; '));
      break;
    }
    current = e.cause;
  }
  if (texts.length === 0) return error instanceof Error ? error.message || error.name : String(error);
  return texts.join(': ');
}
