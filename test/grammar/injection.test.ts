/**
 * Tokenisation tests for syntaxes/cloudformation.injection.tmLanguage.json with vscode-textmate and
 * vscode-oniguruma, loaded the way VS Code loads an injection grammar (getInjections for the base scope).
 * JSON uses VS Code's real JSON grammar; YAML uses a stand-in base grammar written for these tests, since
 * the YAML grammars VS Code and the Red Hat extension ship are not in node_modules (fixtures/NOTICE.md).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';
import { INTRINSIC_SHORT_TAGS } from '../../src/core/intrinsic-names';

const ROOT = join(__dirname, '..', '..');
const INJECTION_PATH = join(ROOT, 'syntaxes', 'cloudformation.injection.tmLanguage.json');
const INJECTION_SCOPE = 'guardpost.cloudformation.injection';

const KEYWORD = 'keyword.control.intrinsic.cloudformation';
const SUBSTITUTION = 'variable.other.substitution.cloudformation';
const DYNAMIC_REF = 'string.interpolated.dynamic-reference.cloudformation';
const SERVERLESS = 'variable.other.serverless';

interface Token {
  text: string;
  scopes: string[];
}

let yaml: IGrammar;
let json: IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const files: Record<string, string> = {
    'source.yaml': join(__dirname, 'fixtures', 'yaml-stand-in.tmLanguage.json'),
    'source.json': join(__dirname, 'fixtures', 'json.tmLanguage.json'),
    [INJECTION_SCOPE]: INJECTION_PATH,
  };
  const injectTo = injectionTargets();
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      const path = files[scopeName];
      return path ? parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
    getInjections: (scopeName: string) => (injectTo.includes(scopeName) ? [INJECTION_SCOPE] : undefined),
  });
  yaml = (await registry.loadGrammar('source.yaml'))!;
  json = (await registry.loadGrammar('source.json'))!;
  assert.ok(yaml && json);
});

/** The injectTo list as package.json contributes it: the test loads the grammar the way VS Code will. */
function injectionTargets(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes?: { grammars?: { scopeName: string; path: string; injectTo?: string[] }[] };
  };
  const entry = pkg.contributes?.grammars?.find((g) => g.scopeName === INJECTION_SCOPE);
  assert.ok(entry, 'package.json contributes the injection grammar');
  assert.equal(join(ROOT, entry.path), INJECTION_PATH);
  return entry.injectTo ?? [];
}

function tokenize(grammar: IGrammar, text: string): Token[][] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** Scopes shared by every token that `needle` spans (on the first line holding it, nth occurrence). */
function scopesOf(grammar: IGrammar, text: string, needle: string, occurrence = 0): string[] {
  const lines = text.split('\n');
  const tokens = tokenize(grammar, text);
  let seen = 0;
  for (let l = 0; l < lines.length; l++) {
    let from = 0;
    for (;;) {
      const at = lines[l].indexOf(needle, from);
      if (at === -1) break;
      if (seen++ === occurrence) {
        let offset = 0;
        const covering: string[][] = [];
        for (const t of tokens[l]) {
          const start = offset;
          offset += t.text.length;
          if (offset > at && start < at + needle.length) covering.push(t.scopes);
        }
        return covering[0].filter((s) => covering.every((c) => c.includes(s)));
      }
      from = at + 1;
    }
  }
  throw new Error(`"${needle}" not in sample`);
}

function has(grammar: IGrammar, text: string, needle: string, scope: string, occurrence = 0): void {
  const scopes = scopesOf(grammar, text, needle, occurrence);
  assert.ok(scopes.includes(scope), `"${needle}" should have ${scope}; has ${scopes.join(' ')}\n${text}`);
}

function lacks(grammar: IGrammar, text: string, needle: string, scopePrefix: string): void {
  const scopes = scopesOf(grammar, text, needle);
  assert.ok(!scopes.some((s) => s.startsWith(scopePrefix)), `"${needle}" should not have ${scopePrefix}*; has ${scopes.join(' ')}`);
}

describe('injection grammar in YAML', () => {
  it('marks every CloudFormation short-form tag as an intrinsic', () => {
    for (const name of INTRINSIC_SHORT_TAGS) {
      has(yaml, `Value: !${name} Something`, `!${name}`, KEYWORD);
      has(yaml, `  - !${name}\n    - a`, `!${name}`, KEYWORD);
    }
  });

  it('marks tags in flow sequences and after list dashes, and leaves the value to the base grammar', () => {
    const text = 'Resource: [!GetAtt Table.Arn, !Ref Bucket]\n- !Join [",", [a, b]]';
    has(yaml, text, '!GetAtt', KEYWORD);
    has(yaml, text, '!Ref', KEYWORD);
    has(yaml, text, '!Join', KEYWORD);
    has(yaml, text, 'Bucket', 'string.unquoted.plain.out.yaml');
  });

  it('marks long-form keys (Ref, Fn::GetAtt, Fn::ForEach::Loop) but not IAM Condition blocks', () => {
    const text = 'Arn:\n  Fn::GetAtt: [Table, Arn]\nName:\n  Ref: BucketName\nFn::ForEach::Topics:\n  - X\nCondition:\n  Bool: {}';
    has(yaml, text, 'Fn::GetAtt', KEYWORD);
    has(yaml, text, 'Ref', KEYWORD);
    has(yaml, text, 'Fn::ForEach::Topics', KEYWORD);
    lacks(yaml, text, 'Condition', 'keyword.control.intrinsic');
    has(yaml, text, 'Condition', 'entity.name.tag.yaml');
    // The key's colon is taken with it, so the value is tokenised as a value: a flow sequence, a plain scalar.
    has(yaml, 'Fn::Join: [",", [a, b]]', ':', 'punctuation.separator.key-value.mapping.yaml', 2);
    has(yaml, text, '[', 'punctuation.definition.flow.yaml');
    has(yaml, text, 'BucketName', 'string.unquoted.plain.out.yaml');
  });

  it('marks ${...} in !Sub strings, quoted or plain, and keeps the string scope', () => {
    const text = "Arn: !Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'\nUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/functions/${Fn.Arn}/invocations";
    has(yaml, text, '${AWS::Partition}', SUBSTITUTION);
    has(yaml, text, '${Bucket}', SUBSTITUTION);
    has(yaml, text, '${Bucket}', 'string.quoted.single.yaml');
    has(yaml, text, '${AWS::Region}', SUBSTITUTION);
    has(yaml, text, '${Fn.Arn}', SUBSTITUTION);
    has(yaml, text, '${Fn.Arn}', 'string.unquoted.plain.out.yaml');
  });

  it('treats ${!Literal} as an escape, not a variable', () => {
    const text = "Text: !Sub 'literal ${!NotAVariable} here'";
    has(yaml, text, '${!NotAVariable}', 'constant.character.escape.substitution.cloudformation');
    lacks(yaml, text, '${!NotAVariable}', SUBSTITUTION);
  });

  it('marks {{resolve:...}} dynamic references, with ${...} inside a !Sub', () => {
    const text = [
      "Password: '{{resolve:secretsmanager:MySecret:SecretString:password}}'",
      "User: !Sub '{{resolve:secretsmanager:${DatabaseSecret}:SecretString:username}}'",
      'Value: "{{resolve:ssm:/app/setting:3}}"',
      'Secure: {{resolve:ssm-secure:/app/token:1}}',
    ].join('\n');
    has(yaml, text, 'MySecret:SecretString', DYNAMIC_REF);
    has(yaml, text, 'secretsmanager', 'support.constant.service.cloudformation');
    has(yaml, text, '${DatabaseSecret}', SUBSTITUTION);
    has(yaml, text, '${DatabaseSecret}', DYNAMIC_REF);
    has(yaml, text, '/app/setting', DYNAMIC_REF);
    has(yaml, text, '/app/token', DYNAMIC_REF);
  });

  it('marks serverless variables, nested ones and ones with defaults', () => {
    const text = [
      'stage: ${opt:stage, self:provider.stage}',
      'dbHost: ${ssm:/items/${sls:stage}/db-host}',
      "table: items-${self:custom.stage, 'dev'}",
      'config: ${file(./config.${opt:stage}.yml):key}',
      'account: ${aws:accountId}',
    ].join('\n');
    has(yaml, text, 'opt:stage, self', SERVERLESS);
    has(yaml, text, 'ssm:/items/', SERVERLESS);
    const nested = scopesOf(yaml, text, 'sls:stage');
    assert.equal(nested.filter((s) => s === SERVERLESS).length, 2, `nested variable: ${nested.join(' ')}`);
    has(yaml, text, '/db-host', SERVERLESS);
    has(yaml, text, "self:custom.stage, 'dev'", SERVERLESS);
    has(yaml, text, 'file(./config.', SERVERLESS);
    has(yaml, text, 'aws:accountId', SERVERLESS);
    has(yaml, text, 'ssm', 'support.type.variable-source.serverless');
    lacks(yaml, text, 'items-', SERVERLESS);
  });

  it('leaves comments and look-alikes alone', () => {
    const text = [
      '# Value: !Ref Bucket and ${Param} and {{resolve:ssm:/x}}',
      'image: nginx!Ref',
      'run: echo ${{ secrets.TOKEN }}',
      'url: http://example.com/!Sub',
    ].join('\n');
    lacks(yaml, text, '!Ref Bucket', 'keyword.control.intrinsic');
    lacks(yaml, text, '${Param}', 'variable.other');
    lacks(yaml, text, '{{resolve', 'string.interpolated.dynamic-reference');
    lacks(yaml, text, 'nginx!Ref', 'keyword.control.intrinsic');
    lacks(yaml, text, '${{ secrets', 'variable.other');
    lacks(yaml, text, '/!Sub', 'keyword.control.intrinsic');
  });

  it('keeps the base grammar in step on the following lines', () => {
    const text = 'Resources:\n  Bucket:\n    Properties:\n      BucketName: !Sub "${AWS::StackName}-data"\n      Tags:\n        - Key: team';
    has(yaml, text, 'Tags', 'entity.name.tag.yaml');
    has(yaml, text, 'Key', 'entity.name.tag.yaml');
    has(yaml, text, '-data', 'string.quoted.double.yaml');
  });
});

describe('injection grammar in JSON (VS Code JSON grammar)', () => {
  const template = [
    '{',
    '  "Resources": {',
    '    "Role": {',
    '      "Properties": {',
    '        "Arn": {"Fn::GetAtt": ["Table", "Arn"]},',
    '        "Name": {"Ref": "BucketName"},',
    '        "Path": {"Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}/${!Literal}"},',
    '        "Password": "{{resolve:ssm-secure:/db/password:1}}",',
    '        "Condition": {"Bool": {"aws:SecureTransport": "false"}},',
    '        "Label": "Ref",',
    '        "Loop": {"Fn::ForEach::Topics": ["T", ["a"], {}]},',
    '        "After": true',
    '      }',
    '    }',
    '  }',
    '}',
  ].join('\n');

  it('marks the long form of every intrinsic, in JSON and as YAML keys', () => {
    for (const name of INTRINSIC_SHORT_TAGS) {
      if (name === 'Condition') continue; // `Condition` is also a resource attribute and an IAM statement element
      const long = name === 'Ref' ? 'Ref' : `Fn::${name}`;
      has(json, `{"Value": {"${long}": ["a", "b"]}}`, `"${long}"`, KEYWORD);
      has(yaml, `Value:\n  ${long}: [a, b]`, long, KEYWORD);
    }
  });

  it('marks "Ref" and "Fn::..." keys as intrinsics', () => {
    has(json, template, '"Fn::GetAtt"', KEYWORD);
    has(json, template, '"Ref"', KEYWORD);
    has(json, template, '"Fn::Sub"', KEYWORD);
    has(json, template, '"Fn::ForEach::Topics"', KEYWORD);
  });

  it('leaves values, IAM Condition keys and other keys to the JSON grammar', () => {
    has(json, template, '"Table"', 'string.quoted.double.json');
    lacks(json, template, '"Condition"', 'keyword.control.intrinsic');
    has(json, template, '"Condition"', 'support.type.property-name.json');
    lacks(json, template, '"Ref",', 'keyword.control.intrinsic');
    has(json, template, '"After"', 'support.type.property-name.json');
    has(json, template, 'true', 'constant.language.json');
  });

  it('marks ${...} in Fn::Sub strings and {{resolve:...}} references inside JSON strings', () => {
    has(json, template, '${AWS::Partition}', SUBSTITUTION);
    has(json, template, '${Bucket}', SUBSTITUTION);
    has(json, template, '${Bucket}', 'string.quoted.double.json');
    has(json, template, '${!Literal}', 'constant.character.escape.substitution.cloudformation');
    has(json, template, '/db/password', DYNAMIC_REF);
    has(json, template, 'ssm-secure', 'support.constant.service.cloudformation');
  });

  it('marks serverless variables in JSON strings', () => {
    const text = '{"stage": "${opt:stage, \'dev\'}", "plain": "no ${{ here }}"}';
    has(json, text, 'opt:stage', SERVERLESS);
    lacks(json, text, '${{ here', 'variable.other');
  });
});
