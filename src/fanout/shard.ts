// A shard run: the same pipeline as a whole run (toolchain, caches, modules, build, inspect,
// scan) over this shard's share of the build jobs, never signing (signing is the merge's, once,
// over the merged set), and then shard.json next to the usual reports: the bundle.
import { ConfigError, parseShardInput, type Config, type RawInputs } from '../config/config.ts';
import { runGate, type GateOptions, type GateOutcome } from '../run.ts';
import type { Ports } from '../ports/ports.ts';
import type { Stage } from '../pipeline/stage.ts';
import { skipped } from '../pipeline/stage.ts';
import { STAGES } from '../stages/index.ts';
import { childEnv } from '../util/childenv.ts';
import { GATE_VERSION } from '../version.ts';
import { setIdOf, shareOf, shardLabel, sortJobs, type BuildJob, type Shard } from './split.ts';
import { MANIFEST_NAME, MANIFEST_SCHEMA, renderManifest, type ShardManifest } from './manifest.ts';
import { buildParametersOf } from '../stages/sign.ts';
import type { BuildParameters } from '../sign/provenance.ts';

/** The pipeline's stages with signing kept (its rules stay known to the rules input) but never run. */
export const SHARD_STAGES: readonly Stage[] = STAGES.map((s) =>
  s.name === 'sign' ? { ...s, run: async () => skipped('a shard never signs: the merge job signs the merged release once') } : s,
);

export interface ShardOutcome extends GateOutcome {
  shard: Shard;
  manifest: ShardManifest;
  manifestFile: string;
}

export async function runShard(inputs: RawInputs, ports: Ports, options: GateOptions = {}): Promise<ShardOutcome> {
  const shard = parseShardInput(inputs.shard ?? '');
  if (!shard) throw new ConfigError('shard', 'is empty: a shard run needs i/n');
  let all: BuildJob[] = [];
  // The cache scope tells matrix legs apart by job and by the inputs that change what is built;
  // shards share both, yet each builds (and caches) other targets: the shard is part of the job.
  const env = { ...ports.env, GITHUB_JOB: `${ports.env.GITHUB_JOB ?? ''}/shard-${shard.index}-of-${shard.count}` };
  const outcome = await runGate(inputs, { ...ports, env }, {
    ...options,
    stages: SHARD_STAGES,
    selectJobs: (jobs) => {
      all = sortJobs(jobs);
      const mine = shareOf(all, shard);
      ports.log.info(`shard ${shardLabel(shard)}: ${mine.length} of ${all.length} build job(s)`);
      return mine;
    },
  });
  const { report, result } = outcome;
  const manifest: ShardManifest = {
    schema: MANIFEST_SCHEMA,
    shard,
    set: { id: setIdOf(all, shard.count), jobs: all },
    jobs: shareOf(all, shard),
    commit: await sourceCommit(outcome.config, ports),
    runner: { os: ports.platform.os, arch: ports.platform.arch },
    startedAt: result.startedAt.toISOString(),
    durationMs: result.durationMs,
    verdict: result.verdict.passed ? 'pass' : 'fail',
    reasons: result.verdict.reasons,
    goVersion: report.goVersion,
    toolVersion: GATE_VERSION,
    defaultFile: report.defaultFile,
    binaries: report.artifacts.map((a) => ({ name: a.name, goos: a.goos, goarch: a.goarch, pkg: a.pkg, size: a.size, sha256: a.sha256 })),
    build: buildParameters(outcome.config, ports),
    files: {
      report: 'report.json',
      sarif: 'results.sarif',
      summary: 'summary.md',
      ...(outcome.files.checksums ? { checksums: 'SHA256SUMS' } : {}),
    },
  };
  const manifestFile = outcome.out.write(MANIFEST_NAME, renderManifest(manifest));
  return { ...outcome, shard, manifest, manifestFile };
}

/** How the shard built, for the merge's provenance; a go.sum that does not parse has already failed the modules stage. */
function buildParameters(config: Config, ports: Ports): BuildParameters {
  try {
    return buildParametersOf(config);
  } catch (e) {
    ports.log.warning(`shard: go.sum could not be read for the provenance (${(e as Error).message}): the bundle lists no module dependencies`);
    return buildParametersOf(config, []);
  }
}

/** The commit the shard built: the runner's GITHUB_SHA, else HEAD of the checkout, else unknown (''). */
async function sourceCommit(config: Config, ports: Ports): Promise<string> {
  if (config.event.sha) return config.event.sha;
  try {
    const r = await ports.exec.run('git', ['rev-parse', 'HEAD'], { cwd: config.dir, env: childEnv('git', ports.env) });
    const sha = r.stdout.trim();
    if (r.code === 0 && /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(sha)) return sha;
  } catch {
    // No git: the merge then sees an unknown commit.
  }
  ports.log.warning('shard: the source commit is unknown (no GITHUB_SHA and no git checkout): the merge cannot tell shards of different commits apart');
  return '';
}
