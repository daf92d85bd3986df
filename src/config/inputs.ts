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
  { name: 'targets', kind: 'list', default: 'linux/amd64', description: 'Comma- or newline-separated GOOS/GOARCH pairs to build (those of `go tool dist list`; one the toolchain has no port for fails the gate as build/unknown-target).' },
  { name: 'packages', kind: 'list', default: '', description: 'Main packages to build (import paths or ./relative patterns). Default: the module root when it is a main package, else every main package under cmd/.' },
  { name: 'ldflags', kind: 'string', default: '', description: 'Extra linker flags, appended to the fixed "-s -w -buildid=".' },
  { name: 'tags', kind: 'list', default: '', description: 'Build tags (comma- or newline-separated), passed as -tags.' },
  { name: 'cgo', kind: 'boolean', default: 'false', description: 'Allow cgo (CGO_ENABLED=1). Off by default: release binaries are static.' },
  { name: 'strip', kind: 'boolean', default: 'true', description: 'Expect stripped binaries (the build passes -s -w); set false to keep symbols and allow unstripped binaries.' },
  { name: 'run-on', kind: 'list', default: '', description: 'Hosts every binary must run on (comma- or newline-separated profiles): scratch, distroless-static, distroless-base, alpine, centos-7, rhel-8, rhel-9, amazonlinux-2, amazonlinux-2023, debian-11, debian-12, ubuntu-20.04, ubuntu-22.04, ubuntu-24.04, macos-<10.13|10.15|11|12|13|14|15|26>, windows-<7|8|8.1|10|11>. Each linux binary is checked against the linux profiles (C library, glibc version, kernel, zone database, CA bundle), darwin and windows binaries against the OS versions Go supports. See docs/inspect.md.' },
  { name: 'max-glibc', kind: 'string', default: '', description: 'Highest glibc a linux binary may need, e.g. 2.28 (the highest GLIBC_x.y in its symbol version needs); empty: no limit besides run-on.' },
  { name: 'cpu-level', kind: 'list', default: '', description: 'CPU levels above the baseline that are allowed, e.g. GOAMD64=v3 or GOARM64=v8.2: binaries built for a higher level than this (or any level above the baseline when unset) get an inspect/cpu-level warning.' },
  { name: 'output-dir', kind: 'path', default: 'gate-out', description: 'Directory (relative to the workspace) for binaries, SHA256SUMS, results.sarif, report.json and summary.md. CLI: --out.' },
  { name: 'mode', kind: 'enum', values: ['auto', 'check', 'release', 'merge'], default: 'auto', description: 'auto: from the event (pull_request, pull_request_target, merge_group -> check; a tag ref -> release; branch pushes, workflow_dispatch on a branch, schedule -> check). check: verify and build, no signing. release: everything plus the release report. merge: download the shard bundles of this workflow run (see shard), check that every shard arrived from the same commit and passed, re-hash every binary and write one SHA256SUMS, SARIF, report and verdict (check or release is then decided from the event, as auto does; on a release the merge signs and attests the merged set as sign and the cosign and sigstore inputs say). See Modes and Fan-out in the README. The CLI has the merge command instead.' },
  { name: 'shard', kind: 'string', default: '', description: 'Fan-out: i/n (e.g. 2/4; in a matrix, the matrix value followed by /4) builds, inspects and scans only shard i of n of the targets x packages (the split is the same in every shard), never signs, and writes a shard bundle (shard.json next to the usual files) that the Action uploads as an artifact for the mode: merge job. Empty: one job does everything.' },
  { name: 'cache', kind: 'enum', values: ['auto', 'read-write', 'read-only', 'off'], default: 'auto', description: 'Go module and build caches. auto: read-write only for push to a branch, schedule, and workflow_dispatch on a branch; read-only (restore, never save) for everything else: pull requests, merge queues, reviews, comments, workflow_run, tag refs (a cache saved on a tag is visible to that tag only), unknown events and no event (the CLI: pass --cache read-write). Release mode never restores the build cache.' },
  { name: 'cache-max-size', kind: 'size', default: '2GiB', description: 'Upper bound for the saved build cache (e.g. 500MiB, 2GiB); oldest entries are dropped first.' },
  { name: 'cache-dir', kind: 'path', default: '', cliOnly: true, description: 'CLI only: local directory that holds cache entries between runs (none when empty).' },
  { name: 'require-tidy', kind: 'boolean', default: 'false', description: 'Treat `go mod tidy -diff` differences as errors instead of warnings.' },
  { name: 'rules', kind: 'list', default: '', description: 'Per-rule overrides, comma- or newline-separated "rule-id=off|note|warning|error", e.g. "inspect/not-stripped=warning".' },
  { name: 'scan', kind: 'enum', values: ['auto', 'on', 'off'], default: 'auto', description: 'Vulnerability scan of go.mod and the built binaries with Trivy: trivy-path when given, else trivy-version from the tool cache or downloaded and verified. auto and on both install Trivy and scan; a Trivy that cannot be installed or run, or a vulnerability DB that cannot be fetched, errors the stage and fails the gate (set scan: off to not scan, or trivy-path to bring your own Trivy). They differ only with trivy-version: system: auto then skips with a warning when there is no trivy on PATH, on requires one. off: never scan.' },
  { name: 'severity', kind: 'enum', values: ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN', 'NONE'], default: 'HIGH', description: 'Lowest Trivy severity that fails the gate (any case). Below it: MEDIUM and above are warnings, LOW and UNKNOWN notes. NONE: vulnerabilities never fail the gate.' },
  { name: 'reachability', kind: 'enum', values: ['auto', 'on', 'off'], default: 'auto', description: 'Call analysis with govulncheck (golang.org/x/vuln, pinned, built with the run\'s Go from the module proxy, or govulncheck-path), once per GOOS/GOARCH of the targets, joined with Trivy\'s advisories: each gets called (with the call path), imported, required or not analysed. on: govulncheck is required (a failed build, run or DB read fails the gate). auto: use a govulncheck that is at hand (govulncheck-path, the tool cache, PATH), and build the pinned one when vuln-reachability is imported or called; otherwise, and when it fails, say "not analysed" (which never downgrades an advisory). off: never.' },
  { name: 'vuln-reachability', kind: 'enum', values: ['any', 'imported', 'called'], default: 'any', description: 'Which advisories at or above severity fail the gate. any: all of them. imported: only those whose vulnerable package is imported. called: only those whose vulnerable function is reachable from the program. The others stay as warnings marked dormant, with the reason; an advisory that could not be analysed always fails.' },
  { name: 'govulncheck-path', kind: 'string', default: '', description: 'Path of a govulncheck binary to use instead of building the pinned one (absolute, or relative to the workspace).' },
  { name: 'govulncheck-db', kind: 'string', default: 'https://vuln.go.dev', description: 'The Go vulnerability database govulncheck reads: https, or file:///ABSOLUTE/DIR for a local copy (works offline).' },
  { name: 'trivy-path', kind: 'string', default: '', description: 'Path of the trivy binary (absolute, or relative to the workspace). When set, it wins over trivy-version: no download.' },
  { name: 'trivy-version', kind: 'string', default: '0.74.0', description: 'Trivy version to run when trivy-path is not set: taken from the tool cache, else downloaded from trivy-download-base-url and verified against the SHA-256 pinned in go-release-gate (a version outside that table needs trivy-sha256; the release\'s own checksums file never suffices). 0.69.4 (the malicious release) is refused. system: the trivy on PATH, no download.' },
  { name: 'trivy-download-base-url', kind: 'string', default: 'https://github.com/aquasecurity/trivy/releases/download', description: 'Base URL of the Trivy release downloads (a mirror with the same layout works): <base>/v<version>/trivy_<version>_Linux-64bit.tar.gz and so on. Must be https; a plain-http mirror on this machine is accepted only when the environment sets GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK=1.' },
  { name: 'trivy-sha256', kind: 'string', default: '', description: 'Your own SHA-256 of the Trivy archive for this runner, for a trivy-version outside the table pinned in go-release-gate. For a version in the table it must agree with the table.' },
  { name: 'trivy-db-repository', kind: 'list', default: 'mirror.gcr.io/aquasec/trivy-db:2\nghcr.io/aquasecurity/trivy-db:2', description: "OCI repositories of Trivy's vulnerability DB, tried in order (comma- or newline-separated). Default: TRIVY_DB_REPOSITORY from the environment when set, else Trivy's own defaults, the mirror first. The DB is fetched once per run when it is not fresh, with retries and exponential backoff on rate limits (429, TOOMANYREQUESTS) and 5xx; every scan then runs with the update skipped." },
  { name: 'trivy-db-max-age', kind: 'string', default: '7d', description: 'When the DB cannot be fetched, a DB already there (restored from the cache) is still used if it was updated less than this long ago (e.g. 7d, 36h), with a warning saying its age; an older one, or none, errors the scan stage.' },
  { name: 'trivy-cache-dir', kind: 'string', default: '', description: "Trivy's cache directory holding its vulnerability DB (db/trivy.db, db/metadata.json); cache it between runs to avoid DB download rate limits. Default: a directory of the gate's own outside the workspace, restored and saved with the Go caches (a directory you give here is yours: the gate neither restores nor saves it)." },
  { name: 'trivy-skip-db-update', kind: 'boolean', default: 'false', description: 'Never download the vulnerability DB: use the one in trivy-cache-dir (the scan fails when there is none).' },
  { name: 'sign', kind: 'enum', values: ['auto', 'always', 'never'], default: 'auto', description: 'Sign every binary and SHA256SUMS with cosign (a Sigstore bundle <file>.sigstore.json each), then verify each signature in the same run. auto: in release mode, with cosign-key when one is given, otherwise keyless with the workflow\'s OIDC identity when the job may get a token (`permissions: id-token: write`); without either, signing is skipped and the summary says what to add. always: in every mode, and fail when signing is not possible. never: do not sign. Pull-request events never sign. In release mode the SLSA provenance (provenance.intoto.jsonl) is signed as an attestation too.' },
  { name: 'cosign-key', kind: 'string', default: '', secret: true, description: 'cosign private key: a file path (relative to the workspace), env://NAME (read from that environment variable), or the PEM text itself (from a repository secret; on the CLI use a path or env://NAME, as arguments are visible to other processes). Its password comes from the COSIGN_PASSWORD environment variable, never an input. The public key is written to output-dir/cosign.pub.' },
  { name: 'sign-tlog-upload', kind: 'boolean', default: 'true', description: 'Record each signature in the Rekor transparency log (needs network). false keeps signatures offline; verifying them then needs --insecure-ignore-tlog, which the verify command in the report includes.' },
  { name: 'sign-keyless', kind: 'boolean', default: 'false', description: 'Keyless signing (Fulcio certificate for the workflow\'s GitHub OIDC identity) is what the gate does whenever no cosign-key is given. true: insist on it, so a job without an OIDC token fails instead of skipping signing. Cannot be combined with cosign-key.' },
  { name: 'cosign-version', kind: 'string', default: 'v3.1.3', description: 'cosign to sign with: a release version (installed from the tool cache, else downloaded from cosign-download-base-url and checked against the SHA-256 in go-release-gate\'s digest table or cosign-sha256 before it runs), or system (the cosign on PATH).' },
  { name: 'cosign-download-base-url', kind: 'string', default: 'https://github.com/sigstore/cosign/releases/download', description: 'Base URL of the cosign release downloads (<base>/v<version>/cosign-<os>-<arch>); a mirror with the same layout works. Must be https; a plain-http mirror on this machine (127.0.0.1, localhost, [::1]) is accepted only when the environment sets GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK=1.' },
  { name: 'cosign-sha256', kind: 'string', default: '', description: 'SHA-256 of the cosign binary for this runner, for a cosign-version outside the digest table (take it from a source you trust: the release\'s own checksum file is replaced together with the release). For a version the table pins it must agree with the table.' },
  { name: 'sigstore-fulcio-url', kind: 'string', default: '', description: 'A private Sigstore: Fulcio URL for keyless certificates. Empty: the public Sigstore (its services come from the signing config cosign fetches).' },
  { name: 'sigstore-rekor-url', kind: 'string', default: '', description: 'A private Sigstore: Rekor URL for the transparency log. With sigstore-fulcio-url and no Rekor, set sign-tlog-upload: false and give sigstore-tsa-url.' },
  { name: 'sigstore-tsa-url', kind: 'string', default: '', description: 'A private Sigstore: RFC 3161 timestamp authority URL (e.g. https://tsa.example/api/v1/timestamp). Keyless signatures without a transparency log need it.' },
  { name: 'sigstore-trusted-root', kind: 'string', default: '', description: 'A private Sigstore: trusted root JSON (made with cosign trusted-root create) that verification trusts instead of the public Sigstore root. A path, relative to the workspace.' },
  { name: 'sigstore-oidc-issuer', kind: 'string', default: 'https://token.actions.githubusercontent.com', description: 'OIDC issuer that keyless signatures must carry to verify. Change it only for a private Sigstore with its own issuer.' },
  { name: 'sigstore-certificate-identity', kind: 'string', default: '', description: 'Certificate identity that keyless signatures must carry to verify. Default: this workflow, https://github.com/<GITHUB_WORKFLOW_REF> (https://github.com/<owner>/<repo>/<workflow file>@<ref>). The CLI outside Actions needs it, with SIGSTORE_ID_TOKEN holding the token.' },
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
  { name: 'provenance', description: 'Path of provenance.intoto.jsonl (SLSA v1 provenance of the release, signed as an attestation next to it as provenance.intoto.jsonl.sigstore.json), empty when none was written.' },
  { name: 'public-key', description: 'Path of the cosign public key the signatures verify against (output-dir/cosign.pub), empty when nothing was signed with a key (keyless signatures verify against the workflow identity).' },
];

export function inputSpec(name: string): InputSpec {
  const spec = INPUTS.find((i) => i.name === name);
  if (!spec) throw new Error(`unknown input ${name}`);
  return spec;
}
