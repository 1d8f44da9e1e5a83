import { parameterNoEcho } from '../../../src/rules/secrets/parameter-noecho';
import { FAKE_SECRETS as S } from '../../fixtures/secrets/fake-secrets';
import { testRule, text } from '../../helpers/rule-tester';

testRule(parameterNoEcho, {
  valid: [
    {
      name: 'NoEcho parameters without Default; non-secret parameters; a secret name read through a dynamic reference',
      path: 'template.yaml',
      text: text`
        Parameters:
          DbPassword:
            Type: String
            NoEcho: true
          DbSecretName:
            Type: String
            Default: orders/db
          DbSecretArn:
            Type: String
          KeyName:
            Type: AWS::EC2::KeyPair::KeyName
          Username:
            Type: String
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              MasterUsername: !Ref Username
              MasterUserPassword: !Sub '{{resolve:secretsmanager:\${DbSecretName}:SecretString:password}}'
          Broker:
            Type: AWS::AmazonMQ::Broker
            Properties:
              Users:
                - Password: !Ref DbPassword
      `,
    },
    {
      name: 'a NoEcho parameter whose Default is empty, and a username in a JSON SecretString',
      path: 'template.json',
      text: JSON.stringify({
        Parameters: { ApiToken: { Type: 'String', NoEcho: true, Default: '' }, Port: { Type: 'Number', NoEcho: true, Default: 8080 }, DomainUser: { Type: 'String' }, DomainPassword: { Type: 'String', NoEcho: true } },
        Resources: { S: { Type: 'AWS::SecretsManager::Secret', Properties: { SecretString: { 'Fn::Sub': '{"user":"${DomainUser}","password":"${DomainPassword}"}' } } } },
      }, null, 2),
    },
  ],
  invalid: [
    {
      name: 'a parameter feeding a password property and an environment variable, without NoEcho',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          DbPassword:
            Type: String
            MinLength: 12
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              MasterUserPassword: !Ref DbPassword
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Environment:
                Variables:
                  DB_PASSWORD: !Sub "\${DbPassword}"
      `,
      findings: [{
        text: 'DbPassword',
        range: '3:3-3:13',
        resource: 'DbPassword',
        message: 'Parameter DbPassword feeds MasterUserPassword of AWS::RDS::DBInstance Db (and 1 more) but has no `NoEcho: true`',
      }],
      fixes: [{
        title: 'Add `NoEcho: true`',
        isPreferred: true,
        output: text`
          Transform: AWS::Serverless-2016-10-31
          Parameters:
            DbPassword:
              Type: String
              MinLength: 12
              NoEcho: true
          Resources:
            Db:
              Type: AWS::RDS::DBInstance
              Properties:
                MasterUserPassword: !Ref DbPassword
            Fn:
              Type: AWS::Serverless::Function
              Properties:
                Environment:
                  Variables:
                    DB_PASSWORD: !Sub "\${DbPassword}"
        `,
      }],
    },
    {
      name: 'NoEcho: false is replaced; a parameter named as a secret in JSON',
      path: 'template.json',
      text: '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Parameters": {\n    "GitHubToken": {"Type": "String", "NoEcho": false}\n  }\n}\n',
      findings: [{ text: '"GitHubToken"', message: 'Parameter GitHubToken is named as a secret but has no `NoEcho: true`' }],
      fixes: [{ title: 'Add `NoEcho: true`', output: '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Parameters": {\n    "GitHubToken": {"Type": "String", "NoEcho": true}\n  }\n}\n' }],
    },
    {
      name: 'NoEcho with a Default: remove the Default',
      path: 'template.yaml',
      text: text`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          SigningSecret:
            Type: String
            NoEcho: true
            Default: ${S.paramDefault}
            Description: HMAC key
        Resources: {}
      `,
      findings: [{ text: S.paramDefault, message: 'NoEcho parameter SigningSecret has a Default: the secret is written in the template' }],
      fixes: [{
        title: 'Remove the Default (the value must then be passed at deploy time)',
        output: text`
          AWSTemplateFormatVersion: "2010-09-09"
          Parameters:
            SigningSecret:
              Type: String
              NoEcho: true
              Description: HMAC key
          Resources: {}
        `,
      }],
    },
    {
      name: 'NoEcho with a Default that reads like a name is still the secret',
      path: 'template.json',
      text: '{"AWSTemplateFormatVersion": "2010-09-09", "Parameters": {"GatewayToken": {"Type": "String", "NoEcho": true, "Default": "poc-gateway-token-42"}}}',
      findings: [{ text: '"poc-gateway-token-42"', severity: 'warning', message: 'NoEcho parameter GatewayToken has a Default' }],
      fixes: [{ title: 'Remove the Default', output: '{"AWSTemplateFormatVersion": "2010-09-09", "Parameters": {"GatewayToken": {"Type": "String", "NoEcho": true}}}' }],
    },
    {
      name: 'NoEcho with a placeholder Default is reported at info',
      path: 'template.yaml',
      text: text`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          AdminPassword: {Type: String, NoEcho: true, Default: changeme}
        Resources: {}
      `,
      findings: [{ text: 'changeme', severity: 'info', message: 'weak placeholder Default' }],
      fixes: [{ title: 'Remove the Default', output: text`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          AdminPassword: {Type: String, NoEcho: true}
        Resources: {}
      ` }],
    },
  ],
});
