import { privilegeEscalation } from '../../../src/rules/iam/privilege-escalation';
import { testRule, text } from '../../helpers/rule-tester';

testRule(privilegeEscalation, {
  valid: [
    {
      name: "PassRole and CreateFunction without InvokeFunction is not a complete path; scoped reads",
      path: "policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"iam:PassRole\", \"lambda:CreateFunction\"], \"Resource\": \"*\"}, {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::orders/*\"}]}",
    },
    {
      name: "the path split across two roles is not one principal's",
      path: "template.yaml",
      text: text`
        Resources:
          A:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: a
                  PolicyDocument:
                    Statement: [{Effect: Allow, Action: [iam:PassRole, lambda:CreateFunction], Resource: "*"}]
          B:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: b
                  PolicyDocument:
                    Statement: [{Effect: Allow, Action: lambda:InvokeFunction, Resource: "*"}]
      `,
    },
    {
      name: "a condition may close the path (iam:PassedToService)",
      path: "template.json",
      text: "{\"Resources\": {\"P\": {\"Type\": \"AWS::IAM::Policy\", \"Properties\": {\"Roles\": [{\"Ref\": \"R\"}], \"PolicyDocument\": {\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"iam:PassRole\", \"ec2:RunInstances\"], \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"iam:PassedToService\": \"ec2.amazonaws.com\"}}}]}}}}}",
    },
    {
      name: "serverless.yml reading named secrets",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
          iam:
            role:
              statements:
                - Effect: Allow
                  Action: secretsmanager:GetSecretValue
                  Resource: !Ref DbSecret
      `,
    },
  ],
  invalid: [
    {
      name: "IAM JSON: iam:CreatePolicyVersion",
      path: "policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"iam:CreatePolicyVersion\", \"iam:GetPolicy\"], \"Resource\": \"arn:aws:iam::123456789012:policy/*\"}]}",
      findings: [
        { text: "\"iam:CreatePolicyVersion\"", severity: 'warning', resource: "Whoever holds policy file", message: "Whoever holds policy file can escalate its privileges: iam:CreatePolicyVersion on every resource lets it rewrite a managed policy attached to it, granting itself anything; scope these actions to named resources or remove them" },
      ],
    },
    {
      name: "CloudFormation YAML: PassRole + CreateFunction + InvokeFunction across two policies of one role",
      path: "template.yaml",
      text: text`
        Resources:
          Deployer:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: create
                  PolicyDocument:
                    Statement: [{Effect: Allow, Action: [iam:PassRole, lambda:CreateFunction], Resource: "*"}]
          InvokePolicy:
            Type: AWS::IAM::Policy
            Properties:
              Roles: [!Ref Deployer]
              PolicyDocument:
                Statement: [{Effect: Allow, Action: "lambda:Invoke*", Resource: "*"}]
      `,
      findings: [
        { text: "\"lambda:Invoke*\"", severity: 'warning', resource: "Deployer", message: "Deployer can escalate its privileges: iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction on every resource lets it create a function that runs as any role and invoke it; scope these actions to named resources or remove them" },
      ],
    },
    {
      name: "CloudFormation JSON: sts:AssumeRole on every role (credentials)",
      path: "template.json",
      text: "{\"Resources\": {\"P\": {\"Type\": \"AWS::IAM::Policy\", \"Properties\": {\"Roles\": [{\"Ref\": \"Jump\"}], \"PolicyDocument\": {\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", \"Resource\": \"*\"}]}}}}}",
      findings: [
        { text: "\"sts:AssumeRole\"", severity: 'warning', resource: "Jump", message: "Jump can obtain credentials: sts:AssumeRole on every resource lets it assume any role whose trust policy trusts this account; name the resources" },
      ],
    },
    {
      name: "SAM: every secret and every object (info)",
      path: "template.yaml",
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - Statement:
                    - Effect: Allow
                      Action: [secretsmanager:GetSecretValue, s3:GetObject]
                      Resource: "*"
      `,
      findings: [
        { text: "secretsmanager:GetSecretValue", severity: 'info', resource: "Fn", message: "Fn can read every secret of the account: secretsmanager:GetSecretValue on every resource; name the resources it reads" },
        { text: "s3:GetObject", severity: 'info', resource: "Fn", message: "Fn can read every object of every bucket of the account: s3:GetObject on every resource; name the resources it reads" },
      ],
    },
    {
      name: "serverless.yml: attach any policy to any role",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
          iam:
            role:
              statements:
                - Effect: Allow
                  Action: iam:AttachRolePolicy
                  Resource: arn:aws:iam::*:role/*
      `,
      findings: [
        { text: "iam:AttachRolePolicy", severity: 'warning', resource: "role of service orders", message: "role of service orders can escalate its privileges: iam:AttachRolePolicy on every resource lets it attach AdministratorAccess to a role; scope these actions to named resources or remove them" },
      ],
    },
  ],
});
