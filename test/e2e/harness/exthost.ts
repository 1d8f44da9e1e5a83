/**
 * Extension-host integration tests in code-server (`npm run test:e2e`).
 *
 * For each suite: a fresh copy of its fixture workspace, a code-server with its state under a temp folder
 * (started in its own process group on a free loopback port, with the smoke-test driver enabled), and a
 * headless chromium that opens the workbench with a URL payload naming the repo as extensionDevelopmentPath
 * and the bundled suite as extensionTestsPath. VS Code runs the suite's run() inside the Node extension
 * host with the real `vscode` API; the exit code comes back through window.codeAutomationExit, the test
 * lines through a results file (the extension host inherits code-server's environment).
 *
 * Usage: node --import tsx test/e2e/harness/exthost.ts [main|robustness ...]   (default: all)
 *   GUARDPOST_E2E_GREP=<substring>  run only tests whose name contains it
 *   GUARDPOST_E2E_KEEP=1            keep the temp folder (workspaces, logs) even when everything passes
 *   GUARDPOST_E2E_EXTENSION=<dir>   load the extension from <dir> instead of the repo
 *   GUARDPOST_E2E_SNAPSHOT=1        load a copy of the manifest and dist/ instead of the repo itself (when
 *                                   another process may rebuild dist/ during the run)
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser } from './browser';
import { buildNodeSuites, SUITE_ENTRIES, type SuiteName } from './build';
import { startCodeServer } from './code-server';
import { REPO, tools } from './env';
import { sleep, withTimeout } from './process';
import { copyFixture, makeRobustnessWorkspace } from './workspace';

const SUITE_TIMEOUT_MS = Number(process.env.GUARDPOST_E2E_SUITE_TIMEOUT_MS ?? 15 * 60_000);

const WORKSPACES: Record<SuiteName, (dest: string) => string> = {
  main: (dest) => copyFixture('workspace', dest),
  robustness: (dest) => makeRobustnessWorkspace(dest),
};

/** Prints the lines the suite appends to its results file, as they arrive. */
function follow(file: string): { stop(): void } {
  let printed = 0;
  const tick = () => {
    if (!existsSync(file)) return;
    const text = readFileSync(file, 'utf8');
    const lines = text.slice(printed).split('\n');
    const complete = lines.slice(0, -1);
    for (const l of complete) console.log(`  ${l}`);
    printed += complete.reduce((n, l) => n + l.length + 1, 0);
  };
  const timer = setInterval(tick, 250);
  return {
    stop() {
      clearInterval(timer);
      tick();
    },
  };
}

/** The extension folder VS Code loads: the repo, or a snapshot of what the extension needs at runtime. */
function extensionFolder(root: string): string {
  if (process.env.GUARDPOST_E2E_EXTENSION) return resolve(process.env.GUARDPOST_E2E_EXTENSION);
  if (!process.env.GUARDPOST_E2E_SNAPSHOT) return REPO;
  const dest = join(root, 'extension');
  for (const item of ['package.json', 'dist', 'snippets', 'syntaxes', 'images', 'language-configuration.json', 'README.md', 'LICENSE']) {
    if (existsSync(join(REPO, item))) cpSync(join(REPO, item), join(dest, item), { recursive: true });
  }
  return dest;
}

async function runSuite(suite: SuiteName, bundle: string, root: string, extension: string): Promise<boolean> {
  const started = Date.now();
  const workspace = WORKSPACES[suite](join(root, `ws-${suite}`));
  const resultsDir = join(root, 'results');
  const stateDir = join(root, `state-${suite}`);
  console.log(`[e2e] suite ${suite}: workspace ${workspace}`);
  const server = await startCodeServer({
    stateDir,
    env: { GUARDPOST_E2E_RESULTS_DIR: resultsDir, GUARDPOST_E2E_GREP: process.env.GUARDPOST_E2E_GREP ?? '' },
  });
  console.log(`[e2e] code-server ${server.url} (log ${server.logFile}) up after ${Date.now() - started} ms`);
  const browser = await launchBrowser();
  const tail = follow(join(resultsDir, `${suite}.log`));
  const consoleLog = join(root, `browser-console-${suite}.log`);
  let code = 1;
  try {
    browser.page.on('console', (m) => {
      writeFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`, { flag: 'a' });
    });
    browser.page.on('pageerror', (e) => writeFileSync(consoleLog, `[pageerror] ${e.message}\n`, { flag: 'a' }));
    const exited = new Promise<number>((resolve) => {
      void browser.page.exposeFunction('codeAutomationExit', (c: number) => resolve(c));
    });
    const url = server.workbenchUrl(workspace, [
      ['extensionDevelopmentPath', server.remote(extension)],
      ['extensionTestsPath', server.remote(bundle)],
      ['skipWelcome', 'true'],
    ]);
    await browser.page.goto(url);
    code = await withTimeout(exited, SUITE_TIMEOUT_MS, `suite ${suite} (no codeAutomationExit)`);
  } catch (error) {
    console.error(`[e2e] suite ${suite}: ${(error as Error).message}`);
    code = 1;
  } finally {
    await sleep(300);
    tail.stop();
    await browser.close();
    await server.stop();
  }
  const resultFile = join(resultsDir, `${suite}.json`);
  if (!existsSync(resultFile)) {
    console.error(`[e2e] suite ${suite}: no results written (did the suite load? see ${consoleLog} and ${stateDir}/user-data/logs)`);
    code = code || 1;
  }
  console.log(`[e2e] suite ${suite}: exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code === 0;
}

async function main(): Promise<void> {
  const requested = process.argv.slice(2) as SuiteName[];
  for (const s of requested) if (!(s in SUITE_ENTRIES)) throw new Error(`unknown suite ${s}; known: ${Object.keys(SUITE_ENTRIES).join(', ')}`);
  const suites = requested.length ? requested : (Object.keys(SUITE_ENTRIES) as SuiteName[]);
  for (const f of [tools.codeServer, tools.chromium]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run scripts/e2e/setup.sh first`);
  }
  const root = mkdtempSync(join(tmpdir(), 'guardpost-e2e-'));
  const extension = extensionFolder(root);
  for (const f of ['dist/extension.js', 'dist/server.js']) {
    if (!existsSync(join(extension, f))) throw new Error(`${join(extension, f)} is missing: run npm run build first`);
  }
  console.log(`[e2e] extension bundle ${join(extension, 'dist/extension.js')} built ${statSync(join(extension, 'dist/extension.js')).mtime.toISOString()}`);
  const bundles = await buildNodeSuites();
  if (extension !== REPO) console.log(`[e2e] extension snapshot in ${extension}`);
  let ok = true;
  for (const suite of suites) ok = (await runSuite(suite, bundles[suite], root, extension)) && ok;
  if (ok && !process.env.GUARDPOST_E2E_KEEP) rmSync(root, { recursive: true, force: true });
  else console.log(`[e2e] workspaces, results and logs kept in ${root}`);
  console.log(`[e2e] extension-host suites ${ok ? 'PASSED' : 'FAILED'}`);
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(`[e2e] ${(error as Error).stack ?? error}`);
  process.exit(1);
});
