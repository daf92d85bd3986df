// Settings that make the go command check less than go.sum and the checksum database promise:
// GOFLAGS=-mod=mod next to a vendor tree, GONOSUMDB / GOPRIVATE patterns wide enough to take
// public modules out of the checksum database, GOSUMDB=off, GOINSECURE. Pure: the stage hands
// in the effective values (`go env` plus the process environment).
import type { Severity } from '../pipeline/findings.ts';

export interface GoSettings {
  GOFLAGS: string;
  GONOSUMDB: string;
  GOPRIVATE: string;
  GOSUMDB: string;
  GOINSECURE: string;
  /** Not read by the go command; reported because setting it shows intent to skip checks. */
  GONOSUMCHECK: string;
}

export interface WeakSetting {
  setting: keyof GoSettings;
  severity: Severity;
  message: string;
  /** Stable subject for the fingerprint. */
  subject: string;
  /** True when the finding is about the vendor tree (it is then reported on vendor/modules.txt). */
  aboutVendor: boolean;
}

/** Go's path.Match for one path element set: '*' and '?' never match '/', [...] classes, '\' escapes. */
function globToRegExp(glob: string): RegExp | undefined {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\') {
      i++;
      if (i >= glob.length) return undefined;
      re += glob[i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) return undefined;
      const cls = glob.slice(i + 1, end);
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  try {
    return new RegExp(`^${re}$`);
  } catch {
    return undefined;
  }
}

/**
 * The go command's module.MatchPrefixPatterns for one pattern: the pattern matches a path when it
 * matches the path's leading elements (as many as the pattern has). "golang.org/x" matches
 * "golang.org/x/text"; "*.corp.example.com" matches "git.corp.example.com/team/repo".
 */
export function matchesPrefixPattern(pattern: string, modulePath: string): boolean {
  const p = pattern.replace(/\/+$/, '');
  if (p === '') return false;
  const n = p.split('/').length;
  const elems = modulePath.split('/');
  if (elems.length < n) return false;
  const re = globToRegExp(p);
  return re !== undefined && re.test(elems.slice(0, n).join('/'));
}

export function splitPatterns(list: string): string[] {
  return list.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

// Module paths that anyone can publish under (any owner on a public code host) or that belong to
// public projects. A pattern matching one of these takes public code out of the checksum
// database; a pattern naming one organisation ("github.com/mycorp") does not.
const PUBLIC_EXAMPLES = [
  'github.com/any-owner/any-repo',
  'gitlab.com/any-owner/any-repo',
  'bitbucket.org/any-owner/any-repo',
  'codeberg.org/any-owner/any-repo',
  'golang.org/x/text',
  'google.golang.org/grpc',
  'google.golang.org/protobuf',
  'cloud.google.com/go',
  'gopkg.in/yaml.v3',
  'k8s.io/client-go',
  'sigs.k8s.io/yaml',
  'go.uber.org/zap',
  'go.opentelemetry.io/otel',
  'go.etcd.io/etcd',
  'honnef.co/go/tools',
  'mvdan.cc/sh',
  'rsc.io/quote',
  'modernc.org/sqlite',
  'gonum.org/v1/gonum',
  'gotest.tools',
];

/** The public module paths a pattern covers (empty when it only names private space). */
export function publicPathsCovered(pattern: string): string[] {
  return PUBLIC_EXAMPLES.filter((p) => matchesPrefixPattern(pattern, p));
}

function describeCoverage(pattern: string, modules: readonly string[]): string {
  const covered = publicPathsCovered(pattern).map((p) => (p.includes('any-owner') ? `${p.split('/')[0]}/...` : p));
  const deps = modules.filter((m) => matchesPrefixPattern(pattern, m));
  const parts = [`pattern "${pattern}" covers public modules (${covered.slice(0, 3).join(', ')}${covered.length > 3 ? ', ...' : ''})`];
  if (deps.length) parts.push(`including ${deps.length} of this build: ${deps.slice(0, 5).join(', ')}${deps.length > 5 ? ', ...' : ''}`);
  return parts.join(', ');
}

/** GOFLAGS as the go command splits it: whitespace-separated flags, "--flag" equal to "-flag". */
function goFlags(value: string): Map<string, string> {
  const flags = new Map<string, string>();
  for (const raw of value.split(/\s+/).filter((s) => s !== '')) {
    const f = raw.replace(/^--?/, '');
    const eq = f.indexOf('=');
    flags.set(eq < 0 ? f : f.slice(0, eq), eq < 0 ? 'true' : f.slice(eq + 1));
  }
  return flags;
}

// Flags that let something other than the committed source decide what is compiled.
const BUILD_REDIRECTS: Record<string, string> = {
  toolexec: 'every compiler, assembler and linker call runs through that program, which can change the binaries without any change to the source',
  overlay: 'the build reads the files that overlay names instead of the committed source files',
};

export interface SettingsContext {
  hasVendor: boolean;
  modules: readonly string[];
  /** Release mode: a setting that changes what is built is an error, not a warning. */
  release?: boolean;
  /** Where GOFLAGS came from, for the message: "the environment" or "the go env file /path". */
  goflagsFrom?: string;
}

export function analyzeSettings(s: GoSettings, opts: SettingsContext): WeakSetting[] {
  const out: WeakSetting[] = [];
  const flags = goFlags(s.GOFLAGS);
  for (const [flag, effect] of Object.entries(BUILD_REDIRECTS)) {
    if (!flags.has(flag)) continue;
    const from = opts.goflagsFrom ? ` (from ${opts.goflagsFrom})` : '';
    out.push({
      setting: 'GOFLAGS',
      severity: opts.release ? 'error' : 'warning',
      aboutVendor: false,
      subject: `GOFLAGS -${flag}`,
      message: `GOFLAGS="${s.GOFLAGS}"${from} sets -${flag}=${flags.get(flag)}: ${effect}${opts.release ? '; a release is never built this way' : ''}`,
    });
  }
  const mod = flags.get('mod');
  if (mod === 'mod') {
    out.push(
      opts.hasVendor
        ? { setting: 'GOFLAGS', severity: 'warning', aboutVendor: true, subject: 'GOFLAGS -mod=mod vendor', message: `GOFLAGS="${s.GOFLAGS}" sets -mod=mod: go commands ignore the vendor directory and fetch modules instead, so what is built is not what vendor/ holds (the gate's own build passes -mod=vendor)` }
        : { setting: 'GOFLAGS', severity: 'warning', aboutVendor: false, subject: 'GOFLAGS -mod=mod', message: `GOFLAGS="${s.GOFLAGS}" sets -mod=mod: go commands may rewrite go.mod and add missing go.sum lines from the network instead of failing` },
    );
  }
  if (flags.has('insecure')) {
    out.push({ setting: 'GOFLAGS', severity: 'warning', aboutVendor: false, subject: 'GOFLAGS -insecure', message: `GOFLAGS="${s.GOFLAGS}" sets -insecure, which asked older go commands to fetch over HTTP and skip certificate checks (use GOINSECURE patterns if a host really needs it)` });
  }
  if (flags.has('modcacherw') && flags.get('modcacherw') !== 'false') {
    out.push({ setting: 'GOFLAGS', severity: 'note', aboutVendor: false, subject: 'GOFLAGS -modcacherw', message: `GOFLAGS="${s.GOFLAGS}" sets -modcacherw: the module cache is left writable, so a module's files can be changed after they were verified (the gate's module tree check catches it, a build does not)` });
  }
  if (s.GOSUMDB.trim() === 'off') {
    out.push({ setting: 'GOSUMDB', severity: 'warning', aboutVendor: false, subject: 'GOSUMDB off', message: 'GOSUMDB=off: modules not yet in go.sum are accepted without checking the checksum database, so a first download of a tampered version is trusted' });
  }
  // GONOSUMDB defaults to GOPRIVATE; whichever is in force decides what skips the checksum database.
  const sumdbSetting: 'GONOSUMDB' | 'GOPRIVATE' = s.GONOSUMDB.trim() !== '' ? 'GONOSUMDB' : 'GOPRIVATE';
  for (const pattern of splitPatterns(s[sumdbSetting])) {
    if (publicPathsCovered(pattern).length === 0) continue;
    out.push({ setting: sumdbSetting, severity: 'warning', aboutVendor: false, subject: `${sumdbSetting} ${pattern}`, message: `${sumdbSetting}: ${describeCoverage(pattern, opts.modules)}; those modules are never checked against the checksum database` });
  }
  if (sumdbSetting === 'GONOSUMDB') {
    for (const pattern of splitPatterns(s.GOPRIVATE)) {
      if (publicPathsCovered(pattern).length === 0) continue;
      out.push({ setting: 'GOPRIVATE', severity: 'warning', aboutVendor: false, subject: `GOPRIVATE ${pattern}`, message: `GOPRIVATE: ${describeCoverage(pattern, opts.modules)}; those modules bypass the module proxy and are fetched straight from their origin` });
    }
  }
  for (const pattern of splitPatterns(s.GOINSECURE)) {
    const covered = publicPathsCovered(pattern).length > 0;
    out.push({
      setting: 'GOINSECURE',
      severity: 'warning',
      aboutVendor: false,
      subject: `GOINSECURE ${pattern}`,
      message: `GOINSECURE: modules matching "${pattern}" may be fetched over plain HTTP or with unverified certificates${covered ? `; the ${describeCoverage(pattern, opts.modules)}` : ''}`,
    });
  }
  if (s.GONOSUMCHECK.trim() !== '') {
    out.push({ setting: 'GONOSUMCHECK', severity: 'note', aboutVendor: false, subject: 'GONOSUMCHECK', message: `GONOSUMCHECK="${s.GONOSUMCHECK}" is set to skip checksum checks; this go command does not read it (GONOSUMDB and GOPRIVATE are what it reads), so nothing is skipped here, but a build configured this way elsewhere may rely on it` });
  }
  return out;
}
