import { consoleUserWithoutMfa } from '../../../src/rules/iam/console-user-without-mfa';
import { testRule, text } from '../../helpers/rule-tester';

testRule(consoleUserWithoutMfa, {
  valid: [
    {
      name: "a console user with an MFA-enforcing inline policy",
      path: "template.yaml",
      text: text`
        Resources:
          Alice:
            Type: AWS::IAM::User
            Properties:
              LoginProfile: {Password: !Ref Password, PasswordResetRequired: true}
              Policies:
                - PolicyName: mfa
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        NotAction: [iam:EnableMFADevice, iam:ListMFADevices, sts:GetSessionToken]
                        Resource: "*"
                        Condition: {BoolIfExists: {aws:MultiFactorAuthPresent: "false"}}
      `,
    },
    {
      name: "MFA enforced through a group policy",
      path: "template.yaml",
      text: text`
        Resources:
          Humans:
            Type: AWS::IAM::Group
          RequireMfa:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              Groups: [!Ref Humans]
              PolicyDocument:
                Statement:
                  - Effect: Deny
                    NotAction: [iam:EnableMFADevice, iam:ListMFADevices, sts:GetSessionToken]
                    Resource: "*"
                    Condition: {BoolIfExists: {aws:MultiFactorAuthPresent: "false"}}
          Alice:
            Type: AWS::IAM::User
            Properties:
              Groups: [!Ref Humans]
              LoginProfile: {Password: !Ref Password}
      `,
    },
    {
      name: "a user without console access (CloudFormation JSON)",
      path: "template.json",
      text: "{\"Resources\": {\"Bot\": {\"Type\": \"AWS::IAM::User\", \"Properties\": {\"Path\": \"/bots/\"}}}}",
    },
    {
      name: "managed policies we cannot read might enforce MFA",
      path: "template.yaml",
      text: text`
        Resources:
          Alice:
            Type: AWS::IAM::User
            Properties:
              LoginProfile: {Password: !Ref Password}
              ManagedPolicyArns: [!Ref RequireMfaPolicy]
      `,
    },
  ],
  invalid: [
    {
      name: "CloudFormation YAML",
      path: "template.yaml",
      text: text`
        Resources:
          Alice:
            Type: AWS::IAM::User
            Properties:
              LoginProfile:
                Password: !Ref Password
                PasswordResetRequired: true
      `,
      findings: [
        { text: "LoginProfile", severity: 'warning', resource: "Alice", message: "IAM user Alice can sign in to the console (LoginProfile) and no policy in this template requires MFA: add a Deny of everything but MFA setup unless aws:MultiFactorAuthPresent (and allow iam:EnableMFADevice for the user), or move people to IAM Identity Center" },
      ],
    },
    {
      name: "CloudFormation JSON",
      path: "template.json",
      text: "{\"Resources\": {\"Bob\": {\"Type\": \"AWS::IAM::User\", \"Properties\": {\"LoginProfile\": {\"Password\": {\"Ref\": \"Password\"}}, \"Policies\": [{\"PolicyName\": \"mfa-self\", \"PolicyDocument\": {\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"iam:EnableMFADevice\", \"Resource\": \"*\"}]}}]}}}}",
      findings: [
        { text: "\"LoginProfile\"", severity: 'warning', resource: "Bob", message: "IAM user Bob can sign in to the console (LoginProfile) and no policy in this template requires MFA: add a Deny of everything but MFA setup unless aws:MultiFactorAuthPresent, or move people to IAM Identity Center" },
      ],
    },
    {
      name: "SAM",
      path: "template.yaml",
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Carol:
            Type: AWS::IAM::User
            Properties:
              LoginProfile: {Password: !Ref Password}
      `,
      findings: [
        { text: "LoginProfile", severity: 'warning', resource: "Carol", message: "IAM user Carol can sign in to the console (LoginProfile) and no policy in this template requires MFA: add a Deny of everything but MFA setup unless aws:MultiFactorAuthPresent (and allow iam:EnableMFADevice for the user), or move people to IAM Identity Center" },
      ],
    },
    {
      name: "serverless.yml resources",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
        resources:
          Resources:
            Dave:
              Type: AWS::IAM::User
              Properties:
                LoginProfile: {Password: !Ref Password}
      `,
      findings: [
        { text: "LoginProfile", severity: 'warning', resource: "Dave", message: "IAM user Dave can sign in to the console (LoginProfile) and no policy in this template requires MFA: add a Deny of everything but MFA setup unless aws:MultiFactorAuthPresent (and allow iam:EnableMFADevice for the user), or move people to IAM Identity Center" },
      ],
    },
  ],
});
