import { requestValidation } from '../../../src/rules/api/request-validation';
import { testRule, text } from '../../helpers/rule-tester';

testRule(requestValidation, {
  valid: [
    {
      name: 'v1 POST with a validator; GET and ANY are not judged',
      path: 'template.yaml',
      text: text`
        Resources:
          Post:
            Type: AWS::ApiGateway::Method
            Properties: {RestApiId: !Ref Api, HttpMethod: POST, RequestValidatorId: !Ref Validator, AuthorizationType: AWS_IAM}
          Get:
            Type: AWS::ApiGateway::Method
            Properties: {RestApiId: !Ref Api, HttpMethod: GET, AuthorizationType: AWS_IAM}
          Proxy:
            Type: AWS::ApiGateway::Method
            Properties: {RestApiId: !Ref Api, HttpMethod: ANY, AuthorizationType: AWS_IAM}
      `,
    },
    {
      name: 'SAM event with RequestModel; serverless event with request.schemas',
      path: 'serverless.yml',
      text: text`
        service: s
        provider: {name: aws}
        functions:
          a:
            handler: a.h
            events:
              - http:
                  path: orders
                  method: post
                  request:
                    schemas:
                      application/json: \${file(order.json)}
      `,
    },
  ],
  invalid: [
    {
      name: 'v1 POST without a validator: a validator resource is added',
      path: 'template.yaml',
      text: text`
        Resources:
          Api:
            Type: AWS::ApiGateway::RestApi
            Properties:
              Name: orders
          Post:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              ResourceId: !GetAtt Api.RootResourceId
              HttpMethod: POST
              AuthorizationType: AWS_IAM
      `,
      findings: [{ text: 'POST', severity: 'info', resource: 'Post', message: '`POST /` (AWS::ApiGateway::Method Post) accepts any request body' }],
      fixes: [{ title: 'Add a request validator ApiRequestValidator and use it', output: text`
        Resources:
          Api:
            Type: AWS::ApiGateway::RestApi
            Properties:
              Name: orders
          Post:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              ResourceId: !GetAtt Api.RootResourceId
              HttpMethod: POST
              AuthorizationType: AWS_IAM
              RequestValidatorId: !Ref ApiRequestValidator
          ApiRequestValidator:
            Type: AWS::ApiGateway::RequestValidator
            Properties:
              RestApiId: !Ref Api
              ValidateRequestBody: true
              ValidateRequestParameters: true
      ` }],
    },
    {
      name: 'v1 PUT in JSON, using the validator the API already has',
      path: 'template.json',
      text: '{"Resources": {"Api": {"Type": "AWS::ApiGateway::RestApi"}, "V": {"Type": "AWS::ApiGateway::RequestValidator", "Properties": {"RestApiId": {"Ref": "Api"}, "ValidateRequestBody": true}}, "Put": {"Type": "AWS::ApiGateway::Method", "Properties": {"RestApiId": {"Ref": "Api"}, "HttpMethod": "PUT", "AuthorizationType": "AWS_IAM"}}}}',
      findings: [{ text: '"PUT"' }],
      fixes: [{ title: 'Validate with the request validator V', output: '{"Resources": {"Api": {"Type": "AWS::ApiGateway::RestApi"}, "V": {"Type": "AWS::ApiGateway::RequestValidator", "Properties": {"RestApiId": {"Ref": "Api"}, "ValidateRequestBody": true}}, "Put": {"Type": "AWS::ApiGateway::Method", "Properties": {"RestApiId": {"Ref": "Api"}, "HttpMethod": "PUT", "AuthorizationType": "AWS_IAM", "RequestValidatorId": {"Ref": "V"}}}}}' }],
    },
    {
      name: 'SAM Api event without RequestModel (no automatic fix)',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Create:
                  Type: Api
                  Properties: {Path: /orders, Method: post}
      `,
      findings: [{ text: 'Create', message: 'add RequestModel with a model and ValidateBody: true' }],
    },
    {
      name: 'serverless http POST without schemas',
      path: 'serverless.yml',
      text: text`
        service: s
        provider: {name: aws}
        functions:
          a:
            handler: a.h
            events:
              - http: POST orders
      `,
      findings: [{ text: 'http', message: '`POST /orders` (function a) accepts any request body: API Gateway passes malformed or oversized input straight to your code; add request.schemas' }],
    },
  ],
});
