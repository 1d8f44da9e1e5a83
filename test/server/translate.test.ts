import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../src/core/engine';
import { applyEdits, fixAll } from '../../src/core/fixes';
import type { Finding } from '../../src/core/types';
import { allRules } from '../../src/rules';
import {
  FIX_ALL_KIND,
  fixAllAction,
  hasDocsPage,
  kindRequested,
  minimalEdit,
  quickFixes,
  toDiagnostic,
  toSeverity,
  touches,
} from '../../src/server/translate';

const URI = 'file:///w/template.yaml';
const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

const finding: Finding = {
  ruleId: 'iam/wildcard-action',
  severity: 'warning',
  message: 'Statement allows every action',
  range: range(9, 24, 9, 27),
  resource: 'Role',
  fixes: [
    { title: 'Limit to read-only actions', isPreferred: true, edits: [{ range: range(9, 24, 9, 27), newText: "['s3:Get*']" }] },
    { title: 'Other fix', isPreferred: false, edits: [{ range: range(9, 24, 9, 27), newText: 'x' }] },
  ],
  related: [{ message: 'the role is attached here', range: range(2, 2, 2, 6) }],
};

/** Applies a WorkspaceEdit's changes for one URI to a text. */
function applyWorkspaceEdit(text: string, edit: { changes?: { [uri: string]: { range: ReturnType<typeof range>; newText: string }[] } } | undefined, uri = URI): string {
  return applyEdits(text, edit?.changes?.[uri] ?? []);
}

describe('toDiagnostic', () => {
  it('maps range, severity, source, code, docs link and related information', () => {
    const d = toDiagnostic(finding, URI);
    assert.deepEqual(d, {
      range: range(9, 24, 9, 27),
      severity: 2,
      source: 'guardpost',
      code: 'iam/wildcard-action',
      codeDescription: { href: 'https://github.com/guardpost-dev/guardpost/blob/main/docs/rules/iam/wildcard-action.md' },
      message: 'Statement allows every action',
      data: { ruleId: 'iam/wildcard-action' },
      relatedInformation: [{ location: { uri: URI, range: range(2, 2, 2, 6) }, message: 'the role is attached here' }],
    });
  });

  it('maps every severity to the LSP value', () => {
    assert.equal(toSeverity('error'), 1);
    assert.equal(toSeverity('warning'), 2);
    assert.equal(toSeverity('info'), 3);
  });

  it("links the engine's own findings to their pages too, and omits empty related information", () => {
    const d = toDiagnostic({ ruleId: 'parse/syntax-error', severity: 'error', message: 'YAML syntax error', range: range(0, 0, 0, 1), fixes: [] }, URI);
    assert.deepEqual(d.codeDescription, { href: 'https://github.com/guardpost-dev/guardpost/blob/main/docs/rules/parse/syntax-error.md' });
    assert.equal(d.relatedInformation, undefined);
    assert.equal(d.code, 'parse/syntax-error');
    assert.equal(hasDocsPage('guardpost/file-too-large'), true);
    assert.equal(hasDocsPage('not a rule id'), false);
  });
});

describe('quickFixes', () => {
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

  it('offers each fix as a QuickFix with its preferred flag, then a suppression', () => {
    const actions = quickFixes([finding], { uri: URI, text, language: 'yaml', range: range(9, 25, 9, 25) });
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [
      ['Limit to read-only actions', 'quickfix', true],
      ['Other fix', 'quickfix', false],
      ['Suppress iam/wildcard-action on this line', 'quickfix', false],
    ]);
    for (const a of actions) assert.deepEqual(a.diagnostics, [toDiagnostic(finding, URI)]);
    assert.deepEqual(actions[0].edit, { changes: { [URI]: [{ range: range(9, 24, 9, 27), newText: "['s3:Get*']" }] } });
    assert.equal(
      applyWorkspaceEdit(text, actions[2].edit),
      text.replace("                Action: '*'", "                # guardpost-disable-next-line iam/wildcard-action -- <reason>\n                Action: '*'"),
    );
  });

  it('offers nothing away from the finding', () => {
    assert.deepEqual(quickFixes([finding], { uri: URI, text, language: 'yaml', range: range(3, 0, 3, 0) }), []);
  });

  it('from a real lint: the preferred fix removes the finding; the JSON template suppression goes in Metadata', () => {
    const json = '{\n  "Resources": {\n    "P": {\n      "Type": "AWS::IAM::Policy",\n      "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}}\n    }\n  }\n}\n';
    const uri = 'file:///w/t.json';
    const found = lint(json, { path: 't.json', rules: allRules }).findings.filter((f) => f.ruleId === 'iam/wildcard-action');
    assert.equal(found.length, 1);
    const actions = quickFixes(found, { uri, text: json, language: 'json', range: found[0].range });
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred, 'a preferred fix');
    const fixed = applyWorkspaceEdit(json, preferred.edit, uri);
    assert.equal(lint(fixed, { path: 't.json', rules: allRules }).findings.filter((f) => f.ruleId === 'iam/wildcard-action' && f.severity !== 'info').length, 0);
    const suppression = actions.find((a) => a.title.startsWith('Suppress'));
    assert.equal(suppression?.title, 'Suppress iam/wildcard-action for resource P');
    const suppressed = applyWorkspaceEdit(json, suppression?.edit, uri);
    assert.ok(suppressed.includes('"Metadata": {'), suppressed);
    assert.deepEqual(lint(suppressed, { path: 't.json', rules: allRules }).findings.filter((f) => f.ruleId === 'iam/wildcard-action'), []);
  });

  it('offers no suppression for a standalone JSON policy', () => {
    const json = '{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}';
    const found = lint(json, { path: 'p.json', rules: allRules }).findings.filter((f) => f.ruleId === 'iam/wildcard-action');
    const actions = quickFixes(found, { uri: 'file:///p.json', text: json, language: 'json', range: found[0].range });
    assert.ok(actions.length > 0);
    assert.ok(actions.every((a) => !a.title.startsWith('Suppress')));
  });
});

describe('fix all', () => {
  it('builds one minimal source.fixAll.guardpost edit that equals fixAll', () => {
    const text = "Statement:\n  - Effect: Allow\n    Action: 's3:*'\n    Resource: '*'\n  - Effect: Allow\n    Action: 'sqs:*'\n    Resource: '*'\n";
    const { text: fixed, applied } = fixAll(text, { path: 'p.yaml', rules: allRules });
    assert.ok(applied >= 2);
    const action = fixAllAction(URI, text, fixed);
    assert.ok(action);
    assert.equal(action.kind, FIX_ALL_KIND);
    assert.equal(action.title, 'Fix all Guardpost problems');
    assert.equal(action.edit?.changes?.[URI].length, 1);
    assert.equal(applyWorkspaceEdit(text, action.edit), fixed);
  });

  it('offers nothing when nothing changes', () => {
    assert.equal(fixAllAction(URI, 'a: 1\n', 'a: 1\n'), undefined);
  });
});

describe('minimalEdit', () => {
  const roundTrip = (a: string, b: string) => {
    const edit = minimalEdit(a, b);
    assert.ok(edit);
    assert.equal(applyEdits(a, [edit]), b);
    return edit;
  };
  it('keeps the common prefix and suffix', () => {
    assert.deepEqual(roundTrip('abc\ndef\nghi', 'abc\nDEF\nghi'), { range: range(1, 0, 1, 3), newText: 'DEF' });
  });
  it('handles insertions, deletions, CRLF and surrogate pairs', () => {
    roundTrip('a\r\nb', 'a\r\nx\r\nb');
    roundTrip('a\r\nb\r\n', 'a\r\n');
    roundTrip('x😀y', 'x😁y');
    roundTrip('', 'new');
    roundTrip('old', '');
    const e = roundTrip('a\r\nb', 'a\nb');
    assert.ok(e.range.start.character <= 1);
  });
});

describe('helpers', () => {
  it('touches: overlap and shared edges count', () => {
    assert.equal(touches(range(1, 2, 1, 5), range(1, 5, 1, 5)), true);
    assert.equal(touches(range(1, 2, 1, 5), range(1, 6, 1, 6)), false);
    assert.equal(touches(range(1, 2, 3, 0), range(2, 0, 2, 0)), true);
  });
  it('kindRequested: quick fixes by default, fix-all only when asked', () => {
    assert.equal(kindRequested(undefined, 'quickfix'), true);
    assert.equal(kindRequested(undefined, FIX_ALL_KIND), false);
    assert.equal(kindRequested(['source.fixAll'], FIX_ALL_KIND), true);
    assert.equal(kindRequested(['source'], FIX_ALL_KIND), true);
    assert.equal(kindRequested([FIX_ALL_KIND], FIX_ALL_KIND), true);
    assert.equal(kindRequested(['source.fixAll.eslint'], FIX_ALL_KIND), false);
    assert.equal(kindRequested(['source.fixAll'], 'quickfix'), false);
  });
});
