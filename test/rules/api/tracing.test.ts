import { tracing } from '../../../src/rules/api/tracing';
import { testRule, text } from '../../helpers/rule-tester';

testRule(tracing, {
  valid: [
    {
      name: 'REST stage with tracing; HTTP API stages are not judged',
      path: 'template.yaml',
      text: text`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties: {RestApiId: !Ref Api, TracingEnabled: true}
          Http:
            Type: AWS::ApiGatewayV2::Stage
            Properties: {ApiId: !Ref HttpApi}
      `,
    },
    {
      name: 'SAM tracing from Globals',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Api:
            TracingEnabled: true
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties: {StageName: prod}
      `,
    },
  ],
  invalid: [
    {
      name: 'v1 stage (YAML)',
      path: 'template.yaml',
      text: text`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              RestApiId: !Ref Api
      `,
      findings: [{ text: 'Prod', severity: 'info', message: 'AWS::ApiGateway::Stage Prod has no X-Ray tracing' }],
      fixes: [{ title: 'Set TracingEnabled: true', output: text`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              RestApiId: !Ref Api
              TracingEnabled: true
      ` }],
    },
    {
      name: 'v1 stage with TracingEnabled false (JSON)',
      path: 'template.json',
      text: '{"Resources": {"Prod": {"Type": "AWS::ApiGateway::Stage", "Properties": {"RestApiId": {"Ref": "Api"}, "TracingEnabled": false}}}}',
      findings: [{ text: '"Prod"' }],
      fixes: [{ title: 'TracingEnabled', output: '{"Resources": {"Prod": {"Type": "AWS::ApiGateway::Stage", "Properties": {"RestApiId": {"Ref": "Api"}, "TracingEnabled": true}}}}' }],
    },
    {
      name: 'SAM Api',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties: {StageName: prod}
      `,
      findings: [{ text: 'Api' }],
      fixes: [{ title: 'TracingEnabled', output: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties: {StageName: prod, TracingEnabled: true}
      ` }],
    },
    {
      name: 'SAM implicit REST API with an existing Globals.Api',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Api:
            OpenApiVersion: 3.0.1
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get: {Type: Api, Properties: {Path: /, Method: get}}
      `,
      findings: [{ text: 'Get', resource: 'ServerlessRestApi' }],
      fixes: [{ title: 'Set TracingEnabled: true in Globals.Api', output: text`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Api:
            OpenApiVersion: 3.0.1
            TracingEnabled: true
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get: {Type: Api, Properties: {Path: /, Method: get}}
      ` }],
    },
    {
      name: 'serverless REST API',
      path: 'serverless.yml',
      text: text`
        service: s
        provider:
          name: aws
          tracing:
            lambda: true
        functions:
          a:
            handler: a.h
            events:
              - http: GET a
      `,
      findings: [{ text: 'http', message: 'set provider.tracing.apiGateway: true' }],
      fixes: [{ title: 'provider.tracing.apiGateway', output: text`
        service: s
        provider:
          name: aws
          tracing:
            lambda: true
            apiGateway: true
        functions:
          a:
            handler: a.h
            events:
              - http: GET a
      ` }],
    },
  ],
});
