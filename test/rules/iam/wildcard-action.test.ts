import { wildcardAction } from '../../../src/rules/iam/wildcard-action';
import { testRule, text } from '../../helpers/rule-tester';

testRule(wildcardAction, {
  valid: [
    { name: 'specific actions in a policy file', path: 'policy.json', text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}]}' },
    { name: 'Deny with a wildcard is a guardrail', path: 'policy.json', text: '{"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}' },
    {
      name: 'trust policies are not permission grants',
      path: 'template.yaml',
      text: text`
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {Service: lambda.amazonaws.com}
                    Action: sts:AssumeRole
      `,
    },
    {
      name: 'a docker-compose file is not read',
      path: 'docker-compose.yml',
      text: text`
        services:
          web:
            image: "nginx:*"
      `,
    },
  ],
  invalid: [
    {
      name: 'Action "*" in a standalone JSON policy',
      path: 'policy.json',
      text: '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]\n}\n',
      findings: [{ range: '3:47-3:50', text: '"*"', message: 'allows every action in every AWS service', severity: 'warning' }],
    },
    {
      name: 'service wildcard in a JSON list, fixed in place',
      path: 'policy.json',
      text: '{"Statement": [{"Effect": "Allow", "Action": ["s3:*", "sqs:SendMessage"], "Resource": "*"}]}',
      findings: [{ text: '"s3:*"', message: '`s3:*` in statement 1' }],
      fixes: [{ title: 'Limit to read-only actions', isPreferred: true, output: '{"Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:List*", "s3:Describe*", "sqs:SendMessage"], "Resource": "*"}]}' }],
    },
    {
      name: 'AWS::IAM::Role inline policy (block list)',
      path: 'template.yaml',
      text: text`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          OrdersRole:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: orders
                  PolicyDocument:
                    Statement:
                      - Sid: Tables
                        Effect: Allow
                        Action:
                          - dynamodb:*
                        Resource: !GetAtt Orders.Arn
      `,
      findings: [{ text: 'dynamodb:*', resource: 'OrdersRole', message: "in statement 'Tables' of policy 'orders' of AWS::IAM::Role OrdersRole" }],
      fixes: [{
        title: 'Limit to read-only actions',
        output: text`
          AWSTemplateFormatVersion: "2010-09-09"
          Resources:
            OrdersRole:
              Type: AWS::IAM::Role
              Properties:
                Policies:
                  - PolicyName: orders
                    PolicyDocument:
                      Statement:
                        - Sid: Tables
                          Effect: Allow
                          Action:
                            - dynamodb:Get*
                            - dynamodb:List*
                            - dynamodb:Describe*
                          Resource: !GetAtt Orders.Arn
        `,
      }],
    },
    {
      name: 'AWS::IAM::Policy and AWS::IAM::ManagedPolicy',
      path: 'template.yaml',
      text: text`
        Resources:
          P1:
            Type: AWS::IAM::Policy
            Properties:
              PolicyDocument:
                Statement: {Effect: Allow, Action: "*", Resource: "*"}
          P2:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement: [{Effect: Allow, Action: [sqs:*], Resource: "*"}]
      `,
      findings: [{ text: '"*"', resource: 'P1' }, { text: 'sqs:*', resource: 'P2' }],
      fixes: [{ finding: 1, title: 'read-only', output: text`
        Resources:
          P1:
            Type: AWS::IAM::Policy
            Properties:
              PolicyDocument:
                Statement: {Effect: Allow, Action: "*", Resource: "*"}
          P2:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement: [{Effect: Allow, Action: [sqs:Get*, sqs:List*, sqs:Describe*], Resource: "*"}]
      ` }],
    },
    {
      name: 'CloudFormation JSON template',
      path: 'template.json',
      text: '{\n  "Resources": {\n    "P": {\n      "Type": "AWS::IAM::Policy",\n      "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]}}\n    }\n  }\n}\n',
      findings: [{ range: '5:85-5:92', text: '"ec2:*"' }],
      fixes: [{ title: 'read-only', output: '{\n  "Resources": {\n    "P": {\n      "Type": "AWS::IAM::Policy",\n      "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["ec2:Get*", "ec2:List*", "ec2:Describe*"], "Resource": "*"}]}}\n    }\n  }\n}\n' }],
    },
    {
      name: 'SAM function Policies with an inline statement, and a branch of !If',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - AWSLambdaBasicExecutionRole
                - Statement:
                    - Effect: Allow
                      Action: !If [IsProd, s3:GetObject, s3:*]
                      Resource: "*"
      `,
      findings: [{ text: 's3:*', resource: 'Fn' }],
    },
    {
      name: 'serverless.yml provider.iam.role.statements (scalar action becomes a block list)',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
          iam:
            role:
              statements:
                - Effect: Allow
                  Action: s3:*
                  Resource: "*"
      `,
      findings: [{ range: '8:19-8:23' }],
      fixes: [{ title: 'read-only', output: text`
        service: orders
        provider:
          name: aws
          iam:
            role:
              statements:
                - Effect: Allow
                  Action:
                    - s3:Get*
                    - s3:List*
                    - s3:Describe*
                  Resource: "*"
      ` }],
    },
    {
      name: 'serverless.yml legacy provider.iamRoleStatements',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
          iamRoleStatements:
            - Effect: "Allow"
              Action: ["*"]
              Resource: "*"
      `,
      findings: [{ text: '"*"', message: 'provider.iamRoleStatements' }],
    },
    {
      name: 'CRLF, non-ASCII and a BOM keep exact columns',
      path: 'policy.yaml',
      text: '\uFEFF# Politique d’accès — ünïcödé\r\nStatement:\r\n  - Effect: Allow # café\r\n    Action: "kms:*"\r\n    Resource: "*"\r\n',
      findings: [{ range: '4:13-4:20', text: '"kms:*"' }],
    },
  ],
});
