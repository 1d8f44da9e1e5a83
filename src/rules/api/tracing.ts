import { get, getMap, isMap, literalBoolean } from '../../core/ast';
import type { FixInput, Rule, RuleContext } from '../../core/rule';
import { globalsEdit, isOpaque, setting, stagesOf, type Stage } from './stages';

function fix(context: RuleContext, stage: Stage): FixInput[] {
  const editor = context.editor;
  const title = 'Set TracingEnabled: true';
  switch (stage.kind) {
    case 'v1-stage':
      return stage.settings ? [{ title, isPreferred: true, edits: [editor.setPair(stage.settings, 'TracingEnabled', true)] }] : [];
    case 'sam-api': {
      const edit = stage.resource ? (stage.resource.properties ? editor.setPair(stage.resource.properties, 'TracingEnabled', true) : undefined) : globalsEdit(context, 'Api', 'TracingEnabled', true);
      return edit ? [{ title: stage.resource ? title : `${title} in Globals.Api`, isPreferred: true, edits: [edit] }] : [];
    }
    case 'v1-deployment': {
      const desc = getMap(stage.parent, 'StageDescription');
      if (desc) return [{ title, isPreferred: true, edits: [editor.setPair(desc, 'TracingEnabled', true)] }];
      return stage.parent ? [{ title, isPreferred: true, edits: [editor.insertPair(stage.parent, 'StageDescription', { TracingEnabled: true })] }] : [];
    }
    case 'serverless': {
      const provider = stage.settings;
      if (!provider) return [];
      const tracing = get(provider, 'tracing');
      const edit = isMap(tracing) ? editor.setPair(tracing, 'apiGateway', true) : tracing ? undefined : editor.insertPair(provider, 'tracing', { apiGateway: true });
      return edit ? [{ title: 'Set provider.tracing.apiGateway: true', isPreferred: true, edits: [edit] }] : [];
    }
    default:
      return [];
  }
}

export const tracing: Rule = {
  meta: {
    id: 'api/tracing',
    title: 'REST API stages should have X-Ray tracing on',
    defaultSeverity: 'info',
    fixable: true,
    kinds: ['cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    for (const stage of stagesOf(context)) {
      // HTTP and WebSocket APIs do not support X-Ray.
      if (stage.protocol !== 'rest') continue;
      let node;
      if (stage.kind === 'v1-deployment') {
        if (get(stage.parent, 'StageDescription') && !getMap(stage.parent, 'StageDescription')) continue;
        node = get(getMap(stage.parent, 'StageDescription'), 'TracingEnabled');
      } else if (stage.kind === 'serverless') node = get(get(stage.settings, 'tracing'), 'apiGateway');
      else node = setting(context, stage, 'TracingEnabled')?.node;
      if (node && (isOpaque(node) || literalBoolean(node) !== false)) continue;
      context.report({
        node: stage.node,
        resource: stage.id,
        message: `${stage.label.charAt(0).toUpperCase()}${stage.label.slice(1)} has no X-Ray tracing: requests cannot be followed through API Gateway to your functions when investigating errors or abuse; ${stage.kind === 'serverless' ? 'set provider.tracing.apiGateway: true' : 'set TracingEnabled: true'}`,
        fixes: fix(context, stage),
      });
    }
  },
};
