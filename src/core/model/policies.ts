/**
 * The one place that knows where IAM policy documents live, in every file kind. Rules about IAM
 * read `PolicyDocument`s and never care whether a statement came from a standalone JSON file, a
 * role's `Policies`, a SAM function or serverless.yml.
 */
import { asList, get, getMap, getPath, literalString, type MapNode, type Node } from '../ast';
import { isIntrinsic, listAlternatives, stringPattern, valueOf, type Value } from '../intrinsics';
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
  /**
   * For identity policies: who receives the permissions, as logical IDs (role, user, group, SAM
   * function) or serverless names (`role of service orders`, `function resize`). Empty when unknown.
   */
  principals: string[];
}

/** A managed policy attached by name or ARN (`ManagedPolicyArns`, SAM `Policies`, serverless `managedPolicies`). */
export interface ManagedPolicyRef {
  node: Node;
  value: Value;
  /** The policy's name when it can be read: `AdministratorAccess` from `arn:aws:iam::aws:policy/AdministratorAccess` or a `!Sub` of it. */
  name: string | undefined;
  /** True for AWS managed policies (`arn:<partition>:iam::aws:policy/...`, or a bare SAM name). */
  awsManaged: boolean;
  owner: string | undefined;
  ownerType: string | undefined;
  location: string;
}

/** A SAM policy template (`DynamoDBCrudPolicy: {TableName: !Ref Table}`): scoped by construction. */
export interface SamPolicyTemplate {
  keyNode: Node;
  name: string;
  parameters: Node;
  owner: string;
  location: string;
}

export interface PolicyAttachments {
  managed: ManagedPolicyRef[];
  samTemplates: SamPolicyTemplate[];
}

/** The `Allow` statements of the documents of the given kinds (each knows its document). */
export function* allowStatements(documents: readonly PolicyDocument[], kinds: readonly PolicyKind[]): Generator<Statement> {
  for (const document of documents) {
    if (!kinds.includes(document.kind)) continue;
    for (const statement of document.statements) if (statement.effect === 'Allow') yield statement;
  }
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
}): PolicyDocument[] {
  const out: PolicyDocument[] = [];
  if (input.kind === 'iam-policy') {
    out.push(makeDocument(input.root, 'identity', undefined, undefined, 'policy file', undefined));
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
      if (!node) continue;
      const doc = makeDocument(node, kind, resource.logicalId, type, `${property} of ${type} ${resource.logicalId}`, template);
      if (kind === 'identity') doc.principals = attachedPrincipals(resource);
      if (kind === 'trust') doc.principals = [resource.logicalId];
      out.push(doc);
    }
    if (INLINE_POLICY_LISTS.has(type)) {
      asList(get(resource.properties, 'Policies')).forEach((policy, i) => {
        const doc = get(policy, 'PolicyDocument');
        if (!doc) return;
        const name = literalString(get(policy, 'PolicyName')) ?? `#${i + 1}`;
        const document = makeDocument(doc, 'identity', resource.logicalId, type, `policy '${name}' of ${type} ${resource.logicalId}`, template);
        document.principals = [resource.logicalId];
        out.push(document);
      });
    }
    if (SAM_POLICY_HOLDERS.has(type)) samPolicies(template, resource, out);
  }
}

/** Documents inherited from SAM `Globals`, so that one written statement is one document (and one finding). */
const globalDocuments = new WeakMap<Node, PolicyDocument[]>();

/** SAM `Policies`: a string or list of managed policy names/ARNs, SAM policy templates, or inline documents. */
function samPolicies(template: Template, resource: Resource, out: PolicyDocument[]): void {
  const effective = template.property(resource, 'Policies');
  if (!effective) return;
  if (effective.fromGlobals) {
    const shared = globalDocuments.get(effective.node);
    if (shared && shared.every((d) => out.includes(d))) {
      for (const d of shared) d.principals.push(resource.logicalId);
      return;
    }
    globalDocuments.set(effective.node, []);
  }
  const where = `Policies of ${resource.type} ${resource.logicalId}${effective.fromGlobals ? ' (from Globals)' : ''}`;
  const items = effective.node.kind === 'map' && get(effective.node, 'Statement') ? [effective.node] : asList(effective.node);
  for (const item of items) {
    if (item.kind === 'map' && get(item, 'Statement') !== undefined) {
      const doc = makeDocument(item, 'identity', resource.logicalId, resource.type, where, template);
      doc.principals = [resource.logicalId];
      out.push(doc);
      if (effective.fromGlobals) globalDocuments.get(effective.node)?.push(doc);
    }
  }
}

function fromServerless(service: ServerlessService, out: PolicyDocument[]): void {
  const statements = [
    { node: service.providerValue('iam', 'role', 'statements'), where: 'provider.iam.role.statements', kind: 'identity' as const },
    { node: service.providerValue('iamRoleStatements'), where: 'provider.iamRoleStatements', kind: 'identity' as const },
    { node: service.providerValue('apiGateway', 'resourcePolicy'), where: 'provider.apiGateway.resourcePolicy', kind: 'resource' as const },
  ];
  const serviceRole = `role of service ${service.serviceName ?? ''}`.trim();
  for (const { node, where, kind } of statements) {
    if (!node) continue;
    const doc = makeDocument(node, kind, service.serviceName, undefined, where, service.resources);
    if (kind === 'identity') doc.principals = [serviceRole];
    out.push(doc);
  }
  for (const fn of service.functions) {
    const node = get(fn.node, 'iamRoleStatements');
    if (!node) continue;
    // serverless-iam-roles-per-function: the function gets its own role.
    const doc = makeDocument(node, 'identity', fn.name, undefined, `iamRoleStatements of function ${fn.name}`, service.resources);
    doc.principals = [`function ${fn.name}`];
    out.push(doc);
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
  const doc: PolicyDocument = { node, statements: [], kind, owner, ownerType, location, template, principals: [] };
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

/** `AWS::IAM::Policy` / `ManagedPolicy`: the roles, users and groups it is attached to, by logical ID when referenced. */
function attachedPrincipals(resource: Resource): string[] {
  const out: string[] = [];
  for (const key of ['Roles', 'Users', 'Groups']) {
    for (const item of asList(get(resource.properties, key))) {
      const v = valueOf(item);
      if (v.kind === 'ref') out.push(v.target);
      else if (v.kind === 'literal' && typeof v.value === 'string') out.push(v.value);
    }
  }
  return out;
}

const AWS_MANAGED_ARN = /^arn:(?:aws|aws-cn|aws-us-gov|\$\{AWS::Partition\}):iam::aws:policy\/(?:.*\/)?([^/]+)$/;

/** The managed policy an ARN, SAM name or `!Sub` names. */
function managedRef(node: Node, owner: string | undefined, ownerType: string | undefined, location: string): ManagedPolicyRef {
  const value = valueOf(node);
  let text: string | undefined;
  if (value.kind === 'literal' && typeof value.value === 'string') text = value.value;
  else if (value.kind === 'sub' || value.kind === 'function') text = stringPattern(node);
  let name: string | undefined;
  let awsManaged = false;
  if (text !== undefined) {
    const m = AWS_MANAGED_ARN.exec(text);
    if (m) {
      name = m[1];
      awsManaged = true;
    } else if (!text.startsWith('arn:') && !text.includes('$') && /^[\w+=,.@-]+$/.test(text)) {
      // SAM accepts a bare AWS managed policy name.
      name = text;
      awsManaged = ownerType?.startsWith('AWS::Serverless::') ?? false;
    } else {
      const slash = text.lastIndexOf('/');
      if (slash !== -1 && !text.slice(slash + 1).includes('$')) name = text.slice(slash + 1);
    }
  }
  return { node, value, name, awsManaged, owner, ownerType, location };
}

/**
 * Managed policies and SAM policy templates attached anywhere in the document: `ManagedPolicyArns`
 * of roles, users and groups; SAM function/state machine `Policies` (names, ARNs, templates; Globals
 * too); serverless `provider.iam.role.managedPolicies` and `resources`.
 */
export function extractAttachments(input: { template?: Template; serverless?: ServerlessService }): PolicyAttachments {
  const out: PolicyAttachments = { managed: [], samTemplates: [] };
  // Globals are shared by every function: one written entry is one attachment.
  const seen = new Set<Node>();
  const fromTemplateAttachments = (template: Template): void => {
    for (const resource of template.resources) {
      const type = resource.type;
      if (!type) continue;
      if (INLINE_POLICY_LISTS.has(type)) {
        for (const item of listAlternatives(get(resource.properties, 'ManagedPolicyArns'))) {
          out.managed.push(managedRef(item, resource.logicalId, type, `ManagedPolicyArns of ${type} ${resource.logicalId}`));
        }
      }
      if (SAM_POLICY_HOLDERS.has(type)) {
        const effective = template.property(resource, 'Policies');
        if (!effective) continue;
        const where = `Policies of ${type} ${resource.logicalId}${effective.fromGlobals ? ' (from Globals)' : ''}`;
        for (const item of listAlternatives(effective.node)) {
          if (seen.has(item)) continue;
          seen.add(item);
          if (item.kind === 'map' && !item.tag && get(item, 'Statement') === undefined && item.pairs.length === 1) {
            const pair = item.pairs[0];
            if (typeof pair.key.value === 'string') {
              out.samTemplates.push({ keyNode: pair.key, name: pair.key.value, parameters: pair.value, owner: resource.logicalId, location: where });
            }
          } else if (item.kind === 'scalar' || isIntrinsic(item)) {
            out.managed.push(managedRef(item, resource.logicalId, type, where));
          }
        }
      }
    }
  };
  if (input.template) fromTemplateAttachments(input.template);
  if (input.serverless) {
    const service = input.serverless;
    for (const item of listAlternatives(service.providerValue('iam', 'role', 'managedPolicies'))) {
      out.managed.push(managedRef(item, service.serviceName, undefined, 'provider.iam.role.managedPolicies'));
    }
    if (service.resources) fromTemplateAttachments(service.resources);
  }
  return out;
}
