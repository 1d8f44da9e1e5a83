import { tlsPolicy } from '../../../src/rules/api/tls-policy';
import { testRule, text } from '../../helpers/rule-tester';

testRule(tlsPolicy, {
  valid: [
    {
      name: 'v1 domain with TLS_1_2, v2 domain without a policy (TLS 1.2 is its default)',
      path: 'template.yaml',
      text: text`
        Resources:
          Rest:
            Type: AWS::ApiGateway::DomainName
            Properties: {DomainName: api.example.com, SecurityPolicy: TLS_1_2}
          Http:
            Type: AWS::ApiGatewayV2::DomainName
            Properties:
              DomainName: http.example.com
              DomainNameConfigurations:
                - CertificateArn: !Ref Cert
      `,
    },
    {
      name: 'a policy from a parameter is not judged',
      path: 'template.json',
      text: '{"Resources": {"D": {"Type": "AWS::ApiGateway::DomainName", "Properties": {"DomainName": "x", "SecurityPolicy": {"Ref": "Policy"}}}}}',
    },
    {
      name: 'SAM HttpApi domain without a policy; serverless-domain-manager default',
      path: 'serverless.yml',
      text: text`
        service: s
        provider: {name: aws}
        custom:
          customDomain:
            domainName: api.example.com
      `,
    },
  ],
  invalid: [
    {
      name: 'v1 DomainName without SecurityPolicy (YAML)',
      path: 'template.yaml',
      text: text`
        Resources:
          ApiDomain:
            Type: AWS::ApiGateway::DomainName
            Properties:
              DomainName: api.example.com
              RegionalCertificateArn: !Ref Cert
      `,
      findings: [{ text: 'ApiDomain', message: 'AWS::ApiGateway::DomainName ApiDomain has no SecurityPolicy, so API Gateway accepts TLS 1.0 and 1.1 connections: set SecurityPolicy: TLS_1_2' }],
      fixes: [{ title: 'Set SecurityPolicy: TLS_1_2', output: text`
        Resources:
          ApiDomain:
            Type: AWS::ApiGateway::DomainName
            Properties:
              DomainName: api.example.com
              RegionalCertificateArn: !Ref Cert
              SecurityPolicy: TLS_1_2
      ` }],
    },
    {
      name: 'v1 DomainName with TLS_1_0 (JSON)',
      path: 'template.json',
      text: '{\n  "Resources": {\n    "D": {\n      "Type": "AWS::ApiGateway::DomainName",\n      "Properties": {\n        "DomainName": "api.example.com",\n        "SecurityPolicy": "TLS_1_0"\n      }\n    }\n  }\n}\n',
      findings: [{ text: '"TLS_1_0"', message: 'uses SecurityPolicy TLS_1_0' }],
      fixes: [{ title: 'TLS_1_2', output: '{\n  "Resources": {\n    "D": {\n      "Type": "AWS::ApiGateway::DomainName",\n      "Properties": {\n        "DomainName": "api.example.com",\n        "SecurityPolicy": "TLS_1_2"\n      }\n    }\n  }\n}\n' }],
    },
    {
      name: 'v2 DomainName configuration with TLS_1_0',
      path: 'template.yaml',
      text: text`
        Resources:
          Http:
            Type: AWS::ApiGatewayV2::DomainName
            Properties:
              DomainName: http.example.com
              DomainNameConfigurations:
                - {CertificateArn: !Ref Cert, SecurityPolicy: TLS_1_0}
      `,
      findings: [{ text: 'TLS_1_0' }],
      fixes: [{ title: 'TLS_1_2', output: text`
        Resources:
          Http:
            Type: AWS::ApiGatewayV2::DomainName
            Properties:
              DomainName: http.example.com
              DomainNameConfigurations:
                - {CertificateArn: !Ref Cert, SecurityPolicy: TLS_1_2}
      ` }],
    },
    {
      name: 'SAM Api Domain from Globals without SecurityPolicy',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Api:
            Domain:
              DomainName: api.example.com
              CertificateArn: !Ref Cert
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties: {StageName: prod}
      `,
      findings: [{ text: 'Domain', resource: 'Api', message: 'The custom domain of AWS::Serverless::Api Api (from Globals) has no SecurityPolicy' }],
      fixes: [{ title: 'Set SecurityPolicy: TLS_1_2 in Globals', output: text`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Api:
            Domain:
              DomainName: api.example.com
              CertificateArn: !Ref Cert
              SecurityPolicy: TLS_1_2
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties: {StageName: prod}
      ` }],
    },
    {
      name: 'serverless-domain-manager with tls_1_0',
      path: 'serverless.yml',
      text: text`
        service: s
        provider: {name: aws}
        custom:
          customDomains:
            - rest:
                domainName: api.example.com
                securityPolicy: tls_1_0
      `,
      findings: [{ text: 'tls_1_0', resource: 'api.example.com', message: 'Custom domain api.example.com uses securityPolicy tls_1_0' }],
      fixes: [{ title: 'Set securityPolicy: tls_1_2', output: text`
        service: s
        provider: {name: aws}
        custom:
          customDomains:
            - rest:
                domainName: api.example.com
                securityPolicy: tls_1_2
      ` }],
    },
  ],
});
