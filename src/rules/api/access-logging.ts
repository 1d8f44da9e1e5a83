import { get, getMap, isMap, literalBoolean, type MapNode } from '../../core/ast';
import { getAtt, type Emit } from '../../core/edit';
import type { FixInput, OffsetEdit, Rule, RuleContext } from '../../core/rule';
import { globalsEdit, isOpaque, setting, stagesOf, type Stage } from './stages';

const REST_FORMAT = '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] "$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId';
const HTTP_FORMAT = '$context.identity.sourceIp [$context.requestTime] "$context.httpMethod $context.routeKey $context.protocol" $context.status $context.responseLength $context.requestId';
const WEBSOCKET_FORMAT = '$context.identity.sourceIp [$context.requestTime] "$context.eventType $context.routeKey" $context.status $context.connectionId $context.requestId';
export const LOG_RETENTION_DAYS = 90;

/** A log group name not taken in the template. */
function freeName(context: RuleContext, base: string): string {
  const ids = context.template?.resourcesById;
  let name = `${base}AccessLogs`;
  for (let i = 2; ids?.has(name); i++) name = `${base}AccessLogs${i}`;
  return name;
}

function fix(context: RuleContext, stage: Stage, property: string, target: MapNode | undefined, parentKey?: string): FixInput[] {
  const resources = context.template?.resourcesNode;
  if (!resources || (resources.flow && context.language !== 'json')) return [];
  const editor = context.editor;
  const logGroup = freeName(context, stage.id);
  const format = stage.protocol === 'rest' ? REST_FORMAT : stage.protocol === 'websocket' ? WEBSOCKET_FORMAT : HTTP_FORMAT;
  const value: Emit = { DestinationArn: getAtt(logGroup, 'Arn'), Format: format };
  const edits: OffsetEdit[] = [editor.insertPair(resources, logGroup, { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: LOG_RETENTION_DAYS } })];
  let where = '';
  if (target) edits.push(editor.setPair(target, property, value));
  else if (parentKey && stage.parent) edits.push(editor.insertPair(stage.parent, parentKey, { [property]: value }));
  else if (!stage.resource && (stage.kind === 'sam-api' || stage.kind === 'sam-httpapi')) {
    const section = stage.kind === 'sam-api' ? 'Api' : 'HttpApi';
    const edit = globalsEdit(context, section, property, value);
    if (!edit) return [];
    edits.push(edit);
    where = ` in Globals.${section}`;
  } else return [];
  return [{ title: `Log to a new AWS::Logs::LogGroup ${logGroup} (${LOG_RETENTION_DAYS}-day retention)${where}`, isPreferred: true, edits }];
}

export const accessLogging: Rule = {
  meta: {
    id: 'api/access-logging',
    title: 'API stages must write access logs (who called which route, when, with what result)',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    for (const stage of stagesOf(context)) {
      const say = (extra: string, fixes: FixInput[]): void =>
        context.report({ node: stage.node, resource: stage.id, message: `${capital(stage.label)} has no access logging${extra}: without it, nobody can tell who called the API; ${stage.kind === 'serverless' ? `set provider.logs.${stage.protocol === 'rest' ? 'restApi' : 'httpApi'}: true` : 'send access logs to a CloudWatch log group'}`, fixes });
      switch (stage.kind) {
        case 'v1-stage':
        case 'v2-stage': {
          const property = stage.kind === 'v1-stage' ? 'AccessLogSetting' : 'AccessLogSettings';
          const s = setting(context, stage, property);
          if (s && (isOpaque(s.node) || get(s.node, 'DestinationArn'))) break;
          say('', fix(context, stage, property, stage.settings));
          break;
        }
        case 'v1-deployment': {
          const s = getMap(stage.parent, 'StageDescription');
          if (get(stage.parent, 'StageDescription') && !s) break;
          const log = get(s, 'AccessLogSetting');
          if (log && (isOpaque(log) || get(log, 'DestinationArn'))) break;
          say('', fix(context, stage, 'AccessLogSetting', s, 'StageDescription'));
          break;
        }
        case 'sam-api':
        case 'sam-httpapi': {
          const property = stage.kind === 'sam-api' ? 'AccessLogSetting' : 'AccessLogSettings';
          const s = setting(context, stage, property);
          if (s && (isOpaque(s.node) || get(s.node, 'DestinationArn'))) break;
          if (stage.resource && stage.resource.properties && !s) say('', fix(context, stage, property, stage.resource.properties));
          else if (!stage.resource && !s) say('', fix(context, stage, property, stage.settings));
          else say('', []);
          break;
        }
        case 'serverless': {
          const key = stage.protocol === 'rest' ? 'restApi' : 'httpApi';
          const logsNode = get(stage.settings, 'logs');
          if (isOpaque(logsNode)) break;
          const logs = getMap(stage.settings, 'logs');
          const v = get(logs, key);
          if (v && (isMap(v) || literalBoolean(v) !== false)) break;
          const editor = context.editor;
          const edit = logs ? editor.setPair(logs, key, true) : stage.settings ? editor.insertPair(stage.settings, 'logs', { [key]: true }) : undefined;
          say('', edit ? [{ title: `Set provider.logs.${key}: true`, isPreferred: true, edits: [edit] }] : []);
          break;
        }
      }
    }
  },
};

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
