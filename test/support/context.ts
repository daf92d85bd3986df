// A StageContext for driving stages directly in integration tests: real Exec, real config
// parsing, in-memory logger/outputs/state that record what the stage said.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { parseConfig, type RawInputs } from '../../src/config/config.ts';
import type { Logger, Outputs, Ports, StateStore, ToolInstaller } from '../../src/ports/ports.ts';
import type { StageContext } from '../../src/pipeline/stage.ts';
import { nodeExec } from '../../src/cli/exec.ts';
import { localTools } from '../../src/cli/adapters.ts';
import { initialState } from '../../src/run.ts';

export interface Recorded {
  logs: string[];
  outputs: Record<string, string>;
  state: Record<string, string>;
  paths: string[];
  summary: string;
}

export function recordingPorts(opts: { workspace: string; env?: Record<string, string | undefined>; tools?: ToolInstaller; tempDir?: string }): { ports: Ports; rec: Recorded } {
  const rec: Recorded = { logs: [], outputs: {}, state: {}, paths: [], summary: '' };
  const log: Logger = {
    info: (m) => void rec.logs.push(`info: ${m}`),
    debug: () => undefined,
    warning: (m) => void rec.logs.push(`warning: ${m}`),
    error: (m) => void rec.logs.push(`error: ${m}`),
    group: (_n, fn) => fn(),
    mask: () => undefined,
  };
  const outputs: Outputs = {
    set: (k, v) => void (rec.outputs[k] = v),
    summary: async (md) => void (rec.summary += md),
    addPath: (d) => void rec.paths.push(d),
  };
  const state: StateStore = { save: (k, v) => void (rec.state[k] = v), get: (k) => rec.state[k] ?? '' };
  const tempDir = opts.tempDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'grg-temp-'));
  const ports: Ports = {
    exec: nodeExec,
    log,
    tools: opts.tools ?? localTools(path.join(tempDir, 'tools'), tempDir),
    state,
    outputs,
    env: opts.env ?? process.env,
    tempDir,
    workspace: opts.workspace,
    platform: { os: 'Linux', arch: 'X64' },
  };
  return { ports, rec };
}

export function stageContext(inputs: RawInputs, ports: Ports): StageContext {
  const config = parseConfig(inputs, { workspace: ports.workspace, env: ports.env, writableRoots: [ports.tempDir, os.tmpdir()] });
  return { config, ports, state: initialState(ports.env) };
}

/** PATH without any directory that holds a `go` binary: forces the download path. */
export function pathWithoutGo(): string {
  return (process.env.PATH ?? '').split(path.delimiter).filter((d) => d && !fs.existsSync(path.join(d, 'go'))).join(path.delimiter);
}
