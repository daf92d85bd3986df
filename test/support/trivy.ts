// Real Trivy for the tests, fully offline: the pinned binary scripts/tools/trivy.sh builds (or
// TRIVY_BIN), and a fixture vulnerability DB written by test/support/trivydb (a small Go
// program using trivy-db's own writer), built once into a cache outside the repository and
// copied into a fresh cache dir per test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { GO, goTestEnv } from './gomodules.ts';
import { CACHE_HOME } from './env.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const TRIVY_VERSION = '0.74.0';

/** The trivy binary: TRIVY_BIN, else where scripts/tools/trivy.sh puts it. Throws (the test fails) when there is none. */
export function trivyBin(): string {
  const bin = process.env.TRIVY_BIN || path.join(CACHE_HOME, 'go-release-gate-tools', `trivy-${TRIVY_VERSION}`, 'trivy');
  if (!fs.existsSync(bin)) throw new Error(`no trivy at ${bin}: run scripts/tools/trivy.sh (or set TRIVY_BIN)`);
  return bin;
}

function generatorHash(): string {
  const h = createHash('sha256');
  for (const f of ['main.go', 'go.mod', 'go.sum']) h.update(fs.readFileSync(path.join(HERE, 'trivydb', f)));
  return h.digest('hex').slice(0, 16);
}

/** The pristine fixture DB cache dir (db/trivy.db + db/metadata.json), generated once per generator version. */
function pristineDb(): string {
  const dir = path.join(CACHE_HOME, 'go-release-gate-test', `trivydb-${generatorHash()}`);
  if (fs.existsSync(path.join(dir, 'db', 'metadata.json'))) return dir;
  const tmp = fs.mkdtempSync(path.join(path.dirname(dir), '.trivydb-'));
  try {
    execFileSync(GO, ['run', '.', tmp], { cwd: path.join(HERE, 'trivydb'), env: goTestEnv({ GOFLAGS: '-mod=readonly' }), stdio: ['ignore', 'pipe', 'pipe'] });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(path.join(dir, 'db', 'metadata.json'))) throw e;
  }
  return dir;
}

/** A fresh Trivy cache dir holding the fixture DB, removed after the test. */
export function fixtureTrivyCache(t: { onTestFinished(fn: () => unknown): void }): string {
  fs.mkdirSync(path.join(CACHE_HOME, 'go-release-gate-test'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-trivy-cache-'));
  fs.cpSync(path.join(pristineDb(), 'db'), path.join(dir, 'db'), { recursive: true });
  t.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A module with the vulnerable golang.org/x/text it requires at `version`, importing x/text/language (so the binary carries it). */
export const VULN_MAIN = `package main

import (
	"fmt"

	"golang.org/x/text/language"
)

func main() { fmt.Println(language.English) }
`;

export function vulnGoMod(version: string): string {
  return `module example.com/vulnapp\n\ngo 1.22\n\nrequire golang.org/x/text ${version}\n`;
}

export { GO };
