import { whereOf } from '../../core/iam/values';
import { allowStatements } from '../../core/model/policies';
import type { Rule } from '../../core/rule';

export const notResourceAllow: Rule = {
  meta: {
    id: 'iam/not-resource-allow',
    title: '`Allow` with `NotResource` grants the actions on every resource except the listed ones, including resources created later',
    defaultSeverity: 'warning',
    fixable: false,
    kinds: ['iam-policy', 'cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    for (const statement of allowStatements(context.policies, ['identity', 'resource'])) {
      if (!statement.notResource) continue;
      const doc = statement.document;
      const key = statement.node.pairs.find((p) => p.key.value === 'NotResource')?.key;
      context.report({
        node: key ?? statement.notResource.node,
        resource: doc.owner ?? statement.label,
        message: `${whereOf(statement)} allows its actions on every resource except those in NotResource, in every account it can reach and on resources created later: list the resources in \`Resource\` instead`,
      });
    }
  },
};
