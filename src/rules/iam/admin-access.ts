import { attachmentsView, elementValues, isWildcardResource, parameterRelated, whereOf } from '../../core/iam/values';
import { allowStatements } from '../../core/model/policies';
import type { Rule } from '../../core/rule';

/** AWS managed policies that amount to administrator access, or to the power to grant it. */
export const ELEVATED_MANAGED_POLICIES: Record<string, string> = {
  AdministratorAccess: 'allows every action on every resource',
  PowerUserAccess: 'allows every action except most of IAM and Organizations',
  IAMFullAccess: 'lets the principal grant itself any permission',
  'AdministratorAccess-Amplify': 'allows administrator access to most of the account through Amplify and CloudFormation',
  'AdministratorAccess-AWSElasticBeanstalk': 'allows administrator access to Elastic Beanstalk and the services it drives',
  AWSOrganizationsFullAccess: 'allows every Organizations action, including moving accounts and changing policies',
};

export const adminAccess: Rule = {
  meta: {
    id: 'iam/admin-access',
    title: 'No principal may get administrator access: `Allow` `*` on `*`, or AdministratorAccess, PowerUserAccess, IAMFullAccess and the like',
    defaultSeverity: 'error',
    fixable: false,
    kinds: ['iam-policy', 'cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    for (const statement of allowStatements(context.policies, ['identity'])) {
      if (!statement.action || !statement.resource) continue;
      const doc = statement.document;
      const star = elementValues(statement.action, doc.template).find((v) => v.literal && (v.text === '*' || v.text === '*:*'));
      if (!star) continue;
      const resource = elementValues(statement.resource, doc.template).find((v) => v.literal && isWildcardResource(v.text));
      if (!resource) continue;
      context.report({
        node: star.node,
        resource: doc.owner ?? statement.label,
        related: [...parameterRelated(star), ...parameterRelated(resource), { node: resource.node, message: 'on every resource' }],
        message: `${whereOf(statement)} allows every action on every resource: this is administrator access; grant only the actions and resources this principal uses`,
      });
    }
    for (const ref of context.use(attachmentsView).managed) {
      if (!ref.awsManaged || !ref.name) continue;
      const why = ELEVATED_MANAGED_POLICIES[ref.name];
      if (!why) continue;
      context.report({
        node: ref.node,
        resource: ref.owner,
        message: `${ref.location} attaches the AWS managed policy ${ref.name}, which ${why}: attach a policy with only the actions this principal uses`,
      });
    }
  },
};
