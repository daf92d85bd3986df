// Parses `readelf -hlSdnW` (GNU binutils) into the raw facts the differential test compares
// with: header type, program headers, section headers, dynamic entries, build-id notes.
// The decision rules (static, PIE, RELRO, NX, stripped) are then applied to these facts
// as binary-inspection.md states them, independently of src/inspect.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ReadelfFacts {
  type: string;
  programHeaders: Array<{ type: string; flags: string }>;
  sections: Array<{ name: string; type: string }>;
  interpreter: string | null;
  needed: string[];
  rpath: string[];
  runpath: string[];
  dynamic: Array<{ tag: string; value: string }>;
  gnuBuildId: string | null;
  goBuildId: string | null;
}

export async function readelf(file: string): Promise<ReadelfFacts> {
  const { stdout } = await run('readelf', ['-hlSdnW', file], { env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 64 << 20 });
  const facts: ReadelfFacts = { type: '', programHeaders: [], sections: [], interpreter: null, needed: [], rpath: [], runpath: [], dynamic: [], gnuBuildId: null, goBuildId: null };
  let part = '';
  for (const line of stdout.split('\n')) {
    if (/^Program Headers:/.test(line)) part = 'ph';
    else if (/^Section Headers:/.test(line)) part = 'sh';
    else if (/^ Section to Segment mapping:/.test(line) || /^Key to Flags:/.test(line)) part = '';
    else if (/^Dynamic section at/.test(line)) part = 'dyn';
    else if (/^Displaying notes/.test(line)) part = 'notes';
    let m: RegExpExecArray | null;
    if ((m = /^\s+Type:\s+(.*)$/.exec(line)) && !facts.type) facts.type = m[1].trim();
    if (part === 'ph' && (m = /^\s+(\S+)\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+([RWE ]{3})\s+0x[0-9a-f]+\s*$/.exec(line))) {
      facts.programHeaders.push({ type: m[1], flags: m[2] });
    }
    if ((m = /\[Requesting program interpreter: (.*)\]$/.exec(line))) facts.interpreter = m[1];
    if (part === 'sh' && (m = /^\s+\[\s*(\d+)\]\s(.*)$/.exec(line)) && m[1] !== '0') {
      const cols = m[2].trim().split(/\s+/);
      facts.sections.push({ name: cols[0], type: cols[1] });
    }
    if (part === 'dyn' && (m = /^\s+0x[0-9a-f]+\s+\((\w+)\)\s+(.*)$/.exec(line))) {
      facts.dynamic.push({ tag: m[1], value: m[2].trim() });
      const lib = /\[(.*)\]$/.exec(m[2]);
      if (m[1] === 'NEEDED' && lib) facts.needed.push(lib[1]);
      if (m[1] === 'RPATH' && lib) facts.rpath.push(lib[1]);
      if (m[1] === 'RUNPATH' && lib) facts.runpath.push(lib[1]);
    }
    if (part === 'notes') {
      if ((m = /Build ID: ([0-9a-f]+)/.exec(line))) facts.gnuBuildId ??= m[1];
      if (/^\s+Go\s+0x[0-9a-f]+\s/.test(line) && (m = /description data: ((?:[0-9a-f]{2} ?)+)/.exec(line))) {
        facts.goBuildId ??= Buffer.from(m[1].trim().split(' ').map((h) => parseInt(h, 16))).toString('latin1');
      }
    }
  }
  if (/no program headers/.test(stdout)) facts.programHeaders = [];
  return facts;
}

/** The decision rules of binary-inspection.md §3, over readelf's facts. */
export function decide(f: ReadelfFacts) {
  const ph = (t: string) => f.programHeaders.find((p) => p.type === t);
  const dyn = (t: string) => f.dynamic.filter((d) => d.tag === t).map((d) => d.value);
  const flags1 = dyn('FLAGS_1').join(' ');
  const bindNow = dyn('BIND_NOW').length > 0 || dyn('FLAGS').some((v) => /\bBIND_NOW\b/.test(v)) || /\bNOW\b/.test(flags1);
  const isDyn = f.type.startsWith('DYN');
  const pie = isDyn && (/\bPIE\b/.test(flags1) || f.interpreter !== null);
  const stack = ph('GNU_STACK');
  return {
    static: f.interpreter === null && f.needed.length === 0,
    interpreter: f.interpreter,
    needed: f.needed,
    rpath: f.rpath,
    runpath: f.runpath,
    pie,
    relro: f.programHeaders.length === 0 ? 'n/a' : !ph('GNU_RELRO') ? 'none' : bindNow ? 'full' : 'partial',
    nx: stack !== undefined && !stack.flags.includes('E'),
    stripped: !f.sections.some((s) => s.type === 'SYMTAB' || s.name.startsWith('.debug_') || s.name.startsWith('.zdebug_')),
    type: f.type.startsWith('EXEC') || pie ? 'executable' : isDyn ? 'shared-library' : f.type.startsWith('REL') ? 'object' : f.type.startsWith('CORE') ? 'core' : 'other',
  };
}

/** `readelf -VW`'s version needs section: one {file, versions} per "File:" line, in order. */
export async function readelfVersionNeeds(file: string): Promise<Array<{ file: string; versions: string[] }>> {
  const { stdout } = await run('readelf', ['-VW', file], { env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 64 << 20 });
  const out: Array<{ file: string; versions: string[] }> = [];
  let inNeeds = false;
  for (const line of stdout.split('\n')) {
    if (/^Version needs section/.test(line)) inNeeds = true;
    else if (/^Version (symbols|definition) section/.test(line)) inNeeds = false;
    if (!inNeeds) continue;
    let m: RegExpExecArray | null;
    if ((m = /^\s+[0-9a-fx]+: Version: \d+\s+File: (\S+)\s+Cnt: \d+/.exec(line))) out.push({ file: m[1], versions: [] });
    else if ((m = /^\s+0x[0-9a-f]+:\s+Name: (\S+)\s+Flags:/.exec(line))) out[out.length - 1].versions.push(m[1]);
  }
  return out;
}
