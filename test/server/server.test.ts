// The language server end to end over stdio, as any LSP client sees it: a real process running
// src/server/node.ts, speaking JSON-RPC. Waits on messages, never on time.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

const FOLDER = 'file:///work/space';
const TEMPLATE = `${FOLDER}/template.yaml`;
const text = (action: string) => [
  'Resources:',
  '  Role:',
  '    Type: AWS::IAM::Role',
  '    Properties:',
  '      Policies:',
  '        - PolicyName: p',
  '          PolicyDocument:',
  '            Statement:',
  '              - Effect: Allow',
  `                Action: '${action}'`,
  "                Resource: '*'",
  '',
].join('\n');

describe('language server over stdio', () => {
  let child: ChildProcess;
  let connection: MessageConnection;
  const published = new Map<string, PublishDiagnosticsParams[]>();
  const waiters: { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];

  /** The next diagnostics published for `uri` that pass `test` (or already published ones). */
  function diagnosticsFor(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const seen = (published.get(uri) ?? []).find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => waiters.push({ uri, test, resolve }));
  }

  before(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server/node.ts', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      published.set(p.uri, [...(published.get(p.uri) ?? []), p]);
      for (let i = waiters.length - 1; i >= 0; i--) {
        if (waiters[i].uri === p.uri && waiters[i].test(p)) waiters.splice(i, 1)[0].resolve(p);
      }
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map(() => ({ enable: true, run: 'onType', rules: {}, exclude: ['ignored/**'] })));
    connection.onRequest('guardpost/configFiles', () => ({ files: [{ folderUri: FOLDER, text: 'rules:\n  iam/wildcard-action: error\n' }] }));
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    const result = await connection.sendRequest<{ capabilities: { codeActionProvider: { codeActionKinds: string[] } } }>('initialize', {
      processId: process.pid,
      rootUri: FOLDER,
      workspaceFolders: [{ uri: FOLDER, name: 'space' }],
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { configFiles: true },
    });
    assert.deepEqual(result.capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.guardpost']);
    await connection.sendNotification('initialized', {});
  });

  after(async () => {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    child.kill();
  });

  it('lints an opened document with .guardpost.yaml applied', async () => {
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: TEMPLATE, languageId: 'yaml', version: 1, text: text('s3:*') } });
    const { diagnostics, version } = await diagnosticsFor(TEMPLATE);
    assert.equal(version, 1);
    const d = diagnostics.find((x: Diagnostic) => x.code === 'iam/wildcard-action');
    assert.ok(d, JSON.stringify(diagnostics));
    assert.equal(d.severity, 1, 'the config file raised it to error');
    assert.equal(d.source, 'guardpost');
    assert.deepEqual(d.range.start, { line: 9, character: 24 });
  });

  it('publishes the newest version after a burst of edits, from the editor text', async () => {
    for (const [version, action] of [[2, 'sqs:*'], [3, 'sns:*'], [4, 's3:GetObject']] as const) {
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: TEMPLATE, version },
        contentChanges: [{ text: text(action) }],
      });
    }
    const latest = await diagnosticsFor(TEMPLATE, (p) => p.version === 4);
    assert.deepEqual(latest.diagnostics.filter((d) => d.code === 'iam/wildcard-action'), []);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: TEMPLATE, version: 5 }, contentChanges: [{ text: text('s3:*') }] });
    const back = await diagnosticsFor(TEMPLATE, (p) => p.version === 5);
    assert.equal(back.diagnostics.filter((d) => d.code === 'iam/wildcard-action').length, 1);
  });

  it('answers quick fixes, suppression and fix-all code actions', async () => {
    const at = { start: { line: 9, character: 25 }, end: { line: 9, character: 25 } };
    const quick = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: TEMPLATE }, range: at, context: { diagnostics: [] } });
    assert.ok(quick.some((a) => a.kind === 'quickfix' && a.isPreferred), JSON.stringify(quick.map((a) => a.title)));
    const suppress = quick.find((a) => a.title === 'Suppress iam/wildcard-action on this line');
    assert.equal(suppress?.edit?.changes?.[TEMPLATE][0].newText, '                # guardpost-disable-next-line iam/wildcard-action -- <reason>\n');
    const all = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: TEMPLATE },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.guardpost'] },
    });
    assert.deepEqual(all.map((a) => [a.title, a.kind]), [['Fix all Guardpost problems', 'source.fixAll.guardpost']]);
  });

  it('answers IAM hover and completion on the open document', async () => {
    const hover = await connection.sendRequest<{ contents: { kind: string; value: string }; range: unknown } | null>('textDocument/hover', {
      textDocument: { uri: TEMPLATE },
      position: { line: 9, character: 26 },
    });
    assert.equal(hover?.contents.kind, 'markdown');
    assert.deepEqual(hover?.range, { start: { line: 9, character: 24 }, end: { line: 9, character: 30 } }); // the quoted scalar
    const list = await connection.sendRequest<{ items: { label: string }[] } | null>('textDocument/completion', {
      textDocument: { uri: TEMPLATE },
      position: { line: 9, character: 28 },
    });
    assert.ok(list?.items.some((i) => i.label === 's3:GetObject'), JSON.stringify(list?.items.slice(0, 3)));
  });

  it('lints closed files on request, skipping excluded and unknown ones', async () => {
    const result = await connection.sendRequest<{ linted: number; findings: number }>('guardpost/lintFiles', {
      files: [
        { uri: `${FOLDER}/closed.yaml`, text: text('dynamodb:*') },
        { uri: `${FOLDER}/ignored/skip.yaml`, text: text('dynamodb:*') },
        { uri: `${FOLDER}/docker-compose.yml`, text: 'services:\n  web:\n    image: nginx\n' },
      ],
    });
    assert.deepEqual(result, { linted: 1, findings: (await diagnosticsFor(`${FOLDER}/closed.yaml`)).diagnostics.length });
    assert.ok(result.findings >= 1);
    assert.equal(published.has(`${FOLDER}/ignored/skip.yaml`), false);
    assert.equal(published.has(`${FOLDER}/docker-compose.yml`), false);
  });

  it('lists API routes with authorization and a position to jump to (Show API Routes)', async () => {
    const sam = 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        Get:\n          Type: Api\n          Properties: {Path: /orders, Method: get}\n';
    const result = await connection.sendRequest<{ routes: { uri: string; method: string; path: string; authorization: string; open: boolean; line: number }[]; table: string }>('guardpost/routes', {
      files: [{ uri: `${FOLDER}/sam.yaml`, text: sam }, { uri: `${FOLDER}/docker-compose.yml`, text: 'services: {}\n' }],
    });
    assert.deepEqual(result.routes.map((r) => [r.uri, r.method, r.path, r.authorization, r.open, r.line]), [[`${FOLDER}/sam.yaml`, 'GET', '/orders', 'NONE (open)', true, 6]]);
    assert.match(result.table, /^GET +\/orders/m);
  });

  it('checks an open .guardpost.yaml live, unknown rule ids included', async () => {
    const uri = `${FOLDER}/.guardpost.yaml`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: 'rules:\n  iam/wilcard-action: off\n' } });
    const { diagnostics } = await diagnosticsFor(uri, (p) => p.version === 1);
    assert.deepEqual(diagnostics.map((d) => d.message), ['rules: `iam/wilcard-action` is not a Guardpost rule or family']);
  });

  it('clears diagnostics on close', async () => {
    const count = published.get(TEMPLATE)?.length ?? 0;
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri: TEMPLATE } });
    const cleared = await diagnosticsFor(TEMPLATE, (p) => (published.get(TEMPLATE)?.indexOf(p) ?? 0) >= count);
    assert.deepEqual(cleared.diagnostics, []);
  });
});

describe('language server for other editors (no Guardpost client extensions)', () => {
  it('reads .guardpost.yaml from disk and runs with default settings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardpost-lsp-'));
    writeFileSync(join(dir, '.guardpost.yaml'), 'rules:\n  iam/wildcard-action: info\n');
    const folder = pathToFileURL(dir).href;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/node.ts', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published = new Promise<PublishDiagnosticsParams>((resolve) =>
      connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        if (p.uri.endsWith('/template.yaml')) resolve(p);
      }));
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    try {
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'd' }], capabilities: {} });
      await connection.sendNotification('initialized', {});
      const uri = `${folder}/template.yaml`;
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: text('s3:*') } });
      const { diagnostics } = await published;
      const wildcard = diagnostics.filter((d) => d.code === 'iam/wildcard-action');
      assert.equal(wildcard.length, 1, JSON.stringify(diagnostics));
      assert.equal(wildcard[0].severity, 3, 'the folder config lowered it to info');
    } finally {
      await connection.sendRequest('shutdown').catch(() => undefined);
      connection.dispose();
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
