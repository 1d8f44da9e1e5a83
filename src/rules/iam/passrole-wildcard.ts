import { get, literalString, type MapNode } from '../../core/ast';
import type { Emit } from '../../core/edit';
import { grantedActions, grants } from '../../core/iam/statement-actions';
import { conditionHasKey, elementValues, isWildcardResource, whereOf } from '../../core/iam/values';
import { allowStatements, type Statement } from '../../core/model/policies';
import type { Template } from '../../core/model/template';
import type { FixInput, Rule, RuleContext } from '../../core/rule';

/** Actions that take a role to pass, and the service the role is passed to. */
const PASSED_TO: [RegExp, string][] = [
  [/^lambda:(createfunction|updatefunctionconfiguration)$/, 'lambda.amazonaws.com'],
  [/^ecs:(runtask|starttask|registertaskdefinition|createservice|updateservice)$/, 'ecs-tasks.amazonaws.com'],
  [/^ec2:(runinstances|associateiaminstanceprofile|replaceiaminstanceprofileassociation)$/, 'ec2.amazonaws.com'],
  [/^states:(createstatemachine|updatestatemachine)$/, 'states.amazonaws.com'],
  [/^glue:(createjob|updatejob|createdevendpoint|createsession)$/, 'glue.amazonaws.com'],
  [/^sagemaker:create/, 'sagemaker.amazonaws.com'],
  [/^cloudformation:(createstack|updatestack|createchangeset)$/, 'cloudformation.amazonaws.com'],
  [/^codebuild:(createproject|updateproject)$/, 'codebuild.amazonaws.com'],
  [/^events:puttargets$/, 'events.amazonaws.com'],
  [/^scheduler:(createschedule|updateschedule)$/, 'scheduler.amazonaws.com'],
  [/^batch:(registerjobdefinition|createcomputeenvironment)$/, 'batch.amazonaws.com'],
];

/** The services the statement passes roles to, from its own actions; else from the trust policies of the template's roles. */
function passedToServices(statement: Statement, template: Template | undefined): string[] {
  const fromActions = new Set<string>();
  for (const a of grantedActions(statement).actions) {
    const id = a.id.toLowerCase();
    for (const [re, service] of PASSED_TO) if (re.test(id)) fromActions.add(service);
  }
  if (fromActions.size) return [...fromActions].sort();
  const fromRoles = new Set<string>();
  for (const role of template?.resourcesOfType('AWS::IAM::Role') ?? []) {
    for (const s of asStatements(get(role.properties, 'AssumeRolePolicyDocument'))) {
      for (const service of asStrings(get(get(s, 'Principal'), 'Service'))) fromRoles.add(service);
    }
  }
  return [...fromRoles].sort();
}

function asStatements(doc: ReturnType<typeof get>): MapNode[] {
  const st = get(doc, 'Statement');
  if (!st) return [];
  const items = st.kind === 'seq' ? st.items : [st];
  return items.filter((n): n is MapNode => n.kind === 'map');
}

function asStrings(node: ReturnType<typeof get>): string[] {
  if (!node) return [];
  const items = node.kind === 'seq' ? node.items : [node];
  return items.map((n) => literalString(n)).filter((s): s is string => s !== undefined);
}

function conditionFix(context: RuleContext, statement: Statement, services: string[]): FixInput | undefined {
  if (!services.length || services.length > 3) return undefined;
  const value: Emit = services.length === 1 ? services[0] : services;
  const editor = context.editor;
  const condition = statement.condition;
  const title = `Allow passing roles only to ${services.join(', ')} (iam:PassedToService condition)`;
  if (!condition) {
    if (get(statement.node, 'Condition') !== undefined) return undefined;
    return { title, isPreferred: true, edits: [editor.insertPair(statement.node, 'Condition', { StringEquals: { 'iam:PassedToService': value } })] };
  }
  const equals = condition.pairs.find((p) => p.key.value === 'StringEquals');
  if (equals) {
    if (equals.value.kind !== 'map' || equals.value.tag) return undefined;
    return { title, isPreferred: true, edits: [editor.insertPair(equals.value, 'iam:PassedToService', value)] };
  }
  return { title, isPreferred: true, edits: [editor.insertPair(condition, 'StringEquals', { 'iam:PassedToService': value })] };
}

export const passroleWildcard: Rule = {
  meta: {
    id: 'iam/passrole-wildcard',
    title: '`iam:PassRole` on every role needs an `iam:PassedToService` condition',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['iam-policy', 'cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    for (const statement of allowStatements(context.policies, ['identity'])) {
      if (!statement.action || !statement.resource) continue;
      const doc = statement.document;
      if (!grants(statement, 'iam:PassRole')) continue;
      // `*` on `*` is already administrator access (iam/admin-access).
      if (grantedActions(statement).everything) continue;
      if (conditionHasKey(statement, ['iam:PassedToService'])) continue;
      const wildcard = elementValues(statement.resource, doc.template).find((v) => isWildcardResource(v.text) || /^arn:[^:]+:iam::[^:]*:role\/\*$/.test(v.text ?? ''));
      if (!wildcard) continue;
      const written = grantedActions(statement).written.find((w) => w.toLowerCase() === 'iam:passrole');
      const via = written ? 'iam:PassRole' : 'iam:PassRole (through a wildcard)';
      const fix = conditionFix(context, statement, passedToServices(statement, doc.template));
      context.report({
        node: wildcard.node,
        resource: doc.owner ?? statement.label,
        message: `${whereOf(statement)} allows ${via} on every role without an iam:PassedToService condition: the principal can hand any role, including admin ones, to a service it controls; name the roles or add the condition`,
        fixes: fix ? [fix] : [],
      });
    }
  },
};
