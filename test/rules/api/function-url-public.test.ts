import { functionUrlPublic } from '../../../src/rules/api/function-url-public';
import { testRule, text } from '../../helpers/rule-tester';

testRule(functionUrlPublic, {
  valid: [
    {
      name: 'AWS::Lambda::Url with AWS_IAM',
      path: 'template.yaml',
      text: text`
        Resources:
          Url:
            Type: AWS::Lambda::Url
            Properties: {AuthType: AWS_IAM, TargetFunctionArn: !GetAtt Fn.Arn}
      `,
    },
    {
      name: "the public URL's own permission is not reported twice; service principals and scoped permissions are fine",
      path: 'template.yaml',
      text: text`
        Resources:
          UrlPermission:
            Type: AWS::Lambda::Permission
            Properties:
              Action: lambda:InvokeFunctionUrl
              FunctionName: !Ref Fn
              FunctionUrlAuthType: NONE
              Principal: "*"
          S3Permission:
            Type: AWS::Lambda::Permission
            Properties:
              Action: lambda:InvokeFunction
              FunctionName: !Ref Fn
              Principal: s3.amazonaws.com
              SourceArn: !GetAtt Bucket.Arn
          Scoped:
            Type: AWS::Lambda::Permission
            Properties:
              Action: lambda:InvokeFunction
              FunctionName: !Ref Fn
              Principal: "*"
              SourceAccount: !Ref AWS::AccountId
      `,
    },
    {
      name: 'SAM FunctionUrlConfig with AWS_IAM and an AuthType from a parameter',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties:
              FunctionUrlConfig: {AuthType: AWS_IAM}
          B:
            Type: AWS::Serverless::Function
            Properties:
              FunctionUrlConfig: {AuthType: !Ref UrlAuth}
      `,
    },
    {
      name: 'serverless url with aws_iam, and url: false',
      path: 'serverless.yml',
      text: text`
        service: s
        provider: {name: aws}
        functions:
          a:
            handler: a.h
            url:
              authorizer: aws_iam
          b:
            handler: b.h
            url: false
      `,
    },
  ],
  invalid: [
    {
      name: 'AWS::Lambda::Url with AuthType NONE (YAML)',
      path: 'template.yaml',
      text: text`
        Resources:
          ExportUrl:
            Type: AWS::Lambda::Url
            Properties:
              AuthType: NONE
              TargetFunctionArn: !GetAtt Export.Arn
      `,
      findings: [{ text: 'NONE', resource: 'ExportUrl', message: 'The function URL of Export has `AuthType: NONE`: anyone on the internet can invoke the function' }],
      fixes: [{ title: 'Set AuthType: AWS_IAM', isPreferred: true, output: text`
        Resources:
          ExportUrl:
            Type: AWS::Lambda::Url
            Properties:
              AuthType: AWS_IAM
              TargetFunctionArn: !GetAtt Export.Arn
      ` }],
    },
    {
      name: 'AWS::Lambda::Url in JSON',
      path: 'template.json',
      text: '{"Resources": {"U": {"Type": "AWS::Lambda::Url", "Properties": {"AuthType": "NONE", "TargetFunctionArn": {"Fn::GetAtt": ["Fn", "Arn"]}}}}}',
      findings: [{ text: '"NONE"', message: 'The function URL of Fn' }],
      fixes: [{ title: 'AWS_IAM', output: '{"Resources": {"U": {"Type": "AWS::Lambda::Url", "Properties": {"AuthType": "AWS_IAM", "TargetFunctionArn": {"Fn::GetAtt": ["Fn", "Arn"]}}}}}' }],
    },
    {
      name: 'SAM FunctionUrlConfig, own and from Globals',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            FunctionUrlConfig:
              AuthType: NONE
        Resources:
          Export:
            Type: AWS::Serverless::Function
            Properties:
              FunctionUrlConfig: {AuthType: NONE, InvokeMode: BUFFERED}
          Report:
            Type: AWS::Serverless::Function
      `,
      findings: [
        { text: 'NONE', range: '5:17-5:21', resource: 'Report', message: 'The function URL of Report has `AuthType: NONE` (from Globals)' },
        { text: 'NONE', range: '10:37-10:41', resource: 'Export' },
      ],
      fixes: [
        { finding: 0, title: 'Set AuthType: AWS_IAM in Globals (applies to every function)', isPreferred: false, output: text`
          Transform: AWS::Serverless-2016-10-31
          Globals:
            Function:
              FunctionUrlConfig:
                AuthType: AWS_IAM
          Resources:
            Export:
              Type: AWS::Serverless::Function
              Properties:
                FunctionUrlConfig: {AuthType: NONE, InvokeMode: BUFFERED}
            Report:
              Type: AWS::Serverless::Function
        ` },
        { finding: 1, title: 'Set AuthType: AWS_IAM', isPreferred: true, output: text`
          Transform: AWS::Serverless-2016-10-31
          Globals:
            Function:
              FunctionUrlConfig:
                AuthType: NONE
          Resources:
            Export:
              Type: AWS::Serverless::Function
              Properties:
                FunctionUrlConfig: {AuthType: AWS_IAM, InvokeMode: BUFFERED}
            Report:
              Type: AWS::Serverless::Function
        ` },
      ],
    },
    {
      name: 'serverless url: true and url with cors',
      path: 'serverless.yml',
      text: text`
        service: s
        provider: {name: aws}
        functions:
          webhook:
            handler: w.h
            url: true
          stream:
            handler: s.h
            url:
              cors: true
      `,
      findings: [
        { text: 'url', range: '6:5-6:8', resource: 'webhook', message: 'The function URL of webhook has `url` without `authorizer: aws_iam`' },
        { text: 'url', range: '9:5-9:8', resource: 'stream' },
      ],
      fixes: [
        { finding: 0, title: 'Require AWS_IAM', output: text`
          service: s
          provider: {name: aws}
          functions:
            webhook:
              handler: w.h
              url:
                authorizer: aws_iam
            stream:
              handler: s.h
              url:
                cors: true
        ` },
        { finding: 1, title: 'Require AWS_IAM', output: text`
          service: s
          provider: {name: aws}
          functions:
            webhook:
              handler: w.h
              url: true
            stream:
              handler: s.h
              url:
                cors: true
                authorizer: aws_iam
        ` },
      ],
    },
    {
      name: 'Lambda permission letting any account invoke the function (serverless resources)',
      path: 'serverless.yml',
      text: text`
        service: s
        provider: {name: aws}
        resources:
          Resources:
            OpenInvoke:
              Type: AWS::Lambda::Permission
              Properties:
                Action: lambda:InvokeFunction
                FunctionName: !GetAtt WorkerLambdaFunction.Arn
                Principal: '*'
      `,
      findings: [{ text: "'*'", resource: 'OpenInvoke', message: 'AWS::Lambda::Permission OpenInvoke lets any AWS account (`Principal: "*"`) call lambda:InvokeFunction on WorkerLambdaFunction' }],
    },
  ],
});
