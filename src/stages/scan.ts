// The scan stage: real Trivy over the module's go.mod (`trivy fs`) and over the built binaries
// (`trivy rootfs`, which reads their Go build info), once; the gate, SARIF, the summary and the
// release report all read the findings made here. Fails closed: a Trivy that is required but
// missing, crashes, writes something that is not its report, or leaves go.mod or a binary out
// of it errors the stage, and an errored stage fails the gate.
import fs from 'node:fs';
import path from 'node:path';
import { finding, rule, type Finding } from '../pipeline/findings.ts';
import { skipped, statusFrom, type Stage, type StageContext, type StageOutcome } from '../pipeline/stage.ts';
import { parseGoMod } from '../modules/gomod.ts';
import { parseTrivyReport, parseTrivyVersion, trivyScanArgs, type TrivyTarget } from '../scan/trivy.ts';
import { IGNORE_FILE_NAMES, isExpired, parseIgnoreFile, type IgnoreEntry } from '../scan/ignorefile.ts';
import { scanFindings, type BinaryScan, type ModuleScan } from '../scan/findings.ts';
import { goModNeedsScan, unscanned } from '../scan/coverage.ts';
import { displayPath, findOnPath, isExecutableFile } from '../util/path.ts';
import { childEnv } from '../util/childenv.ts';
import { reachabilityStep } from '../scan/reach-stage.ts';
import { describeTrivySource, installTrivy, type TrivySource } from '../tools/trivy.ts';
import { formatAge, prepareDb } from '../scan/db.ts';
import { restoreTrivyDb } from './cache.ts';

function sentenceCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const IGNORE_EXPIRED = rule({
  id: 'scan/ignore-expired',
  name: 'IgnoreEntryExpired',
  shortDescription: 'A .trivyignore entry has expired and no longer suppresses its advisory.',
  fullDescription: 'An entry of the Trivy ignore file carries an expiry date that has passed. Trivy applies it no more: the advisory is reported (and gated) again.',
  help: 'Fix the vulnerability, or, if the risk is still accepted, renew the entry with a new expiry date and a statement saying why.',
  defaultSeverity: 'warning',
});
const IGNORE_UNMATCHED = rule({
  id: 'scan/ignore-unmatched',
  name: 'IgnoreEntryUnmatched',
  shortDescription: 'A .trivyignore entry matched no vulnerability.',
  fullDescription: 'An entry of the Trivy ignore file names an advisory that the scan did not find (fixed, or a typo in the id). It suppresses nothing.',
  help: 'Remove the entry when the vulnerability is fixed; otherwise check the id against the advisory.',
  defaultSeverity: 'note',
});
const SCAN_RULES = [IGNORE_EXPIRED, IGNORE_UNMATCHED];

const TRIVY_TIMEOUT_MS = 20 * 60 * 1000;

/**
 * The trivy to run: trivy-path; else with trivy-version: system the first trivy on PATH
 * (undefined when there is none); else trivy-version from the tool cache or downloaded and
 * verified against our digest table. An install that fails errors the stage (fail closed).
 */
async function findTrivy(ctx: StageContext): Promise<TrivySource | undefined> {
  const { config, ports } = ctx;
  if (config.trivyPath) {
    if (!isExecutableFile(config.trivyPath)) throw new Error(`Trivy not found: trivy-path ${config.trivyPath} is not an executable file`);
    return { bin: config.trivyPath, source: 'trivy-path' };
  }
  if (config.trivyVersion === 'system') {
    const bin = findOnPath('trivy', ports.env.PATH);
    return bin ? { bin, source: 'PATH' } : undefined;
  }
  try {
    return await installTrivy(ports.tools, ports.log, {
      version: config.trivyVersion,
      baseUrl: config.trivyDownloadBaseUrl,
      os: ports.platform.os,
      arch: ports.platform.arch,
      nodeArch: process.arch,
      userSha256: config.trivySha256,
    });
  } catch (e) {
    throw new Error(`Trivy ${config.trivyVersion} could not be installed: ${(e as Error).message}. The release is not scanned; set scan: off to not scan, or trivy-path to a Trivy you provide`);
  }
}

/** Trivy's cache dir: trivy-cache-dir (the user's own), else one of the gate's own outside the workspace. */
function gateTrivyCacheDir(ctx: StageContext): string {
  return path.join(ctx.ports.tempDir, 'go-release-gate-trivy');
}

/** Trivy's environment comes from the one allow-list: no runner tokens, no TRIVY_* that silences a check. */
function trivyEnv(ctx: StageContext): Record<string, string> {
  return childEnv('trivy', ctx.ports.env);
}

function lastErrorLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  return (lines.reverse().find((l) => /FATAL|ERROR|error/.test(l)) ?? lines[0] ?? '(no output)').slice(0, 600);
}

/** One sentence on why Trivy failed, saying clearly when it is the vulnerability DB. */
export function explainTrivyFailure(what: string, code: number, stderr: string, cacheDir: string, skipDbUpdate: boolean): string {
  const line = lastErrorLine(stderr);
  const where = cacheDir ? `in ${cacheDir}` : "in Trivy's default cache dir";
  if (/--skip-db-update cannot be specified on the first run|first run/i.test(stderr) || (skipDbUpdate && /no such file|not found/i.test(stderr) && /db/i.test(stderr))) {
    return `Trivy has no vulnerability DB ${where} and trivy-skip-db-update is true, so it may not download one: populate the cache dir (trivy image --download-db-only --cache-dir DIR) or set trivy-skip-db-update: false (${line})`;
  }
  if (/failed to download vulnerability DB|DB error|download.*db|db.*download/i.test(stderr)) {
    return `Trivy has no usable vulnerability DB ${where} and could not download one (rate limit or no network?); cache trivy-cache-dir between runs or set TRIVY_DB_REPOSITORY to a mirror (${line})`;
  }
  return `${what} exited with code ${code}: ${line}`;
}

function findIgnoreFile(ctx: StageContext): string | undefined {
  for (const dir of [ctx.config.dir, ctx.config.workspace]) {
    for (const name of IGNORE_FILE_NAMES) {
      const p = path.join(dir, name);
      if (fs.existsSync(p) && fs.statSync(p).isFile()) return p;
    }
  }
  return undefined;
}

/**
 * Where Trivy runs: a fresh directory of this run, not the module. Trivy reads trivy.yaml (and
 * .trivyignore) from its working directory, and a pull request controls the module's: a
 * committed trivy.yaml with skip-files would silence the scan. The explicit, empty config file
 * here makes sure no other config is looked for.
 */
interface TrivyHome {
  dir: string;
  config: string;
}

function trivyHome(ctx: StageContext): TrivyHome {
  fs.mkdirSync(ctx.ports.tempDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(ctx.ports.tempDir, 'trivy-'));
  const config = path.join(dir, 'trivy.yaml');
  fs.writeFileSync(config, '', { flag: 'wx' });
  return { dir, config };
}

async function runTrivy(ctx: StageContext, trivy: string, home: TrivyHome, kind: 'fs' | 'rootfs', target: string, ignoreFile: string | undefined, skipDirs: string[], n: number): Promise<TrivyTarget[]> {
  const output = path.join(home.dir, `trivy-${kind}-${n}.json`);
  fs.rmSync(output, { force: true });
  const args = trivyScanArgs(kind, target, { cacheDir: ctx.config.trivyCacheDir, skipDbUpdate: ctx.config.trivySkipDbUpdate, output, config: home.config, ignoreFile, skipDirs });
  ctx.ports.log.info(`trivy ${args.join(' ')}`);
  let r;
  try {
    r = await ctx.ports.exec.run(trivy, args, { cwd: home.dir, env: trivyEnv(ctx), timeoutMs: TRIVY_TIMEOUT_MS });
  } catch (e) {
    throw new Error(`trivy ${kind} could not be started (${trivy}): ${(e as Error).message}`);
  }
  if (r.timedOut) throw new Error(`trivy ${kind} ${displayPath(ctx.config.workspace, target)} did not finish within ${TRIVY_TIMEOUT_MS / 60000} minutes`);
  if (r.code !== 0) throw new Error(explainTrivyFailure(`trivy ${kind} ${displayPath(ctx.config.workspace, target)}`, r.code, r.stderr, ctx.config.trivyCacheDir, ctx.config.trivySkipDbUpdate));
  if (!fs.existsSync(output)) throw new Error(`trivy ${kind} ${displayPath(ctx.config.workspace, target)} exited 0 but wrote no report`);
  try {
    return parseTrivyReport(fs.readFileSync(output, 'utf8'));
  } catch (e) {
    throw new Error(`trivy ${kind} ${displayPath(ctx.config.workspace, target)}: ${(e as Error).message}`);
  } finally {
    fs.rmSync(output, { force: true });
  }
}

function parsedGoMod(text: string, file: string, ctx: StageContext) {
  try {
    return parseGoMod(text, displayPath(ctx.config.workspace, file));
  } catch {
    return undefined;
  }
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

async function run(ctx: StageContext): Promise<StageOutcome> {
  const { config } = ctx;
  if (config.scan === 'off') return skipped('scan input "off"');
  const found = await findTrivy(ctx);
  if (!found) {
    const why = 'Trivy was not found (trivy-version: system and no trivy on PATH)';
    if (config.scan === 'on') throw new Error(`${why}; scan is "on", so the gate cannot pass without it`);
    ctx.ports.log.warning(`${why}: the release is not scanned for vulnerabilities. Remove trivy-version: system to let the gate install a verified Trivy, set scan: on to require a scan, scan: off to say you do not want it.`);
    return skipped(`${why}; set scan: on to require a scan`);
  }
  const home = trivyHome(ctx);
  try {
    return await scanWith(ctx, found, home);
  } finally {
    fs.rmSync(home.dir, { recursive: true, force: true });
  }
}

async function scanWith(ctx: StageContext, found: TrivySource, home: TrivyHome): Promise<StageOutcome> {
  const { config } = ctx;
  const trivy = found.bin;
  const verArgs = ['--version', '--format', 'json', '--config', home.config, ...(config.trivyCacheDir ? ['--cache-dir', config.trivyCacheDir] : [])];
  let ver;
  try {
    ver = await ctx.ports.exec.run(trivy, verArgs, { cwd: home.dir, env: trivyEnv(ctx), timeoutMs: 60_000 });
  } catch (e) {
    throw new Error(`Trivy at ${trivy} could not be started: ${(e as Error).message}`);
  }
  if (ver.code !== 0) throw new Error(`Trivy at ${trivy} does not run (trivy --version exited with code ${ver.code}): ${lastErrorLine(ver.stderr || ver.stdout)}`);
  const version = parseTrivyVersion(ver.stdout);

  // The DB, once for every scan of the run; the scans below never update it.
  const restore = config.trivyCacheDir ? undefined : await restoreTrivyDb(ctx, gateTrivyCacheDir(ctx));
  const cacheDir = config.trivyCacheDir || restore!.dir;
  const db = await prepareDb({
    exec: ctx.ports.exec,
    trivy,
    env: trivyEnv(ctx),
    cacheDir,
    repositories: config.trivyDbRepositories,
    tempDir: ctx.ports.tempDir,
    log: ctx.ports.log,
    nowMs: Date.now(),
    maxAgeMs: config.trivyDbMaxAgeMs,
    origin: restore ? (restore.matchedKey ? `restored from the cache (${restore.matchedKey})` : "in the gate's Trivy cache dir") : `in trivy-cache-dir ${cacheDir}`,
    noFetch: config.trivySkipDbUpdate,
  });
  if (db.warning) ctx.ports.log.warning(db.warning);
  ctx = { ...ctx, config: { ...config, trivyCacheDir: cacheDir, trivySkipDbUpdate: true } };

  const ignoreFile = findIgnoreFile(ctx);
  const entries: IgnoreEntry[] = ignoreFile ? parseIgnoreFile(ignoreFile, fs.readFileSync(ignoreFile, 'utf8')) : [];

  // go.mod: the module directory, without the output dir (binaries are the rootfs scan's).
  const skipDirs: string[] = [];
  const outRel = path.relative(config.dir, config.outDir);
  if (outRel && !outRel.startsWith('..') && !path.isAbsolute(outRel)) skipDirs.push(outRel.split(path.sep).join('/'));
  const modules: ModuleScan[] = [];
  for (const r of await runTrivy(ctx, trivy, home, 'fs', config.dir, ignoreFile, skipDirs, 0)) {
    // Only the gated module's own go.mod: nested modules (testdata, tools) are not part of this release.
    if (r.type !== 'gomod' || r.target !== 'go.mod') continue;
    const file = path.join(config.dir, 'go.mod');
    modules.push({ file: displayPath(ctx.config.workspace, file), gomod: parsedGoMod(fs.readFileSync(file, 'utf8'), file, ctx), result: r });
  }

  // Binaries: one rootfs scan per output directory.
  const binaries: BinaryScan[] = [];
  const bins = ctx.state.artifacts.filter((a) => a.goos !== '' && a.goarch !== '');
  const dirs = [...new Set(bins.map((a) => path.dirname(a.path)))];
  const unread = new Set(bins.map((a) => a.displayPath));
  for (const [i, dir] of dirs.entries()) {
    for (const r of await runTrivy(ctx, trivy, home, 'rootfs', dir, ignoreFile, [], i + 1)) {
      const a = bins.find((b) => b.path === path.join(dir, r.target));
      if (!a || r.type !== 'gobinary') continue;
      unread.delete(a.displayPath);
      binaries.push({ artifact: a.displayPath, result: r });
    }
  }

  // Coverage: a target Trivy did not report was not scanned, whatever the reason.
  const goModFile = path.join(config.dir, 'go.mod');
  const goModText = fs.existsSync(goModFile) ? fs.readFileSync(goModFile, 'utf8') : undefined;
  const missing = unscanned({
    ...(goModText !== undefined ? { goMod: { file: displayPath(ctx.config.workspace, goModFile), needsScan: goModNeedsScan(parsedGoMod(goModText, goModFile, ctx), goModText), scanned: modules.length > 0 } } : {}),
    binaries: bins.map((a) => ({ file: a.displayPath, scanned: !unread.has(a.displayPath) })),
  });
  if (missing.length) {
    throw new Error(`Trivy's report has no result for ${missing.join(', ')}: ${missing.length === 1 ? 'it was' : 'they were'} not scanned, so the scan cannot pass. Trivy runs with an empty config of its own; check trivy-path is a real Trivy and that the files are readable Go modules and binaries.`);
  }

  const scan = scanFindings(modules, binaries, config.severity);
  // Reachability annotates Trivy's advisories (and adds what only govulncheck knows) before
  // anything gates or renders them: one set of findings for the verdict, SARIF and the summary.
  const reach = await reachabilityStep(ctx, scan, modules[0]);
  const findings: Finding[] = [...reach.findings];

  // The ignore file: what it suppressed, what expired, what matched nothing.
  const ignoreRel = ignoreFile ? displayPath(ctx.config.workspace, ignoreFile) : '';
  const now = today();
  const matched = new Set([...scan.ignored.map((i) => i.vuln.id), ...scan.rows.map((r) => r.vuln.id)]);
  for (const e of entries) {
    if (isExpired(e, now)) {
      findings.push(finding(IGNORE_EXPIRED, 'scan', {
        message: `${ignoreRel}:${e.line}: the entry for ${e.id} expired on ${e.expires}; Trivy no longer applies it${matched.has(e.id) ? ` and ${e.id} is reported again` : ''}`,
        location: { file: ignoreRel, line: e.line },
        subject: `${e.id}\0${e.expires}`,
      }));
    } else if (!matched.has(e.id)) {
      findings.push(finding(IGNORE_UNMATCHED, 'scan', {
        message: `${ignoreRel}:${e.line}: ${e.id} matched no vulnerability in this scan; the entry suppresses nothing`,
        location: { file: ignoreRel, line: e.line },
        subject: e.id,
      }));
    }
  }

  const result = (f: Finding) => (f.severity === 'error' ? 'fails the gate' : /dormant under/.test(f.message) ? 'dormant (warning)' : f.severity);
  const rows: string[][] = scan.rows.map(({ vuln: v, where }, i) => [v.id, v.severity, v.pkg, v.installed, v.fixed || 'none', where.join(', '), reach.reachability[i] ?? '', result(reach.findings[i])]);
  for (const extra of reach.extraRows) rows.push(extra);
  const ignoredLines: string[] = [];
  for (const ig of scan.ignored) {
    const e = entries.find((x) => x.id === ig.vuln.id);
    const until = e?.expires ? `until ${e.expires}` : 'no expiry';
    const source = `${ignoreRel || ig.source}${e ? `:${e.line}` : ''}`;
    const why = ig.statement || e?.statement;
    rows.push([ig.vuln.id, ig.vuln.severity, ig.vuln.pkg, ig.vuln.installed, ig.vuln.fixed || 'none', ig.where.join(', '), '', `ignored by ${source} (${until})${why ? `: ${why}` : ''}`]);
    ignoredLines.push(`${ig.vuln.id} (${ig.vuln.severity}) in ${ig.vuln.pkg} ${ig.vuln.installed}: ignored by ${source}, ${until}${why ? `, "${why}"` : ''}`);
  }
  const dbText = db.updatedAt ? `vulnerability DB updated ${db.updatedAt} (${formatAge(db.ageMs ?? 0)} old), ${db.source}` : `vulnerability DB ${db.source}`;
  const details = [
    `Trivy ${version.version} from ${describeTrivySource(found)}.`,
    `${sentenceCase(dbText)}; cache dir ${cacheDir}${restore ? ` (${restore.text})` : ''}.`,
    ...(db.warning ? [`Warning: ${db.warning}.`] : []),
    `Scanned: ${modules.map((m) => m.file).join(', ') || 'no go.mod'}; binaries: ${binaries.map((b) => b.artifact).join(', ') || 'none'}.`,
    `Gate threshold: ${config.severity === 'NONE' ? 'none (vulnerabilities never fail the gate)' : `${config.severity} and above fail the gate`}.`,
    ignoreFile ? `Ignore file: ${ignoreRel} (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}).` : 'No ignore file (.trivyignore, .trivyignore.yaml).',
    ...ignoredLines.map((l) => `Ignored: ${l}`),
    ...reach.details,
  ].join('\n');
  if (ignoredLines.length) ctx.ports.log.info(`ignored by ${ignoreRel}: ${ignoredLines.join('; ')}`);
  return {
    status: statusFrom(findings),
    findings,
    ...(rows.length ? { table: { header: ['Advisory', 'Severity', 'Module', 'Installed', 'Fixed', 'Where', 'Reachability', 'Result'], rows } } : {}),
    details,
    rules: [...scan.rules, ...reach.rules],
    tools: [{ name: 'trivy', version: version.version, informationUri: 'https://trivy.dev' }, ...(reach.tool ? [reach.tool] : [])],
    metrics: {
      vulnerabilities: scan.findings.length, ignored: scan.ignored.length, binariesScanned: binaries.length, trivyVersion: version.version, threshold: config.severity,
      trivySource: found.source, ...(found.sha256 ? { trivySha256: found.sha256 } : {}),
      dbSource: db.source, ...(db.updatedAt ? { dbUpdatedAt: db.updatedAt, dbAge: formatAge(db.ageMs ?? 0) } : {}),
      ...(db.repository ? { dbRepository: db.repository } : {}), dbFetchAttempts: db.attempts.length,
      ...reach.metrics,
    },
  };
}

export const scanStage: Stage = { name: 'scan', rules: SCAN_RULES, runtimeRuleIds: /^scan\/(cve|ghsa|go)-[a-z0-9-]+$/, run };
