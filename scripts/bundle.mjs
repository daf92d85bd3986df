// Bundles the three entry points into dist/ and regenerates action.yml and the README's
// input/output tables from the one declaration in src/config/inputs.ts. Deterministic:
// running it twice gives the same bytes (CI checks that dist/ is up to date).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// --check: build into a temporary directory and fail if the committed dist/ differs.
const check = process.argv.includes('--check');
const distDir = check ? fs.mkdtempSync(path.join(root, 'node_modules', '.dist-check-')) : path.join(root, 'dist');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

// Every file in dist/ is CommonJS: Node starts a CommonJS entry about 4 ms sooner than an ES
// module one (its ES module loader is not set up at all), and the CLI's start is on the path to
// its first build (3.4 ms sooner to the first go build on examples/hello, 25 paired runs).
// import.meta.url (src/util/builtin.ts, src/cli/entry.ts) is each file's own URL. "use strict"
// comes first, where it counts: the sources are ES modules, written for strict mode.
const bundled = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  legalComments: 'eof',
  logLevel: 'warning',
  // Paths in the bundle stay those under ./node_modules even when it is a symlink, so the
  // output is the same bytes in every checkout.
  preserveSymlinks: true,
};
// The gate's own code: strict from the first line, import.meta.url as the file's URL, its version.
const common = {
  ...bundled,
  banner: { js: "'use strict';\nconst __gateImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { __GATE_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__gateImportMetaUrl' },
};

fs.rmSync(distDir, { recursive: true, force: true });
fs.mkdirSync(distDir, { recursive: true });
// The CLI's first module (src/cli/entry.ts), small: it loads dist/cli-main.cjs.
await esbuild.build({ ...common, entryPoints: { cli: 'src/cli/entry.ts' }, outdir: distDir });
// The Action's two steps share one bundle (esbuild splits only ES modules): dist/main.js and
// dist/post.js each start their step from it; a step's module runs only when it is required.
await esbuild.build({
  ...common,
  stdin: { contents: "exports.main = () => require('./src/action/main.ts');\nexports.post = () => require('./src/action/post.ts');\n", resolveDir: root, sourcefile: 'action-steps.js', loader: 'js' },
  outfile: path.join(distDir, 'action.cjs'),
});
for (const step of ['main', 'post']) {
  fs.writeFileSync(path.join(distDir, `${step}.js`), `'use strict';\n// The Action's ${step} step (action.yml); the code is in action.cjs, shared with the other step.\nrequire('./action.cjs').${step}();\n`);
}
// The CLI's code past its first module, as one CommonJS script: src/cli/entry.ts compiles it
// through node:vm with the code an earlier run kept (src/cli/code-cache.ts). import.meta.url
// (node:module's createRequire in src/util/builtin.ts) is the script's own file URL.
// @actions/tool-cache, with the HTTP stack it brings (undici: half the CLI's bytes), is a file of
// its own, required only by a run that downloads (src/cli/adapters.ts).
const toolCacheApart = {
  name: 'tool-cache-apart',
  setup(b) {
    b.onResolve({ filter: /^@actions\/tool-cache$/ }, () => ({ path: 'tool-cache', namespace: 'tool-cache-apart' }));
    b.onLoad({ filter: /.*/, namespace: 'tool-cache-apart' }, () => ({ contents: "module.exports = require('./cli-tool-cache.cjs');", loader: 'js' }));
    b.onResolve({ filter: /^\.\/cli-tool-cache\.cjs$/ }, (a) => ({ path: a.path, external: true }));
  },
};
// The CLI's .cjs files, each one bundle of its own. @actions/tool-cache is bundled as it is (no
// banner: it is not the gate's code).
const cjsFiles = { outdir: distDir, outExtension: { '.js': '.cjs' } };
await esbuild.build({ ...bundled, ...cjsFiles, entryPoints: { 'cli-tool-cache': '@actions/tool-cache' } });
await esbuild.build({ ...common, ...cjsFiles, entryPoints: { 'cli-main': 'src/cli/main.ts' }, plugins: [toolCacheApart] });
// esbuild gives every module that imports a built-in its own __toESM(require(...)), which copies
// each of the built-in's properties as a getter: 36 copies of node:fs and 40 of node:path, run
// before the first build starts. One copy per built-in serves them all (an import's namespace
// is read-only, so sharing it changes nothing an importer sees).
{
  const file = path.join(distDir, 'cli-main.cjs');
  const text = fs.readFileSync(file, 'utf8');
  const once = "var __gateBuiltins = new Map();\nfunction __gateBuiltin(id) {\n  let m = __gateBuiltins.get(id);\n  if (m === undefined) __gateBuiltins.set(id, (m = __toESM(require(id), 1)));\n  return m;\n}\n";
  const shared = text.replace(/__toESM\(require\(("node:[a-z_/]+")\), 1\)/g, '__gateBuiltin($1)');
  // Placed right after esbuild's own __toESM, which it calls.
  const helper = shared.indexOf('var __toESM = ');
  const end = helper < 0 ? -1 : shared.indexOf('));\n', helper);
  // Any other spelling esbuild might give a built-in's import would be left copying again: refuse it.
  if (end < 0 || /__toESM\(require\("node:/.test(shared)) {
    console.error('dist/cli-main.cjs: esbuild\'s __toESM helper, or its call for a built-in, is not where or what this script expects');
    process.exit(1);
  }
  fs.writeFileSync(file, shared.slice(0, end + 4) + once + shared.slice(end + 4));
}
// src/cli/code-cache.ts compiles the script with no loader for import(): one would throw when
// reached. Bundled code has none (esbuild turns its own into requires); refuse any other.
if (/\bimport\s*\(/.test(fs.readFileSync(path.join(distDir, 'cli-main.cjs'), 'utf8'))) {
  console.error('dist/cli-main.cjs has a dynamic import(), which node:vm cannot resolve there: import it statically or require() it');
  process.exit(1);
}
fs.chmodSync(path.join(distDir, 'cli.js'), 0o755);
fs.writeFileSync(path.join(distDir, 'package.json'), '{ "type": "commonjs" }\n');

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

// action.yml and README tables from the declaration.
const built = await esbuild.build({ absWorkingDir: root, entryPoints: ['src/config/inputs.ts'], bundle: true, format: 'esm', platform: 'node', write: false });
const { INPUTS, OUTPUTS } = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);

const yamlString = (s) => JSON.stringify(s);
const lines = [
  '# Generated by scripts/bundle.mjs from src/config/inputs.ts: edit that file, then run npm run bundle.',
  "name: 'go-release-gate'",
  "description: 'Release gate for Go: install Go, build static reproducible binaries for every target, inspect them, verify modules, and report one pass/fail verdict with SARIF and a job summary.'",
  "author: 'go-release-gate'",
  'branding:',
  "  icon: 'shield'",
  "  color: 'blue'",
  'inputs:',
];
for (const i of INPUTS) {
  if (i.cliOnly) continue;
  lines.push(`  ${i.name}:`, `    description: ${yamlString(i.description)}`, '    required: false');
  if (i.default !== '') lines.push(`    default: ${yamlString(i.default)}`);
}
lines.push('outputs:');
for (const o of OUTPUTS) lines.push(`  ${o.name}:`, `    description: ${yamlString(o.description)}`);
lines.push('runs:', "  using: 'node24'", "  main: 'dist/main.js'", "  post: 'dist/post.js'", "  post-if: 'always()'", '');
const staleGenerated = [];
/** Writes a generated file, or in --check mode records that the committed one differs. */
function emit(file, text) {
  if (!check) return fs.writeFileSync(file, text);
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) staleGenerated.push(path.relative(root, file));
}
emit(path.join(root, 'action.yml'), lines.join('\n'));

const readme = path.join(root, 'README.md');
if (fs.existsSync(readme)) {
  const esc = (s) => s.replace(/\|/g, '\\|');
  const inputsTable = [
    '| Input | CLI flag | Default | Description |',
    '| --- | --- | --- | --- |',
    ...INPUTS.map((i) => {
      const flag = i.name === 'working-directory' ? '--dir' : i.name === 'output-dir' ? '--out' : `--${i.name}`;
      return `| \`${i.name}\`${i.cliOnly ? ' (CLI only)' : ''} | \`${flag}\` | ${i.default ? `\`${esc(i.default)}\`` : ''} | ${esc(i.description)} |`;
    }),
  ].join('\n');
  const outputsTable = ['| Output | Description |', '| --- | --- |', ...OUTPUTS.map((o) => `| \`${o.name}\` | ${esc(o.description)} |`)].join('\n');
  let text = fs.readFileSync(readme, 'utf8');
  text = text.replace(/<!-- inputs:start -->[\s\S]*?<!-- inputs:end -->/, `<!-- inputs:start -->\n${inputsTable}\n<!-- inputs:end -->`);
  text = text.replace(/<!-- outputs:start -->[\s\S]*?<!-- outputs:end -->/, `<!-- outputs:start -->\n${outputsTable}\n<!-- outputs:end -->`);
  emit(readme, text);
}

// docs/rules.md from every stage's rules: the page each rule's helpUri points at.
const rulesBuild = await esbuild.build({
  absWorkingDir: root,
  stdin: { contents: "export { STAGES } from './src/stages/index.ts'; export { STAGE_CRASHED } from './src/pipeline/pipeline.ts'; export { MERGE_RULES } from './src/fanout/check.ts';", resolveDir: root, loader: 'ts' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  // A data: module has no file URL for createRequire: anchor require() at the repository.
  banner: { js: `import { createRequire as __gateCreateRequire } from 'node:module';\nconst require = __gateCreateRequire(${JSON.stringify(`${root}/`)});` },
  preserveSymlinks: true,
});
const { STAGES, STAGE_CRASHED, MERGE_RULES } = await import(`data:text/javascript;base64,${Buffer.from(rulesBuild.outputFiles[0].text).toString('base64')}`);
const docLines = [
  '# Rules',
  '',
  '<!-- Generated by scripts/bundle.mjs from the stages\' rule declarations. -->',
  '',
  'Every finding go-release-gate reports carries one of these rule ids. Change a rule\'s severity or',
  'turn it off with the `rules` input, e.g. `rules: inspect/not-stripped=warning,modules/not-tidy=off`',
  '(`gate/stage-errored` cannot be turned off: a check that did not run never passes).',
  '',
];
// The fan-in job's own checks (go-release-gate merge, mode: merge) after the stages'.
const groups = [['gate', [STAGE_CRASHED]], ...STAGES.map((st) => [st.name, st.rules]), ['merge', MERGE_RULES]];
for (const [stage, rules] of groups) {
  if (!rules.length) continue;
  docLines.push(`## ${stage}`, '');
  for (const r of rules) {
    const anchor = r.id.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    docLines.push(`<a id="${anchor}"></a>`, `### \`${r.id}\``, '', `**${r.shortDescription}** Default: ${r.defaultSeverity}${r.securitySeverity !== undefined ? `, security severity ${r.securitySeverity}` : ''}.${r.usageError ? ' A usage error: the CLI exits 2 (the Action fails the step), and the reports are still written.' : ''}`, '', r.fullDescription, '', r.help, '');
  }
}
emit(path.join(root, 'docs', 'rules.md'), docLines.join('\n'));

if (check) {
  const want = listFiles(distDir);
  const have = listFiles(path.join(root, 'dist'));
  const stale = [...new Set([...want, ...have])].filter((f) => {
    const a = path.join(distDir, f);
    const b = path.join(root, 'dist', f);
    return !fs.existsSync(a) || !fs.existsSync(b) || !fs.readFileSync(a).equals(fs.readFileSync(b));
  });
  fs.rmSync(distDir, { recursive: true, force: true });
  stale.push(...staleGenerated);
  if (stale.length) {
    console.error(`dist/ is stale (run npm run bundle and commit): ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log('dist/, action.yml and the README tables match src/.');
  process.exit(0);
}


