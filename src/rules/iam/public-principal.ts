import { getAtt, ref, type Emit } from '../../core/edit';
import type { Template } from '../../core/model/template';
import { grantedActions } from '../../core/iam/statement-actions';
import { isEveryone, principalEntries } from '../../core/iam/principals';
import { conditionHasKey, whereOf } from '../../core/iam/values';
import type { FixInput, Rule } from '../../core/rule';

/** Condition keys that narrow "everyone" to a known account, organization, source or network. */
export const NARROWING_KEYS = [
  'aws:SourceArn', 'aws:SourceAccount', 'aws:SourceOwner', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths',
  'aws:PrincipalAccount', 'aws:PrincipalArn', 'aws:SourceOrgID', 'aws:SourceOrgPaths', 'aws:SourceVpce',
  'aws:SourceVpc', 'aws:SourceIp', 'aws:userid', 'aws:username', 'aws:PrincipalServiceName',
  'kms:CallerAccount', 'kms:ViaService', 's3:DataAccessPointAccount', 's3:DataAccessPointArn',
  'lambda:FunctionUrlAuthType', 'sns:Endpoint', 'aws:VpceAccount', 'aws:VpceOrgID', 'aws:SourceVpcArn',
];

/** Resource policies whose `Allow *` is how a public endpoint is written; their routes are judged by the API rules. */
const API_POLICY_OWNERS = new Set(['AWS::ApiGateway::RestApi', 'AWS::Serverless::Api']);

/**
 * The one resource of the template that would send to this queue or topic: an SNS topic or an
 * EventBridge rule for SQS, an EventBridge rule for SNS. (S3 is left out: a bucket notification
 * depends on the policy, so naming the bucket here makes a circular dependency.)
 */
function singleSource(template: Template, actions: string[]): { id: string; value: Emit } | undefined {
  const types = actions.includes('sqs:SendMessage') ? ['AWS::SNS::Topic', 'AWS::Events::Rule'] : actions.includes('sns:Publish') ? ['AWS::Events::Rule'] : [];
  if (!types.length) return undefined;
  const found = template.resourcesOfType(...types);
  if (found.length !== 1) return undefined;
  const r = found[0];
  return { id: r.logicalId, value: r.type === 'AWS::SNS::Topic' ? ref(r.logicalId) : getAtt(r.logicalId, 'Arn') };
}

export const publicPrincipal: Rule = {
  meta: {
    id: 'iam/public-principal',
    title: 'Resource policies must not allow `Principal: "*"` without a condition that narrows who',
    defaultSeverity: 'error',
    fixable: true,
    kinds: ['iam-policy', 'cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    for (const doc of context.policies) {
      // A standalone file with principals is a resource policy too.
      const isResourcePolicy = doc.kind === 'resource' || (context.kind === 'iam-policy' && doc.statements.some((s) => s.principal));
      if (!isResourcePolicy) continue;
      const apiPolicy = (doc.ownerType !== undefined && API_POLICY_OWNERS.has(doc.ownerType)) || doc.location === 'provider.apiGateway.resourcePolicy';
      for (const statement of doc.statements) {
        if (statement.effect !== 'Allow') continue;
        const everyone = principalEntries(statement.principal).find(isEveryone);
        if (!everyone) continue;
        if (conditionHasKey(statement, NARROWING_KEYS)) continue;
        const granted = grantedActions(statement);
        if (apiPolicy && !granted.everything && granted.actions.length > 0 && granted.actions.every((a) => a.id === 'execute-api:Invoke')) continue;
        const readOnly = !granted.everything && !granted.unknown && granted.actions.length > 0 && granted.actions.every((a) => a.level === 'Read' || a.level === 'List');
        const fixes: FixInput[] = [];
        if (context.kind !== 'iam-policy' && !statement.condition && doc.template) {
          const source = singleSource(doc.template, granted.actions.map((a) => a.id));
          if (source) {
            fixes.push({
              title: `Allow only ${source.id} (aws:SourceArn condition)`,
              isPreferred: true,
              edits: [context.editor.insertPair(statement.node, 'Condition', { ArnEquals: { 'aws:SourceArn': source.value } })],
            });
          }
          fixes.push({
            title: 'Allow only principals of this account (aws:PrincipalAccount condition)',
            isPreferred: !source,
            edits: [context.editor.insertPair(statement.node, 'Condition', { StringEquals: { 'aws:PrincipalAccount': ref('AWS::AccountId') } })],
          });
        }
        context.report({
          node: everyone.node,
          resource: doc.owner ?? statement.label,
          severity: readOnly ? 'warning' : undefined,
          message: `${whereOf(statement)} allows anyone (Principal "*") ${readOnly ? 'to read' : 'to act'}${granted.everything ? ' with every action' : ''} with no condition on account, organization, source or network: name the principals, or add a condition such as aws:PrincipalOrgID, aws:SourceArn or aws:SourceAccount`,
          fixes,
        });
      }
    }
  },
};
