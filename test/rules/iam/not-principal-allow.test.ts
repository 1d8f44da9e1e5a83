import { notPrincipalAllow } from '../../../src/rules/iam/not-principal-allow';
import { testRule, text } from '../../helpers/rule-tester';

testRule(notPrincipalAllow, {
  valid: [
    {
      name: "Deny with NotPrincipal is a guardrail",
      path: "bucket-policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Deny\", \"NotPrincipal\": {\"AWS\": \"arn:aws:iam::123456789012:role/backup\"}, \"Action\": \"s3:DeleteObject\", \"Resource\": \"arn:aws:s3:::orders/*\"}]}",
    },
    {
      name: "CloudFormation YAML with Principal",
      path: "template.yaml",
      text: text`
        Resources:
          BP:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref B
              PolicyDocument:
                Statement: [{Effect: Allow, Principal: {AWS: !GetAtt Role.Arn}, Action: s3:GetObject, Resource: !Sub "\${B.Arn}/*"}]
      `,
    },
  ],
  invalid: [
    {
      name: "IAM JSON resource policy",
      path: "bucket-policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Allow\", \"NotPrincipal\": {\"AWS\": \"arn:aws:iam::123456789012:user/mallory\"}, \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::orders/*\"}]}",
      findings: [
        { text: "\"NotPrincipal\"", severity: 'error', resource: "statement 1", message: "statement 1 of policy file allows everyone except the principals in NotPrincipal, anonymous callers and every other AWS account included: name the allowed principals in `Principal`" },
      ],
    },
    {
      name: "CloudFormation YAML bucket policy",
      path: "template.yaml",
      text: text`
        Resources:
          BP:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref B
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    NotPrincipal:
                      AWS: !Sub arn:aws:iam::\${AWS::AccountId}:role/untrusted
                    Action: s3:GetObject
                    Resource: !Sub \${B.Arn}/*
      `,
      findings: [
        { text: "NotPrincipal", severity: 'error', resource: "BP", message: "statement 1 of PolicyDocument of AWS::S3::BucketPolicy BP allows everyone except the principals in NotPrincipal, anonymous callers and every other AWS account included: name the allowed principals in `Principal`" },
      ],
    },
    {
      name: "CloudFormation JSON queue policy",
      path: "template.json",
      text: "{\"Resources\": {\"QP\": {\"Type\": \"AWS::SQS::QueuePolicy\", \"Properties\": {\"Queues\": [{\"Ref\": \"Q\"}], \"PolicyDocument\": {\"Statement\": [{\"Effect\": \"Allow\", \"NotPrincipal\": {\"Service\": \"sns.amazonaws.com\"}, \"Action\": \"sqs:SendMessage\", \"Resource\": \"*\"}]}}}}}",
      findings: [
        { text: "\"NotPrincipal\"", severity: 'error', resource: "QP", message: "statement 1 of PolicyDocument of AWS::SQS::QueuePolicy QP allows everyone except the principals in NotPrincipal, anonymous callers and every other AWS account included: name the allowed principals in `Principal`" },
      ],
    },
    {
      name: "SAM: a role trust policy",
      path: "template.yaml",
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement: [{Effect: Allow, NotPrincipal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]
      `,
      findings: [
        { text: "NotPrincipal", severity: 'error', resource: "Role", message: "statement 1 of AssumeRolePolicyDocument of AWS::IAM::Role Role allows everyone except the principals in NotPrincipal, anonymous callers and every other AWS account included: name the allowed principals in `Principal`" },
      ],
    },
    {
      name: "serverless.yml API resource policy",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
          apiGateway:
            resourcePolicy:
              - Effect: Allow
                NotPrincipal: {AWS: arn:aws:iam::123456789012:root}
                Action: execute-api:Invoke
                Resource: execute-api:/*
      `,
      findings: [
        { text: "NotPrincipal", severity: 'error', resource: "orders", message: "statement 1 of provider.apiGateway.resourcePolicy allows everyone except the principals in NotPrincipal, anonymous callers and every other AWS account included: name the allowed principals in `Principal`" },
      ],
    },
  ],
});
