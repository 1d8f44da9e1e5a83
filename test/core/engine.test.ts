import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint, MAX_FILE_BYTES } from '../../src/core/engine';
import type { Rule } from '../../src/core/rule';
import { allRules } from '../../src/rules';
import { wildcardAction } from '../../src/rules/iam/wildcard-action';
import { text } from '../helpers/rule-tester';

const POLICY = '{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}';

const throwing: Rule = {
  meta: { id: 'test/throws', title: 'always throws', defaultSeverity: 'error', fixable: false, kinds: ['iam-policy'] },
  check(context) {
    context.report({ start: 0, end: 1, message: 'half a result' });
    throw new Error('boom');
  },
};
const reporting: Rule = {
  meta: { id: 'test/reports', title: 'reports the root', defaultSeverity: 'warning', fixable: false, kinds: ['iam-policy'] },
  check(context) {
    context.report({ node: context.root, message: 'root' });
  },
};
const explicit: Rule = {
  meta: { id: 'test/explicit', title: 'reports at info on purpose', defaultSeverity: 'warning', fixable: false, kinds: ['iam-policy'] },
  check(context) {
    context.report({ node: context.root, message: 'deliberate', severity: 'info' });
  },
};

describe('engine', () => {
  it('isolates a rule that throws: one internal-error finding, the other rules still run', () => {
    const r = lint(POLICY, { path: 'p.json', rules: [throwing, reporting] });
    assert.deepEqual(r.findings.map((f) => f.ruleId).sort(), ['guardpost/internal-error', 'test/reports']);
    const internal = r.findings.find((f) => f.ruleId === 'guardpost/internal-error')!;
    assert.match(internal.message, /test\/throws failed.*boom/);
  });

  it('skips unknown files quietly, even with syntax errors', () => {
    for (const [path, source] of [['docker-compose.yml', 'services:\n  web: [\n'], ['package.json', '{"name": ']]) {
      assert.deepEqual(lint(source, { path, rules: allRules }), { kind: 'unknown', language: path.endsWith('json') ? 'json' : 'yaml', findings: [] });
    }
  });

  it('reports one syntax error at its position on an AWS file and analyses what parses', () => {
    const source = text`
      Resources:
        P:
          Type: AWS::IAM::Policy
          Properties:
            PolicyDocument:
              Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}]
        Broken: [unclosed
    `;
    const r = lint(source, { path: 't.yaml', rules: allRules });
    const syntax = r.findings.filter((f) => f.ruleId === 'parse/syntax-error');
    assert.equal(syntax.length, 1);
    assert.equal(syntax[0].severity, 'error');
    // The unclosed flow sequence is reported where the parser gives up: the end of the text.
    assert.equal(syntax[0].range.start.line, 7);
    assert.ok(r.findings.some((f) => f.ruleId === 'iam/wildcard-action'), 'the rest is still analysed');
  });

  it('skips a file over 5 MB with an info finding', () => {
    const big = 'Resources: {}\n#' + 'x'.repeat(MAX_FILE_BYTES);
    const r = lint(big, { path: 'big.yaml', rules: allRules });
    assert.deepEqual(r.findings.map((f) => [f.ruleId, f.severity]), [['guardpost/file-too-large', 'info']]);
  });

  it('skips binary content', () => {
    const r = lint('\u0000\u0001\u0002PK', { path: 'x.json', rules: allRules });
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['guardpost/binary-file']);
  });

  it('handles empty files and alias bombs without crashing', () => {
    assert.deepEqual(lint('', { path: 'e.yaml', rules: allRules }).findings, []);
    assert.deepEqual(lint('', { path: 'e.json', rules: allRules }).findings, []);
    const bomb = ['AWSTemplateFormatVersion: "2010-09-09"', 'a: &a [x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 9; i++) bomb.push(`l${i}: &${'abcdefghij'[i]} [${Array(9).fill(`*${'abcdefghij'[i - 1]}`).join(',')}]`);
    const r = lint(bomb.join('\n'), { path: 'bomb.yaml', rules: allRules });
    assert.match(r.findings[0].message, /alias/);
  });

  it('applies configured severities and off, but keeps a rule\'s deliberate severity', () => {
    const rules = [reporting, explicit];
    const configured = lint(POLICY, { path: 'p.json', rules, config: { rules: { 'test/reports': 'error', 'test/explicit': 'error' }, ignore: [] } });
    assert.deepEqual(configured.findings.map((f) => [f.ruleId, f.severity]).sort(), [['test/explicit', 'info'], ['test/reports', 'error']]);
    const off = lint(POLICY, { path: 'p.json', rules, config: { rules: { 'test/*': 'off' }, ignore: [] } });
    assert.deepEqual(off.findings, []);
  });

  it('finds the same thing in a YAML file with a BOM and CRLF line ends', () => {
    const r = lint('\uFEFFStatement:\r\n  - Effect: Allow\r\n    Action: "s3:*"\r\n', { path: 'p.yaml', rules: [wildcardAction] });
    assert.deepEqual(r.findings.map((f) => [f.ruleId, f.range.start]), [['iam/wildcard-action', { line: 2, character: 12 }]]);
  });
});

describe('fix edit order', () => {
  it('puts an insert closing an inner block before one closing an outer block at the same offset', async () => {
    const { orderEdits } = await import('../../src/core/engine');
    const outer = { start: 10, end: 10, newText: '\n  Outer: x' };
    const inner = { start: 10, end: 10, newText: '\n      Inner: y' };
    assert.deepEqual(orderEdits([outer, inner]), [inner, outer]);
    const replace = { start: 2, end: 4, newText: 'z' };
    assert.deepEqual(orderEdits([outer, replace]), [replace, outer]);
  });
});

describe('duplicate keys', () => {
  it('are a warning on the second key with the first as related information, in YAML and JSON', () => {
    const yaml = lint('Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: a, BucketName: b}\n', { path: 't.yaml', rules: [] });
    assert.deepEqual(yaml.findings.map((f) => [f.ruleId, f.severity, f.range.start, f.related?.[0].range.start]), [
      ['parse/duplicate-key', 'warning', { line: 3, character: 32 }, { line: 3, character: 17 }],
    ]);
    const json = lint('{"Resources": {"A": {"Type": "AWS::S3::Bucket"}, "A": {"Type": "AWS::SQS::Queue"}}}', { path: 't.json', rules: [] });
    assert.deepEqual(json.findings.map((f) => [f.ruleId, f.range.start.character]), [['parse/duplicate-key', 49]]);
    assert.match(json.findings[0].message, /`A` is written twice/);
  });
});
