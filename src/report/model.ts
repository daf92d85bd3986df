import type { RunResult } from '../pipeline/pipeline.ts';
import type { Artifact } from '../pipeline/stage.ts';
import type { Config } from '../config/config.ts';

/** Everything the reporters read: one run, already decided. */
export interface Report {
  tool: { name: string; version: string; informationUri: string };
  run: RunResult;
  config: Config;
  goVersion: string;
  artifacts: Artifact[];
  /** Repository-relative path every location-less finding falls back to (the module's go.mod). */
  defaultFile: string;
  facts: Record<string, string>;
}

export const TOOL = { name: 'go-release-gate', informationUri: 'https://github.com/org/go-release-gate' };
