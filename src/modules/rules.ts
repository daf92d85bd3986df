// The modules stage's rules: one per kind of drift between the source and what go.sum,
// go.mod and vendor/modules.txt say it is.
import { rule } from '../pipeline/findings.ts';

export const VERIFY_FAILED = rule({
  id: 'modules/verify-failed',
  name: 'ModuleVerifyFailed',
  shortDescription: 'A module could not be verified against go.sum.',
  fullDescription:
    'A module tree in the module cache no longer hashes to what was downloaded (the gate hashes every extracted tree it builds from, as go.sum records it, against the hash the cache kept at download, which the go.sum check compares with go.sum; outside a release, a tree whose every file has the inode, size, mtime and ctime it had when an earlier run hashed it takes the hash that run recorded; go mod verify, zips included, when a module has no extracted tree), or a go command the check depends on failed (module download, vendor regeneration). A module that cannot be verified is treated as unverified: the gate does not pass.',
  help:
    'For "dir has been modified" or "zip has been modified": the module cache was changed after download; clear it (go clean -modcache) and run again, then find out what changed it. For a failed go command: read the command output in the details; a network or proxy failure needs the module cache restored or the proxy reachable.',
  defaultSeverity: 'error',
  securitySeverity: 8.0,
});

export const VENDOR_MODIFIED = rule({
  id: 'modules/vendor-modified',
  name: 'VendoredFileModified',
  shortDescription: 'A vendored file differs from what go mod vendor produces.',
  fullDescription:
    'A file under vendor/ is not byte-identical to the file `go mod vendor` writes from the modules at their go.sum hashes (or from the local directory of a replace). The build would compile code that no go.sum line vouches for.',
  help: 'Run `go mod vendor` (or `go work vendor` in a workspace) and commit the result. If the change was intended, make it upstream or in a fork and point a replace directive at it.',
  defaultSeverity: 'error',
  securitySeverity: 8.0,
});

export const VENDOR_ADDED = rule({
  id: 'modules/vendor-added',
  name: 'VendoredFileAdded',
  shortDescription: 'vendor/ holds a file go mod vendor would not write.',
  fullDescription: 'A file exists under vendor/ that `go mod vendor` does not produce from go.mod and go.sum. Extra files can be compiled into the build (an extra .go file in a vendored package) or hide content from review.',
  help: 'Run `go mod vendor` (or `go work vendor`) and commit the result; it removes files that do not belong there.',
  defaultSeverity: 'error',
  securitySeverity: 8.0,
});

export const VENDOR_REMOVED = rule({
  id: 'modules/vendor-removed',
  name: 'VendoredFileRemoved',
  shortDescription: 'A file go mod vendor writes is missing from vendor/.',
  fullDescription: 'A file that `go mod vendor` writes from the modules at their go.sum hashes is missing from vendor/. The build then differs from the verified module (a removed file can change behaviour as much as an edited one).',
  help: 'Run `go mod vendor` (or `go work vendor`) and commit the result.',
  defaultSeverity: 'error',
  securitySeverity: 6.5,
});

export const VENDOR_MODULES_TXT = rule({
  id: 'modules/vendor-modules-txt',
  name: 'VendorModulesTxtDrift',
  shortDescription: 'vendor/modules.txt disagrees with go.mod.',
  fullDescription:
    'vendor/modules.txt does not say what go.mod (and go.work) say: a version differs, an "## explicit" marker is missing or extra, a replacement differs, or a line differs from the one `go mod vendor` writes. A -mod=vendor build trusts this file to describe the vendored code.',
  help: 'Run `go mod vendor` (or `go work vendor`) and commit the result; never edit vendor/modules.txt by hand.',
  defaultSeverity: 'error',
  securitySeverity: 7.0,
});

export const MISSING_SUM = rule({
  id: 'modules/missing-sum',
  name: 'MissingGoSumEntry',
  shortDescription: 'go.sum has no hash for a required module.',
  fullDescription:
    'A module that the build needs has no `h1:` line (hash of its files) or no `/go.mod` line (hash of its go.mod) in go.sum. Nothing then pins its content: a -mod=vendor build does not notice, and other builds fetch and trust whatever the proxy serves.',
  help: 'Run `go mod tidy` (or `go mod download <module>`) with the checksum database enabled and commit go.sum.',
  defaultSeverity: 'error',
  securitySeverity: 6.0,
});

export const SUM_MISMATCH = rule({
  id: 'modules/sum-mismatch',
  name: 'GoSumMismatch',
  shortDescription: 'A go.sum hash does not match the module.',
  fullDescription:
    'A hash in go.sum differs from the hash of the module as downloaded and verified (or two go.sum lines disagree about one module version). Either go.sum was edited or the module content changed after it was first published; both mean the source is not what go.sum says.',
  help: 'Do not "fix" this by replacing the hash. Find out which side changed: compare with the checksum database (https://sum.golang.org/lookup/<module>@<version>), then restore go.sum from a trusted commit and run `go mod download` again.',
  defaultSeverity: 'error',
  securitySeverity: 9.0,
});

export const NOT_TIDY = rule({
  id: 'modules/not-tidy',
  name: 'ModuleNotTidy',
  shortDescription: 'go.mod or go.sum differ from `go mod tidy`.',
  fullDescription: '`go mod tidy -diff` reports lines it would add to or remove from go.mod or go.sum. Untidy files hide which modules the build really uses. A warning unless require-tidy is true. A module found tidy is recorded in GOCACHE under a key of every input of that answer (go.mod, go.sum, the imports and build constraints of its Go files, the go command and its module settings), and a run with the same key reuses it.',
  help: 'Run `go mod tidy` and commit go.mod and go.sum. Set `require-tidy: true` to make this an error.',
  defaultSeverity: 'warning',
});

export const WEAK_VERIFICATION = rule({
  id: 'modules/weak-verification',
  name: 'WeakModuleVerification',
  shortDescription: 'A setting weakens module verification.',
  fullDescription:
    'An environment or `go env -w` setting makes the go command check less: GOFLAGS=-mod=mod with a vendor directory, GONOSUMDB or GOPRIVATE patterns that cover public modules, GOSUMDB=off, GOINSECURE; or lets something other than the committed source decide what is compiled: -toolexec or -overlay in GOFLAGS (from the environment or the go env file), an error in release mode. Builds elsewhere with the same settings trust more than go.sum proves.',
  help: 'Narrow GONOSUMDB / GOPRIVATE to your private module paths (e.g. github.com/your-org/*), leave GOSUMDB at its default, drop -mod=mod from GOFLAGS when you vendor, remove -toolexec and -overlay from GOFLAGS (go env -u GOFLAGS for the go env file), and remove GOINSECURE unless a private host truly lacks TLS.',
  defaultSeverity: 'warning',
  securitySeverity: 5.0,
});

export const MALFORMED_FILE = rule({
  id: 'modules/malformed-file',
  name: 'MalformedModuleFile',
  shortDescription: 'go.mod, go.work, go.sum or vendor/modules.txt cannot be read.',
  fullDescription: 'A module file does not follow the syntax the go command writes. The gate cannot prove anything about a file it cannot read, so it fails closed instead of skipping the checks that depend on it.',
  help: 'Fix the line named in the message (the go command can usually rewrite the file: `go mod tidy`, `go mod vendor`), or restore the file from a trusted commit.',
  defaultSeverity: 'error',
  securitySeverity: 5.0,
});

export const REPLACE_OUTSIDE = rule({
  id: 'modules/replace-outside-workspace',
  name: 'ReplaceOutsideWorkspace',
  shortDescription: 'A replace directive points at a directory outside the workspace.',
  fullDescription:
    'A directory replacement in go.mod or go.work (replace example.com/lib => ../../somewhere) resolves, after following symlinks, to a directory outside the checked-out repository. The build would compile code that is not part of the repository, that was not reviewed with it and that no go.sum line vouches for.',
  help: 'Vendor the replaced module into the repository (a directory inside it) or replace it with a published version (replace example.com/lib => example.com/fork v1.2.3).',
  defaultSeverity: 'error',
  securitySeverity: 7.0,
});

export const MODULES_RULES = [VERIFY_FAILED, VENDOR_MODIFIED, VENDOR_ADDED, VENDOR_REMOVED, VENDOR_MODULES_TXT, MISSING_SUM, SUM_MISMATCH, NOT_TIDY, WEAK_VERIFICATION, MALFORMED_FILE, REPLACE_OUTSIDE] as const;
