// Parse and validate every input once, into a typed Config. Pure: the front doors hand in
// the raw strings and the environment; nothing here touches the file system except realpath.
import path from 'node:path';
import fs from 'node:fs';
import { INPUTS, type InputSpec } from './inputs.ts';
import type { Severity } from '../pipeline/findings.ts';
import { parseGoVersionSpec } from '../toolchain/version.ts';

export class ConfigError extends Error {
  readonly input: string;
  constructor(input: string, message: string) {
    super(`input ${input}: ${message}`);
    this.name = 'ConfigError';
    this.input = input;
  }
}

export interface Target { goos: string; goarch: string }

export type Mode = 'check' | 'release';
export type CacheMode = 'read-write' | 'read-only' | 'off';
export type RuleLevel = Severity | 'off';

export interface GitHubEvent {
  name: string;
  ref: string;
  isTag: boolean;
  /** Tag name on a tag push. */
  tag?: string;
}

export interface Config {
  workspace: string;
  /** Absolute module directory. */
  dir: string;
  outDir: string;
  goVersion: string;
  goVersionFile: string;
  goDownloadBaseUrl: string;
  targets: Target[];
  packages: string[];
  ldflags: string;
  tags: string[];
  cgo: boolean;
  strip: boolean;
  mode: Mode;
  /** Why this mode: "input", or the event that chose it. */
  modeReason: string;
  cache: CacheMode;
  cacheMaxSize: number;
  cacheDir: string;
  requireTidy: boolean;
  rules: Map<string, RuleLevel>;
  event: GitHubEvent;
}

export type RawInputs = Record<string, string | undefined>;

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

function raw(spec: InputSpec, inputs: RawInputs): string {
  const v = inputs[spec.name];
  const value = v === undefined || v.trim() === '' ? spec.default : v.trim();
  if (CONTROL.test(value)) throw new ConfigError(spec.name, 'contains a control character');
  if (spec.kind !== 'list' && /[\r\n]/.test(value)) throw new ConfigError(spec.name, 'must be a single line');
  return value;
}

export function splitList(value: string): string[] {
  return value.split(/[,\n\r]+/).map((s) => s.trim()).filter((s) => s !== '');
}

function parseBoolean(name: string, value: string): boolean {
  if (/^(true|yes|1|on)$/i.test(value)) return true;
  if (/^(false|no|0|off)$/i.test(value)) return false;
  throw new ConfigError(name, `"${value}" is not a boolean (true or false)`);
}

function parseEnum<T extends string>(spec: InputSpec, value: string): T {
  if (!spec.values!.includes(value)) {
    throw new ConfigError(spec.name, `"${value}" is not one of ${spec.values!.join(', ')}`);
  }
  return value as T;
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1e3, kb: 1e3, kib: 1024, m: 1e6, mb: 1e6, mib: 1024 ** 2, g: 1e9, gb: 1e9, gib: 1024 ** 3 };

export function parseSize(name: string, value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value);
  const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new ConfigError(name, `"${value}" is not a size like 500MiB or 2GiB`);
  return Math.floor(Number(m[1]) * unit);
}

const TOKEN = /^[a-z0-9]+$/;

export function parseTargets(value: string): Target[] {
  const targets: Target[] = [];
  for (const t of splitList(value)) {
    const parts = t.split('/');
    if (parts.length !== 2 || !TOKEN.test(parts[0]) || !TOKEN.test(parts[1])) {
      throw new ConfigError('targets', `"${t}" is not of the form GOOS/GOARCH (e.g. linux/amd64)`);
    }
    if (!targets.some((x) => x.goos === parts[0] && x.goarch === parts[1])) targets.push({ goos: parts[0], goarch: parts[1] });
  }
  if (targets.length === 0) throw new ConfigError('targets', 'no target given');
  return targets;
}

// Package patterns go to `go build` as arguments: a leading '-' would be read as a flag.
const PACKAGE = /^[A-Za-z0-9._~/@+][A-Za-z0-9._~/@+-]*$/;
const TAG = /^[A-Za-z0-9_.]+$/;
const RULE = /^([a-z0-9-]+\/[a-z0-9-]+)\s*=\s*(off|note|warning|error)$/;

function parseRules(value: string): Map<string, RuleLevel> {
  const rules = new Map<string, RuleLevel>();
  for (const item of splitList(value)) {
    const m = RULE.exec(item);
    if (!m) throw new ConfigError('rules', `"${item}" is not "rule-id=off|note|warning|error"`);
    rules.set(m[1], m[2] as RuleLevel);
  }
  return rules;
}

function realpathOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Resolves a path input against base and refuses anything that leaves the allowed roots. */
function confinedPath(name: string, value: string, base: string, roots: string[]): string {
  if (value.includes('\0')) throw new ConfigError(name, 'contains a NUL byte');
  const resolved = realpathOrSelf(path.resolve(base, value));
  if (!roots.some((r) => isInside(realpathOrSelf(r), resolved))) {
    throw new ConfigError(name, `"${value}" resolves to ${resolved}, outside the workspace ${roots[0]}`);
  }
  return resolved;
}

export function eventFrom(env: Readonly<Record<string, string | undefined>>): GitHubEvent {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const ref = env.GITHUB_REF ?? '';
  const isTag = ref.startsWith('refs/tags/');
  return isTag ? { name, ref, isTag, tag: ref.slice('refs/tags/'.length) } : { name, ref, isTag };
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);

export function resolveMode(input: string, event: GitHubEvent): { mode: Mode; reason: string } {
  if (input === 'check' || input === 'release') return { mode: input, reason: 'input mode' };
  if (PULL_REQUEST_EVENTS.has(event.name)) return { mode: 'check', reason: `${event.name} event` };
  if (event.isTag) return { mode: 'release', reason: `tag ${event.tag}` };
  return { mode: 'check', reason: event.name ? `${event.name} event` : 'no release tag' };
}

export function resolveCacheMode(input: string, event: GitHubEvent): CacheMode {
  if (input === 'read-write' || input === 'read-only' || input === 'off') return input;
  return event.name === 'pull_request' || event.name === 'pull_request_target' ? 'read-only' : 'read-write';
}

export interface ParseContext {
  workspace: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Extra roots where output may be written (the runner's temp dir, the OS temp dir). */
  writableRoots?: string[];
}

export function parseConfig(inputs: RawInputs, ctx: ParseContext): Config {
  for (const key of Object.keys(inputs)) {
    if (!INPUTS.some((i) => i.name === key)) throw new ConfigError(key, 'is not a known input');
  }
  const get = (name: string) => raw(INPUTS.find((i) => i.name === name)!, inputs);
  const workspace = realpathOrSelf(path.resolve(ctx.workspace));
  const dir = confinedPath('working-directory', get('working-directory'), workspace, [workspace]);
  const outDir = confinedPath('output-dir', get('output-dir'), workspace, [workspace, ...(ctx.writableRoots ?? [])]);

  const goVersion = get('go-version');
  if (goVersion) {
    try {
      parseGoVersionSpec(goVersion);
    } catch (e) {
      throw new ConfigError('go-version', (e as Error).message);
    }
  }
  const goVersionFile = get('go-version-file');
  if (goVersionFile) confinedPath('go-version-file', goVersionFile, dir, [workspace]);

  const base = get('go-download-base-url');
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new ConfigError('go-download-base-url', `"${base}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('go-download-base-url', 'must be http(s)');

  const packages = splitList(get('packages'));
  for (const p of packages) if (!PACKAGE.test(p)) throw new ConfigError('packages', `"${p}" is not a package path`);
  const tags = splitList(get('tags'));
  for (const t of tags) if (!TAG.test(t)) throw new ConfigError('tags', `"${t}" is not a build tag`);

  const event = eventFrom(ctx.env);
  const { mode, reason } = resolveMode(parseEnum(INPUTS.find((i) => i.name === 'mode')!, get('mode')), event);
  const cacheDirRaw = get('cache-dir');
  return {
    workspace,
    dir,
    outDir,
    goVersion,
    goVersionFile,
    goDownloadBaseUrl: base.replace(/\/+$/, ''),
    targets: parseTargets(get('targets')),
    packages,
    ldflags: get('ldflags'),
    tags,
    cgo: parseBoolean('cgo', get('cgo')),
    strip: parseBoolean('strip', get('strip')),
    mode,
    modeReason: reason,
    cache: resolveCacheMode(parseEnum(INPUTS.find((i) => i.name === 'cache')!, get('cache')), event),
    cacheMaxSize: parseSize('cache-max-size', get('cache-max-size')),
    cacheDir: cacheDirRaw ? path.resolve(cacheDirRaw) : '',
    requireTidy: parseBoolean('require-tidy', get('require-tidy')),
    rules: parseRules(get('rules')),
    event,
  };
}
