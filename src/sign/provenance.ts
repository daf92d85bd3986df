// SLSA v1 provenance of a release, as one in-toto statement (provenance.intoto.jsonl holds it on
// one line). Pure: the sign stage hands in what the run knows and writes the result.
//
// The subjects are read from SHA256SUMS itself (plus SHA256SUMS's own digest), so a subject list
// that differs from the published checksums cannot be written: the two say the same thing.
import type { SumLine } from '../modules/gosum.ts';
import { ldflagsFor } from '../build/args.ts';

export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
export const SLSA_PROVENANCE_V1_TYPE = 'https://slsa.dev/provenance/v1';
/** What "building" means here: go build of the listed targets by go-release-gate. */
export const BUILD_TYPE = 'https://github.com/go-release-gate/go-release-gate/buildtypes/go-build/v1';

export interface Subject {
  name: string;
  digest: { sha256: string };
}

export class ChecksumsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChecksumsError';
  }
}

/** SHA256SUMS ("<hex>  <name>" or "<hex> *<name>" a line) as subjects, in file order. */
export function subjectsFromChecksums(text: string, file = 'SHA256SUMS'): Subject[] {
  const subjects: Subject[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) throw new ChecksumsError(`${file}:${i + 1}: not "<sha256>  <file>"`);
    if (subjects.some((s) => s.name === m[2])) throw new ChecksumsError(`${file}:${i + 1}: ${m[2]} is listed twice`);
    subjects.push({ name: m[2], digest: { sha256: m[1] } });
  });
  return subjects;
}

export interface ResourceDescriptor {
  uri?: string;
  name?: string;
  digest: Record<string, string>;
}

/**
 * How the release was built: the build inputs and the modules it resolved. An unsharded run
 * takes them from its own config and go.sum; a merge from the shards that built the binaries
 * (each records them in shard.json), so the provenance says what was built, wherever.
 */
export interface BuildParameters {
  /** GOOS/GOARCH, in input order. */
  targets: string[];
  packages: string[];
  ldflags: string;
  tags: string[];
  cgo: boolean;
  strip: boolean;
  /** Every module go.sum names (moduleDependencies). */
  dependencies: ResourceDescriptor[];
}

export interface ProvenanceInput extends BuildParameters {
  /** SHA256SUMS's text, and its own SHA-256. */
  checksums: { name: string; text: string; sha256: string };
  gateVersion: string;
  goVersion: string;
  /** e.g. https://github.com/org/app; absent outside GitHub. */
  repositoryUrl?: string;
  ref?: string;
  commit?: string;
  /** The workflow that ran the build: https://github.com/<GITHUB_WORKFLOW_REF>. */
  builderId: string;
  /** e.g. https://github.com/org/app/actions/runs/1/attempts/1 */
  invocationId?: string;
  startedOn?: string;
}

/**
 * Every module go.sum names, once per version: the module tree hash (h1, as go.sum writes it,
 * base64) when go.sum has it, else the go.mod hash (a module only read for its requirements).
 */
export function moduleDependencies(lines: readonly SumLine[]): ResourceDescriptor[] {
  const byModule = new Map<string, { tree?: string; goMod?: string }>();
  for (const l of lines) {
    const key = `${l.path}@${l.version}`;
    const e = byModule.get(key) ?? {};
    if (l.goMod) e.goMod ??= l.hash;
    else e.tree ??= l.hash;
    byModule.set(key, e);
  }
  return [...byModule.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, e]) => {
    const digest: Record<string, string> = e.tree ? { 'go-module-h1': e.tree.replace(/^h1:/, '') } : { 'go-mod-h1': e.goMod!.replace(/^h1:/, '') };
    return { uri: `pkg:golang/${key}`, name: key, digest };
  });
}

export function provenanceStatement(p: ProvenanceInput): Record<string, unknown> {
  const subject: Subject[] = [...subjectsFromChecksums(p.checksums.text, p.checksums.name), { name: p.checksums.name, digest: { sha256: p.checksums.sha256 } }];
  const source: ResourceDescriptor[] = p.repositoryUrl && p.commit
    ? [{ uri: `git+${p.repositoryUrl}${p.ref ? `@${p.ref}` : ''}`, digest: { gitCommit: p.commit } }]
    : p.commit ? [{ name: 'source', digest: { gitCommit: p.commit } }] : [];
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject,
    predicateType: SLSA_PROVENANCE_V1_TYPE,
    predicate: {
      buildDefinition: {
        buildType: BUILD_TYPE,
        externalParameters: {
          targets: p.targets,
          packages: p.packages,
          ldflags: p.ldflags,
          tags: p.tags,
          cgo: p.cgo,
          strip: p.strip,
          ...(p.repositoryUrl ? { source: { repository: p.repositoryUrl, ...(p.ref ? { ref: p.ref } : {}) } } : {}),
        },
        internalParameters: {
          gateVersion: p.gateVersion,
          goVersion: p.goVersion,
          // Fixed by the gate for every build: part of what makes two runs give the same bytes.
          buildFlags: ['-trimpath', '-buildvcs=auto', `-ldflags=${ldflagsFor(p)}`, ...(p.tags.length ? [`-tags=${p.tags.join(',')}`] : [])],
          env: { CGO_ENABLED: p.cgo ? '1' : '0', GOTOOLCHAIN: 'local' },
        },
        resolvedDependencies: [...source, ...p.dependencies],
      },
      runDetails: {
        builder: { id: p.builderId, version: { 'go-release-gate': p.gateVersion } },
        metadata: {
          ...(p.invocationId ? { invocationId: p.invocationId } : {}),
          ...(p.startedOn ? { startedOn: p.startedOn } : {}),
        },
      },
    },
  };
}

/** The statement's subjects equal SHA256SUMS's lines (plus SHA256SUMS): the check a consumer can repeat. */
export function subjectsMatchChecksums(statement: unknown, checksumsText: string, checksumsName: string, checksumsSha256: string): string | undefined {
  const subj = (statement as { subject?: unknown })?.subject;
  if (!Array.isArray(subj)) return 'the statement has no subject list';
  const want = [...subjectsFromChecksums(checksumsText, checksumsName), { name: checksumsName, digest: { sha256: checksumsSha256 } }];
  const key = (s: { name?: unknown; digest?: { sha256?: unknown } }) => `${String(s.name)} ${String(s.digest?.sha256)}`;
  const got = subj.map(key).sort();
  const exp = want.map(key).sort();
  if (got.length !== exp.length || got.some((g, i) => g !== exp[i])) return `subjects ${got.join(', ')} differ from SHA256SUMS ${exp.join(', ')}`;
  return undefined;
}
