import { userData } from '../../../src/rules/secrets/user-data';
import { FAKE_SECRETS as S } from '../../fixtures/secrets/fake-secrets';
import { testRule, text } from '../../helpers/rule-tester';

const PW = S.dbPassword;

testRule(userData, {
  valid: [
    {
      name: 'secrets fetched at boot, !Sub variables, shell variables, flags set to booleans',
      path: 'template.yaml',
      text: text`
        Resources:
          Web:
            Type: AWS::EC2::Instance
            Properties:
              UserData:
                Fn::Base64: !Sub |
                  #!/bin/bash
                  DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id \${DbSecret} --query SecretString --output text)
                  export API_TOKEN="\${ApiToken}"
                  mysqladmin -u root password "$DB_PASSWORD"
                  mysql -u root -p"$DB_PASSWORD" -e "select 1"
                  ./gitea admin user create --password $DB_PASSWORD --must-change-password=false
                  SECRET_ARN=arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf
                  mkdir -p /opt/app
                  token = fetch_token
                  PASSWORD=
                  echo done
      `,
    },
    {
      name: 'a launch template in JSON whose script names secrets but sets none',
      path: 'template.json',
      text: JSON.stringify({
        AWSTemplateFormatVersion: '2010-09-09',
        Resources: { LT: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { UserData: { 'Fn::Base64': { 'Fn::Join': ['', ['#!/bin/bash\n', 'TOKEN_FILE=/etc/app/token\n', 'PASSWORD=', { Ref: 'DbPassword' }, '\n']] } } } } } },
      }, null, 2),
    },
  ],
  invalid: [
    {
      name: 'an exported password and a password flag in a block script',
      path: 'template.yaml',
      text: text`
        Resources:
          Web:
            Type: AWS::EC2::Instance
            Properties:
              UserData:
                Fn::Base64: |
                  #!/bin/bash
                  export DB_PASSWORD="${PW}"
                  ./install.sh --admin-password ${S.mqPassword}
      `,
      findings: [
        { text: PW, resource: 'Web', severity: 'warning', message: 'UserData of AWS::EC2::Instance Web sets DB_PASSWORD to a literal secret Tr0…(14 chars)' },
        { text: S.mqPassword, message: 'sets --admin-password to a literal secret Vx7…(13 chars)' },
      ],
    },
    {
      name: 'a mysql -p password in a JSON Fn::Join line, and a placeholder at info',
      path: 'template.json',
      text: `{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Db": {\n      "Type": "AWS::AutoScaling::LaunchConfiguration",\n      "Properties": {"UserData": {"Fn::Base64": {"Fn::Join": ["\\n", ["#!/bin/bash", "mysql -u root -p${PW} < /tmp/setup.sql", "ADMIN_PASSWORD=changeme"]]}}}\n    }\n  }\n}\n`,
      findings: [
        { text: PW, message: 'sets the mysql -p password to a literal secret' },
        { text: 'changeme', severity: 'info', message: 'sets ADMIN_PASSWORD to a weak placeholder' },
      ],
    },
    {
      name: 'serverless.yml resources',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
        resources:
          Resources:
            Bastion:
              Type: AWS::EC2::Instance
              Properties:
                UserData: !Base64 "#!/bin/bash\\necho 'API_KEY=${S.apiKeyValue}' >> /etc/environment"
      `,
      findings: [{ text: S.apiKeyValue, resource: 'Bastion' }],
    },
  ],
});
