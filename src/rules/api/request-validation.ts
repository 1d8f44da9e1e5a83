import { get, getMap } from '../../core/ast';
import { ref } from '../../core/edit';
import { valueOf } from '../../core/intrinsics';
import { routeLabel, routeWhere, type Route } from '../../core/model/routes';
import type { FixInput, OffsetEdit, Rule, RuleContext } from '../../core/rule';
import { routesOf } from './routes-view';

/** Methods that carry a request body. ANY (mostly Lambda proxies) is left alone. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function validatorsOf(context: RuleContext, api: string): string[] {
  return (context.template?.resourcesOfType('AWS::ApiGateway::RequestValidator') ?? [])
    .filter((v) => {
      const id = get(v.properties, 'RestApiId');
      const value = id ? valueOf(id) : undefined;
      return value?.kind === 'ref' && value.target === api;
    })
    .map((v) => v.logicalId);
}

function fixes(context: RuleContext, route: Route): FixInput[] {
  if (route.target.kind !== 'cfn-route' || route.api === '?' || !context.template?.resourcesById.has(route.api)) return [];
  const props = route.target.properties;
  const editor = context.editor;
  const existing = validatorsOf(context, route.api);
  if (existing.length) {
    return existing.map((v, i) => ({ title: `Validate with the request validator ${v}`, isPreferred: i === 0, edits: [editor.setPair(props, 'RequestValidatorId', ref(v))] }));
  }
  const resources = context.template.resourcesNode;
  if (!resources || (resources.flow && context.language !== 'json')) return [];
  let name = `${route.api}RequestValidator`;
  for (let i = 2; context.template.resourcesById.has(name); i++) name = `${route.api}RequestValidator${i}`;
  const edits: OffsetEdit[] = [
    editor.insertPair(resources, name, { Type: 'AWS::ApiGateway::RequestValidator', Properties: { RestApiId: ref(route.api), ValidateRequestBody: true, ValidateRequestParameters: true } }),
    editor.insertPair(props, 'RequestValidatorId', ref(name)),
  ];
  return [{ title: `Add a request validator ${name} and use it`, isPreferred: true, edits }];
}

export const requestValidation: Rule = {
  meta: {
    id: 'api/request-validation',
    title: 'REST routes that take a body should validate requests (request validator and model)',
    defaultSeverity: 'info',
    fixable: true,
    kinds: ['cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    for (const route of routesOf(context)) {
      if (route.apiKind !== 'rest' || !BODY_METHODS.has(route.method)) continue;
      let hint: string;
      if (route.source === 'apigateway-method' && route.target.kind === 'cfn-route') {
        if (get(route.target.properties, 'RequestValidatorId')) continue;
        hint = 'set RequestValidatorId and a RequestModels schema';
      } else if (route.source === 'sam-api-event' && route.target.kind === 'sam-event') {
        if (get(route.target.properties, 'RequestModel')) continue;
        // An API with its own OpenAPI definition may declare validators there.
        const api = context.template?.resourcesById.get(route.api);
        if (api && context.template?.property(api, 'DefinitionBody')) continue;
        if (!api && getMap(context.template?.globalsNode, 'Api') && get(getMap(context.template?.globalsNode, 'Api'), 'DefinitionBody')) continue;
        hint = 'add RequestModel with a model and ValidateBody: true';
      } else if (route.source === 'serverless-http' && route.target.kind === 'serverless-event') {
        if (get(get(route.target.event.node, 'request'), 'schemas')) continue;
        hint = 'add request.schemas';
      } else continue;
      const methodNode = route.target.kind === 'cfn-route' ? get(route.target.properties, 'HttpMethod') : undefined;
      context.report({
        node: methodNode ?? route.node,
        resource: route.owner,
        message: `\`${routeLabel(route)}\` (${routeWhere(route)}) accepts any request body: API Gateway passes malformed or oversized input straight to your code; ${hint}`,
        fixes: fixes(context, route),
      });
    }
  },
};
