import { unauthenticatedRoute } from '../../../src/rules/api/unauthenticated-route';
import { testRule, text } from '../../helpers/rule-tester';

const v1Open = text`
  Resources:
    Api:
      Type: AWS::ApiGateway::RestApi
      Properties:
        Name: orders
    Orders:
      Type: AWS::ApiGateway::Resource
      Properties:
        RestApiId: !Ref Api
        ParentId: !GetAtt Api.RootResourceId
        PathPart: orders
    DeleteOrder:
      Type: AWS::ApiGateway::Method
      Properties:
        RestApiId: !Ref Api
        ResourceId: !Ref Orders
        HttpMethod: DELETE
        AuthorizationType: NONE
`;

testRule(unauthenticatedRoute, {
  valid: [
    {
      name: 'v1 method with a Cognito authorizer',
      path: 'template.yaml',
      text: text`
        Resources:
          Get:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              ResourceId: !GetAtt Api.RootResourceId
              HttpMethod: GET
              AuthorizationType: COGNITO_USER_POOLS
              AuthorizerId: !Ref Auth
      `,
    },
    {
      name: 'v1 OPTIONS method answering CORS preflight',
      path: 'template.yaml',
      text: text`
        Resources:
          Preflight:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              ResourceId: !GetAtt Api.RootResourceId
              HttpMethod: OPTIONS
              AuthorizationType: NONE
              Integration: {Type: MOCK}
      `,
    },
    {
      name: 'v1 method on a private (VPC endpoint) API',
      path: 'template.yaml',
      text: text`
        Resources:
          Api:
            Type: AWS::ApiGateway::RestApi
            Properties:
              EndpointConfiguration: {Types: [PRIVATE]}
              Policy: {Statement: []}
          Get:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              ResourceId: !GetAtt Api.RootResourceId
              HttpMethod: GET
              AuthorizationType: NONE
      `,
    },
    {
      name: 'authorization decided by a parameter is not judged',
      path: 'template.yaml',
      text: text`
        Resources:
          Get:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              ResourceId: !GetAtt Api.RootResourceId
              HttpMethod: GET
              AuthorizationType: !Ref AuthType
      `,
    },
    {
      name: 'v2 WebSocket routes other than $connect cannot take an authorizer',
      path: 'template.json',
      text: '{"Resources": {"Ws": {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"ProtocolType": "WEBSOCKET"}}, "Msg": {"Type": "AWS::ApiGatewayV2::Route", "Properties": {"ApiId": {"Ref": "Ws"}, "RouteKey": "sendmessage"}}}}',
    },
    {
      name: 'SAM events behind the API default authorizer (Globals)',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Api:
            Auth:
              DefaultAuthorizer: AWS_IAM
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get:
                  Type: Api
                  Properties: {Path: /orders, Method: get}
      `,
    },
    {
      name: 'SAM event on an API whose definition lives in another file',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              DefinitionUri: openapi.yaml
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get:
                  Type: Api
                  Properties: {RestApiId: !Ref Api, Path: /orders, Method: get}
      `,
    },
    {
      name: 'SAM API whose inline OpenAPI requires a Cognito scheme everywhere',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              DefinitionBody:
                openapi: 3.0.1
                security:
                  - Users: []
                components:
                  securitySchemes:
                    Users:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authtype: cognito_user_pools
                paths:
                  /orders:
                    get: {}
      `,
    },
    {
      name: 'serverless http event with a Cognito authorizer and a CORS preflight',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
        functions:
          list:
            handler: h.list
            events:
              - http:
                  path: orders
                  method: get
                  authorizer:
                    arn: arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_x
              - http: OPTIONS orders
      `,
    },
    {
      name: 'serverless authorizer from a variable is not judged',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
        functions:
          list:
            handler: h.list
            events:
              - http: {path: orders, method: get, authorizer: '\${self:custom.authorizer}'}
      `,
    },
    {
      name: 'HTTP API reachable only through a mutual-TLS custom domain (default endpoint disabled)',
      path: 'template.yaml',
      text: text`
        Resources:
          HttpApi:
            Type: AWS::ApiGatewayV2::Api
            Properties:
              ProtocolType: HTTP
              DisableExecuteApiEndpoint: true
              Target: !GetAtt Fn.Arn
          Domain:
            Type: AWS::ApiGatewayV2::DomainName
            Properties:
              DomainName: api.example.com
              MutualTlsAuthentication: {TruststoreUri: s3://bucket/truststore.pem}
      `,
    },
    {
      name: 'function URLs are the business of api/function-url-public',
      path: 'template.yaml',
      text: text`
        Resources:
          Url:
            Type: AWS::Lambda::Url
            Properties:
              AuthType: NONE
              TargetFunctionArn: !GetAtt Fn.Arn
      `,
    },
  ],
  invalid: [
    {
      name: 'v1 method with AuthorizationType NONE and no authorizer in the template',
      path: 'template.yaml',
      text: v1Open,
      findings: [{ text: 'NONE', range: '18:26-18:30', severity: 'warning', resource: 'DeleteOrder', message: '`DELETE /orders` (AWS::ApiGateway::Method DeleteOrder) has no authorization: anyone on the internet can call it; add an authorizer or AWS_IAM' }],
      fixes: [{ title: 'Require AWS_IAM', isPreferred: true, output: v1Open.replace('AuthorizationType: NONE', 'AuthorizationType: AWS_IAM') }],
    },
    {
      name: 'v1 method without AuthorizationType, one fix per authorizer of its API',
      path: 'template.yaml',
      text: text`
        Resources:
          Users:
            Type: AWS::ApiGateway::Authorizer
            Properties: {RestApiId: !Ref Api, Type: COGNITO_USER_POOLS}
          Tokens:
            Type: AWS::ApiGateway::Authorizer
            Properties: {RestApiId: !Ref Api, Type: TOKEN}
          Other:
            Type: AWS::ApiGateway::Authorizer
            Properties: {RestApiId: !Ref OtherApi, Type: TOKEN}
          Get:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              ResourceId: !GetAtt Api.RootResourceId
              HttpMethod: GET
              ApiKeyRequired: false
      `,
      findings: [{ text: 'Get', message: '`GET /` (AWS::ApiGateway::Method Get)' }],
      fixes: [
        {
          title: 'Require the Cognito authorizer Users',
          isPreferred: true,
          output: text`
            Resources:
              Users:
                Type: AWS::ApiGateway::Authorizer
                Properties: {RestApiId: !Ref Api, Type: COGNITO_USER_POOLS}
              Tokens:
                Type: AWS::ApiGateway::Authorizer
                Properties: {RestApiId: !Ref Api, Type: TOKEN}
              Other:
                Type: AWS::ApiGateway::Authorizer
                Properties: {RestApiId: !Ref OtherApi, Type: TOKEN}
              Get:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref Api
                  ResourceId: !GetAtt Api.RootResourceId
                  HttpMethod: GET
                  ApiKeyRequired: false
                  AuthorizationType: COGNITO_USER_POOLS
                  AuthorizerId: !Ref Users
          `,
        },
        {
          title: 'Require the Lambda authorizer Tokens',
          isPreferred: false,
          output: text`
            Resources:
              Users:
                Type: AWS::ApiGateway::Authorizer
                Properties: {RestApiId: !Ref Api, Type: COGNITO_USER_POOLS}
              Tokens:
                Type: AWS::ApiGateway::Authorizer
                Properties: {RestApiId: !Ref Api, Type: TOKEN}
              Other:
                Type: AWS::ApiGateway::Authorizer
                Properties: {RestApiId: !Ref OtherApi, Type: TOKEN}
              Get:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref Api
                  ResourceId: !GetAtt Api.RootResourceId
                  HttpMethod: GET
                  ApiKeyRequired: false
                  AuthorizationType: CUSTOM
                  AuthorizerId: !Ref Tokens
          `,
        },
      ],
    },
    {
      name: 'v1 method protected only by an API key',
      path: 'template.yaml',
      text: text`
        Resources:
          Get:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              ResourceId: !GetAtt Api.RootResourceId
              HttpMethod: GET
              AuthorizationType: NONE
              ApiKeyRequired: true
      `,
      findings: [{ text: 'NONE', severity: 'warning', message: 'protected only by an API key: API keys identify callers' }],
    },
    {
      name: 'v2 route in JSON, fixed with the JWT authorizer',
      path: 'template.json',
      text: '{\n  "Resources": {\n    "Jwt": {"Type": "AWS::ApiGatewayV2::Authorizer", "Properties": {"ApiId": {"Ref": "Api"}, "AuthorizerType": "JWT"}},\n    "Get": {\n      "Type": "AWS::ApiGatewayV2::Route",\n      "Properties": {\n        "ApiId": {"Ref": "Api"},\n        "RouteKey": "GET /payments/{id}"\n      }\n    }\n  }\n}\n',
      findings: [{ text: '"GET /payments/{id}"', message: '`GET /payments/{id}` (AWS::ApiGatewayV2::Route Get) has no authorization' }],
      fixes: [{
        title: 'Require the JWT authorizer Jwt',
        output: '{\n  "Resources": {\n    "Jwt": {"Type": "AWS::ApiGatewayV2::Authorizer", "Properties": {"ApiId": {"Ref": "Api"}, "AuthorizerType": "JWT"}},\n    "Get": {\n      "Type": "AWS::ApiGatewayV2::Route",\n      "Properties": {\n        "ApiId": {"Ref": "Api"},\n        "RouteKey": "GET /payments/{id}",\n        "AuthorizationType": "JWT",\n        "AuthorizerId": {"Ref": "Jwt"}\n      }\n    }\n  }\n}\n',
      }],
    },
    {
      name: 'v2 WebSocket $connect without authorization',
      path: 'template.yaml',
      text: text`
        Resources:
          Ws:
            Type: AWS::ApiGatewayV2::Api
            Properties: {ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
          Connect:
            Type: AWS::ApiGatewayV2::Route
            Properties: {ApiId: !Ref Ws, RouteKey: $connect, AuthorizationType: NONE}
      `,
      findings: [{ text: 'NONE', message: '`WS $connect`' }],
      fixes: [{ title: 'AWS_IAM', output: text`
        Resources:
          Ws:
            Type: AWS::ApiGatewayV2::Api
            Properties: {ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
          Connect:
            Type: AWS::ApiGatewayV2::Route
            Properties: {ApiId: !Ref Ws, RouteKey: $connect, AuthorizationType: AWS_IAM}
      ` }],
    },
    {
      name: 'v2 quick-create API (Target) has an open $default route',
      path: 'template.yaml',
      text: text`
        Resources:
          Api:
            Type: AWS::ApiGatewayV2::Api
            Properties:
              ProtocolType: HTTP
              Target: !GetAtt Fn.Arn
      `,
      findings: [{ text: 'Target', message: 'replace `Target` with routes that have an authorizer' }],
    },
    {
      name: 'SAM implicit API event: fix adds Auth to the event',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get:
                  Type: Api
                  Properties:
                    Path: /orders
                    Method: get
      `,
      findings: [{ text: 'Get', message: '`GET /orders` (Api event Get of function Fn) has no authorization' }],
      fixes: [{ title: 'AWS_IAM', output: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get:
                  Type: Api
                  Properties:
                    Path: /orders
                    Method: get
                    Auth:
                      Authorizer: AWS_IAM
      ` }],
    },
    {
      name: 'SAM explicit Authorizer NONE is info, and the fix uses the API authorizer',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Auth:
                DefaultAuthorizer: Users
                Authorizers:
                  Users:
                    UserPoolArn: !GetAtt Pool.Arn
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Health:
                  Type: Api
                  Properties:
                    RestApiId: !Ref Api
                    Path: /health
                    Method: get
                    Auth:
                      Authorizer: NONE
                Orders:
                  Type: Api
                  Properties: {RestApiId: !Ref Api, Path: /orders, Method: get}
      `,
      findings: [{ text: 'NONE', severity: 'info', message: '`GET /health` (Api event Health of function Fn) is public by choice (`Authorizer: NONE`)' }],
      fixes: [{ title: 'Require the Cognito authorizer Users', isPreferred: false, output: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Auth:
                DefaultAuthorizer: Users
                Authorizers:
                  Users:
                    UserPoolArn: !GetAtt Pool.Arn
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Health:
                  Type: Api
                  Properties:
                    RestApiId: !Ref Api
                    Path: /health
                    Method: get
                    Auth:
                      Authorizer: Users
                Orders:
                  Type: Api
                  Properties: {RestApiId: !Ref Api, Path: /orders, Method: get}
      ` }],
    },
    {
      name: 'SAM API key only (Auth.ApiKeyRequired without an authorizer)',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get:
                  Type: Api
                  Properties:
                    Path: /orders
                    Method: get
                    Auth: {ApiKeyRequired: true}
      `,
      findings: [{ text: 'Get', message: 'protected only by an API key' }],
      fixes: [{ title: 'AWS_IAM', output: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get:
                  Type: Api
                  Properties:
                    Path: /orders
                    Method: get
                    Auth: {ApiKeyRequired: true, Authorizer: AWS_IAM}
      ` }],
    },
    {
      name: 'SAM HttpApi event with no Properties, fixed with the JWT authorizer of its implicit API (Globals)',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          HttpApi:
            Auth:
              Authorizers:
                Auth0:
                  JwtConfiguration: {issuer: "https://example.auth0.com/"}
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Any:
                  Type: HttpApi
      `,
      findings: [{ text: 'Any', message: '`ANY $default` (HttpApi event Any of function Fn) has no authorization' }],
      fixes: [{ title: 'Require the JWT authorizer Auth0', output: text`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          HttpApi:
            Auth:
              Authorizers:
                Auth0:
                  JwtConfiguration: {issuer: "https://example.auth0.com/"}
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Any:
                  Type: HttpApi
                  Properties:
                    Auth:
                      Authorizer: Auth0
      ` }],
    },
    {
      name: 'SAM HttpApi events without authorizers: AWS_IAM together with EnableIamAuthorizer',
      path: 'template.yaml',
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Http:
            Type: AWS::Serverless::HttpApi
            Properties:
              StageName: prod
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Post:
                  Type: HttpApi
                  Properties: {ApiId: !Ref Http, Path: /reviews, Method: post}
                Get:
                  Type: HttpApi
                  Properties:
                    Path: /reviews
                    Method: get
      `,
      findings: [{ text: 'Post', message: '`POST /reviews`' }, { text: 'Get', message: '`GET /reviews` (HttpApi event Get of function Fn)' }],
      fixes: [
        { finding: 0, title: 'Require AWS_IAM (signed requests) and enable IAM authorization on Http', isPreferred: true, output: text`
          Transform: AWS::Serverless-2016-10-31
          Resources:
            Http:
              Type: AWS::Serverless::HttpApi
              Properties:
                StageName: prod
                Auth:
                  EnableIamAuthorizer: true
            Fn:
              Type: AWS::Serverless::Function
              Properties:
                Events:
                  Post:
                    Type: HttpApi
                    Properties: {ApiId: !Ref Http, Path: /reviews, Method: post, Auth: {Authorizer: AWS_IAM}}
                  Get:
                    Type: HttpApi
                    Properties:
                      Path: /reviews
                      Method: get
        ` },
        { finding: 1, title: 'enable IAM authorization on ServerlessHttpApi', output: text`
          Transform: AWS::Serverless-2016-10-31
          Resources:
            Http:
              Type: AWS::Serverless::HttpApi
              Properties:
                StageName: prod
            Fn:
              Type: AWS::Serverless::Function
              Properties:
                Events:
                  Post:
                    Type: HttpApi
                    Properties: {ApiId: !Ref Http, Path: /reviews, Method: post}
                  Get:
                    Type: HttpApi
                    Properties:
                      Path: /reviews
                      Method: get
                      Auth:
                        Authorizer: AWS_IAM
          Globals:
            HttpApi:
              Auth:
                EnableIamAuthorizer: true
        ` },
      ],
    },
    {
      name: 'SAM JSON template: inline OpenAPI operation with empty security is info',
      path: 'template.json',
      text: '{"Transform": "AWS::Serverless-2016-10-31", "Resources": {"Api": {"Type": "AWS::Serverless::Api", "Properties": {"StageName": "prod", "DefinitionBody": {"swagger": "2.0", "security": [{"Sig": []}], "securityDefinitions": {"Sig": {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "awsSigv4"}}, "paths": {"/ping": {"get": {"security": []}}, "/orders": {"get": {}}}}}}}}',
      findings: [{ text: '"security"', severity: 'info', message: '`GET /ping` (OpenAPI body of Api) is public by choice (`security: []`)' }],
    },
    {
      name: 'serverless http short form and API key only, fixed with the authorizer another event uses',
      path: 'serverless.yml',
      text: text`
        service: orders
        provider:
          name: aws
        functions:
          list:
            handler: h.list
            events:
              - http:
                  path: orders
                  method: get
                  authorizer:
                    name: auth
                    resultTtlInSeconds: 0
              - http: POST orders
              - http:
                  path: orders/{id}
                  method: get
                  private: true
      `,
      findings: [
        { text: 'http', range: '14:9-14:13', message: '`POST /orders` (function list) has no authorization' },
        { text: 'true', message: '`GET /orders/{id}` (function list) is protected only by an API key' },
      ],
      fixes: [
        { finding: 0, title: 'Require the Lambda authorizer auth', isPreferred: true, output: text`
          service: orders
          provider:
            name: aws
          functions:
            list:
              handler: h.list
              events:
                - http:
                    path: orders
                    method: get
                    authorizer:
                      name: auth
                      resultTtlInSeconds: 0
                - http:
                    path: orders
                    method: POST
                    authorizer:
                      name: auth
                      resultTtlInSeconds: 0
                - http:
                    path: orders/{id}
                    method: get
                    private: true
        ` },
        { finding: 1, title: 'AWS_IAM', output: text`
          service: orders
          provider:
            name: aws
          functions:
            list:
              handler: h.list
              events:
                - http:
                    path: orders
                    method: get
                    authorizer:
                      name: auth
                      resultTtlInSeconds: 0
                - http: POST orders
                - http:
                    path: orders/{id}
                    method: get
                    private: true
                    authorizer: aws_iam
        ` },
      ],
    },
    {
      name: 'serverless websocket $connect without an authorizer (other websocket routes cannot have one)',
      path: 'serverless.yml',
      text: text`
        service: chat
        provider:
          name: aws
        functions:
          connect:
            handler: h.connect
            events:
              - websocket: $connect
          message:
            handler: h.message
            events:
              - websocket: {route: sendmessage}
          secured:
            handler: h.secured
            events:
              - websocket: {route: $connect, authorizer: auth}
      `,
      findings: [{ text: 'websocket', range: '8:9-8:18', resource: 'connect', message: '`WS $connect` (function connect) has no authorization' }],
    },
    {
      name: 'serverless httpApi event, fixed with a provider.httpApi authorizer',
      path: 'serverless.yml',
      text: text`
        service: prefs
        provider:
          name: aws
          httpApi:
            authorizers:
              auth0:
                issuerUrl: https://example.auth0.com/
                audience: [prefs]
        functions:
          put:
            handler: h.put
            events:
              - httpApi: {method: PUT, path: /preferences}
      `,
      findings: [{ text: 'httpApi', range: '13:9-13:16', message: '`PUT /preferences` (function put) has no authorization' }],
      fixes: [
        { title: 'Require the JWT authorizer auth0', output: text`
          service: prefs
          provider:
            name: aws
            httpApi:
              authorizers:
                auth0:
                  issuerUrl: https://example.auth0.com/
                  audience: [prefs]
          functions:
            put:
              handler: h.put
              events:
                - httpApi: {method: PUT, path: /preferences, authorizer: {name: auth0}}
        ` },
        { title: 'AWS_IAM', output: text`
          service: prefs
          provider:
            name: aws
            httpApi:
              authorizers:
                auth0:
                  issuerUrl: https://example.auth0.com/
                  audience: [prefs]
          functions:
            put:
              handler: h.put
              events:
                - httpApi: {method: PUT, path: /preferences, authorizer: {type: aws_iam}}
        ` },
      ],
    },
  ],
});
