// The one writer for the output directory. People upload `output-dir/*` as the release, and a
// pull request controls what is committed there (a symlink named report.json pointing at a file
// outside the workspace, an old binary, a planted one). So every file the gate puts there is
// created fresh (an existing entry is unlinked, never written through, then the file is opened
// with O_EXCL | O_NOFOLLOW), and the writer knows which names this run produced.
import fs from 'node:fs';
import path from 'node:path';

/** Every file name a run of the gate can write into the output directory. */
// shard.json: the manifest of a shard bundle (fan-out).
const FIXED_NAMES = new Set(['SHA256SUMS', 'results.sarif', 'report.json', 'summary.md', 'outputs.json', 'cosign.pub', 'provenance.intoto.jsonl', 'shard.json']);
// GOOS values of `go tool dist list` (go1.26): a name <pkg>_<goos>_<goarch> is a gate binary.
const GOOS = 'aix|android|darwin|dragonfly|freebsd|illumos|ios|js|linux|netbsd|openbsd|plan9|solaris|wasip1|windows';
const BINARY = new RegExp(`^[^/\\\\]+_(${GOOS})_[a-z0-9]+(\\.exe)?$`);
const BUNDLE = /\.sigstore\.json$/;

/** True for a name the gate itself writes: an entry of that name left by anyone else is stale. */
export function isGateOutputName(name: string): boolean {
  return FIXED_NAMES.has(name) || BINARY.test(name) || BUNDLE.test(name);
}

// O_NOFOLLOW does not exist on Windows; there O_EXCL alone refuses an existing link.
const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const CREATE_FRESH = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NOFOLLOW;

export class OutputDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputDirError';
  }
}

function lstat(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** What was in the directory before this run: removed because the gate writes such names, or left because it does not. */
export interface Cleared {
  removed: string[];
  foreign: string[];
}

export interface OutputDir {
  readonly dir: string;
  /** Writes name afresh with data; returns its path. */
  write(name: string, data: string | Uint8Array, mode?: number): string;
  /** Appends to a file this run wrote. */
  append(name: string, data: string): void;
  /** Moves a file produced elsewhere (outside the checkout) in as name; returns its path. */
  adopt(source: string, name: string): string;
  /**
   * Removes every entry with a gate output name; reports the others. Call once, before anything
   * is built. With trash (an empty directory, asked for only when there is something to move),
   * entries are renamed into it where it is on the same file system, for the caller to delete off
   * the critical path; unlinked here otherwise.
   */
  clear(trash?: () => string): Cleared;
  /** Names written this run, in order. */
  produced(): string[];
}

/**
 * Opens (creating) the output directory. It must be a real directory, not a link: config already
 * resolved links in the path, so one appearing now is a swap.
 */
export function openOutputDir(dir: string): OutputDir {
  const produced: string[] = [];
  const ensureDir = () => {
    fs.mkdirSync(dir, { recursive: true });
    const st = fs.lstatSync(dir);
    if (!st.isDirectory()) throw new OutputDirError(`output directory ${dir} is not a directory (${st.isSymbolicLink() ? 'a symbolic link' : 'a file'})`);
  };
  const target = (name: string) => {
    if (name !== path.basename(name) || name === '.' || name === '..' || name === '') throw new OutputDirError(`"${name}" is not a plain file name`);
    return path.join(dir, name);
  };
  /** Unlinks whatever is at p (a file, a link, a fifo); a directory there is refused, not deleted. */
  const vacate = (p: string) => {
    const st = lstat(p);
    if (!st) return;
    if (st.isDirectory()) throw new OutputDirError(`${p} is a directory where go-release-gate writes a file; remove it`);
    fs.unlinkSync(p);
  };
  const note = (name: string) => {
    if (!produced.includes(name)) produced.push(name);
  };
  return {
    dir,
    write(name, data, mode = 0o644) {
      ensureDir();
      const p = target(name);
      vacate(p);
      const fd = fs.openSync(p, CREATE_FRESH, mode);
      try {
        fs.writeFileSync(fd, data);
      } finally {
        fs.closeSync(fd);
      }
      note(name);
      return p;
    },
    append(name, data) {
      if (!produced.includes(name)) throw new OutputDirError(`${name} was not written by this run; refusing to append to it`);
      const fd = fs.openSync(target(name), fs.constants.O_WRONLY | fs.constants.O_APPEND | NOFOLLOW);
      try {
        fs.writeFileSync(fd, data);
      } finally {
        fs.closeSync(fd);
      }
    },
    adopt(source, name) {
      ensureDir();
      const p = target(name);
      vacate(p);
      try {
        // link() never follows or replaces: EEXIST if anything appeared since vacate.
        fs.linkSync(source, p);
        fs.unlinkSync(source);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
        // Another file system (or no hard links): copy through a fresh descriptor.
        const fd = fs.openSync(p, CREATE_FRESH, fs.statSync(source).mode & 0o777);
        try {
          fs.writeFileSync(fd, fs.readFileSync(source));
        } finally {
          fs.closeSync(fd);
        }
        fs.rmSync(source, { force: true });
      }
      note(name);
      return p;
    },
    clear(trash) {
      const removed: string[] = [];
      const foreign: string[] = [];
      if (!lstat(dir)) return { removed, foreign };
      ensureDir();
      let renaming = trash !== undefined;
      for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (isGateOutputName(e.name) && !e.isDirectory()) {
          const p = path.join(dir, e.name);
          try {
            if (renaming) fs.renameSync(p, path.join(trash!(), e.name));
          } catch {
            // Another file system (EXDEV), or anything else: unlinked here, as without trash.
            renaming = false;
          }
          if (!renaming) fs.unlinkSync(p);
          removed.push(e.name);
        } else {
          foreign.push(e.isDirectory() ? `${e.name}/` : e.name);
        }
      }
      return { removed, foreign };
    },
    produced: () => [...produced],
  };
}
