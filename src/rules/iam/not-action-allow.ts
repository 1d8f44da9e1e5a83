import { whereOf } from '../../core/iam/values';
import { allowStatements } from '../../core/model/policies';
import type { Rule } from '../../core/rule';

export const notActionAllow: Rule = {
  meta: {
    id: 'iam/not-action-allow',
    title: '`Allow` with `NotAction` grants every action except the listed ones, including actions AWS adds later',
    defaultSeverity: 'warning',
    fixable: false,
    kinds: ['iam-policy', 'cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    for (const statement of allowStatements(context.policies, ['identity', 'resource'])) {
      if (!statement.notAction) continue;
      const doc = statement.document;
      const key = statement.node.pairs.find((p) => p.key.value === 'NotAction')?.key;
      context.report({
        node: key ?? statement.notAction.node,
        resource: doc.owner ?? statement.label,
        message: `${whereOf(statement)} allows every action of every service except those in NotAction, including actions AWS adds later: list the allowed actions in \`Action\` instead (keep NotAction for Deny statements)`,
      });
    }
  },
};
