/**
 * Findings to LSP: diagnostics and code actions. Pure functions (no connection, no I/O) so the
 * adapter's whole translation is unit-tested; server.ts only wires them to requests.
 */
import type { CodeAction, Diagnostic, DiagnosticSeverity, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { docsUrl } from '../core/rule';
import { SuppressionFixer } from '../core/suppression-fix';
import type { Finding, Fix, Severity, SourceLanguage } from '../core/types';

export const SOURCE = 'guardpost';

/** The code action kind of "fix everything Guardpost can", for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.guardpost';
export const QUICK_FIX_KIND = 'quickfix';

// Numeric values of the LSP enum; spelled out so this module needs no runtime import.
const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, info: 3 };

export function toSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITY[severity];
}

/** Every rule id has a page under docs/rules/, the engine's own (`parse/…`, `guardpost/…`) included. */
export function hasDocsPage(ruleId: string): boolean {
  return /^[a-z0-9-]+\/[a-z0-9-]+$/.test(ruleId);
}

/** What a diagnostic carries back to us in code action requests. */
export interface DiagnosticData {
  ruleId: string;
}

export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: toSeverity(finding.severity),
    source: SOURCE,
    code: finding.ruleId,
    message: finding.message,
    data: { ruleId: finding.ruleId } satisfies DiagnosticData,
  };
  if (hasDocsPage(finding.ruleId)) diagnostic.codeDescription = { href: docsUrl(finding.ruleId) };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  }
  return diagnostic;
}

export function toDiagnostics(findings: readonly Finding[], uri: string): Diagnostic[] {
  return findings.map((f) => toDiagnostic(f, uri));
}

export function workspaceEdit(uri: string, edits: readonly TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits.map((e) => ({ range: e.range, newText: e.newText })) } };
}

function fixAction(fix: Fix, diagnostic: Diagnostic, uri: string): CodeAction {
  const action: CodeAction = { title: fix.title, kind: QUICK_FIX_KIND, diagnostics: [diagnostic], edit: workspaceEdit(uri, fix.edits) };
  if (fix.isPreferred) action.isPreferred = true;
  return action;
}

/** Whether two ranges touch or overlap (a cursor on a finding's edge counts). */
export function touches(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export interface QuickFixOptions {
  uri: string;
  text: string;
  language: SourceLanguage;
  /** The range the editor asks about (cursor or selection). */
  range: Range;
}

/**
 * Quick fixes for the findings under `range`: each finding's own fixes (the safe one preferred),
 * then one action that suppresses it with a reason placeholder.
 */
export function quickFixes(findings: readonly Finding[], options: QuickFixOptions): CodeAction[] {
  const hits = findings.filter((f) => touches(f.range, options.range));
  if (hits.length === 0) return [];
  const suppressor = new SuppressionFixer(options.text, options.language);
  const fixes: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const finding of hits) {
    const diagnostic = toDiagnostic(finding, options.uri);
    for (const fix of finding.fixes) fixes.push(fixAction(fix, diagnostic, options.uri));
    const suppression = suppressor.fix(finding);
    // Two findings of one rule on one line share the same suppression: offer it once.
    const key = suppression && `${finding.ruleId}@${JSON.stringify(suppression.edits)}`;
    if (suppression && key && !seen.has(key)) {
      seen.add(key);
      suppressions.push({ title: suppression.title, kind: QUICK_FIX_KIND, diagnostics: [diagnostic], edit: workspaceEdit(options.uri, suppression.edits) });
    }
  }
  return [...fixes, ...suppressions];
}

/**
 * The smallest single edit turning `before` into `after`: common prefix and suffix kept, so the
 * cursor, folds and undo history outside the change stay put.
 */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never split a surrogate pair or a CRLF (the kept prefix and suffix are the same in both texts).
  while (start > 0 && splitsPair(before, start)) start--;
  while (endBefore < before.length && splitsPair(before, endBefore)) {
    endBefore++;
    endAfter++;
  }
  return { range: { start: positionAt(before, start), end: positionAt(before, endBefore) }, newText: after.slice(start, endAfter) };
}

/** True when `offset` falls between a surrogate pair's halves or between '\r' and '\n'. */
function splitsPair(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return (code >= 0xdc00 && code <= 0xdfff) || (text[offset] === '\n' && text[offset - 1] === '\r');
}

function positionAt(text: string, offset: number): Range['start'] {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** The `source.fixAll.guardpost` action, given the text before and after applying every preferred fix. */
export function fixAllAction(uri: string, before: string, after: string): CodeAction | undefined {
  const edit = minimalEdit(before, after);
  if (!edit) return undefined;
  return { title: 'Fix all Guardpost problems', kind: FIX_ALL_KIND, edit: workspaceEdit(uri, [edit]) };
}

/** Whether a request's `only` filter admits a kind (`source` admits `source.fixAll.guardpost`). */
export function kindRequested(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return kind === QUICK_FIX_KIND;
  return only.some((k) => k === '' || kind === k || kind.startsWith(`${k}.`));
}
