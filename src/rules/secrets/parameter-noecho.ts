import { extractRuntimeConfig } from '../../core/model/runtime-config';
import type { Rule } from '../../core/rule';
import { isSecretName, judgeDeclaredSecret } from '../../core/secrets/names';
import { literalText } from '../../core/ast';

export const parameterNoEcho: Rule = {
  meta: {
    id: 'secrets/parameter-noecho',
    title: 'Parameters that carry secrets need `NoEcho: true` and no `Default`',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['cloudformation', 'sam'],
  },
  check(context) {
    const template = context.template;
    if (!template || template.parameters.size === 0) return;
    const uses = context.use(extractRuntimeConfig).secretParameterUses;
    for (const parameter of template.parameters.values()) {
      const used = uses.get(parameter.name) ?? [];
      const stringType = parameter.type === undefined || parameter.type === 'String';
      const namedSecret = stringType && isSecretName(parameter.name);
      if (!parameter.noEcho && (used.length > 0 || namedSecret)) {
        if (!stringType && used.length === 0) continue;
        const why = used.length > 0 ? `feeds ${used[0].entry.location}${used.length > 1 ? ` (and ${used.length - 1} more)` : ''}` : 'is named as a secret';
        context.report({
          node: parameter.keyNode,
          resource: parameter.name,
          message: `Parameter ${parameter.name} ${why} but has no \`NoEcho: true\`: CloudFormation shows its value in the console, the CLI and the API; add NoEcho`,
          related: used.slice(0, 5).map((u) => ({ node: u.node, message: `${parameter.name} flows into ${u.entry.location}` })),
          fixes: [{ title: 'Add `NoEcho: true`', isPreferred: true, edits: [context.editor.setPair(parameter.node, 'NoEcho', true)] }],
        });
      }
      if (parameter.noEcho && parameter.defaultNode) {
        const text = literalText(parameter.defaultNode);
        if (text === undefined || text === '') continue;
        const verdict = judgeDeclaredSecret(text);
        if (verdict === 'not-secret') continue;
        const edit = context.editor.removePair(parameter.node, 'Default');
        context.report({
          node: parameter.defaultNode,
          resource: parameter.name,
          severity: verdict === 'placeholder' ? 'info' : undefined,
          message: verdict === 'placeholder'
            ? `NoEcho parameter ${parameter.name} has a weak placeholder Default: remove it so a real secret must be passed at deploy time`
            : `NoEcho parameter ${parameter.name} has a Default: the secret is written in the template for anyone who reads it; remove the Default and pass the value at deploy time`,
          fixes: edit ? [{ title: 'Remove the Default (the value must then be passed at deploy time)', isPreferred: true, edits: [edit] }] : [],
        });
      }
    }
  },
};
