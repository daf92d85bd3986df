// Tools that publish no binaries we can pin (govulncheck) are built with the run's own Go from
// the module proxy at a pinned version: the go command checks the module against go.sum's
// checksum database (sum.golang.org), which is the digest pin here. The result goes to the tool
// cache like any other installed tool, so the next run on this machine builds nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { Exec, Logger, ToolInstaller } from '../ports/ports.ts';
import { InstallError, type InstalledTool } from './install.ts';

export interface GoBuiltTool {
  /** Tool-cache name. */
  tool: string;
  /** The main package's import path, e.g. golang.org/x/vuln/cmd/govulncheck. */
  pkg: string;
  /** vX.Y.Z */
  version: string;
  /** Program name (the last element of pkg). */
  program: string;
}

export interface GoBuildEnv {
  exec: Exec;
  log: Logger;
  tools: ToolInstaller;
  /** The run's go binary. */
  go: string;
  /** The run's go environment (allow-listed; GOMODCACHE, GOPROXY and GOSUMDB as the run uses them). */
  env: Record<string, string>;
  tempDir: string;
  arch: string;
}

const BUILD_TIMEOUT_MS = 15 * 60 * 1000;

export async function installGoBuiltTool(t: GoBuiltTool, b: GoBuildEnv): Promise<InstalledTool & { goVersion?: string }> {
  const semver = t.version.replace(/^v/, '');
  const exe = process.platform === 'win32' ? `${t.program}.exe` : t.program;
  const cached = b.tools.find(t.tool, semver, b.arch);
  if (cached && fs.existsSync(path.join(cached, exe))) return { dir: cached, bin: path.join(cached, exe), source: 'tool-cache', sha256: '' };
  if (b.env.GOSUMDB === 'off' || b.env.GOFLAGS?.includes('-insecure')) {
    throw new InstallError('checksum', `${t.pkg}@${t.version} would be built without the checksum database (GOSUMDB=off or -insecure): set ${t.tool}-path to a binary you trust instead`);
  }
  fs.mkdirSync(b.tempDir, { recursive: true });
  const bin = fs.mkdtempSync(path.join(b.tempDir, `${t.tool}-build-`));
  b.log.info(`Building ${t.pkg}@${t.version} with the run's Go (module proxy, checked against the checksum database)`);
  // GOFLAGS from the user's module (-mod=vendor) do not apply to `go install pkg@version`.
  // Built for this machine, whatever the release targets are.
  const { GOOS: _os, GOARCH: _arch, ...rest } = b.env;
  const env = { ...rest, GOBIN: bin, CGO_ENABLED: '0', GOTOOLCHAIN: 'local', GOFLAGS: '-trimpath' };
  const r = await b.exec.run(b.go, ['install', `${t.pkg}@${t.version}`], { env, cwd: b.tempDir, timeoutMs: BUILD_TIMEOUT_MS });
  if (r.code !== 0 || !fs.existsSync(path.join(bin, exe))) {
    const why = r.timedOut ? `did not finish within ${BUILD_TIMEOUT_MS / 60000} minutes` : (r.stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${r.code}`);
    fs.rmSync(bin, { recursive: true, force: true });
    throw new InstallError('download', `go install ${t.pkg}@${t.version} failed: ${why}`);
  }
  const dir = await b.tools.cache(bin, t.tool, semver, b.arch);
  fs.rmSync(bin, { recursive: true, force: true });
  return { dir, bin: path.join(dir, exe), source: 'download', sha256: '' };
}
