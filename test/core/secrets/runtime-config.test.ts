import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../../src/core/engine';
import { extractRuntimeConfig, type RuntimeConfig } from '../../../src/core/model/runtime-config';
import type { Rule } from '../../../src/core/rule';
import { text } from '../../helpers/rule-tester';

function extract(path: string, source: string): RuntimeConfig {
  let result: RuntimeConfig | undefined;
  const probe: Rule = {
    meta: { id: 'test/probe', title: 'probe', defaultSeverity: 'info', fixable: false, kinds: ['cloudformation', 'sam', 'serverless'] },
    check(context) {
      result = context.use(extractRuntimeConfig);
      assert.equal(context.use(extractRuntimeConfig), result, 'memoised per document');
    },
  };
  lint(source, { path, rules: [probe] });
  assert.ok(result, 'the probe ran');
  return result;
}

describe('extractRuntimeConfig', () => {
  it('finds SAM Globals, function, ECS and CodeBuild variables, password properties, UserData and SSM parameters', () => {
    const config = extract('template.yaml', text`
      Transform: AWS::Serverless-2016-10-31
      Parameters:
        DbPassword: {Type: String}
        Host: {Type: String}
      Globals:
        Function:
          Environment:
            Variables:
              LOG_LEVEL: info
      Resources:
        OrdersFn:
          Type: AWS::Serverless::Function
          Properties:
            Environment:
              Variables:
                DB_PASSWORD: !Ref DbPassword
                DB_URL: !Sub "postgres://app:\${DbPassword}@\${Host}/app"
        Task:
          Type: AWS::ECS::TaskDefinition
          Properties:
            ContainerDefinitions:
              - Name: web
                Environment:
                  - {Name: API_TOKEN, Value: abc}
        Build:
          Type: AWS::CodeBuild::Project
          Properties:
            Environment:
              EnvironmentVariables:
                - {Name: NPM_TOKEN, Type: PARAMETER_STORE, Value: /ci/npm}
                - {Name: STAGE, Value: prod}
        Db:
          Type: AWS::RDS::DBInstance
          Properties:
            MasterUserPassword: !Ref DbPassword
        Broker:
          Type: AWS::AmazonMQ::Broker
          Properties:
            Users:
              - {Username: app, Password: pw}
        Box:
          Type: AWS::EC2::Instance
          Properties:
            UserData: !Base64 "#!/bin/bash"
        Param:
          Type: AWS::SSM::Parameter
          Properties:
            Name: /app/api-token
            Type: String
            Value: x
    `);
    const summary = config.entries.map((e) => `${e.place} ${e.origin} ${e.owner} ${e.name}${e.secretByName ? ' (secret)' : ''}${e.ssmSecure ? ' (ssm-secure)' : ''}`);
    assert.deepEqual(summary, [
      'environment globals Globals LOG_LEVEL',
      'environment resource OrdersFn DB_PASSWORD (secret)',
      'environment resource OrdersFn DB_URL',
      'environment resource Task API_TOKEN (secret)',
      'environment resource Build STAGE',
      'property resource Db MasterUserPassword (secret) (ssm-secure)',
      'property resource Broker Users[0].Password (secret)',
      'user-data resource Box UserData',
      'ssm-parameter resource Param /app/api-token (secret)',
    ]);
    const uses = config.secretParameterUses;
    assert.deepEqual([...uses.keys()], ['DbPassword']);
    assert.deepEqual(uses.get('DbPassword')!.map((u) => u.entry.location), ['environment variable DB_PASSWORD of function OrdersFn', 'MasterUserPassword of AWS::RDS::DBInstance Db']);
  });

  it('finds serverless provider and function environments, and CloudFormation in resources', () => {
    const config = extract('serverless.yml', text`
      service: orders
      provider:
        name: aws
        environment:
          STRIPE_KEY: \${ssm:/orders/stripe}
      functions:
        create:
          handler: src/create.handler
          environment:
            DB_PASSWORD: hunter2x
      resources:
        Resources:
          Cache:
            Type: AWS::ElastiCache::ReplicationGroup
            Properties:
              AuthToken: abcdefghijklmnop
    `);
    assert.deepEqual(config.entries.map((e) => `${e.syntax} ${e.origin} ${e.location}`), [
      'serverless resource AuthToken of AWS::ElastiCache::ReplicationGroup Cache',
      'serverless provider environment variable STRIPE_KEY in provider.environment (every function)',
      'serverless function environment variable DB_PASSWORD of function create',
    ]);
  });

  it('looks into both branches of !If and items of lists', () => {
    const config = extract('template.json', JSON.stringify({
      Resources: {
        U: { Type: 'AWS::IAM::User', Properties: { LoginProfile: { 'Fn::If': ['C', { Password: 'a' }, { Password: 'b' }] } } },
      },
    }));
    assert.deepEqual(config.entries.map((e) => e.name), ['LoginProfile.Password', 'LoginProfile.Password']);
  });
});
