import type { Node } from '../../core/ast';
import { actionInfo, expandActionPattern, isPattern } from '../../core/iam/catalog';
import { grantedActions } from '../../core/iam/statement-actions';
import { elementValues, isWildcardResource } from '../../core/iam/values';
import type { PolicyDocument, Statement } from '../../core/model/policies';
import type { Rule, RuleContext } from '../../core/rule';

/**
 * Known escalation paths (after Rhino Security Labs' list): every action of a path, held by one
 * principal on a broad resource, lets it gain permissions it was not given.
 */
const PATHS: { actions: string[]; how: string }[] = [
  { actions: ['iam:CreatePolicyVersion'], how: 'rewrite a managed policy attached to it, granting itself anything' },
  { actions: ['iam:SetDefaultPolicyVersion'], how: 'switch a managed policy to an older, broader version' },
  { actions: ['iam:AttachUserPolicy'], how: 'attach AdministratorAccess to a user' },
  { actions: ['iam:AttachGroupPolicy'], how: 'attach AdministratorAccess to a group' },
  { actions: ['iam:AttachRolePolicy'], how: 'attach AdministratorAccess to a role' },
  { actions: ['iam:PutUserPolicy'], how: 'write an inline policy granting anything to a user' },
  { actions: ['iam:PutGroupPolicy'], how: 'write an inline policy granting anything to a group' },
  { actions: ['iam:PutRolePolicy'], how: 'write an inline policy granting anything to a role' },
  { actions: ['iam:AddUserToGroup'], how: 'add a user to an administrators group' },
  { actions: ['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'], how: 'let itself assume any role, then assume it' },
  { actions: ['iam:CreateAccessKey'], how: 'create access keys for other users, administrators included' },
  { actions: ['iam:CreateLoginProfile'], how: 'set a console password for another user and sign in as them' },
  { actions: ['iam:UpdateLoginProfile'], how: 'change another user\'s console password and sign in as them' },
  { actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'], how: 'create a function that runs as any role and invoke it' },
  { actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'], how: 'create a function that runs as any role and trigger it from a stream' },
  { actions: ['iam:PassRole', 'ec2:RunInstances'], how: 'launch an instance with any role and read its credentials' },
  { actions: ['iam:PassRole', 'cloudformation:CreateStack'], how: 'create a stack that runs as any role' },
  { actions: ['iam:PassRole', 'glue:CreateDevEndpoint'], how: 'create a Glue endpoint that runs as any role' },
  { actions: ['iam:PassRole', 'datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition'], how: 'run a pipeline as any role' },
  { actions: ['lambda:UpdateFunctionCode'], how: 'replace the code of any function, and so act as its role' },
  { actions: ['glue:UpdateDevEndpoint'], how: 'take over any Glue endpoint and its role' },
];

/** Actions that hand out credentials, on every resource. */
const CREDENTIALS: Record<string, string> = {
  'sts:AssumeRole': 'assume any role whose trust policy trusts this account',
  'redshift:GetClusterCredentials': 'get database credentials for any Redshift cluster and user',
  'iam:CreateServiceSpecificCredential': 'create CodeCommit/Keyspaces credentials for other users',
};

/** Reads that exfiltrate every secret, parameter or object of the account when granted on `*`. */
const EXFILTRATION: { actions: string[]; what: string }[] = [
  { actions: ['secretsmanager:GetSecretValue'], what: 'read every secret' },
  { actions: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'], what: 'read every SSM parameter' },
  { actions: ['s3:GetObject'], what: 'read every object of every bucket' },
];

interface Grant {
  statement: Statement;
  /** The node of the action as written (or of the wildcard that includes it). */
  node: Node;
  /** On every resource (`*`, `arn:aws:s3:::*`), not only a wildcard within a type (`role/*`). */
  everything: boolean;
}

function broadResource(statement: Statement): boolean {
  return elementValues(statement.resource, statement.document.template).some((v) => v.text !== undefined && v.text.includes('*'));
}

/** Action id (lower case) → where one principal is granted it on a broad resource. */
function grantsOf(docs: readonly PolicyDocument[]): Map<string, Grant> {
  const out = new Map<string, Grant>();
  for (const doc of docs) {
    for (const statement of doc.statements) {
      if (statement.effect !== 'Allow' || !statement.action || !broadResource(statement)) continue;
      // A condition (MFA, tags, PassedToService...) may well close the path: precision first.
      if (statement.condition) continue;
      const everything = elementValues(statement.resource, statement.document.template).some((v) => isWildcardResource(v.text));
      // Point at the action as written: the name itself, or the wildcard that includes it.
      for (const value of elementValues(statement.action, statement.document.template)) {
        if (!value.literal || value.text === undefined || value.text === '*') continue;
        const actions = isPattern(value.text) ? expandActionPattern(value.text) : [actionInfo(value.text)].filter((a) => a !== undefined);
        for (const a of actions) {
          const known = out.get(a.id.toLowerCase());
          if (!known || (everything && !known.everything)) out.set(a.id.toLowerCase(), { statement, node: value.node, everything });
        }
      }
    }
  }
  return out;
}

function principalsOf(context: RuleContext): Map<string, PolicyDocument[]> {
  const byPrincipal = new Map<string, PolicyDocument[]>();
  for (const doc of context.policies) {
    if (doc.kind !== 'identity') continue;
    const names = doc.principals.length ? doc.principals : [`Whoever holds ${doc.location}`];
    for (const name of names) {
      const list = byPrincipal.get(name) ?? [];
      if (!list.includes(doc)) list.push(doc);
      byPrincipal.set(name, list);
    }
  }
  return byPrincipal;
}

export const privilegeEscalation: Rule = {
  meta: {
    id: 'iam/privilege-escalation',
    title: 'A principal must not hold a known privilege-escalation path, credential-granting actions or every-secret reads on `*`',
    defaultSeverity: 'warning',
    fixable: false,
    kinds: ['iam-policy', 'cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    const reported = new Set<string>();
    for (const [principal, docs] of principalsOf(context)) {
      // Administrator access is iam/admin-access's finding; every path is open anyway.
      if (docs.some((d) => d.statements.some((s) => s.effect === 'Allow' && grantedActions(s).everything))) continue;
      const grants = grantsOf(docs);
      if (!grants.size) continue;
      const report = (grant: Grant, message: string, severity?: 'info') => {
        const key = `${grant.node.start}:${message}`;
        if (reported.has(key)) return;
        reported.add(key);
        context.report({ node: grant.node, resource: principal, message, severity });
      };
      for (const path of PATHS) {
        const held = path.actions.map((a) => grants.get(a.toLowerCase()));
        if (held.some((g) => !g)) continue;
        const names = path.actions.map((a) => actionInfo(a)?.id ?? a);
        report(held[held.length - 1]!, `${principal} can escalate its privileges: ${names.join(' + ')} on every resource lets it ${path.how}; scope these actions to named resources or remove them`);
      }
      for (const [action, what] of Object.entries(CREDENTIALS)) {
        const grant = grants.get(action.toLowerCase());
        if (grant?.everything) report(grant, `${principal} can obtain credentials: ${action} on every resource lets it ${what}; name the resources`);
      }
      for (const { actions, what } of EXFILTRATION) {
        const held = actions.map((a) => ({ action: a, grant: grants.get(a.toLowerCase()) })).find((g) => g.grant?.everything);
        if (held) report(held.grant!, `${principal} can ${what} of the account: ${held.action} on every resource; name the resources it reads`, 'info');
      }
    }
  },
};
