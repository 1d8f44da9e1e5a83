import { throttling } from '../../../src/rules/api/throttling';
import { testRule, text } from '../../helpers/rule-tester';

testRule(throttling, {
  valid: [
    {
      name: 'v1 stage with method-setting throttling; v2 stage with default route throttling',
      path: 'template.yaml',
      text: text`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              RestApiId: !Ref Api
              AccessLogSetting: {DestinationArn: x}
              MethodSettings:
                - {ResourcePath: /*, HttpMethod: '*', ThrottlingRateLimit: 10, ThrottlingBurstLimit: 5}
          Http:
            Type: AWS::ApiGatewayV2::Stage
            Properties:
              ApiId: !Ref HttpApi
              DefaultRouteSettings: {ThrottlingBurstLimit: 5, ThrottlingRateLimit: 10}
      `,
    },
    {
      name: 'v1 stage throttled by a usage plan; private API',
      path: 'template.yaml',
      text: text`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties: {RestApiId: !Ref Api}
          Plan:
            Type: AWS::ApiGateway::UsagePlan
            Properties:
              ApiStages: [{ApiId: !Ref Api, Stage: prod}]
              Throttle: {RateLimit: 10, BurstLimit: 5}
          Private:
            Type: AWS::ApiGateway::RestApi
            Properties: {EndpointConfiguration: {Types: [PRIVATE]}}
          PrivateStage:
            Type: AWS::ApiGateway::Stage
            Properties: {RestApiId: !Ref Private}
      `,
    },
    {
      name: 'serverless usage plan throttle; httpApi events cannot be throttled from serverless.yml',
      path: 'serverless.yml',
      text: text`
        service: s
        provider:
          name: aws
          apiGateway:
            usagePlan:
              throttle: {burstLimit: 5, rateLimit: 10}
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
      name: 'v1 stage without throttling: a method setting is added',
      path: 'template.yaml',
      text: text`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              RestApiId: !Ref Api
              MethodSettings:
                - ResourcePath: /*
                  HttpMethod: '*'
                  LoggingLevel: ERROR
      `,
      findings: [{ text: 'Prod', resource: 'Prod', message: 'AWS::ApiGateway::Stage Prod sets no throttling: only the account-wide limit' }],
      fixes: [{ title: 'Throttle at 100 requests/s, bursts of 50', output: text`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              RestApiId: !Ref Api
              MethodSettings:
                - ResourcePath: /*
                  HttpMethod: '*'
                  LoggingLevel: ERROR
                - ResourcePath: /*
                  HttpMethod: '*'
                  ThrottlingRateLimit: 100
                  ThrottlingBurstLimit: 50
      ` }],
    },
    {
      name: 'v2 stage in JSON',
      path: 'template.json',
      text: '{\n  "Resources": {\n    "Stage": {\n      "Type": "AWS::ApiGatewayV2::Stage",\n      "Properties": {\n        "ApiId": {"Ref": "Api"}\n      }\n    }\n  }\n}\n',
      findings: [{ text: '"Stage"' }],
      fixes: [{ title: 'Throttle', output: '{\n  "Resources": {\n    "Stage": {\n      "Type": "AWS::ApiGatewayV2::Stage",\n      "Properties": {\n        "ApiId": {"Ref": "Api"},\n        "DefaultRouteSettings": {\n          "ThrottlingRateLimit": 100,\n          "ThrottlingBurstLimit": 50\n        }\n      }\n    }\n  }\n}\n' }],
    },
    {
      name: 'v1 deployment StageDescription',
      path: 'template.yaml',
      text: text`
        Resources:
          Deployment:
            Type: AWS::ApiGateway::Deployment
            Properties:
              RestApiId: !Ref Api
              StageName: prod
              StageDescription:
                TracingEnabled: true
      `,
      findings: [{ text: 'Deployment' }],
      fixes: [{ title: 'Throttle', output: text`
        Resources:
          Deployment:
            Type: AWS::ApiGateway::Deployment
            Properties:
              RestApiId: !Ref Api
              StageName: prod
              StageDescription:
                TracingEnabled: true
                ThrottlingRateLimit: 100
                ThrottlingBurstLimit: 50
      ` }],
    },
    {
      name: 'SAM Api and HttpApi',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
          Http:
            Type: AWS::Serverless::HttpApi
            Properties:
              StageName: prod
      `,
      findings: [{ text: 'Api', resource: 'Api' }, { text: 'Http', resource: 'Http' }],
      fixes: [
        { finding: 0, title: 'Throttle', output: text`
          Transform: AWS::Serverless-2016-10-31
          Resources:
            Api:
              Type: AWS::Serverless::Api
              Properties:
                StageName: prod
                MethodSettings:
                  - ResourcePath: /*
                    HttpMethod: '*'
                    ThrottlingRateLimit: 100
                    ThrottlingBurstLimit: 50
            Http:
              Type: AWS::Serverless::HttpApi
              Properties:
                StageName: prod
        ` },
        { finding: 1, title: 'Throttle', output: text`
          Transform: AWS::Serverless-2016-10-31
          Resources:
            Api:
              Type: AWS::Serverless::Api
              Properties:
                StageName: prod
            Http:
              Type: AWS::Serverless::HttpApi
              Properties:
                StageName: prod
                DefaultRouteSettings:
                  ThrottlingRateLimit: 100
                  ThrottlingBurstLimit: 50
        ` },
      ],
    },
    {
      name: 'SAM implicit HTTP API: DefaultRouteSettings go to Globals.HttpApi',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: python3.12
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Any: {Type: HttpApi}
      `,
      findings: [{ text: 'Any', resource: 'ServerlessHttpApi' }],
      fixes: [{ title: 'Throttle at 100 requests/s, bursts of 50 in Globals.HttpApi', output: text`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: python3.12
          HttpApi:
            DefaultRouteSettings:
              ThrottlingRateLimit: 100
              ThrottlingBurstLimit: 50
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Any: {Type: HttpApi}
      ` }],
    },
    {
      name: 'serverless REST API without throttling (no automatic fix)',
      path: 'serverless.yml',
      text: text`
        service: s
        provider:
          name: aws
        functions:
          a:
            handler: a.h
            events:
              - http: GET a
      `,
      findings: [{ text: 'http', message: 'add a usage plan with throttle (provider.apiGateway.usagePlan) or the serverless-api-gateway-throttling plugin' }],
    },
  ],
});
