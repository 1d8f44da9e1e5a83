import { plaintextConfig } from '../../../src/rules/secrets/plaintext-config';
import { FAKE_SECRETS as S } from '../../fixtures/secrets/fake-secrets';
import { testRule, text } from '../../helpers/rule-tester';

const PW = S.dbPassword;

testRule(plaintextConfig, {
  valid: [
    {
      name: 'references, dynamic references, ARNs, names, empty values and values of non-secret variables',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          OrdersFn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: src/orders.handler
              Environment:
                Variables:
                  DB_PASSWORD: !Ref DbPassword
                  API_KEY: '{{resolve:secretsmanager:orders:SecretString:apiKey}}'
                  SIGNING_SECRET: !GetAtt Signing.Value
                  TOKEN: !Sub "\${Prefix}-token"
                  SECRET_ARN: arn:aws:secretsmanager:us-east-1:123456789012:secret:orders-AbCdEf
                  DB_SECRET_NAME: orders/db
                  PASSWORD_PARAMETER: /orders/prod/db-password
                  TOKEN_TTL: 3600
                  USE_TOKEN: true
                  CLIENT_SECRET: ""
                  TABLE_NAME: ${PW}
          Database:
            Type: AWS::RDS::DBInstance
            Properties:
              MasterUserPassword: '{{resolve:ssm-secure:/orders/db-password}}'
          Param:
            Type: AWS::SSM::Parameter
            Properties:
              Name: /orders/table-name
              Type: String
              Value: orders-table
      `,
    },
    {
      name: 'serverless variables of every kind',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
          environment:
            DB_PASSWORD: \${ssm:/orders/\${sls:stage}/db-password}
            API_KEY: \${env:API_KEY}
            STRIPE_SECRET: \${self:custom.stripeSecret}
        functions:
          create:
            handler: src/create.handler
            environment:
              GITHUB_TOKEN: \${file(./secrets.json):githubToken}
      `,
    },
  ],
  invalid: [
    {
      name: 'SAM function variable: Secrets Manager fix, and a NoEcho parameter added to existing Parameters',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Stage:
            Type: String
        Resources:
          OrdersFn:
            Type: AWS::Serverless::Function
            Properties:
              Environment:
                Variables:
                  DB_PASSWORD: "${PW}"
      `,
      findings: [{ text: `"${PW}"`, severity: 'warning', resource: 'OrdersFn', message: 'Environment variable DB_PASSWORD of function OrdersFn is a literal secret Tr0…(14 chars)' }],
      fixes: [
        {
          title: 'Read DB_PASSWORD from Secrets Manager: {{resolve:secretsmanager:OrdersFn:SecretString:DB_PASSWORD}}',
          isPreferred: true,
          output: text`
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage:
                Type: String
            Resources:
              OrdersFn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      DB_PASSWORD: "{{resolve:secretsmanager:OrdersFn:SecretString:DB_PASSWORD}}"
          `,
        },
        {
          title: 'Pass DB_PASSWORD as a NoEcho parameter OrdersFnDbPassword',
          isPreferred: false,
          output: text`
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage:
                Type: String
              OrdersFnDbPassword:
                Type: String
                NoEcho: true
                Description: Environment variable DB_PASSWORD of function OrdersFn
            Resources:
              OrdersFn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      DB_PASSWORD: !Ref OrdersFnDbPassword
          `,
        },
      ],
    },
    {
      name: 'RDS MasterUserPassword in JSON: Secrets Manager, SSM SecureString and parameter fixes',
      path: 'template.json',
      text: `{\n  "Resources": {\n    "Database": {\n      "Type": "AWS::RDS::DBCluster",\n      "Properties": {\n        "Engine": "aurora-postgresql",\n        "MasterUserPassword": "${PW}"\n      }\n    }\n  }\n}\n`,
      findings: [{ range: '7:31-7:47', message: 'MasterUserPassword of AWS::RDS::DBCluster Database is a literal secret Tr0…(14 chars)' }],
      fixes: [
        {
          title: 'Read MasterUserPassword from Secrets Manager',
          output: `{\n  "Resources": {\n    "Database": {\n      "Type": "AWS::RDS::DBCluster",\n      "Properties": {\n        "Engine": "aurora-postgresql",\n        "MasterUserPassword": "{{resolve:secretsmanager:Database:SecretString:MasterUserPassword}}"\n      }\n    }\n  }\n}\n`,
        },
        {
          title: 'Read MasterUserPassword from an SSM SecureString parameter: {{resolve:ssm-secure:/Database/MasterUserPassword}}',
          output: `{\n  "Resources": {\n    "Database": {\n      "Type": "AWS::RDS::DBCluster",\n      "Properties": {\n        "Engine": "aurora-postgresql",\n        "MasterUserPassword": "{{resolve:ssm-secure:/Database/MasterUserPassword}}"\n      }\n    }\n  }\n}\n`,
        },
      ],
    },
    {
      name: 'password-bearing properties: Amazon MQ users, IAM login profile, API key value, ECS container variable',
      path: 'template.yaml',
      text: text`
        Resources:
          Broker:
            Type: AWS::AmazonMQ::Broker
            Properties:
              Users:
                - Username: app
                  Password: ${S.mqPassword}
          Admin:
            Type: AWS::IAM::User
            Properties:
              LoginProfile: {Password: ${PW}, PasswordResetRequired: true}
          Key:
            Type: AWS::ApiGateway::ApiKey
            Properties:
              Value: ${S.apiKeyValue}
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions:
                - Name: web
                  Environment:
                    - Name: API_TOKEN
                      Value: ${S.apiKeyValue}
      `,
      findings: [
        { text: S.mqPassword, resource: 'Broker', message: 'Users[0].Password of AWS::AmazonMQ::Broker Broker' },
        { text: PW, resource: 'Admin', message: 'LoginProfile.Password of AWS::IAM::User Admin' },
        { text: S.apiKeyValue, resource: 'Key', message: 'Value of AWS::ApiGateway::ApiKey Key' },
        { text: S.apiKeyValue, resource: 'Task', message: 'Environment variable API_TOKEN of task definition Task' },
      ],
      fixes: [
        {
          finding: 1,
          title: 'Read Password from an SSM SecureString parameter: {{resolve:ssm-secure:/Admin/Password}}',
          output: text`
            Resources:
              Broker:
                Type: AWS::AmazonMQ::Broker
                Properties:
                  Users:
                    - Username: app
                      Password: ${S.mqPassword}
              Admin:
                Type: AWS::IAM::User
                Properties:
                  LoginProfile: {Password: '{{resolve:ssm-secure:/Admin/Password}}', PasswordResetRequired: true}
              Key:
                Type: AWS::ApiGateway::ApiKey
                Properties:
                  Value: ${S.apiKeyValue}
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - Name: web
                      Environment:
                        - Name: API_TOKEN
                          Value: ${S.apiKeyValue}
          `,
        },
        {
          finding: 3,
          title: 'Read API_TOKEN from Secrets Manager: {{resolve:secretsmanager:Task:SecretString:API_TOKEN}}',
          output: text`
            Resources:
              Broker:
                Type: AWS::AmazonMQ::Broker
                Properties:
                  Users:
                    - Username: app
                      Password: ${S.mqPassword}
              Admin:
                Type: AWS::IAM::User
                Properties:
                  LoginProfile: {Password: ${PW}, PasswordResetRequired: true}
              Key:
                Type: AWS::ApiGateway::ApiKey
                Properties:
                  Value: ${S.apiKeyValue}
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - Name: web
                      Environment:
                        - Name: API_TOKEN
                          Value: '{{resolve:secretsmanager:Task:SecretString:API_TOKEN}}'
          `,
        },
      ],
    },
    {
      name: 'a plain String SSM reference for a secret; SecureString fix where CloudFormation supports it',
      path: 'template.yaml',
      text: text`
        Resources:
          Cache:
            Type: AWS::ElastiCache::ReplicationGroup
            Properties:
              AuthToken: '{{resolve:ssm:/orders/redis-token}}'
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Environment:
                Variables:
                  API_KEY: '{{resolve:ssm:/orders/api-key:3}}'
                  DB_PASSWORD: !Sub '{{resolve:ssm:/\${Stage}/db-password}}'
      `,
      findings: [
        { text: "'{{resolve:ssm:/orders/redis-token}}'", message: 'AuthToken of AWS::ElastiCache::ReplicationGroup Cache reads a plain String SSM parameter' },
        { text: "'{{resolve:ssm:/orders/api-key:3}}'", message: 'Environment variable API_KEY of function Fn reads a plain String SSM parameter' },
        { text: "!Sub '{{resolve:ssm:/${Stage}/db-password}}'", message: 'Environment variable DB_PASSWORD of function Fn reads a plain String SSM parameter' },
      ],
      fixes: [{
        title: 'Read it as a SecureString: {{resolve:ssm-secure:/orders/redis-token}}',
        output: text`
          Resources:
            Cache:
              Type: AWS::ElastiCache::ReplicationGroup
              Properties:
                AuthToken: '{{resolve:ssm-secure:/orders/redis-token}}'
            Fn:
              Type: AWS::Lambda::Function
              Properties:
                Environment:
                  Variables:
                    API_KEY: '{{resolve:ssm:/orders/api-key:3}}'
                    DB_PASSWORD: !Sub '{{resolve:ssm:/\${Stage}/db-password}}'
        `,
      }],
    },
    {
      name: 'serverless.yml function variable: SSM fix; a weak placeholder at info; both !If branches',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
          environment:
            API_TOKEN: changeme
        functions:
          create:
            handler: src/create.handler
            environment:
              DB_PASSWORD: '${PW}'
      `,
      findings: [
        { text: 'changeme', severity: 'info', message: 'Environment variable API_TOKEN in provider.environment (every function) is set to a weak placeholder secret ch…(8 chars)' },
        { text: `'${PW}'`, severity: 'warning', resource: 'create' },
      ],
      fixes: [{
        finding: 1,
        title: 'Read DB_PASSWORD from SSM Parameter Store: ${ssm:/orders/${sls:stage}/create/DB_PASSWORD}',
        output: text`
          service: orders
          provider:
            name: aws
            environment:
              API_TOKEN: changeme
          functions:
            create:
              handler: src/create.handler
              environment:
                DB_PASSWORD: '\${ssm:/orders/\${sls:stage}/create/DB_PASSWORD}'
        `,
      }],
    },
    {
      name: 'a literal JSON SecretString: the password is judged, the username is not; the parameter fix is preferred',
      path: 'template.yaml',
      text: text`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Creds:
            Type: AWS::SecretsManager::Secret
            Properties:
              SecretString: '{"username": "app", "password": "${PW}"}'
          Names:
            Type: AWS::SecretsManager::Secret
            Properties:
              SecretString: '{"username": "app", "host": "db.internal"}'
      `,
      findings: [{ text: `'{"username": "app", "password": "${PW}"}'`, resource: 'Creds', message: 'SecretString of AWS::SecretsManager::Secret Creds is a literal secret Tr0…(14 chars)' }],
      fixes: [{
        title: 'Pass SecretString as a NoEcho parameter CredsSecretString',
        isPreferred: true,
        output: text`
          AWSTemplateFormatVersion: "2010-09-09"
          Resources:
            Creds:
              Type: AWS::SecretsManager::Secret
              Properties:
                SecretString: !Ref CredsSecretString
            Names:
              Type: AWS::SecretsManager::Secret
              Properties:
                SecretString: '{"username": "app", "host": "db.internal"}'
          Parameters:
            CredsSecretString:
              Type: String
              NoEcho: true
              Description: SecretString of AWS::SecretsManager::Secret Creds
        `,
      }],
    },
    {
      name: 'a String SSM parameter named as a secret (no automatic fix), and a literal in an !If branch',
      path: 'template.yaml',
      text: text`
        Resources:
          Token:
            Type: AWS::SSM::Parameter
            Properties:
              Name: /orders/github-token
              Type: String
              Value: ${S.apiKeyValue}
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              MasterUserPassword: !If [IsProd, !Ref DbPassword, ${PW}]
      `,
      findings: [
        { text: S.apiKeyValue, message: 'SSM parameter Token (Type String) stores the secret n3Wq…(20 chars) in plain text' },
        { text: PW, message: 'MasterUserPassword of AWS::RDS::DBInstance Db is a literal secret' },
      ],
      fixes: [{
        finding: 1,
        title: 'Read MasterUserPassword from Secrets Manager',
        output: text`
          Resources:
            Token:
              Type: AWS::SSM::Parameter
              Properties:
                Name: /orders/github-token
                Type: String
                Value: ${S.apiKeyValue}
            Db:
              Type: AWS::RDS::DBInstance
              Properties:
                MasterUserPassword: !If [IsProd, !Ref DbPassword, '{{resolve:secretsmanager:Db:SecretString:MasterUserPassword}}']
        `,
      }],
    },
  ],
});
