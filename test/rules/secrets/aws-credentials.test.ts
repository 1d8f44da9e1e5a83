import { awsCredentials } from '../../../src/rules/secrets/aws-credentials';
import { FAKE_SECRETS as S } from '../../fixtures/secrets/fake-secrets';
import { testRule, text } from '../../helpers/rule-tester';

const KEY_ID = S.accessKeyId;
const SECRET = S.secretAccessKey;

testRule(awsCredentials, {
  valid: [
    {
      name: 'references are not keys: !Ref, !GetAtt, !Sub, dynamic references',
      path: 'template.yaml',
      text: text`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Environment:
                Variables:
                  AWS_ACCESS_KEY_ID: !Ref AccessKeyParam
                  AWS_SECRET_ACCESS_KEY: '{{resolve:secretsmanager:ci-user:SecretString:secret}}'
                  KEY_ARN: !GetAtt Key.Arn
                  URL: !Sub "https://\${Api}.execute-api.\${AWS::Region}.amazonaws.com"
      `,
    },
    {
      name: 'a bare 40-character string is not a secret key without a key name or an access key beside it',
      path: 'template.yaml',
      text: text`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Environment:
                Variables:
                  CHECKSUM: ${SECRET}
                  COMMIT: 3f786850e387550fdab836ed7e6dc881de23001b
      `,
    },
    {
      name: 'serverless variables, ARNs and handler names',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
          environment:
            AWS_KEY: \${ssm:/orders/aws-key}
            ROLE: arn:aws:iam::123456789012:role/orders-AKIAZ3MSJV4WWNKWW5FGX
        functions:
          create:
            handler: src/handlers/AKIAHANDLERNAMES.create
      `,
    },
    {
      name: 'a JSON template with a lower-case look-alike',
      path: 'template.json',
      text: '{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "akiaz3msjv4wwnkww5fg-logs"}}}}',
    },
  ],
  invalid: [
    {
      name: 'access key ID and secret key in a SAM function environment, with fixes that say to rotate',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          OrdersFn:
            Type: AWS::Serverless::Function
            Properties:
              Environment:
                Variables:
                  AWS_ACCESS_KEY_ID: ${KEY_ID}
                  AWS_SECRET_ACCESS_KEY: ${SECRET}
      `,
      findings: [
        { text: KEY_ID, severity: 'error', resource: 'OrdersFn', message: 'AWS access key ID AKIA…(20 chars) in environment variable AWS_ACCESS_KEY_ID of function OrdersFn: deactivate and rotate this key' },
        { text: SECRET, message: 'AWS secret access key q8Hf…(40 chars) in environment variable AWS_SECRET_ACCESS_KEY of function OrdersFn' },
      ],
      fixes: [
        {
          title: 'Rotate this AWS key (moving it does not un-leak it), then read AWS_ACCESS_KEY_ID from Secrets Manager: {{resolve:secretsmanager:OrdersFn:SecretString:AWS_ACCESS_KEY_ID}}',
          isPreferred: true,
          output: text`
            Transform: AWS::Serverless-2016-10-31
            Resources:
              OrdersFn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      AWS_ACCESS_KEY_ID: '{{resolve:secretsmanager:OrdersFn:SecretString:AWS_ACCESS_KEY_ID}}'
                      AWS_SECRET_ACCESS_KEY: ${SECRET}
          `,
        },
        {
          finding: 1,
          title: /^Rotate this AWS key .*NoEcho parameter OrdersFnAwsSecretAccessKey$/,
          isPreferred: false,
          output: text`
            Transform: AWS::Serverless-2016-10-31
            Resources:
              OrdersFn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      AWS_ACCESS_KEY_ID: ${KEY_ID}
                      AWS_SECRET_ACCESS_KEY: !Ref OrdersFnAwsSecretAccessKey
            Parameters:
              OrdersFnAwsSecretAccessKey:
                Type: String
                NoEcho: true
                Description: Environment variable AWS_SECRET_ACCESS_KEY of function OrdersFn
          `,
        },
      ],
    },
    {
      name: 'CloudFormation JSON: a key pair beside each other in any map is found, with no fix outside runtime config',
      path: 'template.json',
      text: `{\n  "Resources": {\n    "Cfg": {\n      "Type": "AWS::CloudFormation::CustomResource",\n      "Properties": {"ServiceToken": "arn:aws:lambda:us-east-1:123456789012:function:cfg", "Id": "${KEY_ID}", "Key": "${SECRET}"}\n    }\n  }\n}\n`,
      findings: [
        { text: KEY_ID, message: 'in value of Id' },
        { text: SECRET, message: 'AWS secret access key q8Hf…(40 chars) in value of Key' },
      ],
    },
    {
      name: 'keys in a script (UserData) are found inside the text',
      path: 'template.yaml',
      text: text`
        Resources:
          Box:
            Type: AWS::EC2::Instance
            Properties:
              UserData:
                Fn::Base64: |
                  #!/bin/bash
                  aws configure set aws_access_key_id ${KEY_ID}
                  aws configure set aws_secret_access_key ${SECRET}
      `,
      findings: [{ text: KEY_ID, message: 'in UserData of AWS::EC2::Instance Box' }, { text: SECRET }],
    },
    {
      name: 'serverless.yml function environment: fix reads from SSM',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
        functions:
          sync:
            handler: src/sync.handler
            environment:
              aws_secret_access_key: "${SECRET}"
      `,
      findings: [{ text: SECRET, resource: 'sync' }],
      fixes: [{
        title: 'Rotate this AWS key (moving it does not un-leak it), then read aws_secret_access_key from SSM Parameter Store: ${ssm:/orders/${sls:stage}/sync/aws_secret_access_key}',
        output: text`
          service: orders
          provider:
            name: aws
          functions:
            sync:
              handler: src/sync.handler
              environment:
                aws_secret_access_key: "\${ssm:/orders/\${sls:stage}/sync/aws_secret_access_key}"
        `,
      }],
    },
    {
      name: 'AWS documentation example keys are placeholders, at info',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
          environment:
            AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE
            AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
      `,
      findings: [
        { text: 'AKIAIOSFODNN7EXAMPLE', severity: 'info', message: 'AWS documentation example AWS access key ID AKIA…(20 chars) in environment variable AWS_ACCESS_KEY_ID in provider.environment (every function): a placeholder, not a leak' },
        { text: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', severity: 'info' },
      ],
    },
    {
      name: 'a session token in a policy file is found wherever it is',
      path: 'policy.json',
      text: `{"Version": "2012-10-17", "Statement": [{"Sid": "${KEY_ID}", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}`,
      findings: [{ text: KEY_ID, message: 'in value of Sid' }],
    },
  ],
});
