/** Desktop entry: the server runs in its own Node process over IPC, off the extension host's thread. */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient, CLIENT_ID, CLIENT_NAME } from './client';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const module = context.asAbsolutePath('dist/server.js');
  const server: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  client = activateClient(context, (options: LanguageClientOptions) => new LanguageClient(CLIENT_ID, CLIENT_NAME, server, options)) as LanguageClient;
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
