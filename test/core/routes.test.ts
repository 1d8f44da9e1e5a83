import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { routesCommand } from '../../src/cli/commands/routes';
import { lint } from '../../src/core/engine';
import { apiRules } from '../../src/rules/api';
import { formatRouteTable, listRoutes, type RouteRow } from '../../src/core/routes-table';
import { text } from '../helpers/rule-tester';

const EXAMPLE = 'examples/api-project';
const FILES = ['rest-api-v1.yaml', 'http-api-v2.json', 'sam-template.yaml', 'serverless.yml'].map((f) => `${EXAMPLE}/${f}`);

function brief(rows: RouteRow[]): string[] {
  return rows.map((r) => `${r.method} ${r.path} | ${r.api} | ${r.authorization} | ${r.file}:${r.line}`);
}

describe('route extractor', () => {
  it('lists every route of the mixed example project with its authorization and line', () => {
    const rows = FILES.flatMap((f) => listRoutes(readFileSync(f, 'utf8'), f));
    assert.deepEqual(brief(rows), [
      'GET /orders | OrdersApi | Cognito (UserPoolAuthorizer) | examples/api-project/rest-api-v1.yaml:35',
      'DELETE /orders/{id} | OrdersApi | NONE (open) | examples/api-project/rest-api-v1.yaml:45',
      'OPTIONS /orders/{id} | OrdersApi | CORS preflight | examples/api-project/rest-api-v1.yaml:54',
      'POST /payments | PaymentsApi | JWT (JwtAuthorizer) | examples/api-project/http-api-v2.json:23',
      'GET /payments/{id} | PaymentsApi | NONE (open) | examples/api-project/http-api-v2.json:32',
      'GET /products | CatalogApi | Cognito (CatalogUsers), default | examples/api-project/sam-template.yaml:23',
      'GET /health | CatalogApi | NONE (explicit) | examples/api-project/sam-template.yaml:29',
      'POST /reviews | ServerlessHttpApi | NONE (open) | examples/api-project/sam-template.yaml:41',
      'ANY (function URL) | Export | NONE (open) | examples/api-project/sam-template.yaml:50',
      'POST /notifications | notifications | Lambda authorizer (authorize) | examples/api-project/serverless.yml:20',
      'GET /notifications/status | notifications | API key only | examples/api-project/serverless.yml:24',
      'GET /preferences | notifications | JWT (auth0) | examples/api-project/serverless.yml:31',
      'PUT /preferences | notifications | NONE (open) | examples/api-project/serverless.yml:36',
      'ANY (function URL) | webhook | NONE (open) | examples/api-project/serverless.yml:39',
    ]);
    assert.equal(rows.filter((r) => r.open).length, 8);
    assert.equal(rows.filter((r) => r.preflight).length, 1);
  });

  it('resolves nested v1 resource paths and SAM Globals default authorizers', () => {
    const rows = listRoutes(text`
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Api:
          Auth:
            DefaultAuthorizer: Users
            Authorizers:
              Users: {UserPoolArn: arn:aws:cognito-idp:eu-west-1:1:userpool/x}
        Function:
          FunctionUrlConfig: {AuthType: AWS_IAM}
      Resources:
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Events:
              A: {Type: Api, Properties: {Path: /a, Method: post}}
              B: {Type: Api, Properties: {Path: /b, Method: get, Auth: {Authorizer: AWS_IAM}}}
        Api:
          Type: AWS::ApiGateway::RestApi
        V1:
          Type: AWS::ApiGateway::Resource
          Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: v1}
        Items:
          Type: AWS::ApiGateway::Resource
          Properties: {RestApiId: !Ref Api, ParentId: !Ref V1, PathPart: "{item}"}
        Get:
          Type: AWS::ApiGateway::Method
          Properties: {RestApiId: !Ref Api, ResourceId: !Ref Items, HttpMethod: get, AuthorizationType: AWS_IAM}
    `, 't.yaml');
    assert.deepEqual(brief(rows), [
      'POST /a | ServerlessRestApi | Cognito (Users), default | t.yaml:15',
      'GET /b | ServerlessRestApi | AWS_IAM | t.yaml:16',
      'ANY (function URL) | Fn | AWS_IAM | t.yaml:9',
      'GET /v1/{item} | Api | AWS_IAM | t.yaml:27',
    ]);
  });

  it('reads every YAML document and ignores files that are not templates', () => {
    assert.deepEqual(listRoutes('name: ci\non: push\n', 'ci.yml'), []);
    assert.deepEqual(listRoutes('{"Statement": []}', 'p.json'), []);
    assert.equal(listRoutes('Resources: {M: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: x, RouteKey: GET /a}}}\n---\nResources: {N: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: x, RouteKey: GET /b}}}\n', 'two.yaml').length, 2);
  });

  it('formats a table with a summary line', () => {
    const rows = listRoutes(readFileSync(FILES[1], 'utf8'), FILES[1]);
    assert.equal(formatRouteTable(rows), [
      'METHOD  PATH            API          AUTHORIZATION        SOURCE',
      'POST    /payments       PaymentsApi  JWT (JwtAuthorizer)  examples/api-project/http-api-v2.json:23',
      'GET     /payments/{id}  PaymentsApi  NONE (open)          examples/api-project/http-api-v2.json:32',
      '',
      '2 routes, 1 open to anyone',
      '',
    ].join('\n'));
    assert.equal(formatRouteTable([]), 'No API routes found.\n');
  });
});

describe('guardpost routes', () => {
  function run(argv: string[]): { code: number; out: string; err: string } {
    let out = '';
    let err = '';
    const code = routesCommand(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), readFile: (p) => readFileSync(p, 'utf8') });
    return { code, out, err };
  }

  it('prints only the open routes with --open, as JSON with --format json', () => {
    const { code, out, err } = run([...FILES, '--open', '--format', 'json']);
    assert.equal(code, 0);
    assert.equal(err, '');
    const rows = JSON.parse(out) as RouteRow[];
    assert.deepEqual(rows.map((r) => `${r.method} ${r.path}`), ['DELETE /orders/{id}', 'GET /payments/{id}', 'GET /health', 'POST /reviews', 'ANY (function URL)', 'GET /notifications/status', 'PUT /preferences', 'ANY (function URL)']);
  });

  it('expands paths with listFiles and shows them with displayPath', () => {
    let out = '';
    const code = routesCommand(['examples/api-project'], {
      stdout: (s) => (out += s),
      stderr: () => undefined,
      readFile: (p) => readFileSync(p, 'utf8'),
      listFiles: (args) => (args[0] === 'examples/api-project' ? [FILES[1]] : []),
      displayPath: (p) => p.replace(`${EXAMPLE}/`, ''),
    });
    assert.equal(code, 0);
    assert.match(out, /GET     \/payments\/\{id\}  PaymentsApi  NONE \(open\)          http-api-v2\.json:32/);
  });

  it('exits 2 on an unreadable file or a bad format', () => {
    assert.equal(run(['missing.yaml']).code, 2);
    assert.match(run(['missing.yaml']).err, /cannot read missing\.yaml: ENOENT/);
    assert.equal(run([FILES[0], '--format', 'xml']).code, 2);
  });
});

describe('api rules on the mixed example project', () => {
  it('report the open routes, public function URLs and missing stage settings of every file kind', () => {
    const found = FILES.flatMap((f) => lint(readFileSync(f, 'utf8'), { path: f, rules: apiRules }).findings.map((x) => `${f.slice(EXAMPLE.length + 1)}:${x.range.start.line + 1} ${x.ruleId} ${x.severity}`));
    assert.deepEqual(found, [
      'rest-api-v1.yaml:45 api/unauthenticated-route warning',
      'http-api-v2.json:32 api/unauthenticated-route warning',
      'sam-template.yaml:10 api/access-logging warning',
      'sam-template.yaml:10 api/throttling warning',
      'sam-template.yaml:10 api/tracing info',
      'sam-template.yaml:10 api/waf info',
      'sam-template.yaml:36 api/unauthenticated-route info',
      'sam-template.yaml:41 api/access-logging warning',
      'sam-template.yaml:41 api/throttling warning',
      'sam-template.yaml:41 api/unauthenticated-route warning',
      'sam-template.yaml:50 api/function-url-public warning',
      'serverless.yml:20 api/access-logging warning',
      'serverless.yml:20 api/request-validation info',
      'serverless.yml:20 api/throttling warning',
      'serverless.yml:20 api/tracing info',
      'serverless.yml:20 api/waf info',
      'serverless.yml:27 api/unauthenticated-route warning',
      'serverless.yml:31 api/access-logging warning',
      'serverless.yml:36 api/unauthenticated-route warning',
      'serverless.yml:39 api/function-url-public warning',
    ]);
  });
});
