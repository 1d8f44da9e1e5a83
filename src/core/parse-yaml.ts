import { parseAllDocuments, isAlias, isMap as isYamlMap, isPair, isScalar as isYamlScalar, isSeq as isYamlSeq } from 'yaml';
import type { Document, Node as YamlNode, ParsedNode, Scalar, ScalarTag, CollectionTag } from 'yaml';
import type { MapNode, Node, Pair, ScalarNode, ScalarStyle, SeqNode } from './ast';
import { INTRINSIC_SHORT_TAGS } from './intrinsic-names';
import { NestingTooDeepError, type ParseProblem, MAX_NESTING } from './parse-types';

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
      problems.push({ message: cleanMessage(error.message), start: error.pos[0], end: Math.max(error.pos[1], error.pos[0]) });
    }
    if (doc.contents === null) continue;
    const converter = new YamlConverter(text, doc, problems);
    const node = converter.convert(doc.contents as YamlNode, 0);
    roots.push(node);
  }
  return { roots, problems };
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
          if (seen.has(key.value)) this.problems.push({ message: `Map keys must be unique: ${String(key.value)}`, start: key.start, end: key.end });
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
