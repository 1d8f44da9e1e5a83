/**
 * The same extension-host suites under @vscode/test-electron, for a developer machine with a desktop
 * VS Code (these CI machines cannot download one: they use code-server, see harness/exthost.ts).
 *
 *   npm run build && node --import tsx test/e2e/runTest.ts [main|robustness ...]
 *   VSCODE_EXECUTABLE=/path/to/code  use an installed VS Code instead of downloading one
 *   VSCODE_VERSION=1.91.0            the version to download (default: stable)
 *
 * The suites are the same bundles (test/e2e/suite/*.ts, run() as extensionTestsPath) on the same fresh
 * copies of the fixture workspaces; results print to this terminal.
 */
import { runTests } from '@vscode/test-electron';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildNodeSuites, SUITE_ENTRIES, type SuiteName } from './harness/build';
import { REPO } from './harness/env';
import { copyFixture, makeRobustnessWorkspace } from './harness/workspace';

async function main(): Promise<void> {
  const requested = process.argv.slice(2) as SuiteName[];
  const suites = requested.length ? requested : (Object.keys(SUITE_ENTRIES) as SuiteName[]);
  const bundles = await buildNodeSuites();
  const root = mkdtempSync(join(tmpdir(), 'guardpost-e2e-electron-'));
  let failed = 0;
  for (const suite of suites) {
    const ws = suite === 'main' ? copyFixture('workspace', join(root, 'ws-main')) : makeRobustnessWorkspace(join(root, `ws-${suite}`));
    try {
      await runTests({
        extensionDevelopmentPath: REPO,
        extensionTestsPath: bundles[suite],
        vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
        version: process.env.VSCODE_VERSION || undefined,
        launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${join(root, `user-data-${suite}`)}`],
        extensionTestsEnv: { GUARDPOST_E2E_RESULTS_DIR: join(root, 'results'), GUARDPOST_E2E_GREP: process.env.GUARDPOST_E2E_GREP ?? '' },
      });
    } catch (error) {
      failed++;
      console.error(`suite ${suite} failed: ${(error as Error).message ?? error}`);
    }
  }
  console.log(`results and workspaces in ${root}`);
  process.exit(failed ? 1 : 0);
}

void main();
