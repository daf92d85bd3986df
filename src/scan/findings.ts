// Trivy's results -> the gate's findings: one rule per advisory, one finding per advisory and
// module version, located at the go.mod line that requires the module (or the binary that
// contains it when no go.mod line does). The same advisory found in go.mod and in the binaries
// is one finding that names every place: the gate, SARIF and the summary count it once.
import { finding, rule, type Finding, type Location, type Rule, type Severity } from '../pipeline/findings.ts';
import type { GoMod } from '../modules/gomod.ts';
import type { ScanSeverity } from '../config/config.ts';
import { SEVERITY_ORDER, type TrivySeverity, type TrivySuppressed, type TrivyTarget, type TrivyVuln } from './trivy.ts';

/** security-severity when the advisory carries no CVSS score. */
export const SEVERITY_SCORE: Record<TrivySeverity, number | undefined> = { CRITICAL: 9.5, HIGH: 7.5, MEDIUM: 5.5, LOW: 3.0, UNKNOWN: undefined };

/** A go.mod Trivy read (fs scan), with its parsed form for line numbers. */
export interface ModuleScan {
  /** Repository-relative path of the go.mod. */
  file: string;
  gomod?: GoMod;
  result: TrivyTarget;
}

/** A built binary Trivy read (rootfs scan). */
export interface BinaryScan {
  /** Repository-relative path of the binary. */
  artifact: string;
  result: TrivyTarget;
}

export interface IgnoredVuln {
  vuln: TrivyVuln;
  where: string[];
  statement: string;
  source: string;
}

export interface ScanFindings {
  findings: Finding[];
  rules: Rule[];
  ignored: IgnoredVuln[];
  /** One row per finding, for the summary table. */
  rows: { vuln: TrivyVuln; level: Severity; where: string[] }[];
}

/** error at or above the threshold; below it MEDIUM and up warn, LOW and UNKNOWN are notes. */
export function levelFor(sev: TrivySeverity, threshold: ScanSeverity): Severity {
  const rank = SEVERITY_ORDER.indexOf(sev);
  if (threshold !== 'NONE' && rank >= SEVERITY_ORDER.indexOf(threshold)) return 'error';
  return rank >= SEVERITY_ORDER.indexOf('MEDIUM') ? 'warning' : 'note';
}

/** A rule id the `rules` input can name: scan/cve-2022-32149, scan/ghsa-69ch-w2m2-3vjp. */
export function ruleIdFor(advisory: string): string {
  return `scan/${advisory.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'advisory'}`;
}

function bare(v: string): string {
  return v.replace(/^v/, '');
}

function fixedVersions(v: TrivyVuln): string[] {
  return v.fixed.split(',').map((s) => s.trim()).filter(Boolean);
}

/** The first fixed version Trivy lists (it lists them lowest first, one per release line). */
function fixTarget(v: TrivyVuln): string | undefined {
  return fixedVersions(v)[0];
}

export function advisoryRule(v: TrivyVuln, threshold: ScanSeverity): Rule {
  const score = v.cvss ?? SEVERITY_SCORE[v.severity];
  const title = v.title || `${v.id} in ${v.pkg}`;
  const fix = fixTarget(v);
  const upgrade = v.pkg === 'stdlib'
    ? (fix ? `Build with Go ${bare(fix)} or later (go-version input or go.mod's toolchain line).` : 'No fixed Go release is known yet.')
    : (fix ? `Upgrade: go get ${v.pkg}@v${bare(fix)} && go mod tidy, then rebuild.` : 'No fixed version is known yet: avoid the affected code path, or ignore it with a statement and an expiry in .trivyignore.');
  const more = v.primaryUrl ? ` Advisory: ${v.primaryUrl}` : '';
  return rule({
    id: ruleIdFor(v.id),
    name: `Vulnerability${v.id.replace(/[^A-Za-z0-9]+/g, '')}`,
    shortDescription: `${v.id} (${v.severity}): ${title}`.slice(0, 1000),
    fullDescription: `${v.id} (${v.severity}${v.cvss !== undefined ? `, CVSS ${v.cvss}` : ''}) in ${v.pkg}: ${v.description || title}`.slice(0, 4000),
    help: `${upgrade} To accept the risk for a while, add "${v.id} exp:YYYY-MM-DD" to .trivyignore.${more}`,
    ...(/^https:\/\/[^\s()<>]+$/.test(v.primaryUrl) ? { helpUri: v.primaryUrl } : {}),
    defaultSeverity: levelFor(v.severity, threshold),
    ...(score !== undefined ? { securitySeverity: score } : {}),
    tool: 'trivy',
  });
}

function gomodLocation(m: ModuleScan, pkg: string): Location {
  const g = m.gomod;
  if (!g) return { file: m.file, line: 1 };
  if (pkg === 'stdlib') {
    const line = g.toolchain?.line ?? g.go?.line ?? g.module.line;
    return { file: m.file, line };
  }
  const r = g.requires.find((x) => x.path === pkg);
  if (r) return { file: m.file, line: r.line };
  const rep = g.replaces.find((x) => x.new.path === pkg || x.old.path === pkg);
  return { file: m.file, line: rep ? rep.line : g.module.line };
}

function placeName(loc: Location): string {
  return loc.file ? `${loc.file}:${loc.line ?? 1}` : (loc.artifact ?? '');
}

interface Group {
  vuln: TrivyVuln;
  locations: Location[];
}

function keyOf(v: TrivyVuln): string {
  return `${v.id}\0${v.pkg}\0${bare(v.installed)}`;
}

export function scanFindings(modules: readonly ModuleScan[], binaries: readonly BinaryScan[], threshold: ScanSeverity): ScanFindings {
  const groups = new Map<string, Group>();
  const ignored = new Map<string, IgnoredVuln>();
  const add = (v: TrivyVuln, loc: Location) => {
    const g = groups.get(keyOf(v)) ?? { vuln: v, locations: [] };
    if (!g.locations.some((l) => placeName(l) === placeName(loc))) g.locations.push(loc);
    groups.set(keyOf(v), g);
  };
  const addIgnored = (s: TrivySuppressed, where: string) => {
    const i = ignored.get(keyOf(s.vuln)) ?? { vuln: s.vuln, where: [], statement: s.statement, source: s.source };
    if (!i.where.includes(where)) i.where.push(where);
    ignored.set(keyOf(s.vuln), i);
  };
  for (const m of modules) {
    for (const v of m.result.vulns) add(v, gomodLocation(m, v.pkg));
    for (const s of m.result.suppressed) addIgnored(s, placeName(gomodLocation(m, s.vuln.pkg)));
  }
  for (const b of binaries) {
    for (const v of b.result.vulns) add(v, { artifact: b.artifact });
    for (const s of b.result.suppressed) addIgnored(s, b.artifact);
  }
  const rules = new Map<string, Rule>();
  const findings: Finding[] = [];
  const rows: ScanFindings['rows'] = [];
  for (const { vuln: v, locations } of groups.values()) {
    const r = rules.get(ruleIdFor(v.id)) ?? advisoryRule(v, threshold);
    rules.set(r.id, r);
    // A go.mod line is where the fix goes: it comes first.
    const ordered = [...locations.filter((l) => l.file), ...locations.filter((l) => !l.file)];
    const where = ordered.map(placeName);
    const fix = fixTarget(v);
    const level = levelFor(v.severity, threshold);
    const message = `${v.pkg} ${v.installed} has ${v.id} (${v.severity}${v.cvss !== undefined ? `, CVSS ${v.cvss}` : ''}): ${v.title || 'see the advisory'}; ${fix ? `fixed in ${fix}` : 'no fixed version yet'}. Found in ${where.join(', ')}.`;
    findings.push(finding(r, 'scan', {
      severity: level,
      message,
      location: ordered[0],
      subject: keyOf(v),
      ...(fix ? { fix: v.pkg === 'stdlib' ? `build with Go ${bare(fix)} or later` : `go get ${v.pkg}@v${bare(fix)} && go mod tidy` } : {}),
    }));
    rows.push({ vuln: v, level, where });
  }
  return { findings, rules: [...rules.values()], ignored: [...ignored.values()], rows };
}
