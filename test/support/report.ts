// Reports for reporter tests: a real Config (parseConfig over a real temporary workspace) and a
// run assembled from stage results, so reporters see exactly the shapes the pipeline hands them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, type RawInputs } from '../../src/config/config.ts';
import { decide } from '../../src/pipeline/gate.ts';
import { STAGE_CRASHED } from '../../src/pipeline/pipeline.ts';
import { compareFindings, finding, rule, type Finding, type FindingInput, type Rule, type StageName } from '../../src/pipeline/findings.ts';
import type { Artifact, StageResult } from '../../src/pipeline/stage.ts';
import { TOOL, type Report } from '../../src/report/model.ts';

export function tempWorkspace(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'grg-report-ws-')));
}

export const RULES = {
  compile: rule({ id: 'build/compile-failed', name: 'CompileFailed', shortDescription: 'go build failed.', fullDescription: 'go build exited with an error.', help: 'Read the compiler output.', defaultSeverity: 'error' }),
  tidy: rule({ id: 'modules/not-tidy', name: 'NotTidy', shortDescription: 'go.mod is not tidy.', fullDescription: 'go mod tidy would change go.mod.', help: 'Run go mod tidy.', defaultSeverity: 'warning' }),
  sum: rule({ id: 'modules/sum-mismatch', name: 'SumMismatch', shortDescription: 'go.sum does not match.', fullDescription: 'A go.sum hash differs from the module proxy.', help: 'Re-download the module.', defaultSeverity: 'error', securitySeverity: 8.1 }),
  info: rule({ id: 'inspect/info', name: 'Info', shortDescription: 'Information.', fullDescription: 'An informational note.', help: 'Nothing to do.', defaultSeverity: 'note' }),
};

export interface StageSpec {
  name: StageName;
  status?: StageResult['status'];
  reason?: string;
  findings?: Finding[];
  table?: StageResult['table'];
  details?: string;
  rules?: Rule[];
  tools?: StageResult['tools'];
  metrics?: StageResult['metrics'];
}

export function stageResult(s: StageSpec): StageResult {
  const findings = s.findings ?? [];
  return {
    name: s.name,
    status: s.status ?? (findings.some((f) => f.severity === 'error') ? 'failed' : 'passed'),
    findings,
    durationMs: 12,
    ...(s.reason ? { reason: s.reason } : {}),
    ...(s.table ? { table: s.table } : {}),
    ...(s.details ? { details: s.details } : {}),
    ...(s.rules ? { rules: s.rules } : {}),
    ...(s.tools ? { tools: s.tools } : {}),
    ...(s.metrics ? { metrics: s.metrics } : {}),
  };
}

export function makeFinding(r: Rule, stage: StageName, input: FindingInput): Finding {
  return finding(r, stage, input);
}

export interface ReportOptions {
  inputs?: RawInputs;
  env?: Record<string, string>;
  workspace?: string;
  artifacts?: Artifact[];
  facts?: Record<string, string>;
  staticRules?: Rule[];
  startedAt?: Date;
}

export function makeReport(stages: StageResult[], opts: ReportOptions = {}): Report {
  const workspace = opts.workspace ?? tempWorkspace();
  const config = parseConfig(opts.inputs ?? {}, { workspace, env: opts.env ?? {} });
  const findings = stages.flatMap((s) => s.findings).sort(compareFindings);
  return {
    tool: { ...TOOL, version: '0.1.0' },
    run: {
      verdict: decide(stages),
      stages,
      findings,
      rules: [STAGE_CRASHED, ...(opts.staticRules ?? Object.values(RULES))],
      startedAt: opts.startedAt ?? new Date('2026-03-02T10:00:00Z'),
      durationMs: 1234,
    },
    config,
    goVersion: '1.26.3',
    go: { bin: '/opt/go/bin/go', version: '1.26.3', goroot: '/opt/go', source: 'download' },
    artifacts: opts.artifacts ?? [],
    defaultFile: 'go.mod',
    facts: opts.facts ?? {},
  };
}

export function artifact(name: string, goos: string, goarch: string, displayDir = 'gate-out'): Artifact {
  return {
    path: `/ws/${displayDir}/${name}`,
    displayPath: `${displayDir}/${name}`,
    name,
    goos,
    goarch,
    size: 1_593_470,
    sha256: 'ab'.repeat(32),
    pkg: 'example.com/app',
  };
}
