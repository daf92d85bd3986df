// Running govulncheck for the scan stage: the pinned build (or govulncheck-path), source mode,
// once per GOOS/GOARCH of the targets (what is reachable differs per platform), with the run's
// build tags and go environment, so it reads the module and build caches the gate restored.
// reachability: on fails closed; auto says "not analysed" and why.
import type { StageContext } from '../pipeline/stage.ts';
import { findOnPath, isExecutableFile } from '../util/path.ts';
import { installGoBuiltTool } from '../tools/gobuild.ts';
import { govulncheckArgs, parseGovulncheck } from './govulncheck.ts';
import type { PlatformRun } from './reachability.ts';

/** The pinned govulncheck: served by the module proxy, builds with Go 1.26. */
export const GOVULNCHECK = { tool: 'govulncheck', pkg: 'golang.org/x/vuln/cmd/govulncheck', version: 'v1.9.0', program: 'govulncheck' } as const;

const RUN_TIMEOUT_MS = 20 * 60 * 1000;

export interface ReachabilityRun {
  analysed: boolean;
  /** Why not, in a few words, when not analysed. */
  reason?: string;
  runs: PlatformRun[];
  tool?: { version: string; source: string; bin: string };
  db: string;
}

export async function runReachability(ctx: StageContext): Promise<ReachabilityRun> {
  const { config, ports, state } = ctx;
  const db = config.govulncheckDb;
  if (config.reachability === 'off') return { analysed: false, reason: 'reachability: off', runs: [], db };
  const notAnalysed = (why: string): ReachabilityRun => {
    if (config.reachability === 'on') throw new Error(`${why}; reachability is "on", so the gate cannot pass without it (set reachability: auto or off, or govulncheck-path)`);
    ports.log.warning(`reachability not analysed: ${why}`);
    return { analysed: false, reason: why, runs: [], db };
  };
  const go = state.go;
  if (!go) return notAnalysed('no Go toolchain');
  let bin: string;
  let source: string;
  if (config.govulncheckPath) {
    if (!isExecutableFile(config.govulncheckPath)) return notAnalysed(`govulncheck-path ${config.govulncheckPath} is not an executable file`);
    bin = config.govulncheckPath;
    source = 'govulncheck-path';
  } else if (config.reachability === 'auto' && config.vulnReachability === 'any' && !ports.tools.find(GOVULNCHECK.tool, GOVULNCHECK.version.slice(1), process.arch)) {
    // auto does not spend a build on a policy that does not use the answer: a govulncheck on
    // PATH is used, none is built (reachability: on, or a vuln-reachability policy, builds it).
    const onPath = findOnPath('govulncheck', ports.env.PATH);
    if (!onPath) return { analysed: false, reason: 'no govulncheck (govulncheck-path, tool cache, PATH); reachability: on or vuln-reachability: called|imported builds the pinned one', runs: [], db };
    bin = onPath;
    source = 'PATH';
  } else {
    try {
      const t = await installGoBuiltTool(GOVULNCHECK, { exec: ports.exec, log: ports.log, tools: ports.tools, go: go.bin, env: state.goEnv, tempDir: ports.tempDir, arch: process.arch });
      bin = t.bin;
      source = t.source === 'tool-cache' ? 'tool cache' : `built from ${GOVULNCHECK.pkg}@${GOVULNCHECK.version}`;
    } catch (e) {
      return notAnalysed(`govulncheck ${GOVULNCHECK.version} could not be installed: ${(e as Error).message}`);
    }
  }
  const platforms = [...new Set(config.targets.map((t) => `${t.goos}/${t.goarch}`))];
  const runs: PlatformRun[] = [];
  let version = '';
  for (const platform of platforms) {
    const [goos, goarch] = platform.split('/');
    const env = { ...state.goEnv, GOOS: goos, GOARCH: goarch, CGO_ENABLED: config.cgo ? '1' : '0', ...(state.modFlag ? { GOFLAGS: `${state.goEnv.GOFLAGS ?? ''} ${state.modFlag}`.trim() } : {}) };
    const r = await ports.exec.run(bin, govulncheckArgs({ db, tags: config.tags, patterns: ['./...'] }), { cwd: config.dir, env, timeoutMs: RUN_TIMEOUT_MS });
    if (r.timedOut) return notAnalysed(`govulncheck did not finish within ${RUN_TIMEOUT_MS / 60000} minutes for ${platform}`);
    // In -json mode govulncheck exits 0 with findings; anything else is a failure to analyse.
    if (r.code !== 0) return notAnalysed(`govulncheck exited with code ${r.code} for ${platform}: ${lastLine(r.stderr || r.stdout)}`);
    let report;
    try {
      report = parseGovulncheck(r.stdout);
    } catch (e) {
      return notAnalysed(`${(e as Error).message} (${platform})`);
    }
    version = report.scannerVersion || version;
    runs.push({ platform, report });
  }
  return { analysed: true, runs, tool: { version, source, bin }, db };
}

function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return (lines.find((l) => /error|fail|cannot|no such/i.test(l)) ?? lines[lines.length - 1] ?? '(no output)').slice(0, 400);
}
