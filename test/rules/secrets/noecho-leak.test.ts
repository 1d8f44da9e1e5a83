import { noEchoLeak } from '../../../src/rules/secrets/noecho-leak';
import { testRule, text } from '../../helpers/rule-tester';

testRule(noEchoLeak, {
  valid: [
    {
      name: 'outputs of non-NoEcho parameters, NoEcho parameters used only in properties',
      path: 'template.yaml',
      text: text`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Stage: {Type: String}
          DbPassword: {Type: String, NoEcho: true}
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Metadata:
              Owner: !Ref Stage
            Properties:
              MasterUserPassword: !Ref DbPassword
        Outputs:
          Stage:
            Value: !Ref Stage
          Endpoint:
            Value: !Sub "\${Db.Endpoint.Address}:\${Stage}"
      `,
    },
    {
      name: 'a !Sub variable bound to something else shadows the parameter',
      path: 'template.json',
      text: JSON.stringify({
        AWSTemplateFormatVersion: '2010-09-09',
        Parameters: { Token: { Type: 'String', NoEcho: true } },
        Resources: {},
        Outputs: { Url: { Value: { 'Fn::Sub': ['https://x/${Token}', { Token: 'public' }] } } },
      }, null, 2),
    },
  ],
  invalid: [
    {
      name: 'an output exposing a NoEcho parameter: remove the output',
      path: 'template.yaml',
      text: text`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          DbPassword:
            Type: String
            NoEcho: true
        Resources: {}
        Outputs:
          Endpoint:
            Value: example.com
          Password:
            Value: !Ref DbPassword
      `,
      findings: [{ text: '!Ref DbPassword', resource: 'Password', message: 'Output Password exposes NoEcho parameter DbPassword' }],
      fixes: [{
        title: 'Remove output Password',
        isPreferred: false,
        output: text`
          AWSTemplateFormatVersion: "2010-09-09"
          Parameters:
            DbPassword:
              Type: String
              NoEcho: true
          Resources: {}
          Outputs:
            Endpoint:
              Value: example.com
        `,
      }],
    },
    {
      name: 'cfn-init Metadata copying a NoEcho password into a file (JSON, Fn::Join with Ref)',
      path: 'template.json',
      text: '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Parameters": {"DBPassword": {"Type": "String", "NoEcho": "true"}},\n  "Resources": {\n    "Web": {\n      "Type": "AWS::EC2::Instance",\n      "Metadata": {"AWS::CloudFormation::Init": {"config": {"files": {"/tmp/setup.mysql": {"content": {"Fn::Join": ["", ["GRANT ALL ON db.* TO app IDENTIFIED BY \'", {"Ref": "DBPassword"}, "\';"]]}}}}}},\n      "Properties": {"ImageId": "ami-123"}\n    }\n  }\n}\n',
      findings: [{ text: '{"Ref": "DBPassword"}', resource: 'Web', message: 'Metadata of Web copies NoEcho parameter DBPassword: CloudFormation does not mask Metadata' }],
    },
    {
      name: 'the secret of an IAM access key in an output (GetAtt) and in a !Sub',
      path: 'template.yaml',
      text: text`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          CiUser: {Type: AWS::IAM::User}
          CiKey:
            Type: AWS::IAM::AccessKey
            Properties: {UserName: !Ref CiUser}
        Outputs:
          KeyId:
            Value: !Ref CiKey
          Secret:
            Value: !GetAtt CiKey.SecretAccessKey
          Profile:
            Value: !Sub "[ci]\\naws_access_key_id = \${CiKey}\\naws_secret_access_key = \${CiKey.SecretAccessKey}"
      `,
      findings: [
        { text: '!GetAtt CiKey.SecretAccessKey', resource: 'Secret', message: 'Output Secret exposes the secret access key of AWS::IAM::AccessKey CiKey' },
        { message: 'Output Profile exposes the secret access key of AWS::IAM::AccessKey CiKey' },
      ],
      fixes: [{
        title: 'Remove output Secret',
        output: text`
          AWSTemplateFormatVersion: "2010-09-09"
          Resources:
            CiUser: {Type: AWS::IAM::User}
            CiKey:
              Type: AWS::IAM::AccessKey
              Properties: {UserName: !Ref CiUser}
          Outputs:
            KeyId:
              Value: !Ref CiKey
            Profile:
              Value: !Sub "[ci]\\naws_access_key_id = \${CiKey}\\naws_secret_access_key = \${CiKey.SecretAccessKey}"
        `,
      }],
    },
    {
      name: 'template Metadata and a !Sub in an output',
      path: 'template.yaml',
      text: text`
        AWSTemplateFormatVersion: "2010-09-09"
        Metadata:
          Notes: !Sub "token is \${ApiToken}"
        Parameters:
          ApiToken: {Type: String, NoEcho: true}
        Resources: {}
        Outputs:
          Url: {Value: !Sub "https://api.example.com/?token=\${ApiToken}"}
      `,
      findings: [
        { text: '!Sub "token is ${ApiToken}"', message: 'template Metadata copies NoEcho parameter ApiToken' },
        { text: '!Sub "https://api.example.com/?token=${ApiToken}"', message: 'Output Url exposes NoEcho parameter ApiToken' },
      ],
      fixes: [{
        finding: 1,
        title: 'Remove output Url',
        output: text`
          AWSTemplateFormatVersion: "2010-09-09"
          Metadata:
            Notes: !Sub "token is \${ApiToken}"
          Parameters:
            ApiToken: {Type: String, NoEcho: true}
          Resources: {}
        `,
      }],
    },
  ],
});
