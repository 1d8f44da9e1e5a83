import { get, literalString } from '../../core/ast';
import { getAtt, ref, sub, type Emit } from '../../core/edit';
import type { Template } from '../../core/model/template';
import type { FixInput, Rule } from '../../core/rule';

/** Where the caller of a service principal is defined in a template, and how to name its ARN. */
const SOURCES: Record<string, { types: string[]; arn: (id: string) => Emit }> = {
  'events.amazonaws.com': { types: ['AWS::Events::Rule'], arn: (id) => getAtt(id, 'Arn') },
  'sns.amazonaws.com': { types: ['AWS::SNS::Topic'], arn: (id) => ref(id) },
  'apigateway.amazonaws.com': { types: ['AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api'], arn: (id) => sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${id}}/*`) },
  'scheduler.amazonaws.com': { types: ['AWS::Scheduler::Schedule'], arn: (id) => getAtt(id, 'Arn') },
};

function singleSource(template: Template, principal: string): { id: string; value: Emit } | undefined {
  const source = SOURCES[principal];
  if (!source) return undefined;
  const found = template.resourcesOfType(...source.types);
  return found.length === 1 ? { id: found[0].logicalId, value: source.arn(found[0].logicalId) } : undefined;
}

export const lambdaPermissionSource: Rule = {
  meta: {
    id: 'iam/lambda-permission-source',
    title: '`AWS::Lambda::Permission` for a service needs `SourceArn` or `SourceAccount`; `Principal: "*"` only for function URLs',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const resource of template.resourcesOfType('AWS::Lambda::Permission')) {
      const props = resource.properties;
      if (!props) continue;
      const principalNode = get(props, 'Principal');
      const principal = literalString(principalNode);
      if (!principalNode || principal === undefined) continue;
      if (get(props, 'SourceArn') !== undefined || get(props, 'SourceAccount') !== undefined) continue;
      if (principal === '*') {
        // A function URL's permission is public by design; whether the URL needs auth is the API rules' call.
        if (get(props, 'FunctionUrlAuthType') !== undefined) continue;
        context.report({
          node: principalNode,
          resource: resource.logicalId,
          severity: 'error',
          message: `Lambda permission ${resource.logicalId} lets anyone invoke the function (Principal "*"): name the service or account that calls it, and its SourceArn`,
        });
        continue;
      }
      if (!principal.endsWith('.amazonaws.com') && !principal.endsWith('.amazonaws.com.cn')) continue;
      const fixes: FixInput[] = [];
      const source = singleSource(template, principal);
      if (source) {
        fixes.push({ title: `Allow only ${source.id} to invoke (SourceArn)`, isPreferred: true, edits: [context.editor.insertPair(props, 'SourceArn', source.value)] });
      }
      fixes.push({ title: 'Allow only callers in this account (SourceAccount: !Ref AWS::AccountId)', isPreferred: !source, edits: [context.editor.insertPair(props, 'SourceAccount', ref('AWS::AccountId'))] });
      context.report({
        node: principalNode,
        resource: resource.logicalId,
        message: `Lambda permission ${resource.logicalId} lets ${principal} invoke the function on behalf of any AWS account: add SourceArn (or at least SourceAccount) so only your ${principal.split('.')[0]} resources can`,
        fixes,
      });
    }
  },
};
