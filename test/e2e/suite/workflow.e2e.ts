/** Fix-all on save, live edits, settings, .guardpost.yaml, suppression and "Lint Workspace". */
import * as vscode from 'vscode';
import { assert, test } from './framework';
import { RULE, withLines } from './expectations';
import { checkSuppressionReason } from './kinds.e2e';
import {
  applyAction,
  backspace,
  codeActions,
  codeOf,
  deleteFile,
  guardpostDiagnostics,
  open,
  rangeText,
  readFile,
  setSetting,
  settled,
  severityName,
  typeAt,
  waitForDiagnostics,
  wsUri,
  writeFile,
} from './vscode-helpers';

const has = (range: string, severity?: string) => (ds: vscode.Diagnostic[]) =>
  ds.some((d) => codeOf(d) === RULE && rangeText(d.range) === range && (!severity || severityName(d.severity) === severity));
const lacks = (range: string) => (ds: vscode.Diagnostic[]) => !ds.some((d) => codeOf(d) === RULE && rangeText(d.range) === range);
const ruleRanges = (uri: vscode.Uri) => guardpostDiagnostics(uri, RULE).map((d) => `${rangeText(d.range)} ${severityName(d.severity)}`);

test('source.fixAll.guardpost on save applies every preferred fix and leaves the rest', async () => {
  await setSetting('editor.codeActionsOnSave', { 'source.fixAll.guardpost': 'explicit' });
  try {
    const doc = await open('fixall/template.yaml');
    const original = doc.getText();
    await waitForDiagnostics(doc.uri, (ds) => ds.filter((d) => codeOf(d) === RULE).length === 3, `three ${RULE} findings`);
    assert.deepEqual(ruleRanges(doc.uri), ['11:22-11:27 warning', '14:23-14:28 warning', '17:22-17:27 warning']);
    // The action itself, as editor.codeActionsOnSave asks for it.
    const fixAll = await codeActions(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), vscode.CodeActionKind.SourceFixAll.append('guardpost'));
    assert.deepEqual(fixAll.map((a) => a.title), ['Fix all Guardpost problems'], 'source.fixAll.guardpost action');
    // Ctrl+S on a dirty editor runs the save participants.
    await typeAt(doc, new vscode.Position(doc.lineCount - 1, doc.lineAt(doc.lineCount - 1).text.length), '\n');
    await vscode.commands.executeCommand('workbench.action.files.save');
    const expected = withLines(
      withLines(original, 14, 1, ['              Action: [kms:Describe*, kms:Get*]']),
      11, 1, ['              Action:', '                - sqs:Get*', '                - sqs:List*', '                - sqs:ReceiveMessage'],
    ) + '\n';
    await waitForDiagnostics(doc.uri, (ds) => ds.filter((d) => codeOf(d) === RULE).length === 1, `one ${RULE} finding left`);
    assert.text(doc.getText(), expected, 'editor text after save');
    assert.text(await readFile('fixall/template.yaml'), expected, 'file on disk after save');
    // ec2:* has no safe (preferred) fix: it stays, now three lines lower.
    assert.deepEqual(ruleRanges(doc.uri), ['20:22-20:27 warning']);
    assert.ok(!doc.isDirty, 'saved');
  } finally {
    await setSetting('editor.codeActionsOnSave', undefined);
  }
});

test('typing a wildcard and deleting it updates diagnostics without saving', async () => {
  const doc = await open('editing/template.yaml');
  const onDisk = await readFile('editing/template.yaml');
  const line = 11; // `              Action: sqs:SendMessage`
  assert.equal(doc.lineAt(line).text, '              Action: sqs:SendMessage');
  await settled(doc.uri);
  assert.deepEqual(ruleRanges(doc.uri), [], 'clean to start with');
  const end = new vscode.Position(line, doc.lineAt(line).text.length);
  await backspace(doc, end, 'SendMessage'.length); // `Action: sqs:`
  await typeAt(doc, new vscode.Position(line, 26), '*'); // `Action: sqs:*`
  assert.equal(doc.lineAt(line).text, '              Action: sqs:*');
  await waitForDiagnostics(doc.uri, has('11:22-11:27', 'warning'), 'the sqs:* finding while typing');
  assert.ok(doc.isDirty, 'not saved');
  assert.text(await readFile('editing/template.yaml'), onDisk, 'disk untouched');
  await backspace(doc, new vscode.Position(line, 27), 1); // `Action: sqs:`
  await waitForDiagnostics(doc.uri, lacks('11:22-11:27'), 'the finding to go after deleting the wildcard');
  await typeAt(doc, new vscode.Position(line, 26), 'SendMessage');
  assert.equal(doc.getText(), onDisk, 'back to the original text');
  await settled(doc.uri);
  assert.deepEqual(ruleRanges(doc.uri), []);
  assert.ok(doc.isDirty, 'never saved');
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('guardpost.rules sets a rule\'s severity (by id and by family) and turns it off', async () => {
  const doc = await open('settings/template.yaml');
  await waitForDiagnostics(doc.uri, has('15:22-15:27', 'warning'), 'default severity warning');
  try {
    await setSetting('guardpost.rules', { [RULE]: 'error' });
    await waitForDiagnostics(doc.uri, has('15:22-15:27', 'error'), 'severity error from guardpost.rules');
    await setSetting('guardpost.rules', { 'iam/*': 'info' });
    await waitForDiagnostics(doc.uri, has('15:22-15:27', 'info'), 'severity info from the family setting iam/*');
    await setSetting('guardpost.rules', { [RULE]: 'off' });
    await waitForDiagnostics(doc.uri, lacks('15:22-15:27'), 'the rule off');
  } finally {
    await setSetting('guardpost.rules', undefined);
  }
  await waitForDiagnostics(doc.uri, has('15:22-15:27', 'warning'), 'default severity back');
});

test('guardpost.enable false removes every Guardpost diagnostic; true brings them back', async () => {
  const doc = await open('settings/template.yaml');
  await waitForDiagnostics(doc.uri, has('15:22-15:27'), 'the finding');
  try {
    await setSetting('guardpost.enable', false);
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'no Guardpost diagnostics when disabled');
  } finally {
    await setSetting('guardpost.enable', undefined);
  }
  await waitForDiagnostics(doc.uri, has('15:22-15:27'), 'the finding back when enabled');
});

test('guardpost.exclude skips matching files', async () => {
  const doc = await open('settings/template.yaml');
  await waitForDiagnostics(doc.uri, has('15:22-15:27'), 'the finding');
  try {
    await setSetting('guardpost.exclude', ['settings/**']);
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'no diagnostics in an excluded file');
  } finally {
    await setSetting('guardpost.exclude', undefined);
  }
  await waitForDiagnostics(doc.uri, has('15:22-15:27'), 'the finding back');
});

test('.guardpost.yaml at the workspace root is honoured (rules and ignore), and settings win over it', async () => {
  const doc = await open('settings/template.yaml');
  await waitForDiagnostics(doc.uri, has('15:22-15:27', 'warning'), 'the finding');
  try {
    await writeFile('.guardpost.yaml', `rules:\n  ${RULE}: error\n`);
    await waitForDiagnostics(doc.uri, has('15:22-15:27', 'error'), 'severity error from .guardpost.yaml');
    await setSetting('guardpost.rules', { [RULE]: 'info' });
    await waitForDiagnostics(doc.uri, has('15:22-15:27', 'info'), 'guardpost.rules winning over .guardpost.yaml');
    await setSetting('guardpost.rules', undefined);
    await waitForDiagnostics(doc.uri, has('15:22-15:27', 'error'), '.guardpost.yaml severity again');
    await writeFile('.guardpost.yaml', 'ignore:\n  - settings/\n');
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'no diagnostics in a path ignored by .guardpost.yaml');
  } finally {
    await setSetting('guardpost.rules', undefined);
    await deleteFile('.guardpost.yaml').catch(() => undefined);
  }
  await waitForDiagnostics(doc.uri, has('15:22-15:27', 'warning'), 'defaults back after deleting .guardpost.yaml');
});

test('the suppression code action inserts a disable comment (YAML) and the finding goes', async () => {
  const doc = await open('suppress/template.yaml');
  const original = doc.getText();
  const [finding] = await waitForDiagnostics(doc.uri, has('16:24-16:40'), 'the cloudformation:* finding').then(() => guardpostDiagnostics(doc.uri, RULE));
  const others = guardpostDiagnostics(doc.uri).filter((d) => d !== finding).map((d) => `${codeOf(d)}: ${d.message}`).sort();
  const action = (await codeActions(doc.uri, finding.range)).find((a) => a.title === `Suppress ${RULE} on this line`);
  assert.ok(action, 'suppression offered');
  await applyAction(action);
  assert.text(doc.getText(), withLines(original, 16, 0, [`                # guardpost-disable-next-line ${RULE} -- <reason>`]));
  await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === RULE), 'the finding to go');
  await checkSuppressionReason(doc, await settled(doc.uri), others, action.title);
  await doc.save();
});

test('the suppression code action on a CloudFormation JSON template adds Metadata.guardpost.ignore and the finding goes', async () => {
  const doc = await open('suppress/template.json');
  const original = doc.getText();
  await waitForDiagnostics(doc.uri, has('10:42-10:60'), 'the cloudformation:* finding');
  const [finding] = guardpostDiagnostics(doc.uri, RULE);
  const others = guardpostDiagnostics(doc.uri).filter((d) => d !== finding).map((d) => `${codeOf(d)}: ${d.message}`).sort();
  const action = (await codeActions(doc.uri, finding.range)).find((a) => a.title === `Suppress ${RULE} for resource DeployPolicy`);
  assert.ok(action, 'suppression offered');
  await applyAction(action);
  assert.text(
    doc.getText(),
    withLines(original, 13, 1, [
      '      },',
      '      "Metadata": {',
      '        "guardpost": {',
      '          "ignore": [',
      '            {',
      `              "rule": "${RULE}",`,
      '              "reason": "<reason>"',
      '            }',
      '          ]',
      '        }',
      '      }',
    ]),
  );
  await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === RULE), 'the finding to go');
  await checkSuppressionReason(doc, await settled(doc.uri), others, action.title);
  await doc.save();
});

test('"Guardpost: Lint Workspace" reports findings in files that are not open', async () => {
  const closed = ['closed/never-opened.yaml', 'closed/never-opened-policy.json'];
  for (const f of closed) {
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === wsUri(f).toString()), `${f} is not open`);
    assert.deepEqual(guardpostDiagnostics(wsUri(f)).length, 0, `${f} has no diagnostics before the command`);
  }
  const commands = await vscode.commands.getCommands(true);
  assert.ok(commands.includes('guardpost.lintWorkspace'), 'command registered');
  await vscode.commands.executeCommand('guardpost.lintWorkspace');
  await waitForDiagnostics(wsUri('closed/never-opened.yaml'), has('9:20-9:32', 'warning'), 'cloudtrail:* in the closed template');
  await waitForDiagnostics(wsUri('closed/never-opened-policy.json'), has('3:34-3:42', 'warning'), 'logs:* in the closed policy');
  for (const f of ['docker-compose.yml', '.github/workflows/ci.yml', 'package.json', 'lookalikes/app-config.yaml']) {
    assert.deepEqual(guardpostDiagnostics(wsUri(f)).map((d) => d.message), [], `${f} after Lint Workspace`);
  }
  for (const f of closed) {
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === wsUri(f).toString()), `${f} stayed closed`);
  }
}, 120_000);
