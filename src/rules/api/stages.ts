/**
 * API stages, whatever wrote them: v1 `AWS::ApiGateway::Stage` and `Deployment.StageDescription`,
 * v2 `AWS::ApiGatewayV2::Stage`, SAM `Api`/`HttpApi` (explicit, or the implicit API that events create,
 * configured by `Globals`), and the REST/HTTP API serverless.yml creates for `http`/`httpApi` events.
 * Stage rules (logging, tracing, throttling, data trace, caching, WAF) read settings from here.
 */
import { get, getMap, getPair, isMap, literalString, type MapNode, type Node, type Pair } from '../../core/ast';
import { isIntrinsic } from '../../core/intrinsics';
import type { Resource } from '../../core/model/template';
import type { Emit } from '../../core/edit';
import type { OffsetEdit, RuleContext } from '../../core/rule';
import { routesOf } from './routes-view';

export type StageKind = 'v1-stage' | 'v1-deployment' | 'v2-stage' | 'sam-api' | 'sam-httpapi' | 'serverless';

export interface Setting {
  pair: Pair;
  node: Node;
  fromGlobals: boolean;
}

export interface Stage {
  kind: StageKind;
  protocol: 'rest' | 'http' | 'websocket';
  /** Logical ID of the stage/deployment/API, SAM's implicit API name, or `provider`. */
  id: string;
  /** Logical ID of the API when known. */
  api: string | undefined;
  /** In words: `AWS::ApiGateway::Stage Prod`, `the implicit SAM API ServerlessRestApi`. */
  label: string;
  /** What to underline. */
  node: Node;
  /** The map holding the stage settings (Properties, StageDescription, SAM properties, Globals section); undefined when absent. */
  settings: MapNode | undefined;
  /** For a Deployment without StageDescription: the Properties map to add it to. */
  parent: MapNode | undefined;
  resource: Resource | undefined;
  /** A REST API reachable only through a VPC endpoint. */
  privateEndpoint: boolean;
}

/** A stage setting, looking through SAM Globals for SAM APIs. */
export function setting(context: RuleContext, stage: Stage, name: string): Setting | undefined {
  if ((stage.kind === 'sam-api' || stage.kind === 'sam-httpapi') && stage.resource && context.template) {
    const p = context.template.property(stage.resource, name);
    return p ? { pair: p.pair, node: p.node, fromGlobals: p.fromGlobals } : undefined;
  }
  const pair = getPair(stage.settings, name);
  return pair ? { pair, node: pair.value, fromGlobals: stage.kind === 'sam-api' || stage.kind === 'sam-httpapi' } : undefined;
}

function isPrivate(node: Node | undefined): boolean {
  if (!node) return false;
  const s = literalString(node);
  if (s !== undefined) return s.toUpperCase() === 'PRIVATE';
  const types = get(node, 'Types') ?? get(node, 'Type');
  const list = types && types.kind === 'seq' ? types.items : types ? [types] : [];
  return list.some((t) => literalString(t)?.toUpperCase() === 'PRIVATE');
}

function refName(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (isMap(node) && node.pairs.length === 1 && node.pairs[0].key.value === 'Ref') return literalString(node.pairs[0].value);
  if (node.tag === '!Ref') return literalString({ ...node, tag: undefined } as Node);
  return undefined;
}

export function stagesOf(context: RuleContext): Stage[] {
  return context.use(extractStages);
}

function extractStages(context: RuleContext): Stage[] {
  const stages: Stage[] = [];
  const t = context.template;
  const apiType = (id: string | undefined): Resource | undefined => (id ? t?.resourcesById.get(id) : undefined);
  for (const r of t?.resources ?? []) {
    const props = r.properties;
    switch (r.type) {
      case 'AWS::ApiGateway::Stage': {
        const api = refName(get(props, 'RestApiId'));
        stages.push({ kind: 'v1-stage', protocol: 'rest', id: r.logicalId, api, label: `AWS::ApiGateway::Stage ${r.logicalId}`, node: r.keyNode, settings: props, parent: props, resource: r, privateEndpoint: isPrivate(get(apiType(api)?.properties, 'EndpointConfiguration')) });
        break;
      }
      case 'AWS::ApiGateway::Deployment': {
        // A deployment makes a stage only when it names one.
        if (!get(props, 'StageName')) break;
        const api = refName(get(props, 'RestApiId'));
        const desc = getMap(props, 'StageDescription');
        stages.push({ kind: 'v1-deployment', protocol: 'rest', id: r.logicalId, api, label: `the stage of AWS::ApiGateway::Deployment ${r.logicalId}`, node: r.keyNode, settings: desc, parent: props, resource: r, privateEndpoint: isPrivate(get(apiType(api)?.properties, 'EndpointConfiguration')) });
        break;
      }
      case 'AWS::ApiGatewayV2::Stage': {
        const api = refName(get(props, 'ApiId'));
        const protocol = literalString(get(apiType(api)?.properties, 'ProtocolType'))?.toUpperCase() === 'WEBSOCKET' ? 'websocket' : 'http';
        stages.push({ kind: 'v2-stage', protocol, id: r.logicalId, api, label: `AWS::ApiGatewayV2::Stage ${r.logicalId}`, node: r.keyNode, settings: props, parent: props, resource: r, privateEndpoint: false });
        break;
      }
      case 'AWS::Serverless::Api':
      case 'AWS::Serverless::HttpApi': {
        const rest = r.type === 'AWS::Serverless::Api';
        const endpoint = t?.property(r, 'EndpointConfiguration')?.node;
        stages.push({ kind: rest ? 'sam-api' : 'sam-httpapi', protocol: rest ? 'rest' : 'http', id: r.logicalId, api: r.logicalId, label: `${r.type} ${r.logicalId}`, node: r.keyNode, settings: props, parent: undefined, resource: r, privateEndpoint: rest && isPrivate(endpoint) });
        break;
      }
      default:
        break;
    }
  }
  if (context.kind === 'sam' && t) {
    // The implicit APIs SAM creates for events without RestApiId/ApiId, configured by Globals.
    for (const [name, source, section] of [['ServerlessRestApi', 'sam-api-event', 'Api'], ['ServerlessHttpApi', 'sam-httpapi-event', 'HttpApi']] as const) {
      const first = routesOf(context).find((r) => r.source === source && r.api === name);
      if (!first || t.resourcesById.has(name)) continue;
      const globals = getMap(t.globalsNode, section);
      stages.push({ kind: section === 'Api' ? 'sam-api' : 'sam-httpapi', protocol: section === 'Api' ? 'rest' : 'http', id: name, api: name, label: `the implicit API ${name} that SAM creates for ${first.owner}'s events (configured in Globals.${section})`, node: first.node, settings: globals, parent: undefined, resource: undefined, privateEndpoint: section === 'Api' && isPrivate(get(globals, 'EndpointConfiguration')) });
    }
  }
  const sls = context.serverless;
  if (sls && sls.provider) {
    const routes = routesOf(context);
    const rest = routes.find((r) => r.source === 'serverless-http');
    const apiGateway = getMap(sls.provider, 'apiGateway');
    // A shared API (restApiId) is configured where it is defined.
    if (rest && !get(apiGateway, 'restApiId')) {
      const endpoint = get(sls.provider, 'endpointType');
      stages.push({ kind: 'serverless', protocol: 'rest', id: 'provider', api: undefined, label: `the REST API serverless creates for the \`http\` events of ${sls.serviceName ?? 'this service'}`, node: rest.node, settings: sls.provider, parent: undefined, resource: undefined, privateEndpoint: isPrivate(endpoint) });
    }
    const http = routes.find((r) => r.source === 'serverless-httpapi');
    if (http && !get(getMap(sls.provider, 'httpApi'), 'id')) {
      stages.push({ kind: 'serverless', protocol: 'http', id: 'provider', api: undefined, label: `the HTTP API serverless creates for the \`httpApi\` events of ${sls.serviceName ?? 'this service'}`, node: http.node, settings: sls.provider, parent: undefined, resource: undefined, privateEndpoint: false });
    }
  }
  return stages;
}

/** `MethodSettings` items of a REST stage (own or Globals), as maps. */
export function methodSettings(context: RuleContext, stage: Stage): MapNode[] {
  const s = setting(context, stage, 'MethodSettings');
  if (!s || s.node.kind !== 'seq' || s.node.tag) return [];
  return s.node.items.filter((i): i is MapNode => isMap(i) && !isIntrinsic(i));
}

/** Whether a setting is written as something this file cannot judge (an intrinsic such as !If or !Ref). */
export function isOpaque(node: Node | undefined): boolean {
  return !!node && isIntrinsic(node);
}

/**
 * Sets `Globals.<section>.<key>` in a SAM template, creating the section (and `Globals`) when
 * missing. Used for SAM's implicit APIs, which only Globals configure.
 */
export function globalsEdit(context: RuleContext, section: 'Api' | 'HttpApi', key: string, value: Emit): OffsetEdit | undefined {
  const t = context.template;
  const editor = context.editor;
  if (!t || context.kind !== 'sam') return undefined;
  const globals = t.globalsNode;
  if (globals) {
    const sectionNode = get(globals, section);
    if (sectionNode && (!isMap(sectionNode) || isIntrinsic(sectionNode))) return undefined;
    if (sectionNode) return editor.setPair(sectionNode as MapNode, key, value);
    return editor.insertPair(globals, section, { [key]: value });
  }
  if (get(t.root, 'Globals') !== undefined || (t.root.flow && context.language !== 'json')) return undefined;
  return editor.insertPair(t.root, 'Globals', { [section]: { [key]: value } });
}
