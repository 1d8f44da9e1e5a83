import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../src/core/engine';
import { applyEdits } from '../../src/core/fixes';
import { isSuppressible, SuppressionFixer, suppressionFix } from '../../src/core/suppression-fix';
import type { Finding, SourceLanguage } from '../../src/core/types';
import { allRules } from '../../src/rules';

const RULE = 'iam/wildcard-action';

function findings(text: string, path: string): Finding[] {
  return lint(text, { path, rules: allRules }).findings.filter((f) => f.ruleId === RULE);
}

/** Applies the suppression for the first wildcard finding and checks the finding is gone. */
function suppress(text: string, path: string, language: SourceLanguage): { output: string; title: string } {
  const [finding] = findings(text, path);
  assert.ok(finding, 'fixture must trigger the rule');
  const fix = suppressionFix(text, language, finding);
  assert.ok(fix, 'a suppression fix is offered');
  assert.equal(fix.isPreferred, false);
  const output = applyEdits(text, fix.edits);
  assert.deepEqual(findings(output, path), [], 'the suppressed finding is gone');
  const again = lint(output, { path, rules: allRules }).findings;
  assert.ok(!again.some((f) => f.ruleId.startsWith('parse/')), 'output still parses');
  return { output, title: fix.title };
}

describe('suppressionFix in YAML', () => {
  it('inserts a disable-next-line comment above the finding with its indentation', () => {
    const text = [
      'Resources:',
      '  Role:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      Policies:',
      '        - PolicyName: p',
      '          PolicyDocument:',
      '            Statement:',
      '              - Effect: Allow',
      "                Action: '*'",
      "                Resource: '*'",
      '',
    ].join('\n');
    const { output, title } = suppress(text, 'template.yaml', 'yaml');
    assert.equal(title, `Suppress ${RULE} on this line`);
    assert.equal(output, text.replace("                Action: '*'", `                # guardpost-disable-next-line ${RULE} -- <reason>\n                Action: '*'`));
  });

  it('keeps CRLF line breaks', () => {
    const text = "Statement:\r\n  - Effect: Allow\r\n    Action: '*'\r\n    Resource: '*'\r\n";
    const { output } = suppress(text, 'policy.yaml', 'yaml');
    assert.equal(output, `Statement:\r\n  - Effect: Allow\r\n    # guardpost-disable-next-line ${RULE} -- <reason>\r\n    Action: '*'\r\n    Resource: '*'\r\n`);
  });

  it('takes a custom reason', () => {
    const fix = suppressionFix("Statement:\n  - Effect: Allow\n    Action: '*'\n", 'yaml', { ruleId: RULE, range: { start: { line: 2, character: 12 }, end: { line: 2, character: 15 } } }, 'break-glass role');
    assert.equal(fix?.edits[0].newText, `    # guardpost-disable-next-line ${RULE} -- break-glass role\n`);
  });

  it('inside a block scalar uses the resource Metadata instead of a comment that would change the string', () => {
    const text = [
      'Resources:',
      '  Box:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      UserData: |',
      '        export KEY=abc',
      '',
    ].join('\n');
    const fix = suppressionFix(text, 'yaml', { ruleId: 'secrets/example', range: { start: { line: 5, character: 8 }, end: { line: 5, character: 22 } } });
    assert.ok(fix);
    assert.equal(fix.title, 'Suppress secrets/example for resource Box');
    assert.equal(applyEdits(text, fix.edits), [
      'Resources:',
      '  Box:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      UserData: |',
      '        export KEY=abc',
      '    Metadata:',
      '      guardpost:',
      '        ignore:',
      '          - rule: secrets/example',
      '            reason: <reason>',
      '',
    ].join('\n'));
  });

  it('a real finding inside a tagged block scalar (!Sub |) is suppressed through Metadata', () => {
    const text = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  Box:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      UserData:',
      '        Fn::Base64: !Sub |',
      '          #!/bin/bash',
      '          export DB_PASSWORD=Sup3rS3cretPassw0rd',
      '',
    ].join('\n');
    const found = lint(text, { path: 't.yaml', rules: allRules }).findings.filter((f) => f.range.start.line === 8);
    assert.ok(found.length > 0, 'a finding inside the script');
    for (const finding of found) {
      const fix = suppressionFix(text, 'yaml', finding);
      assert.equal(fix?.title, `Suppress ${finding.ruleId} for resource Box`);
      const output = applyEdits(text, fix.edits);
      assert.ok(output.startsWith(text), 'the script itself is unchanged');
      assert.deepEqual(lint(output, { path: 't.yaml', rules: allRules }).findings.filter((f) => f.ruleId === finding.ruleId), []);
    }
  });

  it('a continuation line of a quoted string is treated like a block scalar', () => {
    const text = 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Description: "first line\n        token=abc"\n';
    const fix = suppressionFix(text, 'yaml', { ruleId: 'secrets/example', range: { start: { line: 5, character: 8 }, end: { line: 5, character: 17 } } });
    assert.equal(fix?.title, 'Suppress secrets/example for resource Fn');
    assert.ok(applyEdits(text, fix.edits).startsWith(text.trimEnd()));
  });

  it('inside a block scalar of a non-template file falls back to a file-level comment', () => {
    const text = 'service: api\nprovider:\n  name: aws\n  environment:\n    SCRIPT: |\n      token=abc\n';
    const fix = suppressionFix(text, 'yaml', { ruleId: 'secrets/example', range: { start: { line: 5, character: 6 }, end: { line: 5, character: 15 } } });
    assert.ok(fix);
    assert.equal(fix.title, 'Suppress secrets/example in this file');
    assert.equal(applyEdits(text, fix.edits), `# guardpost-disable-file secrets/example -- <reason>\n${text}`);
  });
});

describe('suppressionFix in JSON', () => {
  it('adds Metadata.guardpost.ignore to the CloudFormation resource', () => {
    const text = `{
  "Resources": {
    "Role": {
      "Type": "AWS::IAM::Policy",
      "Properties": {
        "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
      }
    }
  }
}
`;
    const { output, title } = suppress(text, 'template.json', 'json');
    assert.equal(title, `Suppress ${RULE} for resource Role`);
    assert.equal(output, `{
  "Resources": {
    "Role": {
      "Type": "AWS::IAM::Policy",
      "Properties": {
        "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
      },
      "Metadata": {
        "guardpost": {
          "ignore": [
            {
              "rule": "${RULE}",
              "reason": "<reason>"
            }
          ]
        }
      }
    }
  }
}
`);
  });

  it('appends to an existing ignore list', () => {
    const text = `{
  "Resources": {
    "Role": {
      "Type": "AWS::IAM::Policy",
      "Metadata": {"guardpost": {"ignore": [{"rule": "other/rule", "reason": "x"}]}},
      "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}
    }
  }
}
`;
    const { output } = suppress(text, 'template.json', 'json');
    assert.ok(output.includes(`"ignore": [{"rule": "other/rule", "reason": "x"}, {`), output);
    assert.ok(output.includes(`"rule": "${RULE}"`));
  });

  it('adds guardpost to existing Metadata', () => {
    const text = `{
  "Resources": {
    "Role": {
      "Type": "AWS::IAM::Policy",
      "Metadata": {
        "cfn-lint": {}
      },
      "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}
    }
  }
}
`;
    const { output } = suppress(text, 'template.json', 'json');
    assert.ok(output.includes(`"cfn-lint": {},\n        "guardpost": {`), output);
  });

  it('offers nothing for a standalone JSON policy (no place for a comment)', () => {
    const text = '{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}';
    const [finding] = findings(text, 'policy.json');
    assert.ok(finding);
    assert.equal(suppressionFix(text, 'json', finding), undefined);
  });

  it('offers nothing for findings about the file itself', () => {
    assert.equal(isSuppressible('parse/syntax-error'), false);
    assert.equal(isSuppressible('guardpost/file-too-large'), false);
    assert.equal(isSuppressible(RULE), true);
    const fixer = new SuppressionFixer('a: [', 'yaml');
    assert.equal(fixer.fix({ ruleId: 'parse/syntax-error', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }), undefined);
  });
});
