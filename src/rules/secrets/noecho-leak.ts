import { walk, type MapNode, type Node } from '../../core/ast';
import { valueOf } from '../../core/intrinsics';
import type { Template } from '../../core/model/template';
import type { Rule, RuleContext } from '../../core/rule';

/** A secret the template can copy: a NoEcho parameter, or an IAM access key's secret. */
interface Source {
  /** "NoEcho parameter DbPassword", "the secret access key of AWS::IAM::AccessKey CiKey". */
  label: string;
  declaration: Node;
  declarationMessage: string;
}

export const noEchoLeak: Rule = {
  meta: {
    id: 'secrets/noecho-leak',
    title: 'NoEcho parameters and IAM access key secrets must not be copied into Outputs or Metadata, which CloudFormation shows in clear',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['cloudformation', 'sam'],
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const hasNoEcho = [...template.parameters.values()].some((p) => p.noEcho);
    if (!hasNoEcho && !template.resources.some((r) => r.type === 'AWS::IAM::AccessKey')) return;
    const outputs = template.outputsNode;
    for (const pair of outputs?.pairs ?? []) {
      const name = String(pair.key.value);
      for (const hit of references(pair.value, template)) {
        // The last output goes with its section: an empty `Outputs:` is an invalid template.
        const edit = outputs!.pairs.length === 1 && template.root.kind === 'map'
          ? context.editor.removePair(template.root, 'Outputs')
          : context.editor.removePair(outputs!, name);
        context.report({
          node: hit.node,
          resource: name,
          message: `Output ${name} exposes ${hit.source.label}: outputs are shown in clear to anyone who can describe the stack; remove the output`,
          related: [{ node: hit.source.declaration, message: hit.source.declarationMessage }],
          // Not preferred: stacks that import the output would break, so fix-all never removes it on its own.
          fixes: edit ? [{ title: `Remove output ${name}`, isPreferred: false, edits: [edit] }] : [],
        });
      }
    }
    reportMetadata(context, template, template.metadataNode, 'template Metadata', undefined);
    for (const resource of template.resources) {
      reportMetadata(context, template, resource.metadata, `Metadata of ${resource.logicalId}`, resource.logicalId);
    }
  },
};

function reportMetadata(context: RuleContext, template: Template, metadata: MapNode | undefined, where: string, owner: string | undefined): void {
  if (!metadata) return;
  for (const hit of references(metadata, template)) {
    context.report({
      node: hit.node,
      resource: owner,
      message: `${where} copies ${hit.source.label}: CloudFormation does not mask Metadata (cfn-init and DescribeStackResource show it); read the secret at boot from Secrets Manager or SSM instead`,
      related: [{ node: hit.source.declaration, message: hit.source.declarationMessage }],
    });
  }
}

function noEchoSource(template: Template, name: string): Source | undefined {
  const p = template.parameter(name);
  return p?.noEcho ? { label: `NoEcho parameter ${p.name}`, declaration: p.keyNode, declarationMessage: `${p.name} is declared NoEcho here` } : undefined;
}

/** `!Ref P` and `${P}` in a `!Sub` for a NoEcho parameter P; `!GetAtt Key.SecretAccessKey` of an IAM access key. */
function references(root: Node, template: Template): { node: Node; source: Source }[] {
  const hits: { node: Node; source: Source }[] = [];
  const accessKeySecret = (resource: string, attribute: string): Source | undefined => {
    const r = template.resourcesById.get(resource);
    if (attribute !== 'SecretAccessKey' || r?.type !== 'AWS::IAM::AccessKey') return undefined;
    return { label: `the secret access key of AWS::IAM::AccessKey ${r.logicalId}`, declaration: r.keyNode, declarationMessage: `${r.logicalId} creates the access key here` };
  };
  for (const node of walk(root)) {
    const value = valueOf(node);
    if (value.kind === 'ref') {
      const source = noEchoSource(template, value.target);
      if (source) hits.push({ node, source });
    } else if (value.kind === 'getatt') {
      const source = accessKeySecret(value.resource, value.attribute);
      if (source) hits.push({ node, source });
    } else if (value.kind === 'sub') {
      for (const part of value.parts) {
        if (!('variable' in part) || value.variables.has(part.variable)) continue;
        const dot = part.variable.indexOf('.');
        const source = dot === -1 ? noEchoSource(template, part.variable) : accessKeySecret(part.variable.slice(0, dot), part.variable.slice(dot + 1));
        if (source) hits.push({ node, source });
      }
    }
  }
  return hits;
}
