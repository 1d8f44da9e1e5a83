import { dataTrace } from '../../../src/rules/api/data-trace';
import { testRule, text } from '../../helpers/rule-tester';

testRule(dataTrace, {
  valid: [
    {
      name: 'method settings with INFO logging and no data trace',
      path: 'template.yaml',
      text: text`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              MethodSettings:
                - {ResourcePath: /*, HttpMethod: '*', LoggingLevel: INFO, DataTraceEnabled: false}
          Ws:
            Type: AWS::ApiGatewayV2::Stage
            Properties:
              DefaultRouteSettings: {DataTraceEnabled: !Ref Trace}
      `,
    },
    {
      name: 'serverless execution logs without full data',
      path: 'serverless.yml',
      text: text`
        service: s
        provider:
          name: aws
          logs:
            restApi:
              executionLogging: true
              fullExecutionData: false
      `,
    },
  ],
  invalid: [
    {
      name: 'v1 stage method setting (YAML)',
      path: 'template.yaml',
      text: text`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              MethodSettings:
                - ResourcePath: /*
                  HttpMethod: '*'
                  DataTraceEnabled: true
      `,
      findings: [{ text: 'true', range: '8:29-8:33', resource: 'Prod', message: '`DataTraceEnabled: true` in AWS::ApiGateway::Stage Prod writes full requests and responses' }],
      fixes: [{ title: 'Set DataTraceEnabled: false', output: text`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              MethodSettings:
                - ResourcePath: /*
                  HttpMethod: '*'
                  DataTraceEnabled: false
      ` }],
    },
    {
      name: 'deployment StageDescription in JSON',
      path: 'template.json',
      text: '{"Resources": {"D": {"Type": "AWS::ApiGateway::Deployment", "Properties": {"StageName": "prod", "StageDescription": {"DataTraceEnabled": true}}}}}',
      findings: [{ text: 'true', message: 'in AWS::ApiGateway::Deployment D' }],
      fixes: [{ title: 'false', output: '{"Resources": {"D": {"Type": "AWS::ApiGateway::Deployment", "Properties": {"StageName": "prod", "StageDescription": {"DataTraceEnabled": false}}}}}' }],
    },
    {
      name: 'v2 WebSocket stage route settings',
      path: 'template.yaml',
      text: text`
        Resources:
          Ws:
            Type: AWS::ApiGatewayV2::Stage
            Properties:
              DefaultRouteSettings: {DataTraceEnabled: true}
              RouteSettings:
                $connect: {DataTraceEnabled: "true"}
      `,
      findings: [{ text: 'true' }, { text: '"true"' }],
      fixes: [{ finding: 1, title: 'false', output: text`
        Resources:
          Ws:
            Type: AWS::ApiGatewayV2::Stage
            Properties:
              DefaultRouteSettings: {DataTraceEnabled: true}
              RouteSettings:
                $connect: {DataTraceEnabled: false}
      ` }],
    },
    {
      name: 'SAM Globals.Api method settings',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Api:
            MethodSettings:
              - {ResourcePath: /*, HttpMethod: '*', DataTraceEnabled: true}
        Resources: {}
      `,
      findings: [{ text: 'true', resource: 'Globals', message: 'in Globals.Api (every SAM REST API)' }],
    },
    {
      name: 'serverless provider.logs.restApi.fullExecutionData',
      path: 'serverless.yml',
      text: text`
        service: s
        provider:
          name: aws
          logs:
            restApi:
              fullExecutionData: true
      `,
      findings: [{ text: 'true', message: '`fullExecutionData: true` in provider.logs.restApi' }],
      fixes: [{ title: 'Set fullExecutionData: false', output: text`
        service: s
        provider:
          name: aws
          logs:
            restApi:
              fullExecutionData: false
      ` }],
    },
  ],
});
