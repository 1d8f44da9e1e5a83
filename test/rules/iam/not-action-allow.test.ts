import { notActionAllow } from '../../../src/rules/iam/not-action-allow';
import { testRule, text } from '../../helpers/rule-tester';

testRule(notActionAllow, {
  valid: [
    {
      name: "Deny with NotAction is the recommended guardrail",
      path: "policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Deny\", \"NotAction\": [\"iam:*\", \"sts:*\"], \"Resource\": \"*\", \"Condition\": {\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}}}]}",
    },
    {
      name: "Allow with Action (CloudFormation YAML)",
      path: "template.yaml",
      text: text`
        Resources:
          P:
            Type: AWS::IAM::Policy
            Properties:
              PolicyDocument:
                Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]
      `,
    },
    {
      name: "serverless.yml Allow with Action",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
          iam:
            role:
              statements:
                - Effect: Allow
                  Action: s3:GetObject
                  Resource: "*"
      `,
    },
  ],
  invalid: [
    {
      name: "IAM JSON",
      path: "policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}]}",
      findings: [
        { text: "\"NotAction\"", severity: 'warning', resource: "statement 1", message: "statement 1 of policy file allows every action of every service except those in NotAction, including actions AWS adds later: list the allowed actions in `Action` instead (keep NotAction for Deny statements)" },
      ],
    },
    {
      name: "CloudFormation YAML",
      path: "template.yaml",
      text: text`
        Resources:
          P:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Sid: AllButIam
                    Effect: Allow
                    NotAction:
                      - iam:*
                      - organizations:*
                    Resource: "*"
      `,
      findings: [
        { text: "NotAction", severity: 'warning', resource: "P", message: "statement 'AllButIam' of PolicyDocument of AWS::IAM::ManagedPolicy P allows every action of every service except those in NotAction, including actions AWS adds later: list the allowed actions in `Action` instead (keep NotAction for Deny statements)" },
      ],
    },
    {
      name: "CloudFormation JSON",
      path: "template.json",
      text: "{\"Resources\": {\"P\": {\"Type\": \"AWS::IAM::Policy\", \"Properties\": {\"PolicyDocument\": {\"Statement\": [{\"Effect\": \"Allow\", \"NotAction\": [\"s3:DeleteBucket\"], \"Resource\": \"*\"}]}}}}}",
      findings: [
        { text: "\"NotAction\"", severity: 'warning', resource: "P", message: "statement 1 of PolicyDocument of AWS::IAM::Policy P allows every action of every service except those in NotAction, including actions AWS adds later: list the allowed actions in `Action` instead (keep NotAction for Deny statements)" },
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
                - Statement: [{Effect: Allow, NotAction: "iam:*", Resource: "*"}]
      `,
      findings: [
        { text: "NotAction", severity: 'warning', resource: "Fn", message: "statement 1 of Policies of AWS::Serverless::Function Fn allows every action of every service except those in NotAction, including actions AWS adds later: list the allowed actions in `Action` instead (keep NotAction for Deny statements)" },
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
                  NotAction: iam:*
                  Resource: "*"
      `,
      findings: [
        { text: "NotAction", severity: 'warning', resource: "orders", message: "statement 1 of provider.iam.role.statements allows every action of every service except those in NotAction, including actions AWS adds later: list the allowed actions in `Action` instead (keep NotAction for Deny statements)" },
      ],
    },
  ],
});
