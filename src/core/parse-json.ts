import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { MapNode, Node, Pair, ScalarNode, SeqNode } from './ast';
import { MAX_NESTING, NestingTooDeepError, type ParseProblem } from './parse-types';
import { duplicateKey } from './parse-yaml';

export function parseJson(text: string): { roots: Node[]; problems: ParseProblem[] } {
  const errors: ParseError[] = [];
  const duplicates: ParseProblem[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false, allowEmptyContent: true });
  const problems = errors.map((e) => ({
    message: describe(printParseErrorCode(e.error)),
    start: e.offset,
    end: e.offset + Math.max(e.length, 1),
  }));
  const roots = tree ? [convert(tree, 0, duplicates)] : [];
  return { roots, problems: [...problems, ...duplicates] };
}

function describe(code: string): string {
  // "CommaExpected" -> "Comma expected"
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function convert(node: JsonNode, depth: number, duplicates: ParseProblem[]): Node {
  if (depth > MAX_NESTING) throw new NestingTooDeepError();
  const start = node.offset;
  const end = node.offset + node.length;
  switch (node.type) {
    case 'object': {
      const pairs: Pair[] = [];
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k) continue;
        const key = convert(k, depth + 1, duplicates) as ScalarNode;
        if (pairs.length > 0 && pairs.some((p) => p.key.value === key.value)) duplicates.push(duplicateKey(key, pairs));
        const value: Node = v ? convert(v, depth + 1, duplicates) : { kind: 'scalar', value: null, style: 'json', start: key.end, end: key.end };
        pairs.push({ key, value, start: prop.offset, end: prop.offset + prop.length });
      }
      return { kind: 'map', pairs, flow: true, start, end } satisfies MapNode;
    }
    case 'array':
      return { kind: 'seq', items: (node.children ?? []).map((c) => convert(c, depth + 1, duplicates)), flow: true, start, end } satisfies SeqNode;
    default:
      return { kind: 'scalar', value: (node.value ?? null) as ScalarNode['value'], style: 'json', start, end };
  }
}
