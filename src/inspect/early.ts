// Binaries read as soon as each is built, while the other targets still build: on a warm run the
// inspect stage would otherwise read every binary after the last link, on the run's critical
// path. The inspect stage takes the answer for the bytes it was given (name and SHA-256), or
// reads the file itself.
import { inspectFile, type BinaryInfo } from './binary.ts';

const started = new WeakMap<object, Map<string, Promise<BinaryInfo>>>();

const keyOf = (name: string, sha256: string) => `${name}\0${sha256}`;

/**
 * Starts reading a built binary for the run whose state this is, before its SHA-256 is known: the
 * reads go on while it is hashed. The answer counts for the bytes that hash names once sha256
 * resolves (the file is the run's own, in its private build directory, until then).
 */
export function inspectEarly(state: object, name: string, sha256: Promise<string>, file: string, displayName: string): Promise<BinaryInfo> {
  const runs = started.get(state) ?? new Map<string, Promise<BinaryInfo>>();
  started.set(state, runs);
  const p = inspectFile(file, displayName);
  // Observed here; the inspect stage awaits it and reports what went wrong.
  p.catch(() => undefined);
  return sha256.then((sha) => {
    runs.set(keyOf(name, sha), p);
    return p;
  });
}

/** The answer started for these bytes, once (a later run of the stage reads the file again). */
export function takeInspected(state: object, name: string, sha256: string): Promise<BinaryInfo> | undefined {
  const runs = started.get(state);
  const key = keyOf(name, sha256);
  const p = runs?.get(key);
  runs?.delete(key);
  return p;
}
