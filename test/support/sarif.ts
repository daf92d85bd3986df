// Checks SARIF the way code scanning will: Microsoft's validator with GitHub's ingestion rules
// ("Gh") and the SARIF spec rules, run as its own binary with an argument array (the npm bin
// wrapper goes through a shell, where "Gh;Sarif" would split), plus the limits and property
// formats the validator does not check but GitHub documents.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The self-contained validator binary for this platform (from @microsoft/sarif-multitool). */
export const MULTITOOL: string = require('@microsoft/sarif-multitool');

export interface ValidatorIssue {
  level: string;
  ruleId: string;
  where: string;
  text: string;
}

export interface Validation {
  errors: ValidatorIssue[];
  warnings: ValidatorIssue[];
  notes: ValidatorIssue[];
}

interface SarifLog {
  runs: {
    tool: { driver: { rules?: { id: string; defaultConfiguration?: { level?: string }; messageStrings?: Record<string, { text: string }> }[] } };
    results?: { ruleId: string; ruleIndex?: number; level?: string; message: { id?: string; text?: string; arguments?: string[] } }[];
  }[];
}

function run(file: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** Runs `sarif-multitool validate FILE --rule-kind Gh;Sarif` and sorts its findings by level. */
export async function validateSarif(file: string): Promise<Validation> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-sarif-validate-'));
  const out = path.join(dir, 'validation.sarif');
  try {
    const r = await run(MULTITOOL, ['validate', file, '--rule-kind', 'Gh;Sarif', '--output', out, '--log', 'ForceOverwrite']);
    if (!fs.existsSync(out)) throw new Error(`sarif-multitool wrote no output (exit ${r.code}):\n${r.out}`);
    const log = JSON.parse(fs.readFileSync(out, 'utf8')) as SarifLog;
    const v: Validation = { errors: [], warnings: [], notes: [] };
    for (const runLog of log.runs) {
      const rules = runLog.tool.driver.rules ?? [];
      for (const res of runLog.results ?? []) {
        const rule = (res.ruleIndex !== undefined ? rules[res.ruleIndex] : undefined) ?? rules.find((x) => x.id === res.ruleId);
        const level = res.level ?? rule?.defaultConfiguration?.level ?? 'warning';
        const args = res.message.arguments ?? [];
        const template = res.message.text ?? (res.message.id && rule?.messageStrings?.[res.message.id]?.text) ?? '';
        const text = template.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? '');
        const issue = { level, ruleId: res.ruleId, where: args[0] ?? '', text };
        (level === 'error' ? v.errors : level === 'warning' ? v.warnings : v.notes).push(issue);
      }
    }
    return v;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What GitHub documents for uploads and the validator does not check; [] when all is well. */
export function githubIngestProblems(text: string): string[] {
  const problems: string[] = [];
  const doc = JSON.parse(text) as {
    runs: {
      automationDetails?: { id?: string };
      tool: { driver: { name: string; rules: { id: string; properties?: Record<string, unknown> }[] } };
      results: { ruleId: string; locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }[]; partialFingerprints?: Record<string, string> }[];
    }[];
  };
  if (gzipSync(text).length > 10 * 1024 * 1024) problems.push('over 10 MB gzipped');
  if (doc.runs.length > 20) problems.push(`${doc.runs.length} runs (GitHub takes 20)`);
  const categories = new Set<string>();
  doc.runs.forEach((run, i) => {
    const id = run.automationDetails?.id;
    if (!id) problems.push(`runs[${i}] has no automationDetails.id`);
    else if (categories.has(id)) problems.push(`runs[${i}] repeats category ${id}`);
    else categories.add(id);
    if (run.results.length > 25_000) problems.push(`runs[${i}] has ${run.results.length} results (GitHub takes 25,000)`);
    for (const rule of run.tool.driver.rules) {
      const sev = rule.properties?.['security-severity'];
      if (sev === undefined) continue;
      const n = typeof sev === 'string' && /^\d+(\.\d+)?$/.test(sev) ? Number(sev) : NaN;
      if (!(n > 0 && n <= 10)) problems.push(`rule ${rule.id}: security-severity ${JSON.stringify(sev)} is not a number in (0, 10]`);
      const tags = rule.properties?.tags;
      if (!Array.isArray(tags) || !tags.includes('security')) problems.push(`rule ${rule.id}: security-severity without the "security" tag is ignored`);
    }
    run.results.forEach((res, j) => {
      const where = `runs[${i}].results[${j}] (${res.ruleId})`;
      const loc = res.locations?.[0]?.physicalLocation;
      const uri = loc?.artifactLocation?.uri;
      if (!uri) problems.push(`${where} has no location`);
      else if (/^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/') || uri.split('/').includes('..')) problems.push(`${where}: location ${uri} is not inside the repository`);
      if (!(loc?.region?.startLine && loc.region.startLine >= 1)) problems.push(`${where} has no region.startLine`);
      if (!res.partialFingerprints?.primaryLocationLineHash) problems.push(`${where} has no partialFingerprints.primaryLocationLineHash`);
    });
  });
  return problems;
}

/** Both checks at once, as one readable assertion message. */
export async function sarifProblems(file: string): Promise<string[]> {
  const v = await validateSarif(file);
  return [...v.errors.map((e) => `${e.ruleId} ${e.where}: ${e.text}`), ...githubIngestProblems(fs.readFileSync(file, 'utf8'))];
}
