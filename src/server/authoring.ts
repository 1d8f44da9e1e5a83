/**
 * IAM hovers and completion (src/authoring) translated to LSP. Pure: text and offsets in, LSP values
 * out; server.ts converts positions and wires the requests.
 */
import type { CompletionItem, CompletionItemKind, CompletionList, Hover, Position, Range } from 'vscode-languageserver';
import { iamCompletionDocumentation, iamCompletionsAt, type IamCompletionItem } from '../authoring/iam-completion';
import { iamHoverAt, type AuthoringOptions } from '../authoring/iam-hover';

/** Offsets to positions, as the document at hand computes them. */
export interface PositionMapper {
  positionAt(offset: number): Position;
}

// Numeric LSP CompletionItemKind values (no runtime import needed).
const ITEM_KIND: Record<IamCompletionItem['kind'], CompletionItemKind> = { service: 9 /* Module */, action: 2 /* Method */, 'condition-key': 10 /* Property */ };

/** Characters after which the editor asks for completion by itself: `s3:` lists S3's actions. */
export const COMPLETION_TRIGGERS = [':'];

export function hoverAt(text: string, offset: number, lines: PositionMapper, options: AuthoringOptions): Hover | null {
  const hover = iamHoverAt(text, offset, options);
  if (!hover) return null;
  return { contents: { kind: 'markdown', value: hover.markdown }, range: { start: lines.positionAt(hover.start), end: lines.positionAt(hover.end) } };
}

/** What a completion item carries to completionItem/resolve. */
export interface CompletionData {
  guardpost: IamCompletionItem;
}

export function completionsAt(text: string, offset: number, lines: PositionMapper, options: AuthoringOptions): CompletionList | null {
  const list = iamCompletionsAt(text, offset, options);
  if (!list || list.items.length === 0) return null;
  const range: Range = { start: lines.positionAt(list.start), end: lines.positionAt(list.end) };
  return {
    isIncomplete: false,
    items: list.items.map((item): CompletionItem => ({
      label: item.label,
      kind: ITEM_KIND[item.kind],
      detail: item.detail,
      sortText: item.sortText,
      // The word under the cursor is replaced; VS Code filters on what is typed of it.
      textEdit: { range, newText: item.insertText ?? item.label },
      ...(item.insertText && item.insertText.endsWith(':') ? { command: { title: 'Suggest actions', command: 'editor.action.triggerSuggest' } } : {}),
      data: { guardpost: item } satisfies CompletionData,
    })),
  };
}

/** Adds the (large) documentation to an item when the editor shows it. */
export function resolveCompletion(item: CompletionItem): CompletionItem {
  const data = item.data as Partial<CompletionData> | undefined;
  if (!data?.guardpost) return item;
  const documentation = iamCompletionDocumentation(data.guardpost);
  return documentation ? { ...item, documentation: { kind: 'markdown', value: documentation } } : item;
}
