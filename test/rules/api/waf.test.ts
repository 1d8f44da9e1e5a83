import { waf } from '../../../src/rules/api/waf';
import { testRule, text } from '../../helpers/rule-tester';

testRule(waf, {
  valid: [
    {
      name: 'REST stage with a WAFv2 association naming its API; HTTP API stages are not judged',
      path: 'template.yaml',
      text: text`
        Resources:
          Api:
            Type: AWS::ApiGateway::RestApi
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties: {RestApiId: !Ref Api, StageName: prod}
          Association:
            Type: AWS::WAFv2::WebACLAssociation
            Properties:
              ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/prod
              WebACLArn: !GetAtt Acl.Arn
          Http:
            Type: AWS::ApiGatewayV2::Stage
            Properties: {ApiId: !Ref HttpApi}
      `,
    },
    {
      name: 'an association whose target is a parameter may cover the stage',
      path: 'template.json',
      text: '{"Resources": {"Prod": {"Type": "AWS::ApiGateway::Stage", "Properties": {"RestApiId": {"Ref": "Api"}}}, "A": {"Type": "AWS::WAFv2::WebACLAssociation", "Properties": {"ResourceArn": {"Ref": "StageArn"}, "WebACLArn": {"Ref": "Acl"}}}}}',
    },
    {
      name: 'serverless with serverless-associate-waf',
      path: 'serverless.yml',
      text: text`
        service: s
        provider: {name: aws}
        custom:
          associateWaf:
            name: my-acl
        functions:
          a:
            handler: a.h
            events:
              - http: GET a
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
            Properties: {RestApiId: !Ref Api}
      `,
      findings: [{ text: 'Prod', severity: 'info', message: 'AWS::ApiGateway::Stage Prod has no AWS WAF web ACL associated in this template: a web ACL blocks common exploits, bots and floods before they reach your code; associate one (AWS::WAFv2::WebACLAssociation), unless it is attached elsewhere (another stack, Firewall Manager)' }],
    },
    {
      name: 'v1 stage in JSON with an association for another API',
      path: 'template.json',
      text: '{"Resources": {"Api": {"Type": "AWS::ApiGateway::RestApi"}, "Other": {"Type": "AWS::ApiGateway::RestApi"}, "Prod": {"Type": "AWS::ApiGateway::Stage", "Properties": {"RestApiId": {"Ref": "Api"}}}, "A": {"Type": "AWS::WAFv2::WebACLAssociation", "Properties": {"ResourceArn": {"Fn::Sub": "arn:aws:apigateway:${AWS::Region}::/restapis/${Other}/stages/prod"}}}}}',
      findings: [{ text: '"Prod"' }],
    },
    {
      name: 'SAM Api and the serverless REST API',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties: {StageName: prod}
      `,
      findings: [{ text: 'Api', message: 'AWS::Serverless::Api Api has no AWS WAF web ACL' }],
    },
    {
      name: 'serverless http events',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider: {name: aws}
        functions:
          a:
            handler: a.h
            events:
              - http: GET a
      `,
      findings: [{ text: 'http', message: 'The REST API serverless creates for the `http` events of orders has no AWS WAF web ACL' }],
    },
  ],
});
