import { get, literalString } from '../../core/ast';
import { valueOf } from '../../core/intrinsics';
import type { Rule } from '../../core/rule';

export const userAccessKey: Rule = {
  meta: {
    id: 'iam/user-access-key',
    title: 'Long-lived IAM user access keys (`AWS::IAM::AccessKey`) should be replaced by roles',
    defaultSeverity: 'warning',
    fixable: false,
    kinds: ['cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    for (const resource of context.template?.resourcesOfType('AWS::IAM::AccessKey') ?? []) {
      if (literalString(get(resource.properties, 'Status')) === 'Inactive') continue;
      const user = valueOf(get(resource.properties, 'UserName') ?? resource.keyNode);
      const who = user.kind === 'ref' ? `IAM user ${user.target}` : user.kind === 'literal' && typeof user.value === 'string' ? `IAM user ${user.value}` : 'an IAM user';
      context.report({
        node: resource.typeNode ?? resource.keyNode,
        resource: resource.logicalId,
        message: `${resource.logicalId} creates a long-lived access key for ${who}: give workloads a role (instance profile, task or function role, OIDC federation) instead; if a key is unavoidable, store its secret in Secrets Manager and rotate it`,
      });
    }
  },
};
