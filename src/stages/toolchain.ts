// Toolchain stage: resolve the Go version, then use the tool cache, the go on PATH, or a
// download whose SHA-256 is checked against the listing before anything is extracted.
import fs from 'node:fs';
import path from 'node:path';
import { finding, rule, type Finding } from '../pipeline/findings.ts';
import type { GoToolchain, Stage, StageContext, StageOutcome } from '../pipeline/stage.ts';
import {
  describeSpec, goPlatform, goToSemver, parseGoVersionSpec, parseVersionFile, pickInstalled, pickRelease, satisfies,
  type GoVersionSpec,
} from '../toolchain/version.ts';
import { archiveFor, parseListing, safeFileName } from '../toolchain/listing.ts';
import { displayPath, findOnPath } from '../util/path.ts';
import { installTool, InstallError } from '../tools/install.ts';
import { probeGo } from '../toolchain/probe.ts';

const UNRESOLVED = rule({
  id: 'toolchain/version-unresolved',
  name: 'GoVersionUnresolved',
  shortDescription: 'The Go version to build with could not be determined.',
  fullDescription: 'go-version / go-version-file did not name a Go version that exists: the file is missing, has no go line, or no release matches.',
  help: 'Set go-version (1.26.3, 1.26.x, stable) or point go-version-file at a go.mod with a go or toolchain line.',
  defaultSeverity: 'error',
});
const DOWNLOAD = rule({
  id: 'toolchain/download-failed',
  name: 'GoDownloadFailed',
  shortDescription: 'The Go toolchain could not be downloaded.',
  fullDescription: 'The Go downloads listing or archive could not be fetched from go-download-base-url.',
  help: 'Check go-download-base-url (a mirror must serve the same layout and the ?mode=json&include=all listing) and the network.',
  defaultSeverity: 'error',
});
const CHECKSUM = rule({
  id: 'toolchain/checksum-mismatch',
  name: 'GoChecksumMismatch',
  shortDescription: 'A downloaded Go archive does not match its published SHA-256.',
  fullDescription: 'The Go archive downloaded for this run does not have the SHA-256 the downloads listing publishes. It was not extracted or used.',
  help: 'A truncated download or a tampered mirror. Retry; if it persists, compare the mirror with the official listing.',
  defaultSeverity: 'error',
  securitySeverity: 8.0,
});

class ToolchainFailure extends Error {
  readonly finding: Finding;
  constructor(f: Finding) {
    super(f.message);
    this.finding = f;
  }
}

function fail(r: typeof UNRESOLVED, message: string, extra: Partial<Pick<Finding, 'location' | 'details'>> = {}): never {
  throw new ToolchainFailure(finding(r, 'toolchain', { message, ...extra }));
}

/** Which version, and from where it was read (for the message and the finding's location). */
export function resolveSpec(ctx: StageContext): { spec: GoVersionSpec; from: string; file?: string; line?: number } {
  const { config } = ctx;
  if (config.goVersion) return { spec: parseGoVersionSpec(config.goVersion), from: 'input go-version' };
  const candidates = config.goVersionFile ? [config.goVersionFile] : ['go.work', 'go.mod'];
  for (const name of candidates) {
    const file = path.resolve(config.dir, name);
    if (!fs.existsSync(file)) {
      if (config.goVersionFile) fail(UNRESOLVED, `go-version-file ${displayPath(ctx.config.workspace, file)} does not exist`);
      continue;
    }
    try {
      const r = parseVersionFile(displayPath(ctx.config.workspace, file), fs.readFileSync(file, 'utf8'));
      return { spec: r.spec, from: `${displayPath(ctx.config.workspace, file)}:${r.line} (${r.from})`, file: displayPath(ctx.config.workspace, file), line: r.line };
    } catch (e) {
      const m = /^(.*?):(\d+):/.exec((e as Error).message);
      fail(UNRESOLVED, (e as Error).message, { location: { file: m ? m[1] : displayPath(ctx.config.workspace, file), line: m ? Number(m[2]) : 1 } });
    }
  }
  return fail(UNRESOLVED, `no go-version input and no go.mod or go.work in ${displayPath(ctx.config.workspace, config.dir) || '.'}`);
}

type Probe = { version: string; goroot: string } | undefined;
// One `go env` per binary per run: finding a go on PATH and checking the chosen one ask the same.
const probes = new WeakMap<StageContext['state'], Map<string, Promise<Probe>>>();

function probe(ctx: StageContext, bin: string): Promise<Probe> {
  let seen = probes.get(ctx.state);
  if (!seen) probes.set(ctx.state, (seen = new Map()));
  let p = seen.get(bin);
  if (!p) seen.set(bin, (p = probeGo(ctx.ports, bin)));
  return p;
}

/** What the user asked for and where that was written: every failure message starts from it. */
interface Wanted {
  spec: GoVersionSpec;
  from: string;
  file?: string;
  line?: number;
}

/** A toolchain found or installed; cacheVersion names the tool-cache entry this run created. */
type Located = GoToolchain & { cacheVersion?: string };

/** Why the go on PATH did not do (one clause), or undefined when there is none. */
type PathNote = { bin?: string; text: string };

/**
 * A download that could not happen: which Go was wanted and from which line, the network's own
 * error, why the go on PATH was not used, and the two ways out.
 */
function unreachable(ctx: StageContext, wanted: Wanted, onPath: PathNote, what: string, url: string, error: unknown): never {
  // The installers say "GET <url>: <why>"; the URL is already in `what`.
  const reason = ((error as Error).message ?? String(error)).replace(`GET ${url}: `, '');
  const system = onPath.bin
    ? `set go-version to system (CLI: --go-version system) to build with ${onPath.bin}`
    : 'install Go on PATH and set go-version to system (CLI: --go-version system)';
  return fail(
    DOWNLOAD,
    `Go ${describeSpec(wanted.spec)} (wanted by ${wanted.from}) could not be downloaded: ${what}: ${reason}. ` +
      `Not using the go on PATH: ${onPath.text}. ` +
      `Ways out: ${system}, or point go-download-base-url at a mirror this machine can reach (now ${ctx.config.goDownloadBaseUrl}).`,
    wanted.file ? { location: { file: wanted.file, line: wanted.line } } : {},
  );
}

async function download(ctx: StageContext, wanted: Wanted, onPath: PathNote): Promise<Located> {
  const { tools, log } = ctx.ports;
  const spec = wanted.spec;
  const base = ctx.config.goDownloadBaseUrl;
  const listingUrl = `${base}/?mode=json&include=all`;
  let listingFile: string;
  try {
    listingFile = await tools.download(listingUrl);
  } catch (e) {
    return unreachable(ctx, wanted, onPath, `could not read the Go downloads listing ${listingUrl}`, listingUrl, e);
  }
  let releases;
  try {
    releases = parseListing(fs.readFileSync(listingFile, 'utf8'), listingUrl);
  } catch (e) {
    return fail(DOWNLOAD, (e as Error).message);
  }
  const release = pickRelease(releases, spec);
  if (!release) return fail(UNRESOLVED, `no Go release in ${listingUrl} matches ${describeSpec(spec)}`);
  const plat = goPlatform(process.platform, process.arch);
  const file = archiveFor(release, plat.os, plat.arch);
  if (!file) return fail(UNRESOLVED, `Go ${release.version} has no archive for ${plat.os}/${plat.arch} in ${listingUrl}`);
  if (!safeFileName(file.filename)) return fail(DOWNLOAD, `the listing names an unexpected file "${file.filename}"`);
  if (!/^[0-9a-f]{64}$/.test(file.sha256)) return fail(DOWNLOAD, `the listing has no valid SHA-256 for ${file.filename}`);
  const url = `${base}/${file.filename}`;
  // The one installer, with Go's own listing as the digest source (go.dev publishes a SHA-256 per file).
  const version = goToSemver(release.version);
  let installed;
  try {
    installed = await installTool(tools, {
      tool: 'go', version, arch: process.arch, url, asset: file.filename, sha256: file.sha256, ...(file.size ? { size: file.size } : {}),
      digestSource: `the Go downloads listing ${listingUrl}`, packing: file.filename.endsWith('.zip') ? 'zip' : 'tar.gz',
      root: 'go', program: process.platform === 'win32' ? 'bin/go.exe' : 'bin/go',
    }, log);
  } catch (e) {
    if (!(e instanceof InstallError)) throw e;
    if (e.kind === 'download') return unreachable(ctx, wanted, onPath, `could not download ${url}`, url, e.reason ?? e);
    return fail(e.kind === 'checksum' ? CHECKSUM : DOWNLOAD, e.message);
  }
  return { bin: installed.bin, version: release.version, goroot: installed.dir, source: 'download', cacheVersion: version };
}

function goBin(goroot: string): string {
  return path.join(goroot, 'bin', process.platform === 'win32' ? 'go.exe' : 'go');
}

async function locate(ctx: StageContext, wanted: Wanted): Promise<Located> {
  const { tools, log } = ctx.ports;
  const spec = wanted.spec;
  if (spec.kind === 'system') {
    const bin = findOnPath('go', ctx.ports.env.PATH);
    const p = bin && (await probe(ctx, bin));
    if (!bin || !p) return fail(UNRESOLVED, 'go-version is "system" but no working go is on PATH');
    return { bin, version: p.version, goroot: p.goroot, source: 'path' };
  }
  const cachedVersion = pickInstalled(tools.versions('go', process.arch), spec);
  if (cachedVersion) {
    const dir = tools.find('go', goToSemver(cachedVersion), process.arch);
    if (dir && fs.existsSync(goBin(dir))) return { bin: goBin(dir), version: cachedVersion, goroot: dir, source: 'tool-cache' };
  }
  const onPath = findOnPath('go', ctx.ports.env.PATH);
  const p = onPath && (await probe(ctx, onPath));
  if (onPath && p && satisfies(p.version, spec)) {
    log.info(`Using go ${p.version} from PATH (${onPath}): it satisfies ${describeSpec(spec)}`);
    return { bin: onPath, version: p.version, goroot: p.goroot, source: 'path' };
  }
  return download(ctx, wanted, pathNote(spec, onPath, p || undefined));
}

function pathNote(spec: GoVersionSpec, bin: string | undefined, p: { version: string } | undefined): PathNote {
  if (!bin) return { text: 'there is no go on PATH' };
  if (!p) return { bin, text: `${bin} does not run (go env failed)` };
  if (spec.kind === 'stable' || spec.kind === 'oldstable') return { bin, text: `${bin} is go ${p.version}, and which release is ${spec.kind} needs the downloads listing` };
  return { bin, text: `${bin} is go ${p.version}, which does not satisfy ${describeSpec(spec)}` };
}

/** The summary's toolchain table; shown on failure too, so the Wanted row says what was asked for. */
function toolchainTable(wanted: Wanted | undefined, go: string, source: string, goroot: string): NonNullable<StageOutcome['table']> {
  return { header: ['Go', 'Wanted', 'Source', 'GOROOT'], rows: [[go, wanted ? wanted.from.replace(/\|/g, '/') : 'could not be determined', source, goroot]] };
}

export const toolchainStage: Stage = {
  name: 'toolchain',
  rules: [UNRESOLVED, DOWNLOAD, CHECKSUM],
  async run(ctx: StageContext): Promise<StageOutcome> {
    let wanted: Wanted | undefined;
    try {
      wanted = resolveSpec(ctx);
      const { spec, from, file, line } = wanted;
      const go = await locate(ctx, wanted);
      // Never trust a directory name: ask the toolchain what it is.
      const p = await probe(ctx, go.bin);
      const broken = !p
        ? `${go.bin} does not run (go env failed)`
        : p.version !== go.version && !satisfies(p.version, spec)
          ? `${go.bin} reports go${p.version}, which does not satisfy ${describeSpec(spec)} from ${from}`
          : undefined;
      if (broken) {
        // A download that does not run (or is not what the listing said) must not stay in the
        // tool cache marked complete: the next run would find it and trust it.
        if (go.source === 'download' && go.cacheVersion) {
          await ctx.ports.tools.uncache('go', go.cacheVersion, process.arch);
          return fail(UNRESOLVED, `${broken}; the downloaded toolchain was removed from the tool cache`, file ? { location: { file, line } } : {});
        }
        return fail(UNRESOLVED, broken, file ? { location: { file, line } } : {});
      }
      const toolchain: GoToolchain = { bin: go.bin, version: p!.version, goroot: p!.goroot, source: go.source };
      ctx.state.go = toolchain;
      const binDir = path.dirname(go.bin);
      ctx.state.goEnv = {
        ...ctx.state.goEnv,
        // Our go commands must never fetch another toolchain behind our back (GOTOOLCHAIN=auto).
        GOTOOLCHAIN: 'local',
        PATH: `${binDir}${path.delimiter}${ctx.state.goEnv.PATH ?? ''}`,
      };
      ctx.ports.outputs.addPath(binDir);
      ctx.state.facts['go-version'] = toolchain.version;
      ctx.state.facts['go-source'] = toolchain.source;
      return {
        status: 'passed',
        findings: [],
        table: toolchainTable(wanted, toolchain.version, go.source, toolchain.goroot),
        metrics: { goVersion: toolchain.version, source: toolchain.source },
      };
    } catch (e) {
      if (e instanceof ToolchainFailure) {
        return { status: 'failed', reason: e.message, findings: [e.finding], table: toolchainTable(wanted, 'not installed', e.finding.ruleId.replace(/^toolchain\//, ''), '') };
      }
      throw e;
    }
  },
};
