import { notResourceAllow } from '../../../src/rules/iam/not-resource-allow';
import { testRule, text } from '../../helpers/rule-tester';

testRule(notResourceAllow, {
  valid: [
    {
      name: "Deny with NotResource is a guardrail",
      path: "policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"NotResource\": [\"arn:aws:s3:::orders\", \"arn:aws:s3:::orders/*\"]}]}",
    },
    {
      name: "CloudFormation YAML with Resource",
      path: "template.yaml",
      text: text`
        Resources:
          P:
            Type: AWS::IAM::Policy
            Properties:
              PolicyDocument:
                Statement: [{Effect: Allow, Action: s3:GetObject, Resource: !Sub "\${Bucket.Arn}/*"}]
      `,
    },
  ],
  invalid: [
    {
      name: "IAM JSON",
      path: "policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"NotResource\": \"arn:aws:s3:::audit-logs/*\"}]}",
      findings: [
        { text: "\"NotResource\"", severity: 'warning', resource: "statement 1", message: "statement 1 of policy file allows its actions on every resource except those in NotResource, in every account it can reach and on resources created later: list the resources in `Resource` instead" },
      ],
    },
    {
      name: "CloudFormation YAML",
      path: "template.yaml",
      text: text`
        Resources:
          P:
            Type: AWS::IAM::Policy
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: dynamodb:*
                    NotResource: !GetAtt Audit.Arn
      `,
      findings: [
        { text: "NotResource", severity: 'warning', resource: "P", message: "statement 1 of PolicyDocument of AWS::IAM::Policy P allows its actions on every resource except those in NotResource, in every account it can reach and on resources created later: list the resources in `Resource` instead" },
      ],
    },
    {
      name: "CloudFormation JSON",
      path: "template.json",
      text: "{\"Resources\": {\"P\": {\"Type\": \"AWS::IAM::Policy\", \"Properties\": {\"PolicyDocument\": {\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sqs:*\", \"NotResource\": [{\"Fn::GetAtt\": [\"Dlq\", \"Arn\"]}]}]}}}}}",
      findings: [
        { text: "\"NotResource\"", severity: 'warning', resource: "P", message: "statement 1 of PolicyDocument of AWS::IAM::Policy P allows its actions on every resource except those in NotResource, in every account it can reach and on resources created later: list the resources in `Resource` instead" },
      ],
    },
    {
      name: "SAM",
      path: "template.yaml",
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - Statement: [{Effect: Allow, Action: "s3:GetObject", NotResource: "arn:aws:s3:::secrets/*"}]
      `,
      findings: [
        { text: "NotResource", severity: 'warning', resource: "Fn", message: "statement 1 of Policies of AWS::Serverless::Function Fn allows its actions on every resource except those in NotResource, in every account it can reach and on resources created later: list the resources in `Resource` instead" },
      ],
    },
    {
      name: "serverless.yml",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
          iam:
            role:
              statements:
                - Effect: Allow
                  Action: s3:PutObject
                  NotResource: arn:aws:s3:::audit/*
      `,
      findings: [
        { text: "NotResource", severity: 'warning', resource: "orders", message: "statement 1 of provider.iam.role.statements allows its actions on every resource except those in NotResource, in every account it can reach and on resources created later: list the resources in `Resource` instead" },
      ],
    },
  ],
});
