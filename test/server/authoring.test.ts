import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsAt, hoverAt, resolveCompletion } from '../../src/server/authoring';

/** Positions as the server computes them: from the editor's document. */
class LineIndex {
  private readonly doc: TextDocument;
  constructor(text: string) {
    this.doc = TextDocument.create('file:///x', 'yaml', 1, text);
  }
  positionAt(offset: number) {
    return this.doc.positionAt(offset);
  }
}

const policy = ['Version: "2012-10-17"', 'Statement:', '  - Effect: Allow', '    Action: s3:GetObject', "    Resource: '*'", ''].join('\n');

describe('hover', () => {
  it('shows the action markdown with the range of the action', () => {
    const offset = policy.indexOf('GetObject') + 2;
    const hover = hoverAt(policy, offset, new LineIndex(policy), { path: 'policy.yaml' });
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: { line: 3, character: 12 }, end: { line: 3, character: 24 } });
    const contents = hover.contents as { kind: string; value: string };
    assert.equal(contents.kind, 'markdown');
    assert.ok(contents.value.includes('GetObject'), contents.value);
  });

  it('is null away from IAM elements and in files Guardpost does not read', () => {
    assert.equal(hoverAt(policy, 2, new LineIndex(policy), { path: 'policy.yaml' }), null);
    const compose = 'services:\n  web:\n    image: "s3:GetObject"\n';
    assert.equal(hoverAt(compose, compose.indexOf('GetObject'), new LineIndex(compose), { path: 'docker-compose.yml' }), null);
  });
});

describe('completion', () => {
  const typing = ['Version: "2012-10-17"', 'Statement:', '  - Effect: Allow', '    Action: s3:GetObj', "    Resource: '*'", ''].join('\n');
  const offset = typing.indexOf('GetObj') + 'GetObj'.length;

  it('lists the service actions replacing the word under the cursor', () => {
    const list = completionsAt(typing, offset, new LineIndex(typing), { path: 'policy.yaml' });
    assert.ok(list);
    const item = list.items.find((i) => i.label === 's3:GetObject');
    assert.ok(item, list.items.slice(0, 5).map((i) => i.label).join(', '));
    assert.equal(item.kind, 2);
    assert.equal(item.detail, 'Read');
    assert.deepEqual(item.textEdit, { range: { start: { line: 3, character: 12 }, end: { line: 3, character: 21 } }, newText: 's3:GetObject' });
  });

  it('resolves documentation lazily', () => {
    const list = completionsAt(typing, offset, new LineIndex(typing), { path: 'policy.yaml' });
    const item = list?.items.find((i) => i.label === 's3:GetObject');
    assert.ok(item);
    assert.equal(item.documentation, undefined);
    const resolved = resolveCompletion(item);
    assert.equal((resolved.documentation as { kind: string }).kind, 'markdown');
    assert.deepEqual(resolveCompletion({ label: 'other' }), { label: 'other' });
  });

  it('offers nothing outside IAM elements', () => {
    const text = 'Version: "2012-10-17"\nStatement:\n  - Effect: Al\n';
    assert.equal(completionsAt(text, text.indexOf('Al\n') + 2, new LineIndex(text), { path: 'policy.yaml' }), null);
  });
});
