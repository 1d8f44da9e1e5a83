import { get, isMap, literalString } from '../../core/ast';
import { valueOf } from '../../core/intrinsics';
import type { Route } from '../../core/model/routes';
import type { FixInput, Rule, RuleContext } from '../../core/rule';
import { routesOf } from './routes-view';

function fixFor(route: Route, context: RuleContext): FixInput[] {
  const t = route.target;
  if (t.kind !== 'function-url') return [];
  const editor = context.editor;
  if (route.source === 'serverless-url') {
    if (isMap(t.node)) return [{ title: 'Require AWS_IAM (authorizer: aws_iam)', isPreferred: true, edits: [editor.setPair(t.node, 'authorizer', 'aws_iam')] }];
    return [{ title: 'Require AWS_IAM (authorizer: aws_iam)', isPreferred: true, edits: [editor.replaceValue(t.node, { authorizer: 'aws_iam' })] }];
  }
  if (!isMap(t.node)) return [];
  const where = t.fromGlobals ? ' in Globals (applies to every function)' : '';
  return [{ title: `Set AuthType: AWS_IAM${where}`, isPreferred: !t.fromGlobals, edits: [editor.setPair(t.node, 'AuthType', 'AWS_IAM')] }];
}

export const functionUrlPublic: Rule = {
  meta: {
    id: 'api/function-url-public',
    title: 'Lambda function URLs must not use `AuthType: NONE`, and Lambda permissions must not let anyone (`Principal: "*"`) invoke a function',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    for (const route of routesOf(context)) {
      if (route.apiKind !== 'function-url' || route.auth.kind !== 'open') continue;
      const how = route.source === 'serverless-url' ? '`url` without `authorizer: aws_iam`' : '`AuthType: NONE`';
      const globals = route.target.kind === 'function-url' && route.target.fromGlobals ? ' (from Globals)' : '';
      context.report({
        node: route.auth.node ?? route.node,
        resource: route.owner,
        message: `The function URL of ${route.api} has ${how}${globals}: anyone on the internet can invoke the function, with no throttling or WAF in front; use AWS_IAM, or serve it through API Gateway with an authorizer`,
        fixes: fixFor(route, context),
      });
    }
    const template = context.template;
    if (!template) return;
    for (const permission of template.resourcesOfType('AWS::Lambda::Permission')) {
      const props = permission.properties;
      const principal = get(props, 'Principal');
      if (literalString(principal) !== '*') continue;
      if (get(props, 'SourceArn') || get(props, 'SourceAccount') || get(props, 'PrincipalOrgID')) continue;
      const action = literalString(get(props, 'Action')) ?? '';
      const urlAuth = literalString(get(props, 'FunctionUrlAuthType'));
      // The permission a public function URL needs: reported once, on the URL itself.
      if (action === 'lambda:InvokeFunctionUrl' && urlAuth === 'NONE') continue;
      const fnNode = get(props, 'FunctionName');
      const fv = fnNode ? valueOf(fnNode) : undefined;
      const fn = fv?.kind === 'ref' ? fv.target : fv?.kind === 'getatt' ? fv.resource : literalString(fnNode) ?? 'the function';
      context.report({
        node: principal!,
        resource: permission.logicalId,
        message: `AWS::Lambda::Permission ${permission.logicalId} lets any AWS account (\`Principal: "*"\`) call ${action || 'an action'} on ${fn}: name the calling service or account, and add SourceArn or SourceAccount`,
      });
    }
  },
};
