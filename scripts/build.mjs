// Bundles the extension, the language server and the CLI with esbuild.
//   node scripts/build.mjs                 development: sourcemaps, no minification
//   node scripts/build.mjs --production    minified, no sourcemaps (what the VSIX ships)
//   node scripts/build.mjs --watch         rebuilds on change
// Runs in `npm ci` through `prepare`, so it must stay fast and never need the network.
import { existsSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Node built-ins must never reach a web bundle: fail the build naming the importer. */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    const names = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    build.onResolve({ filter: /.*/ }, (args) => {
      if (!names.has(args.path)) return undefined;
      return { errors: [{ text: `Node module "${args.path}" imported by ${args.importer} cannot run in the browser build` }] };
    });
  },
};

/**
 * Large JSON data (the IAM catalogue) as `JSON.parse('<string>')`: V8 scans a string literal far
 * faster than it parses an object literal of the same size, and parses it only when first required.
 */
const jsonAsParse = {
  name: 'json-as-parse',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (text.length < 64 * 1024) return undefined;
      return { contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  target: 'es2022',
  logLevel: 'warning',
  absWorkingDir: root,
  // JSON data (the IAM catalogue) is bundled, whether imported or lazily `require()`d.
  loader: { '.json': 'json' },
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
  // ESM entries first: jsonc-parser's `main` is a UMD build whose internal require()s esbuild cannot follow.
  mainFields: ['module', 'main'],
  plugins: [jsonAsParse],
};

const builds = [
  { ...common, entryPoints: { extension: 'src/extension/node.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', external: ['vscode'] },
  { ...common, entryPoints: { server: 'src/server/node.ts' }, outdir: 'dist', platform: 'node', format: 'cjs' },
  {
    ...common,
    entryPoints: { extension: 'src/extension/browser.ts' },
    outdir: 'dist/web',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    conditions: ['browser'],
    plugins: [jsonAsParse, noNodeBuiltins],
  },
  {
    ...common,
    entryPoints: { server: 'src/server/browser.ts' },
    outdir: 'dist/web',
    platform: 'browser',
    format: 'iife',
    mainFields: ['browser', 'module', 'main'],
    conditions: ['browser'],
    plugins: [jsonAsParse, noNodeBuiltins],
  },
];

if (existsSync(join(root, 'src/cli/main.ts'))) {
  builds.push({ ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', platform: 'node', format: 'cjs' });
} else {
  console.warn('build: src/cli/main.ts does not exist yet; skipping dist/cli.js');
}

const started = Date.now();
// Stale bundles or maps from another mode must not reach the VSIX.
if (!watch) rmSync(join(root, 'dist'), { recursive: true, force: true });
if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('build: watching for changes');
} else {
  try {
    await Promise.all(builds.map((b) => esbuild.build(b)));
  } catch {
    // esbuild has already printed the errors.
    process.exit(1);
  }
  console.log(`build: ${builds.length} bundles${production ? ' (production)' : ''} in ${Date.now() - started} ms`);
}
