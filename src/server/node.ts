/** The server in a Node process (VS Code desktop over IPC; other editors over `--stdio`). */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// An escaped error is logged, never fatal: the editor keeps its server.
process.on('uncaughtException', (error) => connection.console.error(`Guardpost: uncaught ${error?.stack ?? error}`));
process.on('unhandledRejection', (error) => connection.console.error(`Guardpost: unhandled rejection ${(error as Error)?.stack ?? error}`));
// VS Code's client sends .guardpost.yaml itself; other editors (Neovim, Helix...) get it read from disk.
startServer(connection, {
  readConfigFile: async (uri) => {
    if (!uri.startsWith('file:')) return null;
    try {
      return await readFile(fileURLToPath(uri), 'utf8');
    } catch {
      return null;
    }
  },
});
