// The loopback Sigstore of the keyless signing tests, for trying keyless signing by hand: real
// Fulcio and timestamp authority, the token stand-in, a trusted root. Same code as the tests
// (test/support/sigstore.ts). Run through scripts/sigstore-local.sh up|down|serve.
//   serve   start everything, print the environment and inputs, run until SIGTERM/SIGINT
import fs from 'node:fs';
import path from 'node:path';
import { startLocalSigstore } from '../test/support/sigstore.ts';

const [command, stateFile] = process.argv.slice(2);
if (command !== 'serve' || !stateFile) {
  console.error('usage: node scripts/sigstore-local.mjs serve STATE_FILE (use scripts/sigstore-local.sh up|down)');
  process.exit(2);
}
const s = await startLocalSigstore();
const env = s.runnerEnv();
const inputs = s.inputs();
// A token for the CLI (SIGSTORE_ID_TOKEN), valid five minutes; the runner protocol hands out fresh ones.
const cliToken = path.join(s.dir, 'sigstore-id-token');
fs.writeFileSync(cliToken, s.token.mint('sigstore'), { mode: 0o600 });
const lines = [
  '# Environment of a job with "permissions: id-token: write" (for node dist/main.js):',
  ...Object.entries(env).map(([k, v]) => `export ${k}='${v}'`),
  '',
  '# Inputs (INPUT_<NAME> for dist/main.js, --<name> for the CLI):',
  ...Object.entries(inputs).map(([k, v]) => `export 'INPUT_${k.toUpperCase()}'='${v}'   # --${k} ${v}`),
  '',
  '# The CLI instead reads a token from SIGSTORE_ID_TOKEN (this one expires in 5 minutes) and needs the identity:',
  `export SIGSTORE_ID_TOKEN="$(cat '${cliToken}')"   # --sigstore-certificate-identity ${s.identity}`,
  '',
  `# Verify a bundle: cosign verify-blob --bundle F.sigstore.json --certificate-identity ${s.identity} --certificate-oidc-issuer ${s.token.issuer} --trusted-root ${s.trustedRoot} --insecure-ignore-tlog --insecure-ignore-sct F`,
  `# Logs: ${s.dir}`,
];
fs.writeFileSync(stateFile, `${JSON.stringify({ pid: process.pid, dir: s.dir, text: lines.join('\n') })}\n`);
const stop = async () => {
  await s.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setInterval(() => undefined, 1 << 30);
