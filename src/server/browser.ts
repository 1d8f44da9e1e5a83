/** The server in a web worker (vscode.dev, github.dev): same core, no Node APIs. */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './server';

declare const self: object;

const connection = createConnection(new BrowserMessageReader(self as never), new BrowserMessageWriter(self as never));
startServer(connection);
