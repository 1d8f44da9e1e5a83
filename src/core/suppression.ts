/**
 * Suppressions: comments in YAML and `Metadata: {guardpost: {ignore: [{rule, reason}]}}` on a
 * resource or the template. Every suppression must give a reason; one without is reported.
 */
import { asList, get, getMap, getPath, literalString, type MapNode, type Node } from './ast';
import type { Template } from './model/template';
import type { LineIndex } from './text';

export const DISABLE_NEXT_LINE = 'guardpost-disable-next-line';
/** What the suppression code action writes for the user to replace: an unedited placeholder is no reason. */
export const REASON_PLACEHOLDER = '<reason>';
export const DISABLE_FILE = 'guardpost-disable-file';

export interface Suppression {
  /** Rule ids, or `*`/empty for all rules. */
  rules: string[];
  reason: string | undefined;
  /** The reason is the code action's unedited `<reason>` placeholder. */
  placeholder?: boolean;
  scope: 'line' | 'file' | 'range';
  /** For `line`: the 0-based line it silences. */
  line?: number;
  /** For `range`: the offsets it covers (a resource). */
  start?: number;
  end?: number;
  /** Where the suppression itself is written, to report a missing reason. */
  at: { start: number; end: number };
}

const COMMENT = new RegExp(`(?:^|\\s)(?:#|//)\\s*(${DISABLE_NEXT_LINE}|${DISABLE_FILE})\\b([^\\r\\n]*)`, 'g');

/** Suppression comments. Cheap when there are none: one indexOf over the text. */
export function commentSuppressions(text: string, lines: LineIndex): Suppression[] {
  if (text.indexOf('guardpost-disable') === -1) return [];
  const out: Suppression[] = [];
  COMMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COMMENT.exec(text)) !== null) {
    const [, directive, rest] = m;
    const { rules, reason } = parseDirective(rest);
    const start = m.index + m[0].indexOf(directive);
    const line = lines.position(start).line;
    out.push({
      rules,
      reason,
      placeholder: rest.includes(REASON_PLACEHOLDER),
      scope: directive === DISABLE_FILE ? 'file' : 'line',
      line: directive === DISABLE_NEXT_LINE ? nextContentLine(lines, line) : undefined,
      at: { start, end: start + directive.length + rest.trimEnd().length },
    });
  }
  return out;
}

function givenReason(text: string | undefined): string | undefined {
  const reason = text?.trim();
  return reason && reason !== REASON_PLACEHOLDER ? reason : undefined;
}

/** `rule-a, rule-b -- why` */
function parseDirective(rest: string): { rules: string[]; reason: string | undefined } {
  const sep = rest.indexOf('--');
  const rulesPart = sep === -1 ? rest : rest.slice(0, sep);
  const reason = sep === -1 ? undefined : givenReason(rest.slice(sep + 2));
  const rules = rulesPart.split(/[\s,]+/).filter(Boolean);
  return { rules, reason };
}

/** The line a `disable-next-line` comment applies to: the next one that is not blank or a comment. */
function nextContentLine(lines: LineIndex, line: number): number {
  for (let l = line + 1; l < lines.lineCount; l++) {
    const t = lines.lineText(l).trim();
    if (t && !t.startsWith('#')) return l;
  }
  return line + 1;
}

/** `Metadata.guardpost.ignore` on resources (covering the resource) and on the template (covering the file). */
export function metadataSuppressions(template: Template | undefined): Suppression[] {
  if (!template) return [];
  const out: Suppression[] = [];
  for (const resource of template.resources) {
    collect(resource.metadata, 'range', resource.node, out, resource.keyNode.start);
  }
  collect(template.metadataNode, 'file', template.root, out, template.root.start);
  return out;
}

function collect(metadata: MapNode | undefined, scope: 'range' | 'file', owner: Node, out: Suppression[], ownerStart: number): void {
  const ignore = getPath(getMap(metadata, 'guardpost'), ['ignore']);
  for (const entry of asList(ignore)) {
    const rule = literalString(get(entry, 'rule')) ?? literalString(entry);
    if (!rule) continue;
    const written = literalString(get(entry, 'reason'));
    const reason = givenReason(written);
    out.push({ rules: [rule], reason, placeholder: written?.trim() === REASON_PLACEHOLDER, scope, start: ownerStart, end: owner.end, at: { start: entry.start, end: entry.end } });
  }
}

export function suppresses(s: Suppression, ruleId: string, line: number, offset: number): boolean {
  if (s.rules.length > 0 && !s.rules.includes(ruleId) && !s.rules.includes('*') && !s.rules.some((r) => r.endsWith('/*') && ruleId.startsWith(r.slice(0, -1)))) {
    return false;
  }
  if (s.scope === 'file') return true;
  if (s.scope === 'line') return s.line === line;
  return offset >= (s.start ?? 0) && offset <= (s.end ?? 0);
}
