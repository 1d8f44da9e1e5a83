import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getPath, literalString, nodeStart } from '../../src/core/ast';
import { alternatives, stringPattern, valueOf } from '../../src/core/intrinsics';
import { extractPolicies } from '../../src/core/model/policies';
import { ServerlessService } from '../../src/core/model/serverless';
import { Template } from '../../src/core/model/template';
import { parseDocument } from '../../src/core/parse';
import type { MapNode } from '../../src/core/ast';
import { text } from '../helpers/rule-tester';

function root(source: string, language: 'yaml' | 'json' = 'yaml'): MapNode {
  const doc = parseDocument(source, language);
  assert.deepEqual(doc.problems, []);
  return doc.roots[0] as MapNode;
}

describe('intrinsic values', () => {
  it('reads Ref, GetAtt, Sub, dynamic references and serverless variables in both forms', () => {
    const r = root(text`
      A: !Ref Table
      B: {"Ref": "Table"}
      C: !GetAtt Fn.Arn
      D: {"Fn::GetAtt": [Fn, Arn]}
      E: !Sub "arn:\${AWS::Partition}:s3:::\${Bucket}/*"
      F: !Sub ["\${X}-\${!Literal}", {X: !Ref Y}]
      G: "{{resolve:secretsmanager:db:SecretString:password}}"
      H: \${ssm:/orders/db-password}
      I: plain
      J: !Join ["", ["arn:aws:s3:::", !Ref B, "/*"]]
    `);
    assert.deepEqual(valueOf(getPath(r, ['A'])!), { kind: 'ref', target: 'Table' });
    assert.deepEqual(valueOf(getPath(r, ['B'])!), { kind: 'ref', target: 'Table' });
    assert.deepEqual(valueOf(getPath(r, ['C'])!), { kind: 'getatt', resource: 'Fn', attribute: 'Arn' });
    assert.deepEqual(valueOf(getPath(r, ['D'])!), { kind: 'getatt', resource: 'Fn', attribute: 'Arn' });
    const e = valueOf(getPath(r, ['E'])!);
    assert.equal(e.kind, 'sub');
    assert.equal(stringPattern(getPath(r, ['E'])!), 'arn:${AWS::Partition}:s3:::${Bucket}/*');
    const f = valueOf(getPath(r, ['F'])!);
    assert.ok(f.kind === 'sub' && f.variables.has('X'));
    assert.equal(stringPattern(getPath(r, ['F'])!), '${X}-${Literal}');
    assert.deepEqual(valueOf(getPath(r, ['G'])!), { kind: 'dynamic-ref', service: 'secretsmanager', reference: 'db:SecretString:password' });
    assert.deepEqual(valueOf(getPath(r, ['H'])!), { kind: 'serverless-var', source: 'ssm', expression: '${ssm:/orders/db-password}' });
    assert.deepEqual(valueOf(getPath(r, ['I'])!), { kind: 'literal', value: 'plain' });
    assert.equal(stringPattern(getPath(r, ['J'])!), 'arn:aws:s3:::${?}/*');
  });

  it('judges both branches of !If and drops AWS::NoValue', () => {
    const r = root('A: !If [Prod, "s3:GetObject", !If [Dev, "s3:*", !Ref AWS::NoValue]]\n');
    assert.deepEqual(alternatives(getPath(r, ['A'])!).map((n) => literalString(n)), ['s3:GetObject', 's3:*']);
  });
});

describe('Template view', () => {
  it('lists resources and parameters, and applies SAM Globals with their origin', () => {
    const source = text`
      Transform: AWS::Serverless-2016-10-31
      Parameters:
        Secret: {Type: String, NoEcho: true}
      Globals:
        Function:
          Runtime: nodejs20.x
          Timeout: 10
      Resources:
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Timeout: 30
    `;
    const t = new Template(root(source), 'sam');
    const fn = t.resourcesById.get('Fn')!;
    assert.equal(fn.type, 'AWS::Serverless::Function');
    assert.equal(t.parameter('Secret')?.noEcho, true);
    const runtime = t.property(fn, 'Runtime')!;
    assert.equal(runtime.fromGlobals, true);
    assert.equal(literalString(runtime.node), 'nodejs20.x');
    assert.equal(t.property(fn, 'Timeout')!.fromGlobals, false);
  });
});

describe('ServerlessService view', () => {
  it('reads provider, functions with events, and resources as a template', () => {
    const s = new ServerlessService(root(text`
      service: orders
      provider: {name: aws}
      functions:
        list:
          handler: h.list
          events:
            - http: GET /orders
            - httpApi: {path: /x, method: post}
      resources:
        Resources:
          Q: {Type: AWS::SQS::Queue}
    `));
    assert.equal(s.serviceName, 'orders');
    assert.deepEqual(s.functions.map((f) => [f.name, f.events.map((e) => e.type)]), [['list', ['http', 'httpApi']]]);
    assert.equal(s.resources?.resourcesById.get('Q')?.type, 'AWS::SQS::Queue');
  });
});

describe('policy extractor', () => {
  it('finds policies in a role, a managed policy, a SAM function and keeps statement ranges', () => {
    const source = text`
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Role:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument:
              Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
            Policies:
              - PolicyName: one
                PolicyDocument:
                  Statement:
                    - Sid: Read
                      Effect: Allow
                      Action: s3:GetObject
                      Resource: "*"
        Managed:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument: {Statement: {Effect: Allow, Action: sqs:*, Resource: "*"}}
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Policies:
              - S3ReadPolicy: {BucketName: b}
              - Statement: [{Effect: Allow, Action: [sns:Publish], Resource: "*"}]
    `;
    const r = root(source);
    const docs = extractPolicies({ kind: 'sam', root: r, template: new Template(r, 'sam') });
    assert.deepEqual(docs.map((d) => [d.kind, d.owner, d.statements.length]), [
      ['trust', 'Role', 1], ['identity', 'Role', 1], ['identity', 'Managed', 1], ['identity', 'Fn', 1],
    ]);
    const read = docs[1].statements[0];
    assert.equal(read.sid, 'Read');
    assert.equal(source.slice(nodeStart(read.action!.node), read.action!.node.end), 's3:GetObject');
  });

  it('finds serverless provider.iam.role.statements and legacy iamRoleStatements', () => {
    const r = root('service: s\nprovider:\n  name: aws\n  iam:\n    role:\n      statements:\n        - {Effect: Allow, Action: "s3:*", Resource: "*"}\n  iamRoleStatements:\n    - {Effect: Allow, Action: "sqs:*", Resource: "*"}\n');
    const docs = extractPolicies({ kind: 'serverless', root: r, serverless: new ServerlessService(r) });
    assert.deepEqual(docs.map((d) => d.location), ['provider.iam.role.statements', 'provider.iamRoleStatements']);
  });
});
