/**
 * IAM completion, as pure functions of the text and an offset: service prefixes and, after `service:`,
 * that service's action names with their access level; condition keys (global `aws:` keys and those of the
 * services the document uses) where a key of a `Condition` operator block is being typed.
 *
 * Completion runs on text that is being typed and often does not parse (`Action: s3:` is a YAML error), so
 * the context is read from the text around the cursor (bounded look-back, current and parent lines), not from
 * the node tree the rules use.
 */
import { classify } from '../core/classify';
import { actionInfo, conditionKeys, serviceActions, serviceInfo, servicePrefixes, type AccessLevel } from '../core/iam/catalog';
import { detectLanguage, parseDocument } from '../core/parse';
import { GLOBAL_CONDITION_KEYS } from './global-condition-keys';
import { actionHoverMarkdown, conditionKeyHoverMarkdown, type AuthoringOptions } from './iam-hover';

export type IamCompletionKind = 'service' | 'action' | 'condition-key';

export interface IamCompletionItem {
  label: string;
  kind: IamCompletionKind;
  /** Access level for actions, service name for services, origin for condition keys. */
  detail: string;
  /** Text to insert when it differs from the label (`s3:` for the service `s3`). */
  insertText?: string;
  /** Orders actions by access level (Read and List first), then name. */
  sortText: string;
}

export interface IamCompletionList {
  context: 'action' | 'condition-key';
  /** The range (offsets) the chosen item replaces: the word under the cursor. */
  start: number;
  end: number;
  items: IamCompletionItem[];
}

/** How far back the JSON context is searched: a statement, not a whole file. */
const LOOK_BACK = 4000;
const WORD = /[A-Za-z0-9:*?_.\-/${}<>]/;

const OPERATOR =
  '(?:ForAllValues:|ForAnyValue:)?(?:String(?:Not)?Equals(?:IgnoreCase)?|String(?:Not)?Like|Numeric(?:Not)?Equals|Numeric(?:LessThan|GreaterThan)(?:Equals)?|Date(?:Not)?Equals|Date(?:LessThan|GreaterThan)(?:Equals)?|Bool|BinaryEquals|(?:Not)?IpAddress|Arn(?:Not)?(?:Equals|Like)|Null)(?:IfExists)?';

const LEVEL_RANK: Record<AccessLevel, number> = { Read: 0, List: 1, Write: 2, Tagging: 3, 'Permissions management': 4 };

export function iamCompletionsAt(text: string, offset: number, options: AuthoringOptions = {}): IamCompletionList | undefined {
  const language = options.language ?? detectLanguage(text, options.path);
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && WORD.test(text[end])) end++;
  const context = language === 'json' ? jsonContext(text, start) : yamlContext(text, start);
  if (!context) return undefined;
  if (options.kind ? options.kind === 'unknown' : !looksLikeAws(text, language)) return undefined;
  const prefix = text.slice(start, offset);
  const items = context === 'action' ? actionItems(prefix) : conditionKeyItems(prefix, text);
  return { context, start, end, items };
}

/** Documentation for a completion item, for completionItem/resolve (kept out of the list: it is large). */
export function iamCompletionDocumentation(item: IamCompletionItem): string | undefined {
  if (item.kind === 'action') return actionHoverMarkdown(item.label);
  if (item.kind === 'condition-key') return conditionKeyHoverMarkdown(item.label);
  const service = serviceInfo(item.label);
  return service ? `**${service.name}** (\`${service.prefix}\`): ${service.actions.length} actions` : undefined;
}

function actionItems(prefix: string): IamCompletionItem[] {
  const colon = prefix.indexOf(':');
  if (colon <= 0) {
    return servicePrefixes().map((p) => ({ label: p, kind: 'service' as const, detail: serviceInfo(p)?.name ?? p, insertText: `${p}:`, sortText: p }));
  }
  return serviceActions(prefix.slice(0, colon)).map((a) => ({
    label: a.id,
    kind: 'action' as const,
    detail: a.level,
    sortText: `${LEVEL_RANK[a.level]}${a.name}`,
  }));
}

function conditionKeyItems(prefix: string, text: string): IamCompletionItem[] {
  const colon = prefix.indexOf(':');
  const wanted = colon > 0 ? [prefix.slice(0, colon).toLowerCase()] : ['aws', ...servicesUsed(text)];
  const items: IamCompletionItem[] = [];
  const seen = new Set<string>();
  const add = (key: string, detail: string) => {
    if (seen.has(key.toLowerCase())) return;
    seen.add(key.toLowerCase());
    // Keys with a variable part (`aws:ResourceTag/${TagKey}`) insert the fixed head; the user types the tag key.
    const variable = /\$\{[^}]*\}|<[^>]*>/.exec(key);
    items.push({ label: key, kind: 'condition-key', detail, sortText: key, ...(variable ? { insertText: key.slice(0, variable.index) } : {}) });
  };
  for (const service of wanted) {
    if (service === 'aws') for (const key of Object.keys(GLOBAL_CONDITION_KEYS)) add(key, 'Global condition key');
    const info = serviceInfo(service);
    if (info) for (const key of conditionKeys(service)) add(key, key.startsWith('aws:') ? 'Global condition key' : `Condition key of ${info.name}`);
  }
  return items;
}

/** Service prefixes of the actions the document names (`s3:GetObject` → s3), in order of appearance. */
function servicesUsed(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s"'[,])([a-z0-9-]+):([A-Za-z*?][A-Za-z0-9*?]*)/gm)) {
    if (m[1] !== 'aws' && (actionInfo(`${m[1]}:${m[2]}`) || (/[*?]/.test(m[2]) && serviceInfo(m[1])))) out.add(m[1]);
  }
  return [...out];
}

/** Markers of an AWS file, for a half-typed document that does not parse (nor classify) yet. */
const AWS_MARKERS = /AWSTemplateFormatVersion|AWS::|["']?Statement["']?\s*:|^provider:|["']?Effect["']?\s*:\s*["']?(?:Allow|Deny)/m;

/** Whether the document is one Guardpost reads: it classifies, or it does not parse yet and has AWS markers. */
function looksLikeAws(text: string, language: 'yaml' | 'json'): boolean {
  const doc = parseDocument(text, language);
  if (doc.roots.some((root) => classify(root) !== 'unknown')) return true;
  return doc.problems.length > 0 && AWS_MARKERS.test(text);
}

function jsonContext(text: string, start: number): 'action' | 'condition-key' | undefined {
  const before = text.slice(Math.max(0, start - LOOK_BACK), start);
  if (!before.endsWith('"')) return undefined;
  if (/"(?:Not)?Action"\s*:\s*(?:\[\s*(?:"[^"]*"\s*,\s*)*)?"$/.test(before)) return 'action';
  const value = '(?:"[^"]*"|\\[[^\\]]*\\]|true|false|-?\\d+(?:\\.\\d+)?)';
  const block = new RegExp(`"Condition"\\s*:\\s*\\{\\s*(?:"[^"]*"\\s*:\\s*\\{[^{}]*\\}\\s*,\\s*)*"${OPERATOR}"\\s*:\\s*\\{\\s*(?:"[^"]*"\\s*:\\s*${value}\\s*,\\s*)*"$`);
  return block.test(before) ? 'condition-key' : undefined;
}

interface Line {
  text: string;
  /** Column of the line's first character that is neither space nor a list dash. */
  keyColumn: number;
  indent: number;
}

const ACTION_KEY = `["']?(?:Not)?Action["']?\\s*:`;

function yamlContext(text: string, start: number): 'action' | 'condition-key' | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const head = text.slice(lineStart, start);
  // `Action: s3:Ge`, `- Action: "s3:Ge`, `Action: [s3:GetObject, s3:Pu`
  if (new RegExp(`^\\s*(?:-\\s+)?${ACTION_KEY}\\s*(?:\\[(?:[^\\]]*,)?\\s*)?["']?$`).test(head)) return 'action';
  // A flow list spread over lines: `Action: [\n  "s3:GetObject",\n  "s3:Pu`
  const flow = text.slice(Math.max(0, start - LOOK_BACK), start);
  if (new RegExp(`${ACTION_KEY}\\s*\\[\\s*(?:(?:"[^"]*"|'[^']*'|[^,\\[\\]"'\\s]+)\\s*,\\s*)*["']?$`).test(flow)) return 'action';
  const previous = linesAbove(text, lineStart);
  if (/^\s*-\s+["']?$/.test(head)) {
    const itemIndent = head.indexOf('-');
    // The parent of a list item: the first line above at a smaller indent, or a `key:` line at the same indent.
    for (const line of previous) {
      if (line.indent > itemIndent || (line.indent === itemIndent && line.text.trimStart().startsWith('-'))) continue;
      return new RegExp(`^\\s*(?:-\\s+)?${ACTION_KEY}\\s*$`).test(line.text) ? 'action' : undefined;
    }
    return undefined;
  }
  if (/^\s*["']?$/.test(head)) {
    // A key being typed: its parent must be a condition operator, and the operator's parent `Condition`.
    const indent = head.length - head.trimStart().length;
    const parent = previous.find((l) => l.keyColumn < indent);
    if (!parent || !new RegExp(`^\\s*(?:-\\s+)?["']?${OPERATOR}["']?\\s*:\\s*$`).test(parent.text)) return undefined;
    const grandparent = previous.find((l) => l.keyColumn < parent.keyColumn);
    return grandparent && /^\s*(?:-\s+)?["']?Condition["']?\s*:\s*$/.test(grandparent.text) ? 'condition-key' : undefined;
  }
  return undefined;
}

/** Non-blank, non-comment lines above `lineStart`, nearest first (at most a few hundred: a statement's worth). */
function linesAbove(text: string, lineStart: number): Line[] {
  const out: Line[] = [];
  let end = lineStart - 1;
  while (end > 0 && out.length < 400) {
    const begin = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(begin, end);
    end = begin - 1;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = line.length - trimmed.length;
    const dash = /^-\s+/.exec(trimmed);
    out.push({ text: line, indent, keyColumn: indent + (dash ? dash[0].length : 0) });
  }
  return out;
}
