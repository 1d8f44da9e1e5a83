/**
 * code-server (VS Code's server + web workbench, Node extension host, real disk) on a free loopback port,
 * with all of its state (config, user data, extensions, XDG dirs) under one temp folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tools } from './env';
import { freePort, sleep, spawnGroup, withTimeout, type Group } from './process';

export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.layoutControl.enabled': false,
};

export interface CodeServer {
  url: string;
  host: string;
  port: number;
  logFile: string;
  /** `vscode-remote://` URI of an absolute path on this machine, as the URL payload wants. */
  remote(path: string): string;
  /** Workbench URL opening `folder`, with an optional URL payload (extension-host tests). */
  workbenchUrl(folder: string, payload?: [string, string][]): string;
  stop(): Promise<void>;
}

function baseEnv(stateDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${tools.node24Bin}:${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: join(stateDir, 'xdg-config'),
    XDG_DATA_HOME: join(stateDir, 'xdg-data'),
    XDG_CACHE_HOME: join(stateDir, 'xdg-cache'),
    ...extra,
  };
}

function stateArgs(stateDir: string): string[] {
  return [
    '--config', join(stateDir, 'config.yaml'),
    '--user-data-dir', join(stateDir, 'user-data'),
    '--extensions-dir', join(stateDir, 'extensions'),
  ];
}

/** `code-server --install-extension <vsix>` into the state folder's extensions dir. */
export async function installExtension(stateDir: string, vsix: string): Promise<void> {
  mkdirSync(stateDir, { recursive: true });
  const logFile = join(stateDir, 'install-extension.log');
  const group = spawnGroup(tools.codeServer, [...stateArgs(stateDir), '--install-extension', vsix], {
    env: baseEnv(stateDir, {}),
    logFile,
  });
  try {
    const code = await withTimeout(group.exited, 120_000, `code-server --install-extension ${vsix}`);
    if (code !== 0) throw new Error(`code-server --install-extension exited with ${code} (see ${logFile})`);
  } finally {
    await group.stop();
  }
}

export async function startCodeServer(options: {
  stateDir: string;
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
}): Promise<CodeServer> {
  const { stateDir } = options;
  mkdirSync(join(stateDir, 'user-data', 'User'), { recursive: true });
  writeFileSync(
    join(stateDir, 'user-data', 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...options.settings }, null, 2),
  );
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const logFile = join(stateDir, 'code-server.log');
  let group: Group | undefined = spawnGroup(
    tools.codeServer,
    [
      ...stateArgs(stateDir),
      '--bind-addr', host,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      // Without it a built workbench ignores extensionDevelopmentPath/extensionTestsPath in the URL payload.
      '--vscode-option', 'enable-smoke-test-driver',
    ],
    { env: baseEnv(stateDir, options.env ?? {}), logFile },
  );
  const stop = async () => {
    const g = group;
    group = undefined;
    if (g) await g.stop();
  };
  try {
    const url = `http://${host}`;
    const end = Date.now() + 60_000;
    for (;;) {
      const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      const exited = await Promise.race([group.exited, sleep(250).then(() => undefined)]);
      if (exited !== undefined) throw new Error(`code-server exited with ${exited} before it was healthy (see ${logFile})`);
      if (Date.now() > end) throw new Error(`code-server not healthy after 60s (see ${logFile})`);
    }
    const remote = (path: string) => `vscode-remote://${host}${path}`;
    return {
      url,
      host,
      port,
      logFile,
      remote,
      workbenchUrl(folder, payload) {
        let u = `${url}/?folder=${encodeURIComponent(folder)}`;
        if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
        return u;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
