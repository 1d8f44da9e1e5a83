/** Web entry (vscode.dev, github.dev): the server runs in a web worker built from dist/web/server.js. */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { activateClient, CLIENT_ID, CLIENT_NAME } from './client';

// The DOM lib is not in this project's tsconfig; the web extension host provides Worker.
declare const Worker: new (url: string) => unknown;

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  client = activateClient(context, (options: LanguageClientOptions) => new LanguageClient(CLIENT_ID, CLIENT_NAME, new Worker(serverMain.toString(true)) as ConstructorParameters<typeof LanguageClient>[2], options)) as LanguageClient;
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
