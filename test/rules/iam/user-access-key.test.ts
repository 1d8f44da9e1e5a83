import { userAccessKey } from '../../../src/rules/iam/user-access-key';
import { testRule, text } from '../../helpers/rule-tester';

testRule(userAccessKey, {
  valid: [
    {
      name: "an inactive key",
      path: "template.yaml",
      text: text`
        Resources:
          Key:
            Type: AWS::IAM::AccessKey
            Properties:
              UserName: !Ref Ci
              Status: Inactive
      `,
    },
    {
      name: "a role, no key (CloudFormation JSON)",
      path: "template.json",
      text: "{\"Resources\": {\"Role\": {\"Type\": \"AWS::IAM::Role\", \"Properties\": {\"AssumeRolePolicyDocument\": {\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}}}}}",
    },
  ],
  invalid: [
    {
      name: "CloudFormation YAML",
      path: "template.yaml",
      text: text`
        Resources:
          Ci:
            Type: AWS::IAM::User
          CiKey:
            Type: AWS::IAM::AccessKey
            Properties:
              UserName: !Ref Ci
      `,
      findings: [
        { text: "AWS::IAM::AccessKey", severity: 'warning', resource: "CiKey", message: "CiKey creates a long-lived access key for IAM user Ci: give workloads a role (instance profile, task or function role, OIDC federation) instead; if a key is unavoidable, store its secret in Secrets Manager and rotate it" },
      ],
    },
    {
      name: "CloudFormation JSON",
      path: "template.json",
      text: "{\"Resources\": {\"Key\": {\"Type\": \"AWS::IAM::AccessKey\", \"Properties\": {\"UserName\": \"deploy-bot\", \"Status\": \"Active\"}}}}",
      findings: [
        { text: "\"AWS::IAM::AccessKey\"", severity: 'warning', resource: "Key", message: "Key creates a long-lived access key for IAM user deploy-bot: give workloads a role (instance profile, task or function role, OIDC federation) instead; if a key is unavoidable, store its secret in Secrets Manager and rotate it" },
      ],
    },
    {
      name: "SAM",
      path: "template.yaml",
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Key:
            Type: AWS::IAM::AccessKey
            Properties:
              UserName: !Ref Uploader
      `,
      findings: [
        { text: "AWS::IAM::AccessKey", severity: 'warning', resource: "Key", message: "Key creates a long-lived access key for IAM user Uploader: give workloads a role (instance profile, task or function role, OIDC federation) instead; if a key is unavoidable, store its secret in Secrets Manager and rotate it" },
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
            Key:
              Type: AWS::IAM::AccessKey
              Properties:
                UserName: !Ref Partner
      `,
      findings: [
        { text: "AWS::IAM::AccessKey", severity: 'warning', resource: "Key", message: "Key creates a long-lived access key for IAM user Partner: give workloads a role (instance profile, task or function role, OIDC federation) instead; if a key is unavoidable, store its secret in Secrets Manager and rotate it" },
      ],
    },
  ],
});
