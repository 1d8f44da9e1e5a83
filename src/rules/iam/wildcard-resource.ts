import { replaceWithItems, sub, type Emit } from '../../core/edit';
import { expandActionPattern, isPattern, type ActionInfo } from '../../core/iam/catalog';
import { exampleAction } from '../../core/iam/levels';
import { arnTemplate, scopeCandidates } from '../../core/iam/scoping';
import { grantedActions } from '../../core/iam/statement-actions';
import { elementValues, isWildcardResource, parameterRelated, whereOf } from '../../core/iam/values';
import { allowStatements, type Statement } from '../../core/model/policies';
import type { FixInput, Rule } from '../../core/rule';

const JUDGED_LEVELS = new Set(['Write', 'Permissions management', 'Tagging']);

/**
 * What AWS's own execution-role policies grant on `*` (AWSLambdaBasicExecutionRole: the function's
 * logs; AWSLambdaVPCAccessExecutionRole: its network interfaces; CloudWatch metrics). Flagging them
 * is the noise that makes people ignore IAM linters.
 */
const LOW_RISK = new Set([
  'logs:CreateLogGroup',
  'logs:CreateLogStream',
  'logs:PutLogEvents',
  'cloudwatch:PutMetricData',
  'ec2:CreateNetworkInterface',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
  'ec2:AttachNetworkInterface',
  'ec2:DetachNetworkInterface',
  // A durable function checkpointing its own execution: its own ARN cannot be named in its role
  // without a circular dependency, and AWS's durable-execution policy grants these on "*".
  'lambda:CheckpointDurableExecution',
  // AmazonSSMManagedInstanceCore: the SSM agent's heartbeat.
  'ssm:UpdateInstanceInformation',
  // AmazonEC2ContainerServiceforEC2Role: the ECS container agent registering its instance.
  'ecs:CreateCluster',
  'ecs:DeregisterContainerInstance',
  'ecs:DiscoverPollEndpoint',
  'ecs:Poll',
  'ecs:RegisterContainerInstance',
  'ecs:StartTelemetrySession',
  'ecs:SubmitAttachmentStateChanges',
  'ecs:SubmitContainerStateChange',
  'ecs:SubmitTaskStateChange',
  'ecs:UpdateContainerInstancesState',
]);

/** Condition keys that scope a statement to some resources even when `Resource` is `*`. */
const SCOPING_CONDITION = /(ResourceTag|RequestTag|ResourceAccount|ResourceOrgID|ResourceOrgPaths|:CreateAction|PrincipalTag|TagKeys|ResourceArn|SourceArn|:Tenant|:ParentResource|InstanceProfile|Vpc\b)/i;

const MAX_CANDIDATE_FIXES = 3;

function listNames(actions: readonly ActionInfo[]): string {
  const names = actions.slice(0, 3).map((a) => a.id);
  const more = actions.length - names.length;
  if (more > 0) return `${names.join(', ')} and ${more} more`;
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
}

/** Names the flagged actions as the user wrote them: explicit actions by name, wildcards with a count and an example. */
function describeActions(flagged: readonly ActionInfo[], written: readonly string[]): string {
  const writtenIds = new Set(written.map((w) => w.toLowerCase()));
  const explicit = flagged.filter((a) => writtenIds.has(a.id.toLowerCase()));
  const viaWildcard = flagged.filter((a) => !writtenIds.has(a.id.toLowerCase()));
  const parts: string[] = [];
  if (explicit.length) parts.push(listNames(explicit));
  if (viaWildcard.length) {
    const ids = new Set(viaWildcard.map((a) => a.id));
    const patterns = written.filter((w) => isPattern(w) && expandActionPattern(w).some((a) => ids.has(a.id)));
    const example = exampleAction(viaWildcard) ?? viaWildcard[0];
    parts.push(`${patterns.join(', ')} (${viaWildcard.length} write, permissions-management or tagging action${viaWildcard.length === 1 ? '' : 's'}, e.g. ${example.id})`);
  }
  return parts.join(' and ');
}

function renderValue(value: Emit): string {
  if (typeof value === 'string') return value;
  const v = value as { name?: string; argument?: unknown };
  return `!${v.name} ${String(v.argument)}`;
}

function hasScopingCondition(statement: Statement): boolean {
  for (const op of statement.condition?.pairs ?? []) {
    if (op.value.kind !== 'map') return true;
    for (const pair of op.value.pairs) if (typeof pair.key.value === 'string' && SCOPING_CONDITION.test(pair.key.value)) return true;
  }
  return false;
}

export const wildcardResource: Rule = {
  meta: {
    id: 'iam/wildcard-resource',
    title: 'Write, permissions-management and tagging actions that support resource-level permissions must not be granted on `Resource: "*"`',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['iam-policy', 'cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    for (const statement of allowStatements(context.policies, ['identity'])) {
      if (!statement.action || !statement.resource) continue;
      const doc = statement.document;
      const granted = grantedActions(statement);
      // `*` on `*` is iam/admin-access's finding.
      if (granted.everything) continue;
      const flagged = granted.actions.filter((a) => a.supportsResourceLevel && JUDGED_LEVELS.has(a.level) && !LOW_RISK.has(a.id));
      if (!flagged.length) continue;
      if (hasScopingCondition(statement)) continue;
      const writtenPatterns = statement.action.items.length ? grantedActions(statement).written : [];
      for (const value of elementValues(statement.resource, doc.template)) {
        if (!isWildcardResource(value.text)) continue;
        const shown = value.text === '*' ? '`Resource: "*"`' : `\`Resource: ${value.text}\``;
        const fixes: FixInput[] = [];
        if (!value.parameter) {
          const replace = (items: Emit[]) => value.item === value.node
            ? replaceWithItems(context.editor, statement.resource!.node, value.node, items)
            : [context.editor.replaceValue(value.node, items.length === 1 ? items[0] : items)];
          const candidates = scopeCandidates(doc.template, flagged).slice(0, MAX_CANDIDATE_FIXES);
          candidates.forEach((c, i) => {
            fixes.push({
              title: `Scope to ${c.logicalId} (${c.values.map(renderValue).join(', ')})`,
              isPreferred: i === 0 && candidates.length === 1,
              edits: replace(c.values),
            });
          });
          if (!candidates.length && (context.kind === 'cloudformation' || context.kind === 'sam')) {
            const type = flagged.find((a) => a.resourceTypes.some((t) => t.arn))?.resourceTypes.find((t) => t.arn);
            if (type) {
              const format = arnTemplate(type.arn);
              const placeholders = [...format.matchAll(/\$\{(?!AWS::)([^}]+)\}/g)].map((m) => '${' + m[1] + '}');
              fixes.push({
                title: `Replace with the ${type.name} ARN format${placeholders.length ? ` (fill in ${placeholders.join(', ')})` : ''}`,
                isPreferred: false,
                edits: replace([sub(format)]),
              });
            }
          }
        }
        context.report({
          node: value.node,
          resource: doc.owner ?? statement.label,
          related: parameterRelated(value),
          message: `${shown} in ${whereOf(statement)} lets ${describeActions(flagged, writtenPatterns)} act on every resource of ${flagged.length === 1 ? 'its' : 'their'} type: scope it to the resources this principal uses`,
          fixes,
        });
      }
    }
  },
};
