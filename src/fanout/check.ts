// What the merge checks before it believes a set of shard bundles: every shard of the set
// arrived once, all split the same set from the same commit with the same toolchain, each
// passed, each built exactly its share, and every binary still has the digest its shard wrote
// down. Pure: the bundles are read (and the binaries hashed) by bundle.ts; each problem is a
// finding that names the shard.
import { finding, rule, type Finding } from '../pipeline/findings.ts';
import { artifactFileName, binaryName } from '../build/args.ts';
import { sameJobs, shardLabel, shareOf, type BuildJob } from './split.ts';
import type { ShardManifest } from './manifest.ts';
import type { BuildParameters } from '../sign/provenance.ts';

const help = (text: string) => `${text} Re-run the shard jobs of one workflow run (or one commit) and merge their bundles.`;

export const MISSING_SHARD = rule({
  id: 'merge/missing-shard', name: 'MissingShard',
  shortDescription: 'A shard of the set did not arrive.',
  fullDescription: 'The shards say the release is split n ways, and no bundle of one of them was given to the merge (its job failed before uploading, was skipped or cancelled, or its artifact is missing). A release missing a shard is missing binaries.',
  help: help('Check the shard job named in the message.'),
  defaultSeverity: 'error',
});
export const UNREADABLE_BUNDLE = rule({
  id: 'merge/unreadable-bundle', name: 'UnreadableBundle',
  shortDescription: 'A shard bundle could not be read.',
  fullDescription: 'A directory given to the merge has no valid shard.json, report.json, results.sarif or SHA256SUMS, so nothing in it can be checked.',
  help: help('Point the merge at the output directories of shard runs (run --shard i/n).'),
  defaultSeverity: 'error',
});
export const DUPLICATE_SHARD = rule({
  id: 'merge/duplicate-shard', name: 'DuplicateShard',
  shortDescription: 'Two bundles claim the same shard.',
  fullDescription: 'Two bundles carry the same shard number of one set; the merge cannot tell which one is the release.',
  help: help('Give each shard bundle once.'),
  defaultSeverity: 'error',
});
export const OTHER_SET = rule({
  id: 'merge/other-set', name: 'OtherSet',
  shortDescription: 'A shard belongs to another set.',
  fullDescription: 'A shard split a different list of targets x packages, a different number of shards, or built with another Go or go-release-gate version or other build inputs (ldflags, tags, cgo, strip, packages, go.sum) than the others, or its share is not the one the split gives it, or it was built in check mode for a release: its binaries are not part of this release.',
  help: help('Give every shard the same inputs, toolchain, mode and shard count (n of i/n).'),
  defaultSeverity: 'error',
});
export const OTHER_COMMIT = rule({
  id: 'merge/other-commit', name: 'OtherCommit',
  shortDescription: 'A shard built another commit.',
  fullDescription: 'A shard bundle records a different source commit than the other shards: the merged release would mix two versions of the code.',
  help: help('A re-run of only some shards after a new push mixes commits.'),
  defaultSeverity: 'error',
});
export const SHARD_FAILED = rule({
  id: 'merge/shard-failed', name: 'ShardFailed',
  shortDescription: 'A shard did not pass.',
  fullDescription: 'A shard\'s own verdict was fail: one of its checks failed or could not run. The merged release never passes over a failed shard.',
  help: help('Read that shard\'s summary; the reasons are repeated in the message.'),
  defaultSeverity: 'error',
});
export const CHECKSUM_MISMATCH = rule({
  id: 'merge/checksum-mismatch', name: 'ChecksumMismatch',
  shortDescription: 'A binary does not match its shard\'s checksum.',
  fullDescription: 'A binary in a shard bundle is missing, or its SHA-256 differs from the one its shard wrote into SHA256SUMS and shard.json: it changed between build and merge (tampered or corrupted), or the shard did not deliver a binary of its share.',
  help: help('Never publish it: find out who could write the bundle between the shard and the merge.'),
  defaultSeverity: 'error',
});

export const FOREIGN_OUTPUT = rule({
  id: 'merge/foreign-output', name: 'ForeignOutput',
  shortDescription: 'The merge output directory holds files the merge did not produce.',
  fullDescription: 'Whatever is in the merge output directory is what an upload of it publishes. Files the gate writes left by an earlier run are removed first; any other entry is not the gate\'s to delete, so the merge fails naming it.',
  help: 'Point --out (output-dir) at a directory only go-release-gate writes to, or remove the files named in the message.',
  defaultSeverity: 'error',
});

export const MERGE_RULES = [FOREIGN_OUTPUT, MISSING_SHARD, UNREADABLE_BUNDLE, DUPLICATE_SHARD, OTHER_SET, OTHER_COMMIT, SHARD_FAILED, CHECKSUM_MISMATCH];

/** A bundle as the merge sees it: its manifest, the report verdict, its SHA256SUMS lines. */
export interface ShardView {
  /** Where it came from, as shown in messages (a directory or an artifact name). */
  source: string;
  manifest: ShardManifest;
  /** verdict field of the bundle's report.json. */
  reportVerdict: string;
  checksums: { name: string; sha256: string }[];
}

/** The digest of a binary as the merge read it now; undefined when the file is absent. */
export type ActualDigest = (view: ShardView, name: string) => string | undefined;

export interface SetReference {
  count: number;
  setId: string;
  jobs: BuildJob[];
  commit: string;
  goVersion: string;
  toolVersion: string;
  /** How the set was built (what the merge's provenance states). */
  build?: BuildParameters;
}

/** The build parameters in which two shards differ, by name. */
function buildDifferences(a: BuildParameters, b: BuildParameters): string[] {
  const names = Object.keys({ ...a, ...b }) as (keyof BuildParameters)[];
  return names.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => (k === 'dependencies' ? 'go.sum' : k));
}

function mostCommon<T>(views: readonly ShardView[], keyOf: (v: ShardView) => string, valueOf: (v: ShardView) => T): T | undefined {
  const tally = new Map<string, { n: number; first: number; value: T }>();
  for (const v of views) {
    const k = keyOf(v);
    const t = tally.get(k);
    if (t) t.n++;
    else tally.set(k, { n: 1, first: v.manifest.shard.index, value: valueOf(v) });
  }
  // Most shards win; a tie goes to the set of the lowest shard number, so the answer never depends on argument order.
  return [...tally.values()].sort((a, b) => b.n - a.n || a.first - b.first)[0]?.value;
}

const label = (v: ShardView) => `shard ${shardLabel(v.manifest.shard)} (${v.source})`;

/**
 * Checks the bundles; returns the findings and the shards whose binaries belong to the release
 * (the reference set and commit; every other is named in a finding).
 */
export function checkShards(views: readonly ShardView[], actual: ActualDigest, whereMissing: (index: number, count: number) => string = () => 'no bundle of it was given to the merge'): { findings: Finding[]; members: ShardView[]; reported: ShardView[]; reference?: SetReference } {
  const findings: Finding[] = [];
  const add = (r: typeof MISSING_SHARD, subject: string, message: string, details?: string) =>
    findings.push(finding(r, 'merge', { message, subject, ...(details ? { details } : {}) }));
  const sorted = [...views].sort((a, b) => a.manifest.shard.index - b.manifest.shard.index || (a.source < b.source ? -1 : 1));
  const ref = mostCommon(sorted, (v) => `${v.manifest.shard.count}\0${v.manifest.set.id}`, (v) => ({ count: v.manifest.shard.count, setId: v.manifest.set.id, jobs: v.manifest.set.jobs }));
  if (!ref) return { findings, members: [], reported: [] };
  const inSet = sorted.filter((v) => v.manifest.shard.count === ref.count && v.manifest.set.id === ref.setId);
  for (const v of sorted) {
    if (inSet.includes(v)) continue;
    add(OTHER_SET, `set\0${v.source}`, `${label(v)} belongs to another set: ${v.manifest.shard.count} shards of set ${v.manifest.set.id.slice(0, 12)}, the others ${ref.count} shards of set ${ref.setId.slice(0, 12)} (a different shard count, targets or packages)`);
  }
  const commit = mostCommon(inSet, (v) => v.manifest.commit, (v) => v.manifest.commit) ?? '';
  const goVersion = mostCommon(inSet, (v) => v.manifest.goVersion, (v) => v.manifest.goVersion) ?? '';
  const toolVersion = mostCommon(inSet, (v) => v.manifest.toolVersion, (v) => v.manifest.toolVersion) ?? '';
  const build = mostCommon(inSet, (v) => JSON.stringify(v.manifest.build), (v) => v.manifest.build);
  const reference: SetReference = { ...ref, commit, goVersion, toolVersion, ...(build ? { build } : {}) };

  const members: ShardView[] = [];
  // Shards whose findings belong to this release's report: of the set and the commit, passed or not
  // (a failed shard's findings say why it failed).
  const reported: ShardView[] = [];
  const seen = new Map<number, ShardView>();
  for (const v of inSet) {
    const m = v.manifest;
    const first = seen.get(m.shard.index);
    if (first) {
      add(DUPLICATE_SHARD, `dup\0${m.shard.index}`, `shard ${shardLabel(m.shard)} was given twice: ${first.source} and ${v.source}`);
      continue;
    }
    seen.set(m.shard.index, v);
    let member = true;
    if (m.commit !== commit) {
      add(OTHER_COMMIT, `commit\0${m.shard.index}`, `${label(v)} built commit ${m.commit || '(unknown)'}, the other shards ${commit || '(unknown)'}`);
      member = false;
    }
    if (m.goVersion !== goVersion || m.toolVersion !== toolVersion) {
      add(OTHER_SET, `tool\0${m.shard.index}`, `${label(v)} built with Go ${m.goVersion || '(none)'} and go-release-gate ${m.toolVersion}, the other shards with Go ${goVersion || '(none)'} and go-release-gate ${toolVersion}: pin go-version so every runner builds with the same Go`);
      member = false;
    }
    const differs = build ? buildDifferences(m.build, build) : [];
    if (differs.length) {
      add(OTHER_SET, `build\0${m.shard.index}`, `${label(v)} built with other ${differs.join(', ')} than the other shards: give every shard the same inputs`);
      member = false;
    }
    const share = shareOf(ref.jobs, m.shard);
    if (!sameJobs(m.jobs, share)) {
      add(OTHER_SET, `share\0${m.shard.index}`, `${label(v)} built ${m.jobs.length} job(s), not the ${share.length} its share of the set holds`);
      member = false;
    }
    if (m.verdict !== 'pass' || v.reportVerdict !== 'pass') {
      const why = m.reasons.length ? `: ${m.reasons.join('; ')}` : m.verdict === 'pass' ? ': its report.json says fail' : '';
      add(SHARD_FAILED, `failed\0${m.shard.index}`, `${label(v)} failed${why}`, m.reasons.join('\n'));
      member = false;
    }
    findings.push(...binaryProblems(v, share, actual));
    if (member) members.push(v);
    if (m.commit === commit) reported.push(v);
  }
  for (let i = 1; i <= ref.count; i++) {
    if (!seen.has(i)) add(MISSING_SHARD, `missing\0${i}`, `shard ${i}/${ref.count} did not arrive: ${whereMissing(i, ref.count)}`);
  }
  return { findings, members, reported, reference };
}

/** Every job of the share delivered, listed alike in shard.json and SHA256SUMS, and still the bytes that were hashed. */
function binaryProblems(v: ShardView, share: BuildJob[], actual: ActualDigest): Finding[] {
  const out: Finding[] = [];
  const m = v.manifest;
  const bad = (name: string, message: string) => out.push(finding(CHECKSUM_MISMATCH, 'merge', { message: `${label(v)}: ${message}`, subject: `sum\0${m.shard.index}\0${name}` }));
  const sums = new Map(v.checksums.map((c) => [c.name, c.sha256]));
  const listed = new Map(m.binaries.map((b) => [b.name, b]));
  if (m.verdict === 'pass') {
    for (const j of share) {
      const name = artifactFileName(binaryName(j.pkg), { goos: j.goos, goarch: j.goarch });
      if (!listed.has(name)) bad(name, `${name} (${j.pkg} for ${j.goos}/${j.goarch}) is part of its share but not in its bundle`);
    }
  }
  for (const c of v.checksums) if (!listed.has(c.name)) bad(c.name, `SHA256SUMS lists ${c.name}, which shard.json does not`);
  for (const b of m.binaries) {
    const sum = sums.get(b.name);
    if (sum === undefined) {
      bad(b.name, `${b.name} is not in its SHA256SUMS`);
      continue;
    }
    if (sum !== b.sha256) {
      bad(b.name, `${b.name}: SHA256SUMS says ${sum}, shard.json ${b.sha256}`);
      continue;
    }
    const now = actual(v, b.name);
    if (now === undefined) bad(b.name, `${b.name} is missing from the bundle`);
    else if (now !== sum) bad(b.name, `${b.name} no longer matches its checksum (SHA256SUMS ${sum}, the file now ${now}): tampered with or corrupted after the build`);
  }
  return out;
}
