/**
 * The Guardpost language server, independent of transport: node.ts runs it over IPC/stdio in a Node
 * process, browser.ts in a web worker. It lints documents from the editor's text (never disk),
 * debounced, dropping runs a newer version supersedes, and answers code actions from the last lint.
 */
import { TextDocuments, type CodeAction, type Diagnostic, type CodeActionParams, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, type Config } from '../core/config';
import { BINARY_FILE_RULE, FILE_TOO_LARGE_RULE, INTERNAL_ERROR_RULE, lint, SYNTAX_ERROR_RULE, UNEXPLAINED_SUPPRESSION_RULE } from '../core/engine';
import { fixAll } from '../core/fixes';
import type { Rule } from '../core/rule';
import type { FileKind, Finding, SourceLanguage } from '../core/types';
import { allRules } from '../rules';
import {
  CONFIG_FILES_CHANGED,
  CONFIG_FILES_REQUEST,
  LINT_FILES_REQUEST,
  ROUTES_REQUEST,
  type ConfigFilesResult,
  type InitializationOptions,
  type LintFilesParams,
  type LintFilesResult,
  type RoutesParams,
  type RoutesResult,
} from './protocol';
import { formatRouteTable, listRoutes, type RouteRow } from '../core/routes-table';
import { configProblems, DEFAULT_SETTINGS, effectiveConfig, unknownRuleKeys, folderFromConfigText, isExcluded, languageOf, locate, normalizeSettings, type Folder, type Settings } from './settings';
import type { AuthoringOptions } from '../authoring/iam-hover';
import { COMPLETION_TRIGGERS, completionsAt, hoverAt, resolveCompletion } from './authoring';
import { FIX_ALL_KIND, QUICK_FIX_KIND, fixAllAction, kindRequested, quickFixes, toDiagnostics } from './translate';

/** Findings the engine itself reports; they can be configured like rules. */
const ENGINE_RULE_IDS = [SYNTAX_ERROR_RULE, INTERNAL_ERROR_RULE, FILE_TOO_LARGE_RULE, UNEXPLAINED_SUPPRESSION_RULE, BINARY_FILE_RULE];

/** Documents larger than this get no hovers: a hover parses the whole text. */
const MAX_HOVER_CHARS = 1024 * 1024;

/** Delay after the last keystroke before linting (the budget is 150 ms). */
export const DEBOUNCE_MS = 100;

export interface ServerOptions {
  rules?: readonly Rule[];
  /**
   * Reads a workspace file (`.guardpost.yaml`) when the client does not send it (editors other than
   * VS Code). Resolves null when absent. The Node entry reads file:// URIs from disk; the web one has none.
   */
  readConfigFile?: (uri: string) => Promise<string | null>;
}

interface Analysis {
  version: number;
  kind: FileKind;
  text: string;
  language: SourceLanguage;
  config: Config;
  findings: Finding[];
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const rules = options.rules ?? allRules;
  const knownRuleIds = [...rules.map((r) => r.meta.id), ...ENGINE_RULE_IDS];
  const documents = new TextDocuments(TextDocument);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const analyses = new Map<string, Analysis>();
  /** The last kind other than unknown each open document linted as (kept while it has a syntax error). */
  const knownKinds = new Map<string, FileKind>();
  /** The version each open document was last scheduled or linted at. */
  const requested = new Map<string, number>();
  const settingsCache = new Map<string, Promise<Settings>>();
  /** `.guardpost.yaml` files last published with problems. */
  const configWithProblems = new Set<string>();
  /** Closed files with diagnostics from a workspace lint. */
  const workspaceLinted = new Set<string>();
  let folders: Folder[] = [];
  let canPullSettings = false;
  let clientSendsConfigFiles = false;
  let ready: Promise<void> = Promise.resolve();

  const log = (message: string, error?: unknown): void => {
    const detail = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : error === undefined ? '' : String(error);
    connection.console.error(`${message}${detail ? `: ${detail}` : ''}`);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullSettings = !!params.capabilities.workspace?.configuration;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    clientSendsConfigFiles = init.configFiles === true;
    const initial = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = initial.map((uri) => folderFromConfigText(uri, null).folder);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: 2 /* incremental */, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [QUICK_FIX_KIND, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
      },
      serverInfo: { name: 'guardpost' },
    };
  });

  connection.onInitialized(() => {
    if (clientSendsConfigFiles) {
      ready = connection
        .sendRequest<ConfigFilesResult>(CONFIG_FILES_REQUEST)
        .then((result) => applyConfigFiles(result), (error: unknown) => log('Could not read .guardpost.yaml', error));
    } else if (options.readConfigFile) {
      ready = readConfigFilesHere(options.readConfigFile).then(applyConfigFiles, (error: unknown) => log('Could not read .guardpost.yaml', error));
    }
  });

  async function readConfigFilesHere(read: (uri: string) => Promise<string | null>): Promise<ConfigFilesResult> {
    const files = await Promise.all(folders.map(async (f) => ({ folderUri: f.uri, text: await read(`${f.uri.replace(/\/$/, '')}/${CONFIG_FILE_NAME}`).catch(() => null) })));
    return { files };
  }

  function applyConfigFiles(result: ConfigFilesResult | null | undefined): void {
    const files = result?.files ?? [];
    if (files.length === 0) return;
    folders = files.map((file) => {
      const { folder } = folderFromConfigText(file.folderUri, file.text);
      const uri = `${file.folderUri.replace(/\/$/, '')}/${CONFIG_FILE_NAME}`;
      // An open config file is checked live from the editor's text instead (validate()).
      if (!documents.get(uri)) void publishConfigProblems(uri, file.text === null ? [] : configProblems(file.text, knownRuleIds));
      return folder;
    });
  }

  async function publishConfigProblems(uri: string, problems: string[], version?: number): Promise<void> {
    for (const p of problems) connection.console.warn(`${uri}: ${p}`);
    // Closed config files: publish only to show problems or to clear earlier ones.
    if (version === undefined && problems.length === 0 && !configWithProblems.has(uri)) return;
    if (problems.length) configWithProblems.add(uri);
    else configWithProblems.delete(uri);
    await connection.sendDiagnostics({ uri, ...(version === undefined ? {} : { version }), diagnostics: configDiagnostics(problems) });
  }

  connection.onNotification(CONFIG_FILES_CHANGED, (result: ConfigFilesResult) => {
    applyConfigFiles(result);
    relintOpen();
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    relintOpen();
  });

  function settingsFor(uri: string): Promise<Settings> {
    if (!canPullSettings) return Promise.resolve(DEFAULT_SETTINGS);
    let pending = settingsCache.get(uri);
    if (!pending) {
      pending = connection.workspace.getConfiguration({ scopeUri: uri, section: 'guardpost' }).then(
        (raw: unknown) => {
          const { settings, problems } = normalizeSettings(raw);
          for (const key of unknownRuleKeys(settings.rules, knownRuleIds)) problems.push(`guardpost.rules: \`${key}\` is not a Guardpost rule or family`);
          for (const p of problems) connection.console.warn(p);
          return settings;
        },
        (error: unknown) => {
          log('Could not read settings', error);
          return DEFAULT_SETTINGS;
        },
      );
      settingsCache.set(uri, pending);
    }
    return pending;
  }

  /** Lints a text under the settings and config that apply to `uri`; undefined when disabled or excluded. */
  async function analyzeText(uri: string, text: string, languageId: string | undefined, version: number, stale = (): boolean => false): Promise<Analysis | undefined> {
    await ready;
    const settings = await settingsFor(uri);
    if (!settings.enable || stale()) return undefined;
    const config = effectiveConfig(settings, locate(uri, folders)?.folder);
    if (isExcluded(uri, folders, config)) return undefined;
    const language = languageOf(languageId, uri, text);
    const { kind, findings } = lint(text, { path: pathOf(uri), language, rules, config });
    return { version, kind, text, language, config, findings };
  }

  /** Lints an open document unless a newer version arrives meanwhile; publishes the result. */
  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    requested.set(uri, version);
    try {
      if (isConfigFile(uri)) {
        await publishConfigProblems(uri, configProblems(document.getText(), knownRuleIds), version);
        return;
      }
      // Awaiting settings lets newer edits in: a superseded version is neither linted nor published.
      const stale = (): boolean => documents.get(uri)?.version !== version;
      const analysis = await analyzeText(uri, document.getText(), document.languageId, version, stale);
      if (stale()) return;
      if (analysis) analyses.set(uri, analysis);
      else analyses.delete(uri);
      if (analysis && analysis.kind !== 'unknown') knownKinds.set(uri, analysis.kind);
      else if (!analysis || !analysis.findings.some((f) => f.ruleId === SYNTAX_ERROR_RULE)) knownKinds.delete(uri);
      await connection.sendDiagnostics({ uri, version, diagnostics: analysis ? toDiagnostics(analysis.findings, uri) : [] });
    } catch (error) {
      log(`Linting ${uri} failed`, error);
    }
  }

  function schedule(uri: string, delay: number): void {
    const previous = timers.get(uri);
    if (previous) clearTimeout(previous);
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      void validate(uri);
    }, delay));
  }

  function relintOpen(): void {
    for (const document of documents.all()) schedule(document.uri, 0);
  }

  documents.onDidOpen((event) => {
    workspaceLinted.delete(event.document.uri);
    requested.set(event.document.uri, event.document.version);
    schedule(event.document.uri, 0);
  });

  documents.onDidChangeContent((event) => {
    const { uri, version } = event.document;
    if (requested.get(uri) === version) return; // the open event already scheduled this version
    requested.set(uri, version);
    void settingsFor(uri).then((settings) => {
      if (settings.run === 'onType') schedule(uri, DEBOUNCE_MS);
    });
  });

  documents.onDidSave((event) => {
    void settingsFor(event.document.uri).then((settings) => {
      if (settings.run === 'onSave') schedule(event.document.uri, 0);
    });
  });

  documents.onDidClose((event) => {
    const { uri } = event.document;
    const timer = timers.get(uri);
    if (timer) clearTimeout(timer);
    timers.delete(uri);
    analyses.delete(uri);
    knownKinds.delete(uri);
    configWithProblems.delete(uri);
    requested.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  /** The analysis of the document's current version, linting now if the last one is stale. */
  async function currentAnalysis(uri: string): Promise<Analysis | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const cached = analyses.get(uri);
    if (cached && cached.version === document.version) return cached;
    const analysis = await analyzeText(uri, document.getText(), document.languageId, document.version);
    if (analysis && documents.get(uri)?.version === analysis.version) analyses.set(uri, analysis);
    return analysis;
  }

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    try {
      const uri = params.textDocument.uri;
      const analysis = await currentAnalysis(uri);
      if (!analysis) return [];
      const only = params.context.only;
      const actions: CodeAction[] = [];
      if (kindRequested(only, QUICK_FIX_KIND)) {
        actions.push(...quickFixes(analysis.findings, { uri, text: analysis.text, language: analysis.language, range: params.range }));
      }
      if (only && kindRequested(only, FIX_ALL_KIND) && analysis.findings.some((f) => f.fixes.some((x) => x.isPreferred))) {
        const fixed = fixAll(analysis.text, { path: pathOf(uri), language: analysis.language, rules, config: analysis.config });
        const action = fixAllAction(uri, analysis.text, fixed.text);
        if (action) actions.push(action);
      }
      return actions;
    } catch (error) {
      log('Code actions failed', error);
      return [];
    }
  });

  /** Hover and completion options for a document, when Guardpost is enabled for it. */
  async function authoringContext(uri: string): Promise<{ document: TextDocument; options: AuthoringOptions; kind: FileKind | undefined } | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const settings = await settingsFor(uri);
    if (!settings.enable) return undefined;
    const language = languageOf(document.languageId, uri, document.getText());
    // The last kind a lint saw spares completion a parse; half-typed text often does not parse at all.
    const kind = knownKinds.get(uri);
    return { document, kind, options: { path: pathOf(uri), language, ...(kind ? { kind } : {}) } };
  }

  connection.onHover(async (params) => {
    try {
      const context = await authoringContext(params.textDocument.uri);
      // A hover parses the document: only for files Guardpost reads, and not for huge ones.
      if (!context || !context.kind || context.document.getText().length > MAX_HOVER_CHARS) return null;
      const { document, options: authoring } = context;
      return hoverAt(document.getText(), document.offsetAt(params.position), document, authoring);
    } catch (error) {
      log('Hover failed', error);
      return null;
    }
  });

  connection.onCompletion(async (params) => {
    try {
      const context = await authoringContext(params.textDocument.uri);
      if (!context) return null;
      const { document, options: authoring } = context;
      return completionsAt(document.getText(), document.offsetAt(params.position), document, authoring);
    } catch (error) {
      log('Completion failed', error);
      return null;
    }
  });

  connection.onCompletionResolve((item) => {
    try {
      return resolveCompletion(item);
    } catch (error) {
      log('Completion details failed', error);
      return item;
    }
  });

  connection.onRequest(LINT_FILES_REQUEST, async (params: LintFilesParams): Promise<LintFilesResult> => {
    const result: LintFilesResult = { linted: 0, findings: 0 };
    for (const file of params.files) {
      try {
        const open = documents.get(file.uri);
        if (open) {
          // The editor's text wins over what is on disk.
          await validate(file.uri);
          const analysis = analyses.get(file.uri);
          if (analysis && analysis.kind !== 'unknown') {
            result.linted++;
            result.findings += analysis.findings.length;
          }
          continue;
        }
        const analysis = await analyzeText(file.uri, file.text, undefined, 0);
        const diagnostics = analysis ? toDiagnostics(analysis.findings, file.uri) : [];
        if (diagnostics.length > 0 || workspaceLinted.has(file.uri)) {
          await connection.sendDiagnostics({ uri: file.uri, diagnostics });
        }
        if (diagnostics.length > 0) workspaceLinted.add(file.uri);
        else workspaceLinted.delete(file.uri);
        if (analysis && analysis.kind !== 'unknown') {
          result.linted++;
          result.findings += diagnostics.length;
        }
      } catch (error) {
        log(`Linting ${file.uri} failed`, error);
      }
    }
    return result;
  });

  connection.onRequest(ROUTES_REQUEST, (params: RoutesParams): RoutesResult => {
    const rows: RouteRow[] = [];
    const routes: RoutesResult['routes'] = [];
    for (const file of params.files) {
      try {
        // Open documents: the editor's text wins over what the client read.
        const text = documents.get(file.uri)?.getText() ?? file.text;
        for (const row of listRoutes(text, pathOf(file.uri))) {
          rows.push(row);
          routes.push({ uri: file.uri, method: row.method, path: row.path, api: row.api, authorization: row.authorization, open: row.open, preflight: row.preflight, line: row.line - 1, character: row.column - 1 });
        }
      } catch (error) {
        log(`Listing routes of ${file.uri} failed`, error);
      }
    }
    return { routes, table: formatRouteTable(rows) };
  });

  documents.listen(connection);
  connection.listen();
}

function isConfigFile(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`);
}

/** Problems of `.guardpost.yaml` have no positions: they sit on its first line. */
function configDiagnostics(problems: readonly string[]): Diagnostic[] {
  return problems.map((message) => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 2, source: 'guardpost', message }));
}

/** The path part of a URI, for language detection and messages. */
function pathOf(uri: string): string {
  const path = uri.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0];
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
