// Packages the VSIX from an existing production build (`npm run package` builds first), prints its
// size and contents, and fails when it is over budget or ships something it must not.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BYTES = 3 * 1024 * 1024;
const FORBIDDEN = /^(src|test|bench|scripts|node_modules|examples)\/|\.map$|\.ts$/;

const { version, name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, `${name}-${version}.vsix`);

for (const bundle of ['dist/extension.js', 'dist/server.js', 'dist/web/extension.js', 'dist/web/server.js']) {
  if (!existsSync(join(root, bundle))) fail(`${bundle} is missing: run \`node scripts/build.mjs --production\` first (npm run package does)`);
}

const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
const run = (args) => spawnSync(process.execPath, [vsce, ...args], { cwd: root, encoding: 'utf8' });

const listed = run(['ls', '--no-dependencies']);
if (listed.status !== 0) fail(`vsce ls failed:\n${listed.stderr || listed.stdout}`);
const files = listed.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
const bad = files.filter((f) => FORBIDDEN.test(f));
if (bad.length) fail(`the VSIX would ship files it must not (fix .vscodeignore):\n  ${bad.join('\n  ')}`);

const packed = run(['package', '--no-dependencies', '--out', out]);
if (packed.status !== 0) fail(`vsce package failed:\n${packed.stderr || packed.stdout}`);

const size = statSync(out).size;
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`package: ${out.slice(root.length + 1)} ${kb(size)} (${(size / 1024 / 1024).toFixed(2)} MB, budget 3 MB), ${files.length} files:`);
for (const f of files) console.log(`  ${f.padEnd(48)} ${kb(statSync(join(root, f)).size).padStart(9)}`);
if (size > MAX_BYTES) fail(`${out} is ${size} bytes, over the 3 MB budget`);

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}
