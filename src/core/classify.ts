import { asList, get, getMap, literalString, type Node } from './ast';
import type { FileKind } from './types';

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/**
 * Decides what a document is from its content, never its file name, so that look-alikes
 * (docker-compose, GitHub workflows, package.json, Kubernetes manifests) stay `unknown`.
 */
export function classify(root: Node | undefined): FileKind {
  if (!root) return 'unknown';
  if (root.kind === 'seq') return root.items.length > 0 && root.items.every(isStatementLike) ? 'iam-policy' : 'unknown';
  if (root.kind !== 'map') return 'unknown';

  if (get(root, 'service') !== undefined && isAwsProvider(get(root, 'provider'))) return 'serverless';

  const transform = get(root, 'Transform');
  if (transform && asList(transform).some((t) => literalString(t) === SAM_TRANSFORM)) return 'sam';

  // AWSTemplateFormatVersion alone (e.g. a template being started) is already a template.
  if (get(root, 'AWSTemplateFormatVersion') !== undefined) return 'cloudformation';
  const resources = getMap(root, 'Resources');
  if (resources && resources.pairs.some((p) => (literalString(get(p.value, 'Type')) ?? '').startsWith('AWS::'))) {
    return 'cloudformation';
  }

  const statement = get(root, 'Statement');
  if (statement && (statement.kind === 'map' || statement.kind === 'seq') && asList(statement).some(isStatementLike)) return 'iam-policy';
  if (isStatementLike(root)) return 'iam-policy';
  return 'unknown';
}

function isAwsProvider(provider: Node | undefined): boolean {
  if (!provider) return false;
  if (literalString(provider) === 'aws') return true;
  return literalString(get(provider, 'name')) === 'aws';
}

/** A statement object: an `Effect` beside an action or principal element. */
function isStatementLike(node: Node): boolean {
  if (node.kind !== 'map') return false;
  const effect = literalString(get(node, 'Effect'));
  if (effect !== 'Allow' && effect !== 'Deny') return false;
  return ['Action', 'NotAction', 'Principal', 'NotPrincipal'].some((k) => get(node, k) !== undefined);
}
