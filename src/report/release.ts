// The release report: what a person publishing (or auditing) a release needs on one screen.
// Where a check did not run, it says so ("not scanned", "not signed"): never an empty cell
// that reads like "nothing found".
import type { Report } from './model.ts';
import { allRules } from './model.ts';
import type { StageResult } from '../pipeline/stage.ts';
import { cell, code, formatBytes, table } from './escape.ts';

function stage(r: Report, name: string) {
  return r.run.stages.find((s) => s.name === name);
}

function toolchainText(r: Report): string {
  if (!r.go) return 'not installed (the toolchain stage did not complete)';
  const source = { 'tool-cache': 'runner tool cache', path: 'the go on PATH', download: 'downloaded, SHA-256 verified' }[r.go.source];
  return `go${cell(r.go.version)} (${source}, GOROOT ${code(r.go.goroot)}); every go command ran with GOTOOLCHAIN=local`;
}

function revisionText(r: Report): string {
  const rev = r.facts['vcs.revision'];
  if (rev) {
    const extra = [r.facts['vcs.time'] ? `committed ${cell(r.facts['vcs.time'])}` : '', r.facts['vcs.modified'] === 'true' ? '**built from a modified work tree**' : ''].filter(Boolean).join(', ');
    return `${code(rev)} (from the binaries' build info${extra ? `; ${extra}` : ''})`;
  }
  const sha = r.config.event.sha;
  return sha
    ? `${code(sha)} (the workflow's commit; the binaries carry no vcs stamp)`
    : 'unknown: the binaries carry no vcs stamp and no commit was given (GITHUB_SHA)';
}

const BUCKETS: [string, number][] = [['critical', 9], ['high', 7], ['medium', 4], ['low', 0]];

function vulnerabilityText(r: Report): string {
  const scan = stage(r, 'scan');
  if (!scan) return '**not scanned**: this version of go-release-gate has no scan stage';
  if (scan.status === 'skipped') return `**not scanned**: ${cell(scan.reason ?? 'the scan stage was skipped')}`;
  if (scan.status === 'errored') return `**not scanned**: the scan could not complete (${cell(scan.reason ?? 'error')})`;
  const sev = new Map(allRules(r.run).map((x) => [x.id, x.securitySeverity]));
  const counts = new Map(BUCKETS.map(([name]) => [name, 0]));
  let unrated = 0;
  for (const f of scan.findings) {
    const s = sev.get(f.ruleId);
    if (s === undefined) {
      unrated++;
      continue;
    }
    const bucket = BUCKETS.find(([, min]) => s >= min)![0];
    counts.set(bucket, counts.get(bucket)! + 1);
  }
  const total = scan.findings.length;
  if (total === 0) return '0 known vulnerabilities';
  const parts = BUCKETS.map(([name]) => `${counts.get(name)} ${name}`);
  if (unrated) parts.push(`${unrated} other finding(s)`);
  return `${total}: ${parts.join(', ')}`;
}

const TRIVY_FROM: Record<string, string> = { 'trivy-path': 'trivy-path', PATH: 'the trivy on PATH', 'tool-cache': 'the tool cache', download: 'downloaded' };

/** Which Trivy scanned and with which DB: version, where it came from, the digest it was verified against, the DB's age and source. */
function scannerText(r: Report): string | undefined {
  const m = stage(r, 'scan')?.metrics;
  if (!m?.trivyVersion) return undefined;
  const sha = m.trivySha256 ? `, archive SHA-256 ${code(String(m.trivySha256))} verified` : '';
  const db = m.dbUpdatedAt ? `vulnerability DB updated ${cell(String(m.dbUpdatedAt))} (${cell(String(m.dbAge))} old), ${cell(String(m.dbSource))}` : `vulnerability DB ${cell(String(m.dbSource ?? 'unknown'))}`;
  return `Trivy ${cell(String(m.trivyVersion))} (${TRIVY_FROM[String(m.trivySource)] ?? cell(String(m.trivySource))}${sha}); ${db}`;
}

type Facts = Readonly<Record<string, string>>;

function signatureText(sign: StageResult | undefined, facts: Facts): string {
  if (!sign) return '**not signed**: this version of go-release-gate has no signing stage; check downloads against SHA256SUMS';
  if (sign.status === 'skipped') return `**not signed**: ${cell(sign.reason ?? 'the sign stage was skipped')}`;
  if (sign.status !== 'passed') return `**signing failed**: ${cell(sign.reason ?? 'see the sign section')}`;
  const verify = facts['sign.verify'];
  const n = signatures(facts).length;
  if (facts['sign.method'] === 'keyless') {
    return `signed keyless with cosign: ${n} Sigstore bundle(s), certificate identity ${code(facts['sign.identity'] ?? '')}, issuer ${code(facts['sign.issuer'] ?? '')}${verify ? `; verify with ${code(verify)}` : ''}`;
  }
  return `signed with cosign: ${n} Sigstore bundle(s), public key ${code(facts['sign.public-key-display'] ?? 'cosign.pub')}${verify ? `; verify with ${code(verify)}` : ''}`;
}

function provenanceText(sign: StageResult | undefined, facts: Facts): string {
  const file = facts['sign.provenance-display'];
  if (!file) {
    if (sign?.status === 'passed') return '**not written**: provenance is written for releases (release mode)';
    return '**not written**: provenance is signed with the release, and the release was not signed';
  }
  const verified = facts['sign.provenance-verified'] === 'true';
  return `SLSA v1 in-toto statement ${code(file)}, attested in ${code(facts['sign.provenance-bundle'] ?? '')}${verified ? ', verified' : ', **verification failed**'}; check a download against it with ${code(facts['sign.provenance-verify'] ?? '')}`;
}

interface Signature { path: string; bundle: string; verified: boolean; command?: string }

function signatures(facts: Facts): Signature[] {
  try {
    const v: unknown = JSON.parse(facts['sign.signatures'] ?? '[]');
    return Array.isArray(v) ? (v as Signature[]) : [];
  } catch {
    return [];
  }
}

/** The release report's signing rows (Signatures, Provenance, cosign): a run's and a merge's alike. */
export function signingRows(sign: StageResult | undefined, facts: Facts): string[][] {
  return [
    ['Signatures', signatureText(sign, facts)],
    ['Provenance', provenanceText(sign, facts)],
    ...(facts['sign.cosign'] ? [['cosign', cell(facts['sign.cosign'])]] : []),
  ];
}

/** Each bundle with the exact command that verifies it (run where the downloads are). */
export function signatureTable(facts: Facts): string[] {
  const sigs = signatures(facts);
  if (!sigs.length) return [];
  return [
    table(['Signed file', 'Bundle', 'Verified here', 'Verify a download'], sigs.map((x) => [code(x.path), code(x.bundle), x.verified ? 'yes' : '**no**', x.command ? code(x.command) : ''])),
    '',
  ];
}

export function renderReleaseReport(r: Report): string {
  const out: string[] = [];
  const tag = r.config.event.tag;
  out.push(`### 📦 Release report${tag ? ` for ${code(tag)}` : ''}`, '');
  if (r.artifacts.length) {
    out.push(table(['Binary', 'Target', 'Size', 'SHA-256'], r.artifacts.map((a) => [code(a.displayPath), `${a.goos}/${a.goarch}`, `${formatBytes(a.size)} (${a.size} bytes)`, code(a.sha256)])), '');
    out.push('Check a download: `sha256sum --ignore-missing -c SHA256SUMS` (macOS: `shasum -a 256 --ignore-missing -c SHA256SUMS`).', '');
  } else {
    out.push('**No binaries were built.**', '');
  }
  out.push(table(['', ''], [
    ['Go toolchain', toolchainText(r)],
    ['Revision', revisionText(r)],
    ['Vulnerabilities', vulnerabilityText(r)],
    ...(scannerText(r) ? [['Scanner', scannerText(r)!]] : []),
    ...signingRows(stage(r, 'sign'), r.facts),
  ]), '');
  out.push(...signatureTable(r.facts));
  return out.join('\n');
}
