// Go version arithmetic, pure. Go spells releases 1.21.0, 1.26.3, 1.27rc1; before 1.21 the
// first release of a minor had no patch number (1.20). We map them onto semver to use ranges.
import semver from 'semver';

export type GoVersionSpec =
  | { kind: 'exact'; version: string }
  | { kind: 'range'; range: string; text: string }
  /** go.mod's go line: the minimum; any newer toolchain builds it, a download picks the newest patch of that minor. */
  | { kind: 'min'; version: string }
  | { kind: 'stable' }
  | { kind: 'oldstable' }
  | { kind: 'system' };

const GO_VERSION_SYNTAX = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?(?:(rc|beta)(\d+))?$/;

/**
 * The parts of a Go version, or null. A number too large to compare exactly (go 99999999999999999999.1)
 * is not a version either: semver would throw deep inside a stage instead of naming the line.
 */
const GO_VERSION = {
  exec(text: string): RegExpExecArray | null {
    const m = GO_VERSION_SYNTAX.exec(text);
    if (!m) return null;
    return [m[1], m[2], m[3], m[5]].every((n) => n === undefined || Number.isSafeInteger(Number(n))) ? m : null;
  },
  test(text: string): boolean {
    return GO_VERSION.exec(text) !== null;
  },
};

export function isGoVersion(text: string): boolean {
  return GO_VERSION.test(text);
}

/** "1.26rc1" -> "1.26.0-rc.1"; "go1.20" -> "1.20.0". Throws on anything else. */
export function goToSemver(text: string): string {
  const m = GO_VERSION.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a Go version`);
  const base = `${Number(m[1])}.${Number(m[2])}.${Number(m[3] ?? 0)}`;
  return m[4] ? `${base}-${m[4]}.${Number(m[5])}` : base;
}

/** "go1.26.3" -> "1.26.3": the version as `go version` prints it, without the prefix. */
export function normalizeGoVersion(text: string): string {
  const m = GO_VERSION.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a Go version`);
  return text.trim().replace(/^go/, '');
}

export function parseGoVersionSpec(text: string): GoVersionSpec {
  const t = text.trim();
  if (t === 'stable' || t === 'latest') return { kind: 'stable' };
  if (t === 'oldstable') return { kind: 'oldstable' };
  if (t === 'system') return { kind: 'system' };
  const exact = GO_VERSION.exec(t);
  if (exact) {
    // "1.26" reads as "the newest 1.26 release", as setup-go users expect; "1.26.0" is exact.
    if (exact[3] === undefined && exact[4] === undefined) return { kind: 'range', range: `~${exact[1]}.${exact[2]}.0`, text: t };
    return { kind: 'exact', version: normalizeGoVersion(t) };
  }
  if (/^[0-9x*^~<>=|. -]+$/.test(t) && /\d/.test(t)) {
    const range = semver.validRange(t);
    if (range) return { kind: 'range', range, text: t };
  }
  throw new Error(`"${text}" is not a Go version, range (1.26.x, ^1.25, >=1.25), stable, oldstable or system`);
}

export function describeSpec(spec: GoVersionSpec): string {
  switch (spec.kind) {
    case 'exact': return spec.version;
    case 'range': return spec.text;
    case 'min': return `>= ${spec.version} (go.mod go line)`;
    default: return spec.kind;
  }
}

/** Does an installed/available version satisfy the spec? stable/oldstable need the listing: never "satisfied" offline. */
export function satisfies(version: string, spec: GoVersionSpec): boolean {
  const v = goToSemver(version);
  switch (spec.kind) {
    case 'exact': return v === goToSemver(spec.version);
    case 'range': return semver.satisfies(v, spec.range);
    case 'min': return semver.gte(v, goToSemver(spec.version));
    default: return false;
  }
}

export interface ReleaseInfo { version: string; stable: boolean }

/**
 * Picks the release to download from the listing. Ranges and go lines take only stable
 * releases unless the spec names a pre-release itself.
 */
export function pickRelease<T extends ReleaseInfo>(releases: readonly T[], spec: GoVersionSpec): T | undefined {
  const sorted = [...releases]
    .filter((r) => isGoVersion(r.version))
    .sort((a, b) => semver.rcompare(goToSemver(a.version), goToSemver(b.version)));
  const stable = sorted.filter((r) => r.stable);
  switch (spec.kind) {
    case 'exact': return sorted.find((r) => goToSemver(r.version) === goToSemver(spec.version));
    case 'range': return stable.find((r) => semver.satisfies(goToSemver(r.version), spec.range));
    case 'min': {
      const min = goToSemver(spec.version);
      const sameMinor = `~${semver.major(min)}.${semver.minor(min)}.0`;
      return stable.find((r) => semver.satisfies(goToSemver(r.version), sameMinor) && semver.gte(goToSemver(r.version), min));
    }
    case 'stable': return stable[0];
    case 'oldstable': {
      if (!stable[0]) return undefined;
      const newest = goToSemver(stable[0].version);
      return stable.find((r) => semver.minor(goToSemver(r.version)) < semver.minor(newest) || semver.major(goToSemver(r.version)) < semver.major(newest));
    }
    case 'system': return undefined;
  }
}

/** Highest of the given versions that satisfies the spec (for the tool cache). */
export function pickInstalled(versions: readonly string[], spec: GoVersionSpec): string | undefined {
  return versions
    .filter((v) => isGoVersion(v) || semver.valid(v))
    .map((v) => (semver.valid(v) ? semverToGo(v) : normalizeGoVersion(v)))
    .filter((v) => satisfies(v, spec))
    .sort((a, b) => semver.rcompare(goToSemver(a), goToSemver(b)))[0];
}

/** "1.26.0-rc.1" -> "1.26rc1" (tool caches store semver names). */
export function semverToGo(v: string): string {
  const s = semver.parse(v);
  if (!s) throw new Error(`"${v}" is not a semver version`);
  const pre = s.prerelease.length === 2 ? `${s.prerelease[0]}${s.prerelease[1]}` : '';
  if (pre) return `${s.major}.${s.minor}${pre}`;
  // Releases before 1.21 had no ".0" (go1.20); from 1.21 on the first release is 1.21.0.
  if (s.patch === 0 && s.major === 1 && s.minor < 21) return `${s.major}.${s.minor}`;
  return `${s.major}.${s.minor}.${s.patch}`;
}

export interface VersionFileResult { spec: GoVersionSpec; line: number; from: string }

/** Reads the version out of go.mod / go.work / .go-version / .tool-versions text. */
export function parseVersionFile(fileName: string, text: string): VersionFileResult {
  const base = fileName.replace(/^.*[\\/]/, '');
  const lines = text.split(/\r?\n/);
  if (base === '.go-version') {
    const i = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    if (i < 0) throw new Error(`${fileName}: no Go version in the file`);
    return { spec: specOrThrow(fileName, i + 1, lines[i].trim()), line: i + 1, from: lines[i].trim() };
  }
  if (base === '.tool-versions') {
    for (let i = 0; i < lines.length; i++) {
      const m = /^\s*(golang|go)\s+(\S+)/.exec(lines[i]);
      if (m) return { spec: specOrThrow(fileName, i + 1, m[2]), line: i + 1, from: lines[i].trim() };
    }
    throw new Error(`${fileName}: no "golang" line`);
  }
  // go.mod and go.work share the directive syntax; the toolchain line names the exact toolchain.
  let goLine: VersionFileResult | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].replace(/\/\/.*$/, '').trim();
    const tc = /^toolchain\s+(\S+)$/.exec(l);
    if (tc) {
      const m = /^go(\d+\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?)(?:-.*)?$/.exec(tc[1]);
      if (!m || !isGoVersion(m[1])) throw new Error(`${fileName}:${i + 1}: toolchain "${tc[1]}" is not a Go toolchain name (goX.Y.Z)`);
      return { spec: { kind: 'exact', version: m[1] }, line: i + 1, from: l };
    }
    const go = /^go\s+(\S+)$/.exec(l);
    if (go && !goLine) {
      if (!isGoVersion(go[1])) throw new Error(`${fileName}:${i + 1}: "go ${go[1]}" is not a Go version`);
      goLine = { spec: { kind: 'min', version: normalizeGoVersion(go[1]) }, line: i + 1, from: l };
    }
  }
  if (!goLine) throw new Error(`${fileName}: no go line (expected e.g. "go 1.26")`);
  return goLine;
}

function specOrThrow(fileName: string, line: number, text: string): GoVersionSpec {
  try {
    return parseGoVersionSpec(text);
  } catch (e) {
    throw new Error(`${fileName}:${line}: ${(e as Error).message}`);
  }
}

/** Go's names for this machine: process.platform/arch -> GOOS/GOARCH of the download. */
export function goPlatform(platform: string, arch: string): { os: string; arch: string } {
  const os = platform === 'win32' ? 'windows' : platform;
  const a: Record<string, string> = { x64: 'amd64', ia32: '386', arm: 'armv6l', arm64: 'arm64', s390x: 's390x', ppc64: 'ppc64le', riscv64: 'riscv64', loong64: 'loong64' };
  return { os, arch: a[arch] ?? arch };
}
