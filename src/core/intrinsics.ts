/**
 * What a value means once intrinsics are understood. `!Ref Param`, `!GetAtt X.Arn`, `!Sub`,
 * `{{resolve:...}}` and serverless `${...}` are values, not literal text: they are not secrets and
 * not wildcards, though the literal parts of a `!Sub` can still be judged.
 */
import { asList, literalString, type MapNode, type Node } from './ast';

export type Value =
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'ref'; target: string }
  | { kind: 'getatt'; resource: string; attribute: string }
  | { kind: 'sub'; template: string; parts: SubPart[]; variables: Map<string, Node> }
  | { kind: 'dynamic-ref'; service: string; reference: string }
  | { kind: 'serverless-var'; source: string; expression: string }
  | { kind: 'function'; name: string; argument: Node }
  | { kind: 'collection' };

export type SubPart = { text: string } | { variable: string };

/** Maps a long-form function name (`Fn::Sub`) or short tag (`!Sub`) to the long form. */
function functionName(node: Node): { name: string; argument: Node } | undefined {
  if (node.tag) {
    const short = node.tag.slice(1);
    const name = short === 'Ref' || short === 'Condition' ? short : `Fn::${short}`;
    // The argument of a short-form tag is the node itself, without its tag.
    return { name, argument: { ...node, tag: undefined, tagStart: undefined } as Node };
  }
  if (node.kind === 'map' && node.pairs.length === 1) {
    const key = node.pairs[0].key.value;
    if (typeof key === 'string' && (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::'))) {
      return { name: key, argument: node.pairs[0].value };
    }
  }
  return undefined;
}

/** The intrinsic function a node calls, if any: `{name: 'Fn::Sub', argument}`. */
export function intrinsicOf(node: Node | undefined): { name: string; argument: Node } | undefined {
  return node ? functionName(node) : undefined;
}

export function isIntrinsic(node: Node | undefined): boolean {
  return !!node && functionName(node) !== undefined;
}

const DYNAMIC_REF = /^\{\{resolve:([a-z-]+):([^}]*)\}\}$/;

export function valueOf(node: Node): Value {
  const fn = functionName(node);
  if (fn) {
    const { name, argument } = fn;
    if (name === 'Ref') {
      const target = literalString(argument);
      if (target !== undefined) return { kind: 'ref', target };
    } else if (name === 'Fn::GetAtt') {
      const getatt = parseGetAtt(argument);
      if (getatt) return { kind: 'getatt', ...getatt };
    } else if (name === 'Fn::Sub') {
      const sub = parseSub(argument);
      if (sub) return { kind: 'sub', ...sub };
    }
    return { kind: 'function', name, argument };
  }
  if (node.kind !== 'scalar') return { kind: 'collection' };
  if (typeof node.value === 'string') {
    const s = node.value;
    if (s.startsWith('{{resolve:')) {
      const m = DYNAMIC_REF.exec(s);
      if (m) return { kind: 'dynamic-ref', service: m[1], reference: m[2] };
    }
    if (s.startsWith('${') && s.endsWith('}')) {
      const m = /^\$\{([a-zA-Z0-9]+)(?:\([^)]*\))?:/.exec(s);
      return { kind: 'serverless-var', source: m ? m[1] : 'self', expression: s };
    }
  }
  return { kind: 'literal', value: node.value };
}

function parseGetAtt(argument: Node): { resource: string; attribute: string } | undefined {
  const s = literalString(argument);
  if (s !== undefined) {
    const dot = s.indexOf('.');
    return dot > 0 ? { resource: s.slice(0, dot), attribute: s.slice(dot + 1) } : undefined;
  }
  if (argument.kind === 'seq' && argument.items.length >= 2) {
    const resource = literalString(argument.items[0]);
    const attribute = literalString(argument.items[1]);
    if (resource !== undefined && attribute !== undefined) return { resource, attribute };
  }
  return undefined;
}

function parseSub(argument: Node): { template: string; parts: SubPart[]; variables: Map<string, Node> } | undefined {
  let template: string | undefined;
  const variables = new Map<string, Node>();
  if (argument.kind === 'seq') {
    template = literalString(argument.items[0]);
    const vars = argument.items[1];
    if (vars && vars.kind === 'map') {
      for (const pair of (vars as MapNode).pairs) {
        if (typeof pair.key.value === 'string') variables.set(pair.key.value, pair.value);
      }
    }
  } else {
    template = literalString(argument);
  }
  if (template === undefined) return undefined;
  return { template, parts: splitSub(template), variables };
}

/** Splits a `!Sub` template into literal text and `${Variable}` parts; `${!Literal}` is text. */
export function splitSub(template: string): SubPart[] {
  const parts: SubPart[] = [];
  let i = 0;
  let text = '';
  while (i < template.length) {
    const open = template.indexOf('${', i);
    if (open === -1) break;
    const close = template.indexOf('}', open + 2);
    if (close === -1) break;
    text += template.slice(i, open);
    const inner = template.slice(open + 2, close);
    if (inner.startsWith('!')) {
      text += '${' + inner.slice(1) + '}';
    } else {
      if (text) parts.push({ text });
      text = '';
      parts.push({ variable: inner.trim() });
    }
    i = close + 1;
  }
  text += template.slice(i);
  if (text) parts.push({ text });
  return parts;
}

/**
 * The string a value denotes where it can be known, with `${...}` standing for anything unknown:
 * `!Sub 'arn:aws:s3:::${B}/*'` → 'arn:aws:s3:::${B}/*'. `!Join` of known parts is joined.
 * Returns undefined when the value is not a string-like literal or template.
 */
export function stringPattern(node: Node): string | undefined {
  const value = valueOf(node);
  switch (value.kind) {
    case 'literal':
      return value.value === null ? undefined : String(value.value);
    case 'sub':
      return value.parts.map((p) => ('text' in p ? p.text : `\${${p.variable}}`)).join('');
    case 'function':
      if (value.name === 'Fn::Join' && value.argument.kind === 'seq') {
        const [sep, list] = value.argument.items;
        const separator = literalString(sep);
        if (separator === undefined || !list || list.kind !== 'seq' || list.tag) return undefined;
        return list.items.map((item) => stringPattern(item) ?? '${?}').join(separator);
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * The nodes a value may take: both branches of `!If`, the node itself otherwise. Rules judge each
 * alternative, so a wildcard hidden in one branch is still found.
 */
export function alternatives(node: Node): Node[] {
  const fn = functionName(node);
  if (fn && fn.name === 'Fn::If' && fn.argument.kind === 'seq' && fn.argument.items.length === 3) {
    return [...alternatives(fn.argument.items[1]), ...alternatives(fn.argument.items[2])].filter((n) => !isNoValue(n));
  }
  return [node];
}

/** `!Ref AWS::NoValue`: the property is removed. */
export function isNoValue(node: Node): boolean {
  const v = valueOf(node);
  return v.kind === 'ref' && v.target === 'AWS::NoValue';
}

/** The items of a list-valued property, looking through `!If` branches. */
export function listAlternatives(node: Node | undefined): Node[] {
  if (!node) return [];
  return alternatives(node).flatMap((alt) => asList(alt)).flatMap((item) => alternatives(item));
}
