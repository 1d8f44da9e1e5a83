import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { get, getPath, type MapNode, type SeqNode } from '../../src/core/ast';
import { Editor, getAtt, ref, sub } from '../../src/core/edit';
import { applyEdits } from '../../src/core/fixes';
import { parseDocument } from '../../src/core/parse';
import type { OffsetEdit } from '../../src/core/rule';

function setup(source: string, language: 'yaml' | 'json') {
  const doc = parseDocument(source, language);
  const editor = new Editor(source, language, doc.lines);
  const apply = (edits: OffsetEdit[]) => {
    let out = source;
    for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    return out;
  };
  return { root: doc.roots[0], editor, apply };
}

describe('Editor renders fixes in the file\'s style', () => {
  it('inserts into a block map at its indentation, with intrinsics as short tags', () => {
    const { root, editor, apply } = setup('Resources:\n  Fn:\n    Properties:\n      Handler: x\n', 'yaml');
    const props = getPath(root, ['Resources', 'Fn', 'Properties']) as MapNode;
    assert.equal(apply([editor.insertPair(props, 'Role', getAtt('Role', 'Arn'))]), 'Resources:\n  Fn:\n    Properties:\n      Handler: x\n      Role: !GetAtt Role.Arn\n');
    assert.equal(apply([editor.insertPair(props, 'Tags', { Team: 'a', Env: ref('Env') })]), 'Resources:\n  Fn:\n    Properties:\n      Handler: x\n      Tags:\n        Team: a\n        Env: !Ref Env\n');
  });

  it('inserts into a flow map and a JSON object', () => {
    const y = setup('A: {x: 1}\n', 'yaml');
    assert.equal(y.apply([y.editor.insertPair(get(y.root, 'A') as MapNode, 'z', sub('${X}-*'))]), "A: {x: 1, z: !Sub '${X}-*'}\n");
    const j = setup('{\n  "A": {\n    "x": 1\n  }\n}\n', 'json');
    assert.equal(j.apply([j.editor.insertPair(get(j.root, 'A') as MapNode, 'y', getAtt('T', 'Arn'))]), '{\n  "A": {\n    "x": 1,\n    "y": {"Fn::GetAtt": ["T", "Arn"]}\n  }\n}\n');
  });

  it('keeps quoting when replacing a scalar and quotes what YAML would misread', () => {
    const { root, editor, apply } = setup('a: "x"\nb: \'y\'\nc: z\n', 'yaml');
    assert.equal(apply([editor.replaceValue(get(root, 'a')!, 'new')]), 'a: "new"\nb: \'y\'\nc: z\n');
    assert.equal(apply([editor.replaceValue(get(root, 'b')!, "it's")]), 'a: "x"\nb: \'it\'\'s\'\nc: z\n');
    assert.equal(apply([editor.replaceValue(get(root, 'c')!, '*')]), 'a: "x"\nb: \'y\'\nc: "*"\n');
    assert.equal(apply([editor.replaceValue(get(root, 'c')!, 'true')]), 'a: "x"\nb: \'y\'\nc: "true"\n');
  });

  it('removes a pair with its line, and appends to block and flow lists', () => {
    const { root, editor, apply } = setup('P:\n  NoEcho: true\n  Default: x\n  Type: String\nL:\n  - a\nF: [a]\n', 'yaml');
    assert.equal(apply([editor.removePair(get(root, 'P') as MapNode, 'Default')!]), 'P:\n  NoEcho: true\n  Type: String\nL:\n  - a\nF: [a]\n');
    assert.equal(apply([editor.appendItem(get(root, 'L') as SeqNode, 'b')]), 'P:\n  NoEcho: true\n  Default: x\n  Type: String\nL:\n  - a\n  - b\nF: [a]\n');
    assert.equal(apply([editor.appendItem(get(root, 'F') as SeqNode, 'b')]), 'P:\n  NoEcho: true\n  Default: x\n  Type: String\nL:\n  - a\nF: [a, b]\n');
  });

  it('keeps CRLF line ends and a four-space indentation step', () => {
    const { root, editor, apply } = setup('Resources:\r\n    Fn:\r\n        Type: X\r\n', 'yaml');
    const fn = getPath(root, ['Resources', 'Fn']) as MapNode;
    assert.equal(apply([editor.insertPair(fn, 'Properties', { A: 1 })]), 'Resources:\r\n    Fn:\r\n        Type: X\r\n        Properties:\r\n            A: 1\r\n');
  });

  it('applyEdits works on positions', () => {
    assert.equal(applyEdits('ab\ncd', [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, newText: 'X' }]), 'ab\nXd');
  });
});

describe('Editor edge cases found by the rule families', () => {
  it('a block written under a key that follows "- " nests under the key', () => {
    const { root, editor, apply } = setup('events:\n  - http: GET /x\n', 'yaml');
    const http = getPath(root, ['events', 0, 'http'])!;
    assert.equal(apply([editor.replaceValue(http, { path: '/x', method: 'get' })]), 'events:\n  - http:\n      path: /x\n      method: get\n');
  });

  it('inserts after a block scalar without a blank line and keeps the final newline', () => {
    const { root, editor, apply } = setup('Fn:\n  UserData: |\n    #!/bin/bash\n    echo hi\n', 'yaml');
    assert.equal(apply([editor.insertPair(get(root, 'Fn') as MapNode, 'Role', 'x')]), 'Fn:\n  UserData: |\n    #!/bin/bash\n    echo hi\n  Role: x\n');
  });

  it('keeps a one-line JSON object on one line, and an intrinsic\'s long form compact', () => {
    const { root, editor, apply } = setup('{"A": {"x": 1}}', 'json');
    assert.equal(apply([editor.insertPair(get(root, 'A') as MapNode, 'Tags', [{ Key: 'k', Value: ref('V') }])]), '{"A": {"x": 1, "Tags": [{"Key": "k", "Value": {"Ref": "V"}}]}}');
    const multi = setup('{\n  "A": {\n    "x": 1\n  }\n}', 'json');
    assert.equal(multi.apply([multi.editor.insertPair(get(multi.root, 'A') as MapNode, 'Arn', getAtt('T', 'Arn'))]), '{\n  "A": {\n    "x": 1,\n    "Arn": {"Fn::GetAtt": ["T", "Arn"]}\n  }\n}');
  });
});

describe('applyEdits', () => {
  it('keeps inserts at one position in array order, as LSP and VS Code do', () => {
    const at = { line: 0, character: 2 };
    assert.equal(applyEdits('ab', [{ range: { start: at, end: at }, newText: '1' }, { range: { start: at, end: at }, newText: '2' }]), 'ab12');
  });
});
