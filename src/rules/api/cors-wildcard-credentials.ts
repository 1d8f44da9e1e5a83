import { asList, get, getMap, getPair, isMap, literalBoolean, literalString, type MapNode, type Node } from '../../core/ast';
import type { FixInput, Rule, RuleContext } from '../../core/rule';

/** `*`, or SAM's quoted header value `'*'`. */
function isAnyOrigin(node: Node): boolean {
  const s = literalString(node)?.trim();
  return s === '*' || s === "'*'";
}

function isTrue(node: Node | undefined): boolean {
  if (!node) return false;
  if (literalBoolean(node) === true) return true;
  const s = literalString(node)?.trim();
  return s === "'true'";
}

function report(context: RuleContext, origin: Node, where: string, resource: string, fixes: FixInput[]): void {
  context.report({
    node: origin,
    resource,
    message: `CORS in ${where} allows any origin (\`*\`) together with credentials: any website can make its visitors' browsers call the API with their cookies or tokens; list the allowed origins, or stop allowing credentials`,
    fixes,
  });
}

/** A CORS map with a list or single value of origins and a credentials flag. */
function checkMap(context: RuleContext, map: MapNode | undefined, originKeys: string[], credentialsKey: string, where: string, resource: string): void {
  if (!map) return;
  const credentials = getPair(map, credentialsKey);
  if (!credentials || !isTrue(credentials.value)) return;
  for (const key of originKeys) {
    const origin = asList(get(map, key)).find(isAnyOrigin);
    if (!origin) continue;
    report(context, origin, where, resource, [{ title: `Stop allowing credentials (${credentialsKey}: false)`, isPreferred: true, edits: [context.editor.replaceValue(credentials.value, false)] }]);
    return;
  }
}

export const corsWildcardCredentials: Rule = {
  meta: {
    id: 'api/cors-wildcard-credentials',
    title: 'CORS must not allow any origin (`*`) together with credentials',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    const t = context.template;
    for (const r of t?.resources ?? []) {
      const where = `${r.type} ${r.logicalId}`;
      switch (r.type) {
        case 'AWS::ApiGatewayV2::Api':
        case 'AWS::Serverless::HttpApi':
          checkMap(context, getMap(r.properties, 'CorsConfiguration'), ['AllowOrigins'], 'AllowCredentials', where, r.logicalId);
          break;
        case 'AWS::Serverless::Api':
          checkMap(context, getMap(r.properties, 'Cors'), ['AllowOrigin'], 'AllowCredentials', where, r.logicalId);
          break;
        case 'AWS::ApiGateway::Method': {
          // A MOCK preflight that answers with both headers.
          for (const response of asList(get(getMap(r.properties, 'Integration'), 'IntegrationResponses'))) {
            const params = getMap(response, 'ResponseParameters');
            const origin = get(params, 'method.response.header.Access-Control-Allow-Origin');
            const credentials = get(params, 'method.response.header.Access-Control-Allow-Credentials');
            if (!params || !origin || !isAnyOrigin(origin) || !isTrue(credentials)) continue;
            const removal = context.editor.removePair(params, 'method.response.header.Access-Control-Allow-Credentials');
            report(context, origin, where, r.logicalId, removal ? [{ title: 'Stop allowing credentials (remove Access-Control-Allow-Credentials)', isPreferred: true, edits: [removal] }] : []);
          }
          break;
        }
        default:
          break;
      }
    }
    if (t?.globalsNode) {
      checkMap(context, getMap(getMap(t.globalsNode, 'HttpApi'), 'CorsConfiguration'), ['AllowOrigins'], 'AllowCredentials', 'Globals.HttpApi', 'Globals');
      checkMap(context, getMap(getMap(t.globalsNode, 'Api'), 'Cors'), ['AllowOrigin'], 'AllowCredentials', 'Globals.Api', 'Globals');
    }
    const sls = context.serverless;
    if (sls) {
      checkMap(context, getMap(getMap(sls.provider, 'httpApi'), 'cors'), ['allowedOrigins'], 'allowCredentials', 'provider.httpApi', 'provider');
      for (const fn of sls.functions) {
        for (const ev of fn.events) {
          if (ev.type !== 'http' || !isMap(ev.node)) continue;
          checkMap(context, getMap(ev.node, 'cors'), ['origin', 'origins'], 'allowCredentials', `the http event of function ${fn.name}`, fn.name);
        }
      }
    }
  },
};
