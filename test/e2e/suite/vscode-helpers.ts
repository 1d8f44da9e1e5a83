/**
 * Helpers over the `vscode` API for suites in any extension host (Node or web worker): no Node APIs here.
 * Waiting is event-driven where VS Code offers an event (diagnostics), with a poll as a safety net.
 */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'guardpost.guardpost';
export const SOURCE = 'guardpost';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitFor<T>(probe: () => T | undefined | false | null | Promise<T | undefined | false | null>, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? ` (last error: ${last.message})` : ''}`);
    await sleep(50);
  }
}

export function folder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder is open');
  return f;
}

export function wsUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(folder().uri, ...relative.split('/'));
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  if (d.code === undefined) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export function guardpostDiagnostics(uri: vscode.Uri, ruleId?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === SOURCE && (ruleId === undefined || codeOf(d) === ruleId))
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

/** `line:character-line:character`, 0-based as in the vscode API. */
export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export function severityName(s: vscode.DiagnosticSeverity): string {
  return ['error', 'warning', 'info', 'hint'][s];
}

/** A compact, comparable view of a diagnostic. */
export function describe(doc: vscode.TextDocument, d: vscode.Diagnostic): { code: string | undefined; severity: string; range: string; text: string } {
  return { code: codeOf(d), severity: severityName(d.severity), range: rangeText(d.range), text: doc.getText(d.range) };
}

/** Resolves when `uri`'s diagnostics satisfy `predicate` (checked now and on every change). */
export function waitForDiagnostics(uri: vscode.Uri, predicate: (ds: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      sub.dispose();
      clearTimeout(timer);
      clearInterval(poll);
      fn();
    };
    const check = () => {
      const ds = guardpostDiagnostics(uri);
      if (predicate(ds)) finish(() => resolve(ds));
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const poll = setInterval(check, 200);
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${vscode.workspace.asRelativePath(uri)}; diagnostics now: ${JSON.stringify(guardpostDiagnostics(uri).map((d) => `${codeOf(d)}@${rangeText(d.range)}`))}`)),
        ),
      timeoutMs,
    );
    check();
  });
}

/** Resolves once `uri`'s Guardpost diagnostics have not changed for `quietMs` (so "nothing new appears" is meaningful). */
export async function settled(uri: vscode.Uri, quietMs = 600, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  const end = Date.now() + timeoutMs;
  let last = JSON.stringify(guardpostDiagnostics(uri).map((d) => [codeOf(d), rangeText(d.range), d.message]));
  let since = Date.now();
  while (Date.now() < end) {
    await sleep(50);
    const now = JSON.stringify(guardpostDiagnostics(uri).map((d) => [codeOf(d), rangeText(d.range), d.message]));
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return guardpostDiagnostics(uri);
    }
  }
  throw new Error(`diagnostics of ${vscode.workspace.asRelativePath(uri)} kept changing for ${timeoutMs} ms`);
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded (extensionDevelopmentPath wrong?)`);
  await waitFor(() => ext.isActive, `${EXTENSION_ID} to activate`, 30_000);
  return ext;
}

export async function open(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(wsUri(relative));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Opens a file through the workbench (no extension-host reference), so closing its editor really closes it. */
export async function openInEditor(relative: string): Promise<vscode.TextDocument> {
  const uri = wsUri(relative);
  await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
  return waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()), `${relative} to open`);
}

/** Quick fixes VS Code would show for `range` (what Ctrl+. lists), with edits resolved. */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind = vscode.CodeActionKind.QuickFix): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind.value, 50);
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

export async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) {
    const ok = await vscode.workspace.applyEdit(action.edit);
    if (!ok) throw new Error(`applyEdit refused the edit of "${action.title}"`);
  }
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  if (!action.edit && !action.command) throw new Error(`code action "${action.title}" has neither an edit nor a command`);
}

export async function replaceAll(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('applyEdit failed');
}

/** Types `text` at a position one character at a time, as a user would (one document version per key). */
export async function typeAt(doc: vscode.TextDocument, position: vscode.Position, text: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  let offset = doc.offsetAt(position);
  for (const ch of text) {
    const at = doc.positionAt(offset);
    const ok = await editor.edit((b) => b.insert(at, ch), { undoStopBefore: false, undoStopAfter: false });
    if (!ok) throw new Error('editor.edit failed');
    offset += ch.length; // a newline moves to the next line: offsets, not columns
  }
}

/** Deletes `length` characters before `position` one keystroke (Backspace) at a time. */
export async function backspace(doc: vscode.TextDocument, position: vscode.Position, length: number): Promise<void> {
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  let at = position;
  for (let i = 0; i < length; i++) {
    const from = at.translate(0, -1);
    const ok = await editor.edit((b) => b.delete(new vscode.Range(from, at)), { undoStopBefore: false, undoStopAfter: false });
    if (!ok) throw new Error('editor.edit failed');
    at = from;
  }
}

/** Saves pending changes and closes every editor, so the next test starts from a clean window. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.saveAll');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function setSetting(section: string, value: unknown, target = vscode.ConfigurationTarget.Workspace): Promise<void> {
  const [head, ...rest] = section.split('.');
  await vscode.workspace.getConfiguration(head).update(rest.join('.'), value, target);
}

export async function writeFile(relative: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(wsUri(relative), new TextEncoder().encode(text));
}

export async function readFile(relative: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(wsUri(relative)));
}

export async function deleteFile(relative: string): Promise<void> {
  await vscode.workspace.fs.delete(wsUri(relative), { useTrash: false });
}
