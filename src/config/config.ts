// Parse and validate every input once, into a typed Config. Pure: the front doors hand in
// the raw strings and the environment; nothing here touches the file system except realpath.
import path from 'node:path';
import fs from 'node:fs';
import { INPUTS, inputSpec, type InputSpec } from './inputs.ts';
import type { Severity } from '../pipeline/findings.ts';
import { parseGoVersionSpec } from '../toolchain/version.ts';
import { isInside } from '../util/path.ts';
import { HOST_NAMES } from '../inspect/hosts.ts';
import { CPU_LEVELS } from '../inspect/runtime-needs.ts';
import { normalizeCosignVersion } from '../tools/cosign.ts';
import { parseShard, ShardError, type Shard } from '../fanout/split.ts';

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
  /** Commit the workflow runs on (GITHUB_SHA). */
  sha?: string;
  /** e.g. https://github.com/org/app, for SARIF's versionControlProvenance. */
  repositoryUrl?: string;
  /** A pull request whose head lives in another repository: its code is never trusted with writes. */
  fromFork?: boolean;
  /** A push that deleted its ref: there is nothing to build or release. */
  deleted?: boolean;
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
  /** Host profiles every binary must run on (names from src/inspect/hosts.ts), in input order. */
  runOn: string[];
  /** Highest glibc version a linux binary may need, "2.28"; '' for no limit. */
  maxGlibc: string;
  /** Allowed CPU level per variable, {GOAMD64: 'v3'}: up to it no inspect/cpu-level warning. */
  cpuLevel: Record<string, string>;
  mode: Mode;
  /** Why this mode: "input", or the event that chose it. */
  modeReason: string;
  cache: CacheMode;
  cacheMaxSize: number;
  cacheDir: string;
  requireTidy: boolean;
  rules: Map<string, RuleLevel>;
  event: GitHubEvent;
  sign: SignConfig;
  scan: ScanMode;
  /** Lowest Trivy severity that fails the gate; NONE never fails. */
  severity: ScanSeverity;
  /** Absolute path of the trivy binary, or '' to look it up on PATH. */
  trivyPath: string;
  /** Absolute Trivy cache dir, or '' for Trivy's default. */
  trivyCacheDir: string;
  trivySkipDbUpdate: boolean;
  reachability: ReachabilityMode;
  vulnReachability: ReachabilityPolicy;
  /** Absolute path of govulncheck, or '' to build the pinned one. */
  govulncheckPath: string;
  govulncheckDb: string;
  /** Fan-out: this run builds shard index of count (the shard input). */
  shard?: Shard;
  /** mode: merge: this job merges shard bundles instead of building. */
  merge: boolean;
  /** A Trivy version to install ("0.74.0"), or "system" for the trivy on PATH. */
  trivyVersion: string;
  trivyDownloadBaseUrl: string;
  /** The user's own lower-case hex digest of the Trivy archive, '' when none. */
  trivySha256: string;
  /** Where the vulnerability DB is fetched from, in order. */
  trivyDbRepositories: string[];
  /** A DB that cannot be refreshed is still used while younger than this. */
  trivyDbMaxAgeMs: number;
}

export type ReachabilityMode = 'auto' | 'on' | 'off';
export type ReachabilityPolicy = 'any' | 'imported' | 'called';

export type ScanMode = 'auto' | 'on' | 'off';
export type ScanSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'UNKNOWN' | 'NONE';

/** Where the cosign private key comes from. The PEM text is a secret: never print it. */
export type CosignKey = { kind: 'file'; path: string } | { kind: 'env'; name: string } | { kind: 'pem'; pem: string };

export interface SignConfig {
  /** Whether this run signs; reason says why (or why not) in one sentence. */
  enabled: boolean;
  reason: string;
  /** sign: always: not being able to sign is an error, not a skip. */
  required: boolean;
  key?: CosignKey;
  /** sign-keyless: true: keyless is insisted on (a job without an OIDC token fails instead of skipping). */
  keyless: boolean;
  tlogUpload: boolean;
  cosign: CosignChoice;
  sigstore: SigstoreConfig;
}

/** Which cosign signs: the one on PATH, or a release installed and verified by the gate. */
export type CosignChoice = { kind: 'system' } | { kind: 'release'; version: string; baseUrl: string; sha256?: string };

/** Where keyless signing gets its certificate and timestamp, and what verification trusts. Empty strings: the public Sigstore. */
export interface SigstoreConfig {
  fulcioUrl: string;
  rekorUrl: string;
  tsaUrl: string;
  /** Absolute path of a trusted root JSON, or ''. */
  trustedRoot: string;
  /** The issuer a keyless certificate must name. */
  oidcIssuer: string;
  /** The identity a keyless certificate must name; '' = this workflow's (from GITHUB_WORKFLOW_REF, resolved when signing). */
  identity: string;
}

export type RawInputs = Record<string, string | undefined>;

// Tab, LF and CR are whitespace or line breaks (lists are one item a line); any other control character is not.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function raw(spec: InputSpec, inputs: RawInputs): string {
  const v = inputs[spec.name];
  const value = v === undefined || v.trim() === '' ? spec.default : v.trim();
  // A secret may be multi-line PEM text; no other single-value input may span lines.
  if (spec.kind !== 'list' && !spec.secret && /[\r\n]/.test(value)) throw new ConfigError(spec.name, 'must be a single line (it contains a line break)');
  const c = CONTROL.exec(value);
  if (c) throw new ConfigError(spec.name, `contains the control character U+${c[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()} at position ${c.index + 1}`);
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
    const hint = spec.values!.find((v) => v.toLowerCase() === value.toLowerCase());
    throw new ConfigError(spec.name, `"${value}" is not one of ${spec.values!.join(', ')}${hint ? ` (values are lower-case: ${hint})` : ''}`);
  }
  return value as T;
}

// go-release-gate never runs a shell: every value reaches a program as one argument. A shell
// metacharacter in an input therefore never does what its author expected ($VAR is not
// expanded, "; cmd" is not run); refusing it names the mistake instead of passing it on.
const SHELL_META = /[`$;|&<>]/;

export function rejectShellMeta(name: string, value: string, extra?: RegExp): void {
  const m = SHELL_META.exec(value) ?? extra?.exec(value);
  if (m) {
    throw new ConfigError(name, `contains "${m[0]}" at position ${m.index + 1}: go-release-gate runs no shell, so it would be passed on literally (no expansion, no command); remove it`);
  }
}

/** Path inputs: also no globs or quotes (never expanded), no leading "~" (not the home directory here). */
function checkPathText(name: string, value: string): void {
  rejectShellMeta(name, value, /[*?"']/);
  if (value.startsWith('~')) throw new ConfigError(name, `"${value}" starts with "~", which is not expanded; give a path relative to the workspace`);
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

function checkPackage(p: string): void {
  if (!PACKAGE.test(p)) throw new ConfigError('packages', `"${p}" is not a package path or ./relative pattern (letters, digits and ._~/@+- only)`);
  if (p.startsWith('/') || p.split('/').includes('..')) {
    throw new ConfigError('packages', `"${p}" leaves the module: give an import path or a ./relative pattern inside working-directory`);
  }
}
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

/** realpath of p, or of its deepest existing ancestor with the rest appended: a symlinked parent of a not-yet-created directory is resolved too. */
function realpathOrSelf(p: string): string {
  const tail: string[] = [];
  let cur = p;
  for (;;) {
    try {
      return path.join(fs.realpathSync(cur), ...tail.reverse());
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return p;
      tail.push(path.basename(cur));
      cur = parent;
    }
  }
}

/** Resolves a path input against base and refuses anything that leaves the allowed roots. */
function confinedPath(name: string, value: string, base: string, roots: string[]): string {
  if (value.includes('\0')) throw new ConfigError(name, 'contains a NUL byte');
  checkPathText(name, value);
  const resolved = realpathOrSelf(path.resolve(base, value));
  if (!roots.some((r) => isInside(realpathOrSelf(r), resolved))) {
    throw new ConfigError(name, `"${value}" resolves to ${resolved}, outside the workspace ${roots[0]}`);
  }
  return resolved;
}

type Payload = Record<string, unknown>;

/** The webhook payload at GITHUB_EVENT_PATH; {} when there is none (the CLI) or it cannot be read. */
export function readEventPayload(file: string | undefined): Payload {
  if (!file) return {};
  try {
    const v: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Payload) : {};
  } catch {
    return {};
  }
}

function field(o: unknown, ...keys: string[]): unknown {
  let cur = o;
  for (const k of keys) cur = cur && typeof cur === 'object' ? (cur as Payload)[k] : undefined;
  return cur;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);

/**
 * The event as GitHub describes it: GITHUB_* variables first (the runner sets them for every
 * event), the payload for what only it says (a fork's pull request, a deleted ref).
 */
export function eventFrom(env: Readonly<Record<string, string | undefined>>, payload: Payload = readEventPayload(env.GITHUB_EVENT_PATH)): GitHubEvent {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const payloadRef = field(payload, 'ref');
  const ref = env.GITHUB_REF || (typeof payloadRef === 'string' && payloadRef.startsWith('refs/') ? payloadRef : '');
  const isTag = ref.startsWith('refs/tags/');
  const ev: GitHubEvent = isTag ? { name, ref, isTag, tag: ref.slice('refs/tags/'.length) } : { name, ref, isTag };
  if (env.GITHUB_SHA && /^[0-9a-f]{40,64}$/.test(env.GITHUB_SHA)) ev.sha = env.GITHUB_SHA;
  const repo = env.GITHUB_REPOSITORY ?? '';
  if (/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) {
    const server = /^https:\/\/[A-Za-z0-9.-]+(:\d+)?$/.test(env.GITHUB_SERVER_URL ?? '') ? env.GITHUB_SERVER_URL! : 'https://github.com';
    ev.repositoryUrl = `${server}/${repo}`;
  }
  if (name === 'pull_request' || name === 'pull_request_target') {
    const head = field(payload, 'pull_request', 'head', 'repo', 'full_name');
    const base = field(payload, 'pull_request', 'base', 'repo', 'full_name');
    // A deleted fork leaves head.repo null: still not ours.
    if (field(payload, 'pull_request') !== undefined) ev.fromFork = typeof head !== 'string' || head !== base;
  }
  if (field(payload, 'deleted') === true) ev.deleted = true;
  return ev;
}

function refName(ref: string): string {
  return ref.replace(/^refs\/(heads|tags)\//, '') || ref;
}

/**
 * auto: pull-request events check (their code may be untrusted); a tag ref releases, whether it
 * was pushed, published as a release or dispatched by hand; everything else checks.
 */
export function resolveMode(input: string, event: GitHubEvent): { mode: Mode; reason: string } {
  if (input === 'check' || input === 'release') return { mode: input, reason: `mode input "${input}"` };
  if (PULL_REQUEST_EVENTS.has(event.name)) return { mode: 'check', reason: `${event.name} event${event.fromFork ? ' from a fork' : ''}` };
  if (event.deleted) return { mode: 'check', reason: `${event.name} deleting ${event.ref}: nothing to release` };
  if (event.isTag) return { mode: 'release', reason: `${event.name || 'no'} event on tag ${event.tag}` };
  if (!event.name) return { mode: 'check', reason: 'no GitHub event' };
  return { mode: 'check', reason: `${event.name} event${event.ref ? ` on ${refName(event.ref)}` : ''}` };
}

/** The events whose runs may write caches under cache: auto, when they run on a branch. */
const CACHE_WRITING_EVENTS = new Set(['push', 'schedule', 'workflow_dispatch']);

/**
 * auto: only runs of trusted code on a branch write caches: a push to a branch, a schedule, a
 * workflow_dispatch on a branch. Everything else restores but never saves: pull requests of any
 * kind, merge queues, reviews and comments (their code or text comes from others: cache
 * poisoning), workflow_run (it runs for a fork's workflow too), tag refs (GitHub scopes a cache
 * saved on a tag to that tag alone), deleted refs, events this list does not know, and no event
 * at all (the CLI outside Actions cannot tell who wrote the code: --cache read-write says so).
 */
/** The shard input: empty (no fan-out) or i/n. */
export function parseShardInput(value: string): Shard | undefined {
  if (value.trim() === '') return undefined;
  try {
    return parseShard(value);
  } catch (e) {
    if (e instanceof ShardError) throw new ConfigError('shard', e.message);
    throw e;
  }
}

export function resolveCacheMode(input: string, event: GitHubEvent): CacheMode {
  if (input === 'read-write' || input === 'read-only' || input === 'off') return input;
  const onBranch = event.ref.startsWith('refs/heads/') && !event.isTag;
  if (CACHE_WRITING_EVENTS.has(event.name) && onBranch && !event.deleted) return 'read-write';
  return 'read-only';
}

const PEM_KEY = /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----\r?\n[\s\S]*\n-----END [A-Z0-9 ]*PRIVATE KEY-----\s*$/;

/**
 * cosign-key is secret (it may be the PEM text): errors describe the value, never repeat it,
 * except a short path-like value, which a user needs to see to fix a typo.
 */
export function parseCosignKey(value: string, workspace: string, env: Readonly<Record<string, string | undefined>>): CosignKey | undefined {
  if (value === '') return undefined;
  if (value.startsWith('-----BEGIN')) {
    if (!PEM_KEY.test(value)) throw new ConfigError('cosign-key', 'starts like PEM text but is not a complete "-----BEGIN ... PRIVATE KEY-----" ... "-----END ... PRIVATE KEY-----" block (the value is secret and not shown)');
    return { kind: 'pem', pem: value.replace(/\r\n/g, '\n').trimEnd() + '\n' };
  }
  const env_ = /^env:\/\/(.*)$/.exec(value);
  if (env_) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(env_[1])) throw new ConfigError('cosign-key', `env://${env_[1]} does not name an environment variable (letters, digits and _ only)`);
    if (!env[env_[1]]) throw new ConfigError('cosign-key', `env://${env_[1]}: the environment variable ${env_[1]} is not set or empty`);
    return { kind: 'env', name: env_[1] };
  }
  const shown = value.length <= 200 && /^[\w./@+ ~-]+$/.test(value) ? `"${value}"` : 'the value (secret, not shown)';
  if (/[\r\n\0]/.test(value)) throw new ConfigError('cosign-key', `${shown} is neither a file path, env://NAME nor a PEM private key`);
  if (SHELL_META.test(value) || /[*?"']/.test(value) || value.startsWith('~')) {
    throw new ConfigError('cosign-key', `${shown} is not a plain file path (no shell expansion, globs, quotes or ~ happen here); give a path relative to the workspace, env://NAME or the PEM text`);
  }
  return { kind: 'file', path: path.resolve(workspace, value) };
}

/**
 * auto signs in release mode: with the key when one is given, else keyless (the sign stage skips,
 * saying what to add, when the job cannot get an OIDC token). always signs in every mode; pull
 * requests never sign (their code is not trusted with the key, and a fork never gets an OIDC token).
 */
export function resolveSign(input: string, mode: Mode, modeReason: string, event: GitHubEvent, hasKey: boolean, keyless: boolean): { enabled: boolean; reason: string } {
  if (input === 'never') return { enabled: false, reason: 'sign input "never"' };
  if (PULL_REQUEST_EVENTS.has(event.name)) {
    return { enabled: false, reason: `${event.name} events never sign: the code under review is not trusted with the signing key${event.fromFork ? ', and a fork gets no OIDC token' : ''}` };
  }
  if (event.deleted) return { enabled: false, reason: `${event.name} deleting ${event.ref}: nothing to sign` };
  if (input === 'always') return { enabled: true, reason: 'sign input "always"' };
  if (mode !== 'release') return { enabled: false, reason: `check mode (${modeReason}) signs nothing; set sign: always to sign outside release mode` };
  const how = hasKey ? 'with cosign-key' : keyless ? 'keyless (sign-keyless)' : 'keyless when the job has an OIDC token';
  return { enabled: true, reason: `release mode (${modeReason}), ${how}` };
}

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/** cosign-version / cosign-download-base-url / cosign-sha256. */
export function parseCosignChoice(version: string, baseUrl: string, sha256: string, env: Readonly<Record<string, string | undefined>>): CosignChoice {
  if (sha256 && !SHA256_HEX.test(sha256)) throw new ConfigError('cosign-sha256', `"${sha256}" is not a SHA-256 (64 hex digits)`);
  if (version === 'system') {
    if (sha256) throw new ConfigError('cosign-sha256', 'applies to a downloaded cosign; with cosign-version: system the cosign on PATH is used as it is');
    return { kind: 'system' };
  }
  const v = normalizeCosignVersion(version);
  if (!v) throw new ConfigError('cosign-version', `"${version}" is not a cosign release version (like v3.1.3) or system`);
  const base = checkDownloadBaseUrl('cosign-download-base-url', baseUrl, env);
  return { kind: 'release', version: v, baseUrl: base, ...(sha256 ? { sha256: sha256.toLowerCase() } : {}) };
}

/** A Sigstore service URL: https (loopback http only with the same hatch as download mirrors). */
function serviceUrl(name: string, value: string, env: Readonly<Record<string, string | undefined>>): string {
  return value ? checkDownloadBaseUrl(name, value, env) : '';
}

/** The private-Sigstore inputs; their combinations are checked only when this run signs (sign: never never complains). */
export function parseSigstore(get: (name: string) => string, workspace: string, env: Readonly<Record<string, string | undefined>>, keyed: boolean, tlogUpload: boolean, signs: boolean): SigstoreConfig {
  const sigstore: SigstoreConfig = {
    fulcioUrl: serviceUrl('sigstore-fulcio-url', get('sigstore-fulcio-url'), env),
    rekorUrl: serviceUrl('sigstore-rekor-url', get('sigstore-rekor-url'), env),
    tsaUrl: serviceUrl('sigstore-tsa-url', get('sigstore-tsa-url'), env),
    trustedRoot: toolPath('sigstore-trusted-root', get('sigstore-trusted-root'), workspace),
    oidcIssuer: get('sigstore-oidc-issuer'),
    identity: get('sigstore-certificate-identity'),
  };
  rejectShellMeta('sigstore-oidc-issuer', sigstore.oidcIssuer, /\s/);
  rejectShellMeta('sigstore-certificate-identity', sigstore.identity, /\s/);
  const privateSigstore = sigstore.fulcioUrl || sigstore.rekorUrl || sigstore.tsaUrl;
  if (!signs) return sigstore;
  if (privateSigstore && !keyed && !sigstore.fulcioUrl) throw new ConfigError('sigstore-fulcio-url', 'a private Sigstore (sigstore-rekor-url or sigstore-tsa-url is set) signs keyless only with its own Fulcio: set sigstore-fulcio-url too');
  if (privateSigstore && tlogUpload && !sigstore.rekorUrl) {
    throw new ConfigError('sign-tlog-upload', 'is true, but the private Sigstore has no sigstore-rekor-url: give its Rekor, or set sign-tlog-upload: false (keyless signatures then rest on sigstore-tsa-url\'s timestamps)');
  }
  return sigstore;
}

/** A tool or its cache: may live outside the workspace; relative paths are read from the workspace. */
function toolPath(name: string, value: string, workspace: string): string {
  if (!value) return '';
  if (value.includes('\0')) throw new ConfigError(name, 'contains a NUL byte');
  checkPathText(name, value);
  return path.resolve(workspace, value);
}

/** The escape hatch for tests and air-gapped labs: a plain-http download mirror on this machine. */
export const ALLOW_HTTP_LOOPBACK = 'GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A base URL the gate downloads tools from (Go today; Trivy and cosign mirrors use the same rule).
 * https only: a listing or archive over plain http can be replaced on the way, and the SHA-256 the
 * listing publishes would then vouch for the replacement. A plain-http mirror on this machine is
 * admitted only when the environment sets GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK=1. Returns the URL
 * without trailing slashes.
 */
export function checkDownloadBaseUrl(name: string, value: string, env: Readonly<Record<string, string | undefined>>): string {
  rejectShellMeta(name, value, /\s/);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `"${value}" is not a URL`);
  }
  // Credentials in a URL end up in logs and the summary: refuse them before the URL is echoed anywhere.
  if (url.username || url.password) throw new ConfigError(name, 'must not contain credentials');
  if (url.protocol === 'http:') {
    const hatch = env[ALLOW_HTTP_LOOPBACK] === '1';
    if (!hatch || !LOOPBACK_HOSTS.has(url.hostname)) {
      const why = hatch
        ? `${ALLOW_HTTP_LOOPBACK}=1 admits plain http only for 127.0.0.1, localhost and [::1], not ${url.hostname}`
        : `plain http can be tampered with on the way; use an https mirror (a loopback http mirror needs ${ALLOW_HTTP_LOOPBACK}=1 in the environment)`;
      throw new ConfigError(name, `"${value}" must be https: ${why}`);
    }
  } else if (url.protocol !== 'https:') {
    throw new ConfigError(name, `"${value}" must be https, not ${url.protocol.replace(/:$/, '')}`);
  }
  // The gate appends "/?mode=json..." and file names; a query or fragment here would swallow them.
  if (url.search || url.hash) throw new ConfigError(name, `"${value}" has a query or fragment; give the base directory only`);
  return value.replace(/\/+$/, '');
}

/** govulncheck's -db: an https (or hatch-admitted loopback) base, or a local directory as file:///ABS. */
function parseVulnDb(value: string, env: Readonly<Record<string, string | undefined>>): string {
  if (value.startsWith('file://')) {
    rejectShellMeta('govulncheck-db', value, /\s/);
    let p: string;
    try {
      p = decodeURIComponent(new URL(value).pathname);
    } catch {
      throw new ConfigError('govulncheck-db', `"${value}" is not a file:// URL`);
    }
    if (!path.isAbsolute(p) || !value.startsWith('file:///')) throw new ConfigError('govulncheck-db', `"${value}" must name an absolute directory: file:///path/to/db`);
    return value;
  }
  return checkDownloadBaseUrl('govulncheck-db', value, env);
}

function parseRunOn(value: string): string[] {
  const names = splitList(value);
  for (const n of names) {
    if (HOST_NAMES.includes(n)) continue;
    const hint = HOST_NAMES.find((h) => h === n.toLowerCase());
    throw new ConfigError('run-on', `"${n}" is not a known host profile${hint ? ` (profiles are lower-case: ${hint})` : ''}; known: ${HOST_NAMES.join(', ')}`);
  }
  return [...new Set(names)];
}

function parseMaxGlibc(value: string): string {
  if (value === '') return '';
  const v = value.replace(/^GLIBC_/, '');
  if (!/^\d+\.\d+(\.\d+)?$/.test(v)) throw new ConfigError('max-glibc', `"${value}" is not a glibc version like 2.28`);
  return v;
}

function parseCpuLevel(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  const variables = [...new Set(Object.values(CPU_LEVELS).map((c) => c.variable))];
  for (const item of splitList(value)) {
    const m = /^([A-Z0-9]+)=(.+)$/.exec(item);
    const spec = m ? Object.values(CPU_LEVELS).find((c) => c.variable === m[1]) : undefined;
    if (!m || !spec) throw new ConfigError('cpu-level', `"${item}" is not VARIABLE=level with VARIABLE one of ${variables.join(', ')}`);
    const level = m[2].split(',')[0];
    if (!spec.levels.includes(level)) throw new ConfigError('cpu-level', `"${item}": ${m[1]} levels are ${spec.levels.join(', ')}`);
    out[m[1]] = level;
  }
  return out;
}

const DURATION_UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "7d", "36h", "90m" (or a combination such as "1d12h") in milliseconds. */
export function parseDuration(name: string, value: string): number {
  const parts = /^(?:\d+[dhm])+$/i.test(value) ? [...value.matchAll(/(\d+)([dhm])/gi)] : [];
  const ms = parts.reduce((n, m) => n + Number(m[1]) * DURATION_UNITS[m[2].toLowerCase()], 0);
  if (!parts.length || ms <= 0) throw new ConfigError(name, `"${value}" is not a duration like 7d, 36h or 90m`);
  return ms;
}

/** trivy-version: "system" or a release version (with or without the v). */
export function parseTrivyVersion(value: string): string {
  if (value === 'system') return value;
  const v = value.replace(/^v/, '');
  if (!/^\d+\.\d+\.\d+$/.test(v)) throw new ConfigError('trivy-version', `"${value}" is not a Trivy version like 0.74.0, or system for the trivy on PATH`);
  return v;
}

/** trivy-sha256: 64 hex digits (compared in lower case). */
export function parseSha256(name: string, value: string): string {
  if (!value) return '';
  if (!/^[0-9a-fA-F]{64}$/.test(value)) throw new ConfigError(name, `"${value.slice(0, 80)}" is not a SHA-256 (64 hex digits)`);
  return value.toLowerCase();
}

// An OCI repository reference as Trivy takes it: host[:port]/path[:tag|@digest]. It becomes one
// argument of --db-repository; a leading "-" would be read as a flag.
const OCI_REPOSITORY = /^[A-Za-z0-9][A-Za-z0-9.-]*(:\d+)?(\/[a-z0-9]+(?:[._-][a-z0-9]+)*)+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[0-9a-f]{64})?$/;

export function parseDbRepositories(value: string): string[] {
  const repos = splitList(value);
  for (const r of repos) {
    if (!OCI_REPOSITORY.test(r)) throw new ConfigError('trivy-db-repository', `"${r}" is not an OCI repository like ghcr.io/aquasecurity/trivy-db:2`);
  }
  if (!repos.length) throw new ConfigError('trivy-db-repository', 'no repository given');
  return [...new Set(repos)];
}

/**
 * trivy-cache-dir: Trivy's DB and caches never live in the workspace, where the go.mod scan
 * would walk them and a pull request could plant a DB.
 */
function trivyCacheDir(value: string, workspace: string): string {
  const dir = toolPath('trivy-cache-dir', value, workspace);
  if (dir && isInside(workspace, realpathOrSelf(dir))) throw new ConfigError('trivy-cache-dir', `"${value}" is inside the workspace ${workspace}; give a directory outside it (e.g. under the runner's temp dir)`);
  return dir;
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
  const get = (name: string) => raw(inputSpec(name), inputs);
  const workspace = realpathOrSelf(path.resolve(ctx.workspace));
  const dir = confinedPath('working-directory', get('working-directory'), workspace, [workspace]);
  const outDir = confinedPath('output-dir', get('output-dir'), workspace, [workspace, ...(ctx.writableRoots ?? [])]);
  // The gate owns its output dir (it removes its own earlier results there): never the checkout itself.
  const holds = isInside(outDir, workspace) ? 'the workspace' : isInside(outDir, dir) ? 'the module directory' : '';
  if (holds) throw new ConfigError('output-dir', `"${get('output-dir')}" is or contains ${holds}; give the gate a directory of its own, e.g. gate-out`);
  if (path.relative(workspace, outDir).split(path.sep)[0] === '.git') throw new ConfigError('output-dir', `"${get('output-dir')}" is inside .git`);

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

  const base = checkDownloadBaseUrl('go-download-base-url', get('go-download-base-url'), ctx.env);

  const packages = splitList(get('packages'));
  for (const p of packages) checkPackage(p);
  const ldflags = get('ldflags');
  rejectShellMeta('ldflags', ldflags);
  const tags = splitList(get('tags'));
  for (const t of tags) if (!TAG.test(t)) throw new ConfigError('tags', `"${t}" is not a build tag`);

  const event = eventFrom(ctx.env);
  const modeInput = parseEnum<string>(inputSpec('mode'), get('mode'));
  const merge = modeInput === 'merge';
  const shard = parseShardInput(get('shard'));
  if (merge && shard) throw new ConfigError('shard', 'a shard builds its share and mode: merge merges the shards: one job cannot do both (leave shard empty in the merge job)');
  // The merged release is a check or a release as the event says, exactly as an unsharded run would be.
  const { mode, reason } = resolveMode(merge ? 'auto' : modeInput, event);
  const cacheDirRaw = get('cache-dir');
  const key = parseCosignKey(get('cosign-key'), workspace, ctx.env);
  const keyless = parseBoolean('sign-keyless', get('sign-keyless'));
  if (key && keyless) throw new ConfigError('sign-keyless', 'cannot be true when cosign-key is set: sign with the key or keyless, not both');
  const signChoice = resolveSign(parseEnum(inputSpec('sign'), get('sign')), mode, reason, event, key !== undefined, keyless);
  const tlogUpload = parseBoolean('sign-tlog-upload', get('sign-tlog-upload'));
  const cosign = parseCosignChoice(get('cosign-version'), get('cosign-download-base-url'), get('cosign-sha256'), ctx.env);
  const sigstore = parseSigstore(get, workspace, ctx.env, key !== undefined, tlogUpload, signChoice.enabled);
  return {
    workspace,
    dir,
    outDir,
    goVersion,
    goVersionFile,
    goDownloadBaseUrl: base,
    targets: parseTargets(get('targets')),
    packages,
    ldflags,
    tags,
    cgo: parseBoolean('cgo', get('cgo')),
    strip: parseBoolean('strip', get('strip')),
    runOn: parseRunOn(get('run-on')),
    maxGlibc: parseMaxGlibc(get('max-glibc')),
    cpuLevel: parseCpuLevel(get('cpu-level')),
    mode,
    modeReason: reason,
    cache: resolveCacheMode(parseEnum(inputSpec('cache'), get('cache')), event),
    cacheMaxSize: parseSize('cache-max-size', get('cache-max-size')),
    cacheDir: cacheDirRaw ? (checkPathText('cache-dir', cacheDirRaw), path.resolve(cacheDirRaw)) : '',
    requireTidy: parseBoolean('require-tidy', get('require-tidy')),
    rules: parseRules(get('rules')),
    event,
    sign: { ...signChoice, required: get('sign') === 'always', ...(key ? { key } : {}), keyless, tlogUpload, cosign, sigstore },
    scan: parseEnum(inputSpec('scan'), get('scan')),
    severity: parseEnum(inputSpec('severity'), get('severity').toUpperCase()),
    trivyPath: toolPath('trivy-path', get('trivy-path'), workspace),
    trivyCacheDir: trivyCacheDir(get('trivy-cache-dir'), workspace),
    trivySkipDbUpdate: parseBoolean('trivy-skip-db-update', get('trivy-skip-db-update')),
    reachability: parseEnum(inputSpec('reachability'), get('reachability')),
    vulnReachability: parseEnum(inputSpec('vuln-reachability'), get('vuln-reachability')),
    govulncheckPath: toolPath('govulncheck-path', get('govulncheck-path'), workspace),
    govulncheckDb: parseVulnDb(get('govulncheck-db'), ctx.env),
    ...(shard ? { shard } : {}),
    merge,
    trivyVersion: parseTrivyVersion(get('trivy-version')),
    trivyDownloadBaseUrl: checkDownloadBaseUrl('trivy-download-base-url', get('trivy-download-base-url'), ctx.env),
    trivySha256: parseSha256('trivy-sha256', get('trivy-sha256')),
    trivyDbRepositories: parseDbRepositories(inputs['trivy-db-repository']?.trim() ? get('trivy-db-repository') : ctx.env.TRIVY_DB_REPOSITORY?.trim() || get('trivy-db-repository')),
    trivyDbMaxAgeMs: parseDuration('trivy-db-max-age', get('trivy-db-max-age')),
  };
}
