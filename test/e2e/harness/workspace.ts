/** Test workspaces: a fresh copy of a fixture folder per run (tests edit and save files), plus generated ones. */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './env';

export const FIXTURES = join(REPO, 'test', 'e2e', 'fixtures');

export function copyFixture(name: string, dest: string): string {
  cpSync(join(FIXTURES, name), dest, { recursive: true });
  return dest;
}

/** One small SAM template with exactly one `iam/wildcard-action` finding (on `sqs:*`, 0-based range 14:22-14:27). */
export function generatedTemplate(i: number): string {
  return [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Transform: AWS::Serverless-2016-10-31',
    `Description: generated service ${i}`,
    'Resources:',
    `  Queue${i}:`,
    '    Type: AWS::SQS::Queue',
    `  Worker${i}:`,
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Runtime: nodejs20.x',
    '      Handler: index.handler',
    '      Policies:',
    '        - Statement:',
    '            - Effect: Allow',
    '              Action: sqs:*',
    `              Resource: !GetAtt Queue${i}.Arn`,
    '',
  ].join('\n');
}

/**
 * A CloudFormation template just under `bytes` long: many roles with specific actions and one
 * `iam/wildcard-action` finding in the LAST resource, so the whole file must be read to find it.
 */
export function largeTemplate(bytes: number): string {
  const head = 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: large generated template\nResources:\n';
  const resource = (i: number, action: string) =>
    [
      `  Role${i}:`,
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal:',
      '              Service: lambda.amazonaws.com',
      '            Action: sts:AssumeRole',
      '      Policies:',
      `        - PolicyName: policy${i}`,
      '          PolicyDocument:',
      '            Version: "2012-10-17"',
      '            Statement:',
      `              - Sid: Read${i}`,
      '                Effect: Allow',
      '                Action:',
      `                  - ${action}`,
      `                Resource: arn:aws:s3:::bucket-${i}/*`,
      '',
    ].join('\n');
  const parts = [head];
  let size = head.length;
  const last = resource(999999, 'kms:*');
  for (let i = 0; ; i++) {
    const r = resource(i, 's3:GetObject');
    if (size + r.length + last.length > bytes) break;
    parts.push(r);
    size += r.length;
  }
  parts.push(last);
  return parts.join('');
}

export const LARGE_TEMPLATE_BYTES = 5 * 1000 * 1000; // 5 MB (decimal), under the engine's 5 MiB skip limit

/** The robustness workspace: the fixture folder, 200 generated templates and a 5 MB template. */
export function makeRobustnessWorkspace(dest: string): string {
  copyFixture('robustness', dest);
  mkdirSync(join(dest, 'generated'), { recursive: true });
  for (let i = 0; i < 200; i++) {
    writeFileSync(join(dest, 'generated', `service-${String(i).padStart(3, '0')}.yaml`), generatedTemplate(i));
  }
  mkdirSync(join(dest, 'large'), { recursive: true });
  writeFileSync(join(dest, 'large', 'big-template.yaml'), largeTemplate(LARGE_TEMPLATE_BYTES));
  return dest;
}
