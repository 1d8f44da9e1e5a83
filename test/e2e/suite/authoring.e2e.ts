/** IAM hovers and completion, as VS Code asks the extension for them. */
import * as vscode from 'vscode';
import { assert, test } from './framework';
import { open } from './vscode-helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

async function hoverAt(doc: vscode.TextDocument, needle: string): Promise<string> {
  const offset = doc.getText().indexOf(needle) + 2;
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
  return hoverText(hovers ?? []);
}

test('hover on an IAM action shows its access level and resource types; on a wildcard, what it grants', async () => {
  const doc = await open('authoring/policy.json');
  const action = await hoverAt(doc, 'dynamodb:GetItem');
  assert.ok(/dynamodb:GetItem/.test(action) && /Read/.test(action) && /table/i.test(action), `action hover: ${action}`);
  const wildcard = await hoverAt(doc, 's3:Put*');
  assert.ok(/s3:Put\*/.test(wildcard) && /Write/.test(wildcard), `wildcard hover: ${wildcard}`);
  const key = await hoverAt(doc, 'aws:SourceAccount');
  assert.ok(/aws:SourceAccount/.test(key), `condition key hover: ${key}`);
});

test('completion after `service:` offers the service\'s actions with their access level', async () => {
  const doc = await open('authoring/policy.json');
  const end = doc.getText().indexOf('dynamodb:GetItem') + 'dynamodb:'.length;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(end));
  const labels = (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  assert.ok(labels.some((l) => /PutItem/.test(l)) && labels.some((l) => /Query/.test(l)), `completions: ${labels.slice(0, 20).join(', ')}`);
  const putItem = list.items.find((i) => /PutItem/.test(typeof i.label === 'string' ? i.label : i.label.label));
  const detail = putItem?.detail ?? (typeof putItem?.label === 'string' ? '' : putItem?.label.description ?? '');
  assert.ok(/Write/.test(detail ?? ''), `PutItem detail: ${detail}`);
});
