import { whereOf } from '../../core/iam/values';
import { allowStatements } from '../../core/model/policies';
import type { Rule } from '../../core/rule';

export const notPrincipalAllow: Rule = {
  meta: {
    id: 'iam/not-principal-allow',
    title: '`Allow` with `NotPrincipal` grants access to everyone except the listed principals, anonymous callers included',
    defaultSeverity: 'error',
    fixable: false,
    kinds: ['iam-policy', 'cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    for (const statement of allowStatements(context.policies, ['identity', 'resource', 'trust'])) {
      if (!statement.notPrincipal) continue;
      const doc = statement.document;
      const key = statement.node.pairs.find((p) => p.key.value === 'NotPrincipal')?.key;
      context.report({
        node: key ?? statement.notPrincipal,
        resource: doc.owner ?? statement.label,
        message: `${whereOf(statement)} allows everyone except the principals in NotPrincipal, anonymous callers and every other AWS account included: name the allowed principals in \`Principal\``,
      });
    }
  },
};
