import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);

// src/util/path.ts
import fs from "node:fs";
import path from "node:path";
function findOnPath(name, envPath, platform = process.platform) {
  const names = platform === "win32" ? [`${name}.exe`, name] : [name];
  for (const dir of (envPath ?? "").split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue;
    for (const n of names) {
      const file = path.join(dir, n);
      try {
        if (fs.statSync(file).isFile()) {
          fs.accessSync(file, fs.constants.X_OK);
          return file;
        }
      } catch {
      }
    }
  }
  return void 0;
}
function isInside(parent, child) {
  const rel = path.relative(parent, child);
  return rel === "" || !rel.startsWith("..") && !path.isAbsolute(rel);
}
function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
function displayPath(workspace, file) {
  const r = path.relative(workspace, file);
  return r.startsWith("..") || path.isAbsolute(r) ? file : r.split(path.sep).join("/");
}

// src/util/childenv.ts
var BASE = [
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "TMPDIR",
  "TEMP",
  "TMP",
  "LANG",
  "LANGUAGE",
  "TZ",
  "XDG_CACHE_HOME",
  "XDG_CONFIG_HOME",
  "XDG_DATA_HOME",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "ALL_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "all_proxy",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "SystemRoot",
  "SYSTEMROOT",
  "windir",
  "ComSpec",
  "PATHEXT",
  "USERPROFILE",
  "APPDATA",
  "LOCALAPPDATA",
  "ProgramData",
  "ProgramFiles",
  "ProgramFiles(x86)",
  "PROCESSOR_ARCHITECTURE",
  "NUMBER_OF_PROCESSORS",
  "OS"
];
var BASE_PREFIXES = ["LC_"];
var ALLOW = {
  go: {
    names: [
      ...BASE,
      // Private modules: netrc credentials and ssh agents are how the go command authenticates.
      "NETRC",
      "SSH_AUTH_SOCK",
      // The C toolchain cgo drives (gcc, clang, pkg-config, Apple SDKs).
      "CC",
      "CXX",
      "FC",
      "AR",
      "PKG_CONFIG",
      "PKG_CONFIG_PATH",
      "PKG_CONFIG_LIBDIR",
      "PKG_CONFIG_SYSROOT_DIR",
      "CPATH",
      "C_INCLUDE_PATH",
      "CPLUS_INCLUDE_PATH",
      "LIBRARY_PATH",
      "LD_LIBRARY_PATH",
      "SDKROOT",
      "DEVELOPER_DIR",
      "MACOSX_DEPLOYMENT_TARGET",
      "GCCGO"
    ],
    prefixes: [...BASE_PREFIXES, "CGO_", "GIT_"],
    // Go's own variables are one word (GOFLAGS, GO111MODULE, GOAMD64): GOOGLE_APPLICATION_CREDENTIALS is not one.
    pattern: /^GO[A-Z0-9]*$/
  },
  git: { names: [...BASE, "SSH_AUTH_SOCK"], prefixes: [...BASE_PREFIXES, "GIT_"] },
  // Trivy's own TRIVY_* settings would change what it scans and what we parse; only the ones
  // that reach the vulnerability DB pass (mirrors and registry credentials).
  trivy: {
    names: [...BASE, "DOCKER_CONFIG", "TRIVY_DB_REPOSITORY", "TRIVY_JAVA_DB_REPOSITORY", "TRIVY_USERNAME", "TRIVY_PASSWORD", "TRIVY_REGISTRY_TOKEN"],
    prefixes: [...BASE_PREFIXES]
  },
  // COSIGN_PASSWORD is not here: the sign stage hands it in, and only when it signs with a key.
  cosign: { names: [...BASE, "TUF_ROOT"], prefixes: [...BASE_PREFIXES, "SIGSTORE_"] }
};
function childEnv(tool, env, extra = {}) {
  const allow = ALLOW[tool];
  const names = new Set(allow.names);
  const out = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === void 0) continue;
    if (names.has(k) || allow.prefixes.some((p) => k.startsWith(p)) || allow.pattern?.test(k)) out[k] = v;
  }
  return { ...out, ...extra };
}

// src/toolchain/probe.ts
function probeCommand(env) {
  return { args: ["env", "GOVERSION", "GOROOT"], env: childEnv("go", env, { GOTOOLCHAIN: "local" }) };
}
function parseProbe(stdout) {
  const [v, goroot = ""] = stdout.split("\n");
  const m = /^go(\d+\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?)/.exec(v.trim());
  return m ? { version: m[1], goroot: goroot.trim() } : void 0;
}

export {
  findOnPath,
  isInside,
  isExecutableFile,
  displayPath,
  childEnv,
  probeCommand,
  parseProbe
};
