import { adminAccess } from '../../../src/rules/iam/admin-access';
import { testRule, text } from '../../helpers/rule-tester';

testRule(adminAccess, {
  valid: [
    {
      name: "named actions on every resource are not administrator access",
      path: "policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"], \"Resource\": \"*\"}]}",
    },
    {
      name: "Action \"*\" on one bucket is not administrator access",
      path: "policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"arn:aws:s3:::orders/*\"}]}",
    },
    {
      name: "Deny \"*\" on \"*\" is a guardrail",
      path: "policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"}]}",
    },
    {
      name: "a customer managed policy that happens to be called AdministratorAccess, and ReadOnlyAccess",
      path: "template.yaml",
      text: text`
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
              ManagedPolicyArns:
                - arn:aws:iam::123456789012:policy/AdministratorAccess
                - arn:aws:iam::aws:policy/ReadOnlyAccess
      `,
    },
    {
      name: "CloudFormation JSON with a scoped policy",
      path: "template.json",
      text: "{\"Resources\": {\"R\": {\"Type\": \"AWS::IAM::Role\", \"Properties\": {\"ManagedPolicyArns\": [{\"Fn::Sub\": \"arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\"}]}}}}",
    },
    {
      name: "SAM policy templates and AWSLambdaBasicExecutionRole",
      path: "template.yaml",
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - AWSLambdaBasicExecutionRole
                - DynamoDBReadPolicy: {TableName: !Ref Orders}
      `,
    },
    {
      name: "serverless.yml with a read-only managed policy",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
          iam:
            role:
              managedPolicies:
                - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
      `,
    },
  ],
  invalid: [
    {
      name: "IAM JSON policy: Action \"*\" on Resource \"*\"",
      path: "policy.json",
      text: text`
        {
          "Version": "2012-10-17",
          "Statement": [{"Sid": "Admin", "Effect": "Allow", "Action": "*", "Resource": "*"}]
        }
      `,
      findings: [
        { text: "\"*\"", severity: 'error', resource: "statement 'Admin'", message: "statement 'Admin' of policy file allows every action on every resource: this is administrator access; grant only the actions and resources this principal uses" },
      ],
    },
    {
      name: "CloudFormation YAML: AdministratorAccess through !Sub, and \"*\" on \"*\" in a user policy",
      path: "template.yaml",
      text: text`
        Resources:
          Ops:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]
              ManagedPolicyArns:
                - !Sub arn:\${AWS::Partition}:iam::aws:policy/AdministratorAccess
          Breakglass:
            Type: AWS::IAM::User
            Properties:
              Policies:
                - PolicyName: all
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: ["*"]
                        Resource: "*"
      `,
      findings: [
        { text: "!Sub arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess", severity: 'error', resource: "Ops", message: "ManagedPolicyArns of AWS::IAM::Role Ops attaches the AWS managed policy AdministratorAccess, which allows every action on every resource: attach a policy with only the actions this principal uses" },
        { text: "\"*\"", severity: 'error', resource: "Breakglass", message: "statement 1 of policy 'all' of AWS::IAM::User Breakglass allows every action on every resource: this is administrator access; grant only the actions and resources this principal uses" },
      ],
    },
    {
      name: "CloudFormation JSON: IAMFullAccess on a group",
      path: "template.json",
      text: text`
        {
          "Resources": {
            "Admins": {"Type": "AWS::IAM::Group", "Properties": {"ManagedPolicyArns": ["arn:aws:iam::aws:policy/IAMFullAccess"]}}
          }
        }
      `,
      findings: [
        { text: "\"arn:aws:iam::aws:policy/IAMFullAccess\"", severity: 'error', resource: "Admins", message: "ManagedPolicyArns of AWS::IAM::Group Admins attaches the AWS managed policy IAMFullAccess, which lets the principal grant itself any permission: attach a policy with only the actions this principal uses" },
      ],
    },
    {
      name: "SAM: PowerUserAccess by name, inherited from Globals",
      path: "template.yaml",
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Policies:
              - PowerUserAccess
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
      `,
      findings: [
        { text: "PowerUserAccess", severity: 'error', resource: "Fn", message: "Policies of AWS::Serverless::Function Fn (from Globals) attaches the AWS managed policy PowerUserAccess, which allows every action except most of IAM and Organizations: attach a policy with only the actions this principal uses" },
      ],
    },
    {
      name: "serverless.yml: managedPolicies and \"*\" on \"*\" in provider.iam.role.statements",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
          iam:
            role:
              managedPolicies:
                - arn:aws:iam::aws:policy/AdministratorAccess
              statements:
                - Effect: Allow
                  Action: "*"
                  Resource: "*"
      `,
      findings: [
        { text: "arn:aws:iam::aws:policy/AdministratorAccess", severity: 'error', resource: "orders", message: "provider.iam.role.managedPolicies attaches the AWS managed policy AdministratorAccess, which allows every action on every resource: attach a policy with only the actions this principal uses" },
        { text: "\"*\"", severity: 'error', resource: "orders", message: "statement 1 of provider.iam.role.statements allows every action on every resource: this is administrator access; grant only the actions and resources this principal uses" },
      ],
    },
  ],
});
