// One declaration of every input: action.yml, the CLI flags (--<name>) and the README
// table are all generated from this list, so they cannot drift apart.

export type InputKind = 'string' | 'list' | 'boolean' | 'enum' | 'path' | 'size';

export interface InputSpec {
  name: string;
  description: string;
  kind: InputKind;
  /** Default as the user would write it; '' means unset. */
  default: string;
  values?: readonly string[];
  /** Only meaningful for the CLI (not written to action.yml). */
  cliOnly?: boolean;
  /** Only meaningful in Actions (not a CLI flag). */
  actionOnly?: boolean;
  /** The value is secret: masked in logs, never echoed in errors. */
  secret?: boolean;
}

export const INPUTS: readonly InputSpec[] = [
  { name: 'working-directory', kind: 'path', default: '.', description: 'Directory of the Go module (or go.work workspace) to gate, relative to the workspace. Must stay inside the workspace. CLI: --dir.' },
  { name: 'go-version', kind: 'string', default: '', description: 'Go version: exact (1.26.3), a range (1.26.x, ^1.25, ~1.25.2, >=1.25), stable, oldstable, or system (the go on PATH). Wins over go-version-file.' },
  { name: 'go-version-file', kind: 'path', default: '', description: 'File to read the Go version from: go.mod (toolchain line wins over the go line), go.work, .go-version or .tool-versions. Relative to working-directory. When neither this nor go-version is set, go.mod / go.work in working-directory is used.' },
  { name: 'go-download-base-url', kind: 'string', default: 'https://go.dev/dl', description: 'Base URL of the Go downloads (a mirror with the same layout works): the JSON listing is read from <base>/?mode=json&include=all and each archive is verified against its SHA-256 before extraction. Must be https; a plain-http mirror on this machine (127.0.0.1, localhost, [::1]) is accepted only when the environment sets GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK=1.' },
  { name: 'targets', kind: 'list', default: 'linux/amd64', description: 'Comma- or newline-separated GOOS/GOARCH pairs to build, checked against `go tool dist list`.' },
  { name: 'packages', kind: 'list', default: '', description: 'Main packages to build (import paths or ./relative patterns). Default: the module root when it is a main package, else every main package under cmd/.' },
  { name: 'ldflags', kind: 'string', default: '', description: 'Extra linker flags, appended to the fixed "-s -w -buildid=".' },
  { name: 'tags', kind: 'list', default: '', description: 'Build tags (comma- or newline-separated), passed as -tags.' },
  { name: 'cgo', kind: 'boolean', default: 'false', description: 'Allow cgo (CGO_ENABLED=1). Off by default: release binaries are static.' },
  { name: 'strip', kind: 'boolean', default: 'true', description: 'Expect stripped binaries (the build passes -s -w); set false to keep symbols and allow unstripped binaries.' },
  { name: 'output-dir', kind: 'path', default: 'gate-out', description: 'Directory (relative to the workspace) for binaries, SHA256SUMS, results.sarif, report.json and summary.md. CLI: --out.' },
  { name: 'mode', kind: 'enum', values: ['auto', 'check', 'release'], default: 'auto', description: 'auto: from the event (pull_request, pull_request_target, merge_group -> check; a tag ref -> release; branch pushes, workflow_dispatch on a branch, schedule -> check). check: verify and build, no signing. release: everything plus the release report. See Modes in the README.' },
  { name: 'cache', kind: 'enum', values: ['auto', 'read-write', 'read-only', 'off'], default: 'auto', description: 'Go module and build caches. auto: read-write only for push to a branch, schedule, and workflow_dispatch on a branch; read-only (restore, never save) for everything else: pull requests, merge queues, reviews, comments, workflow_run, tag refs (a cache saved on a tag is visible to that tag only), unknown events and no event (the CLI: pass --cache read-write). Release mode never restores the build cache.' },
  { name: 'cache-max-size', kind: 'size', default: '2GiB', description: 'Upper bound for the saved build cache (e.g. 500MiB, 2GiB); oldest entries are dropped first.' },
  { name: 'cache-dir', kind: 'path', default: '', cliOnly: true, description: 'CLI only: local directory that holds cache entries between runs (none when empty).' },
  { name: 'require-tidy', kind: 'boolean', default: 'false', description: 'Treat `go mod tidy -diff` differences as errors instead of warnings.' },
  { name: 'rules', kind: 'list', default: '', description: 'Per-rule overrides, comma- or newline-separated "rule-id=off|note|warning|error", e.g. "inspect/not-stripped=warning".' },
  { name: 'scan', kind: 'enum', values: ['auto', 'on', 'off'], default: 'auto', description: 'Vulnerability scan of go.mod and the built binaries with Trivy: trivy-path when given, else trivy-version from the tool cache or downloaded and verified. auto and on both install Trivy and scan; a Trivy that cannot be installed or run, or a vulnerability DB that cannot be fetched, errors the stage and fails the gate (set scan: off to not scan, or trivy-path to bring your own Trivy). They differ only with trivy-version: system: auto then skips with a warning when there is no trivy on PATH, on requires one. off: never scan.' },
  { name: 'severity', kind: 'enum', values: ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN', 'NONE'], default: 'HIGH', description: 'Lowest Trivy severity that fails the gate (any case). Below it: MEDIUM and above are warnings, LOW and UNKNOWN notes. NONE: vulnerabilities never fail the gate.' },
  { name: 'trivy-path', kind: 'string', default: '', description: 'Path of the trivy binary (absolute, or relative to the workspace). When set, it wins over trivy-version: no download.' },
  { name: 'trivy-version', kind: 'string', default: '0.74.0', description: 'Trivy version to run when trivy-path is not set: taken from the tool cache, else downloaded from trivy-download-base-url and verified against the SHA-256 pinned in go-release-gate (a version outside that table needs trivy-sha256; the release\'s own checksums file never suffices). 0.69.4 (the malicious release) is refused. system: the trivy on PATH, no download.' },
  { name: 'trivy-download-base-url', kind: 'string', default: 'https://github.com/aquasecurity/trivy/releases/download', description: 'Base URL of the Trivy release downloads (a mirror with the same layout works): <base>/v<version>/trivy_<version>_Linux-64bit.tar.gz and so on. Must be https; a plain-http mirror on this machine is accepted only when the environment sets GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK=1.' },
  { name: 'trivy-sha256', kind: 'string', default: '', description: 'Your own SHA-256 of the Trivy archive for this runner, for a trivy-version outside the table pinned in go-release-gate. For a version in the table it must agree with the table.' },
  { name: 'trivy-db-repository', kind: 'list', default: 'mirror.gcr.io/aquasec/trivy-db:2\nghcr.io/aquasecurity/trivy-db:2', description: "OCI repositories of Trivy's vulnerability DB, tried in order (comma- or newline-separated). Default: TRIVY_DB_REPOSITORY from the environment when set, else Trivy's own defaults, the mirror first. The DB is fetched once per run when it is not fresh, with retries and exponential backoff on rate limits (429, TOOMANYREQUESTS) and 5xx; every scan then runs with the update skipped." },
  { name: 'trivy-db-max-age', kind: 'string', default: '7d', description: 'When the DB cannot be fetched, a DB already there (restored from the cache) is still used if it was updated less than this long ago (e.g. 7d, 36h), with a warning saying its age; an older one, or none, errors the scan stage.' },
  { name: 'trivy-cache-dir', kind: 'string', default: '', description: "Trivy's cache directory holding its vulnerability DB (db/trivy.db, db/metadata.json); cache it between runs to avoid DB download rate limits. Default: a directory of the gate's own outside the workspace, restored and saved with the Go caches (a directory you give here is yours: the gate neither restores nor saves it)." },
  { name: 'trivy-skip-db-update', kind: 'boolean', default: 'false', description: 'Never download the vulnerability DB: use the one in trivy-cache-dir (the scan fails when there is none).' },
  { name: 'sign', kind: 'enum', values: ['auto', 'always', 'never'], default: 'auto', description: 'Sign every binary and SHA256SUMS with cosign (a Sigstore bundle <file>.sigstore.json each), then verify each signature. auto: in release mode when a cosign-key is given. always: in every mode and fail when signing is not possible. never: do not sign. Pull-request events never sign. Needs cosign on PATH (e.g. sigstore/cosign-installer).' },
  { name: 'cosign-key', kind: 'string', default: '', secret: true, description: 'cosign private key: a file path (relative to the workspace), env://NAME (read from that environment variable), or the PEM text itself (from a repository secret; on the CLI use a path or env://NAME, as arguments are visible to other processes). Its password comes from the COSIGN_PASSWORD environment variable, never an input. The public key is written to output-dir/cosign.pub.' },
  { name: 'sign-tlog-upload', kind: 'boolean', default: 'true', description: 'Record each signature in the Rekor transparency log (needs network). false keeps signatures offline; verifying them then needs --insecure-ignore-tlog, which the verify command in the report includes.' },
  { name: 'sign-keyless', kind: 'boolean', default: 'false', description: 'Keyless signing with the workflow\'s GitHub OIDC identity (Fulcio). Not implemented yet: the gate fails with an explanation when it is asked for; use cosign-key.' },
];

export const OUTPUTS: readonly { name: string; description: string }[] = [
  { name: 'verdict', description: 'pass or fail.' },
  { name: 'reasons', description: 'JSON array of the reasons for a failing verdict (empty on pass).' },
  { name: 'mode', description: 'The mode the gate ran in: check or release (from the mode input, or the event when it is auto). Condition publishing steps on release.' },
  { name: 'go-version', description: 'Go version that built the binaries, e.g. 1.26.3.' },
  { name: 'artifacts', description: 'JSON array of {path, goos, goarch, size, sha256} for every binary built.' },
  { name: 'checksums-file', description: 'Path of SHA256SUMS (sha256sum format).' },
  { name: 'sarif-file', description: 'Path of results.sarif (SARIF 2.1.0), for github/codeql-action/upload-sarif.' },
  { name: 'report-file', description: 'Path of report.json.' },
  { name: 'summary-file', description: 'Path of summary.md (the same text as the job summary).' },
  { name: 'cache-hit', description: 'Module cache restore state: hit, partial, miss or off.' },
  { name: 'signatures', description: 'JSON array of {path, bundle, verified, command} (command: the cosign verify-blob that checks a download) for every file signed (empty when nothing was signed).' },
  { name: 'public-key', description: 'Path of the cosign public key the signatures verify against (output-dir/cosign.pub), empty when nothing was signed.' },
];

export function inputSpec(name: string): InputSpec {
  const spec = INPUTS.find((i) => i.name === name);
  if (!spec) throw new Error(`unknown input ${name}`);
  return spec;
}
