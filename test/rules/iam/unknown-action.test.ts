import { unknownAction } from '../../../src/rules/iam/unknown-action';
import { testRule, text } from '../../helpers/rule-tester';

testRule(unknownAction, {
  valid: [
    {
      name: "known actions, any case, and wildcards that match",
      path: "policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"S3:getobject\", \"dynamodb:Put*\", \"*\"], \"Resource\": \"*\"}]}",
    },
    {
      name: "service-prefix wildcards and intrinsics are not judged",
      path: "template.yaml",
      text: text`
        Resources:
          P:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: ["s3*:GetObject", !Ref ExtraAction, !Sub "\${Service}:GetItem"]
                    Resource: "*"
      `,
    },
    {
      name: "CloudFormation JSON with real actions",
      path: "template.json",
      text: "{\"Resources\": {\"P\": {\"Type\": \"AWS::IAM::Policy\", \"Properties\": {\"PolicyDocument\": {\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"sqs:SendMessage\", \"sqs:ReceiveMessage\"], \"Resource\": \"*\"}]}}}}}",
    },
    {
      name: "SAM and serverless.yml with real actions",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
          iam:
            role:
              statements:
                - Effect: Allow
                  Action: [bedrock:InvokeModel, lambda:InvokeFunction]
                  Resource: "*"
      `,
    },
  ],
  invalid: [
    {
      name: "IAM JSON: a typo in a Deny (warning) with its fix, a wildcard that matches nothing",
      path: "policy.json",
      text: "{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": [\"s3:DeleteObjet\", \"s3:Gett*\"], \"Resource\": \"*\"}]}",
      findings: [
        { text: "\"s3:DeleteObjet\"", severity: 'warning', resource: "statement 1", message: "`s3:DeleteObjet` in statement 1 of policy file is not a known s3 action (IAM catalogue of 2026-09-26); did you mean `s3:DeleteObject`?" },
        { text: "\"s3:Gett*\"", severity: 'warning', resource: "statement 1", message: "`s3:Gett*` in statement 1 of policy file matches no s3 action (IAM catalogue of 2026-09-26): it grants nothing" },
      ],
      fixes: [
        { finding: 0, title: "Replace with s3:DeleteObject", isPreferred: true, output: "{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": [\"s3:DeleteObject\", \"s3:Gett*\"], \"Resource\": \"*\"}]}" },
      ],
    },
    {
      name: "CloudFormation YAML: an endpoint name used as a prefix, a missing colon (info in an Allow)",
      path: "template.yaml",
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
                        Action:
                          - bedrock-runtime:InvokeModel
                          - GetObject
                        Resource: "*"
      `,
      findings: [
        { text: "bedrock-runtime:InvokeModel", severity: 'info', resource: "Role", message: "`bedrock-runtime:InvokeModel` in statement 1 of policy 'app' of AWS::IAM::Role Role: no AWS service has the prefix `bedrock-runtime` (IAM catalogue of 2026-09-26); did you mean `bedrock`?" },
        { text: "GetObject", severity: 'info', resource: "Role", message: "`GetObject` in statement 1 of policy 'app' of AWS::IAM::Role Role is not an action: write `service:Action` (e.g. `s3:GetObject`)" },
      ],
      fixes: [
        { finding: 0, title: "Replace with bedrock:InvokeModel", isPreferred: true, output: text`
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: app
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action:
                          - bedrock:InvokeModel
                          - GetObject
                        Resource: "*"
      ` },
      ],
    },
    {
      name: "CloudFormation JSON: a misspelt service prefix",
      path: "template.json",
      text: text`
        {
          "Resources": {
            "P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["sqss:SendMessage"], "Resource": "*"}]}}}
          }
        }
      `,
      findings: [
        { text: "\"sqss:SendMessage\"", severity: 'info', resource: "P", message: "`sqss:SendMessage` in statement 1 of PolicyDocument of AWS::IAM::Policy P: no AWS service has the prefix `sqss` (IAM catalogue of 2026-09-26); did you mean `sqs`?" },
      ],
      fixes: [
        { finding: 0, title: "Replace with sqs:SendMessage", isPreferred: true, output: text`
        {
          "Resources": {
            "P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": "*"}]}}}
          }
        }
      ` },
      ],
    },
    {
      name: "SAM: an Allow NotAction with a typo does not exclude what it meant to (warning)",
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
                      NotAction: iam:PasRole
                      Resource: "*"
      `,
      findings: [
        { text: "iam:PasRole", severity: 'warning', resource: "Fn", message: "`iam:PasRole` in statement 1 of Policies of AWS::Serverless::Function Fn is not a known iam action (IAM catalogue of 2026-09-26); did you mean `iam:PassRole`?" },
      ],
      fixes: [
        { finding: 0, title: "Replace with iam:PassRole", isPreferred: true, output: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - Statement:
                    - Effect: Allow
                      NotAction: iam:PassRole
                      Resource: "*"
      ` },
      ],
    },
    {
      name: "serverless.yml: an action that is not an IAM action, no close match",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
          iam:
            role:
              statements:
                - Effect: Allow
                  Action:
                    - dynamodb:CreateItem
                  Resource: "*"
      `,
      findings: [
        { text: "dynamodb:CreateItem", severity: 'info', resource: "orders", message: "`dynamodb:CreateItem` in statement 1 of provider.iam.role.statements is not a known dynamodb action (IAM catalogue of 2026-09-26)" },
      ],
    },
  ],
});
