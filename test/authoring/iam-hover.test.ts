import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionHoverMarkdown, conditionKeyHoverMarkdown, iamHoverAt, wildcardHoverMarkdown } from '../../src/authoring/iam-hover';
import { expandActionPattern } from '../../src/core/iam/catalog';

/** Text with `|` marking the cursor; returns the text without it and the offset. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

describe('IAM hover: an action', () => {
  it('shows description, access level, resource types and condition keys', () => {
    const md = actionHoverMarkdown('s3:GetObject');
    assert.match(md, /^\*\*`s3:GetObject`\*\* · Read/);
    assert.match(md, /Grants permission to retrieve objects/);
    assert.match(md, /\*\*Resource types:\*\* .*`object` \(`arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}`\)/);
    assert.match(md, /\*\*Condition keys:\*\* .*`s3:TlsVersion`/);
  });

  it('says when an action only accepts Resource "*"', () => {
    assert.match(actionHoverMarkdown('s3:ListAllMyBuckets'), /only `"\*"`/);
  });

  it('names an unknown action or service instead of guessing', () => {
    assert.match(actionHoverMarkdown('s3:GetObjekt'), /is not an action of Amazon S3/);
    assert.match(actionHoverMarkdown('nosuchservice:Get'), /`nosuchservice` is not an AWS service prefix/);
  });

  it('collapses a long list of condition keys', () => {
    const md = actionHoverMarkdown('s3:PutObject');
    assert.match(md, /… and \d+ more/);
  });
});

describe('IAM hover: a wildcard', () => {
  it('counts the actions a service wildcard grants by access level, most dangerous first, collapsed', () => {
    const md = wildcardHoverMarkdown('s3:*');
    const total = expandActionPattern('s3:*').length;
    assert.match(md, new RegExp(`grants ${total} actions of Amazon S3: \\d+ Permissions management, \\d+ Write`));
    assert.match(md, /\*\*Permissions management\*\* \(\d+\): `s3:/);
    assert.match(md, /… and \d+ more/);
    assert.ok(md.indexOf('**Permissions management**') < md.indexOf('**Read**'));
  });

  it('lists every action of a short wildcard', () => {
    const md = wildcardHoverMarkdown('sqs:Delete*');
    assert.doesNotMatch(md, /more/);
    assert.match(md, /`sqs:DeleteMessage`/);
    assert.match(md, /`sqs:DeleteQueue`/);
  });

  it('covers every service for "*"', () => {
    assert.match(wildcardHoverMarkdown('*'), /grants \d+ actions in \d+ services/);
  });

  it('says when a pattern matches nothing', () => {
    assert.match(wildcardHoverMarkdown('s3:Frobnicate*'), /matches no action/);
  });
});

describe('IAM hover: condition keys', () => {
  it('explains global keys, tag-key templates included', () => {
    assert.match(conditionKeyHoverMarkdown('aws:SecureTransport'), /global condition key[\s\S]*TLS/);
    assert.match(conditionKeyHoverMarkdown('aws:ResourceTag/team'), /Tag attached to the resource/);
  });
  it('names the service and the actions that support a service key', () => {
    assert.match(conditionKeyHoverMarkdown('s3:prefix'), /condition key of Amazon S3, supported by \d+ actions?: .*`s3:ListBucket`/);
    assert.match(conditionKeyHoverMarkdown('s3:nosuchkey'), /has no such condition key/);
  });
});

describe('iamHoverAt: finds what the cursor is on, in every file kind', () => {
  it('JSON policy: action, wildcard in a list, condition key', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "sqs:Send*"], "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}';
    const action = iamHoverAt(text, text.indexOf('GetObject'), { path: 'policy.json' });
    assert.ok(action);
    assert.match(action.markdown, /`s3:GetObject`\*\* · Read/);
    assert.equal(text.slice(action.start, action.end), '"s3:GetObject"');
    assert.match(iamHoverAt(text, text.indexOf('Send*'), { path: 'policy.json' })!.markdown, /grants \d+ actions? of Amazon SQS/);
    assert.match(iamHoverAt(text, text.indexOf('SecureTransport'), { path: 'policy.json' })!.markdown, /global condition key/);
    assert.equal(iamHoverAt(text, text.indexOf('Version'), { path: 'policy.json' }), undefined);
  });

  it('CloudFormation YAML: a role policy, and both branches of an !If', () => {
    const [text, offset] = at(`Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action:
                  - !If [IsProd, dynamodb:GetItem, dynamodb:Put|Item]
                Resource: '*'
`);
    const hover = iamHoverAt(text, offset, { path: 'template.yaml' });
    assert.ok(hover);
    assert.match(hover.markdown, /`dynamodb:PutItem`\*\* · Write/);
    const trust = iamHoverAt(text, text.indexOf('sts:AssumeRole') + 2, { path: 'template.yaml' });
    assert.match(trust!.markdown, /`sts:AssumeRole`/);
  });

  it('serverless.yml provider.iam.role.statements, with the NotAction note', () => {
    const [text, offset] = at(`service: s
provider:
  name: aws
  iam:
    role:
      statements:
        - Effect: Allow
          NotAction: iam:*|
          Resource: '*'
`);
    const hover = iamHoverAt(text, offset, { path: 'serverless.yml' });
    assert.match(hover!.markdown, /AWS Identity and Access Management|IAM/);
    assert.match(hover!.markdown, /allows every action \*\*except\*\* these/);
  });

  it('stays quiet outside policies and in files Guardpost does not read', () => {
    const compose = 'services:\n  web:\n    image: nginx\n    environment:\n      Action: s3:GetObject\n';
    assert.equal(iamHoverAt(compose, compose.indexOf('GetObject'), { path: 'docker-compose.yml' }), undefined);
  });
});
