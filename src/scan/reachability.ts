// Trivy says which advisories a release's modules carry; govulncheck says which vulnerable
// functions the program can reach. The join (pure, tested on recorded output) gives every
// advisory a reachability and applies the vuln-reachability policy: an advisory below the
// required level stays visible as a warning marked dormant, with the reason; one that cannot be
// analysed is never downgraded.
import { finding, rule, type Finding, type Location, type Rule } from '../pipeline/findings.ts';
import type { GovulncheckFinding, GovulncheckFrame, GovulncheckOsv, GovulncheckReport } from './govulncheck.ts';
import { ruleIdFor } from './findings.ts';

export type Reachability = 'called' | 'imported' | 'required' | 'not analysed';
export type ReachabilityPolicy = 'any' | 'imported' | 'called';

const RANK: Record<Reachability, number> = { 'not analysed': -1, required: 0, imported: 1, called: 2 };

export interface ReachInfo {
  osv: string;
  level: Exclude<Reachability, 'not analysed'>;
  /** The shortest call path, from the program into the vulnerable function (called only). */
  path?: GovulncheckFrame[];
  /** GOOS/GOARCH where it is at that level. */
  platforms: string[];
}

export interface PlatformRun {
  /** e.g. linux/amd64 */
  platform: string;
  report: GovulncheckReport;
}

function levelOf(f: GovulncheckFinding): ReachInfo['level'] {
  const top = f.trace[0];
  if (top.function) return 'called';
  if (top.package) return 'imported';
  return 'required';
}

/** Per OSV id, the highest level over every platform, and the shortest call path among them. */
export function reachabilityByOsv(runs: readonly PlatformRun[]): Map<string, ReachInfo> {
  const out = new Map<string, ReachInfo>();
  for (const { platform, report } of runs) {
    for (const f of report.findings) {
      const level = levelOf(f);
      const path = level === 'called' ? [...f.trace].reverse() : undefined;
      const cur = out.get(f.osv);
      if (!cur || RANK[level] > RANK[cur.level]) {
        out.set(f.osv, { osv: f.osv, level, ...(path ? { path } : {}), platforms: [platform] });
      } else if (level === cur.level) {
        if (!cur.platforms.includes(platform)) cur.platforms.push(platform);
        if (path && (!cur.path || path.length < cur.path.length)) cur.path = path;
      }
    }
  }
  return out;
}

/** The program's own modules: trace frames without a version are in the analysed module (or workspace). */
export function mainModulesOf(runs: readonly PlatformRun[]): Set<string> {
  return new Set(runs.flatMap((r) => r.report.findings.flatMap((f) => f.trace.filter((x) => !x.version).map((x) => x.module))));
}

/** Every id an OSV entry goes by (GO-…, CVE-…, GHSA-…) -> the entry. */
export function aliasIndex(runs: readonly PlatformRun[]): Map<string, GovulncheckOsv> {
  const index = new Map<string, GovulncheckOsv>();
  for (const { report } of runs) {
    for (const osv of report.osvs.values()) {
      for (const id of [osv.id, ...osv.aliases]) index.set(id.toUpperCase(), osv);
    }
  }
  return index;
}

/** A frame as a person reads it: pkg.Func (file:line). */
export function frameText(f: GovulncheckFrame): string {
  const pkg = f.package ? f.package.split('/').pop() : f.module;
  const name = f.function ? `${pkg}.${f.receiver ? `${f.receiver.replace(/^\*/, '')}.` : ''}${f.function}` : pkg;
  return f.position ? `${name} (${f.position.filename}:${f.position.line})` : `${name}`;
}

/** The first frames of a call path, for a message or a table cell. */
export function pathText(path: readonly GovulncheckFrame[], max = 4): string {
  const shown = path.slice(0, max).map(frameText);
  if (path.length > max) shown.splice(max - 1, shown.length, '…', frameText(path[path.length - 1]));
  return shown.join(' → ');
}

export interface Advisory {
  finding: Finding;
  /** Trivy's id for it (CVE-…, GHSA-…, GO-…). */
  id: string;
}

export interface JoinOptions {
  policy: ReachabilityPolicy;
  /** Whether govulncheck ran; if not, every advisory is "not analysed". */
  analysed: boolean;
  /** Why not, for the message. */
  notAnalysedReason?: string;
  /** The module directory relative to the repository root ('' at the root): govulncheck's file names are relative to it. */
  moduleDir: string;
  /** Where a module is required (its go.mod line), for entries only govulncheck reports. */
  requireLocation(module: string): Location | undefined;
  /** Whether an advisory at this level fails the gate when it is reachable enough (Trivy's severity does this for its own). */
  govulncheckOnlySeverity: 'error' | 'warning';
}

export interface JoinedAdvisory {
  finding: Finding;
  reachability: Reachability;
  path?: GovulncheckFrame[];
  platforms: string[];
  dormant: boolean;
  source: 'trivy' | 'govulncheck';
  id: string;
}

function joinPath(dir: string, file: string): string {
  return dir ? `${dir.replace(/\/+$/, '')}/${file}` : file;
}

/** Where a called advisory lives in the module's own code: the program's frame that makes the call. */
function callSite(path: readonly GovulncheckFrame[], moduleDir: string, mainModules: ReadonlySet<string>): Location | undefined {
  // The last frame of the program's own code on the way in: where the call into the dependency is.
  const own = path.filter((f) => mainModules.has(f.module) && f.position);
  const site = own[own.length - 1];
  return site?.position ? { file: joinPath(moduleDir, site.position.filename), line: site.position.line, ...(site.position.column ? { column: site.position.column } : {}) } : undefined;
}

/** Code-flow steps for SARIF: every frame, located where it is in the repository. */
export function codeFlowOf(path: readonly GovulncheckFrame[], moduleDir: string, mainModules: ReadonlySet<string>): { message: string; location?: Location }[] {
  return path.map((f) => ({
    message: frameText(f),
    ...(mainModules.has(f.module) && f.position ? { location: { file: joinPath(moduleDir, f.position.filename), line: f.position.line } } : {}),
  }));
}

function describe(level: Reachability, info: ReachInfo | undefined, why?: string): string {
  switch (level) {
    case 'called': return `reachable: called on ${info!.platforms.join(', ')} via ${pathText(info!.path ?? [])}`;
    case 'imported': return `imported, but no vulnerable function is called (${info!.platforms.join(', ')})`;
    case 'required': return 'required only: no vulnerable package is imported';
    default: return `reachability not analysed${why ? ` (${why})` : ''}`;
  }
}

/** Whether an advisory at this reachability fails under the policy (not analysed always does). */
export function meetsPolicy(level: Reachability, policy: ReachabilityPolicy): boolean {
  if (policy === 'any' || level === 'not analysed') return true;
  return RANK[level] >= RANK[policy];
}

/**
 * Trivy's advisories annotated with reachability and the policy applied; then the entries only
 * govulncheck reported (the Go DB's own, the standard library of the Go used) as findings of
 * their own.
 */
export function joinReachability(advisories: readonly Advisory[], runs: readonly PlatformRun[], o: JoinOptions): { joined: JoinedAdvisory[]; rules: Rule[] } {
  const reach = reachabilityByOsv(runs);
  const index = aliasIndex(runs);
  const mainModules = mainModulesOf(runs);
  const seenOsv = new Set<string>();
  const joined: JoinedAdvisory[] = [];
  for (const a of advisories) {
    const osv = index.get(a.id.toUpperCase());
    if (osv) seenOsv.add(osv.id);
    const info = osv ? reach.get(osv.id) : undefined;
    // govulncheck ran and knows the entry but found nothing at any level: the module is not even required on these platforms.
    const level: Reachability = !o.analysed ? 'not analysed' : info ? info.level : osv ? 'required' : 'not analysed';
    const why = !o.analysed ? o.notAnalysedReason : !osv ? 'not in the Go vulnerability database govulncheck used' : undefined;
    const dormant = a.finding.severity === 'error' && !meetsPolicy(level, o.policy);
    // Nothing analysed and a policy that would not use it: the advisory reads as Trivy reported it.
    if (!o.analysed && o.policy === 'any') {
      joined.push({ finding: a.finding, reachability: level, platforms: [], dormant: false, source: 'trivy', id: a.id });
      continue;
    }
    const f: Finding = {
      ...a.finding,
      ...(dormant ? { severity: 'warning' as const } : {}),
      message: `${a.finding.message} Reachability: ${describe(level, info, why)}${dormant ? `; dormant under vuln-reachability: ${o.policy}, so it does not fail the gate` : ''}.`,
    };
    if (level === 'called' && info?.path) {
      const site = callSite(info.path, o.moduleDir, mainModules);
      if (site) f.location = site;
    }
    joined.push({ finding: f, reachability: level, ...(info?.path ? { path: info.path } : {}), platforms: info?.platforms ?? [], dormant, source: 'trivy', id: a.id });
  }
  const rules: Rule[] = [];
  for (const info of reach.values()) {
    if (seenOsv.has(info.osv)) continue;
    const osv = [...index.values()].find((x) => x.id === info.osv)!;
    const module = osv.modules[0] ?? 'unknown module';
    const r = rule({
      id: ruleIdFor(info.osv),
      name: `Vulnerability${info.osv.replace(/[^A-Za-z0-9]+/g, '')}`,
      shortDescription: `${info.osv}: ${osv.summary || `a vulnerability in ${module}`}`.slice(0, 1000),
      fullDescription: `${info.osv}${osv.aliases.length ? ` (${osv.aliases.join(', ')})` : ''} in ${module}, reported by govulncheck from the Go vulnerability database (which carries no severity): ${osv.summary}`.slice(0, 4000),
      help: `See https://pkg.go.dev/vuln/${info.osv}. Upgrade the module (or the Go version, for the standard library) to a fixed version.`,
      helpUri: `https://pkg.go.dev/vuln/${info.osv}`,
      defaultSeverity: o.govulncheckOnlySeverity,
      tool: 'govulncheck',
    });
    rules.push(r);
    const meets = meetsPolicy(info.level, o.policy) && info.level === 'called';
    const severity = meets ? o.govulncheckOnlySeverity : 'warning';
    const location = (info.level === 'called' && info.path ? callSite(info.path, o.moduleDir, mainModules) : undefined) ?? o.requireLocation(module);
    const f = finding(r, 'scan', {
      severity,
      message: `${module} has ${info.osv}${osv.aliases.length ? ` (${osv.aliases.join(', ')})` : ''}: ${osv.summary || 'see the advisory'}. Reported by govulncheck only. Reachability: ${describe(info.level, info)}${severity === 'warning' && info.level !== 'called' ? '; not called, so it does not fail the gate' : ''}.`,
      ...(location ? { location } : {}),
      subject: `govulncheck\0${info.osv}`,
    });
    joined.push({ finding: f, reachability: info.level, ...(info.path ? { path: info.path } : {}), platforms: info.platforms, dormant: severity === 'warning', source: 'govulncheck', id: info.osv });
  }
  return { joined, rules };
}
