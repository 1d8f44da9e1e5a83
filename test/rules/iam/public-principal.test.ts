import { publicPrincipal } from '../../../src/rules/iam/public-principal';
import { testRule, text } from '../../helpers/rule-tester';

testRule(publicPrincipal, {
  valid: [
    {
      name: "a bucket policy file naming an account",
      path: "bucket-policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}, \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::orders/*\"}]}",
    },
    {
      name: "Principal \"*\" narrowed by aws:PrincipalOrgID",
      path: "bucket-policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::orders/*\", \"Condition\": {\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-abc123\"}}}]}",
    },
    {
      name: "Deny to everyone (TLS only) is a guardrail",
      path: "template.yaml",
      text: text`
        Resources:
          BucketPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Bucket
              PolicyDocument:
                Statement:
                  - Effect: Deny
                    Principal: "*"
                    Action: s3:*
                    Resource: !Sub \${Bucket.Arn}/*
                    Condition: {Bool: {aws:SecureTransport: false}}
      `,
    },
    {
      name: "SNS to SQS with aws:SourceArn (CloudFormation JSON)",
      path: "template.json",
      text: "{\"Resources\": {\"QP\": {\"Type\": \"AWS::SQS::QueuePolicy\", \"Properties\": {\"Queues\": [{\"Ref\": \"Q\"}], \"PolicyDocument\": {\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"sqs:SendMessage\", \"Resource\": \"*\", \"Condition\": {\"ArnEquals\": {\"aws:SourceArn\": {\"Ref\": \"Topic\"}}}}]}}}}}",
    },
    {
      name: "an API Gateway resource policy that lets anyone invoke (the route rules judge auth)",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
          apiGateway:
            resourcePolicy:
              - Effect: Allow
                Principal: "*"
                Action: execute-api:Invoke
                Resource: execute-api:/*
      `,
    },
    {
      name: "identity policies have no principal",
      path: "template.yaml",
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]
      `,
    },
  ],
  invalid: [
    {
      name: "IAM JSON resource policy: anyone may write (error, no fix without a template)",
      path: "bucket-policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": [\"s3:PutObject\"], \"Resource\": \"arn:aws:s3:::orders/*\"}]}",
      findings: [
        { text: "\"*\"", severity: 'error', resource: "statement 1", message: "statement 1 of policy file allows anyone (Principal \"*\") to act with no condition on account, organization, source or network: name the principals, or add a condition such as aws:PrincipalOrgID, aws:SourceArn or aws:SourceAccount" },
      ],
    },
    {
      name: "CloudFormation YAML: public read of a bucket (warning), with the account condition fix",
      path: "template.yaml",
      text: text`
        Resources:
          BucketPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Site
              PolicyDocument:
                Statement:
                  - Sid: PublicRead
                    Effect: Allow
                    Principal: "*"
                    Action: s3:GetObject
                    Resource: !Sub \${Site.Arn}/*
      `,
      findings: [
        { text: "\"*\"", severity: 'warning', resource: "BucketPolicy", message: "statement 'PublicRead' of PolicyDocument of AWS::S3::BucketPolicy BucketPolicy allows anyone (Principal \"*\") to read with no condition on account, organization, source or network: name the principals, or add a condition such as aws:PrincipalOrgID, aws:SourceArn or aws:SourceAccount" },
      ],
      fixes: [
        { finding: 0, title: "Allow only principals of this account (aws:PrincipalAccount condition)", isPreferred: true, output: text`
        Resources:
          BucketPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Site
              PolicyDocument:
                Statement:
                  - Sid: PublicRead
                    Effect: Allow
                    Principal: "*"
                    Action: s3:GetObject
                    Resource: !Sub \${Site.Arn}/*
                    Condition:
                      StringEquals:
                        aws:PrincipalAccount: !Ref AWS::AccountId
      ` },
      ],
    },
    {
      name: "CloudFormation YAML: an SQS queue anyone can send to, fed by the template's one SNS topic",
      path: "template.yaml",
      text: text`
        Resources:
          Topic:
            Type: AWS::SNS::Topic
          QueuePolicy:
            Type: AWS::SQS::QueuePolicy
            Properties:
              Queues: [!Ref Queue]
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: "*"
                    Action: sqs:SendMessage
                    Resource: !GetAtt Queue.Arn
      `,
      findings: [
        { text: "\"*\"", severity: 'error', resource: "QueuePolicy", message: "statement 1 of PolicyDocument of AWS::SQS::QueuePolicy QueuePolicy allows anyone (Principal \"*\") to act with no condition on account, organization, source or network: name the principals, or add a condition such as aws:PrincipalOrgID, aws:SourceArn or aws:SourceAccount" },
      ],
      fixes: [
        { finding: 0, title: "Allow only Topic (aws:SourceArn condition)", isPreferred: true, output: text`
        Resources:
          Topic:
            Type: AWS::SNS::Topic
          QueuePolicy:
            Type: AWS::SQS::QueuePolicy
            Properties:
              Queues: [!Ref Queue]
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: "*"
                    Action: sqs:SendMessage
                    Resource: !GetAtt Queue.Arn
                    Condition:
                      ArnEquals:
                        aws:SourceArn: !Ref Topic
      ` },
        { finding: 0, title: "Allow only principals of this account (aws:PrincipalAccount condition)", isPreferred: false, output: text`
        Resources:
          Topic:
            Type: AWS::SNS::Topic
          QueuePolicy:
            Type: AWS::SQS::QueuePolicy
            Properties:
              Queues: [!Ref Queue]
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: "*"
                    Action: sqs:SendMessage
                    Resource: !GetAtt Queue.Arn
                    Condition:
                      StringEquals:
                        aws:PrincipalAccount: !Ref AWS::AccountId
      ` },
      ],
    },
    {
      name: "CloudFormation JSON: an SQS queue anyone can send to",
      path: "template.json",
      text: text`
        {
          "Resources": {
            "QP": {"Type": "AWS::SQS::QueuePolicy", "Properties": {"Queues": [{"Ref": "Q"}], "PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*"}]}}}
          }
        }
      `,
      findings: [
        { text: "\"*\"", severity: 'error', resource: "QP", message: "statement 1 of PolicyDocument of AWS::SQS::QueuePolicy QP allows anyone (Principal \"*\") to act with no condition on account, organization, source or network: name the principals, or add a condition such as aws:PrincipalOrgID, aws:SourceArn or aws:SourceAccount" },
      ],
      fixes: [
        { finding: 0, title: "Allow only principals of this account (aws:PrincipalAccount condition)", isPreferred: true, output: text`
        {
          "Resources": {
            "QP": {"Type": "AWS::SQS::QueuePolicy", "Properties": {"Queues": [{"Ref": "Q"}], "PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalAccount": {"Ref": "AWS::AccountId"}}}}]}}}
          }
        }
      ` },
      ],
    },
    {
      name: "SAM: a KMS key policy with Principal AWS \"*\" and every kms action",
      path: "template.yaml",
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Key:
            Type: AWS::KMS::Key
            Properties:
              KeyPolicy:
                Statement:
                  - Effect: Allow
                    Principal:
                      AWS: "*"
                    Action: kms:*
                    Resource: "*"
      `,
      findings: [
        { text: "\"*\"", severity: 'error', resource: "Key", message: "statement 1 of KeyPolicy of AWS::KMS::Key Key allows anyone (Principal \"*\") to act with no condition on account, organization, source or network: name the principals, or add a condition such as aws:PrincipalOrgID, aws:SourceArn or aws:SourceAccount" },
      ],
      fixes: [
        { finding: 0, title: "Allow only principals of this account (aws:PrincipalAccount condition)", isPreferred: true, output: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Key:
            Type: AWS::KMS::Key
            Properties:
              KeyPolicy:
                Statement:
                  - Effect: Allow
                    Principal:
                      AWS: "*"
                    Action: kms:*
                    Resource: "*"
                    Condition:
                      StringEquals:
                        aws:PrincipalAccount: !Ref AWS::AccountId
      ` },
      ],
    },
    {
      name: "serverless.yml resources: an SNS topic anyone can publish to",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
        resources:
          Resources:
            TopicPolicy:
              Type: AWS::SNS::TopicPolicy
              Properties:
                Topics: [!Ref Topic]
                PolicyDocument:
                  Statement:
                    - Effect: Allow
                      Principal: {AWS: ["*"]}
                      Action: sns:Publish
                      Resource: !Ref Topic
      `,
      findings: [
        { text: "\"*\"", severity: 'error', resource: "TopicPolicy", message: "statement 1 of PolicyDocument of AWS::SNS::TopicPolicy TopicPolicy allows anyone (Principal \"*\") to act with no condition on account, organization, source or network: name the principals, or add a condition such as aws:PrincipalOrgID, aws:SourceArn or aws:SourceAccount" },
      ],
      fixes: [
        { finding: 0, title: "Allow only principals of this account (aws:PrincipalAccount condition)", isPreferred: true, output: text`
        service: orders
        provider:
          name: aws
        resources:
          Resources:
            TopicPolicy:
              Type: AWS::SNS::TopicPolicy
              Properties:
                Topics: [!Ref Topic]
                PolicyDocument:
                  Statement:
                    - Effect: Allow
                      Principal: {AWS: ["*"]}
                      Action: sns:Publish
                      Resource: !Ref Topic
                      Condition:
                        StringEquals:
                          aws:PrincipalAccount: !Ref AWS::AccountId
      ` },
      ],
    },
  ],
});
