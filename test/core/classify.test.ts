import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify } from '../../src/core/classify';
import { parseDocument } from '../../src/core/parse';
import type { FileKind } from '../../src/core/types';

const cases: [string, 'yaml' | 'json', string, FileKind][] = [
  ['IAM policy JSON', 'json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}', 'iam-policy'],
  ['IAM policy YAML', 'yaml', 'Version: "2012-10-17"\nStatement:\n  - Effect: Deny\n    Action: "*"\n', 'iam-policy'],
  ['a single statement', 'json', '{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}', 'iam-policy'],
  ['a list of statements', 'json', '[{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}]', 'iam-policy'],
  ['CloudFormation with a version', 'yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n', 'cloudformation'],
  ['CloudFormation without a version', 'json', '{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}', 'cloudformation'],
  ['SAM (string transform)', 'yaml', 'Transform: AWS::Serverless-2016-10-31\nResources: {}\n', 'sam'],
  ['SAM (transform list)', 'yaml', 'Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\nResources: {}\n', 'sam'],
  ['serverless.yml', 'yaml', 'service: x\nprovider:\n  name: aws\n', 'serverless'],
  ['serverless.yml with provider as a string', 'yaml', 'service: x\nprovider: aws\n', 'serverless'],
  // Look-alikes stay unknown.
  ['serverless for another cloud', 'yaml', 'service: x\nprovider:\n  name: azure\n', 'unknown'],
  ['docker-compose', 'yaml', 'services:\n  web:\n    image: nginx\n', 'unknown'],
  ['GitHub workflow', 'yaml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: []\n', 'unknown'],
  ['package.json', 'json', '{"name": "x", "version": "1.0.0", "scripts": {"test": "node --test"}}', 'unknown'],
  ['Kubernetes manifest with Resources', 'yaml', 'kind: Pod\nResources:\n  limits:\n    cpu: 1\n', 'unknown'],
  ['a Statement that is not IAM', 'yaml', 'Statement: "I solemnly swear"\n', 'unknown'],
  ['empty', 'yaml', '', 'unknown'],
  ['a scalar', 'yaml', 'hello\n', 'unknown'],
];

describe('classification by content', () => {
  for (const [name, language, text, expected] of cases) {
    it(`${name} → ${expected}`, () => {
      const doc = parseDocument(text, language);
      assert.equal(classify(doc.roots[0]), expected);
    });
  }
});
