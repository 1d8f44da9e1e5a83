import { asList, get, literalString } from '../../core/ast';
import { valueOf } from '../../core/intrinsics';
import { grants } from '../../core/iam/statement-actions';
import type { PolicyDocument } from '../../core/model/policies';
import type { Rule } from '../../core/rule';

/** A Deny that applies when MFA is absent: `BoolIfExists`/`Bool` `aws:MultiFactorAuthPresent: false`, or `Null` `true`. */
function enforcesMfa(doc: PolicyDocument): boolean {
  return doc.statements.some((s) => {
    if (s.effect !== 'Deny') return false;
    for (const op of s.condition?.pairs ?? []) {
      if (op.value.kind !== 'map') continue;
      for (const pair of op.value.pairs) {
        if (typeof pair.key.value === 'string' && pair.key.value.toLowerCase() === 'aws:multifactorauthpresent') return true;
      }
    }
    return false;
  });
}

function refTarget(node: ReturnType<typeof get>): string | undefined {
  if (!node) return undefined;
  const v = valueOf(node);
  return v.kind === 'ref' ? v.target : literalString(node);
}

export const consoleUserWithoutMfa: Rule = {
  meta: {
    id: 'iam/console-user-without-mfa',
    title: 'IAM users with console access need a policy that enforces MFA',
    defaultSeverity: 'warning',
    fixable: false,
    kinds: ['cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const users = template.resourcesOfType('AWS::IAM::User').filter((u) => get(u.properties, 'LoginProfile') !== undefined);
    if (!users.length) return;
    const policies = context.policies.filter((d) => d.kind === 'identity' && d.template === template);
    for (const user of users) {
      const groups = asList(get(user.properties, 'Groups')).map((g) => refTarget(g)).filter((g): g is string => !!g);
      const mine = policies.filter((d) => d.principals.includes(user.logicalId) || groups.some((g) => d.principals.includes(g)));
      if (mine.some(enforcesMfa)) continue;
      // A managed policy ARN we cannot read might enforce MFA: stay quiet when the user has any.
      if (get(user.properties, 'ManagedPolicyArns') !== undefined) continue;
      const canManageMfa = mine.some((d) => d.statements.some((s) => s.effect === 'Allow' && grants(s, 'iam:EnableMFADevice')));
      context.report({
        node: get(user.properties, 'LoginProfile') ? user.properties!.pairs.find((p) => p.key.value === 'LoginProfile')!.key : user.keyNode,
        resource: user.logicalId,
        message: `IAM user ${user.logicalId} can sign in to the console (LoginProfile) and no policy in this template requires MFA: add a Deny of everything but MFA setup unless aws:MultiFactorAuthPresent${canManageMfa ? '' : ' (and allow iam:EnableMFADevice for the user)'}, or move people to IAM Identity Center`,
      });
    }
  },
};
