/**
 * The VS Code client, shared by the desktop (node.ts) and web (browser.ts) entries. It only starts
 * the server and adds what LSP lacks: `.guardpost.yaml` read through workspace.fs (so it works in
 * virtual workspaces), the status bar count, and "Lint Workspace" for closed files. No rule logic,
 * and nothing from src/core: activation stays cheap.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import {
  CONFIG_FILES_CHANGED,
  CONFIG_FILES_REQUEST,
  LINT_FILES_REQUEST,
  ROUTES_REQUEST,
  type ConfigFile,
  type ConfigFilesResult,
  type InitializationOptions,
  type LintFilesParams,
  type LintFilesResult,
  type RouteItem,
  type RoutesParams,
  type RoutesResult,
} from '../server/protocol';

export const CLIENT_ID = 'guardpost';
export const CLIENT_NAME = 'Guardpost';
export const LINT_WORKSPACE_COMMAND = 'guardpost.lintWorkspace';
export const SHOW_OUTPUT_COMMAND = 'guardpost.showOutput';
export const SHOW_ROUTES_COMMAND = 'guardpost.showRoutes';
export const OPEN_EXAMPLE_COMMAND = 'guardpost.walkthrough.openExample';
/** The walkthrough's example, shipped in the VSIX. */
const EXAMPLE_TEMPLATE = 'walkthrough/example-template.yaml';

const CONFIG_FILE = '.guardpost.yaml';
const LANGUAGES = ['yaml', 'json'] as const;
/** Files the workspace lint reads; the server skips those of unknown kind. */
const WORKSPACE_GLOB = '**/*.{yaml,yml,json,template}';
const SKIPPED = '**/{node_modules,.git,cdk.out,.aws-sam,.serverless}/**';
/** As the engine: larger files are not templates worth reading. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const BATCH = 40;

export type ClientFactory = (options: LanguageClientOptions) => BaseLanguageClient;

/** yaml and json in files, untitled buffers and whatever virtual file system the workspace lives on. */
export function documentSelector(workspaceSchemes: readonly string[]): DocumentSelector {
  const schemes = [...new Set(['file', 'untitled', 'vscode-vfs', 'vscode-test-web', ...workspaceSchemes])];
  return LANGUAGES.flatMap((language) => schemes.map((scheme) => ({ language, scheme })));
}

export function activateClient(context: vscode.ExtensionContext, createClient: ClientFactory): BaseLanguageClient {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const workspaceSchemes = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme);
  const initializationOptions: InitializationOptions = { configFiles: true };
  const client = createClient({
    documentSelector: documentSelector(workspaceSchemes),
    outputChannel: output,
    initializationOptions,
    synchronize: { configurationSection: 'guardpost' },
  });

  client.onRequest(CONFIG_FILES_REQUEST, () => readConfigFiles(output));
  const started = client.start().catch((error: unknown) => {
    output.error(`Guardpost's language server did not start: ${String((error as Error)?.stack ?? error)}`);
    throw error;
  });

  const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
  const configChanged = (): void => {
    void started
      .then(async () => client.sendNotification(CONFIG_FILES_CHANGED, await readConfigFiles(output)))
      .catch((error: unknown) => output.error(`Reloading ${CONFIG_FILE}: ${String(error)}`));
  };
  context.subscriptions.push(
    output,
    watcher,
    watcher.onDidChange(configChanged),
    watcher.onDidCreate(configChanged),
    watcher.onDidDelete(configChanged),
    vscode.workspace.onDidChangeWorkspaceFolders(configChanged),
    statusBar(),
    vscode.commands.registerCommand(LINT_WORKSPACE_COMMAND, () => lintWorkspace(client, started, output)),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show()),
    vscode.commands.registerCommand(SHOW_ROUTES_COMMAND, () => showRoutes(client, started, output)),
    vscode.commands.registerCommand(OPEN_EXAMPLE_COMMAND, () => openExample(context, output)),
  );
  return client;
}

/** Opens the walkthrough's example template as an untitled document: nothing is written to the workspace. */
async function openExample(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<void> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, EXAMPLE_TEMPLATE));
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: new TextDecoder().decode(bytes) });
    await vscode.window.showTextDocument(document);
  } catch (error) {
    output.error(`Opening the example template: ${String(error)}`);
    void vscode.window.showErrorMessage('Guardpost: could not open the example template (see the Guardpost output).');
  }
}

/** `.guardpost.yaml` of every workspace folder, read through workspace.fs (works on any file system). */
async function readConfigFiles(output: vscode.LogOutputChannel): Promise<ConfigFilesResult> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const files = await Promise.all(
    folders.map(async (folder): Promise<ConfigFile> => {
      const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
      try {
        const bytes = await vscode.workspace.fs.readFile(uri);
        return { folderUri: folder.uri.toString(), text: new TextDecoder().decode(bytes) };
      } catch (error) {
        if (!(error instanceof vscode.FileSystemError) || error.code !== 'FileNotFound') output.warn(`Reading ${uri.toString(true)}: ${String(error)}`);
        return { folderUri: folder.uri.toString(), text: null };
      }
    }),
  );
  return { files };
}

/** The Guardpost finding count of the active file; a click opens the Problems panel. */
function statusBar(): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('guardpost.status', vscode.StatusBarAlignment.Left, 0);
  item.name = 'Guardpost';
  item.command = 'workbench.actions.view.problems';
  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !(LANGUAGES as readonly string[]).includes(editor.document.languageId)) {
      item.hide();
      return;
    }
    const ours = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'guardpost');
    const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    item.text = ours.length === 0 ? '$(shield) Guardpost' : `$(shield) ${ours.length}`;
    item.tooltip = ours.length === 0
      ? 'Guardpost: no findings in this file'
      : `Guardpost: ${ours.length} finding${ours.length === 1 ? '' : 's'} in this file (${errors} error${errors === 1 ? '' : 's'}). Click to open Problems.`;
    item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
  };
  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((u) => u.toString() === active)) update();
    }),
  );
}

/** Lints every matching file, closed ones too, and fills the Problems panel. */
async function lintWorkspace(client: BaseLanguageClient, started: Promise<void>, output: vscode.LogOutputChannel): Promise<LintFilesResult | undefined> {
  await started;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Guardpost: linting workspace', cancellable: true },
    async (progress, token) => {
      const uris = await vscode.workspace.findFiles(WORKSPACE_GLOB, SKIPPED, undefined, token);
      const total: LintFilesResult = { linted: 0, findings: 0 };
      for (let i = 0; i < uris.length && !token.isCancellationRequested; i += BATCH) {
        const batch = uris.slice(i, i + BATCH);
        const files = (await Promise.all(batch.map((uri) => readText(uri, output)))).filter((f): f is LintFilesParams['files'][number] => !!f);
        const result = await client.sendRequest<LintFilesResult>(LINT_FILES_REQUEST, { files } satisfies LintFilesParams);
        total.linted += result.linted;
        total.findings += result.findings;
        progress.report({ increment: (batch.length / uris.length) * 100, message: `${Math.min(i + BATCH, uris.length)} of ${uris.length} files` });
      }
      const message = `Guardpost: ${total.findings} finding${total.findings === 1 ? '' : 's'} in ${total.linted} AWS file${total.linted === 1 ? '' : 's'}`;
      output.info(`${message} (${uris.length} YAML/JSON files scanned)`);
      if (total.findings > 0) {
        void vscode.window.showInformationMessage(message, 'Open Problems').then((choice) => {
          if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
        });
      } else {
        void vscode.window.showInformationMessage(message);
      }
      return total;
    },
  );
}

/**
 * Every API route of the workspace in one list (method, path, authorization, file:line), open ones
 * first; picking one jumps to where it is declared. The table also goes to the output channel.
 */
async function showRoutes(client: BaseLanguageClient, started: Promise<void>, output: vscode.LogOutputChannel): Promise<RouteItem[]> {
  await started;
  const routes = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Guardpost: finding API routes' },
    async () => {
      const uris = await vscode.workspace.findFiles(WORKSPACE_GLOB, SKIPPED);
      const all: RouteItem[] = [];
      const tables: string[] = [];
      for (let i = 0; i < uris.length; i += BATCH) {
        const files = (await Promise.all(uris.slice(i, i + BATCH).map((uri) => readText(uri, output)))).filter((f): f is RoutesParams['files'][number] => !!f);
        const result = await client.sendRequest<RoutesResult>(ROUTES_REQUEST, { files } satisfies RoutesParams);
        all.push(...result.routes);
        if (result.routes.length) tables.push(result.table);
      }
      if (tables.length) output.info(`API routes:\n${tables.join('\n')}`);
      return all;
    },
  );
  const open = routes.filter((r) => r.open).length;
  if (routes.length === 0) {
    void vscode.window.showInformationMessage('Guardpost: no API routes in this workspace.');
    return routes;
  }
  const items = [...routes]
    .sort((a, b) => Number(b.open) - Number(a.open))
    .map((route) => ({
      label: `${route.open ? '$(unlock)' : route.preflight ? '$(arrow-swap)' : '$(lock)'} ${route.method} ${route.path}`,
      description: route.authorization,
      detail: `${route.api} · ${vscode.workspace.asRelativePath(vscode.Uri.parse(route.uri))}:${route.line + 1}`,
      route,
    }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `Guardpost: ${routes.length} API route${routes.length === 1 ? '' : 's'}, ${open} open to anyone`,
    placeHolder: 'Pick a route to go to where it is declared',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked) {
    const position = new vscode.Position(picked.route.line, picked.route.character);
    await vscode.window.showTextDocument(vscode.Uri.parse(picked.route.uri), { selection: new vscode.Range(position, position) });
  }
  return routes;
}

async function readText(uri: vscode.Uri, output: vscode.LogOutputChannel): Promise<{ uri: string; text: string } | undefined> {
  try {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return { uri: uri.toString(), text: open.getText() };
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_FILE_BYTES) {
      output.info(`Skipped ${uri.toString(true)}: larger than 5 MB`);
      return undefined;
    }
    return { uri: uri.toString(), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (error) {
    output.warn(`Reading ${uri.toString(true)}: ${String(error)}`);
    return undefined;
  }
}
