// `go-release-gate inspect [--json] [--go-version-m] FILE...`: readelf + ldd + `go version -m`
// in one command that works the same on every OS. Exit 0 when every file was read, 1 when
// one could not be parsed, 2 on a usage error.
import { inspectFile, toJson, type BinaryInfo } from '../inspect/binary.ts';
import { FormatError } from '../inspect/errors.ts';
import { formatCpuLevel } from '../inspect/runtime-needs.ts';

export interface CommandOutput {
  stdout(s: string): void;
  stderr(s: string): void;
}

const USAGE = `usage: go-release-gate inspect [--json | --go-version-m] FILE...

Reads ELF, PE and Mach-O binaries without native tools and prints, per file: format,
architecture, static or dynamic (interpreter, needed libraries, rpath), libc flavour,
symbol version needs and glibc floor, CPU level, stripped, PIE, RELRO, NX, build ids,
Go build info, leaked source paths, tzdata, certificate roots and UPX.

  --json           one JSON array of records (fields documented in docs/inspect.md)
  --go-version-m   print exactly what \`go version -m FILE\` prints
`;

const yn = (v: boolean | null) => (v === null ? 'n/a' : v ? 'yes' : 'no');
const list = (xs: string[]) => (xs.length ? xs.join(', ') : '-');

function describe(b: BinaryInfo, file: string): string {
  const lines: Array<[string, string]> = [
    ['format', `${b.format} ${b.arch} (${b.bits}-bit, ${b.endian} endian), ${b.type}`],
    ['static', yn(b.static)],
    ['interpreter', b.interpreter ?? '-'],
    ['needed', list(b.needed)],
  ];
  if (b.libc !== null) lines.push(['libc', b.libc]);
  for (const n of b.versionNeeds) lines.push([`versions ${n.file}`, list(n.versions)]);
  const floors = [b.glibcFloor && `GLIBC_${b.glibcFloor}`, b.glibcxxFloor && `GLIBCXX_${b.glibcxxFloor}`, b.cxxabiFloor && `CXXABI_${b.cxxabiFloor}`].filter(Boolean);
  if (b.libc !== null) lines.push(['needs at least', floors.length ? floors.join(', ') : '-']);
  const cpu = formatCpuLevel(b.cpuLevel);
  if (cpu) lines.push(['cpu level', cpu]);
  if (b.rpath.length) lines.push(['rpath', list(b.rpath)]);
  if (b.runpath.length) lines.push(['runpath', list(b.runpath)]);
  lines.push(['hardening', `stripped ${yn(b.stripped)}, PIE ${yn(b.pie)}, RELRO ${b.relro}, NX ${yn(b.nx)}`]);
  if (b.goBuildId) lines.push(['go build id', b.goBuildId]);
  if (b.gnuBuildId) lines.push(['gnu build id', b.gnuBuildId]);
  const bi = b.buildInfo;
  if (bi) {
    lines.push(['go', bi.goVersion]);
    if (bi.path) lines.push(['path', bi.path]);
    if (bi.main) lines.push(['module', `${bi.main.path} ${bi.main.version}`.trim()]);
    lines.push(['deps', String(bi.deps.length)]);
    const s = (k: string) => bi.settings.find((x) => x.key === k)?.value;
    if (s('vcs.revision')) lines.push(['vcs', `${s('vcs') ?? ''} ${s('vcs.revision')}${s('vcs.modified') === 'true' ? ' (modified)' : ''}`.trim()]);
    lines.push(['settings', bi.settings.filter((x) => !x.key.startsWith('vcs') && x.key !== 'DefaultGODEBUG').map((x) => `${x.key}=${x.value}`).join(' ')]);
  } else {
    lines.push(['go', b.buildInfoError ? `build info unreadable: ${b.buildInfoError}` : b.go ? 'Go, no build info' : 'not a Go binary']);
  }
  const leaks = b.leakedPaths;
  lines.push(['leaked paths', leaks.count ? `${leaks.count}, e.g. ${leaks.examples.slice(0, 3).join(', ')}` : '0']);
  lines.push(['tzdata', `${yn(b.tzdata)} (calls time.LoadLocation: ${yn(b.usesLoadLocation)})`]);
  lines.push(['ca roots', `system roots ${b.usesSystemRoots ? 'loaded' : 'not loaded'}, own roots ${b.embedsRoots ? 'embedded' : 'none'}`]);
  lines.push(['upx', yn(b.upx)]);
  const width = Math.max(...lines.map(([k]) => k.length));
  return `${file}\n${lines.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}\n`;
}

export async function runInspectCommand(args: string[], out: CommandOutput): Promise<number> {
  let json = false;
  let goVersionM = false;
  const files: string[] = [];
  let flags = true;
  for (const a of args) {
    if (flags && a === '--') flags = false;
    else if (flags && a === '--json') json = true;
    else if (flags && a === '--go-version-m') goVersionM = true;
    else if (flags && (a === '-h' || a === '--help')) {
      out.stdout(USAGE);
      return 0;
    } else if (flags && a.startsWith('-') && a !== '-') {
      out.stderr(`inspect: unknown flag ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0 || (json && goVersionM)) {
    out.stderr(`inspect: ${files.length === 0 ? 'no FILE given' : '--json and --go-version-m exclude each other'}\n${USAGE}`);
    return 2;
  }
  let failed = false;
  const records = [];
  for (const file of files) {
    let info: BinaryInfo;
    try {
      info = await inspectFile(file);
    } catch (e) {
      failed = true;
      const why = e instanceof FormatError ? e.message : (e as NodeJS.ErrnoException).code ? (e as Error).message : String(e);
      out.stderr(goVersionM ? `${file}: could not read Go build info from ${file}: ${why}\n` : `${file}: ${why}\n`);
      continue;
    }
    if (info.buildInfoError) failed = true;
    if (goVersionM) {
      if (info.goVersionM) out.stdout(info.goVersionM);
      else {
        failed = true;
        out.stderr(`${file}: could not read Go build info from ${file}: ${info.buildInfoError ?? 'not a Go executable'}\n`);
      }
    } else if (json) records.push(...toJson(info));
    else {
      for (const s of info.slices ?? [info]) out.stdout(describe(s, info.slices ? `${file} (${s.arch})` : file));
      if (info.buildInfoError) out.stderr(`${file}: Go build info unreadable: ${info.buildInfoError}\n`);
    }
  }
  if (json) out.stdout(`${JSON.stringify(records, null, 2)}\n`);
  return failed ? 1 : 0;
}
