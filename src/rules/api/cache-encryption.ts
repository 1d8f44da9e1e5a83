import { asList, get, getMap, getPair, isMap, literalBoolean, type MapNode, type Node } from '../../core/ast';
import type { Rule, RuleContext } from '../../core/rule';

/** A map with `<enabled>: true` and no `<encrypted>: true`. */
function check(context: RuleContext, map: MapNode | undefined, enabledKey: string, encryptedKey: string, where: string, resource: string): void {
  if (!map) return;
  const enabled = getPair(map, enabledKey);
  if (!enabled || literalBoolean(enabled.value) !== true) return;
  const encrypted = get(map, encryptedKey);
  if (encrypted && literalBoolean(encrypted) !== false) return; // true, or an intrinsic we cannot judge
  context.report({
    node: enabled.value,
    resource,
    message: `Caching is on in ${where} without ${encryptedKey}: cached responses (personal data, tokens in bodies) are stored unencrypted; set ${encryptedKey}: true`,
    fixes: [{ title: `Set ${encryptedKey}: true`, isPreferred: true, edits: [context.editor.setPair(map, encryptedKey, true)] }],
  });
}

function methodSettings(context: RuleContext, list: Node | undefined, where: string, resource: string): void {
  for (const item of asList(list)) if (isMap(item)) check(context, item, 'CachingEnabled', 'CacheDataEncrypted', where, resource);
}

export const cacheEncryption: Rule = {
  meta: {
    id: 'api/cache-encryption',
    title: 'API Gateway response caches must be encrypted (`CacheDataEncrypted: true`)',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    const t = context.template;
    for (const r of t?.resources ?? []) {
      const where = `${r.type} ${r.logicalId}`;
      if (r.type === 'AWS::ApiGateway::Stage' || r.type === 'AWS::Serverless::Api') methodSettings(context, get(r.properties, 'MethodSettings'), where, r.logicalId);
      else if (r.type === 'AWS::ApiGateway::Deployment') {
        const desc = getMap(r.properties, 'StageDescription');
        check(context, desc, 'CachingEnabled', 'CacheDataEncrypted', where, r.logicalId);
        methodSettings(context, get(desc, 'MethodSettings'), where, r.logicalId);
      }
    }
    if (t?.globalsNode) methodSettings(context, get(getMap(t.globalsNode, 'Api'), 'MethodSettings'), 'Globals.Api (every SAM REST API)', 'Globals');
    // serverless-api-gateway-caching plugin.
    const caching = context.serverless ? getMap(getMap(context.serverless.root, 'custom'), 'apiGatewayCaching') : undefined;
    check(context, caching, 'enabled', 'dataEncrypted', 'custom.apiGatewayCaching', 'custom.apiGatewayCaching');
  },
};
