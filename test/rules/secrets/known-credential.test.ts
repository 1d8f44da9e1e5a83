import { knownCredential } from '../../../src/rules/secrets/known-credential';
import { FAKE_SECRETS as S } from '../../fixtures/secrets/fake-secrets';
import { testRule, text } from '../../helpers/rule-tester';

const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1c7pQ3m2kL9xZ4vT8wR6yN0bH5jF2gD7sA3qE1uI9oP4lK8m\nZ2xLrT8pQvW4nB7cY1hKs0fGd5uE9oA2iLx3wIgV7bN1qR4tY8uP3oK6mJ2zX9cW\n-----END RSA PRIVATE KEY-----';

testRule(knownCredential, {
  valid: [
    {
      name: 'URLs without credentials, URLs whose password is a variable, public keys, hashes',
      path: 'template.yaml',
      text: text`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Environment:
                Variables:
                  API_URL: https://api.example.com/v1
                  DB_URL: !Sub "postgres://app:\${DbPassword}@\${Db.Endpoint.Address}:5432/app"
                  PUBLIC_KEY: "-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\\n-----END PUBLIC KEY-----"
                  BUILD_SHA256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                  GITHUB_TOKEN: '{{resolve:secretsmanager:github:SecretString:token}}'
      `,
    },
    {
      name: 'serverless variables',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
          environment:
            SLACK_TOKEN: \${ssm:/orders/slack-token}
            STRIPE_KEY: \${env:STRIPE_KEY}
            DB_URL: \${self:custom.dbUrl}
      `,
    },
  ],
  invalid: [
    {
      name: 'GitHub token in SAM Globals: fixes move it to Secrets Manager',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Environment:
              Variables:
                GITHUB_TOKEN: ${S.github}
        Resources: {}
      `,
      findings: [{ text: S.github, severity: 'error', resource: 'Globals', message: 'GitHub token ghp_…(40 chars) in environment variable GITHUB_TOKEN in SAM Globals (every function): revoke it' }],
      fixes: [{
        title: 'Rotate this GitHub token (moving it does not un-leak it), then read GITHUB_TOKEN from Secrets Manager: {{resolve:secretsmanager:FunctionGlobals:SecretString:GITHUB_TOKEN}}',
        output: text`
          Transform: AWS::Serverless-2016-10-31
          Globals:
            Function:
              Environment:
                Variables:
                  GITHUB_TOKEN: '{{resolve:secretsmanager:FunctionGlobals:SecretString:GITHUB_TOKEN}}'
          Resources: {}
        `,
      }],
    },
    {
      name: 'Slack token in a JSON Lambda environment; NoEcho parameter fix adds Parameters',
      path: 'template.json',
      text: `{\n  "Resources": {\n    "Notifier": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": {"Environment": {"Variables": {"SLACK_TOKEN": "${S.slack}"}}}\n    }\n  }\n}\n`,
      findings: [{ text: S.slack, resource: 'Notifier', message: 'Slack token xoxb…(54 chars) in environment variable SLACK_TOKEN of function Notifier' }],
      fixes: [
        {
          title: /then read SLACK_TOKEN from Secrets Manager/,
          output: `{\n  "Resources": {\n    "Notifier": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": {"Environment": {"Variables": {"SLACK_TOKEN": "{{resolve:secretsmanager:Notifier:SecretString:SLACK_TOKEN}}"}}}\n    }\n  }\n}\n`,
        },
        {
          title: /NoEcho parameter NotifierSlackToken/,
          output: `{\n  "Resources": {\n    "Notifier": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": {"Environment": {"Variables": {"SLACK_TOKEN": {"Ref": "NotifierSlackToken"}}}}\n    }\n  },\n  "Parameters": {\n    "NotifierSlackToken": {\n      "Type": "String",\n      "NoEcho": true,\n      "Description": "Environment variable SLACK_TOKEN of function Notifier"\n    }\n  }\n}\n`,
        },
      ],
    },
    {
      name: 'a database URL with a password in serverless.yml: only the password is underlined',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
          environment:
            DATABASE_URL: postgres://orders:${S.dbPassword}@db.internal:5432/orders
      `,
      findings: [{ text: S.dbPassword, message: 'database connection string with a password Tr0…(14 chars) in environment variable DATABASE_URL' }],
      fixes: [{
        title: 'Rotate this database connection string with a password (moving it does not un-leak it), then read DATABASE_URL from SSM Parameter Store: ${ssm:/orders/${sls:stage}/DATABASE_URL}',
        output: text`
          service: orders
          provider:
            name: aws
            environment:
              DATABASE_URL: \${ssm:/orders/\${sls:stage}/DATABASE_URL}
        `,
      }],
    },
    {
      name: 'a private key and a Stripe key in Metadata and a custom resource (no automatic fix)',
      path: 'template.yaml',
      text: text`
        AWSTemplateFormatVersion: "2010-09-09"
        Metadata:
          Deploy:
            Key: ${JSON.stringify(PEM)}
        Resources:
          Charge:
            Type: AWS::CloudFormation::CustomResource
            Properties:
              ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:charge
              ApiKey: ${S.stripe}
      `,
      findings: [{ message: 'private key ----…(' }, { text: S.stripe, message: 'Stripe secret key sk_l…(41 chars) in value of ApiKey' }],
    },
    {
      name: 'a token shared through a YAML alias is reported once, where it is written',
      path: 'serverless.yml',
      text: text`
        service: orders
        custom:
          token: &token ${S.github}
        provider:
          name: aws
          environment:
            GITHUB_TOKEN: *token
      `,
      findings: [{ text: S.github, range: '3:17-3:57' }],
    },
    {
      name: 'a stand-in password in a URL is a placeholder, at info',
      path: 'template.yaml',
      text: text`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Environment:
                Variables:
                  DB_URL: mysql://app:password@localhost/app
      `,
      findings: [{ text: 'password', severity: 'info', message: 'Placeholder database connection string' }],
    },
  ],
});
