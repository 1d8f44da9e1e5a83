/** The catalogue actions a statement's `Action` grants, with the patterns that could not be read. */
import type { Statement } from '../model/policies';
import { actionInfo, expandActionPattern, isPattern, type ActionInfo } from './catalog';
import { elementValues } from './values';

export interface GrantedActions {
  actions: ActionInfo[];
  /** `*` appears among the actions. */
  everything: boolean;
  /** Some value could not be read (an intrinsic) or is not in the catalogue. */
  unknown: boolean;
  /** Literal action strings as written. */
  written: string[];
}

const cache = new WeakMap<Statement, GrantedActions>();

export function grantedActions(statement: Statement): GrantedActions {
  const hit = cache.get(statement);
  if (hit) return hit;
  const out: GrantedActions = { actions: [], everything: false, unknown: false, written: [] };
  const seen = new Set<string>();
  for (const value of elementValues(statement.action, statement.document.template)) {
    const text = value.text;
    if (!value.literal || text === undefined) {
      out.unknown = true;
      continue;
    }
    out.written.push(text);
    if (text === '*' || text === '*:*') {
      out.everything = true;
      continue;
    }
    const found = isPattern(text) ? expandActionPattern(text) : [actionInfo(text)].filter((a): a is ActionInfo => !!a);
    if (!found.length) out.unknown = true;
    for (const a of found) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      out.actions.push(a);
    }
  }
  cache.set(statement, out);
  return out;
}

/** Whether the statement grants an action, directly or through a wildcard. */
export function grants(statement: Statement, action: string): boolean {
  const g = grantedActions(statement);
  if (g.everything) return true;
  const lower = action.toLowerCase();
  return g.actions.some((a) => a.id.toLowerCase() === lower);
}
