import { extractRoutes, type Route } from '../../core/model/routes';
import type { RuleContext } from '../../core/rule';

/** The document's routes, extracted once and shared by every api/ rule. */
export function routesOf(context: RuleContext): Route[] {
  return extractRoutes(context);
}
