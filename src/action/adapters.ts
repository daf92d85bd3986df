// Ports backed by @actions/*: only the Action front door uses these.
import * as core from '@actions/core';
import * as tc from '@actions/tool-cache';
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describeNetworkError } from '../util/neterror.ts';
import type { IdTokenProvider, Logger, Outputs, StateStore, ToolInstaller } from '../ports/ports.ts';
import type { Location } from '../pipeline/findings.ts';
import { safeLogText } from '../util/logtext.ts';

function props(loc: Location | undefined): core.AnnotationProperties {
  if (!loc) return {};
  const file = loc.file ?? loc.artifact;
  return { ...(file ? { file } : {}), ...(loc.line ? { startLine: loc.line } : {}), ...(loc.column ? { startColumn: loc.column } : {}) };
}

// Plain lines (core.info) reach the runner raw: they go through safeLogText, after masking, so
// a secret that itself holds "::" is still replaced whole. Everything else is a workflow
// command that @actions/core builds itself (lib/command.js, Command.toString): the data of
// debug, warning, error, group (and setFailed, which is error) has "%", CR and LF escaped
// (%25, %0D, %0A), and annotation properties also ":" and ",". So that text stays on its one
// command line whatever it holds, and goes to core unchanged.
const secrets: string[] = [];
const masked = (m: string) => secrets.reduce((s, x) => s.split(x).join('***'), m);

export const actionLogger: Logger = {
  info: (m) => core.info(safeLogText(masked(m))),
  debug: (m) => core.debug(m),
  warning: (m, loc) => core.warning(m, props(loc)),
  error: (m, loc) => core.error(m, props(loc)),
  group: (name, fn) => core.group(name, fn),
  mask: (s) => {
    if (!s) return;
    secrets.push(s);
    core.setSecret(s);
  },
};

export const actionState: StateStore = {
  save: (k, v) => core.saveState(k, v),
  get: (k) => core.getState(k),
};

export const actionOutputs: Outputs = {
  set: (name, value) => core.setOutput(name, value),
  async summary(markdown) {
    await core.summary.addRaw(markdown).write({ overwrite: false });
  },
  addPath: (dir) => core.addPath(dir),
};

/** Where @actions/tool-cache keeps tool/version/arch (its cacheDir cleans the version with semver). */
function toolCacheDir(tool: string, version: string, arch: string): string {
  const root = process.env.RUNNER_TOOL_CACHE;
  if (!root) throw new Error('RUNNER_TOOL_CACHE is not set');
  return path.join(root, tool, semver.clean(version) || version, arch);
}

export const actionTools: ToolInstaller = {
  find: (tool, version, arch) => tc.find(tool, version, arch) || undefined,
  versions: (tool, arch) => tc.findAllVersions(tool, arch),
  async download(url) {
    try {
      return await tc.downloadTool(url);
    } catch (e) {
      // Name the reason (HTTP status, ECONNREFUSED 127.0.0.1:P), not just that it failed.
      throw new Error(`GET ${url}: ${describeNetworkError(e)}`, { cause: e });
    }
  },
  extract: (archive) => (archive.endsWith('.zip') ? tc.extractZip(archive) : tc.extractTar(archive)),
  cache: (dir, tool, version, arch) => tc.cacheDir(dir, tool, version, arch),
  async uncache(tool, version, arch) {
    // The marker first: find() must never return a half-removed directory.
    const d = toolCacheDir(tool, version, arch);
    await fs.promises.rm(`${d}.complete`, { force: true });
    await fs.promises.rm(d, { recursive: true, force: true });
  },
};

/**
 * The runner's token service (ACTIONS_ID_TOKEN_REQUEST_URL with its bearer token): the runner
 * sets both only for jobs with `permissions: id-token: write`, and never for forks' pull requests.
 * core.getIDToken registers the token as a secret before it returns.
 */
export function actionIdToken(env: Readonly<Record<string, string | undefined>>): IdTokenProvider {
  return {
    available: () => !!env.ACTIONS_ID_TOKEN_REQUEST_URL && !!env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    async get(audience) {
      const token = await core.getIDToken(audience);
      if (!token) throw new Error('the token service returned an empty token');
      core.setSecret(token);
      return token;
    },
  };
}
