import { passroleWildcard } from '../../../src/rules/iam/passrole-wildcard';
import { testRule, text } from '../../helpers/rule-tester';

testRule(passroleWildcard, {
  valid: [
    {
      name: "PassRole on one role",
      path: "policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\", \"Resource\": \"arn:aws:iam::123456789012:role/app-task\"}]}",
    },
    {
      name: "PassRole on \"*\" with iam:PassedToService",
      path: "policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"iam:PassedToService\": \"ecs-tasks.amazonaws.com\"}}}]}",
    },
    {
      name: "iam:Get* does not include PassRole",
      path: "policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"iam:Get*\", \"Resource\": \"*\"}]}",
    },
    {
      name: "CloudFormation YAML: PassRole on a role of the template",
      path: "template.yaml",
      text: text`
        Resources:
          Deployer:
            Type: AWS::IAM::Policy
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: iam:PassRole
                    Resource: !GetAtt TaskRole.Arn
      `,
    },
    {
      name: "serverless.yml PassRole on a !Sub role ARN",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
          iam:
            role:
              statements:
                - Effect: Allow
                  Action: iam:PassRole
                  Resource: !Sub arn:aws:iam::\${AWS::AccountId}:role/orders-task
      `,
    },
  ],
  invalid: [
    {
      name: "IAM JSON: iam:* on every role of an account (no service to name: no fix)",
      path: "policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"iam:*\", \"Resource\": \"arn:aws:iam::123456789012:role/*\"}]}",
      findings: [
        { text: "\"arn:aws:iam::123456789012:role/*\"", severity: 'warning', resource: "statement 1", message: "statement 1 of policy file allows iam:PassRole (through a wildcard) on every role without an iam:PassedToService condition: the principal can hand any role, including admin ones, to a service it controls; name the roles or add the condition" },
      ],
    },
    {
      name: "CloudFormation YAML: the service from the statement's own actions; an existing StringEquals is extended",
      path: "template.yaml",
      text: text`
        Resources:
          Deployer:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {Service: codebuild.amazonaws.com}
                    Action: sts:AssumeRole
              Policies:
                - PolicyName: deploy
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action:
                          - lambda:CreateFunction
                          - iam:PassRole
                        Resource: "*"
                      - Effect: Allow
                        Action: iam:Pass*
                        Resource: "*"
                        Condition:
                          StringEquals:
                            aws:RequestedRegion: eu-west-1
      `,
      findings: [
        { text: "\"*\"", severity: 'warning', resource: "Deployer", message: "statement 1 of policy 'deploy' of AWS::IAM::Role Deployer allows iam:PassRole on every role without an iam:PassedToService condition: the principal can hand any role, including admin ones, to a service it controls; name the roles or add the condition" },
        { text: "\"*\"", severity: 'warning', resource: "Deployer", message: "statement 2 of policy 'deploy' of AWS::IAM::Role Deployer allows iam:PassRole (through a wildcard) on every role without an iam:PassedToService condition: the principal can hand any role, including admin ones, to a service it controls; name the roles or add the condition" },
      ],
      fixes: [
        { finding: 0, title: "Allow passing roles only to lambda.amazonaws.com (iam:PassedToService condition)", isPreferred: true, output: text`
        Resources:
          Deployer:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {Service: codebuild.amazonaws.com}
                    Action: sts:AssumeRole
              Policies:
                - PolicyName: deploy
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action:
                          - lambda:CreateFunction
                          - iam:PassRole
                        Resource: "*"
                        Condition:
                          StringEquals:
                            iam:PassedToService: lambda.amazonaws.com
                      - Effect: Allow
                        Action: iam:Pass*
                        Resource: "*"
                        Condition:
                          StringEquals:
                            aws:RequestedRegion: eu-west-1
      ` },
        { finding: 1, title: "Allow passing roles only to codebuild.amazonaws.com (iam:PassedToService condition)", isPreferred: true, output: text`
        Resources:
          Deployer:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {Service: codebuild.amazonaws.com}
                    Action: sts:AssumeRole
              Policies:
                - PolicyName: deploy
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action:
                          - lambda:CreateFunction
                          - iam:PassRole
                        Resource: "*"
                      - Effect: Allow
                        Action: iam:Pass*
                        Resource: "*"
                        Condition:
                          StringEquals:
                            aws:RequestedRegion: eu-west-1
                            iam:PassedToService: codebuild.amazonaws.com
      ` },
      ],
    },
    {
      name: "CloudFormation JSON: the service from the trust policies of the template's roles",
      path: "template.json",
      text: text`
        {
          "Resources": {
            "TaskRole": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}},
            "P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["iam:PassRole"], "Resource": "*"}]}}}
          }
        }
      `,
      findings: [
        { text: "\"*\"", severity: 'warning', resource: "P", message: "statement 1 of PolicyDocument of AWS::IAM::Policy P allows iam:PassRole on every role without an iam:PassedToService condition: the principal can hand any role, including admin ones, to a service it controls; name the roles or add the condition" },
      ],
      fixes: [
        { finding: 0, title: "Allow passing roles only to ecs-tasks.amazonaws.com (iam:PassedToService condition)", isPreferred: true, output: text`
        {
          "Resources": {
            "TaskRole": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}},
            "P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["iam:PassRole"], "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}]}}}
          }
        }
      ` },
      ],
    },
    {
      name: "SAM function statement",
      path: "template.yaml",
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Starter:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - Statement:
                    - Effect: Allow
                      Action: [states:CreateStateMachine, iam:PassRole]
                      Resource: "*"
      `,
      findings: [
        { text: "\"*\"", severity: 'warning', resource: "Starter", message: "statement 1 of Policies of AWS::Serverless::Function Starter allows iam:PassRole on every role without an iam:PassedToService condition: the principal can hand any role, including admin ones, to a service it controls; name the roles or add the condition" },
      ],
      fixes: [
        { finding: 0, title: "Allow passing roles only to states.amazonaws.com (iam:PassedToService condition)", isPreferred: true, output: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Starter:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - Statement:
                    - Effect: Allow
                      Action: [states:CreateStateMachine, iam:PassRole]
                      Resource: "*"
                      Condition:
                        StringEquals:
                          iam:PassedToService: states.amazonaws.com
      ` },
      ],
    },
    {
      name: "serverless.yml per-function iamRoleStatements",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
        functions:
          launcher:
            handler: index.handler
            iamRoleStatements:
              - Effect: Allow
                Action:
                  - ec2:RunInstances
                  - iam:PassRole
                Resource: "*"
      `,
      findings: [
        { text: "\"*\"", severity: 'warning', resource: "launcher", message: "statement 1 of iamRoleStatements of function launcher allows iam:PassRole on every role without an iam:PassedToService condition: the principal can hand any role, including admin ones, to a service it controls; name the roles or add the condition" },
      ],
      fixes: [
        { finding: 0, title: "Allow passing roles only to ec2.amazonaws.com (iam:PassedToService condition)", isPreferred: true, output: text`
        service: orders
        provider:
          name: aws
        functions:
          launcher:
            handler: index.handler
            iamRoleStatements:
              - Effect: Allow
                Action:
                  - ec2:RunInstances
                  - iam:PassRole
                Resource: "*"
                Condition:
                  StringEquals:
                    iam:PassedToService: ec2.amazonaws.com
      ` },
      ],
    },
  ],
});
