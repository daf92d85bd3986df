// What a binary asks of the machine it runs on, derived from facts the container readers and
// the build info already hold: the C library flavour, the highest glibc / libstdc++ symbol
// version it needs, and the CPU feature level it was compiled for. Pure.

export type Libc = 'glibc' | 'musl' | 'bionic' | 'none' | 'unknown';

/**
 * The C library from the program interpreter and the needed libraries. The loader names are
 * each libc's own: glibc's ld-linux*.so.N / ld64.so.N / ld.so.1 (glibc's sysdeps/*\/ldsodefs.h
 * and shlib-versions), musl's ld-musl-ARCH.so.1 (musl's INSTALL and Makefile), Android's
 * /system/bin/linker[64] (bionic's linker docs). musl's libc.so is itself the loader and
 * libraries name it libc.so or libc.musl-ARCH.so.1 (Alpine); glibc's is libc.so.6.
 */
export function libcOf(format: string, isStatic: boolean | null, interpreter: string | null, needed: readonly string[]): Libc | null {
  if (format !== 'elf') return null;
  if (isStatic) return 'none';
  const interp = interpreter ?? '';
  const base = interp.slice(interp.lastIndexOf('/') + 1);
  if (/^ld-musl-/.test(base) || needed.some((n) => /^libc\.musl-/.test(n))) return 'musl';
  if (/^\/system\/bin\/linker(64)?$/.test(interp)) return 'bionic';
  if (/^(ld-linux.*\.so\.\d+|ld64\.so\.\d+|ld\.so\.1)$/.test(base) || needed.includes('libc.so.6')) return 'glibc';
  // musl-gcc links against musl's libc.so by that name (no soname version).
  if (needed.includes('libc.so')) return interp === '' || /musl/.test(interp) ? 'musl' : 'unknown';
  if (interp === '' && needed.length === 0) return 'none';
  return 'unknown';
}

/** A dotted version compared numerically, part by part ("2.9" < "2.17" < "2.34"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number), pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The highest `PREFIX_x.y[.z]` version named in any library's version needs, as "x.y[.z]";
 * null when none is named. GLIBC_PRIVATE and other non-numeric names do not count.
 */
export function versionFloor(needs: ReadonlyArray<{ versions: readonly string[] }>, prefix: 'GLIBC' | 'GLIBCXX' | 'CXXABI'): string | null {
  const re = new RegExp(`^${prefix}_(\\d+(?:\\.\\d+)*)$`);
  let best: string | null = null;
  for (const n of needs) {
    for (const v of n.versions) {
      const m = re.exec(v);
      if (m && (best === null || compareVersions(m[1], best) > 0)) best = m[1];
    }
  }
  return best;
}

/**
 * The micro-architecture level variable of each GOARCH, its Go default (what a build gets when
 * the variable is unset, and what old binaries that do not record it were built with) and its
 * levels from lowest to highest. Source: `go help environment` (cmd/go/alldocs.go,
 * "Architecture-specific environment variables") and internal/buildcfg/cfg.go defaults.
 * GOARM's default is 7 for a cross compiler (cmd/go docs); GOARM64's levels v8.0..v9.5.
 */
export const CPU_LEVELS: Record<string, { variable: string; baseline: string; levels: readonly string[] }> = {
  amd64: { variable: 'GOAMD64', baseline: 'v1', levels: ['v1', 'v2', 'v3', 'v4'] },
  arm64: { variable: 'GOARM64', baseline: 'v8.0', levels: ['v8.0', 'v8.1', 'v8.2', 'v8.3', 'v8.4', 'v8.5', 'v8.6', 'v8.7', 'v8.8', 'v8.9', 'v9.0', 'v9.1', 'v9.2', 'v9.3', 'v9.4', 'v9.5'] },
  arm: { variable: 'GOARM', baseline: '7', levels: ['5', '6', '7'] },
  '386': { variable: 'GO386', baseline: 'sse2', levels: ['softfloat', 'sse2'] },
  ppc64: { variable: 'GOPPC64', baseline: 'power8', levels: ['power8', 'power9', 'power10'] },
  ppc64le: { variable: 'GOPPC64', baseline: 'power8', levels: ['power8', 'power9', 'power10'] },
  riscv64: { variable: 'GORISCV64', baseline: 'rva20u64', levels: ['rva20u64', 'rva22u64', 'rva23u64'] },
};

export interface CpuLevel {
  variable: string;
  /** The level alone: "v3", "v8.2", "7" (GOARM's ",softfloat"/",hardfloat" suffix dropped). */
  level: string;
  /** Not recorded in the build info: Go's default applies. */
  default: boolean;
}

/** The CPU level a Go binary was built for; null when the arch has no level variable or no build info. */
export function cpuLevelOf(goarch: string, settings: ReadonlyArray<{ key: string; value: string }> | null): CpuLevel | null {
  const spec = CPU_LEVELS[goarch];
  if (!spec || !settings) return null;
  const raw = settings.find((s) => s.key === spec.variable)?.value;
  if (raw === undefined || raw === '') return { variable: spec.variable, level: spec.baseline, default: true };
  return { variable: spec.variable, level: raw.split(',')[0], default: false };
}

/** Rank of a level in its arch's order; -1 when the level is not one Go knows. */
export function levelRank(goarch: string, level: string): number {
  return CPU_LEVELS[goarch]?.levels.indexOf(level) ?? -1;
}

export function formatCpuLevel(c: CpuLevel | null): string | null {
  return c ? `${c.variable}=${c.level}${c.default ? ' (default)' : ''}` : null;
}
