// The go command's own words, turned into data: `go mod verify` lines, checksum mismatches,
// missing go.sum entries, and the JSON stream of `go mod download -json`. Whatever is not
// recognised is kept as text so it can be shown, never dropped.

export interface VerifyProblem {
  path: string;
  version: string;
  /** "dir has been modified", "zip has been modified", "missing ziphash: ...", ... */
  problem: string;
}

export interface ChecksumMismatch {
  path: string;
  version: string;
  goMod: boolean;
  downloaded: string;
  /** Hash the sum file (or checksum database) holds. */
  recorded: string;
  /** "go.sum", "go.work.sum", a go.sum path, or the checksum database name. */
  source: string;
}

export interface MissingSum {
  /** Module path when the go command names it; undefined when it only names a package. */
  path?: string;
  version?: string;
  goMod: boolean;
  /** Package whose module has no go.sum entry. */
  pkg?: string;
}

export interface GoProblems {
  verify: VerifyProblem[];
  mismatches: ChecksumMismatch[];
  missing: MissingSum[];
  /** Lines no pattern explained (still shown to the user). */
  other: string[];
}

const VERIFY_LINE = /^(\S+) (v\S+): (.+)$/;
const MISMATCH = /verifying (\S+?)@(v[^\s:]+?)(\/go\.mod)?: checksum mismatch\s*\n\s*downloaded:\s*(\S+)\s*\n\s*([^:\n]+):\s*(\S+)/g;
// "rsc.io/quote@v1.5.2: verifying module: checksum mismatch" (checksum database variant).
const SUMDB_MISMATCH = /(\S+?)@(v\S+?): verifying (module|go\.mod): checksum mismatch\s*\n\s*downloaded:\s*(\S+)\s*\n\s*([^:\n]+):\s*(\S+)/g;
const MISSING_GOMOD = /(\S+?)@(v\S+?): missing go\.sum entry for go\.mod file/g;
const MISSING_PKG = /missing go\.sum entry (?:for module providing package|needed to verify package) (\S+)/g;

// Lines that belong to an explanation the go command appends, not to a problem.
const NOISE = /^(SECURITY ERROR|This download does NOT match|The bits may have been replaced|have intercepted the download|For more information, see|\s*(downloaded|go\.sum|go\.work\.sum):|\s*go (get|mod download)|\s*To |\s*\(Use -mod)/;

export function parseGoProblems(output: string): GoProblems {
  const result: GoProblems = { verify: [], mismatches: [], missing: [], other: [] };
  for (const m of output.matchAll(MISMATCH)) {
    result.mismatches.push({ path: m[1], version: m[2], goMod: m[3] !== undefined, downloaded: m[4], source: m[5].trim(), recorded: m[6] });
  }
  for (const m of output.matchAll(SUMDB_MISMATCH)) {
    result.mismatches.push({ path: m[1], version: m[2], goMod: m[3] === 'go.mod', downloaded: m[4], source: m[5].trim(), recorded: m[6] });
  }
  for (const m of output.matchAll(MISSING_GOMOD)) result.missing.push({ path: m[1], version: m[2], goMod: true });
  for (const m of output.matchAll(MISSING_PKG)) result.missing.push({ pkg: m[1], goMod: false });

  for (const raw of output.split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '' || line === 'all modules verified' || NOISE.test(line)) continue;
    if (/checksum mismatch|missing go\.sum entry/.test(line)) continue; // parsed above
    const v = VERIFY_LINE.exec(line);
    if (v && !line.startsWith('go: ')) {
      result.verify.push({ path: v[1], version: v[2], problem: v[3] });
      continue;
    }
    result.other.push(line);
  }
  return result;
}

export interface DownloadedModule {
  path: string;
  version: string;
  /** h1 hash of the module tree as downloaded (absent for a directory replacement or an error). */
  sum?: string;
  goModSum?: string;
  /** The extracted tree and the cached zip, once downloaded. */
  dir?: string;
  zip?: string;
  error?: string;
}

/** `go mod download -json` prints one JSON object after another (not an array). */
export function parseDownloadJson(stdout: string): DownloadedModule[] {
  return objectsOf(stdout).flatMap((o) => {
    if (!o.Path) return [];
    const m: DownloadedModule = { path: o.Path, version: o.Version ?? '' };
    if (o.Sum) m.sum = o.Sum;
    if (o.GoModSum) m.goModSum = o.GoModSum;
    if (o.Dir) m.dir = o.Dir;
    if (o.Zip) m.zip = o.Zip;
    if (o.Error) m.error = o.Error;
    return [m];
  });
}

type DownloadObject = { Path?: string; Version?: string; Sum?: string; GoModSum?: string; Dir?: string; Zip?: string; Error?: string };

/**
 * The go command writes one indented object after another, each closed by a "}" alone on its
 * line (a string holds no raw newline): read as one array, in native code. Anything else (text
 * between the objects) goes through the scanner below, as before.
 */
function objectsOf(stdout: string): DownloadObject[] {
  const text = stdout.trim();
  if (text === '') return [];
  if (text.startsWith('{') && text.endsWith('}')) {
    try {
      const all = JSON.parse(`[${text.replace(/^\}\n\{$/gm, '},{')}]`) as unknown[];
      if (all.every((o) => typeof o === 'object' && o !== null && !Array.isArray(o))) return all as DownloadObject[];
    } catch {
      // Not the usual shape: scanned object by object.
    }
  }
  return scanObjects(stdout);
}

function scanObjects(stdout: string): DownloadObject[] {
  const out: DownloadObject[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < stdout.length; i++) {
    const c = stdout[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) {
        out.push(JSON.parse(stdout.slice(start, i + 1)) as DownloadObject);
      }
    }
  }
  if (depth !== 0) throw new Error('go mod download -json: output ends inside a JSON object');
  return out;
}

// How the go command says it could not reach a module source: the proxy is off or unreachable,
// the name does not resolve, the connection is refused or times out. Not about the module itself.
const UNREACHABLE = [
  /module lookup disabled by GOPROXY=off/,
  /GOPROXY list is not the empty string, but contains no entries/,
  /dial tcp [^:]*(:\d+)?: .*(connection refused|i\/o timeout|no such host|network is unreachable)/,
  /dial tcp .*: (connect: )?(connection refused|i\/o timeout|network is unreachable)/,
  /lookup \S+( on \S+)?: no such host/,
  /proxyconnect tcp/,
  /TLS handshake timeout/,
  /Client\.Timeout exceeded/,
];

/**
 * The first line saying that module sources could not be reached (GOPROXY=off, a refused proxy,
 * an unresolvable host), or undefined when the output says nothing of the kind.
 */
export function unreachableSource(output: string): string | undefined {
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    if (line !== '' && UNREACHABLE.some((re) => re.test(line))) return line;
  }
  return undefined;
}
