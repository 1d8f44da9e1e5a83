import * as vscode from 'vscode';
import { assert, test } from './framework';
import { activateExtension, EXTENSION_ID, open, waitForDiagnostics } from './vscode-helpers';

test('the extension activates on an IAM policy JSON file', async () => {
  const doc = await open('iam/policy.json');
  assert.equal(doc.languageId, 'json');
  const ext = await activateExtension();
  assert.equal(ext.id, EXTENSION_ID);
  await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'diagnostics');
  assert.ok(vscode.workspace.workspaceFolders?.length === 1);
});
