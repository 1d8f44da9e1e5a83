import { corsWildcardCredentials } from '../../../src/rules/api/cors-wildcard-credentials';
import { testRule, text } from '../../helpers/rule-tester';

testRule(corsWildcardCredentials, {
  valid: [
    {
      name: 'any origin without credentials; listed origins with credentials',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Public:
            Type: AWS::Serverless::HttpApi
            Properties:
              CorsConfiguration: {AllowOrigins: ['*'], AllowMethods: [GET]}
          App:
            Type: AWS::ApiGatewayV2::Api
            Properties:
              CorsConfiguration:
                AllowOrigins: [https://app.example.com]
                AllowCredentials: true
          Rest:
            Type: AWS::Serverless::Api
            Properties:
              Cors: "'*'"
      `,
    },
    {
      name: 'serverless cors: true',
      path: 'serverless.yml',
      text: text`
        service: s
        provider: {name: aws}
        functions:
          a:
            handler: a.h
            events:
              - http: {path: a, method: get, cors: true}
      `,
    },
  ],
  invalid: [
    {
      name: 'v2 API (YAML)',
      path: 'template.yaml',
      text: text`
        Resources:
          Api:
            Type: AWS::ApiGatewayV2::Api
            Properties:
              ProtocolType: HTTP
              CorsConfiguration:
                AllowOrigins:
                  - "*"
                AllowCredentials: true
      `,
      findings: [{ text: '"*"', resource: 'Api', message: 'CORS in AWS::ApiGatewayV2::Api Api allows any origin (`*`) together with credentials' }],
      fixes: [{ title: 'Stop allowing credentials (AllowCredentials: false)', output: text`
        Resources:
          Api:
            Type: AWS::ApiGatewayV2::Api
            Properties:
              ProtocolType: HTTP
              CorsConfiguration:
                AllowOrigins:
                  - "*"
                AllowCredentials: false
      ` }],
    },
    {
      name: 'SAM Api Cors map with quoted header values',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Cors:
                AllowOrigin: "'*'"
                AllowCredentials: true
      `,
      findings: [{ text: `"'*'"` }],
    },
    {
      name: 'v1 OPTIONS mock answering both headers (JSON)',
      path: 'template.json',
      text: '{"Resources": {"Options": {"Type": "AWS::ApiGateway::Method", "Properties": {"HttpMethod": "OPTIONS", "Integration": {"Type": "MOCK", "IntegrationResponses": [{"StatusCode": "200", "ResponseParameters": {"method.response.header.Access-Control-Allow-Origin": "\'*\'", "method.response.header.Access-Control-Allow-Credentials": "\'true\'"}}]}}}}}',
      findings: [{ text: `"'*'"`, resource: 'Options' }],
      fixes: [{ title: 'remove Access-Control-Allow-Credentials', output: '{"Resources": {"Options": {"Type": "AWS::ApiGateway::Method", "Properties": {"HttpMethod": "OPTIONS", "Integration": {"Type": "MOCK", "IntegrationResponses": [{"StatusCode": "200", "ResponseParameters": {"method.response.header.Access-Control-Allow-Origin": "\'*\'"}}]}}}}}' }],
    },
    {
      name: 'serverless http event cors and provider.httpApi.cors',
      path: 'serverless.yml',
      text: text`
        service: s
        provider:
          name: aws
          httpApi:
            cors:
              allowedOrigins: ['*']
              allowCredentials: true
        functions:
          a:
            handler: a.h
            events:
              - http:
                  path: a
                  method: get
                  cors:
                    origin: '*'
                    allowCredentials: true
      `,
      findings: [{ text: "'*'", resource: 'provider' }, { text: "'*'", resource: 'a', message: 'CORS in the http event of function a' }],
      fixes: [{ finding: 1, title: 'allowCredentials: false', output: text`
        service: s
        provider:
          name: aws
          httpApi:
            cors:
              allowedOrigins: ['*']
              allowCredentials: true
        functions:
          a:
            handler: a.h
            events:
              - http:
                  path: a
                  method: get
                  cors:
                    origin: '*'
                    allowCredentials: false
      ` }],
    },
  ],
});
