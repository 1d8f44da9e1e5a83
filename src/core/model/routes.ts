/**
 * The one place that knows where API routes live, in every file kind: API Gateway v1 methods, v2
 * routes, inline OpenAPI bodies, SAM `Api`/`HttpApi` events (with the API's default authorizer and
 * `Globals`), serverless.yml `http`/`httpApi` events and Lambda function URLs. Rules about the API
 * front door read `Route`s with their effective authorization and never care what wrote them.
 *
 * When authorization cannot be known from the file (an intrinsic, an API defined elsewhere, an
 * external OpenAPI file), the route's auth is `unknown`: rules stay quiet rather than guess.
 */
import { asList, get, getMap, getPair, isMap, literalBoolean, literalString, type MapNode, type Node } from '../ast';
import { isIntrinsic, valueOf } from '../intrinsics';
import type { FileKind } from '../types';
import type { ServerlessEvent, ServerlessService } from './serverless';
import type { Resource, Template } from './template';

export type ApiKind = 'rest' | 'http' | 'websocket' | 'function-url';

export type RouteSource =
  | 'apigateway-method'
  | 'apigatewayv2-route'
  | 'apigatewayv2-quick-create'
  | 'openapi'
  | 'sam-api-event'
  | 'sam-httpapi-event'
  | 'serverless-http'
  | 'serverless-httpapi'
  | 'serverless-websocket'
  | 'lambda-url'
  | 'sam-function-url'
  | 'serverless-url';

/**
 * open: nothing protects the route. explicit-none: the author wrote `Authorizer: NONE` or
 * `security: []` (a deliberate public route). api-key-only: an API key and nothing else.
 * private / resource-policy: the API is reachable only through a VPC endpoint, or a resource policy
 * decides who may call it. mutual-tls: the default endpoint is disabled and the API's custom domain
 * requires client certificates. unknown: the file does not say (intrinsic, external definition).
 */
export type AuthKind =
  | 'open'
  | 'explicit-none'
  | 'api-key-only'
  | 'iam'
  | 'cognito'
  | 'lambda'
  | 'jwt'
  | 'authorizer'
  | 'private'
  | 'resource-policy'
  | 'mutual-tls'
  | 'unknown';

export interface RouteAuth {
  kind: AuthKind;
  /** The authorizer's name (logical ID, SAM authorizer name, serverless function), when there is one. */
  name?: string;
  /** The node that decides (e.g. `AuthorizationType: NONE`, `Authorizer: NONE`), when written. */
  node?: Node;
  /** True when the authorization comes from the API's default authorizer or OpenAPI global security. */
  fromDefault?: boolean;
  apiKeyRequired: boolean;
}

/** An authorizer defined in the file that a route of this API could use. */
export interface AuthorizerDef {
  /** Logical ID (v1/v2 resources), SAM authorizer name, or serverless authorizer name. */
  name: string;
  kind: 'iam' | 'cognito' | 'lambda' | 'jwt';
  /** serverless http: the `authorizer:` value of another event, to copy. */
  node?: Node;
}

/** Where a fix that adds authorization writes. */
export type AuthTarget =
  /** v1 Method / v2 Route properties: set AuthorizationType (+ AuthorizerId). */
  | { kind: 'cfn-route'; properties: MapNode }
  /** SAM Api/HttpApi event: set Properties.Auth.Authorizer. */
  | { kind: 'sam-event'; event: MapNode; properties: MapNode | undefined }
  /** serverless http/httpApi event value (`GET /x` or a map). */
  | { kind: 'serverless-event'; event: ServerlessEvent }
  /** AWS::Lambda::Url properties, SAM FunctionUrlConfig, serverless `url`: set AuthType. */
  | { kind: 'function-url'; node: Node; fromGlobals: boolean }
  | { kind: 'none' };

export interface Route {
  /** Upper case: GET, POST, ANY... */
  method: string;
  /** `/orders/{id}`, `$default`, `$connect`, or `(function URL)`. */
  path: string;
  apiKind: ApiKind;
  /** The API's logical ID (or SAM's implicit `ServerlessRestApi`/`ServerlessHttpApi`, the serverless service, the function). */
  api: string;
  source: RouteSource;
  /** The resource or function that declares the route (for `resource` in findings). */
  owner: string;
  /** What to underline: the method/route key or event. */
  node: Node;
  auth: RouteAuth;
  /** An OPTIONS route answering CORS preflight: never an unauthenticated route. */
  preflight: boolean;
  target: AuthTarget;
  /** Authorizers defined in the file for this API (for one fix each). */
  authorizers: AuthorizerDef[];
  /** SAM HttpApi: AWS_IAM is usable only when the API enables it. */
  iamUsable: boolean;
}

export interface RouteInput {
  kind: FileKind;
  template: Template | undefined;
  serverless: ServerlessService | undefined;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'any', 'x-amazon-apigateway-any-method']);

/** `GET /orders`, as messages name a route. */
export function routeLabel(route: Route): string {
  if (route.apiKind === 'function-url') return `function URL of ${route.owner}`;
  return `${route.method} ${route.path}`;
}

/** Every route of the document, in source order per source. Linear in the size of the template. */
export function extractRoutes(input: RouteInput): Route[] {
  const routes: Route[] = [];
  const template = input.template;
  if (template) {
    const ctx = new TemplateRoutes(template);
    ctx.collect(routes);
  }
  if (input.kind === 'serverless' && input.serverless) serverlessRoutes(input.serverless, routes);
  return routes;
}

// ---------------------------------------------------------------------------------------------
// CloudFormation and SAM

/** The logical ID a `!Ref X` / `!GetAtt X.Attr` names, when it names a resource in the template. */
function refTarget(template: Template, node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const v = valueOf(node);
  if (v.kind === 'ref' && template.resourcesById.has(v.target)) return v.target;
  if (v.kind === 'getatt' && template.resourcesById.has(v.resource)) return v.resource;
  return undefined;
}

function upper(s: string | undefined): string | undefined {
  return s === undefined ? undefined : s.toUpperCase();
}

function normalisePath(path: string): string {
  return path.startsWith('/') || path.startsWith('$') || path === '*' ? path : `/${path}`;
}

interface SamApiInfo {
  /** The Auth map that applies (own, else Globals), when written as a map. */
  auth: MapNode | undefined;
  /** True when Auth is written but is not a map we can read (an intrinsic). */
  authUnknown: boolean;
  authorizers: AuthorizerDef[];
  defaultAuthorizer: Node | undefined;
  apiKeyRequired: boolean;
  /** private endpoint or resource policy */
  restricted: AuthKind | undefined;
  /** Inline OpenAPI body, when there is one we can read. */
  body: MapNode | undefined;
  /** The definition is elsewhere (DefinitionUri, AWS::Include): route security is not known. */
  externalDefinition: boolean;
  iamEnabled: boolean;
}

class TemplateRoutes {
  private readonly resourcePaths = new Map<string, string | undefined>();
  private readonly v1Authorizers = new Map<string, AuthorizerDef[]>();
  private readonly v2Authorizers = new Map<string, AuthorizerDef[]>();
  private readonly samApis = new Map<string, SamApiInfo>();
  /** `METHOD path` of event routes per SAM API, so the same operation in its body is not listed twice. */
  private readonly eventKeys = new Map<string, Set<string>>();

  constructor(readonly template: Template) {
    for (const r of template.resourcesOfType('AWS::ApiGateway::Authorizer')) {
      const api = this.apiName(get(r.properties, 'RestApiId'));
      if (api === '?') continue;
      const type = upper(literalString(get(r.properties, 'Type')));
      const def: AuthorizerDef = { name: r.logicalId, kind: type === 'COGNITO_USER_POOLS' ? 'cognito' : 'lambda' };
      push(this.v1Authorizers, api, def);
    }
    for (const r of template.resourcesOfType('AWS::ApiGatewayV2::Authorizer')) {
      const api = this.apiName(get(r.properties, 'ApiId'));
      if (api === '?') continue;
      const type = upper(literalString(get(r.properties, 'AuthorizerType')));
      push(this.v2Authorizers, api, { name: r.logicalId, kind: type === 'JWT' ? 'jwt' : 'lambda' });
    }
  }

  collect(routes: Route[]): void {
    const t = this.template;
    const bodies: Route[] = [];
    for (const resource of t.resources) {
      switch (resource.type) {
        case 'AWS::ApiGateway::Method':
          this.v1Method(resource, routes);
          break;
        case 'AWS::ApiGatewayV2::Route':
          this.v2Route(resource, routes);
          break;
        case 'AWS::ApiGateway::RestApi':
          this.v1Body(resource, bodies);
          break;
        case 'AWS::ApiGatewayV2::Api':
          this.v2Api(resource, routes, bodies);
          break;
        case 'AWS::Serverless::Function':
          this.samFunction(resource, routes);
          break;
        case 'AWS::Lambda::Url':
          this.lambdaUrl(resource, routes);
          break;
        default:
          break;
      }
    }
    // SAM API bodies last: operations that an event also declares are listed once, from the event.
    for (const resource of t.resourcesOfType('AWS::Serverless::Api', 'AWS::Serverless::HttpApi')) this.samBody(resource, bodies);
    routes.push(...bodies);
  }

  // --- API Gateway v1

  private resourcePath(id: string, depth = 0): string | undefined {
    if (this.resourcePaths.has(id)) return this.resourcePaths.get(id);
    const r = this.template.resourcesById.get(id);
    let path: string | undefined;
    if (r && r.type === 'AWS::ApiGateway::Resource' && depth < 64) {
      this.resourcePaths.set(id, undefined); // cycle guard
      const part = literalString(get(r.properties, 'PathPart')) ?? '{?}';
      const parent = get(r.properties, 'ParentId');
      const pv = parent ? valueOf(parent) : undefined;
      let parentPath: string | undefined;
      if (pv && pv.kind === 'getatt' && pv.attribute === 'RootResourceId') parentPath = '';
      else if (pv && pv.kind === 'ref') parentPath = this.resourcePath(pv.target, depth + 1);
      path = parentPath === undefined ? `…/${part}` : `${parentPath}/${part}`;
    }
    this.resourcePaths.set(id, path);
    return path;
  }

  private v1Method(resource: Resource, routes: Route[]): void {
    const props = resource.properties;
    if (!props) return;
    const method = upper(literalString(get(props, 'HttpMethod'))) ?? '?';
    const rid = get(props, 'ResourceId');
    let path = '?';
    if (rid) {
      const v = valueOf(rid);
      if (v.kind === 'getatt' && v.attribute === 'RootResourceId') path = '/';
      else if (v.kind === 'ref') path = this.resourcePath(v.target) ?? '?';
      else if (v.kind === 'getatt' && v.attribute === 'ResourceId') path = this.resourcePath(v.resource) ?? '?';
    }
    const api = this.apiName(get(props, 'RestApiId'));
    const apiKey = literalBoolean(get(props, 'ApiKeyRequired')) === true;
    const typeNode = get(props, 'AuthorizationType');
    const auth = this.cfnAuth(typeNode, get(props, 'AuthorizerId'), apiKey, api);
    routes.push({
      method,
      path,
      apiKind: 'rest',
      api,
      source: 'apigateway-method',
      owner: resource.logicalId,
      node: typeNode ?? resource.keyNode,
      auth,
      preflight: method === 'OPTIONS',
      target: { kind: 'cfn-route', properties: props },
      authorizers: [...(this.v1Authorizers.get(api) ?? []), { name: 'AWS_IAM', kind: 'iam' }],
      iamUsable: true,
    });
  }

  /** AuthorizationType + AuthorizerId of a v1 method or v2 route, and the API's own restrictions. */
  private cfnAuth(typeNode: Node | undefined, authorizerId: Node | undefined, apiKey: boolean, api: string): RouteAuth {
    const restricted = this.apiRestriction(api);
    if (typeNode && isIntrinsic(typeNode)) return { kind: 'unknown', node: typeNode, apiKeyRequired: apiKey };
    const type = upper(literalString(typeNode)) ?? 'NONE';
    const name = refTarget(this.template, authorizerId);
    switch (type) {
      case 'AWS_IAM':
        return { kind: 'iam', node: typeNode, apiKeyRequired: apiKey };
      case 'COGNITO_USER_POOLS':
        return { kind: 'cognito', name, node: typeNode, apiKeyRequired: apiKey };
      case 'CUSTOM':
        return { kind: 'lambda', name, node: typeNode, apiKeyRequired: apiKey };
      case 'JWT':
        return { kind: 'jwt', name, node: typeNode, apiKeyRequired: apiKey };
      case 'NONE':
        if (restricted) return { kind: restricted, node: typeNode, apiKeyRequired: apiKey };
        return { kind: apiKey ? 'api-key-only' : 'open', node: typeNode, apiKeyRequired: apiKey };
      default:
        return { kind: 'authorizer', name, node: typeNode, apiKeyRequired: apiKey };
    }
  }

  /**
   * The API a method or route belongs to: a resource of this template, or a resource the
   * deployment tool makes (serverless' `ApiGatewayRestApi`); `?` for parameters and imports.
   */
  private apiName(node: Node | undefined): string {
    if (!node) return '?';
    const v = valueOf(node);
    if (v.kind === 'ref' && !this.template.parameters.has(v.target) && !v.target.startsWith('AWS::')) return v.target;
    if (v.kind === 'getatt') return v.resource;
    return '?';
  }

  /**
   * An API whose default endpoint is disabled while a custom domain of the template requires client
   * certificates (mutual TLS): callers are authenticated by their certificate.
   */
  private mutualTlsOnly(r: Resource): boolean {
    const sam = r.type === 'AWS::Serverless::Api' || r.type === 'AWS::Serverless::HttpApi';
    const disabled = sam ? this.template.property(r, 'DisableExecuteApiEndpoint')?.node : get(r.properties, 'DisableExecuteApiEndpoint');
    if (literalBoolean(disabled) !== true) return false;
    if (sam && get(this.template.property(r, 'Domain')?.node, 'MutualTlsAuthentication')) return true;
    this.mtlsDomain ??= this.template.resourcesOfType('AWS::ApiGateway::DomainName', 'AWS::ApiGatewayV2::DomainName').some((d) => get(d.properties, 'MutualTlsAuthentication'));
    return this.mtlsDomain;
  }

  private mtlsDomain: boolean | undefined;

  /** A REST API reachable only through a VPC endpoint, or guarded by a resource policy or mutual TLS. */
  private apiRestriction(api: string): AuthKind | undefined {
    const r = this.template.resourcesById.get(api);
    if (!r) return api === '?' ? 'unknown' : undefined;
    if (this.mutualTlsOnly(r)) return 'mutual-tls';
    if (r.type === 'AWS::ApiGateway::RestApi' || r.type === 'AWS::Serverless::Api') {
      if (isPrivateEndpoint(r.type === 'AWS::Serverless::Api' ? this.template.property(r, 'EndpointConfiguration')?.node : get(r.properties, 'EndpointConfiguration'))) return 'private';
      if (r.type === 'AWS::ApiGateway::RestApi' && get(r.properties, 'Policy')) return 'resource-policy';
    }
    return undefined;
  }

  private v1Body(resource: Resource, routes: Route[]): void {
    const body = getMap(resource.properties, 'Body');
    if (!body) return;
    const restricted = this.apiRestriction(resource.logicalId);
    openApiRoutes(body, resource, 'rest', routes, { restricted, defaultAuth: undefined, authorizers: [] });
  }

  // --- API Gateway v2

  private v2Route(resource: Resource, routes: Route[]): void {
    const props = resource.properties;
    if (!props) return;
    const keyNode = get(props, 'RouteKey');
    const key = literalString(keyNode);
    const api = this.apiName(get(props, 'ApiId'));
    const apiRes = this.template.resourcesById.get(api);
    const protocol = upper(literalString(get(apiRes?.properties, 'ProtocolType')));
    const websocket = protocol === 'WEBSOCKET';
    let method = '?';
    let path = key ?? '?';
    if (key) {
      const space = key.indexOf(' ');
      if (space > 0) {
        method = key.slice(0, space).toUpperCase();
        path = key.slice(space + 1).trim();
      } else {
        method = key === '$default' ? 'ANY' : key.startsWith('$') || websocket ? 'WS' : '?';
      }
    }
    // WebSocket APIs authorize at `$connect` only; other routes cannot carry an authorizer.
    if (websocket && key !== '$connect') return;
    const apiKey = literalBoolean(get(props, 'ApiKeyRequired')) === true;
    const typeNode = get(props, 'AuthorizationType');
    const auth = api === '?' && !typeNode ? { kind: 'unknown' as const, apiKeyRequired: apiKey } : this.cfnAuth(typeNode, get(props, 'AuthorizerId'), apiKey, api);
    routes.push({
      method,
      path,
      apiKind: websocket ? 'websocket' : 'http',
      api,
      source: 'apigatewayv2-route',
      owner: resource.logicalId,
      node: keyNode ?? resource.keyNode,
      auth,
      preflight: method === 'OPTIONS',
      target: { kind: 'cfn-route', properties: props },
      authorizers: [...(this.v2Authorizers.get(api) ?? []), { name: 'AWS_IAM', kind: 'iam' }],
      iamUsable: true,
    });
  }

  private v2Api(resource: Resource, routes: Route[], bodies: Route[]): void {
    const props = resource.properties;
    if (!props) return;
    const body = getMap(props, 'Body');
    const restricted = this.mutualTlsOnly(resource) ? 'mutual-tls' : undefined;
    if (body) openApiRoutes(body, resource, 'http', bodies, { restricted, defaultAuth: undefined, authorizers: [] });
    // Quick create: `Target` makes a `$default` route that no authorizer can guard.
    const target = get(props, 'Target');
    if (target && !body) {
      routes.push({
        method: 'ANY',
        path: '$default',
        apiKind: 'http',
        api: resource.logicalId,
        source: 'apigatewayv2-quick-create',
        owner: resource.logicalId,
        node: getPair(props, 'Target')!.key,
        auth: { kind: restricted ?? 'open', apiKeyRequired: false },
        preflight: false,
        target: { kind: 'none' },
        authorizers: [],
        iamUsable: false,
      });
    }
  }

  // --- SAM

  private samApi(id: string, http: boolean): SamApiInfo {
    const cached = this.samApis.get(id);
    if (cached) return cached;
    const t = this.template;
    const resource = t.resourcesById.get(id);
    const section = http ? 'HttpApi' : 'Api';
    const globals = getMap(t.globalsNode, section);
    const authPair = resource ? t.property(resource, 'Auth')?.pair : getPair(globals, 'Auth');
    const authNode = authPair?.value;
    const auth = authNode && isMap(authNode) && !isIntrinsic(authNode) ? authNode : undefined;
    const authorizers: AuthorizerDef[] = [];
    const authorizersNode = getMap(auth, 'Authorizers');
    for (const pair of authorizersNode?.pairs ?? []) {
      const name = literalString(pair.key);
      if (!name) continue;
      const cfg = pair.value;
      let kind: AuthorizerDef['kind'] = 'lambda';
      if (get(cfg, 'UserPoolArn')) kind = 'cognito';
      else if (get(cfg, 'JwtConfiguration')) kind = 'jwt';
      authorizers.push({ name, kind });
    }
    const prop = (name: string): Node | undefined => (resource ? t.property(resource, name)?.node : get(globals, name));
    const definitionBody = prop('DefinitionBody');
    const body = definitionBody && isMap(definitionBody) && !isIntrinsic(definitionBody) ? definitionBody : undefined;
    let restricted: AuthKind | undefined;
    if (resource && this.mutualTlsOnly(resource)) restricted = 'mutual-tls';
    else if (!http && isPrivateEndpoint(prop('EndpointConfiguration'))) restricted = 'private';
    else if (!http && get(auth, 'ResourcePolicy')) restricted = 'resource-policy';
    const info: SamApiInfo = {
      auth,
      authUnknown: !!authNode && !auth && !isNullish(authNode),
      authorizers,
      defaultAuthorizer: get(auth, 'DefaultAuthorizer'),
      apiKeyRequired: literalBoolean(get(auth, 'ApiKeyRequired')) === true,
      restricted,
      body,
      externalDefinition: (!!definitionBody && !body) || !!prop('DefinitionUri'),
      iamEnabled: literalBoolean(get(auth, 'EnableIamAuthorizer')) === true,
    };
    this.samApis.set(id, info);
    return info;
  }

  private samFunction(resource: Resource, routes: Route[]): void {
    const t = this.template;
    const props = resource.properties;
    const events = getMap(props, 'Events');
    for (const pair of events?.pairs ?? []) {
      const event = pair.value;
      if (!isMap(event)) continue;
      const type = literalString(get(event, 'Type'));
      if (type !== 'Api' && type !== 'HttpApi') continue;
      const http = type === 'HttpApi';
      const eprops = getMap(event, 'Properties');
      const apiRefNode = get(eprops, http ? 'ApiId' : 'RestApiId');
      let api = http ? 'ServerlessHttpApi' : 'ServerlessRestApi';
      let apiKnown = true;
      if (apiRefNode) {
        const target = refTarget(t, apiRefNode);
        const targetType = target ? t.resourcesById.get(target)?.type : undefined;
        if (target && targetType === (http ? 'AWS::Serverless::HttpApi' : 'AWS::Serverless::Api')) api = target;
        else {
          apiKnown = false;
          api = target ?? '?';
        }
      }
      const methodNode = get(eprops, 'Method');
      const pathNode = get(eprops, 'Path');
      const method = upper(literalString(methodNode)) ?? (http && !methodNode ? 'ANY' : '?');
      const path = literalString(pathNode) ?? (http && !pathNode ? '$default' : '?');
      const info = apiKnown ? this.samApi(api, http) : undefined;
      const eventAuth = getMap(eprops, 'Auth');
      const authorizerNode = get(eventAuth, 'Authorizer');
      const eventApiKey = literalBoolean(get(eventAuth, 'ApiKeyRequired'));
      const apiKey = eventApiKey ?? info?.apiKeyRequired ?? false;
      const auth = this.samEventAuth(info, authorizerNode, apiKey, method, path);
      const key = `${method} ${path}`;
      if (!this.eventKeys.has(api)) this.eventKeys.set(api, new Set());
      this.eventKeys.get(api)!.add(key);
      routes.push({
        method,
        path,
        apiKind: http ? 'http' : 'rest',
        api,
        source: http ? 'sam-httpapi-event' : 'sam-api-event',
        owner: resource.logicalId,
        node: pair.key,
        auth,
        preflight: method === 'OPTIONS',
        target: { kind: 'sam-event', event, properties: eprops },
        authorizers: [...(info?.authorizers ?? []), ...(!http || info?.iamEnabled ? [{ name: 'AWS_IAM', kind: 'iam' as const }] : [])],
        iamUsable: !http || !!info?.iamEnabled,
      });
    }
    const url = t.property(resource, 'FunctionUrlConfig');
    if (url) {
      const node = url.node;
      const authType = get(node, 'AuthType');
      routes.push(functionUrlRoute(resource.logicalId, 'sam-function-url', authType ?? url.pair.key, authType, { kind: 'function-url', node, fromGlobals: url.fromGlobals }));
    }
  }

  private samEventAuth(info: SamApiInfo | undefined, authorizerNode: Node | undefined, apiKey: boolean, method: string, path: string): RouteAuth {
    if (authorizerNode) {
      const a = authorizerFromSam(authorizerNode, info);
      if (a.kind !== 'explicit-none') return { ...a, apiKeyRequired: apiKey };
      return { kind: info?.restricted ?? (apiKey ? 'api-key-only' : 'explicit-none'), node: authorizerNode, apiKeyRequired: apiKey };
    }
    if (!info || info.authUnknown) return { kind: 'unknown', apiKeyRequired: apiKey };
    if (info.defaultAuthorizer) {
      const a = authorizerFromSam(info.defaultAuthorizer, info);
      return { ...a, kind: a.kind === 'explicit-none' ? 'open' : a.kind, fromDefault: true, apiKeyRequired: apiKey };
    }
    if (info.body) {
      const op = openApiOperation(info.body, method, path);
      const sec = openApiSecurity(info.body, op);
      if (sec) return { ...sec, apiKeyRequired: apiKey || sec.apiKeyRequired };
    }
    if (info.externalDefinition) return { kind: 'unknown', apiKeyRequired: apiKey };
    if (info.restricted) return { kind: info.restricted, apiKeyRequired: apiKey };
    return { kind: apiKey ? 'api-key-only' : 'open', apiKeyRequired: apiKey };
  }

  private samBody(resource: Resource, routes: Route[]): void {
    const http = resource.type === 'AWS::Serverless::HttpApi';
    const info = this.samApi(resource.logicalId, http);
    if (!info.body) return;
    const skip = this.eventKeys.get(resource.logicalId);
    const found: Route[] = [];
    openApiRoutes(info.body, resource, http ? 'http' : 'rest', found, {
      restricted: info.restricted,
      defaultAuth: info.authUnknown ? { kind: 'unknown', apiKeyRequired: false } : info.defaultAuthorizer ? { ...authorizerFromSam(info.defaultAuthorizer, info), fromDefault: true, apiKeyRequired: info.apiKeyRequired } : undefined,
      authorizers: info.authorizers,
    });
    for (const r of found) if (!skip?.has(`${r.method} ${r.path}`)) routes.push(r);
  }

  // --- Function URLs

  private lambdaUrl(resource: Resource, routes: Route[]): void {
    const props = resource.properties;
    if (!props) return;
    const target = get(props, 'TargetFunctionArn');
    const tv = target ? valueOf(target) : undefined;
    const fn = tv?.kind === 'getatt' ? tv.resource : tv?.kind === 'ref' ? tv.target : literalString(target) ?? resource.logicalId;
    const authType = get(props, 'AuthType');
    routes.push(functionUrlRoute(fn, 'lambda-url', authType ?? resource.keyNode, authType, { kind: 'function-url', node: props, fromGlobals: false }, resource.logicalId));
  }
}

function functionUrlRoute(fn: string, source: RouteSource, node: Node, authType: Node | undefined, target: AuthTarget, owner = fn): Route {
  let auth: RouteAuth;
  if (authType && isIntrinsic(authType)) auth = { kind: 'unknown', node: authType, apiKeyRequired: false };
  else {
    const v = upper(literalString(authType));
    auth = v === 'AWS_IAM' ? { kind: 'iam', node: authType, apiKeyRequired: false } : v === 'NONE' || (v === undefined && source === 'serverless-url') ? { kind: 'open', node: authType, apiKeyRequired: false } : { kind: 'unknown', node: authType, apiKeyRequired: false };
  }
  return { method: 'ANY', path: '(function URL)', apiKind: 'function-url', api: fn, source, owner, node, auth, preflight: false, target, authorizers: [{ name: 'AWS_IAM', kind: 'iam' }], iamUsable: true };
}

function authorizerFromSam(node: Node, info: SamApiInfo | undefined): Omit<RouteAuth, 'apiKeyRequired'> {
  const name = literalString(node);
  if (name === undefined) return { kind: 'unknown', node };
  if (name === 'NONE') return { kind: 'explicit-none', node };
  if (name === 'AWS_IAM') return { kind: 'iam', name, node };
  const def = info?.authorizers.find((a) => a.name === name);
  return { kind: def?.kind ?? 'authorizer', name, node };
}

function isPrivateEndpoint(node: Node | undefined): boolean {
  if (!node) return false;
  const direct = literalString(node);
  if (direct !== undefined) return direct.toUpperCase() === 'PRIVATE';
  const types = get(node, 'Types') ?? get(node, 'Type');
  return asList(types).some((t) => upper(literalString(t)) === 'PRIVATE');
}

function isNullish(node: Node): boolean {
  return node.kind === 'scalar' && node.value === null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// ---------------------------------------------------------------------------------------------
// Inline OpenAPI (RestApi Body, V2 Api Body, SAM DefinitionBody)

interface OpenApiDefaults {
  restricted: AuthKind | undefined;
  /** SAM's DefaultAuthorizer applies to operations without their own security. */
  defaultAuth: RouteAuth | undefined;
  authorizers: AuthorizerDef[];
}

function openApiOperation(body: MapNode, method: string, path: string): MapNode | undefined {
  const item = get(getMap(body, 'paths'), path);
  if (!isMap(item)) return undefined;
  const m = method.toLowerCase();
  const op = get(item, m === 'any' ? 'x-amazon-apigateway-any-method' : m);
  return isMap(op) ? op : undefined;
}

/** The security an operation gets: its own, else the document's; undefined when neither is written. */
function openApiSecurity(body: MapNode, op: MapNode | undefined): RouteAuth | undefined {
  const own = getPair(op, 'security');
  const global = getPair(body, 'security');
  const pair = own ?? global;
  if (!pair) return undefined;
  const node = pair.value;
  if (isIntrinsic(node) || (node.kind !== 'seq' && !isNullish(node))) return { kind: 'unknown', node, apiKeyRequired: false };
  const requirements = node.kind === 'seq' ? node.items : [];
  if (requirements.length === 0) return { kind: own ? 'explicit-none' : 'open', node: pair.key, fromDefault: !own, apiKeyRequired: false };
  const schemes = getMap(body, 'securityDefinitions') ?? getMap(getMap(body, 'components'), 'securitySchemes');
  let apiKeyOnly = true;
  let best: RouteAuth | undefined;
  for (const req of requirements) {
    if (!isMap(req)) return { kind: 'unknown', node, apiKeyRequired: false };
    if (req.pairs.length === 0) return { kind: own ? 'explicit-none' : 'open', node: pair.key, fromDefault: !own, apiKeyRequired: false };
    let reqIsKeyOnly = true;
    for (const p of req.pairs) {
      const name = literalString(p.key) ?? '?';
      const scheme = get(schemes, name);
      const k = schemeKind(scheme);
      if (k !== 'api-key') {
        reqIsKeyOnly = false;
        best ??= { kind: k, name, node: pair.key, fromDefault: !own, apiKeyRequired: false };
      }
    }
    if (!reqIsKeyOnly) apiKeyOnly = false;
  }
  if (apiKeyOnly) return { kind: 'api-key-only', node: pair.key, fromDefault: !own, apiKeyRequired: true };
  return best;
}

function schemeKind(scheme: Node | undefined): AuthKind | 'api-key' {
  if (!isMap(scheme)) return 'authorizer';
  const authtype = (literalString(get(scheme, 'x-amazon-apigateway-authtype')) ?? '').toLowerCase();
  const authorizer = get(scheme, 'x-amazon-apigateway-authorizer');
  const atype = (literalString(get(authorizer, 'type')) ?? '').toLowerCase();
  if (authtype === 'awssigv4') return 'iam';
  if (authtype === 'cognito_user_pools' || atype === 'cognito_user_pools') return 'cognito';
  if (atype === 'jwt') return 'jwt';
  if (authorizer || authtype === 'custom') return 'lambda';
  const type = (literalString(get(scheme, 'type')) ?? '').toLowerCase();
  if (type === 'apikey') return 'api-key';
  return 'authorizer';
}

function openApiRoutes(body: MapNode, resource: Resource, apiKind: ApiKind, routes: Route[], defaults: OpenApiDefaults): void {
  const paths = getMap(body, 'paths');
  for (const pathPair of paths?.pairs ?? []) {
    const path = literalString(pathPair.key);
    if (!path || !isMap(pathPair.value)) continue;
    for (const opPair of pathPair.value.pairs) {
      const m = literalString(opPair.key)?.toLowerCase();
      if (!m || !HTTP_METHODS.has(m) || !isMap(opPair.value)) continue;
      const method = m === 'x-amazon-apigateway-any-method' ? 'ANY' : m.toUpperCase();
      let auth = openApiSecurity(body, opPair.value);
      if (auth && auth.fromDefault && defaults.defaultAuth) auth = undefined;
      auth ??= defaults.defaultAuth ?? { kind: 'open', apiKeyRequired: false };
      if ((auth.kind === 'open' || auth.kind === 'explicit-none') && defaults.restricted) auth = { ...auth, kind: defaults.restricted };
      routes.push({
        method,
        path,
        apiKind,
        api: resource.logicalId,
        source: 'openapi',
        owner: resource.logicalId,
        node: opPair.key,
        auth,
        preflight: method === 'OPTIONS',
        target: { kind: 'none' },
        authorizers: defaults.authorizers,
        iamUsable: false,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// serverless.yml

function serverlessRoutes(service: ServerlessService, routes: Route[]): void {
  const apiName = service.serviceName ?? 'service';
  const endpointType = upper(literalString(service.providerValue('endpointType')));
  const restricted: AuthKind | undefined = endpointType === 'PRIVATE' ? 'private' : service.providerValue('apiGateway', 'resourcePolicy') || service.providerValue('resourcePolicy') ? 'resource-policy' : undefined;
  // Authorizers in use on other http events, offered to the open ones (copied as written).
  const httpAuthorizers: AuthorizerDef[] = [];
  const seen = new Set<string>();
  for (const fn of service.functions) {
    for (const ev of fn.events) {
      if (ev.type !== 'http' || !isMap(ev.node)) continue;
      const a = get(ev.node, 'authorizer');
      if (!a || isIntrinsic(a)) continue;
      const s = literalString(a);
      if (s !== undefined && (s.toLowerCase() === 'aws_iam' || s.startsWith('${'))) continue;
      const name = s ?? literalString(get(a, 'name')) ?? literalString(get(a, 'authorizerId')) ?? literalString(get(a, 'arn'));
      if (!name || seen.has(name)) continue;
      seen.add(name);
      const arn = s ?? literalString(get(a, 'arn')) ?? '';
      const type = (literalString(get(a, 'type')) ?? '').toLowerCase();
      httpAuthorizers.push({ name, kind: arn.includes('cognito-idp') || type === 'cognito_user_pools' ? 'cognito' : 'lambda', node: a });
    }
  }
  httpAuthorizers.push({ name: 'aws_iam', kind: 'iam' });
  const httpApiAuthorizers: AuthorizerDef[] = [];
  for (const pair of getMap(service.providerValue('httpApi'), 'authorizers')?.pairs ?? []) {
    const name = literalString(pair.key);
    if (!name) continue;
    const type = (literalString(get(pair.value, 'type')) ?? 'jwt').toLowerCase();
    httpApiAuthorizers.push({ name, kind: type === 'request' ? 'lambda' : 'jwt' });
  }
  httpApiAuthorizers.push({ name: 'aws_iam', kind: 'iam' });

  for (const fn of service.functions) {
    for (const ev of fn.events) {
      if (ev.type === 'http') routes.push(serverlessHttp(ev, fn.name, apiName, restricted, httpAuthorizers));
      else if (ev.type === 'httpApi') {
        const r = serverlessHttpApi(ev, fn.name, apiName, httpApiAuthorizers);
        if (r) routes.push(r);
      } else if (ev.type === 'websocket') {
        const r = serverlessWebsocket(ev, fn.name, apiName);
        if (r) routes.push(r);
      }
    }
    const urlPair = getPair(fn.node, 'url');
    if (urlPair) {
      const v = urlPair.value;
      const on = isMap(v) || literalBoolean(v) === true;
      if (!on) continue;
      const authorizer = get(v, 'authorizer');
      let auth: RouteAuth;
      if (!authorizer) auth = { kind: 'open', apiKeyRequired: false };
      else {
        const s = literalString(authorizer);
        auth = s?.toLowerCase() === 'aws_iam' ? { kind: 'iam', node: authorizer, apiKeyRequired: false } : { kind: 'unknown', node: authorizer, apiKeyRequired: false };
      }
      routes.push({ method: 'ANY', path: '(function URL)', apiKind: 'function-url', api: fn.name, source: 'serverless-url', owner: fn.name, node: urlPair.key, auth, preflight: false, target: { kind: 'function-url', node: v, fromGlobals: false }, authorizers: [{ name: 'aws_iam', kind: 'iam' }], iamUsable: true });
    }
  }
}

function splitShortEvent(s: string): { method: string; path: string } {
  const trimmed = s.trim();
  if (trimmed === '*') return { method: 'ANY', path: '*' };
  const space = trimmed.indexOf(' ');
  if (space < 0) return { method: '?', path: normalisePath(trimmed) };
  const method = trimmed.slice(0, space).toUpperCase();
  return { method: method === '*' ? 'ANY' : method, path: normalisePath(trimmed.slice(space + 1).trim()) };
}

function serverlessHttp(ev: ServerlessEvent, fn: string, api: string, restricted: AuthKind | undefined, authorizers: AuthorizerDef[]): Route {
  let method = '?';
  let path = '?';
  let auth: RouteAuth = { kind: 'open', apiKeyRequired: false };
  const short = literalString(ev.node);
  if (short !== undefined) ({ method, path } = splitShortEvent(short));
  else if (isMap(ev.node)) {
    const m = literalString(get(ev.node, 'method'));
    method = m === undefined ? '?' : m === '*' ? 'ANY' : m.toUpperCase();
    const p = literalString(get(ev.node, 'path'));
    path = p === undefined ? '?' : normalisePath(p);
    const apiKey = literalBoolean(get(ev.node, 'private')) === true;
    const a = get(ev.node, 'authorizer');
    auth = a && !isNullish(a) ? { ...serverlessAuthorizer(a), apiKeyRequired: apiKey } : { kind: apiKey ? 'api-key-only' : 'open', node: getPair(ev.node, 'private')?.value, apiKeyRequired: apiKey };
  } else auth = { kind: 'unknown', apiKeyRequired: false };
  if ((auth.kind === 'open' || auth.kind === 'api-key-only') && restricted) auth = { ...auth, kind: restricted };
  return { method, path, apiKind: 'rest', api, source: 'serverless-http', owner: fn, node: ev.keyNode, auth, preflight: method === 'OPTIONS', target: { kind: 'serverless-event', event: ev }, authorizers, iamUsable: true };
}

function serverlessHttpApi(ev: ServerlessEvent, fn: string, api: string, authorizers: AuthorizerDef[]): Route | undefined {
  let method = '?';
  let path = '?';
  let auth: RouteAuth = { kind: 'open', apiKeyRequired: false };
  const short = literalString(ev.node);
  if (short !== undefined) ({ method, path } = splitShortEvent(short));
  else if (isMap(ev.node)) {
    const m = literalString(get(ev.node, 'method'));
    method = m === undefined || m === '*' ? 'ANY' : m.toUpperCase();
    const p = literalString(get(ev.node, 'path'));
    path = p === undefined ? '?' : normalisePath(p);
    const a = get(ev.node, 'authorizer');
    if (a && !isNullish(a)) {
      auth = { ...serverlessAuthorizer(a), apiKeyRequired: false };
      const def = auth.kind === 'authorizer' ? authorizers.find((d) => d.name === auth.name) : undefined;
      if (def) auth.kind = def.kind;
    }
  } else auth = { kind: 'unknown', apiKeyRequired: false };
  if (path === '*') path = '$default';
  return { method, path, apiKind: 'http', api, source: 'serverless-httpapi', owner: fn, node: ev.keyNode, auth, preflight: method === 'OPTIONS', target: { kind: 'serverless-event', event: ev }, authorizers, iamUsable: true };
}

/** WebSocket APIs authorize at `$connect` only; other routes cannot carry an authorizer. */
function serverlessWebsocket(ev: ServerlessEvent, fn: string, api: string): Route | undefined {
  const route = literalString(ev.node) ?? literalString(get(ev.node, 'route'));
  if (route !== '$connect') return undefined;
  const a = isMap(ev.node) ? get(ev.node, 'authorizer') : undefined;
  const auth: RouteAuth = a && !isNullish(a) ? { ...serverlessAuthorizer(a), apiKeyRequired: false } : { kind: 'open', apiKeyRequired: false };
  if (auth.kind === 'authorizer') auth.kind = 'lambda';
  return { method: 'WS', path: '$connect', apiKind: 'websocket', api, source: 'serverless-websocket', owner: fn, node: ev.keyNode, auth, preflight: false, target: { kind: 'none' }, authorizers: [], iamUsable: false };
}

function serverlessAuthorizer(node: Node): Omit<RouteAuth, 'apiKeyRequired'> {
  const s = literalString(node);
  if (s !== undefined) {
    if (s.startsWith('${')) return { kind: 'unknown', node };
    if (s.toLowerCase() === 'aws_iam') return { kind: 'iam', name: s, node };
    return { kind: s.includes('cognito-idp') ? 'cognito' : 'lambda', name: s, node };
  }
  if (!isMap(node) || isIntrinsic(node)) return { kind: 'unknown', node };
  const type = (literalString(get(node, 'type')) ?? '').toLowerCase();
  const name = literalString(get(node, 'name'));
  if (type === 'aws_iam') return { kind: 'iam', name: 'aws_iam', node };
  if (type === 'cognito_user_pools' || (literalString(get(node, 'arn')) ?? '').includes('cognito-idp')) return { kind: 'cognito', name, node };
  if (type === 'jwt') return { kind: 'jwt', name, node };
  return { kind: 'authorizer', name, node };
}

/** Shared helper for rules: the route's authorization in words (`none`, `Cognito (UserPoolAuth)`). */
export function describeAuth(auth: RouteAuth): string {
  const named = (label: string): string => (auth.name && auth.name !== 'AWS_IAM' && auth.name !== 'aws_iam' ? `${label} (${auth.name})` : label);
  const suffix = auth.fromDefault ? ', default' : '';
  const key = auth.apiKeyRequired && auth.kind !== 'api-key-only' ? ' + API key' : '';
  switch (auth.kind) {
    case 'open':
      return 'NONE (open)';
    case 'explicit-none':
      return 'NONE (explicit)';
    case 'api-key-only':
      return 'API key only';
    case 'iam':
      return `AWS_IAM${key}${suffix}`;
    case 'cognito':
      return `${named('Cognito')}${key}${suffix}`;
    case 'lambda':
      return `${named('Lambda authorizer')}${key}${suffix}`;
    case 'jwt':
      return `${named('JWT')}${key}${suffix}`;
    case 'authorizer':
      return `${named('authorizer')}${key}${suffix}`;
    case 'private':
      return 'private endpoint (VPC)';
    case 'resource-policy':
      return 'resource policy';
    case 'mutual-tls':
      return 'mutual TLS (client certificates)';
    case 'unknown':
      return 'unknown (set outside this file)';
  }
}

/** Where a route is declared, in words: `AWS::ApiGateway::Method DeleteOrder`, `function send`. */
export function routeWhere(route: Route): string {
  switch (route.source) {
    case 'apigateway-method':
      return `AWS::ApiGateway::Method ${route.owner}`;
    case 'apigatewayv2-route':
      return `AWS::ApiGatewayV2::Route ${route.owner}`;
    case 'apigatewayv2-quick-create':
      return `quick-create route of AWS::ApiGatewayV2::Api ${route.owner}`;
    case 'openapi':
      return `OpenAPI body of ${route.owner}`;
    case 'sam-api-event':
    case 'sam-httpapi-event':
      return `${route.source === 'sam-api-event' ? 'Api' : 'HttpApi'} event ${literalString(route.node) ?? ''} of function ${route.owner}`;
    case 'serverless-http':
    case 'serverless-httpapi':
    case 'serverless-websocket':
    case 'serverless-url':
      return `function ${route.owner}`;
    case 'lambda-url':
      return `AWS::Lambda::Url ${route.owner}`;
    case 'sam-function-url':
      return `function ${route.owner}`;
  }
}
