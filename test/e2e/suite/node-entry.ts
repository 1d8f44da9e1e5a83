/**
 * `run()` for suites in a Node extension host (code-server, or desktop VS Code under @vscode/test-electron).
 * Lines go to the console and, when GUARDPOST_E2E_RESULTS_DIR is set (the harness sets it on code-server,
 * whose environment the extension host inherits), to <dir>/<suite>.log as they happen and <dir>/<suite>.json
 * at the end.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from './framework';

export function nodeRun(suite: string): () => Promise<void> {
  return async () => {
    const dir = process.env.GUARDPOST_E2E_RESULTS_DIR;
    if (dir) mkdirSync(dir, { recursive: true });
    const out = (line: string) => {
      console.log(line);
      if (dir) appendFileSync(join(dir, `${suite}.log`), line + '\n');
    };
    const result = await runTests(suite, out, process.env.GUARDPOST_E2E_GREP || undefined);
    if (dir) writeFileSync(join(dir, `${suite}.json`), JSON.stringify(result, null, 2));
    if (result.failed > 0) throw new Error(`${result.failed} of ${result.passed + result.failed} tests failed in suite ${suite}`);
  };
}
