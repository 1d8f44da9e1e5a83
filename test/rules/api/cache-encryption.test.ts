import { cacheEncryption } from '../../../src/rules/api/cache-encryption';
import { testRule, text } from '../../helpers/rule-tester';

testRule(cacheEncryption, {
  valid: [
    {
      name: 'encrypted cache, and caching off',
      path: 'template.yaml',
      text: text`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              CacheClusterEnabled: true
              MethodSettings:
                - {ResourcePath: /*, HttpMethod: '*', CachingEnabled: true, CacheDataEncrypted: true}
                - {ResourcePath: /x, HttpMethod: GET, CachingEnabled: false}
                - {ResourcePath: /y, HttpMethod: GET, CachingEnabled: true, CacheDataEncrypted: !Ref Encrypt}
      `,
    },
  ],
  invalid: [
    {
      name: 'v1 stage method setting (YAML block)',
      path: 'template.yaml',
      text: text`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              CacheClusterEnabled: true
              MethodSettings:
                - ResourcePath: /*
                  HttpMethod: '*'
                  CachingEnabled: true
      `,
      findings: [{ text: 'true', range: '9:27-9:31', resource: 'Prod', message: 'Caching is on in AWS::ApiGateway::Stage Prod without CacheDataEncrypted' }],
      fixes: [{ title: 'Set CacheDataEncrypted: true', output: text`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              CacheClusterEnabled: true
              MethodSettings:
                - ResourcePath: /*
                  HttpMethod: '*'
                  CachingEnabled: true
                  CacheDataEncrypted: true
      ` }],
    },
    {
      name: 'deployment StageDescription with CacheDataEncrypted false (JSON)',
      path: 'template.json',
      text: '{"Resources": {"D": {"Type": "AWS::ApiGateway::Deployment", "Properties": {"StageName": "prod", "StageDescription": {"CachingEnabled": true, "CacheDataEncrypted": false}}}}}',
      findings: [{ text: 'true', resource: 'D' }],
      fixes: [{ title: 'CacheDataEncrypted', output: '{"Resources": {"D": {"Type": "AWS::ApiGateway::Deployment", "Properties": {"StageName": "prod", "StageDescription": {"CachingEnabled": true, "CacheDataEncrypted": true}}}}}' }],
    },
    {
      name: 'SAM Api method settings in flow style',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              MethodSettings: [{ResourcePath: /*, HttpMethod: '*', CachingEnabled: true}]
      `,
      findings: [{ text: 'true', resource: 'Api' }],
      fixes: [{ title: 'CacheDataEncrypted', output: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              MethodSettings: [{ResourcePath: /*, HttpMethod: '*', CachingEnabled: true, CacheDataEncrypted: true}]
      ` }],
    },
    {
      name: 'serverless-api-gateway-caching without dataEncrypted',
      path: 'serverless.yml',
      text: text`
        service: s
        provider: {name: aws}
        custom:
          apiGatewayCaching:
            enabled: true
            ttlInSeconds: 300
      `,
      findings: [{ text: 'true', message: 'Caching is on in custom.apiGatewayCaching without dataEncrypted' }],
      fixes: [{ title: 'Set dataEncrypted: true', output: text`
        service: s
        provider: {name: aws}
        custom:
          apiGatewayCaching:
            enabled: true
            ttlInSeconds: 300
            dataEncrypted: true
      ` }],
    },
  ],
});
