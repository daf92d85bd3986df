// Go itself as the oracle for the Go text rules (strconv quoting, runtime/debug's build
// info parser and printer): a tiny program built once with /usr/local/go answers batches.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CACHE, GO } from './corpus.ts';

const run = promisify(execFile);

const SOURCE = `package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"os"
	"runtime/debug"
	"strconv"
)

type req struct{ Op, S string }
type resp struct {
	Ok  bool   \`json:"ok"\`
	Out string \`json:"out"\`
	Err string \`json:"err"\`
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	enc := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var r req
		if err := json.Unmarshal(in.Bytes(), &r); err != nil {
			panic(err)
		}
		b, _ := base64.StdEncoding.DecodeString(r.S)
		s := string(b)
		var out resp
		switch r.Op {
		case "quote":
			out = resp{Ok: true, Out: strconv.Quote(s)}
		case "unquote":
			v, err := strconv.Unquote(s)
			out = resp{Ok: err == nil, Out: v}
		case "parse":
			bi, err := debug.ParseBuildInfo(s)
			if err != nil {
				out = resp{Err: err.Error()}
			} else {
				out = resp{Ok: true, Out: bi.String()}
			}
		}
		out.Out = base64.StdEncoding.EncodeToString([]byte(out.Out))
		enc.Encode(out)
	}
}
`;

let built: Promise<string> | undefined;

async function build(): Promise<string> {
  const { stdout } = await run(GO, ['version']);
  const bin = path.join(CACHE, 'oracle', stdout.trim().replace(/\W+/g, '_'), 'gooracle');
  if (existsSync(bin)) return bin;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'grg-oracle-'));
  try {
    await writeFile(path.join(dir, 'go.mod'), 'module oracle\n\ngo 1.21\n');
    await writeFile(path.join(dir, 'main.go'), SOURCE);
    await mkdir(path.dirname(bin), { recursive: true });
    await run(GO, ['build', '-o', bin, '.'], { cwd: dir, env: { ...process.env, CGO_ENABLED: '0', GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod', GOPROXY: 'off' } });
    return bin;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface OracleAnswer {
  ok: boolean;
  /** Byte string (one char per byte). */
  out: string;
  err: string;
}

/** Asks Go about many byte strings at once; inputs and outputs are byte strings. */
export async function askGo(op: 'quote' | 'unquote' | 'parse', inputs: string[]): Promise<OracleAnswer[]> {
  built ??= build();
  const bin = await built;
  const child = spawn(bin, [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`oracle exited ${code}`)))));
  child.stdin.end(inputs.map((s) => JSON.stringify({ Op: op, S: Buffer.from(s, 'latin1').toString('base64') })).join('\n') + '\n');
  await done;
  return Buffer.concat(chunks)
    .toString('utf8')
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const r = JSON.parse(l) as OracleAnswer;
      return { ...r, out: Buffer.from(r.out, 'base64').toString('latin1') };
    });
}
