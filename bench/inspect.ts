// Benchmark: `inspect` (pure TypeScript, in process) against what a script does today:
// spawn `readelf -hlSdnW` and `go version -m` for every file. Same files, same run,
// alternating rounds; medians. Also the bytes each file needed against its size.
//   node_modules/.bin/node bench/inspect.ts [ROUNDS] [--write]
// --write replaces the "inspect" section of BENCHMARKS.md (other sections are kept).
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inspectFile } from '../src/inspect/binary.ts';
import { GO, loadCorpus } from '../test/support/corpus.ts';

const run = promisify(execFile);
const args = process.argv.slice(2);
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const write = args.includes('--write');

const corpus = await loadCorpus();
const files = corpus.files;
const env = { ...process.env, LC_ALL: 'C', GOTOOLCHAIN: 'local', GOFLAGS: '' };

async function native(file: string): Promise<void> {
  // A failing readelf (not ELF) or go version -m (no build info) still counts: a script pays for it.
  await run('readelf', ['-hlSdnW', file], { env, maxBuffer: 256 << 20 }).catch(() => {});
  await run(GO, ['version', '-m', file], { env, maxBuffer: 64 << 20 }).catch(() => {});
}

async function ours(file: string): Promise<number> {
  return (await inspectFile(file)).bytesRead;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const nativeTimes: number[] = [];
const oursTimes: number[] = [];
// Warm-up: page cache, JIT, go's first start.
for (const f of files) {
  await native(f.path);
  await ours(f.path);
}
for (let r = 0; r < rounds; r++) {
  let t = performance.now();
  for (const f of files) await native(f.path);
  nativeTimes.push(performance.now() - t);
  t = performance.now();
  for (const f of files) await ours(f.path);
  oursTimes.push(performance.now() - t);
}

const rows: string[] = [];
let totalRead = 0, totalSize = 0;
for (const f of files) {
  const info = await inspectFile(f.path);
  totalRead += info.bytesRead;
  totalSize += info.size;
  rows.push(`| ${f.id} | ${(info.size / 1048576).toFixed(1)} MiB | ${(info.bytesRead / 1024).toFixed(0)} KiB | ${((100 * info.bytesRead) / info.size).toFixed(1)}% |`);
}
const n = median(nativeTimes), o = median(oursTimes);
const { stdout: goVersion } = await run(GO, ['version']);
const { stdout: readelfVersion } = await run('readelf', ['--version']);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const skipped = corpus.skipped.length ? `\nSkipped (not fetchable here): ${corpus.skipped.map((s) => `${s.item} (${s.reason})`).join('; ')}.\n` : '';

const section = `## inspect

\`inspect\` (pure TypeScript, in process) against spawning \`readelf -hlSdnW\` and then
\`go version -m\` for every file, over the same ${files.length} corpus files (npm and Debian packages
with Go binaries, binaries built with ${goVersion.trim().split(' ')[2]}; see test/support/corpus.ts), same run,
alternating rounds. Command:

\`\`\`sh
node_modules/.bin/node bench/inspect.ts ${rounds} --write
\`\`\`

Machine: ${os.cpus().length} cores, ${cpu}; ${readelfVersion.split('\n')[0]}; ${goVersion.trim()}; Node ${process.version}; ${rounds} rounds, medians.

| Whole corpus (${files.length} files, ${(totalSize / 1048576).toFixed(0)} MiB) | Time |
| --- | --- |
| readelf -hlSdnW + go version -m, per file | ${n.toFixed(0)} ms |
| inspect | ${o.toFixed(0)} ms |
| Ratio (spawned tools / inspect) | ${(n / o).toFixed(1)}x |

Goal: at least 3x faster. ${n / o >= 3 ? 'Met' : 'Not met'}: ${(n / o).toFixed(1)}x. inspect reads ${(totalRead / 1048576).toFixed(1)} MiB of the
${(totalSize / 1048576).toFixed(0)} MiB (${((100 * totalRead) / totalSize).toFixed(1)}%): headers, the dynamic table and notes, the build info blob,
and the function-name and file-name tables of Go's pcln table (for time.LoadLocation, tzdata and
leaked paths). Go binaries without a \`.go.buildinfo\` section (esbuild) cost a scan of the data
segment. PE files name no section for the pcln table: Go's module data in the data section points
at it (a scan of the data section for the text's start address, minpc), and only when that fails
is \`.rdata\` searched for the table's header.
${skipped}
<details><summary>Bytes read per file</summary>

| File | Size | Read | Share |
| --- | --- | --- | --- |
${rows.join('\n')}

</details>
`;

process.stdout.write(section);
if (write) {
  const file = path.join(import.meta.dirname, '..', 'BENCHMARKS.md');
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch {
    text = '# Benchmarks\n\nEvery figure comes with the command that made it; rerun it on your machine to compare.\n';
  }
  const start = text.search(/^## inspect$/m);
  if (start >= 0) {
    const rest = text.slice(start + 1).search(/^## /m);
    text = text.slice(0, start) + section + (rest >= 0 ? '\n' + text.slice(start + 1 + rest) : '');
  } else {
    text = text.replace(/\n*$/, '\n\n') + section;
  }
  await writeFile(file, text);
}
