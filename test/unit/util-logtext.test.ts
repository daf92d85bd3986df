// safeLogText: text from a repository, a tool or an advisory printed as log lines never becomes
// a workflow command, whatever it holds, and stays readable.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { COMMAND_BREAK, safeLogText } from '../../src/util/logtext.ts';
import { commandLines, hostilePayload, injectedCommands, runnerLines } from '../support/workflow-commands.ts';
import { consoleLogger } from '../../src/cli/adapters.ts';

const ATTACK = 'CVE-2022-32149 accepted\n::error title=Gate passed::all checks passed\n::add-mask::fail\n::stop-commands::pwnd';

test('the .trivyignore statement attack: every injected line is text, the words are still there', () => {
  const out = safeLogText(`ignored: ${ATTACK}`);
  assert.deepEqual(commandLines(out), []);
  assert.deepEqual(runnerLines(out), [
    'ignored: CVE-2022-32149 accepted',
    `:${COMMAND_BREAK}:error title=Gate passed::all checks passed`,
    `:${COMMAND_BREAK}:add-mask::fail`,
    `:${COMMAND_BREAK}:stop-commands::pwnd`,
  ]);
});

test('leading whitespace the runner trims does not hide a command', () => {
  for (const lead of [' ', '\t', '   \t ', '\u00a0', '\u3000', '\u2003', '\u0085', '\v', '\f']) {
    const out = safeLogText(`x\n${lead}::warning::boo`);
    assert.deepEqual(commandLines(out), [], JSON.stringify(lead));
    // VT and FF are shown as pictures (not whitespace any more); the others are kept and the prefix broken.
    assert.ok(out.includes(`:${COMMAND_BREAK}:warning::boo`) || /^x\n[\u240b\u240c]::warning::boo$/.test(out), JSON.stringify(out));
  }
});

test('v1 commands are found anywhere in a line, so every ##[ is broken', () => {
  const out = safeLogText('see ##[set-output name=verdict]pass and ###[group]x');
  assert.deepEqual(commandLines(out), []);
  assert.equal(out, `see #${COMMAND_BREAK}#[set-output name=verdict]pass and ##${COMMAND_BREAK}#[group]x`);
});

test('CRLF becomes LF; a lone CR and other controls become visible pictures, not line breaks', () => {
  assert.equal(safeLogText('a\r\nb'), 'a\nb');
  assert.equal(safeLogText('a\r::error::x'), 'a\u240d::error::x');
  assert.equal(safeLogText('red \u001b[31mtext\u001b[0m\u0000\u007f'), 'red \u241b[31mtext\u241b[0m\u2400\u2421');
  assert.equal(safeLogText('tab\tstays'), 'tab\tstays');
  assert.deepEqual(runnerLines(safeLogText('a\r::error::x\rb')), ['a\u240d::error::x\u240db']);
});

test('ordinary log text is unchanged', () => {
  for (const s of ['trivy fs --scanners vuln -- /w/app', 'main.go:7:14: undefined: missingGreeting', 'ports 8080::1 a::b', 'GOCACHE: dropped 3 entries', '', 'two\nlines']) {
    assert.equal(safeLogText(s), s);
  }
});

test('property: no output line is a command, and removing the marks gives the text back (CRLF and controls aside)', () => {
  const piece = fc.constantFrom('::', '##[', '\n', '\r', '\r\n', ' ', '\t', '\u00a0', '\u0085', ':', '#', '[', 'error', 'add-mask', '%0A', COMMAND_BREAK, '\u001b', 'x');
  const text = fc.oneof(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 60 }));
  fc.assert(
    fc.property(text, (s) => {
      const out = safeLogText(s);
      assert.deepEqual(commandLines(out), [], JSON.stringify({ s, out }));
      // Stronger than the runner needs: no line starts with "::" at all, whatever follows.
      for (const line of out.split('\n')) assert.ok(!/^[\s\u0085]*::/.test(line) && !line.includes('##['), JSON.stringify({ s, line }));
      // Only LF ends a line in the output.
      assert.ok(!out.includes('\r'));
      const expected = s.replace(/\r\n/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => (c.charCodeAt(0) === 0x7f ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0))));
      const unmarked = out.replace(new RegExp(`:${COMMAND_BREAK}:`, 'g'), '::').replace(new RegExp(`#${COMMAND_BREAK}#\\[`, 'g'), '##[');
      if (!expected.includes(`:${COMMAND_BREAK}:`) && !expected.includes(`#${COMMAND_BREAK}#[`)) assert.equal(unmarked, expected);
      // Idempotent: neutralised text stays as it is.
      assert.equal(safeLogText(out), out);
    }),
    { numRuns: 3000 },
  );
});

test('the CLI logger prints every kind of line inert, secrets masked first', async () => {
  let out = '';
  const log = consoleLogger((x) => (out += x), true);
  log.mask('s3cr::et');
  const p = hostilePayload('cli');
  // Without the logger the payload is obeyed: the helper really finds it.
  assert.equal(injectedCommands(p).length, 4);
  log.info(`info${p}`);
  log.debug(`debug${p}`);
  log.warning(`warning${p}`, { file: `go.mod${p}`, line: 3 });
  log.error(`error s3cr::et${p}`);
  await log.group(`group${p}`, async () => undefined);
  assert.deepEqual(injectedCommands(out), []);
  assert.deepEqual(commandLines(out), []);
  assert.ok(!out.includes('s3cr'));
  assert.match(out, /^error: error \*\*\*$/m);
  assert.match(out, new RegExp(`^:${COMMAND_BREAK}:stop-commands::pwnd-cli$`, 'm'));
});
