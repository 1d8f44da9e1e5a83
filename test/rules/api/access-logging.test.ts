import { accessLogging } from '../../../src/rules/api/access-logging';
import { testRule, text } from '../../helpers/rule-tester';

const REST = '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] "$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId';
const HTTP = '$context.identity.sourceIp [$context.requestTime] "$context.httpMethod $context.routeKey $context.protocol" $context.status $context.responseLength $context.requestId';

testRule(accessLogging, {
  valid: [
    {
      name: 'v1 stage and v2 stage with access logs; deployment without a stage name',
      path: 'template.yaml',
      text: text`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              RestApiId: !Ref Api
              AccessLogSetting: {DestinationArn: !GetAtt Logs.Arn, Format: $context.requestId}
          Http:
            Type: AWS::ApiGatewayV2::Stage
            Properties:
              ApiId: !Ref HttpApi
              AccessLogSettings: {DestinationArn: !GetAtt Logs.Arn, Format: $context.requestId}
          Deployment:
            Type: AWS::ApiGateway::Deployment
            Properties: {RestApiId: !Ref Api}
      `,
    },
    {
      name: 'SAM implicit API logging from Globals; a setting behind !If is not judged',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Api:
            AccessLogSetting:
              DestinationArn: !GetAtt Logs.Arn
              Format: $context.requestId
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get: {Type: Api, Properties: {Path: /, Method: get}}
          Other:
            Type: AWS::Serverless::HttpApi
            Properties:
              AccessLogSettings: !If [Logging, {DestinationArn: x, Format: y}, !Ref AWS::NoValue]
      `,
    },
    {
      name: 'serverless with provider.logs.restApi and a shared httpApi',
      path: 'serverless.yml',
      text: text`
        service: s
        provider:
          name: aws
          logs:
            restApi: true
          httpApi:
            id: abc123
        functions:
          a:
            handler: a.h
            events:
              - http: GET a
              - httpApi: GET /b
      `,
    },
  ],
  invalid: [
    {
      name: 'v1 stage without access logs: log group added, referenced by ARN',
      path: 'template.yaml',
      text: text`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              RestApiId: !Ref Api
              StageName: prod
      `,
      findings: [{ text: 'Prod', resource: 'Prod', message: 'AWS::ApiGateway::Stage Prod has no access logging: without it, nobody can tell who called the API; send access logs to a CloudWatch log group' }],
      fixes: [{ title: 'Log to a new AWS::Logs::LogGroup ProdAccessLogs (90-day retention)', output: text`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              RestApiId: !Ref Api
              StageName: prod
              AccessLogSetting:
                DestinationArn: !GetAtt ProdAccessLogs.Arn
                Format: ${REST}
          ProdAccessLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 90
      ` }],
    },
    {
      name: 'v2 stage in JSON',
      path: 'template.json',
      text: '{\n  "Resources": {\n    "Stage": {\n      "Type": "AWS::ApiGatewayV2::Stage",\n      "Properties": {\n        "ApiId": {"Ref": "Api"},\n        "StageName": "$default"\n      }\n    }\n  }\n}\n',
      findings: [{ text: '"Stage"', message: 'AWS::ApiGatewayV2::Stage Stage has no access logging' }],
      fixes: [{ title: 'StageAccessLogs', output: `{\n  "Resources": {\n    "Stage": {\n      "Type": "AWS::ApiGatewayV2::Stage",\n      "Properties": {\n        "ApiId": {"Ref": "Api"},\n        "StageName": "$default",\n        "AccessLogSettings": {\n          "DestinationArn": {"Fn::GetAtt": ["StageAccessLogs", "Arn"]},\n          "Format": ${JSON.stringify(HTTP)}\n        }\n      }\n    },\n    "StageAccessLogs": {\n      "Type": "AWS::Logs::LogGroup",\n      "Properties": {"RetentionInDays": 90}\n    }\n  }\n}\n` }],
    },
    {
      name: 'v1 deployment whose stage has no StageDescription',
      path: 'template.yaml',
      text: text`
        Resources:
          Deployment:
            Type: AWS::ApiGateway::Deployment
            Properties:
              RestApiId: !Ref Api
              StageName: prod
          Other:
            Type: AWS::SNS::Topic
      `,
      findings: [{ text: 'Deployment', message: 'The stage of AWS::ApiGateway::Deployment Deployment has no access logging' }],
      fixes: [{ title: 'DeploymentAccessLogs', output: text`
        Resources:
          Deployment:
            Type: AWS::ApiGateway::Deployment
            Properties:
              RestApiId: !Ref Api
              StageName: prod
              StageDescription:
                AccessLogSetting:
                  DestinationArn: !GetAtt DeploymentAccessLogs.Arn
                  Format: ${REST}
          Other:
            Type: AWS::SNS::Topic
          DeploymentAccessLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 90
      ` }],
    },
    {
      name: 'SAM HttpApi and the implicit REST API of an event',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Http:
            Type: AWS::Serverless::HttpApi
            Properties:
              StageName: prod
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get: {Type: Api, Properties: {Path: /, Method: get}}
      `,
      findings: [
        { text: 'Http', resource: 'Http', message: 'AWS::Serverless::HttpApi Http has no access logging' },
        { text: 'Get', resource: 'ServerlessRestApi', message: "The implicit API ServerlessRestApi that SAM creates for Fn's events (configured in Globals.Api) has no access logging" },
      ],
      fixes: [{ finding: 0, title: 'HttpAccessLogs', output: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Http:
            Type: AWS::Serverless::HttpApi
            Properties:
              StageName: prod
              AccessLogSettings:
                DestinationArn: !GetAtt HttpAccessLogs.Arn
                Format: ${HTTP}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get: {Type: Api, Properties: {Path: /, Method: get}}
          HttpAccessLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 90
      ` }],
    },
    {
      name: 'SAM implicit REST API without Globals: the setting goes to a new Globals.Api',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get: {Type: Api, Properties: {Path: /, Method: get}}
        Outputs:
          Url:
            Value: !Sub https://\${ServerlessRestApi}.execute-api.\${AWS::Region}.amazonaws.com/Prod/
      `,
      findings: [{ text: 'Get', resource: 'ServerlessRestApi' }],
      fixes: [{ title: 'Log to a new AWS::Logs::LogGroup ServerlessRestApiAccessLogs (90-day retention) in Globals.Api', output: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get: {Type: Api, Properties: {Path: /, Method: get}}
          ServerlessRestApiAccessLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 90
        Outputs:
          Url:
            Value: !Sub https://\${ServerlessRestApi}.execute-api.\${AWS::Region}.amazonaws.com/Prod/
        Globals:
          Api:
            AccessLogSetting:
              DestinationArn: !GetAtt ServerlessRestApiAccessLogs.Arn
              Format: ${REST}
      ` }],
    },
    {
      name: 'serverless http and httpApi events without provider.logs',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
        functions:
          a:
            handler: a.h
            events:
              - http: GET a
              - httpApi: GET /b
      `,
      findings: [
        { text: 'http', message: 'The REST API serverless creates for the `http` events of orders has no access logging: without it, nobody can tell who called the API; set provider.logs.restApi: true' },
        { text: 'httpApi', message: 'provider.logs.httpApi: true' },
      ],
      fixes: [{ finding: 0, title: 'Set provider.logs.restApi: true', output: text`
        service: orders
        provider:
          name: aws
          logs:
            restApi: true
        functions:
          a:
            handler: a.h
            events:
              - http: GET a
              - httpApi: GET /b
      ` }],
    },
  ],
});
