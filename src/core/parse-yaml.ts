import { parseAllDocuments, isAlias, isMap as isYamlMap, isPair, isScalar as isYamlScalar, isSeq as isYamlSeq } from 'yaml';
import type { Document, Node as YamlNode, ParsedNode, Scalar, ScalarTag, CollectionTag } from 'yaml';
import type { MapNode, Node, Pair, ScalarNode, ScalarStyle, SeqNode } from './ast';
import { INTRINSIC_SHORT_TAGS } from './intrinsic-names';
import { DUPLICATE_KEY_CODE, NestingTooDeepError, type ParseProblem, MAX_NESTING } from './parse-types';

/** Every CloudFormation short-form tag, declared for scalars, sequences and maps so none is an error. */
const CUSTOM_TAGS: (ScalarTag | CollectionTag)[] = INTRINSIC_SHORT_TAGS.flatMap((name) => {
  const tag = `!${name}`;
  return [
    { tag, resolve: (value: string) => value } as ScalarTag,
    { tag, collection: 'seq', resolve: (value: unknown) => value } as unknown as CollectionTag,
    { tag, collection: 'map', resolve: (value: unknown) => value } as unknown as CollectionTag,
  ];
});

/** Expanded node count past which aliases are treated as a resource-exhaustion attack. */
const MAX_ALIAS_EXPANSION = 200_000;

export class AliasBombError extends Error {}

const STYLE: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'block',
  BLOCK_FOLDED: 'block',
};

export function parseYaml(text: string): { roots: Node[]; problems: ParseProblem[] } {
  const strict = parseOnce(text);
  if (!strict.problems.some(isUnderIndentedFlow)) return strict;
  // CloudFormation (like PyYAML) accepts flow collections whose continuation lines are not indented
  // past their key; the yaml package rejects them and loses the rest of the file. Parse a copy with
  // those lines indented, and map its offsets back to the original text.
  const lenient = indentFlowContinuations(text);
  if (!lenient) return strict;
  const retry = parseOnce(lenient.text);
  if (retry.problems.length >= strict.problems.length) return strict;
  return remapOffsets(retry, lenient.inserts);
}

function isUnderIndentedFlow(problem: ParseProblem): boolean {
  return problem.code === 'BAD_INDENT' && problem.message.startsWith('Flow ');
}

function parseOnce(text: string): { roots: Node[]; problems: ParseProblem[] } {
  const docs = parseAllDocuments(text, {
    customTags: CUSTOM_TAGS,
    prettyErrors: false,
    keepSourceTokens: false,
    // yaml's own duplicate-key check is quadratic in a map's size; the converter checks with a Set.
    uniqueKeys: false,
  });
  const list: Document.Parsed[] = Array.isArray(docs) ? docs : [];
  const roots: Node[] = [];
  const problems: ParseProblem[] = [];
  for (const doc of list) {
    for (const error of doc.errors) {
      problems.push({ message: cleanMessage(error.message), start: error.pos[0], end: Math.max(error.pos[1], error.pos[0]), code: error.code });
    }
    if (doc.contents === null) continue;
    const converter = new YamlConverter(text, doc, problems);
    const node = converter.convert(doc.contents as YamlNode, 0);
    roots.push(node);
  }
  return { roots, problems };
}

/** Spaces added at the start of a line (an offset of the original text). */
interface Insert {
  at: number;
  count: number;
}

/**
 * Indents the continuation lines of flow collections (`[`/`{` opened on an earlier line) to one
 * column past the key that opened them. Quoted strings, comments and block scalars are respected.
 * Returns undefined when nothing needs indenting.
 */
export function indentFlowContinuations(text: string): { text: string; inserts: Insert[] } | undefined {
  const inserts: Insert[] = [];
  const parts: string[] = [];
  let depth = 0;
  let quote: '' | "'" | '"' = '';
  let minColumn = 0;
  let blockScalarIndent = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl + 1;
    const line = text.slice(lineStart, lineEnd);
    const indent = /^ */.exec(line)![0].length;
    const blank = line.trim() === '';
    if (blockScalarIndent >= 0) {
      if (blank || indent > blockScalarIndent) {
        parts.push(line);
        lineStart = lineEnd;
        if (nl === -1) break;
        continue;
      }
      blockScalarIndent = -1;
    }
    if (depth > 0 && !quote && !blank && indent < minColumn) {
      inserts.push({ at: lineStart, count: minColumn - indent });
      parts.push(' '.repeat(minColumn - indent));
    }
    const startDepth = depth;
    for (let i = indent; i < line.length; i++) {
      const ch = line[i];
      if (quote) {
        if (ch === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else quote = '';
        } else if (ch === '\\' && quote === '"') i++;
        continue;
      }
      if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
      if ((ch === '"' || ch === "'") && (i === indent || /[\s,\[{:]/.test(line[i - 1]))) quote = ch;
      else if ((ch === '[' || ch === '{') && (depth > 0 || i === indent || /[\s:]/.test(line[i - 1]) || line[i - 1] === '-')) {
        if (depth === 0 && startDepth === 0) {
          // The key this collection belongs to starts after any `- ` of the line.
          minColumn = /^[ ]*(?:-[ ]+)*/.exec(line)![0].length + 1;
        }
        depth++;
      } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
    }
    if (depth === 0 && !quote && /(?:^|[:\s-])[|>][-+0-9]*\s*(?:#.*)?$/.test(line.trimEnd())) blockScalarIndent = indent;
    parts.push(line);
    lineStart = lineEnd;
    if (nl === -1) break;
  }
  return inserts.length ? { text: parts.join(''), inserts } : undefined;
}

/** Maps node and problem offsets of the indented copy back to the original text. */
function remapOffsets(parsed: { roots: Node[]; problems: ParseProblem[] }, inserts: Insert[]): { roots: Node[]; problems: ParseProblem[] } {
  // Where each insert starts in the copy, and how many spaces precede it in total.
  const copyStarts: number[] = [];
  const before: number[] = [];
  let total = 0;
  for (const ins of inserts) {
    copyStarts.push(ins.at + total);
    before.push(total);
    total += ins.count;
  }
  const map = (offset: number): number => {
    let lo = 0;
    let hi = copyStarts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (copyStarts[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found === -1) return offset;
    const within = offset - copyStarts[found];
    if (within < inserts[found].count) return inserts[found].at;
    return offset - before[found] - inserts[found].count;
  };
  const seen = new Set<Node>();
  const stack: Node[] = [...parsed.roots];
  const mapPairs = new Set<object>();
  while (stack.length) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    node.start = map(node.start);
    node.end = map(node.end);
    if (node.tagStart !== undefined) node.tagStart = map(node.tagStart);
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        if (!mapPairs.has(pair)) {
          mapPairs.add(pair);
          pair.start = map(pair.start);
          pair.end = map(pair.end);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (node.kind === 'seq') stack.push(...node.items);
  }
  for (const p of parsed.problems) {
    p.start = map(p.start);
    p.end = map(p.end);
  }
  return parsed;
}

/** A key written twice in one map: parsers keep the last value, so the earlier one silently does nothing. */
export function duplicateKey(key: ScalarNode, earlier: readonly Pair[]): ParseProblem {
  const first = earlier.find((p) => p.key.value === key.value);
  return { message: String(key.value), start: key.start, end: key.end, code: DUPLICATE_KEY_CODE, relatedStart: first?.key.start, relatedEnd: first?.key.end };
}

function cleanMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

class YamlConverter {
  private readonly memo = new Map<YamlNode, Node>();
  private readonly inProgress = new Set<YamlNode>();
  private readonly sizes = new Map<Node, number>();
  private expansion = 0;

  constructor(
    private readonly text: string,
    private readonly doc: Document.Parsed,
    private readonly problems: ParseProblem[],
  ) {}

  convert(node: YamlNode | null | undefined, depth: number): Node {
    if (depth > MAX_NESTING) throw new NestingTooDeepError();
    if (node === null || node === undefined) return this.nullAt(0);
    if (isAlias(node)) {
      const target = node.resolve(this.doc) as YamlNode | undefined;
      const range = node.range ?? [0, 0];
      if (!target || this.inProgress.has(target)) return this.nullAt(range[0], range[1]);
      const converted = this.memo.get(target) ?? this.convert(target, depth + 1);
      this.expansion += this.size(converted);
      if (this.expansion > MAX_ALIAS_EXPANSION) throw new AliasBombError();
      return converted;
    }
    const cached = this.memo.get(node);
    if (cached) return cached;
    this.inProgress.add(node);
    const range = (node as ParsedNode).range ?? [0, 0, 0];
    const tag = typeof node.tag === 'string' && node.tag.startsWith('!') && !node.tag.startsWith('!!') ? node.tag : undefined;
    let result: Node;
    if (isYamlMap(node)) {
      const pairs: Pair[] = [];
      const seen = node.items.length > 1 ? new Set<unknown>() : undefined;
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = this.keyOf(item.key as YamlNode | null, depth + 1);
        if (seen) {
          if (seen.has(key.value)) this.problems.push(duplicateKey(key, pairs));
          seen.add(key.value);
        }
        const value = item.value === null || item.value === undefined
          ? this.nullAt(key.end)
          : this.convert(item.value as YamlNode, depth + 1);
        pairs.push({ key, value, start: key.tagStart ?? key.start, end: Math.max(value.end, key.end) });
      }
      // Block collections' ranges run on to the next line; end them at their last content instead.
      const end = node.flow || pairs.length === 0 ? range[1] : pairs[pairs.length - 1].end;
      result = { kind: 'map', pairs, flow: !!node.flow, start: range[0], end } satisfies MapNode;
    } else if (isYamlSeq(node)) {
      const items: Node[] = [];
      for (const item of node.items) items.push(this.convert(item as YamlNode, depth + 1));
      const end = node.flow || items.length === 0 ? range[1] : items[items.length - 1].end;
      result = { kind: 'seq', items, flow: !!node.flow, start: range[0], end } satisfies SeqNode;
    } else if (isYamlScalar(node)) {
      result = this.scalar(node as Scalar, range);
    } else {
      result = this.nullAt(range[0], range[1]);
    }
    if (tag) {
      result.tag = tag;
      result.tagStart = this.findTagStart(tag, result.start);
    }
    this.inProgress.delete(node);
    this.memo.set(node, result);
    return result;
  }

  private scalar(node: Scalar, range: readonly number[]): ScalarNode {
    const raw = node.value;
    let value: ScalarNode['value'];
    if (raw === null || raw === undefined) value = null;
    else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') value = raw;
    else if (typeof raw === 'bigint') value = String(raw);
    else value = node.source ?? String(raw);
    const style = STYLE[node.type ?? 'PLAIN'] ?? 'plain';
    let end = range[1];
    // A block scalar's range takes in the line break(s) after its last line; end at its content.
    if (style === 'block') while (end > range[0] && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return { kind: 'scalar', value, style, start: range[0], end };
  }

  private keyOf(key: YamlNode | null, depth: number): ScalarNode {
    if (key === null) return this.nullAt(0);
    const node = this.convert(key, depth);
    if (node.kind === 'scalar') return node;
    // Complex keys are legal YAML but meaningless here: keep their text as the key.
    return { kind: 'scalar', value: this.text.slice(node.start, node.end), style: 'plain', start: node.start, end: node.end };
  }

  private nullAt(start: number, end = start): ScalarNode {
    return { kind: 'scalar', value: null, style: 'plain', start, end };
  }

  /** The tag precedes the value, separated by whitespace (a newline for block collections). */
  private findTagStart(tag: string, valueStart: number): number | undefined {
    let p = valueStart;
    while (p > 0 && /\s/.test(this.text[p - 1])) p--;
    return this.text.slice(p - tag.length, p) === tag ? p - tag.length : undefined;
  }

  private size(node: Node): number {
    const known = this.sizes.get(node);
    if (known !== undefined) return known;
    let total = 1;
    if (node.kind === 'map') for (const p of node.pairs) total += 1 + this.size(p.value);
    else if (node.kind === 'seq') for (const item of node.items) total += this.size(item);
    total = Math.min(total, MAX_ALIAS_EXPANSION * 10);
    this.sizes.set(node, total);
    return total;
  }
}
