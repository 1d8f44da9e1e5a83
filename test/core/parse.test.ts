import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { get, getPath, literalString, nodeStart, type Node } from '../../src/core/ast';
import { INTRINSIC_SHORT_TAGS } from '../../src/core/intrinsic-names';
import { parseDocument } from '../../src/core/parse';

/** The text a node covers, tag included, as positions (0-based line:character). */
function span(text: string, node: Node | undefined): string {
  assert.ok(node, 'node exists');
  return text.slice(nodeStart(node), node.end);
}

describe('YAML parsing with positions', () => {
  it('declares every CloudFormation short-form tag, so none is an error', () => {
    const lines = INTRINSIC_SHORT_TAGS.flatMap((t) => [`S${t}: !${t} x`, `Q${t}: !${t} [a, b]`, `M${t}: !${t} {a: b}`]);
    const doc = parseDocument(lines.join('\n') + '\n', 'yaml');
    assert.deepEqual(doc.problems, []);
    const root = doc.roots[0];
    for (const t of INTRINSIC_SHORT_TAGS) {
      assert.equal(get(root, `S${t}`)?.tag, `!${t}`);
      assert.equal(get(root, `Q${t}`)?.kind, 'seq');
      assert.equal(get(root, `M${t}`)?.kind, 'map');
    }
  });

  it('keeps the tag in the node range: !Sub scalar and list, !GetAtt dotted and list', () => {
    const text = 'A: !Sub "arn:${AWS::Partition}:s3:::${B}/*"\nB: !Sub\n  - "x-${Y}"\n  - Y: !Ref Z\nC: !GetAtt Fn.Arn\nD: !GetAtt [Fn, Arn]\n';
    const doc = parseDocument(text, 'yaml');
    const root = doc.roots[0];
    assert.equal(span(text, get(root, 'A')), '!Sub "arn:${AWS::Partition}:s3:::${B}/*"');
    assert.equal(span(text, get(root, 'B')), '!Sub\n  - "x-${Y}"\n  - Y: !Ref Z');
    assert.equal(span(text, getPath(root, ['B', 1, 'Y'])), '!Ref Z');
    assert.equal(span(text, get(root, 'C')), '!GetAtt Fn.Arn');
    assert.equal(span(text, get(root, 'D')), '!GetAtt [Fn, Arn]');
  });

  it('positions are UTF-16 columns on CRLF, tab and non-ASCII lines', () => {
    const text = '# résumé 😀\r\nKey:\t"välue"\r\nNext: 😀x\r\n';
    const doc = parseDocument(text, 'yaml');
    const value = get(doc.roots[0], 'Key')!;
    assert.deepEqual(doc.lines.position(value.start), { line: 1, character: 5 });
    assert.equal(literalString(value), 'välue');
    const next = get(doc.roots[0], 'Next')!;
    // The emoji is two UTF-16 code units, as VS Code counts.
    assert.deepEqual(doc.lines.range(next.start, next.end), { start: { line: 2, character: 6 }, end: { line: 2, character: 9 } });
  });

  it('reads every document of a multi-document stream', () => {
    const doc = parseDocument('a: 1\n---\nb: 2\n', 'yaml');
    assert.equal(doc.roots.length, 2);
    assert.equal(doc.lines.position(get(doc.roots[1], 'b')!.start).line, 2);
  });

  it('reports a syntax error at its position and keeps what parses', () => {
    const doc = parseDocument('Resources:\n  A: [1, 2\nB: ok\n', 'yaml');
    assert.ok(doc.problems.length >= 1);
    assert.ok(doc.roots.length === 1);
  });

  it('refuses an alias bomb quickly', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const doc = parseDocument(levels.join('\n') + '\n', 'yaml');
    assert.equal(doc.roots.length, 0);
    assert.match(doc.problems[0].message, /alias/);
  });

  it('refuses 10,000-deep nesting without overflowing the stack', () => {
    const deep = '['.repeat(10000) + ']'.repeat(10000);
    for (const language of ['yaml', 'json'] as const) {
      const doc = parseDocument(deep, language);
      assert.equal(doc.roots.length, 0);
      assert.match(doc.problems[0].message, /Nesting too deep/);
    }
  });
});

describe('JSON parsing with positions', () => {
  it('gives exact ranges for keys and values', () => {
    const text = '{\n  "Statement": [{"Effect": "Allow", "Action": "s3:*"}]\n}';
    const doc = parseDocument(text, 'json');
    const action = getPath(doc.roots[0], ['Statement', 0, 'Action'])!;
    assert.equal(span(text, action), '"s3:*"');
    assert.deepEqual(doc.lines.position(action.start), { line: 1, character: 46 });
  });

  it('reports a syntax error with its offset', () => {
    const doc = parseDocument('{"a": 1,, "b": 2}', 'json');
    assert.ok(doc.problems.length >= 1);
    assert.equal(doc.problems[0].start, 8);
    assert.match(doc.problems[0].message, /expected/);
  });
});

describe('flow collections not indented past their key (accepted by CloudFormation)', () => {
  it('parses them without errors and keeps original positions', () => {
    const text = [
      'Resources:',
      '  Api:',
      '    Type: AWS::Serverless::Api',
      '    Properties:',
      '      Policy: {',
      '        "Statement": [{',
      '          "Effect": "Allow"',
      '          }]',
      '      }',
      '      Resource: [',
      '      !Sub "arn:${AWS::Partition}:s3:::b/*",',
      '      "x"',
      '      ]',
      '      UserData: |',
      '        if [ -f x ]; then {',
      '      Name: after',
      '',
    ].join('\n');
    const doc = parseDocument(text, 'yaml');
    assert.deepEqual(doc.problems, []);
    const props = getPath(doc.roots[0], ['Resources', 'Api', 'Properties'])!;
    assert.equal(span(text, getPath(props, ['Policy', 'Statement', 0, 'Effect'])), '"Allow"');
    assert.equal(span(text, getPath(props, ['Resource', 0])), '!Sub "arn:${AWS::Partition}:s3:::b/*"');
    assert.equal(span(text, getPath(props, ['Resource', 1])), '"x"');
    assert.equal(literalString(getPath(props, ['UserData'])), 'if [ -f x ]; then {\n');
    assert.equal(span(text, getPath(props, ['Name'])), 'after');
  });

  it('still reports real errors', () => {
    assert.ok(parseDocument('A: [1, 2\nB: 3\n', 'yaml').problems.length > 0);
    assert.ok(parseDocument("Description: 'x' (y)\n", 'yaml').problems.length > 0);
  });
});
