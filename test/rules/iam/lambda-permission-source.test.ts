import { lambdaPermissionSource } from '../../../src/rules/iam/lambda-permission-source';
import { testRule, text } from '../../helpers/rule-tester';

testRule(lambdaPermissionSource, {
  valid: [
    {
      name: "a service principal with SourceArn",
      path: "template.yaml",
      text: text`
        Resources:
          Perm:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: !Ref Fn
              Action: lambda:InvokeFunction
              Principal: events.amazonaws.com
              SourceArn: !GetAtt Rule.Arn
      `,
    },
    {
      name: "a function URL permission for everyone is the route rules' business (CloudFormation JSON)",
      path: "template.json",
      text: "{\"Resources\": {\"UrlPerm\": {\"Type\": \"AWS::Lambda::Permission\", \"Properties\": {\"FunctionName\": {\"Ref\": \"Fn\"}, \"Action\": \"lambda:InvokeFunctionUrl\", \"Principal\": \"*\", \"FunctionUrlAuthType\": \"NONE\"}}}}",
    },
    {
      name: "another account by ID, with SourceAccount (SAM)",
      path: "template.yaml",
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Perm:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: !Ref Fn
              Action: lambda:InvokeFunction
              Principal: s3.amazonaws.com
              SourceAccount: !Ref AWS::AccountId
      `,
    },
    {
      name: "serverless.yml resources with SourceArn",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
        resources:
          Resources:
            Perm:
              Type: AWS::Lambda::Permission
              Properties:
                FunctionName: !Ref Fn
                Action: lambda:InvokeFunction
                Principal: sns.amazonaws.com
                SourceArn: !Ref Topic
      `,
    },
  ],
  invalid: [
    {
      name: "Principal \"*\" without a function URL (error, no fix: who calls it is unknown)",
      path: "template.yaml",
      text: text`
        Resources:
          Perm:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: !Ref Fn
              Action: lambda:InvokeFunction
              Principal: "*"
      `,
      findings: [
        { text: "\"*\"", severity: 'error', resource: "Perm", message: "Lambda permission Perm lets anyone invoke the function (Principal \"*\"): name the service or account that calls it, and its SourceArn" },
      ],
    },
    {
      name: "EventBridge with the one rule of the template: SourceArn preferred",
      path: "template.yaml",
      text: text`
        Resources:
          Nightly:
            Type: AWS::Events::Rule
            Properties:
              ScheduleExpression: rate(1 day)
          Perm:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: !Ref Fn
              Action: lambda:InvokeFunction
              Principal: events.amazonaws.com
      `,
      findings: [
        { text: "events.amazonaws.com", severity: 'warning', resource: "Perm", message: "Lambda permission Perm lets events.amazonaws.com invoke the function on behalf of any AWS account: add SourceArn (or at least SourceAccount) so only your events resources can" },
      ],
      fixes: [
        { finding: 0, title: "Allow only Nightly to invoke (SourceArn)", isPreferred: true, output: text`
        Resources:
          Nightly:
            Type: AWS::Events::Rule
            Properties:
              ScheduleExpression: rate(1 day)
          Perm:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: !Ref Fn
              Action: lambda:InvokeFunction
              Principal: events.amazonaws.com
              SourceArn: !GetAtt Nightly.Arn
      ` },
        { finding: 0, title: "Allow only callers in this account (SourceAccount: !Ref AWS::AccountId)", isPreferred: false, output: text`
        Resources:
          Nightly:
            Type: AWS::Events::Rule
            Properties:
              ScheduleExpression: rate(1 day)
          Perm:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: !Ref Fn
              Action: lambda:InvokeFunction
              Principal: events.amazonaws.com
              SourceAccount: !Ref AWS::AccountId
      ` },
      ],
    },
    {
      name: "CloudFormation JSON: API Gateway",
      path: "template.json",
      text: text`
        {
          "Resources": {
            "Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "orders"}},
            "Perm": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {"Ref": "Fn"},
                "Action": "lambda:InvokeFunction",
                "Principal": "apigateway.amazonaws.com"
              }
            }
          }
        }
      `,
      findings: [
        { text: "\"apigateway.amazonaws.com\"", severity: 'warning', resource: "Perm", message: "Lambda permission Perm lets apigateway.amazonaws.com invoke the function on behalf of any AWS account: add SourceArn (or at least SourceAccount) so only your apigateway resources can" },
      ],
      fixes: [
        { finding: 0, title: "Allow only Api to invoke (SourceArn)", isPreferred: true, output: text`
        {
          "Resources": {
            "Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "orders"}},
            "Perm": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {"Ref": "Fn"},
                "Action": "lambda:InvokeFunction",
                "Principal": "apigateway.amazonaws.com",
                "SourceArn": {"Fn::Sub": "arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${Api}/*"}
              }
            }
          }
        }
      ` },
        { finding: 0, title: "Allow only callers in this account (SourceAccount: !Ref AWS::AccountId)", isPreferred: false, output: text`
        {
          "Resources": {
            "Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "orders"}},
            "Perm": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {"Ref": "Fn"},
                "Action": "lambda:InvokeFunction",
                "Principal": "apigateway.amazonaws.com",
                "SourceAccount": {"Ref": "AWS::AccountId"}
              }
            }
          }
        }
      ` },
      ],
    },
    {
      name: "SAM: S3 (no SourceArn fix: a bucket ARN here would make a circular dependency)",
      path: "template.yaml",
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Perm:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: !Ref Fn
              Action: lambda:InvokeFunction
              Principal: s3.amazonaws.com
      `,
      findings: [
        { text: "s3.amazonaws.com", severity: 'warning', resource: "Perm", message: "Lambda permission Perm lets s3.amazonaws.com invoke the function on behalf of any AWS account: add SourceArn (or at least SourceAccount) so only your s3 resources can" },
      ],
      fixes: [
        { finding: 0, title: "Allow only callers in this account (SourceAccount: !Ref AWS::AccountId)", isPreferred: true, output: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Perm:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: !Ref Fn
              Action: lambda:InvokeFunction
              Principal: s3.amazonaws.com
              SourceAccount: !Ref AWS::AccountId
      ` },
      ],
    },
    {
      name: "serverless.yml resources: SNS with two topics (no single source): SourceAccount",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
        resources:
          Resources:
            A:
              Type: AWS::SNS::Topic
            B:
              Type: AWS::SNS::Topic
            Perm:
              Type: AWS::Lambda::Permission
              Properties:
                FunctionName: !Ref Fn
                Action: lambda:InvokeFunction
                Principal: sns.amazonaws.com
      `,
      findings: [
        { text: "sns.amazonaws.com", severity: 'warning', resource: "Perm", message: "Lambda permission Perm lets sns.amazonaws.com invoke the function on behalf of any AWS account: add SourceArn (or at least SourceAccount) so only your sns resources can" },
      ],
      fixes: [
        { finding: 0, title: "Allow only callers in this account (SourceAccount: !Ref AWS::AccountId)", isPreferred: true, output: text`
        service: orders
        provider:
          name: aws
        resources:
          Resources:
            A:
              Type: AWS::SNS::Topic
            B:
              Type: AWS::SNS::Topic
            Perm:
              Type: AWS::Lambda::Permission
              Properties:
                FunctionName: !Ref Fn
                Action: lambda:InvokeFunction
                Principal: sns.amazonaws.com
                SourceAccount: !Ref AWS::AccountId
      ` },
      ],
    },
  ],
});
