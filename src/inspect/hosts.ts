// The run-on host profiles: what each place a binary may be shipped to provides, as data.
// Every fact names its source next to it. A fact no source here states is null ("unknown"):
// the checks skip it and the summary says it was not checked, rather than guess.
import type { RunOnHost } from './policy.ts';

type Profile = Omit<RunOnHost, 'name' | 'goarch'>;

const NO_OS: Pick<RunOnHost, 'osVersion'> = { osVersion: null };
const LINUX = { goos: 'linux', ...NO_OS } as const;

/** Linux hosts and images. goarch is '' (any): the profiles hold for every architecture they ship. */
const LINUX_PROFILES: Record<string, Profile> = {
  // Docker's documentation of the reserved image "scratch" ("an explicitly empty image",
  // docs.docker.com, "Create a minimal base image using scratch"): no C library, no files at all.
  scratch: { ...LINUX, libc: 'none', glibc: null, kernel: null, zoneinfo: false, caRoots: false },
  // GoogleContainerTools/distroless base/README.md: gcr.io/distroless/static contains
  // ca-certificates, a /etc/passwd entry, /tmp and tzdata, and no libc.
  'distroless-static': { ...LINUX, libc: 'none', glibc: null, kernel: null, zoneinfo: true, caRoots: true },
  // Same README: gcr.io/distroless/base has everything in static plus glibc and libssl; the current
  // images are base-debian12 (distroless README.md image table), so glibc is Debian 12's 2.36 (below).
  'distroless-base': { ...LINUX, libc: 'glibc', glibc: '2.36', kernel: null, zoneinfo: true, caRoots: true },
  // Alpine is built on musl libc (alpinelinux.org/about: "Alpine Linux is built around musl libc
  // and busybox"). Docker's official alpine image package list (docker-library/repo-info,
  // repos/alpine/local) holds ca-certificates-bundle and no tzdata; the Alpine wiki's "Setting the
  // timezone" page installs the tzdata package first.
  alpine: { ...LINUX, libc: 'musl', glibc: null, kernel: null, zoneinfo: false, caRoots: true },
  // Red Hat Developer blog "Upgrading the GNU C Library within Red Hat Enterprise Linux" (2016):
  // glibc 2.17 is "the version in Red Hat Enterprise Linux 7", which CentOS 7 rebuilds; Red Hat's
  // "Red Hat Enterprise Linux Release Dates" article (access.redhat.com/articles/3078): RHEL 7 ships
  // kernel 3.10.
  'centos-7': { ...LINUX, libc: 'glibc', glibc: '2.17', kernel: '3.10', zoneinfo: null, caRoots: null },
  // RHEL 8: glibc 2.28 (the glibc-2.28-*.el8 packages of RHEL 8 BaseOS, the base of PEP 600's
  // manylinux_2_28); kernel 4.18 (kernel-4.18.0-*.el8, Red Hat's release dates article).
  'rhel-8': { ...LINUX, libc: 'glibc', glibc: '2.28', kernel: '4.18', zoneinfo: null, caRoots: null },
  // RHEL 9: glibc 2.34 (Red Hat's "Considerations in adopting RHEL 9", Notable changes to glibc;
  // packages glibc-2.34-*.el9, e.g. Red Hat bug 2149994 "Fixed In Version: glibc-2.34-57.el9");
  // kernel 5.14 (kernel-5.14.0-*.el9, CentOS Stream 9 kernel tags).
  'rhel-9': { ...LINUX, libc: 'glibc', glibc: '2.34', kernel: '5.14', zoneinfo: null, caRoots: null },
  // Amazon Linux 2023 User Guide, "Improved toolchain: gcc, binutils, and glibc": glibc AL2 2.26,
  // AL2023 2.34. Amazon Linux 2 User Guide, "AL2 supported kernels": AL2 AMIs ship kernels 4.14
  // and 5.10 (the older one is the floor), AL2023 AMIs kernel 6.1.
  'amazonlinux-2': { ...LINUX, libc: 'glibc', glibc: '2.26', kernel: '4.14', zoneinfo: null, caRoots: null },
  'amazonlinux-2023': { ...LINUX, libc: 'glibc', glibc: '2.34', kernel: '6.1', zoneinfo: null, caRoots: null },
  // Debian 12 release notes (www.debian.org/releases/bookworm/amd64/release-notes, 2.3 "What's new
  // in the distribution", package table): GNU C library 2.31 in bullseye, 2.36 in bookworm; Linux
  // kernel 5.10 series in bullseye, 6.1 series in bookworm. Debian 12's archive gives tzdata
  // "Priority: required" (apt-cache show tzdata on bookworm), so every Debian 12 system and
  // image has /usr/share/zoneinfo; ca-certificates is "Priority: standard", absent from minimal
  // installs and the debian:12 image, present on standard ones: unknown.
  'debian-11': { ...LINUX, libc: 'glibc', glibc: '2.31', kernel: '5.10', zoneinfo: null, caRoots: null },
  'debian-12': { ...LINUX, libc: 'glibc', glibc: '2.36', kernel: '6.1', zoneinfo: true, caRoots: null },
  // Ubuntu's glibc source package per release (packages.ubuntu.com / Launchpad "glibc" in focal:
  // 2.31-0ubuntu9, jammy: 2.35-0ubuntu3, noble: 2.39-0ubuntu8) and the release kernels of Ubuntu's
  // kernel lifecycle page (ubuntu.com/kernel/lifecycle: 20.04 GA 5.4, 22.04 GA 5.15, 24.04 GA 6.8).
  'ubuntu-20.04': { ...LINUX, libc: 'glibc', glibc: '2.31', kernel: '5.4', zoneinfo: null, caRoots: null },
  'ubuntu-22.04': { ...LINUX, libc: 'glibc', glibc: '2.35', kernel: '5.15', zoneinfo: null, caRoots: null },
  'ubuntu-24.04': { ...LINUX, libc: 'glibc', glibc: '2.39', kernel: '6.8', zoneinfo: null, caRoots: null },
};

// macOS and Windows hosts: the OS version is the fact a profile adds. Go's own code supplies the
// rest: crypto/x509 verifies with the platform verifier on both (root_darwin.go, root_windows.go),
// so system roots are always there; on macOS time reads the system's /usr/share/zoneinfo
// (time/zoneinfo_unix.go, built for darwin); Windows has no zone database for Go
// (time/zoneinfo_windows.go), which inspect/missing-tzdata reports for every windows binary, so
// the Windows profiles do not repeat it.
const MACOS = ['10.13', '10.15', '11', '12', '13', '14', '15', '26'];
const WINDOWS = ['7', '8', '8.1', '10', '11'];

function osProfiles(): Record<string, Profile> {
  const out: Record<string, Profile> = {};
  const base = { libc: null, glibc: null, kernel: null, caRoots: true } as const;
  for (const v of MACOS) out[`macos-${v}`] = { ...base, goos: 'darwin', osVersion: v, zoneinfo: true };
  for (const v of WINDOWS) out[`windows-${v}`] = { ...base, goos: 'windows', osVersion: v, zoneinfo: null };
  return out;
}

const PROFILES: Record<string, Profile> = { ...LINUX_PROFILES, ...osProfiles() };

export const HOST_NAMES: readonly string[] = Object.keys(PROFILES);

export function hostProfile(name: string): RunOnHost | undefined {
  const p = PROFILES[name];
  return p && { name, goarch: '', ...p };
}

/**
 * The oldest OS a Go release runs on, from Go's release notes (go.dev/doc/go1.N, "Ports") and the
 * MinimumRequirements wiki page that collects them. Each row holds from that Go minor on.
 */
const GO_MINIMUMS: Array<{ from: number; goos: string; version: string; note: string }> = [
  // MinimumRequirements wiki, Windows: "For Go 1.11 and later: Windows 7 and higher" (go.dev/doc/go1.10
  // announced Go 1.10 as the last release on XP and Vista).
  { from: 11, goos: 'windows', version: '7', note: 'go.dev/wiki/MinimumRequirements#windows' },
  // go.dev/doc/go1.21#windows: Windows 10 / Server 2016 or later.
  { from: 21, goos: 'windows', version: '10', note: 'go.dev/doc/go1.21#windows' },
  // go.dev/doc/go1.17#darwin: macOS 10.13 High Sierra or later.
  { from: 17, goos: 'darwin', version: '10.13', note: 'go.dev/doc/go1.17#darwin' },
  // go.dev/doc/go1.21#darwin: macOS 10.15 Catalina or later.
  { from: 21, goos: 'darwin', version: '10.15', note: 'go.dev/doc/go1.21#darwin' },
  // go.dev/doc/go1.23#darwin: macOS 11 Big Sur or later.
  { from: 23, goos: 'darwin', version: '11', note: 'go.dev/doc/go1.23#darwin' },
  // go.dev/doc/go1.25#darwin: macOS 12 Monterey or later.
  { from: 25, goos: 'darwin', version: '12', note: 'go.dev/doc/go1.25#darwin' },
  // go.dev/doc/go1.26#darwin: Go 1.27 will require macOS 13 Ventura or later.
  { from: 27, goos: 'darwin', version: '13', note: 'go.dev/doc/go1.26#darwin' },
  // MinimumRequirements wiki, Linux: kernel 2.6.32 up to Go 1.23; go.dev/doc/go1.24#linux: 3.2 or later.
  { from: 0, goos: 'linux', version: '2.6.32', note: 'go.dev/wiki/MinimumRequirements#linux' },
  { from: 24, goos: 'linux', version: '3.2', note: 'go.dev/doc/go1.24#linux' },
];

/** The Go minor of a recorded version ("go1.26.3", "go1.25.1 X:boringcrypto"); null when it is not go1.N. */
export function goMinor(goVersion: string): number | null {
  const m = /^go1\.(\d+)/.exec(goVersion);
  return m ? Number(m[1]) : null;
}

/** The oldest OS (kernel for linux) a binary built by this Go minor runs on; null when no note states one. */
export function goMinimumOs(goos: string, minor: number): { version: string; note: string } | null {
  let best: { version: string; note: string } | null = null;
  for (const row of GO_MINIMUMS) if (row.goos === goos && row.from <= minor) best = { version: row.version, note: row.note };
  return best;
}
