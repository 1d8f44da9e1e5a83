import { asList, get, getMap, getPair, isMap, literalString, type MapNode, type Node } from '../../core/ast';
import { isIntrinsic } from '../../core/intrinsics';
import type { Rule, RuleContext } from '../../core/rule';

/** Policies older than TLS 1.2 (API Gateway's `TLS_1_0`, serverless-domain-manager's `tls_1_0`). */
function isWeak(policy: string): boolean {
  return /^tls_?1_?0$/i.test(policy);
}

interface Check {
  context: RuleContext;
  /** The map holding SecurityPolicy. */
  map: MapNode;
  key: string;
  /** Whether a missing policy means TLS 1.0 (REST API domains) or the secure default. */
  missingIsWeak: boolean;
  what: string;
  resource: string;
  /** Underlined when the policy is missing. */
  anchor: Node;
  value: string;
  suffix?: string;
}

function check(c: Check): void {
  const pair = getPair(c.map, c.key);
  const fixTitle = `Set ${c.key}: ${c.value}${c.suffix ?? ''}`;
  if (!pair) {
    if (!c.missingIsWeak) return;
    c.context.report({
      node: c.anchor,
      resource: c.resource,
      message: `${c.what} has no ${c.key}, so API Gateway accepts TLS 1.0 and 1.1 connections: set ${c.key}: ${c.value}`,
      fixes: [{ title: fixTitle, isPreferred: true, edits: [c.context.editor.insertPair(c.map, c.key, c.value)] }],
    });
    return;
  }
  if (isIntrinsic(pair.value)) return;
  const policy = literalString(pair.value);
  if (policy === undefined || !isWeak(policy)) return;
  c.context.report({
    node: pair.value,
    resource: c.resource,
    message: `${c.what} uses ${c.key} ${policy}, which accepts TLS 1.0 and 1.1 connections: set ${c.key}: ${c.value}`,
    fixes: [{ title: fixTitle, isPreferred: true, edits: [c.context.editor.replaceValue(pair.value, c.value)] }],
  });
}

export const tlsPolicy: Rule = {
  meta: {
    id: 'api/tls-policy',
    title: 'API custom domains must require TLS 1.2 or newer (`SecurityPolicy: TLS_1_2`)',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    const template = context.template;
    for (const r of template?.resources ?? []) {
      const props = r.properties;
      if (r.type === 'AWS::ApiGateway::DomainName' || r.type === 'AWS::ApiGateway::DomainNameV2') {
        if (!props) continue;
        check({ context, map: props, key: 'SecurityPolicy', missingIsWeak: true, what: `${r.type} ${r.logicalId}`, resource: r.logicalId, anchor: r.keyNode, value: 'TLS_1_2' });
      } else if (r.type === 'AWS::ApiGatewayV2::DomainName') {
        for (const cfg of asList(get(props, 'DomainNameConfigurations'))) {
          if (isMap(cfg) && !isIntrinsic(cfg)) check({ context, map: cfg, key: 'SecurityPolicy', missingIsWeak: false, what: `${r.type} ${r.logicalId}`, resource: r.logicalId, anchor: r.keyNode, value: 'TLS_1_2' });
        }
      } else if ((r.type === 'AWS::Serverless::Api' || r.type === 'AWS::Serverless::HttpApi') && template) {
        const domain = template.property(r, 'Domain');
        if (!domain || !isMap(domain.node) || isIntrinsic(domain.node)) continue;
        const rest = r.type === 'AWS::Serverless::Api';
        check({
          context,
          map: domain.node,
          key: 'SecurityPolicy',
          missingIsWeak: rest,
          what: `The custom domain of ${r.type} ${r.logicalId}${domain.fromGlobals ? ' (from Globals)' : ''}`,
          resource: r.logicalId,
          anchor: domain.pair.key,
          value: 'TLS_1_2',
          suffix: domain.fromGlobals ? ' in Globals' : '',
        });
      }
    }
    const custom = context.serverless ? getMap(context.serverless.root, 'custom') : undefined;
    if (custom) {
      // serverless-domain-manager: `customDomain` or a list of `customDomains`; its default is tls_1_2.
      const domains = [get(custom, 'customDomain'), ...asList(get(custom, 'customDomains')).flatMap((d) => (isMap(d) ? d.pairs.map((p) => p.value) : []))];
      for (const d of domains) {
        if (!isMap(d) || isIntrinsic(d)) continue;
        const name = literalString(get(d, 'domainName')) ?? 'the custom domain';
        check({ context, map: d, key: 'securityPolicy', missingIsWeak: false, what: `Custom domain ${name}`, resource: name, anchor: d, value: 'tls_1_2' });
      }
    }
  },
};
