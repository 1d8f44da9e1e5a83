/** Bundles the in-editor test suites with esbuild (`vscode` stays external: the extension host provides it). */
import { build } from 'esbuild';
import { join } from 'node:path';
import { E2E_OUT, REPO } from './env';

export const SUITE_ENTRIES = {
  main: 'test/e2e/suite/main.ts',
  robustness: 'test/e2e/suite/robustness.ts',
} as const;
export type SuiteName = keyof typeof SUITE_ENTRIES;

export const WEB_ENTRY = 'test/e2e/web/index.ts';

/** Node extension-host bundles: .e2e/out/<suite>.js */
export async function buildNodeSuites(): Promise<Record<SuiteName, string>> {
  const out = {} as Record<SuiteName, string>;
  for (const [name, entry] of Object.entries(SUITE_ENTRIES) as [SuiteName, string][]) {
    const outfile = join(E2E_OUT, 'out', `${name}.js`);
    await build({
      entryPoints: [join(REPO, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      sourcemap: 'inline',
      logLevel: 'warning',
    });
    out[name] = outfile;
  }
  return out;
}

/** Web-worker bundle: no Node built-ins may sneak in (esbuild fails on them with platform: browser). */
export async function buildWebSuite(): Promise<string> {
  const outfile = join(E2E_OUT, 'out', 'web', 'index.js');
  await build({
    entryPoints: [join(REPO, WEB_ENTRY)],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}
