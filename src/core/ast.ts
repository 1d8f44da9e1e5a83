/**
 * One node tree for YAML and JSON. Every node knows its source offsets (UTF-16 indices into the
 * text), so rules report and fix on exact ranges whatever the file's language. CloudFormation
 * short-form tags (`!Ref X`) stay on the node as `tag`; see intrinsics.ts for their meaning.
 */

export type Node = MapNode | SeqNode | ScalarNode;

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block' | 'json';

interface NodeBase {
  /** Offset of the value's first character (after any tag). */
  start: number;
  /** Offset just past the value's last character. */
  end: number;
  /** YAML short-form tag such as `!Ref`, `!Sub`; undefined for untagged and JSON nodes. */
  tag?: string;
  /** Offset where the tag starts, when there is one. */
  tagStart?: number;
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  style: ScalarStyle;
}

export interface Pair {
  key: ScalarNode;
  /** Null for a key with nothing after it in YAML (`Key:`) is represented as a null scalar. */
  value: Node;
  start: number;
  end: number;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  pairs: Pair[];
  /** Written as `{ ... }` in YAML (always true in JSON). */
  flow: boolean;
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: Node[];
  flow: boolean;
}

/** Start of the node including its tag. */
export function nodeStart(node: Node): number {
  return node.tagStart ?? node.start;
}

export function isMap(node: Node | undefined | null): node is MapNode {
  return !!node && node.kind === 'map';
}

export function isSeq(node: Node | undefined | null): node is SeqNode {
  return !!node && node.kind === 'seq';
}

export function isScalar(node: Node | undefined | null): node is ScalarNode {
  return !!node && node.kind === 'scalar';
}

/** The pair with this key (exact, case-sensitive), as templates are. */
export function getPair(map: Node | undefined | null, key: string): Pair | undefined {
  if (!map || map.kind !== 'map') return undefined;
  for (const pair of map.pairs) {
    if (pair.key.value === key) return pair;
  }
  return undefined;
}

export function get(map: Node | undefined | null, key: string): Node | undefined {
  return getPair(map, key)?.value;
}

/** Follows a path of keys (strings) and indices (numbers). */
export function getPath(node: Node | undefined | null, path: readonly (string | number)[]): Node | undefined {
  let current: Node | undefined | null = node;
  for (const step of path) {
    if (!current) return undefined;
    if (typeof step === 'number') {
      current = current.kind === 'seq' ? current.items[step] : undefined;
    } else {
      current = get(current, step);
    }
  }
  return current ?? undefined;
}

export function getMap(map: Node | undefined | null, key: string): MapNode | undefined {
  const v = get(map, key);
  return v && v.kind === 'map' && !v.tag ? v : undefined;
}

/** The value when the node is an untagged string scalar; undefined for intrinsics and non-strings. */
export function literalString(node: Node | undefined | null): string | undefined {
  return node && node.kind === 'scalar' && !node.tag && typeof node.value === 'string' ? node.value : undefined;
}

/** An untagged scalar's value as text (numbers and booleans too). */
export function literalText(node: Node | undefined | null): string | undefined {
  if (!node || node.kind !== 'scalar' || node.tag || node.value === null) return undefined;
  return String(node.value);
}

export function literalBoolean(node: Node | undefined | null): boolean | undefined {
  if (!node || node.kind !== 'scalar' || node.tag) return undefined;
  if (typeof node.value === 'boolean') return node.value;
  if (typeof node.value === 'string') {
    const v = node.value.toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  return undefined;
}

/** A node as a list: a sequence's items, or the node itself (policies allow `Action: x` for `[x]`). */
export function asList(node: Node | undefined | null): Node[] {
  if (!node) return [];
  if (node.kind === 'seq' && !node.tag) return node.items;
  return [node];
}

/** Every node in the tree, depth-first, parents before children. Iterative: deep trees cannot overflow the stack. */
export function* walk(root: Node): Generator<Node> {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    yield node;
    if (node.kind === 'map') {
      for (let i = node.pairs.length - 1; i >= 0; i--) {
        stack.push(node.pairs[i].value);
        stack.push(node.pairs[i].key);
      }
    } else if (node.kind === 'seq') {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
}
