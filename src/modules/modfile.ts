// The line syntax shared by go.mod and go.work: directives ("verb arg arg // comment"),
// factored blocks ("verb (" ... ")"), quoted and raw strings. Every directive keeps its line
// so a finding can point at it. Meaning (which verbs, which arguments) lives in gomod.ts and
// gowork.ts.
import { ModuleFileError, splitLines } from './errors.ts';

export interface Directive {
  verb: string;
  args: string[];
  /** 1-based line of this directive (inside a block: the line of the entry). */
  line: number;
  /** Text of a trailing // comment, trimmed; '' when none. */
  comment: string;
}

interface Token {
  text: string;
  /** True for "(", ")", "[", "]", "{", "}", ","; false for words and strings. */
  punct: boolean;
}

const PUNCT = new Set(['(', ')', '[', ']', '{', '}', ',']);

function isWordChar(c: string): boolean {
  return !PUNCT.has(c) && !/\s/.test(c) && c !== '"' && c !== '`';
}

function tokenizeLine(text: string, file: string, line: number): { tokens: Token[]; comment: string } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (text.startsWith('//', i)) return { tokens, comment: text.slice(i + 2).trim() };
    if (text.startsWith('/*', i)) throw new ModuleFileError(file, line, 'use // comments, not /* */ comments');
    if (PUNCT.has(c)) {
      tokens.push({ text: c, punct: true });
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) throw new ModuleFileError(file, line, 'unterminated quoted string');
      const quoted = text.slice(i, j + 1);
      let value: unknown;
      try {
        value = JSON.parse(quoted);
      } catch {
        throw new ModuleFileError(file, line, `invalid quoted string ${quoted}`);
      }
      tokens.push({ text: String(value), punct: false });
      i = j + 1;
      continue;
    }
    if (c === '`') {
      const j = text.indexOf('`', i + 1);
      if (j < 0) throw new ModuleFileError(file, line, 'unterminated raw string');
      tokens.push({ text: text.slice(i + 1, j), punct: false });
      i = j + 1;
      continue;
    }
    if (!isWordChar(c)) throw new ModuleFileError(file, line, `unexpected character ${JSON.stringify(c)}`);
    let j = i;
    while (j < text.length && isWordChar(text[j]) && !text.startsWith('//', j)) j++;
    tokens.push({ text: text.slice(i, j), punct: false });
    i = j;
  }
  return { tokens, comment: '' };
}

/** Reads go.mod / go.work syntax into directives; block entries become directives of the block's verb. */
export function parseDirectives(text: string, file: string): Directive[] {
  const out: Directive[] = [];
  const lines = splitLines(text);
  let block: { verb: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const { tokens, comment } = tokenizeLine(lines[i], file, line);
    if (tokens.length === 0) continue;
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (block) {
      if (first.text === ')' && first.punct) {
        if (tokens.length > 1) throw new ModuleFileError(file, line, 'unexpected text after ")"');
        block = undefined;
        continue;
      }
      if (tokens.some((t) => t.punct && (t.text === '(' || t.text === ')'))) {
        throw new ModuleFileError(file, line, `unexpected parenthesis inside the ${block.verb} block opened at line ${block.line}`);
      }
      out.push({ verb: block.verb, args: tokens.map((t) => t.text), line, comment });
      continue;
    }
    if (first.punct) throw new ModuleFileError(file, line, `unexpected "${first.text}" at the start of a directive`);
    if (last.punct && last.text === '(') {
      if (tokens.length !== 2) throw new ModuleFileError(file, line, `a block must be written "${first.text} (" on its own line`);
      block = { verb: first.text, line };
      continue;
    }
    // "require ()" on one line: an empty block.
    if (tokens.length === 3 && tokens[1].text === '(' && tokens[2].text === ')') continue;
    if (tokens.slice(1).some((t) => t.punct && (t.text === '(' || t.text === ')'))) {
      throw new ModuleFileError(file, line, 'unexpected parenthesis');
    }
    out.push({ verb: first.text, args: tokens.slice(1).map((t) => t.text), line, comment });
  }
  if (block) throw new ModuleFileError(file, block.line, `the ${block.verb} block opened here is never closed with ")"`);
  return out;
}

// Canonical semantic versions as the go command writes them in go.mod, go.sum and modules.txt.
const SEMVER = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+incompatible)?$/;

export function isModuleVersion(v: string): boolean {
  return SEMVER.test(v);
}

// The go command's own module path rules are stricter; this rejects what can never be a path.
const MODULE_PATH = /^[A-Za-z0-9._~+\-/!]+$/;

export function isModulePath(p: string): boolean {
  return MODULE_PATH.test(p) && !p.startsWith('/') && !p.endsWith('/') && !p.includes('//') && !p.startsWith('-');
}

/** A replacement target without a version must be a directory: rooted, ./ or ../ (as the go command requires). */
export function isLocalPath(p: string): boolean {
  return p.startsWith('./') || p.startsWith('../') || p === '.' || p === '..' || p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('.\\') || p.startsWith('..\\');
}

const GO_VERSION = /^[1-9]\d*(\.(0|[1-9]\d*)){0,2}((rc|beta)[1-9]\d*)?$/;

export function isGoVersion(v: string): boolean {
  // Every number must compare exactly: "go 99999999999999999999.1" is malformed, not a far future release.
  return GO_VERSION.test(v) && v.split(/\.|rc|beta/).every((n) => Number.isSafeInteger(Number(n)));
}

export interface ModuleVersion {
  path: string;
  /** '' for a directory replacement or a replacement of every version. */
  version: string;
}

export interface Replace {
  old: ModuleVersion;
  new: ModuleVersion;
  /** True when the replacement is a directory on disk (no version). */
  local: boolean;
  line: number;
}

/** Reads "old [v] => new [v]" with the go command's rules; shared by go.mod and go.work. */
export function parseReplace(d: Directive, file: string): Replace {
  const arrow = d.args.indexOf('=>');
  const bad = (why: string) => new ModuleFileError(file, d.line, `replace ${d.args.join(' ')}: ${why}`);
  if (arrow !== 1 && arrow !== 2) throw bad('expected "old [version] => new [version]"');
  const left = d.args.slice(0, arrow);
  const right = d.args.slice(arrow + 1);
  if (right.length !== 1 && right.length !== 2) throw bad('expected "old [version] => new [version]"');
  if (!isModulePath(left[0])) throw bad(`"${left[0]}" is not a module path`);
  if (left[1] !== undefined && !isModuleVersion(left[1])) throw bad(`"${left[1]}" is not a version of the form v1.2.3`);
  const local = right.length === 1;
  if (local && !isLocalPath(right[0])) throw bad(`a replacement without a version must be a directory path starting with ./ or ../ or /, not "${right[0]}"`);
  if (!local && !isModulePath(right[0])) throw bad(`"${right[0]}" is not a module path`);
  if (!local && !isModuleVersion(right[1])) throw bad(`"${right[1]}" is not a version of the form v1.2.3`);
  return { old: { path: left[0], version: left[1] ?? '' }, new: { path: right[0], version: right[1] ?? '' }, local, line: d.line };
}
