import { literalString } from '../../core/ast';
import { replaceWithItems } from '../../core/edit';
import { alternatives } from '../../core/intrinsics';
import type { Rule } from '../../core/rule';

/** Read-only action patterns offered in place of `service:*`. */
const READ_ONLY_VERBS = ['Get', 'List', 'Describe'];

export const wildcardAction: Rule = {
  meta: {
    id: 'iam/wildcard-action',
    title: 'Allow statements must not grant every action (`*`) or every action of a service (`service:*`)',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['iam-policy', 'cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    for (const doc of context.policies) {
      if (doc.kind === 'trust') continue;
      for (const statement of doc.statements) {
        if (statement.effect !== 'Allow' || !statement.action) continue;
        for (const item of statement.action.items) {
          for (const node of alternatives(item.node)) {
            const action = literalString(node);
            if (action === undefined) continue;
            const where = `${statement.label} of ${doc.location}`;
            if (action === '*') {
              context.report({
                node,
                resource: doc.owner ?? statement.label,
                message: `\`Action: "*"\` in ${where} allows every action in every AWS service: list only the actions this principal calls`,
              });
              continue;
            }
            const m = /^([a-z0-9-]+):\*$/i.exec(action);
            if (!m) continue;
            const service = m[1];
            const readOnly = READ_ONLY_VERBS.map((verb) => `${service}:${verb}*`);
            context.report({
              node,
              resource: doc.owner ?? statement.label,
              message: `\`${action}\` in ${where} allows every ${service} action, including writes and permission changes: list only the actions this principal calls`,
              fixes: [
                {
                  title: `Limit to read-only actions (${readOnly.join(', ')})`,
                  isPreferred: true,
                  edits: replaceWithItems(context.editor, statement.action.node, node, readOnly),
                },
              ],
            });
          }
        }
      }
    }
  },
};
