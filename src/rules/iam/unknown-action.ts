import { actionInfo, expandActionPattern, isPattern, serviceActions, serviceInfo, servicePrefixes, catalogInfo } from '../../core/iam/catalog';
import { closest } from '../../core/iam/similar';
import { elementValues, whereOf } from '../../core/iam/values';
import type { FixInput, Rule } from '../../core/rule';

export const unknownAction: Rule = {
  meta: {
    id: 'iam/unknown-action',
    title: 'Actions must exist: unknown service prefixes, misspelt actions and wildcards that match nothing',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['iam-policy', 'cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    let dataDate: string | undefined;
    const since = (): string => (dataDate ??= catalogInfo().dataDate);
    for (const doc of context.policies) {
      for (const statement of doc.statements) {
        for (const element of [statement.action, statement.notAction]) {
          if (!element) continue;
          // A misspelt action in an Allow grants nothing (the code fails, loudly); in a Deny, or in an
          // Allow's NotAction, it silently fails to restrict: that is the dangerous case.
          const severity = statement.effect === 'Allow' && element === statement.action ? 'info' : undefined;
          for (const value of elementValues(element, doc.template)) {
            const action = value.text;
            if (!value.literal || value.parameter || action === undefined || action === '*') continue;
            const colon = action.indexOf(':');
            const where = whereOf(statement);
            if (colon <= 0 || colon === action.length - 1) {
              context.report({ node: value.node, resource: doc.owner ?? statement.label, severity, message: `\`${action}\` in ${where} is not an action: write \`service:Action\` (e.g. \`s3:GetObject\`)` });
              continue;
            }
            const prefix = action.slice(0, colon);
            const name = action.slice(colon + 1);
            if (isPattern(prefix)) continue;
            const replace = (replacement: string, title: string): FixInput[] => [{ title, isPreferred: true, edits: [context.editor.replaceValue(value.node, replacement)] }];
            if (!serviceInfo(prefix)) {
              // `bedrock-runtime:InvokeModel` is authorized as `bedrock:InvokeModel`: an endpoint name is not a prefix.
              const dash = prefix.lastIndexOf('-');
              const parent = dash > 0 && serviceInfo(prefix.slice(0, dash)) ? prefix.slice(0, dash).toLowerCase() : undefined;
              const guess = parent ?? closest(prefix, servicePrefixes());
              const fixes = guess && (isPattern(name) ? expandActionPattern(`${guess}:${name}`).length > 0 : !!actionInfo(`${guess}:${name}`))
                ? replace(`${guess}:${name}`, `Replace with ${guess}:${name}`)
                : [];
              context.report({
                node: value.node,
                resource: doc.owner ?? statement.label,
                severity,
                message: `\`${action}\` in ${where}: no AWS service has the prefix \`${prefix}\` (IAM catalogue of ${since()})${guess ? `; did you mean \`${guess}\`?` : ''}`,
                fixes,
              });
              continue;
            }
            if (isPattern(name)) {
              if (expandActionPattern(action).length === 0) {
                context.report({ node: value.node, resource: doc.owner ?? statement.label, severity, message: `\`${action}\` in ${where} matches no ${prefix} action (IAM catalogue of ${since()}): it grants nothing` });
              }
              continue;
            }
            if (actionInfo(action)) continue;
            const guess = closest(name, serviceActions(prefix).map((a) => a.name));
            context.report({
              node: value.node,
              resource: doc.owner ?? statement.label,
              severity,
              message: `\`${action}\` in ${where} is not a known ${prefix} action (IAM catalogue of ${since()})${guess ? `; did you mean \`${prefix}:${guess}\`?` : ''}`,
              fixes: guess ? replace(`${prefix}:${guess}`, `Replace with ${prefix}:${guess}`) : [],
            });
          }
        }
      }
    }
  },
};
