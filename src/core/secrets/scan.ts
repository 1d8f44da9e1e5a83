/**
 * Every credential with a known shape anywhere in a document, found once and shared by the rules
 * (use through `context.use(scanCredentials)`). Walks the tree once; each string is checked with
 * its key name and whether an AWS access key ID sits beside it, so a secret access key is judged
 * by context, never by its length alone.
 */
import { isScalar, type MapNode, type Node, type ScalarNode } from '../ast';
import type { RuleContext } from '../rule';
import { detectSecrets, isAccessKeyId, type Detection } from './detectors';

export interface FoundCredential extends Detection {
  /** The scalar holding the credential. */
  node: ScalarNode;
  /** Source offsets of the credential itself when they can be known exactly, else the node's. */
  sourceStart: number;
  sourceEnd: number;
  /** The key the value sits under, if any. */
  keyName: string | undefined;
}

export function scanCredentials(context: RuleContext): FoundCredential[] {
  const found: FoundCredential[] = [];
  // YAML aliases share nodes: a credential written once is reported once.
  const seen = new Set<Node>();
  const stack: { node: Node; key: string | undefined; besideKey: boolean }[] = [{ node: context.root, key: undefined, besideKey: false }];
  while (stack.length) {
    const { node, key, besideKey } = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.kind === 'map') {
      const hasKeyId = node.pairs.some((p) => isScalar(p.value) && typeof p.value.value === 'string' && isAccessKeyId(p.value.value));
      const nameOf = itemName(node);
      for (let i = node.pairs.length - 1; i >= 0; i--) {
        const pair = node.pairs[i];
        const k = typeof pair.key.value === 'string' ? pair.key.value : undefined;
        // `{Name: X, Value: secret}` items (ECS, CodeBuild): the value's name is X.
        stack.push({ node: pair.value, key: k === 'Value' && nameOf ? nameOf : k, besideKey: hasKeyId });
      }
    } else if (node.kind === 'seq') {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], key, besideKey: false });
    } else if (typeof node.value === 'string' && node.value.length >= 16 && node.tag !== '!Ref' && node.tag !== '!GetAtt') {
      for (const d of detectSecrets(node.value, { keyName: key, besideAccessKey: besideKey })) {
        const at = sourceRange(context.text, node, d.secret, d.start);
        found.push({ ...d, node, sourceStart: at.start, sourceEnd: at.end, keyName: key });
      }
    }
  }
  return found.sort((a, b) => a.sourceStart - b.sourceStart);
}

function itemName(map: MapNode): string | undefined {
  for (const p of map.pairs) {
    if ((p.key.value === 'Name' || p.key.value === 'OptionName') && isScalar(p.value) && typeof p.value.value === 'string') return p.value.value;
  }
  return undefined;
}

/**
 * Where the credential is in the source. The value's offsets map one to one when the source slice
 * is the value itself (plain, or quoted without escapes); otherwise the credential is looked up
 * inside the node's own range (block scalars, escapes), falling back to the whole node.
 */
export function sourceRange(text: string, node: ScalarNode, secret: string, valueOffset: number): { start: number; end: number } {
  const value = String(node.value);
  const inner = node.style === 'single' || node.style === 'double' || node.style === 'json' ? node.start + 1 : node.start;
  if (text.startsWith(value, inner)) return { start: inner + valueOffset, end: inner + valueOffset + secret.length };
  const raw = text.slice(node.start, node.end);
  const i = raw.indexOf(secret);
  if (i !== -1) return { start: node.start + i, end: node.start + i + secret.length };
  return { start: node.tagStart ?? node.start, end: node.end };
}
