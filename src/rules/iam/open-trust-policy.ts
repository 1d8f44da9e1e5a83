import { get, type MapNode } from '../../core/ast';
import type { Emit } from '../../core/edit';
import { isEveryone, literalAccount, principalEntries, type PrincipalEntry } from '../../core/iam/principals';
import { conditionHasKey, whereOf } from '../../core/iam/values';
import { allowStatements, type Statement } from '../../core/model/policies';
import type { FixInput, Rule, RuleContext } from '../../core/rule';

const ANYONE_NARROWING = ['aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalArn', 'aws:PrincipalAccount', 'aws:SourceAccount', 'aws:SourceArn', 'aws:userid', 'sts:ExternalId'];
const CROSS_ACCOUNT_NARROWING = ['sts:ExternalId', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalArn', 'aws:MultiFactorAuthPresent', 'aws:userid', 'aws:SourceIdentity'];
const GITHUB = 'token.actions.githubusercontent.com';

/** Adds `<operator>: {key: value}` to a statement's Condition, creating what is missing. */
function addCondition(context: RuleContext, statement: Statement, operator: string, key: string, value: Emit): FixInput['edits'] | undefined {
  const editor = context.editor;
  if (!statement.condition) {
    if (get(statement.node, 'Condition') !== undefined) return undefined;
    return [editor.insertPair(statement.node, 'Condition', { [operator]: { [key]: value } })];
  }
  const existing = statement.condition.pairs.find((p) => p.key.value === operator);
  if (existing) return existing.value.kind === 'map' && !existing.value.tag ? [editor.insertPair(existing.value as MapNode, key, value)] : undefined;
  return [editor.insertPair(statement.condition, operator, { [key]: value })];
}

function providerHost(entry: PrincipalEntry): string | undefined {
  const m = /oidc-provider\/(.+)$/.exec(entry.text ?? '');
  return m ? m[1] : entry.text === 'cognito-identity.amazonaws.com' ? entry.text : undefined;
}

export const openTrustPolicy: Rule = {
  meta: {
    id: 'iam/open-trust-policy',
    title: 'Role trust policies must not let anyone, an unverified account or any workflow of an OIDC provider assume the role',
    defaultSeverity: 'error',
    fixable: true,
    kinds: ['iam-policy', 'cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    for (const statement of allowStatements(context.policies, ['trust'])) {
      const doc = statement.document;
      const entries = principalEntries(statement.principal);
      const where = whereOf(statement);
      const resource = doc.owner ?? statement.label;
      const everyone = entries.find(isEveryone);
      if (everyone) {
        if (!conditionHasKey(statement, ANYONE_NARROWING)) {
          context.report({ node: everyone.node, resource, message: `${where} lets anyone in any AWS account assume the role: name the accounts or roles that may, or add an aws:PrincipalOrgID condition` });
        }
        continue;
      }
      for (const entry of entries) {
        if (entry.type === 'Federated') {
          const host = providerHost(entry);
          if (!host) continue;
          const hasSub = conditionHasKey(statement, [`${host}:sub`]);
          const hasAud = conditionHasKey(statement, [`${host}:aud`]);
          if (host === GITHUB ? hasSub : hasSub || hasAud) continue;
          const fixes: FixInput[] = [];
          if (host === GITHUB) {
            const edits = addCondition(context, statement, 'StringLike', `${GITHUB}:sub`, 'repo:OWNER/REPO:ref:refs/heads/main');
            if (edits) fixes.push({ title: 'Trust only one repository and branch (token.actions.githubusercontent.com:sub; replace OWNER/REPO)', isPreferred: true, edits });
          }
          context.report({
            node: entry.node,
            resource,
            message: host === GITHUB
              ? `${where} trusts GitHub Actions OIDC without a ${GITHUB}:sub condition: any repository on GitHub can assume the role; limit it to your repository (and branch or environment)`
              : `${where} trusts the OIDC provider ${host} without an audience (:aud) or subject (:sub) condition: any identity it issues can assume the role`,
            fixes,
          });
          continue;
        }
        const account = literalAccount(entry);
        if (account && !conditionHasKey(statement, CROSS_ACCOUNT_NARROWING)) {
          context.report({
            node: entry.node,
            resource,
            severity: 'warning',
            message: `${where} lets account ${account} assume the role with no sts:ExternalId (or aws:PrincipalOrgID/aws:PrincipalArn) condition: if it is a third party, require the external ID it gave you (confused deputy); if it is your own account, name the role that may assume it`,
          });
        }
      }
    }
  },
};
