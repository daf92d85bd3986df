// One environment builder for every child process. The runner's environment carries secrets
// (INPUT_COSIGN-KEY, COSIGN_PASSWORD, ACTIONS_RUNTIME_TOKEN, ACTIONS_ID_TOKEN_REQUEST_*,
// GITHUB_TOKEN), and `go build` with cgo runs the C compiler on code a pull request wrote: each
// tool gets only the variables it reads, from an allow-list, and secrets only where they are used.

export type ChildTool = 'go' | 'git' | 'trivy' | 'cosign';

type Env = Readonly<Record<string, string | undefined>>;

// What any program needs to find itself, its home, temp and locale, on Linux, macOS and Windows.
const BASE = [
  'PATH', 'HOME', 'USER', 'LOGNAME', 'TMPDIR', 'TEMP', 'TMP', 'LANG', 'LANGUAGE', 'TZ',
  'XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME',
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'all_proxy',
  'SSL_CERT_FILE', 'SSL_CERT_DIR',
  'SystemRoot', 'SYSTEMROOT', 'windir', 'ComSpec', 'PATHEXT', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'ProgramData',
  'ProgramFiles', 'ProgramFiles(x86)', 'PROCESSOR_ARCHITECTURE', 'NUMBER_OF_PROCESSORS', 'OS',
];
const BASE_PREFIXES = ['LC_'];

const ALLOW: Record<ChildTool, { names: string[]; prefixes: string[]; pattern?: RegExp }> = {
  go: {
    names: [
      ...BASE,
      // Private modules: netrc credentials and ssh agents are how the go command authenticates.
      'NETRC', 'SSH_AUTH_SOCK',
      // The C toolchain cgo drives (gcc, clang, pkg-config, Apple SDKs).
      'CC', 'CXX', 'FC', 'AR', 'PKG_CONFIG', 'PKG_CONFIG_PATH', 'PKG_CONFIG_LIBDIR', 'PKG_CONFIG_SYSROOT_DIR',
      'CPATH', 'C_INCLUDE_PATH', 'CPLUS_INCLUDE_PATH', 'LIBRARY_PATH', 'LD_LIBRARY_PATH', 'SDKROOT', 'DEVELOPER_DIR',
      'MACOSX_DEPLOYMENT_TARGET', 'GCCGO',
    ],
    prefixes: [...BASE_PREFIXES, 'CGO_', 'GIT_'],
    // Go's own variables are one word (GOFLAGS, GO111MODULE, GOAMD64): GOOGLE_APPLICATION_CREDENTIALS is not one.
    pattern: /^GO[A-Z0-9]*$/,
  },
  git: { names: [...BASE, 'SSH_AUTH_SOCK'], prefixes: [...BASE_PREFIXES, 'GIT_'] },
  // Trivy's own TRIVY_* settings would change what it scans and what we parse; only the ones
  // that reach the vulnerability DB pass (mirrors and registry credentials).
  trivy: {
    names: [...BASE, 'DOCKER_CONFIG', 'TRIVY_DB_REPOSITORY', 'TRIVY_JAVA_DB_REPOSITORY', 'TRIVY_USERNAME', 'TRIVY_PASSWORD', 'TRIVY_REGISTRY_TOKEN'],
    prefixes: [...BASE_PREFIXES],
  },
  // COSIGN_PASSWORD is not here: the sign stage hands it in, and only when it signs with a key.
  cosign: { names: [...BASE, 'TUF_ROOT'], prefixes: [...BASE_PREFIXES, 'SIGSTORE_'] },
};

/** The environment for one tool: the allowed variables of env, then extra (which may add secrets). */
export function childEnv(tool: ChildTool, env: Env, extra: Record<string, string> = {}): Record<string, string> {
  const allow = ALLOW[tool];
  const names = new Set(allow.names);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) continue;
    if (names.has(k) || allow.prefixes.some((p) => k.startsWith(p)) || allow.pattern?.test(k)) out[k] = v;
  }
  return { ...out, ...extra };
}
