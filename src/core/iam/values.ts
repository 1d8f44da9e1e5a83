/**
 * What the strings of a policy element mean once intrinsics are understood: each `!If` branch is
 * judged, a `!Ref` to a parameter takes the parameter's default (reported at the use, with the
 * default as related information), and `!Sub`/`!Join` become patterns with `${...}` for the unknown.
 */
import { literalString, type Node } from '../ast';
import { alternatives, stringPattern, valueOf } from '../intrinsics';
import type { PolicyElement, Statement } from '../model/policies';
import type { Template } from '../model/template';
import type { RuleContext } from '../rule';
import { extractAttachments, type PolicyAttachments } from '../model/policies';

export interface ElementValue {
  /** The node as written (one branch of `!If`, or the `!Ref`). */
  node: Node;
  /** The item of the element list this value came from (for fixes that replace it). */
  item: Node;
  /** The string, `${...}` standing for anything unknown; undefined when it cannot be read. */
  text: string | undefined;
  /** True when `text` is an exact literal (not a pattern with unknown parts). */
  literal: boolean;
  /** When the value comes from a parameter's default: the parameter name and its Default node. */
  parameter?: { name: string; defaultNode: Node };
}

/** Every value an element may take. */
export function elementValues(element: PolicyElement | undefined, template: Template | undefined): ElementValue[] {
  if (!element) return [];
  const out: ElementValue[] = [];
  for (const item of element.items) {
    for (const node of alternatives(item.node)) {
      const literal = literalString(node);
      if (literal !== undefined) {
        out.push({ node, item: item.node, text: literal, literal: true });
        continue;
      }
      const value = valueOf(node);
      if (value.kind === 'ref' && template) {
        const parameter = template.parameter(value.target);
        const def = parameter?.defaultNode;
        const text = literalString(def);
        if (parameter && def && text !== undefined && !parameter.type?.startsWith('List<') ) {
          // A CommaDelimitedList default may hold several values; each one counts.
          const texts = parameter.type === 'CommaDelimitedList' ? text.split(',').map((t) => t.trim()) : [text];
          for (const t of texts) out.push({ node, item: item.node, text: t, literal: true, parameter: { name: parameter.name, defaultNode: def } });
          continue;
        }
      }
      out.push({ node, item: item.node, text: stringPattern(node), literal: false });
    }
  }
  return out;
}

/**
 * Whether a resource string denotes every resource: `*`, or an ARN whose resource part is only
 * wildcards (`arn:aws:s3:::*`, `arn:${AWS::Partition}:sqs:*:*:*`). `${Bucket}/*` is scoped.
 */
export function isWildcardResource(text: string | undefined): boolean {
  if (text === undefined) return false;
  if (text === '*') return true;
  if (!text.startsWith('arn:')) return false;
  // `${AWS::Partition}` holds colons of its own: stand each placeholder in for one word first.
  const parts = text.replace(/\$\{[^}]*\}/g, 'x').split(':');
  if (parts.length < 6) return false;
  const resource = parts.slice(5).join(':');
  return /^[*/]+$/.test(resource);
}

/** Whether a statement's condition has any of these keys (case-insensitive), under any operator. */
export function conditionHasKey(statement: Statement, keys: readonly string[]): boolean {
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  for (const op of statement.condition?.pairs ?? []) {
    if (op.value.kind !== 'map') continue;
    for (const pair of op.value.pairs) {
      if (typeof pair.key.value === 'string' && wanted.has(pair.key.value.toLowerCase())) return true;
    }
  }
  return false;
}

/** Related information pointing at a parameter default the value came from. */
export function parameterRelated(value: ElementValue): { node: Node; message: string }[] {
  return value.parameter ? [{ node: value.parameter.defaultNode, message: `Default of parameter ${value.parameter.name}` }] : [];
}

/** Managed policies and SAM policy templates of the document (memoised per document via ctx.use). */
export function attachmentsView(context: RuleContext): PolicyAttachments {
  return extractAttachments({ template: context.kind === 'serverless' ? undefined : context.template, serverless: context.serverless });
}

/** "statement 'Sid' of policy 'x' of AWS::IAM::Role R". */
export function whereOf(statement: Statement): string {
  return `${statement.label} of ${statement.document.location}`;
}
