// shard.json: what a shard says about itself, so the merge can check instead of trust: which
// shard of which set, the commit it built, the full job list it split, its verdict and the
// binaries it produced with their digests. Rendering and parsing are pure; a bundle that does
// not parse names the file and the field.
import type { BuildJob, Shard } from './split.ts';
import { MAX_SHARDS } from './split.ts';
import type { BuildParameters } from '../sign/provenance.ts';

export const MANIFEST_NAME = 'shard.json';
export const MANIFEST_SCHEMA = 'go-release-gate/shard-bundle@1';

export interface ShardBinary {
  name: string;
  goos: string;
  goarch: string;
  pkg: string;
  size: number;
  sha256: string;
}

export interface ShardManifest {
  schema: typeof MANIFEST_SCHEMA;
  shard: Shard;
  /** The whole release: every job of every shard, and the digest naming it (setIdOf). */
  set: { id: string; jobs: BuildJob[] };
  /** This shard's share of set.jobs. */
  jobs: BuildJob[];
  /** Source commit the shard built ('' when it could not tell). */
  commit: string;
  runner: { os: string; arch: string };
  startedAt: string;
  durationMs: number;
  verdict: 'pass' | 'fail';
  reasons: string[];
  goVersion: string;
  toolVersion: string;
  /** The repository-relative go.mod every location-less finding points at. */
  defaultFile: string;
  binaries: ShardBinary[];
  /** How it built (inputs and go.sum's modules): the merge checks every shard built alike and states it in the provenance. */
  build: BuildParameters;
  /** Report files in the bundle, by name. */
  files: { report: string; sarif: string; summary: string; checksums?: string };
}

export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

export function renderManifest(m: ShardManifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

type Obj = Record<string, unknown>;

const HEX64 = /^[0-9a-f]{64}$/;
// A bundle is downloaded from another job: names it lists become file names in the merge's
// output directory, so they must be plain file names.
const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,254}$/;

/** Parses shard.json, naming file and field for whatever is wrong. */
export function parseManifest(text: string, file: string): ShardManifest {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new BundleError(`${file}: not JSON (${(e as Error).message})`);
  }
  const bad = (field: string, want: string): never => {
    throw new BundleError(`${file}: ${field} must be ${want}`);
  };
  const obj = (v: unknown, field: string): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : bad(field, 'an object'));
  const str = (v: unknown, field: string, re?: RegExp): string => (typeof v === 'string' && (!re || re.test(v)) ? v : bad(field, re ? `a string matching ${re}` : 'a string'));
  const int = (v: unknown, field: string, min: number, max: number): number => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? (v as number) : bad(field, `an integer from ${min} to ${max}`));
  const arr = (v: unknown, field: string): unknown[] => (Array.isArray(v) ? v : bad(field, 'an array'));
  const bool = (v: unknown, field: string): boolean => (typeof v === 'boolean' ? v : bad(field, 'true or false'));
  const strings = (v: unknown, field: string): string[] => arr(v, field).map((x, i) => str(x, `${field}[${i}]`));
  const job = (v: unknown, field: string): BuildJob => {
    const o = obj(v, field);
    return { goos: str(o.goos, `${field}.goos`, /^[a-z0-9]+$/), goarch: str(o.goarch, `${field}.goarch`, /^[a-z0-9]+$/), pkg: str(o.pkg, `${field}.pkg`, /^\S+$/) };
  };

  const d = obj(doc, 'the document');
  if (d.schema !== MANIFEST_SCHEMA) bad('schema', `"${MANIFEST_SCHEMA}" (a bundle of another go-release-gate version?)`);
  const s = obj(d.shard, 'shard');
  const count = int(s.count, 'shard.count', 1, MAX_SHARDS);
  const shard = { index: int(s.index, 'shard.index', 1, count), count };
  const set = obj(d.set, 'set');
  const runner = obj(d.runner, 'runner');
  const files = obj(d.files, 'files');
  const build = obj(d.build, 'build');
  const verdict = d.verdict === 'pass' || d.verdict === 'fail' ? d.verdict : bad('verdict', '"pass" or "fail"');
  return {
    schema: MANIFEST_SCHEMA,
    shard,
    set: { id: str(set.id, 'set.id', HEX64), jobs: arr(set.jobs, 'set.jobs').map((j, i) => job(j, `set.jobs[${i}]`)) },
    jobs: arr(d.jobs, 'jobs').map((j, i) => job(j, `jobs[${i}]`)),
    commit: str(d.commit, 'commit', /^([0-9a-f]{40}|[0-9a-f]{64})?$/),
    runner: { os: str(runner.os, 'runner.os'), arch: str(runner.arch, 'runner.arch') },
    startedAt: str(d.startedAt, 'startedAt'),
    durationMs: int(d.durationMs, 'durationMs', 0, Number.MAX_SAFE_INTEGER),
    verdict,
    reasons: arr(d.reasons, 'reasons').map((r, i) => str(r, `reasons[${i}]`)),
    goVersion: str(d.goVersion, 'goVersion'),
    toolVersion: str(d.toolVersion, 'toolVersion'),
    defaultFile: str(d.defaultFile, 'defaultFile'),
    binaries: arr(d.binaries, 'binaries').map((b, i) => {
      const o = obj(b, `binaries[${i}]`);
      const f = `binaries[${i}]`;
      return {
        name: str(o.name, `${f}.name`, PLAIN_NAME),
        goos: str(o.goos, `${f}.goos`),
        goarch: str(o.goarch, `${f}.goarch`),
        pkg: str(o.pkg, `${f}.pkg`),
        size: int(o.size, `${f}.size`, 0, Number.MAX_SAFE_INTEGER),
        sha256: str(o.sha256, `${f}.sha256`, HEX64),
      };
    }),
    build: {
      targets: strings(build.targets, 'build.targets'),
      packages: strings(build.packages, 'build.packages'),
      ldflags: str(build.ldflags, 'build.ldflags'),
      tags: strings(build.tags, 'build.tags'),
      cgo: bool(build.cgo, 'build.cgo'),
      strip: bool(build.strip, 'build.strip'),
      dependencies: arr(build.dependencies, 'build.dependencies').map((x, i) => {
        const f = `build.dependencies[${i}]`;
        const o = obj(x, f);
        const digest = obj(o.digest, `${f}.digest`);
        return {
          ...(o.uri !== undefined ? { uri: str(o.uri, `${f}.uri`) } : {}),
          ...(o.name !== undefined ? { name: str(o.name, `${f}.name`) } : {}),
          digest: Object.fromEntries(Object.entries(digest).map(([k, v]) => [k, str(v, `${f}.digest.${k}`)])),
        };
      }),
    },
    files: {
      report: str(files.report, 'files.report', PLAIN_NAME),
      sarif: str(files.sarif, 'files.sarif', PLAIN_NAME),
      summary: str(files.summary, 'files.summary', PLAIN_NAME),
      ...(files.checksums !== undefined ? { checksums: str(files.checksums, 'files.checksums', PLAIN_NAME) } : {}),
    },
  };
}

/** sha256sum's text format back into entries; a malformed line names its number. */
export function parseChecksums(text: string, file: string): { name: string; sha256: string }[] {
  const out: { name: string; sha256: string }[] = [];
  // A checkout with CRLF line endings (Windows runners) may have touched the file: same lines.
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m || !PLAIN_NAME.test(m[2])) throw new BundleError(`${file}:${i + 1}: not a "<sha256>  <file name>" line`);
    out.push({ sha256: m[1], name: m[2] });
  });
  return out;
}
