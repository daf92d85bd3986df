// A stage context for pipeline tests: a fresh workspace, default config, and a logger that
// records every line and group boundary in order, so a test can say where a line was printed.
import fs from 'node:fs';
import os from 'node:os';
import type { StageContext } from '../../src/pipeline/stage.ts';
import type { Logger } from '../../src/ports/ports.ts';
import { parseConfig } from '../../src/config/config.ts';

export function recordingContext(lines: string[]): StageContext {
  const ws = fs.mkdtempSync(`${os.tmpdir()}/grg-pipe-`);
  const log: Logger = {
    info: (m) => void lines.push(`info ${m}`),
    debug: () => undefined,
    warning: (m) => void lines.push(`warning ${m}`),
    error: (m) => void lines.push(`error ${m}`),
    async group(name, fn) {
      lines.push(`group ${name}`);
      try {
        return await fn();
      } finally {
        lines.push(`endgroup ${name}`);
      }
    },
    mask: (s) => void lines.push(`mask ${s}`),
  };
  return { config: parseConfig({}, { workspace: ws, env: {} }), ports: { log } as unknown as StageContext['ports'], state: { goEnv: {}, artifacts: [], facts: {} } };
}
