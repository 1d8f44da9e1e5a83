import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify } from '../../../src/core/classify';
import { extractAttachments, extractPolicies } from '../../../src/core/model/policies';
import { ServerlessService } from '../../../src/core/model/serverless';
import { Template } from '../../../src/core/model/template';
import { parseDocument } from '../../../src/core/parse';
import { elementValues, isWildcardResource } from '../../../src/core/iam/values';
import type { MapNode } from '../../../src/core/ast';
import { text } from '../../helpers/rule-tester';

function views(source: string, language: 'yaml' | 'json' = 'yaml') {
  const root = parseDocument(source, language).roots[0];
  const kind = classify(root);
  const serverless = kind === 'serverless' ? new ServerlessService(root as MapNode) : undefined;
  const template = kind === 'cloudformation' || kind === 'sam' ? new Template(root as MapNode, kind) : undefined;
  return { kind, policies: extractPolicies({ kind, root, template, serverless }), attachments: extractAttachments({ template, serverless }) };
}

describe('policy model: every place a policy lives', () => {
  it('SAM Globals policies are one document for every function, with each function as a principal', () => {
    const { policies, attachments } = views(text`
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function:
          Policies:
            - AWSXrayWriteOnlyAccess
            - Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]
      Resources:
        A: {Type: AWS::Serverless::Function}
        B: {Type: AWS::Serverless::Function}
        C:
          Type: AWS::Serverless::Function
          Properties:
            Policies:
              - DynamoDBCrudPolicy: {TableName: !Ref T}
              - !Sub arn:\${AWS::Partition}:iam::aws:policy/AdministratorAccess
    `);
    assert.equal(policies.length, 1);
    assert.deepEqual(policies[0].principals, ['A', 'B']);
    assert.match(policies[0].location, /from Globals/);
    assert.deepEqual(attachments.managed.map((m) => [m.name, m.awsManaged, m.owner]), [['AWSXrayWriteOnlyAccess', true, 'A'], ['AdministratorAccess', true, 'C']]);
    assert.deepEqual(attachments.samTemplates.map((t) => [t.name, t.owner]), [['DynamoDBCrudPolicy', 'C']]);
  });

  it('roles, users, groups, attached policies and resource policies', () => {
    const { policies, attachments } = views(text`
      Resources:
        Role:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]}
            ManagedPolicyArns: [arn:aws:iam::123456789012:policy/Mine]
        User:
          Type: AWS::IAM::User
          Properties:
            Policies: [{PolicyName: u, PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]}}]
        Attached:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            Roles: [!Ref Role]
            Groups: [Admins]
            PolicyDocument: {Statement: [{Effect: Allow, Action: sqs:SendMessage, Resource: "*"}]}
        Bucket:
          Type: AWS::S3::BucketPolicy
          Properties:
            PolicyDocument: {Statement: [{Effect: Allow, Principal: "*", Action: s3:GetObject, Resource: "*"}]}
    `);
    assert.deepEqual(policies.map((p) => [p.kind, p.owner, p.principals]), [
      ['trust', 'Role', ['Role']],
      ['identity', 'User', ['User']],
      ['identity', 'Attached', ['Role', 'Admins']],
      ['resource', 'Bucket', []],
    ]);
    assert.deepEqual(attachments.managed.map((m) => [m.name, m.awsManaged]), [['Mine', false]]);
  });

  it('serverless.yml: provider statements, legacy statements, managedPolicies, per-function roles, resource policy', () => {
    const { policies, attachments } = views(text`
      service: orders
      provider:
        name: aws
        iam:
          role:
            statements: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]
            managedPolicies: [arn:aws:iam::aws:policy/PowerUserAccess]
        apiGateway:
          resourcePolicy: [{Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: execute-api:/*}]
      functions:
        resize:
          handler: h.handler
          iamRoleStatements: [{Effect: Allow, Action: s3:PutObject, Resource: "*"}]
    `);
    assert.deepEqual(policies.map((p) => [p.location, p.principals]), [
      ['provider.iam.role.statements', ['role of service orders']],
      ['provider.apiGateway.resourcePolicy', []],
      ['iamRoleStatements of function resize', ['function resize']],
    ]);
    assert.deepEqual(attachments.managed.map((m) => m.name), ['PowerUserAccess']);
  });

  it('judges intrinsics: !Sub wildcards, scoped !Sub, parameter defaults, both !If branches', () => {
    const { policies } = views(text`
      Parameters:
        Target: {Type: String, Default: "*"}
      Resources:
        P:
          Type: AWS::IAM::Policy
          Properties:
            PolicyDocument:
              Statement:
                - Effect: Allow
                  Action: s3:PutObject
                  Resource:
                    - !Sub 'arn:\${AWS::Partition}:s3:::\${Bucket}/*'
                    - !Sub 'arn:aws:s3:::*'
                    - !Ref Target
                    - !If [IsProd, !GetAtt B.Arn, "*"]
    `);
    const values = elementValues(policies[0].statements[0].resource, policies[0].template);
    assert.deepEqual(values.map((v) => [v.text, isWildcardResource(v.text), v.parameter?.name]), [
      ['arn:${AWS::Partition}:s3:::${Bucket}/*', false, undefined],
      ['arn:aws:s3:::*', true, undefined],
      ['*', true, 'Target'],
      [undefined, false, undefined],
      ['*', true, undefined],
    ]);
  });
});
