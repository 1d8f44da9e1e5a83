import { get, getMap, walk, type Node } from '../../core/ast';
import { valueOf } from '../../core/intrinsics';
import type { Rule, RuleContext } from '../../core/rule';
import { stagesOf } from './stages';

/** Names an association's ResourceArn mentions: Ref/GetAtt targets, !Sub variables, literal text. */
function mentions(node: Node): string[] {
  const out: string[] = [];
  for (const n of walk(node)) {
    const v = valueOf(n);
    if (v.kind === 'ref') out.push(v.target);
    else if (v.kind === 'getatt') out.push(v.resource);
    else if (v.kind === 'sub') {
      for (const p of v.parts) out.push('text' in p ? p.text : p.variable.split('.')[0]);
    } else if (v.kind === 'literal' && typeof v.value === 'string') out.push(v.value);
  }
  return out;
}

interface Associations {
  /** Logical IDs the associations name. */
  named: string[];
  /** An association whose target this file cannot tell (a parameter, an import): assume it covers. */
  unresolved: boolean;
  any: boolean;
}

function associations(context: RuleContext): Associations {
  const t = context.template;
  const result: Associations = { named: [], unresolved: false, any: false };
  const apiIds = new Set((t?.resources ?? []).filter((r) => /^AWS::(ApiGateway|Serverless)::/.test(r.type ?? '')).map((r) => r.logicalId));
  for (const a of t?.resourcesOfType('AWS::WAFv2::WebACLAssociation', 'AWS::WAFRegional::WebACLAssociation') ?? []) {
    result.any = true;
    const arn = get(a.properties, 'ResourceArn');
    if (!arn) continue;
    const names = mentions(arn);
    result.named.push(...names);
    if (!names.some((n) => apiIds.has(n) || n.includes('ServerlessRestApi'))) result.unresolved = true;
  }
  return result;
}

export const waf: Rule = {
  meta: {
    id: 'api/waf',
    title: 'Public REST API stages should have an AWS WAF web ACL (info: it may be attached outside the template)',
    defaultSeverity: 'info',
    fixable: false,
    kinds: ['cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    let found: Associations | undefined;
    for (const stage of stagesOf(context)) {
      if (stage.protocol !== 'rest' || stage.privateEndpoint) continue;
      found ??= associations(context);
      if (found.unresolved) return;
      if (stage.kind === 'serverless') {
        if (found.any || get(getMap(context.serverless?.root, 'custom'), 'associateWaf')) continue;
      } else if (found.named.some((n) => n === stage.id || n === stage.api || (stage.api === 'ServerlessRestApi' && n.includes('ServerlessRestApi')))) continue;
      context.report({
        node: stage.node,
        resource: stage.id,
        message: `${stage.label.charAt(0).toUpperCase()}${stage.label.slice(1)} has no AWS WAF web ACL associated in this template: a web ACL blocks common exploits, bots and floods before they reach your code; associate one (AWS::WAFv2::WebACLAssociation), unless it is attached elsewhere (another stack, Firewall Manager)`,
      });
    }
  },
};
