// The release policy for one inspected binary: which rules fire, with exact messages.
// Pure (no I/O) so every rule is unit-tested on BinaryInfo values.
import { finding, rule, type Finding, type Rule } from '../pipeline/findings.ts';
import type { Artifact } from '../pipeline/stage.ts';
import type { Config } from '../config/config.ts';
import type { BinaryInfo } from './binary.ts';
import { compareVersions, CPU_LEVELS, formatCpuLevel, levelRank } from './runtime-needs.ts';
import { goMinimumOs, goMinor } from './hosts.ts';

const r = (id: string, name: string, severity: Rule['defaultSeverity'], short: string, full: string, help: string, securitySeverity?: number): Rule =>
  rule({ id, name, defaultSeverity: severity, shortDescription: short, fullDescription: full, help, ...(securitySeverity ? { securitySeverity } : {}) });

export const RULES = {
  unreadable: r('inspect/unreadable-binary', 'UnreadableBinary', 'error', 'The binary could not be parsed',
    'The built file is not a well-formed ELF, PE or Mach-O file, so nothing about it could be checked.',
    'The message names the file offset and what was wrong there. Rebuild; if it persists, the build produced a corrupt or non-executable file.'),
  notStatic: r('inspect/not-static', 'NotStatic', 'error', 'A Linux binary is dynamically linked',
    'The binary asks for a program interpreter or shared libraries, so it fails on scratch, distroless or Alpine images and on hosts with an older libc.',
    'Build with CGO_ENABLED=0 (use the netgo and osusergo tags if net or os/user pulled in cgo), or set cgo: true if dynamic linking is intended.'),
  interpreter: r('inspect/dynamic-interpreter', 'DynamicInterpreter', 'note', 'The binary requests a program interpreter',
    'PT_INTERP names the dynamic loader the kernel must start the program with; the binary does not run where that loader is missing.',
    'Internal-linker PIE builds request a loader even without libraries: drop -buildmode=pie or accept the loader dependency.'),
  needed: r('inspect/needed-library', 'NeededLibrary', 'note', 'The binary needs a shared library',
    'A DT_NEEDED entry names a shared library the loader must find at run time.',
    'Remove the cgo dependency that pulls the library in (CGO_ENABLED=0, netgo, osusergo), or ship the library with the binary.'),
  noBuildInfo: r('inspect/no-build-info', 'NoBuildInfo', 'error', 'The binary has no readable Go build info',
    'Without build info nobody can tell which Go version, module versions or build settings produced the binary, and vulnerability scanners cannot scan it.',
    'Build with a module-aware go build (Go 1.18 or later) and do not strip the .go.buildinfo section.'),
  targetMismatch: r('inspect/target-mismatch', 'TargetMismatch', 'error', 'The binary is not for the target it was built for',
    'The file format, architecture or the GOOS/GOARCH recorded in the build info differ from the target the artifact is published for.',
    'Check the GOOS/GOARCH environment of the build; a cached or mislabelled binary may have been picked up.'),
  notTrimpath: r('inspect/not-trimpath', 'NotTrimpath', 'error', 'The binary was built without -trimpath',
    'Without -trimpath the binary records the build machine\'s file system paths and the build is not reproducible across machines.',
    'Add -trimpath to the go build flags.'),
  leakedPaths: r('inspect/leaked-paths', 'LeakedPaths', 'error', 'The binary contains build-machine source paths',
    'Absolute .go file paths of the build machine are embedded in the binary (usernames, directory layout).',
    'Build with -trimpath.'),
  cgoEnabled: r('inspect/cgo-enabled', 'CgoEnabled', 'error', 'The binary was built with cgo',
    'CGO_ENABLED=1 is recorded in the build info although the configuration does not allow cgo.',
    'Set CGO_ENABLED=0 for release builds, or set cgo: true if the program needs cgo.'),
  notStripped: r('inspect/not-stripped', 'NotStripped', 'error', 'The binary carries a symbol table or debug info',
    'A .symtab or DWARF debug sections are present; they add size and are not needed to run the program.',
    'Build with -ldflags="-s -w", or set strip: false to keep symbols.'),
  vcsModified: r('inspect/vcs-modified', 'VcsModified', 'error', 'A release binary was built from a modified work tree',
    'The build info records vcs.modified=true: the binary does not match the tagged commit.',
    'Build releases from a clean checkout; check that the build does not write into the repository (generated files, vendored changes).'),
  missingTzdata: r('inspect/missing-tzdata', 'MissingTzdata', 'warning', 'time.LoadLocation without embedded time zone data where the system has none',
    'The program calls time.LoadLocation but embeds no tzdata, and a place it runs has no zone database: Windows (Go reads no system zoneinfo there, only $ZONEINFO or a Go installation\'s lib/time/zoneinfo.zip). Linux and macOS hosts normally ship the database and are not flagged; run-on hosts without one (scratch, Alpine) are reported by inspect/no-tzdata-on-host.',
    'Build with -tags timetzdata or import _ "time/tzdata" in the main package.'),
  glibcTooNew: r('inspect/glibc-too-new', 'GlibcTooNew', 'error', 'The binary needs a newer glibc than a host it must run on',
    'The binary\'s symbol version needs (.gnu.version_r) name a GLIBC_x.y newer than the glibc of a run-on host, or than max-glibc: the loader refuses to start it there with "version `GLIBC_x.y\' not found".',
    'Build on (or with a sysroot of) the oldest distribution you support, e.g. in a container of that release; or build without cgo (CGO_ENABLED=0) so no glibc is needed.'),
  libcMismatch: r('inspect/libc-mismatch', 'LibcMismatch', 'error', 'The binary is linked against a C library the host does not have',
    'A glibc-linked binary does not start on a musl host (Alpine) or an image without a C library (scratch, distroless static), and a musl-linked one does not start on a glibc host: the program interpreter named in PT_INTERP is missing there.',
    'Build a static binary (CGO_ENABLED=0), or build one binary per C library: on Alpine (musl) for Alpine, on a glibc distribution for the others.'),
  noTzdataOnHost: r('inspect/no-tzdata-on-host', 'NoTzdataOnHost', 'error', 'time.LoadLocation without embedded tzdata on a host without a zone database',
    'The program calls time.LoadLocation, embeds no time zone data, and a run-on host has no /usr/share/zoneinfo: every zone other than UTC and Local fails to load there.',
    'Build with -tags timetzdata or import _ "time/tzdata" in the main package (about 450 KB), or add tzdata to the image.'),
  noCaRootsOnHost: r('inspect/no-ca-roots-on-host', 'NoCaRootsOnHost', 'error', 'The program loads the system certificate roots on a host that has none',
    'The program verifies certificates against the system roots (crypto/x509\'s system pool: every TLS client without its own RootCAs), embeds no roots of its own, and a run-on host has no CA bundle: TLS connections fail with "x509: certificate signed by unknown authority".',
    'Import _ "golang.org/x/crypto/x509roots/fallback" to embed Mozilla\'s roots, copy a CA bundle into the image (or set SSL_CERT_FILE), or use an image that has one (distroless static).'),
  osTooOld: r('inspect/os-too-old', 'OsTooOld', 'error', 'A host is older than the Go release that built the binary supports',
    'Each Go release states the oldest macOS, Windows and Linux kernel it runs on (go.dev/doc/go1.N, Ports); the binary was built by a Go newer than a run-on host allows.',
    'Build with an older Go for that host, or drop the host from run-on.'),
  cpuLevel: r('inspect/cpu-level', 'CpuLevel', 'warning', 'The binary needs a CPU level above the architecture baseline',
    'The build info records a micro-architecture level above Go\'s default (for example GOAMD64=v3): the program dies with an illegal instruction on older CPUs.',
    'Build with the default level, or list the level in cpu-level (e.g. cpu-level: GOAMD64=v3) when every host is known to support it.'),
  upx: r('inspect/upx-packed', 'UpxPacked', 'warning', 'The binary is UPX-packed',
    'A packed binary hides its contents from inspection and scanners and is often flagged by antivirus software.',
    'Do not pack release binaries with UPX.'),
} as const;

export const INSPECT_RULES: readonly Rule[] = Object.values(RULES);

const FORMAT_OF_GOOS: Record<string, string> = { windows: 'pe', darwin: 'macho', ios: 'macho' };

function setting(info: BinaryInfo, key: string): string | undefined {
  return info.buildInfo?.settings.find((s) => s.key === key)?.value;
}

/**
 * A host the binary is meant to run on, as a run-on profile describes it (src/inspect/hosts.ts).
 * Only the facts a rule reads are here; null means unknown, and an unknown fact is not checked.
 */
export interface RunOnHost {
  name: string;
  goos: string;
  /** '' when the profile holds for every architecture. */
  goarch: string;
  /** The C library: 'none' for images without one (scratch, distroless static). */
  libc: 'glibc' | 'musl' | 'none' | null;
  /** glibc version, "2.17". */
  glibc: string | null;
  /** Linux kernel version, "3.10". */
  kernel: string | null;
  /** macOS or Windows version, "12", "10". */
  osVersion: string | null;
  /** Whether the host has a system zone database (/usr/share/zoneinfo). */
  zoneinfo: boolean | null;
  /** Whether the system certificate roots are there (a CA bundle, or the platform verifier). */
  caRoots: boolean | null;
}

function hostApplies(artifact: Artifact, h: RunOnHost): boolean {
  return h.goos === artifact.goos && (h.goarch === '' || h.goarch === artifact.goarch);
}

/**
 * Where a binary of this target finds no system zone database, one phrase each; empty when
 * every place it runs has one. Windows never has one for Go: time's platformZoneSources is
 * empty there (src/time/zoneinfo_windows.go), so LoadLocation needs $ZONEINFO, a Go
 * installation or embedded tzdata. Linux and darwin hosts ship /usr/share/zoneinfo (a scratch
 * or distroless image does not: that is a host fact, which run-on hosts will carry).
 */
export function placesWithoutZoneinfo(artifact: Artifact, runOn: readonly RunOnHost[]): string[] {
  const out: string[] = [];
  if (artifact.goos === 'windows') out.push('Windows has no system time zone database for Go');
  for (const h of runOn) {
    if (hostApplies(artifact, h) && h.zoneinfo === false) out.push(`run-on host ${h.name} has no /usr/share/zoneinfo`);
  }
  return out;
}

/** One binary on one run-on host: what fails there (each with its rule), and what could not be checked. */
export interface HostVerdict {
  host: string;
  /** false: the host's OS is not the binary's (nothing to check). */
  applies: boolean;
  failures: Array<{ rule: Rule; reason: string }>;
  unknown: string[];
}

const LOADER: Record<string, string> = { glibc: 'glibc', musl: 'musl libc', none: 'no C library', bionic: 'Android\'s bionic' };

export function hostVerdict(info: BinaryInfo, artifact: Artifact, h: RunOnHost): HostVerdict {
  const v: HostVerdict = { host: h.name, applies: hostApplies(artifact, h), failures: [], unknown: [] };
  if (!v.applies) return v;
  const fail = (rule: Rule, reason: string) => v.failures.push({ rule, reason });
  if (artifact.goos === 'linux' && info.libc && info.libc !== 'none' && info.libc !== 'unknown') {
    const via = info.interpreter ? ` (interpreter ${info.interpreter})` : '';
    if (h.libc === null) v.unknown.push('C library');
    else if (h.libc !== info.libc) fail(RULES.libcMismatch, `needs ${LOADER[info.libc]}${via}, ${h.name} has ${LOADER[h.libc]}`);
    else if (info.libc === 'glibc' && info.glibcFloor) {
      if (h.glibc === null) v.unknown.push('glibc version');
      else if (compareVersions(info.glibcFloor, h.glibc) > 0) fail(RULES.glibcTooNew, `needs GLIBC_${info.glibcFloor}, ${h.name} has ${h.glibc}`);
    }
  }
  if (info.usesLoadLocation && !info.tzdata) {
    if (h.zoneinfo === false) fail(RULES.noTzdataOnHost, `calls time.LoadLocation without embedded tzdata, ${h.name} has no /usr/share/zoneinfo`);
    else if (h.zoneinfo === null && artifact.goos !== 'windows') v.unknown.push('zoneinfo');
  }
  if (info.usesSystemRoots && !info.embedsRoots) {
    if (h.caRoots === false) fail(RULES.noCaRootsOnHost, `loads the system certificate roots and embeds none, ${h.name} has no CA bundle`);
    else if (h.caRoots === null) v.unknown.push('CA bundle');
  }
  const minor = info.buildInfo ? goMinor(info.buildInfo.goVersion) : null;
  const min = minor === null ? null : goMinimumOs(artifact.goos, minor);
  const have = artifact.goos === 'linux' ? h.kernel : h.osVersion;
  if (min && have !== null && compareVersions(have, min.version) < 0) {
    const what = artifact.goos === 'linux' ? 'Linux kernel' : artifact.goos === 'darwin' ? 'macOS' : 'Windows';
    fail(RULES.osTooOld, `built by go1.${minor}, which needs ${what} ${min.version} or later (${min.note}); ${h.name} has ${have}`);
  }
  return v;
}

/** The summary cell of a verdict: ✅, ❌ with the reasons, or – where the host is another OS. */
export function verdictCell(v: HostVerdict): string {
  if (!v.applies) return '–';
  if (v.failures.length) return `❌ ${v.failures.map((f) => f.reason).join('; ')}`;
  return v.unknown.length ? `✅ (not checked: ${v.unknown.join(', ')})` : '✅';
}

/** Findings for one built binary under the configured policy; runOn: the hosts it must run on (none until run-on exists). */
export function evaluateBinary(info: BinaryInfo, artifact: Artifact, config: Config, runOn: readonly RunOnHost[] = []): Finding[] {
  const out: Finding[] = [];
  const where = artifact.displayPath;
  const target = `${artifact.goos}/${artifact.goarch}`;
  const add = (rl: Rule, message: string, subject: string, fix?: string) =>
    out.push(finding(rl, 'inspect', { message, location: { artifact: where }, subject: `${where}\0${subject}`, ...(fix ? { fix } : {}) }));

  const wantFormat = FORMAT_OF_GOOS[artifact.goos] ?? 'elf';
  if (info.format !== wantFormat || info.arch !== artifact.goarch) {
    add(RULES.targetMismatch, `${where} is a ${info.format} ${info.arch} binary, but the target is ${target}`, 'container');
  }
  const goos = setting(info, 'GOOS');
  const goarch = setting(info, 'GOARCH');
  if ((goos !== undefined && goos !== artifact.goos) || (goarch !== undefined && goarch !== artifact.goarch)) {
    add(RULES.targetMismatch, `${where} records GOOS=${goos ?? '?'} GOARCH=${goarch ?? '?'} in its build info, but the target is ${target}`, 'buildinfo');
  }

  if (artifact.goos === 'linux' && info.static === false && !config.cgo) {
    const parts = [info.interpreter ? `program interpreter ${info.interpreter}` : '', info.needed.length ? `shared libraries ${info.needed.join(', ')}` : ''].filter(Boolean);
    add(RULES.notStatic, `${where} is dynamically linked: ${parts.join('; ')}`, 'static');
    if (info.interpreter) add(RULES.interpreter, `${where} requests program interpreter ${info.interpreter}`, info.interpreter);
    for (const lib of info.needed) add(RULES.needed, `${where} needs shared library ${lib}`, lib);
  }

  if (info.buildInfoError) add(RULES.noBuildInfo, `${where}: Go build info is present but unreadable: ${info.buildInfoError}`, 'buildinfo');
  else if (!info.buildInfo) add(RULES.noBuildInfo, info.go ? `${where} is a Go binary without build info` : `${where} is not a Go binary (no build info, no pcln table)`, 'buildinfo');

  if (info.buildInfo) {
    if (setting(info, '-trimpath') !== 'true') add(RULES.notTrimpath, `${where} was built without -trimpath (no -trimpath=true build setting)`, 'trimpath', '-trimpath');
    if (!config.cgo && setting(info, 'CGO_ENABLED') === '1') add(RULES.cgoEnabled, `${where} was built with CGO_ENABLED=1, but cgo is not enabled in the configuration`, 'cgo');
    if ((config.event.isTag || config.mode === 'release') && setting(info, 'vcs.modified') === 'true') {
      const rev = setting(info, 'vcs.revision');
      add(RULES.vcsModified, `${where} records vcs.modified=true${rev ? ` on revision ${rev}` : ''}${config.event.tag ? ` for tag ${config.event.tag}` : ''}`, 'vcs');
    }
  }
  if (info.leakedPaths.count > 0) {
    const n = info.leakedPaths.count;
    add(RULES.leakedPaths, `${where} contains ${n} absolute source path${n === 1 ? '' : 's'} of the build machine, e.g. ${info.leakedPaths.examples.slice(0, 3).join(', ')}`, 'paths');
  }
  if (config.strip && !info.stripped) add(RULES.notStripped, `${where} is not stripped (symbol table or DWARF present)`, 'strip', '-ldflags="-s -w"');
  if (info.usesLoadLocation && !info.tzdata) {
    // Run-on hosts without a zone database are reported per host (inspect/no-tzdata-on-host).
    const places = placesWithoutZoneinfo(artifact, []);
    if (places.length) add(RULES.missingTzdata, `${where} calls time.LoadLocation but embeds no time zone data, and ${places.join('; ')}`, 'tzdata', '-tags timetzdata');
  }
  for (const h of runOn) {
    for (const f of hostVerdict(info, artifact, h).failures) add(f.rule, `${where} does not run on ${h.name}: ${f.reason}`, `${f.rule.id}\0${h.name}`);
  }
  if (artifact.goos === 'linux' && info.libc === 'glibc' && info.glibcFloor && config.maxGlibc && compareVersions(info.glibcFloor, config.maxGlibc) > 0) {
    add(RULES.glibcTooNew, `${where} needs GLIBC_${info.glibcFloor}, max-glibc is ${config.maxGlibc}`, 'max-glibc');
  }
  const cpu = info.cpuLevel;
  const spec = CPU_LEVELS[info.arch];
  if (cpu && spec && levelRank(info.arch, cpu.level) > levelRank(info.arch, spec.baseline)) {
    const allowed = config.cpuLevel[cpu.variable];
    const rank = levelRank(info.arch, cpu.level);
    if (allowed === undefined || levelRank(info.arch, allowed) < rank) {
      add(RULES.cpuLevel, `${where} is built for ${formatCpuLevel(cpu)}, above the ${cpu.variable}=${spec.baseline} baseline: it dies with an illegal instruction on CPUs without that level${allowed ? ` (cpu-level allows ${cpu.variable}=${allowed})` : ''}`, 'cpu', `cpu-level: ${cpu.variable}=${cpu.level}`);
    }
  }
  if (info.upx) add(RULES.upx, `${where} is packed with UPX`, 'upx');
  return out;
}

const yesNo = (v: boolean | null) => (v === null ? 'n/a' : v ? 'yes' : 'no');

export const TABLE_HEADER = ['Binary', 'Target', 'Static', 'Stripped', 'PIE', 'RELRO', 'NX', 'Go', 'VCS revision', 'Size'];

/** One summary row (plain text; the stage escapes it). */
export function summaryRow(info: BinaryInfo, artifact: Artifact): string[] {
  const go = info.buildInfo ? info.buildInfo.goVersion.split(' ')[0] : info.go ? 'Go, no build info' : 'not Go';
  const rev = setting(info, 'vcs.revision');
  const modified = setting(info, 'vcs.modified') === 'true' ? ' (modified)' : '';
  return [
    artifact.displayPath,
    `${artifact.goos}/${artifact.goarch}`,
    yesNo(info.static),
    yesNo(info.stripped),
    yesNo(info.pie),
    info.relro,
    yesNo(info.nx),
    go,
    rev ? rev.slice(0, 12) + modified : '',
    String(info.size),
  ];
}
