/**
 * Guardpost's own messages between the VS Code client and the server, beyond standard LSP. Plain
 * constants and types, shared by both sides; other LSP clients can ignore them (the server then
 * runs without `.guardpost.yaml` and without workspace lint).
 */

/** Server → client request: the text of `.guardpost.yaml` in each workspace folder (null when absent). */
export const CONFIG_FILES_REQUEST = 'guardpost/configFiles';
/** Client → server notification: `.guardpost.yaml` changed; carries the same payload as the request's result. */
export const CONFIG_FILES_CHANGED = 'guardpost/configFilesChanged';
/** Client → server request: lint these files (read by the client, closed ones too) and publish their diagnostics. */
export const LINT_FILES_REQUEST = 'guardpost/lintFiles';

/** Client → server request: the API routes of these files (the editor's "Show API Routes"). */
export const ROUTES_REQUEST = 'guardpost/routes';

export interface ConfigFile {
  folderUri: string;
  text: string | null;
}

export interface ConfigFilesResult {
  files: ConfigFile[];
}

export interface LintFilesParams {
  files: { uri: string; text: string }[];
}

export interface LintFilesResult {
  /** Files of a kind Guardpost reads (not unknown, not excluded). */
  linted: number;
  findings: number;
}

export interface RoutesParams {
  files: { uri: string; text: string }[];
}

/** One route, as the route table shows it, with where to jump to. */
export interface RouteItem {
  uri: string;
  method: string;
  path: string;
  api: string;
  authorization: string;
  open: boolean;
  preflight: boolean;
  /** 0-based, as LSP positions. */
  line: number;
  character: number;
}

export interface RoutesResult {
  routes: RouteItem[];
  /** The same routes as the CLI prints them (`guardpost routes`), for the output channel. */
  table: string;
}

/** What the client tells the server at start. */
export interface InitializationOptions {
  /** The client answers CONFIG_FILES_REQUEST. */
  configFiles?: boolean;
}
