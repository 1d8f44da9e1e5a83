import { routeLabel, routeWhere } from '../../core/model/routes';
import type { Rule } from '../../core/rule';
import { authorizeFixes } from './authorize-fix';
import { routesOf } from './routes-view';

export const unauthenticatedRoute: Rule = {
  meta: {
    id: 'api/unauthenticated-route',
    title: 'API routes must require authorization (an authorizer or AWS_IAM), not nothing or only an API key',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    for (const route of routesOf(context)) {
      if (route.preflight || route.apiKind === 'function-url') continue;
      const kind = route.auth.kind;
      if (kind !== 'open' && kind !== 'explicit-none' && kind !== 'api-key-only') continue;
      const label = `\`${routeLabel(route)}\``;
      const where = routeWhere(route);
      const fixes = authorizeFixes(route, context);
      const node = route.auth.node && route.auth.node.kind === 'scalar' ? route.auth.node : route.node;
      if (kind === 'explicit-none') {
        context.report({
          node,
          resource: route.owner,
          severity: 'info',
          message: `${label} (${where}) is public by choice (${route.source === 'openapi' ? '`security: []`' : '`Authorizer: NONE`'}): anyone on the internet can call it; make sure it exposes nothing private`,
          // A deliberate choice is offered a change, never made one by fix-all or --fix.
          fixes: fixes.map((f) => ({ ...f, isPreferred: false })),
        });
      } else if (kind === 'api-key-only') {
        context.report({
          node,
          resource: route.owner,
          message: `${label} (${where}) is protected only by an API key: API keys identify callers for usage plans, they do not authenticate them; add an authorizer or AWS_IAM`,
          fixes,
        });
      } else {
        context.report({
          node,
          resource: route.owner,
          message: route.source === 'apigatewayv2-quick-create'
            ? `${label} (${where}) has no authorization: anyone on the internet can call it; replace \`Target\` with routes that have an authorizer`
            : `${label} (${where}) has no authorization: anyone on the internet can call it; add an authorizer or AWS_IAM`,
          fixes,
        });
      }
    }
  },
};
