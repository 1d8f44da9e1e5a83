import { wildcardAction } from '../../../src/rules/iam/wildcard-action';
import { testRule, text } from '../../helpers/rule-tester';

testRule(wildcardAction, {
  valid: [
    { name: 'specific actions in a policy file', path: 'policy.json', text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}]}' },
    { name: 'read-only partial wildcards (s3:Get*, s3:List*) grant no write', path: 'policy.json', text: '{"Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:List*", "dynamodb:Describe*"], "Resource": "*"}]}' },
    { name: 'a small service with no permissions management is its own least privilege (ec2messages:*, ssmmessages:*, iotjobsdata:*)', path: 'policy.json', text: '{"Statement": [{"Effect": "Allow", "Action": ["ec2messages:*", "ssmmessages:*", "iotjobsdata:*"], "Resource": "*"}]}' },
    { name: 'a partial wildcard within one verb (kms:GenerateDataKey*, ecs:Submit*)', path: 'policy.json', text: '{"Statement": [{"Effect": "Allow", "Action": ["kms:GenerateDataKey*", "ecs:Submit*"], "Resource": "*"}]}' },
    {
      name: 'the default KMS key policy (a resource policy) is not judged here',
      path: 'template.yaml',
      text: text`
        Resources:
          Key:
            Type: AWS::KMS::Key
            Properties:
              KeyPolicy:
                Statement:
                  - Effect: Allow
                    Principal: {AWS: !Sub "arn:aws:iam::\${AWS::AccountId}:root"}
                    Action: kms:*
                    Resource: "*"
      `,
    },
    { name: 'an unknown service is iam/unknown-action\'s business', path: 'policy.json', text: '{"Statement": [{"Effect": "Allow", "Action": "nosuchservice:*", "Resource": "*"}]}' },
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
      name: 'CloudFormation JSON with read-only wildcards',
      path: 'template.json',
      text: '{"Resources": {"P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*"}]}}}}}',
    },
    {
      name: 'serverless.yml with named actions',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
          iam:
            role:
              statements:
                - Effect: Allow
                  Action: [dynamodb:GetItem, dynamodb:PutItem]
                  Resource: !GetAtt Orders.Arn
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
      findings: [{ range: '3:47-3:50', text: '"*"', message: /allows every action in every AWS service \(\d+ actions, including \d+ Write and \d+ Permissions management\)/, severity: 'warning' }],
    },
    {
      name: 'service wildcard in a JSON list: one fix per access level, Read preferred',
      path: 'policy.json',
      text: '{"Statement": [{"Effect": "Allow", "Action": ["sqs:*", "s3:GetObject"], "Resource": "*"}]}',
      findings: [{ text: '"sqs:*"', message: '`sqs:*` in statement 1 of policy file grants 20 actions, including 8 Write and 3 Permissions management, e.g. sqs:AddPermission: list only the actions this principal calls' }],
      fixes: [
        { title: "Replace with sqs's Read actions (3 entries)", isPreferred: true, output: '{"Statement": [{"Effect": "Allow", "Action": ["sqs:Get*", "sqs:List*", "sqs:ReceiveMessage", "s3:GetObject"], "Resource": "*"}]}' },
        { title: "Replace with sqs's Write actions (8 entries)", isPreferred: false, output: '{"Statement": [{"Effect": "Allow", "Action": ["sqs:CancelMessageMoveTask", "sqs:ChangeMessageVisibility", "sqs:CreateQueue", "sqs:DeleteMessage", "sqs:DeleteQueue", "sqs:PurgeQueue", "sqs:SendMessage", "sqs:StartMessageMoveTask", "s3:GetObject"], "Resource": "*"}]}' },
        { title: "Replace with sqs's Permissions management actions (3 entries)", isPreferred: false, output: '{"Statement": [{"Effect": "Allow", "Action": ["sqs:AddPermission", "sqs:RemovePermission", "sqs:SetQueueAttributes", "s3:GetObject"], "Resource": "*"}]}' },
        { title: "Replace with sqs's Tagging actions (2 entries)", isPreferred: false, output: '{"Statement": [{"Effect": "Allow", "Action": ["sqs:TagQueue", "sqs:UntagQueue", "s3:GetObject"], "Resource": "*"}]}' },
      ],
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
                          - sqs:*
                        Resource: !GetAtt Orders.Arn
      `,
      findings: [{ text: 'sqs:*', resource: 'OrdersRole', message: "`sqs:*` in statement 'Tables' of policy 'orders' of AWS::IAM::Role OrdersRole grants 20 actions" }],
      fixes: [{
        title: "sqs's Read actions",
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
                            - sqs:Get*
                            - sqs:List*
                            - sqs:ReceiveMessage
                          Resource: !GetAtt Orders.Arn
        `,
      }],
    },
    {
      name: 'AWS::IAM::Policy and AWS::IAM::ManagedPolicy, flow style kept',
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
      fixes: [{ finding: 1, title: "sqs's Tagging actions", output: text`
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
                Statement: [{Effect: Allow, Action: [sqs:TagQueue, sqs:UntagQueue], Resource: "*"}]
      ` }],
    },
    {
      name: 'CloudFormation JSON template',
      path: 'template.json',
      text: '{\n  "Resources": {\n    "P": {\n      "Type": "AWS::IAM::Policy",\n      "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "sqs:*", "Resource": "*"}]}}\n    }\n  }\n}\n',
      findings: [{ range: '5:85-5:92', text: '"sqs:*"' }],
      fixes: [{ title: "sqs's Read actions", output: '{\n  "Resources": {\n    "P": {\n      "Type": "AWS::IAM::Policy",\n      "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["sqs:Get*", "sqs:List*", "sqs:ReceiveMessage"], "Resource": "*"}]}}\n    }\n  }\n}\n' }],
    },
    {
      name: 'SAM: a branch of !If, a parameter default, partial wildcards with writes',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Actions:
            Type: String
            Default: "s3:*"
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - AWSLambdaBasicExecutionRole
                - Statement:
                    - Effect: Allow
                      Action: !If [IsProd, s3:GetObject, sqs:*]
                      Resource: "*"
                    - Effect: Allow
                      Action: !Ref Actions
                      Resource: "*"
                    - Effect: Allow
                      Action: [s3:Get*, xray:Put*]
                      Resource: "*"
      `,
      findings: [
        { text: 'sqs:*', resource: 'Fn' },
        { text: '!Ref Actions', message: '`s3:*` in statement 2 of Policies of AWS::Serverless::Function Fn grants 180 actions, including 57 Write and 27 Permissions management, e.g. s3:PutBucketPolicy' },
        { text: 'xray:Put*', message: '`xray:Put*` in statement 3 of Policies of AWS::Serverless::Function Fn grants 6 actions, including 5 Write and 1 Permissions management, e.g. xray:PutEncryptionConfig' },
      ],
      fixes: [
        { title: "sqs's Read actions", isPreferred: true, output: text`
          Transform: AWS::Serverless-2016-10-31
          Parameters:
            Actions:
              Type: String
              Default: "s3:*"
          Resources:
            Fn:
              Type: AWS::Serverless::Function
              Properties:
                Policies:
                  - AWSLambdaBasicExecutionRole
                  - Statement:
                      - Effect: Allow
                        Action: !If [IsProd, s3:GetObject, [sqs:Get*, sqs:List*, sqs:ReceiveMessage]]
                        Resource: "*"
                      - Effect: Allow
                        Action: !Ref Actions
                        Resource: "*"
                      - Effect: Allow
                        Action: [s3:Get*, xray:Put*]
                        Resource: "*"
        ` },
        { finding: 2, title: 'Replace with the Permissions management actions `xray:Put*` matches (xray:PutEncryptionConfig)', isPreferred: false, output: text`
          Transform: AWS::Serverless-2016-10-31
          Parameters:
            Actions:
              Type: String
              Default: "s3:*"
          Resources:
            Fn:
              Type: AWS::Serverless::Function
              Properties:
                Policies:
                  - AWSLambdaBasicExecutionRole
                  - Statement:
                      - Effect: Allow
                        Action: !If [IsProd, s3:GetObject, sqs:*]
                        Resource: "*"
                      - Effect: Allow
                        Action: !Ref Actions
                        Resource: "*"
                      - Effect: Allow
                        Action: [s3:Get*, xray:PutEncryptionConfig]
                        Resource: "*"
        ` },
      ],
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
                  Action: sqs:*
                  Resource: "*"
      `,
      findings: [{ range: '8:19-8:24', message: 'in statement 1 of provider.iam.role.statements' }],
      fixes: [{ title: "sqs's Read actions", output: text`
        service: orders
        provider:
          name: aws
          iam:
            role:
              statements:
                - Effect: Allow
                  Action:
                    - sqs:Get*
                    - sqs:List*
                    - sqs:ReceiveMessage
                  Resource: "*"
      ` }],
    },
    {
      name: 'serverless.yml legacy provider.iamRoleStatements and per-function iamRoleStatements',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
          iamRoleStatements:
            - Effect: "Allow"
              Action: ["*"]
              Resource: "*"
        functions:
          resize:
            handler: index.handler
            iamRoleStatements:
              - Effect: Allow
                Action: s3:Put*
                Resource: arn:aws:s3:::images/*
      `,
      findings: [{ text: '"*"', message: 'provider.iamRoleStatements' }, { text: 's3:Put*', message: 'iamRoleStatements of function resize', resource: 'resize' }],
    },
    {
      name: 'info: a partial wildcard whose writes span several verbs',
      path: 'policy.json',
      text: '{"Statement": [{"Effect": "Allow", "Action": ["kafka-cluster:*Topic*"], "Resource": "*"}]}',
      findings: [
        { text: '"kafka-cluster:*Topic*"', severity: 'info', message: '`kafka-cluster:*Topic*` in statement 1 of policy file grants 6 actions, including 4 Write, e.g. kafka-cluster:AlterTopic' },
      ],
      fixes: [
        { title: 'Replace with the List actions `kafka-cluster:*Topic*` matches (2 entries)', isPreferred: true, output: '{"Statement": [{"Effect": "Allow", "Action": ["kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration"], "Resource": "*"}]}' },
        { title: 'Replace with the Write actions `kafka-cluster:*Topic*` matches (4 entries)', isPreferred: false, output: '{"Statement": [{"Effect": "Allow", "Action": ["kafka-cluster:AlterTopic", "kafka-cluster:AlterTopicDynamicConfiguration", "kafka-cluster:CreateTopic", "kafka-cluster:DeleteTopic"], "Resource": "*"}]}' },
      ],
    },
    {
      name: 'CRLF, non-ASCII and a BOM keep exact columns',
      path: 'policy.yaml',
      text: '\uFEFF# Politique d’accès — ünïcödé\r\nStatement:\r\n  - Effect: Allow # café\r\n    Action: "kms:*"\r\n    Resource: "*"\r\n',
      findings: [{ range: '4:13-4:20', text: '"kms:*"' }],
    },
  ],
});
