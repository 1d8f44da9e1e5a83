import { asList, get, getMap, isMap, type MapNode, type Node } from '../../core/ast';
import type { Emit } from '../../core/edit';
import { valueOf } from '../../core/intrinsics';
import type { FixInput, OffsetEdit, Rule, RuleContext } from '../../core/rule';
import { setPairs } from './authorize-fix';
import { globalsEdit, isOpaque, setting, stagesOf, type Stage } from './stages';

/** Conservative defaults, in AWS's own proportion (burst half the steady rate). */
export const RATE_LIMIT = 100;
export const BURST_LIMIT = 50;

const THROTTLE_KEYS = ['ThrottlingRateLimit', 'ThrottlingBurstLimit'];

function throttles(map: Node | undefined): boolean {
  return THROTTLE_KEYS.some((k) => get(map, k) !== undefined);
}

/** v2 route settings: the default or any route's. */
function routeSettingsThrottle(context: RuleContext, stage: Stage): boolean | 'unknown' {
  const d = setting(context, stage, 'DefaultRouteSettings');
  const r = setting(context, stage, 'RouteSettings');
  if (isOpaque(d?.node) || isOpaque(r?.node)) return 'unknown';
  if (throttles(d?.node)) return true;
  const routes = r?.node;
  return isMap(routes) && routes.pairs.some((p) => throttles(p.value));
}

/** APIs that a usage plan in the template throttles; `*` when a plan's API cannot be resolved. */
function usagePlanApis(context: RuleContext): Set<string> {
  const apis = new Set<string>();
  for (const plan of context.template?.resourcesOfType('AWS::ApiGateway::UsagePlan') ?? []) {
    if (!get(plan.properties, 'Throttle')) continue;
    for (const stage of asList(get(plan.properties, 'ApiStages'))) {
      const id = get(stage, 'ApiId');
      const v = id ? valueOf(id) : undefined;
      apis.add(v?.kind === 'ref' ? v.target : '*');
    }
  }
  return apis;
}

const METHOD_SETTING: Emit = { ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: RATE_LIMIT, ThrottlingBurstLimit: BURST_LIMIT };
const LIMITS: [string, Emit][] = [['ThrottlingRateLimit', RATE_LIMIT], ['ThrottlingBurstLimit', BURST_LIMIT]];
const TITLE = `Throttle at ${RATE_LIMIT} requests/s, bursts of ${BURST_LIMIT}`;

function fix(context: RuleContext, stage: Stage): FixInput[] {
  const editor = context.editor;
  const props = stage.resource?.properties;
  let edits: OffsetEdit[] | undefined;
  switch (stage.kind) {
    case 'v1-stage':
    case 'sam-api': {
      if (stage.kind === 'sam-api' && !stage.resource) {
        if (!setting(context, stage, 'MethodSettings')) {
          const edit = globalsEdit(context, 'Api', 'MethodSettings', [METHOD_SETTING]);
          if (edit) return [{ title: `${TITLE} in Globals.Api`, isPreferred: true, edits: [edit] }];
        }
        break;
      }
      if (!props) break;
      const own = get(props, 'MethodSettings');
      if (own && own.kind === 'seq' && !own.tag) edits = [editor.appendItem(own, METHOD_SETTING)];
      else if (!own && !setting(context, stage, 'MethodSettings')) edits = [editor.insertPair(props, 'MethodSettings', [METHOD_SETTING])];
      break;
    }
    case 'v1-deployment': {
      const desc = getMap(stage.parent, 'StageDescription');
      if (desc) edits = setPairs(editor, desc, LIMITS);
      else if (stage.parent && !get(stage.parent, 'StageDescription')) edits = [editor.insertPair(stage.parent, 'StageDescription', Object.fromEntries(LIMITS))];
      break;
    }
    case 'v2-stage':
    case 'sam-httpapi': {
      if (stage.kind === 'sam-httpapi' && !stage.resource) {
        if (!setting(context, stage, 'DefaultRouteSettings')) {
          const edit = globalsEdit(context, 'HttpApi', 'DefaultRouteSettings', Object.fromEntries(LIMITS));
          if (edit) return [{ title: `${TITLE} in Globals.HttpApi`, isPreferred: true, edits: [edit] }];
        }
        break;
      }
      if (!props) break;
      const own = get(props, 'DefaultRouteSettings');
      if (own && isMap(own) && !own.tag) edits = setPairs(editor, own as MapNode, LIMITS);
      else if (!own && !setting(context, stage, 'DefaultRouteSettings')) edits = [editor.insertPair(props, 'DefaultRouteSettings', Object.fromEntries(LIMITS))];
      break;
    }
    default:
      break;
  }
  return edits ? [{ title: TITLE, isPreferred: true, edits }] : [];
}

export const throttling: Rule = {
  meta: {
    id: 'api/throttling',
    title: 'API stages should set throttling limits (method settings, default route settings or a usage plan)',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    let plans: Set<string> | undefined;
    for (const stage of stagesOf(context)) {
      if (stage.privateEndpoint) continue;
      let ok: boolean | 'unknown' = false;
      switch (stage.kind) {
        case 'v1-stage':
        case 'v1-deployment':
        case 'sam-api': {
          const ms = stage.kind === 'v1-deployment' ? getMap(stage.parent, 'StageDescription') : undefined;
          if (stage.kind === 'v1-deployment' && get(stage.parent, 'StageDescription') && !ms) ok = 'unknown';
          else if (throttles(ms)) ok = true;
          else {
            const raw = stage.kind === 'v1-deployment' ? get(ms, 'MethodSettings') : setting(context, stage, 'MethodSettings')?.node;
            if (isOpaque(raw)) ok = 'unknown';
            else if (asList(raw).some((i) => throttles(i))) ok = true;
          }
          if (ok === false && stage.kind === 'sam-api') {
            const auth = setting(context, stage, 'Auth')?.node;
            if (isOpaque(auth) || get(get(auth, 'UsagePlan'), 'Throttle')) ok = true;
          }
          if (ok === false) {
            plans ??= usagePlanApis(context);
            if (plans.has('*') || (stage.api && plans.has(stage.api))) ok = true;
          }
          break;
        }
        case 'v2-stage':
        case 'sam-httpapi':
          ok = routeSettingsThrottle(context, stage);
          break;
        case 'serverless': {
          if (stage.protocol !== 'rest') ok = 'unknown'; // serverless has no setting for HTTP API throttling
          else {
            const custom = getMap(context.serverless?.root, 'custom');
            const plan = get(getMap(stage.settings, 'apiGateway'), 'usagePlan');
            const planThrottled = asList(plan).some((p) => get(p, 'throttle') || (isMap(p) && p.pairs.some((q) => get(q.value, 'throttle'))));
            const perEvent = context.serverless?.functions.some((f) => f.events.some((e) => e.type === 'http' && get(e.node, 'throttling')));
            ok = planThrottled || !!perEvent || !!get(custom, 'apiGatewayThrottling');
          }
          break;
        }
      }
      if (ok !== false) continue;
      context.report({
        node: stage.node,
        resource: stage.id,
        message: `${stage.label.charAt(0).toUpperCase()}${stage.label.slice(1)} sets no throttling: only the account-wide limit (shared by every API in the region) stops a flood of calls to your functions; ${stage.kind === 'serverless' ? 'add a usage plan with throttle (provider.apiGateway.usagePlan) or the serverless-api-gateway-throttling plugin' : 'set ThrottlingRateLimit and ThrottlingBurstLimit'}`,
        fixes: fix(context, stage),
      });
    }
  },
};
