/**
 * UI smoke test: the packaged VSIX installed into code-server, driven through the workbench DOM as a user
 * would: open a SAM template, see the squiggle and the Problems row, Ctrl+. and pick the fix, Ctrl+S, and
 * check the file on disk. Saves a screenshot (docs/images/guardpost-quick-fix.png by default).
 *
 * Usage: node --import tsx test/e2e/harness/ui-smoke.ts [path/to.vsix] [screenshot.png]
 *   (default VSIX: <name>-<version>.vsix at the repo root, as `npm run package` writes it)
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { launchBrowser } from './browser';
import { installExtension, startCodeServer } from './code-server';
import { REPO } from './env';
import { sleep } from './process';
import { copyFixture } from './workspace';

const FILE = 'template.yaml';
const MESSAGE = '`sqs:*` in statement 1 of Policies of AWS::Serverless::Function OrderWorker';
const FIX_TITLE = "Replace with sqs's Read actions (3 entries)";
/** 1-based line:column of the `sqs:*` finding (0-based 20:22-20:27). */
const FINDING_AT = '21:23';

function expectedAfterFix(original: string): string {
  const lines = original.split('\n');
  lines.splice(20, 1, '              Action:', '                - sqs:Get*', '                - sqs:List*', '                - sqs:ReceiveMessage');
  return lines.join('\n');
}

async function main(): Promise<number> {
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string; publisher: string };
  const vsix = resolve(process.argv[2] ?? join(REPO, `${manifest.name}-${manifest.version}.vsix`));
  const shot = resolve(process.argv[3] ?? join(REPO, 'docs', 'images', 'guardpost-quick-fix.png'));
  const hoverShot = join(dirname(shot), 'guardpost-hover.png');
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first`);
  const root = mkdtempSync(join(tmpdir(), 'guardpost-e2e-ui-'));
  const stateDir = join(root, 'state');
  const ws = copyFixture('ui', join(root, 'orders-service'));
  const file = join(ws, FILE);
  const original = readFileSync(file, 'utf8');
  let passed = 0;
  let failed = 0;
  const check = (ok: boolean, name: string, detail = '') => {
    if (ok) passed++;
    else failed++;
    console.log(`${ok ? 'ok' : 'not ok'} - ${name}${ok || !detail ? '' : `\n    ${detail}`}`);
  };

  const started = Date.now();
  await installExtension(stateDir, vsix);
  const id = `${manifest.publisher}.${manifest.name}`;
  check(existsSync(join(stateDir, 'extensions')) && readdirSync(join(stateDir, 'extensions')).some((d) => d.startsWith(`${id}-${manifest.version}`)), `VSIX installed as ${id}@${manifest.version}`);
  const server = await startCodeServer({ stateDir, settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.fontSize': 14 } });
  const browser = await launchBrowser();
  const { page } = browser;
  try {
    await page.goto(server.workbenchUrl(ws));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${FILE}"]`).first();
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await page.waitForSelector(`.tab[aria-label^="${FILE}"]`, { timeout: 30_000 });

    const squiggles = page.locator('.monaco-editor .squiggly-warning');
    await squiggles.first().waitFor({ timeout: 60_000 });
    check((await squiggles.count()) === 1, 'one warning squiggle in the editor', `found ${await squiggles.count()}`);

    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: MESSAGE });
    await problem.first().waitFor({ timeout: 30_000 });
    const rowText = (await problem.first().innerText()).replace(/\s+/g, ' ');
    check(rowText.includes('iam/wildcard-action') && rowText.includes('[Ln 21, Col 23]'), 'Problems panel row names the rule and position', rowText);

    // Caret onto the finding with Go to Line, then Ctrl+. lists the fixes.
    await page.locator('.monaco-editor .view-line').first().click();
    await page.keyboard.press('Control+G');
    await page.keyboard.type(FINDING_AT);
    await page.keyboard.press('Enter');
    await sleep(500);
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row', { hasText: FIX_TITLE });
    await item.first().waitFor({ timeout: 30_000 });
    const items = await page.locator('.action-widget .monaco-list-row.action').allInnerTexts();
    check(items.some((t) => t.includes(FIX_TITLE)) && items.some((t) => t.includes('Suppress iam/wildcard-action on this line')), 'Ctrl+. offers the fix and the suppression', JSON.stringify(items));
    await item.first().hover();
    await sleep(300);
    mkdirSync(dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    console.log(`# screenshot ${shot}`);

    await item.first().click();
    await page.keyboard.press('Control+S');
    const expected = expectedAfterFix(original);
    let onDisk = '';
    for (let i = 0; i < 100 && onDisk !== expected; i++) {
      await sleep(100);
      onDisk = readFileSync(file, 'utf8');
    }
    check(onDisk === expected, 'the fix is applied and saved to disk with the exact expected text', `on disk:\n${onDisk}`);
    await squiggles.first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
    check((await squiggles.count()) === 0, 'the squiggle is gone after the fix');
    const rows = page.locator('.markers-panel .monaco-list-row', { hasText: MESSAGE });
    await rows.first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
    const remaining = await rows.count();
    check(remaining === 0, 'the Problems row is gone after the fix');

    // Hover on an action the fix wrote: its description, access level and resource types.
    await page.keyboard.press('Control+G');
    await page.keyboard.type('24:26');
    await page.keyboard.press('Enter');
    await sleep(300);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover', { hasText: 'sqs:ReceiveMessage' });
    await hover.first().waitFor({ timeout: 30_000 });
    const hoverText = (await hover.first().innerText()).replace(/\s+/g, ' ');
    check(/Read/.test(hoverText) && /queue/i.test(hoverText), 'hover on sqs:ReceiveMessage shows its access level and resource type', hoverText);
    await sleep(300);
    await page.screenshot({ path: hoverShot });
    console.log(`# screenshot ${hoverShot}`);
  } catch (error) {
    failed++;
    console.log(`not ok - UI smoke test: ${(error as Error).stack ?? error}`);
    await page.screenshot({ path: join(root, 'failure.png') }).catch(() => undefined);
    console.log(`# failure screenshot ${join(root, 'failure.png')}`);
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(`# ui: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (failed === 0 && !process.env.GUARDPOST_E2E_KEEP) rmSync(root, { recursive: true, force: true });
  else console.log(`# kept ${root}`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[e2e-ui] ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
