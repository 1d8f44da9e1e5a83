import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iamCompletionDocumentation, iamCompletionsAt } from '../../src/authoring/iam-completion';
import { serviceActions } from '../../src/core/iam/catalog';

function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

function complete(marked: string, path: string) {
  const [text, offset] = at(marked);
  return { text, offset, list: iamCompletionsAt(text, offset, { path }) };
}

const YAML_ROLE = (statement: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
${statement}`;

describe('IAM completion: action names after service:', () => {
  it('JSON: lists the service\'s actions with their access level and replaces the typed word', () => {
    const { text, list } = complete('{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:Put|"], "Resource": "*"}]}', 'policy.json');
    assert.ok(list);
    assert.equal(list.context, 'action');
    assert.equal(text.slice(list.start, list.end), 's3:Put');
    assert.equal(list.items.length, serviceActions('s3').length);
    const put = list.items.find((i) => i.label === 's3:PutObject');
    assert.deepEqual(put && { kind: put.kind, detail: put.detail }, { kind: 'action', detail: 'Write' });
    assert.ok(list.items.find((i) => i.label === 's3:GetObject')!.sortText < put!.sortText, 'Read before Write');
  });

  it('JSON: a string Action value, and NotAction', () => {
    assert.equal(complete('{"Statement": {"Effect": "Deny", "NotAction": "iam:|", "Resource": "*"}}', 'p.json').list?.context, 'action');
  });

  it('YAML: a scalar value, a block list item (both indent styles) and a flow list, while the file does not parse', () => {
    for (const statement of [
      '              - Effect: Allow\n                Action: dynamodb:Ge|',
      '              - Effect: Allow\n                Action:\n                  - dynamodb:GetItem\n                  - dynamodb:|',
      '              - Effect: Allow\n                Action:\n                - dynamodb:|',
      '              - Action: [dynamodb:GetItem, dynamodb:|]',
      '              - Effect: Allow\n                Action: "dynamodb:|"',
      '              - Effect: "Allow"\n                Action: [\n                  "dynamodb:GetItem",\n                  "dynamodb:|"',
    ]) {
      const { list } = complete(YAML_ROLE(statement), 'template.yaml');
      assert.equal(list?.context, 'action', statement);
      assert.ok(list.items.some((i) => i.label === 'dynamodb:GetItem' && i.detail === 'Read'), statement);
    }
  });

  it('offers service prefixes before the colon, inserting `prefix:`', () => {
    const { list } = complete(YAML_ROLE('              - Effect: Allow\n                Action: dyn|'), 'template.yaml');
    const item = list?.items.find((i) => i.label === 'dynamodb');
    assert.deepEqual(item && { kind: item.kind, insertText: item.insertText, detail: item.detail }, { kind: 'service', insertText: 'dynamodb:', detail: 'Amazon DynamoDB' });
  });

  it('serverless.yml statements', () => {
    const { list } = complete('service: s\nprovider:\n  name: aws\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action:\n            - sqs:|\n', 'serverless.yml');
    assert.ok(list?.items.some((i) => i.label === 'sqs:SendMessage'));
  });

  it('stays quiet elsewhere: other keys, Resource values, files Guardpost does not read', () => {
    assert.equal(complete('{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:|"}]}', 'p.json').list, undefined);
    assert.equal(complete(YAML_ROLE('              - Effect: Allow\n                Resource: arn:|'), 'template.yaml').list, undefined);
    assert.equal(complete('services:\n  web:\n    labels:\n      Action: s3:|\n    image: nginx\n', 'docker-compose.yml').list, undefined);
  });
});

describe('IAM completion: condition keys in Condition blocks', () => {
  it('JSON: global keys and the keys of the services the policy uses', () => {
    const { list } = complete('{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"|"}}}]}', 'policy.json');
    assert.equal(list?.context, 'condition-key');
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('aws:SecureTransport'));
    assert.ok(labels.includes('s3:prefix'));
    assert.ok(!labels.some((l) => l.startsWith('ec2:')), 'only services the document uses');
  });

  it('JSON: after other keys of the same operator, and a second operator', () => {
    const { list } = complete('{"Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}, "StringNotEquals": {"aws:SourceVpce": ["vpce-1"], "s3:|"}}}}', 'p.json');
    assert.equal(list?.context, 'condition-key');
    assert.ok(list.items.every((i) => i.label.startsWith('s3:') || i.label.startsWith('aws:')));
    assert.ok(list.items.some((i) => i.label === 's3:TlsVersion' && i.detail === 'Condition key of Amazon S3'));
  });

  it('YAML: a key under an operator under Condition; tag keys insert their fixed head', () => {
    const { list } = complete(YAML_ROLE('              - Effect: Allow\n                Action: s3:GetObject\n                Resource: "*"\n                Condition:\n                  StringEquals:\n                    aws:Res|'), 'template.yaml');
    assert.equal(list?.context, 'condition-key');
    const tag = list.items.find((i) => i.label === 'aws:ResourceTag/${TagKey}');
    assert.equal(tag?.insertText, 'aws:ResourceTag/');
  });

  it('not for condition values, operators or other maps', () => {
    assert.equal(complete('{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "|"}}}}', 'p.json').list, undefined);
    assert.equal(complete('{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"|"}}}', 'p.json').list, undefined);
    assert.equal(complete(YAML_ROLE('              - Effect: Allow\n                Action: s3:GetObject\n                Condition:\n                  |'), 'template.yaml').list, undefined);
  });
});

describe('IAM completion: documentation on resolve', () => {
  it('is the hover text of the item', () => {
    assert.match(iamCompletionDocumentation({ label: 's3:GetObject', kind: 'action', detail: 'Read', sortText: '0GetObject' })!, /Grants permission/);
    assert.match(iamCompletionDocumentation({ label: 'aws:SourceArn', kind: 'condition-key', detail: '', sortText: '' })!, /confused-deputy/);
    assert.match(iamCompletionDocumentation({ label: 's3', kind: 'service', detail: '', sortText: '' })!, /Amazon S3/);
  });
});

describe('IAM completion: a caller that knows the file kind', () => {
  it('skips the check for an unknown kind and trusts a known one', () => {
    const [text, offset] = at('{"Statement": {"Effect": "Allow", "Action": "s3:|"}}');
    assert.equal(iamCompletionsAt(text, offset, { language: 'json', kind: 'unknown' }), undefined);
    assert.equal(iamCompletionsAt(text, offset, { language: 'json', kind: 'iam-policy' })?.context, 'action');
  });
});
