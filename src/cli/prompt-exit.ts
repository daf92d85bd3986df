// How the CLI ends once its command is done. Node's own end of a finished process frees the
// environment, the heap and the worker threads first: 3-4 ms the user waits for after the
// verdict. When nothing is left to wait for, the process ends at once.

/**
 * Kinds of what still holds Node's event loop (process.getActiveResourcesInfo()) that a finished
 * run may leave behind: the standard streams and a close on its way. Anything else (a child
 * still running, a timer, a file operation) is work a prompt exit would cut short.
 */
const LEFT_AT_EXIT = new Set(['TTYWrap', 'PipeWrap', 'CloseReq']);

/** Whether the process may end now rather than wait for Node's own teardown. */
export function idleAtExit(resources: readonly string[]): boolean {
  return resources.every((r) => LEFT_AT_EXIT.has(r));
}

/** Resolves once everything written to stream has been handed to the system. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.writableLength === 0) return Promise.resolve();
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/** Sets the exit code; ends the process at once when only flushed standard streams are left. */
export async function exitWith(code: number): Promise<void> {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  if (idleAtExit(process.getActiveResourcesInfo())) process.exit(code);
}
