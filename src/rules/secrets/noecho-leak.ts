import { walk, type MapNode, type Node } from '../../core/ast';
import { valueOf } from '../../core/intrinsics';
import type { Parameter } from '../../core/model/template';
import type { Rule, RuleContext } from '../../core/rule';

export const noEchoLeak: Rule = {
  meta: {
    id: 'secrets/noecho-leak',
    title: 'NoEcho parameters must not be copied into Outputs or Metadata, which CloudFormation shows in clear',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['cloudformation', 'sam'],
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const secret = new Map<string, Parameter>();
    for (const p of template.parameters.values()) if (p.noEcho) secret.set(p.name, p);
    if (secret.size === 0) return;
    const outputs = template.outputsNode;
    for (const pair of outputs?.pairs ?? []) {
      const name = String(pair.key.value);
      for (const hit of references(pair.value, secret)) {
        // The last output goes with its section: an empty `Outputs:` is an invalid template.
        const edit = outputs!.pairs.length === 1 && template.root.kind === 'map'
          ? context.editor.removePair(template.root, 'Outputs')
          : context.editor.removePair(outputs!, name);
        context.report({
          node: hit.node,
          resource: name,
          message: `Output ${name} exposes NoEcho parameter ${hit.parameter.name}: outputs are shown in clear to anyone who can describe the stack; remove the output`,
          related: [{ node: hit.parameter.keyNode, message: `${hit.parameter.name} is declared NoEcho here` }],
          // Not preferred: stacks that import the output would break, so fix-all never removes it on its own.
          fixes: edit ? [{ title: `Remove output ${name}`, isPreferred: false, edits: [edit] }] : [],
        });
      }
    }
    reportMetadata(context, template.metadataNode, 'template Metadata', undefined, secret);
    for (const resource of template.resources) {
      reportMetadata(context, resource.metadata, `Metadata of ${resource.logicalId}`, resource.logicalId, secret);
    }
  },
};

function reportMetadata(context: RuleContext, metadata: MapNode | undefined, where: string, owner: string | undefined, secret: Map<string, Parameter>): void {
  if (!metadata) return;
  for (const hit of references(metadata, secret)) {
    context.report({
      node: hit.node,
      resource: owner,
      message: `${where} copies NoEcho parameter ${hit.parameter.name}: CloudFormation does not mask Metadata (cfn-init and DescribeStackResource show it); read the secret at boot from Secrets Manager or SSM instead`,
      related: [{ node: hit.parameter.keyNode, message: `${hit.parameter.name} is declared NoEcho here` }],
    });
  }
}

/** `!Ref P`, `${P}` in a `!Sub` (or bound by its variable map) for a NoEcho parameter P. */
function references(root: Node, secret: Map<string, Parameter>): { node: Node; parameter: Parameter }[] {
  const hits: { node: Node; parameter: Parameter }[] = [];
  for (const node of walk(root)) {
    const value = valueOf(node);
    if (value.kind === 'ref') {
      const p = secret.get(value.target);
      if (p) hits.push({ node, parameter: p });
    } else if (value.kind === 'sub') {
      for (const part of value.parts) {
        if (!('variable' in part) || value.variables.has(part.variable)) continue;
        const p = secret.get(part.variable);
        if (p) hits.push({ node, parameter: p });
      }
    }
  }
  return hits;
}
