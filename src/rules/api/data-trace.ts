import { asList, get, getMap, isMap, literalBoolean, type MapNode, type Node } from '../../core/ast';
import type { Rule, RuleContext } from '../../core/rule';

function report(context: RuleContext, node: Node | undefined, where: string, resource: string, key = 'DataTraceEnabled'): void {
  if (!node || literalBoolean(node) !== true) return;
  context.report({
    node,
    resource,
    message: `\`${key}: true\` in ${where} writes full requests and responses (tokens, passwords, personal data included) to CloudWatch Logs: turn it off, and use access logs for who called what`,
    fixes: [{ title: `Set ${key}: false`, isPreferred: true, edits: [context.editor.replaceValue(node, false)] }],
  });
}

/** REST `MethodSettings` items. */
function methodSettings(context: RuleContext, list: Node | undefined, where: string, resource: string): void {
  for (const item of asList(list)) if (isMap(item)) report(context, get(item, 'DataTraceEnabled'), where, resource);
}

/** v2 `DefaultRouteSettings` and each `RouteSettings` entry. */
function routeSettings(context: RuleContext, settings: MapNode | undefined, where: string, resource: string): void {
  report(context, get(getMap(settings, 'DefaultRouteSettings'), 'DataTraceEnabled'), where, resource);
  for (const pair of getMap(settings, 'RouteSettings')?.pairs ?? []) report(context, get(pair.value, 'DataTraceEnabled'), where, resource);
}

export const dataTrace: Rule = {
  meta: {
    id: 'api/data-trace',
    title: 'API stages must not log full requests and responses (`DataTraceEnabled: true`)',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    const t = context.template;
    for (const r of t?.resources ?? []) {
      const props = r.properties;
      const where = `${r.type} ${r.logicalId}`;
      switch (r.type) {
        case 'AWS::ApiGateway::Stage':
        case 'AWS::Serverless::Api':
          methodSettings(context, get(props, 'MethodSettings'), where, r.logicalId);
          break;
        case 'AWS::ApiGateway::Deployment': {
          const desc = getMap(props, 'StageDescription');
          report(context, get(desc, 'DataTraceEnabled'), where, r.logicalId);
          methodSettings(context, get(desc, 'MethodSettings'), where, r.logicalId);
          break;
        }
        case 'AWS::ApiGatewayV2::Stage':
        case 'AWS::Serverless::HttpApi':
          routeSettings(context, props, where, r.logicalId);
          break;
        default:
          break;
      }
    }
    if (t?.globalsNode) {
      methodSettings(context, get(getMap(t.globalsNode, 'Api'), 'MethodSettings'), 'Globals.Api (every SAM REST API)', 'Globals');
      routeSettings(context, getMap(t.globalsNode, 'HttpApi'), 'Globals.HttpApi (every SAM HTTP API)', 'Globals');
    }
    const logs = context.serverless ? getMap(context.serverless.provider, 'logs') : undefined;
    for (const key of ['restApi', 'websocket']) {
      report(context, get(getMap(logs, key), 'fullExecutionData'), `provider.logs.${key}`, 'provider', 'fullExecutionData');
    }
  },
};
