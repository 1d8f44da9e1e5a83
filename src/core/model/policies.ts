/**
 * The one place that knows where IAM policy documents live, in every file kind. Rules about IAM
 * read `PolicyDocument`s and never care whether a statement came from a standalone JSON file, a
 * role's `Policies`, a SAM function or serverless.yml.
 */
import { asList, get, getMap, getPath, literalString, type MapNode, type Node } from '../ast';
import { valueOf, type Value } from '../intrinsics';
import type { FileKind } from '../types';
import type { ServerlessService } from './serverless';
import type { Resource, Template } from './template';

/** identity: grants a principal; resource: a resource policy naming principals; trust: who may assume a role. */
export type PolicyKind = 'identity' | 'resource' | 'trust';

export interface PolicyValue {
  node: Node;
  value: Value;
}

export interface PolicyElement {
  /** The element's value node as written (`Action: s3:GetObject` or a list). */
  node: Node;
  /** Each item; a single value is one item. */
  items: PolicyValue[];
}

export interface Statement {
  node: MapNode;
  index: number;
  sid: string | undefined;
  effect: 'Allow' | 'Deny' | undefined;
  effectNode: Node | undefined;
  action: PolicyElement | undefined;
  notAction: PolicyElement | undefined;
  resource: PolicyElement | undefined;
  notResource: PolicyElement | undefined;
  principal: Node | undefined;
  notPrincipal: Node | undefined;
  condition: MapNode | undefined;
  document: PolicyDocument;
  /** Names the statement for messages: its Sid, else its position. */
  label: string;
}

export interface PolicyDocument {
  /** The document map (with `Statement`), or for serverless the statement list itself. */
  node: Node;
  statements: Statement[];
  kind: PolicyKind;
  /** The logical ID, function name or file that holds the policy. */
  owner: string | undefined;
  /** The CloudFormation resource type that holds it, if any. */
  ownerType: string | undefined;
  /** Where, in words: "policy 'orders' of AWS::IAM::Role OrdersRole". */
  location: string;
  /** The template the document belongs to, when it is in one (for resolving !Ref, !GetAtt). */
  template: Template | undefined;
}

/** Resource types whose property holds one policy document. */
const DOCUMENT_PROPERTIES: Record<string, { property: string; kind: PolicyKind }[]> = {
  'AWS::IAM::Policy': [{ property: 'PolicyDocument', kind: 'identity' }],
  'AWS::IAM::ManagedPolicy': [{ property: 'PolicyDocument', kind: 'identity' }],
  'AWS::IAM::RolePolicy': [{ property: 'PolicyDocument', kind: 'identity' }],
  'AWS::IAM::UserPolicy': [{ property: 'PolicyDocument', kind: 'identity' }],
  'AWS::IAM::GroupPolicy': [{ property: 'PolicyDocument', kind: 'identity' }],
  'AWS::IAM::Role': [{ property: 'AssumeRolePolicyDocument', kind: 'trust' }],
  'AWS::S3::BucketPolicy': [{ property: 'PolicyDocument', kind: 'resource' }],
  'AWS::SQS::QueuePolicy': [{ property: 'PolicyDocument', kind: 'resource' }],
  'AWS::SNS::TopicPolicy': [{ property: 'PolicyDocument', kind: 'resource' }],
  'AWS::SNS::TopicInlinePolicy': [{ property: 'PolicyDocument', kind: 'resource' }],
  'AWS::KMS::Key': [{ property: 'KeyPolicy', kind: 'resource' }],
  'AWS::ECR::Repository': [{ property: 'RepositoryPolicyText', kind: 'resource' }],
  'AWS::ApiGateway::RestApi': [{ property: 'Policy', kind: 'resource' }],
  'AWS::SecretsManager::ResourcePolicy': [{ property: 'ResourcePolicy', kind: 'resource' }],
  'AWS::Serverless::Api': [{ property: 'Auth.ResourcePolicy.CustomStatements', kind: 'resource' }],
  'AWS::S3Express::BucketPolicy': [{ property: 'PolicyDocument', kind: 'resource' }],
  'AWS::Events::EventBusPolicy': [{ property: 'Statement', kind: 'resource' }],
  'AWS::OpenSearchService::Domain': [{ property: 'AccessPolicies', kind: 'resource' }],
  'AWS::Elasticsearch::Domain': [{ property: 'AccessPolicies', kind: 'resource' }],
};

/** Resource types with a `Policies` list of `{PolicyName, PolicyDocument}`. */
const INLINE_POLICY_LISTS = new Set(['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']);

/** SAM resources whose `Policies` mix managed policy names, templates and inline documents. */
const SAM_POLICY_HOLDERS = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);

export function extractPolicies(input: {
  kind: FileKind;
  root: Node;
  template?: Template;
  serverless?: ServerlessService;
  fileLabel?: string;
}): PolicyDocument[] {
  const out: PolicyDocument[] = [];
  if (input.kind === 'iam-policy') {
    out.push(makeDocument(input.root, 'identity', undefined, undefined, input.fileLabel ?? 'policy file', undefined));
  }
  if (input.template) fromTemplate(input.template, out);
  if (input.serverless) fromServerless(input.serverless, out);
  return out;
}

function fromTemplate(template: Template, out: PolicyDocument[]): void {
  for (const resource of template.resources) {
    const type = resource.type;
    if (!type) continue;
    for (const { property, kind } of DOCUMENT_PROPERTIES[type] ?? []) {
      const node = getPath(resource.properties, property.split('.'));
      if (node) out.push(makeDocument(node, kind, resource.logicalId, type, `${property} of ${type} ${resource.logicalId}`, template));
    }
    if (INLINE_POLICY_LISTS.has(type)) {
      asList(get(resource.properties, 'Policies')).forEach((policy, i) => {
        const doc = get(policy, 'PolicyDocument');
        if (!doc) return;
        const name = literalString(get(policy, 'PolicyName')) ?? `#${i + 1}`;
        out.push(makeDocument(doc, 'identity', resource.logicalId, type, `policy '${name}' of ${type} ${resource.logicalId}`, template));
      });
    }
    if (SAM_POLICY_HOLDERS.has(type)) samPolicies(template, resource, out);
  }
}

/** SAM `Policies`: a string or list of managed policy names/ARNs, SAM policy templates, or inline documents. */
function samPolicies(template: Template, resource: Resource, out: PolicyDocument[]): void {
  const effective = template.property(resource, 'Policies');
  if (!effective) return;
  const where = `Policies of ${resource.type} ${resource.logicalId}${effective.fromGlobals ? ' (from Globals)' : ''}`;
  const items = effective.node.kind === 'map' && get(effective.node, 'Statement') ? [effective.node] : asList(effective.node);
  for (const item of items) {
    if (item.kind === 'map' && get(item, 'Statement') !== undefined) {
      out.push(makeDocument(item, 'identity', resource.logicalId, resource.type, where, template));
    }
  }
}

function fromServerless(service: ServerlessService, out: PolicyDocument[]): void {
  const statements = [
    { node: service.providerValue('iam', 'role', 'statements'), where: 'provider.iam.role.statements', kind: 'identity' as const },
    { node: service.providerValue('iamRoleStatements'), where: 'provider.iamRoleStatements', kind: 'identity' as const },
    { node: service.providerValue('apiGateway', 'resourcePolicy'), where: 'provider.apiGateway.resourcePolicy', kind: 'resource' as const },
  ];
  for (const { node, where, kind } of statements) {
    if (node) out.push(makeDocument(node, kind, service.serviceName, undefined, where, service.resources));
  }
  for (const fn of service.functions) {
    const node = get(fn.node, 'iamRoleStatements');
    if (node) out.push(makeDocument(node, 'identity', fn.name, undefined, `iamRoleStatements of function ${fn.name}`, service.resources));
  }
  if (service.resources) fromTemplate(service.resources, out);
}

/** Builds a document from a map with `Statement`, a statement list, or a single statement. */
function makeDocument(
  node: Node,
  kind: PolicyKind,
  owner: string | undefined,
  ownerType: string | undefined,
  location: string,
  template: Template | undefined,
): PolicyDocument {
  const doc: PolicyDocument = { node, statements: [], kind, owner, ownerType, location, template };
  let statementNodes: Node[];
  if (node.kind === 'map' && !node.tag) {
    const statement = get(node, 'Statement');
    statementNodes = statement !== undefined ? asList(statement) : get(node, 'Effect') !== undefined ? [node] : [];
  } else {
    statementNodes = asList(node);
  }
  statementNodes.forEach((s, index) => {
    if (s.kind === 'map' && !s.tag) doc.statements.push(makeStatement(s, index, doc));
  });
  return doc;
}

function makeStatement(node: MapNode, index: number, document: PolicyDocument): Statement {
  const sid = literalString(get(node, 'Sid'));
  const effect = literalString(get(node, 'Effect'));
  return {
    node,
    index,
    sid,
    effect: effect === 'Allow' || effect === 'Deny' ? effect : undefined,
    effectNode: get(node, 'Effect'),
    action: element(get(node, 'Action')),
    notAction: element(get(node, 'NotAction')),
    resource: element(get(node, 'Resource')),
    notResource: element(get(node, 'NotResource')),
    principal: get(node, 'Principal'),
    notPrincipal: get(node, 'NotPrincipal'),
    condition: getMap(node, 'Condition'),
    document,
    label: sid ? `statement '${sid}'` : `statement ${index + 1}`,
  };
}

function element(node: Node | undefined): PolicyElement | undefined {
  if (!node) return undefined;
  return { node, items: asList(node).map((n) => ({ node: n, value: valueOf(n) })) };
}
