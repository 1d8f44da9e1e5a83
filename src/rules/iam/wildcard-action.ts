import { replaceWithItems } from '../../core/edit';
import { expandActionPattern, isPattern, serviceInfo, type AccessLevel, type ActionInfo } from '../../core/iam/catalog';
import { countLevels, dangerousSummary, everyActionCounts, exampleAction, levelReplacement, levelsPresent } from '../../core/iam/levels';
import { elementValues, parameterRelated, whereOf } from '../../core/iam/values';
import type { FixInput, Rule } from '../../core/rule';
import type { Severity } from '../../core/types';

/** A one-level fix longer than this would bury the policy; the user is better served listing actions by hand. */
const MAX_FIX_ITEMS = 30;

/** Which level's fix is preferred: the least powerful that exists. Never a Write or Permissions management one. */
const PREFERRED_ORDER: AccessLevel[] = ['Read', 'List'];

/** A service this small with no permissions-management action is its own least privilege. */
const SMALL_SERVICE = 6;

/**
 * How loud a wildcard is. `service:*` warns, except for a small service with no permissions
 * management (`ec2messages:*`, `ssmmessages:*`, `iotjobsdata:*`: an agent's whole API, which listing
 * every action would grant just the same). A partial wildcard warns when it reaches permissions
 * management, is info when its writes span several verbs (`s3:*Object`), and is quiet within one verb
 * (`kms:GenerateDataKey*`, `ecs:Submit*`), the documented way to name a family of actions.
 */
function severityOf(everything: boolean, expansion: readonly ActionInfo[], permissions: boolean): Severity | undefined {
  if (everything) return permissions || expansion.length > SMALL_SERVICE ? 'warning' : undefined;
  if (permissions) return 'warning';
  const verbs = new Set(expansion.filter((a) => a.level === 'Write').map((a) => /^[A-Z][a-z]+/.exec(a.name)?.[0] ?? a.name));
  return verbs.size > 1 ? 'info' : undefined;
}

export const wildcardAction: Rule = {
  meta: {
    id: 'iam/wildcard-action',
    title: 'Allow statements must not grant every action (`*`, `service:*`) or a wildcard that includes write or permissions-management actions',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['iam-policy', 'cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    for (const doc of context.policies) {
      // Resource policies (the KMS default key policy's `kms:*` for the account root, `kms:Create*` for
      // key administrators) name their principals; iam/public-principal judges who they open to.
      if (doc.kind !== 'identity') continue;
      for (const statement of doc.statements) {
        if (statement.effect !== 'Allow' || !statement.action) continue;
        for (const value of elementValues(statement.action, doc.template)) {
          const action = value.text;
          if (!value.literal || action === undefined || !isPattern(action)) continue;
          const where = whereOf(statement);
          const resource = doc.owner ?? statement.label;
          const related = parameterRelated(value);
          if (action === '*') {
            const all = everyActionCounts();
            context.report({
              node: value.node,
              resource,
              related,
              message: `\`Action: "*"\` in ${where} allows every action in every AWS service (${all.total} actions, including ${dangerousSummary(all.counts)}): list only the actions this principal calls`,
            });
            continue;
          }
          const colon = action.indexOf(':');
          if (colon <= 0) continue;
          const service = action.slice(0, colon);
          // Unknown services and patterns that match nothing are iam/unknown-action's business.
          if (!serviceInfo(service)) continue;
          const expansion = expandActionPattern(action);
          if (expansion.length === 0) continue;
          const counts = countLevels(expansion);
          if (!counts.Write && !counts['Permissions management']) continue;
          const everything = action.slice(colon + 1) === '*';
          const severity = severityOf(everything, expansion, counts['Permissions management'] > 0);
          if (!severity) continue;
          const example = exampleAction(expansion);
          const fixes: FixInput[] = [];
          // Fixes rewrite the list item; a value from a parameter default is fixed at the parameter, by hand.
          if (!value.parameter) {
            const levels = levelsPresent(expansion);
            const preferred = PREFERRED_ORDER.find((l) => levels.includes(l));
            for (const level of levels) {
              const items = levelReplacement(expansion, level);
              if (items.length > MAX_FIX_ITEMS) continue;
              fixes.push({
                title: everything ? `Replace with ${service}'s ${level} actions (${items.length === 1 ? items[0] : `${items.length} entries`})` : `Replace with the ${level} actions \`${action}\` matches (${items.length === 1 ? items[0] : `${items.length} entries`})`,
                isPreferred: level === preferred,
                edits: value.item === value.node
                  ? replaceWithItems(context.editor, statement.action.node, value.node, items)
                  : [context.editor.replaceValue(value.node, items.length === 1 ? items[0] : items)],
              });
            }
          }
          context.report({
            node: value.node,
            resource,
            related,
            severity: severity === 'warning' ? undefined : severity,
            message: `\`${action}\` in ${where} grants ${expansion.length} actions, including ${dangerousSummary(counts)}${example ? `, e.g. ${example.id}` : ''}: list only the actions this principal calls`,
            fixes,
          });
        }
      }
    }
  },
};
