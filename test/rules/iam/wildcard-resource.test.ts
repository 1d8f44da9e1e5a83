import { wildcardResource } from '../../../src/rules/iam/wildcard-resource';
import { testRule, text } from '../../helpers/rule-tester';

testRule(wildcardResource, {
  valid: [
    { name: 'actions that only accept "*" (xray, s3:ListAllMyBuckets, cloudwatch:PutMetricData)', path: 'policy.json', text: '{"Statement": [{"Effect": "Allow", "Action": ["xray:PutTraceSegments", "s3:ListAllMyBuckets", "cloudwatch:PutMetricData"], "Resource": "*"}]}' },
    { name: 'the ECS container agent and the SSM agent (what AWS\'s instance-role policies grant on "*")', path: 'policy.json', text: '{"Statement": [{"Effect": "Allow", "Action": ["ecs:CreateCluster", "ecs:RegisterContainerInstance", "ecs:Poll", "ecs:Submit*", "ssm:UpdateInstanceInformation"], "Resource": "*"}]}' },
    { name: 'a condition on resource tags scopes the statement', path: 'policy.json', text: '{"Statement": [{"Effect": "Allow", "Action": "ec2:StopInstances", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "orders"}}}]}' },
    { name: 'read actions on "*" are not this rule\'s business', path: 'policy.json', text: '{"Statement": [{"Effect": "Allow", "Action": ["dynamodb:GetItem", "s3:GetObject"], "Resource": "*"}]}' },
    { name: 'writing the function\'s own logs (AWSLambdaBasicExecutionRole)', path: 'policy.json', text: '{"Statement": [{"Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "*"}]}' },
    { name: 'Action "*" is iam/admin-access\'s finding', path: 'policy.json', text: '{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}' },
    { name: 'Deny on "*" is a guardrail', path: 'policy.json', text: '{"Statement": [{"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]}' },
    {
      name: 'scoped !Sub, !GetAtt and !Join in CloudFormation YAML',
      path: 'template.yaml',
      text: text`
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: app
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [s3:PutObject, dynamodb:PutItem]
                        Resource:
                          - !Sub 'arn:\${AWS::Partition}:s3:::\${Bucket}/*'
                          - !GetAtt Orders.Arn
                          - !Join ['', ['arn:aws:s3:::', !Ref Bucket, '/*']]
      `,
    },
    {
      name: 'CloudFormation JSON with a scoped Fn::Sub',
      path: 'template.json',
      text: '{"Resources": {"P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": {"Fn::Sub": "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders"}}]}}}}}',
    },
    {
      name: 'SAM policy templates are scoped by construction',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - DynamoDBCrudPolicy:
                    TableName: !Ref Orders
                - SQSSendMessagePolicy:
                    QueueName: !GetAtt Queue.QueueName
      `,
    },
    {
      name: 'serverless.yml with a serverless variable in the ARN',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
          iam:
            role:
              statements:
                - Effect: Allow
                  Action: sqs:SendMessage
                  Resource: arn:aws:sqs:\${aws:region}:\${aws:accountId}:\${self:custom.queue}
      `,
    },
    {
      name: 'resource policies are judged by iam/public-principal, not here',
      path: 'template.yaml',
      text: text`
        Resources:
          BucketPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Bucket
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {AWS: !GetAtt Role.Arn}
                    Action: s3:PutObject
                    Resource: "*"
      `,
    },
  ],
  invalid: [
    {
      name: 'IAM JSON policy (no template to scope to: no fix)',
      path: 'policy.json',
      text: '{"Statement": [{"Effect": "Allow", "Action": ["s3:PutObject", "s3:DeleteObject", "s3:PutBucketPolicy", "s3:PutObjectTagging", "s3:GetObject"], "Resource": "arn:aws:s3:::*/*"}]}',
      findings: [{ text: '"arn:aws:s3:::*/*"', message: '`Resource: arn:aws:s3:::*/*` in statement 1 of policy file lets s3:PutObject, s3:DeleteObject, s3:PutBucketPolicy and 1 more act on every resource of their type: scope it to the resources this principal uses' }],
    },
    {
      name: 'CloudFormation YAML: scope to the table of the same template, S3 objects to Arn/*, a parameter default, !Sub wildcard',
      path: 'template.yaml',
      text: text`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Target:
            Type: String
            Default: "*"
        Resources:
          Orders:
            Type: AWS::DynamoDB::Table
          Uploads:
            Type: AWS::S3::Bucket
          Role:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: app
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [dynamodb:PutItem, dynamodb:GetItem]
                        Resource: "*"
                      - Effect: Allow
                        Action:
                          - s3:PutObject
                          - s3:PutBucketTagging
                        Resource:
                          - !Sub "arn:\${AWS::Partition}:s3:::*"
                      - Effect: Allow
                        Action: sqs:SendMessage
                        Resource: !Ref Target
      `,
      findings: [
        { text: '"*"', resource: 'Role', message: "`Resource: \"*\"` in statement 1 of policy 'app' of AWS::IAM::Role Role lets dynamodb:PutItem act on every resource of its type" },
        { text: '!Sub "arn:${AWS::Partition}:s3:::*"', message: 'lets s3:PutObject and s3:PutBucketTagging act' },
        { text: '!Ref Target', message: '`Resource: "*"` in statement 3' },
      ],
      fixes: [
        { title: 'Scope to Orders (!GetAtt Orders.Arn)', isPreferred: true, output: text`
          AWSTemplateFormatVersion: "2010-09-09"
          Parameters:
            Target:
              Type: String
              Default: "*"
          Resources:
            Orders:
              Type: AWS::DynamoDB::Table
            Uploads:
              Type: AWS::S3::Bucket
            Role:
              Type: AWS::IAM::Role
              Properties:
                Policies:
                  - PolicyName: app
                    PolicyDocument:
                      Statement:
                        - Effect: Allow
                          Action: [dynamodb:PutItem, dynamodb:GetItem]
                          Resource: !GetAtt Orders.Arn
                        - Effect: Allow
                          Action:
                            - s3:PutObject
                            - s3:PutBucketTagging
                          Resource:
                            - !Sub "arn:\${AWS::Partition}:s3:::*"
                        - Effect: Allow
                          Action: sqs:SendMessage
                          Resource: !Ref Target
        ` },
        { finding: 1, title: 'Scope to Uploads (!GetAtt Uploads.Arn, !Sub ${Uploads.Arn}/*)', isPreferred: true, output: text`
          AWSTemplateFormatVersion: "2010-09-09"
          Parameters:
            Target:
              Type: String
              Default: "*"
          Resources:
            Orders:
              Type: AWS::DynamoDB::Table
            Uploads:
              Type: AWS::S3::Bucket
            Role:
              Type: AWS::IAM::Role
              Properties:
                Policies:
                  - PolicyName: app
                    PolicyDocument:
                      Statement:
                        - Effect: Allow
                          Action: [dynamodb:PutItem, dynamodb:GetItem]
                          Resource: "*"
                        - Effect: Allow
                          Action:
                            - s3:PutObject
                            - s3:PutBucketTagging
                          Resource:
                            - !GetAtt Uploads.Arn
                            - !Sub \${Uploads.Arn}/*
                        - Effect: Allow
                          Action: sqs:SendMessage
                          Resource: !Ref Target
        ` },
      ],
    },
    {
      name: 'CloudFormation JSON: scope to the queue',
      path: 'template.json',
      text: '{\n  "Resources": {\n    "Queue": {"Type": "AWS::SQS::Queue"},\n    "P": {\n      "Type": "AWS::IAM::Policy",\n      "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": ["*"]}]}}\n    }\n  }\n}\n',
      findings: [{ range: '6:119-6:122', resource: 'P' }],
      fixes: [{ title: 'Scope to Queue', output: '{\n  "Resources": {\n    "Queue": {"Type": "AWS::SQS::Queue"},\n    "P": {\n      "Type": "AWS::IAM::Policy",\n      "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": [{"Fn::GetAtt": ["Queue", "Arn"]}]}]}}\n    }\n  }\n}\n' }],
    },
    {
      name: 'SAM: a branch of !If, no fitting resource: the ARN format with placeholders',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - Statement:
                    - Effect: Allow
                      Action: kinesis:PutRecord
                      Resource: !If [IsProd, !GetAtt Stream.Arn, "*"]
      `,
      findings: [{ text: '"*"', resource: 'Fn', message: 'lets kinesis:PutRecord act on every resource of its type' }],
      fixes: [{ title: 'Replace with the stream ARN format (fill in ${StreamName})', isPreferred: false, output: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - Statement:
                    - Effect: Allow
                      Action: kinesis:PutRecord
                      Resource: !If [IsProd, !GetAtt Stream.Arn, !Sub "arn:\${AWS::Partition}:kinesis:\${AWS::Region}:\${AWS::AccountId}:stream/\${StreamName}"]
      ` }],
    },
    {
      name: 'serverless.yml: scope to a table of resources.Resources',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
          iam:
            role:
              statements:
                - Effect: Allow
                  Action:
                    - dynamodb:PutItem
                  Resource: "*"
        resources:
          Resources:
            Orders:
              Type: AWS::DynamoDB::Table
      `,
      findings: [{ range: '10:21-10:24', message: 'in statement 1 of provider.iam.role.statements' }],
      fixes: [{ title: 'Scope to Orders (!GetAtt Orders.Arn)', output: text`
        service: orders
        provider:
          name: aws
          iam:
            role:
              statements:
                - Effect: Allow
                  Action:
                    - dynamodb:PutItem
                  Resource: !GetAtt Orders.Arn
        resources:
          Resources:
            Orders:
              Type: AWS::DynamoDB::Table
      ` }],
    },
  ],
});
