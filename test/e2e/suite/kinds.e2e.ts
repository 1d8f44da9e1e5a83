/**
 * Per file kind: activation, exact diagnostics (code, severity, range, docs link) and every quick fix
 * (offered in order, exact resulting text, finding gone, nothing new). Look-alike files stay silent.
 */
import * as vscode from 'vscode';
import { assert, log, test } from './framework';
import { DOCS_TARGET, KINDS, LOOKALIKES, RULE } from './expectations';
import {
  activateExtension,
  applyAction,
  codeActions,
  codeOf,
  EXTENSION_ID,
  guardpostDiagnostics,
  open,
  rangeText,
  replaceAll,
  settled,
  severityName,
  waitForDiagnostics,
  wsUri,
} from './vscode-helpers';

/**
 * After a suppression action: its `<reason>` placeholder may be reported as an unexplained suppression
 * (info, on the inserted text) until the user writes a reason; writing one leaves no new diagnostic.
 */
export async function checkSuppressionReason(doc: vscode.TextDocument, after: vscode.Diagnostic[], othersBefore: string[], title: string): Promise<void> {
  const placeholder = doc.getText().indexOf('<reason>');
  assert.ok(placeholder >= 0, `"${title}" inserts a <reason> placeholder`);
  const extra = after.filter((d) => !othersBefore.includes(`${codeOf(d)}: ${d.message}`));
  const line = doc.positionAt(placeholder).line;
  for (const d of extra) {
    assert.equal(codeOf(d), UNEXPLAINED, `the only diagnostic a suppression may add, after "${title}"`);
    assert.equal(severityName(d.severity), 'info', 'severity of the unexplained suppression');
    assert.ok(d.range.start.line - 1 <= line && line <= d.range.end.line + 1, `unexplained suppression at ${rangeText(d.range)}, placeholder on line ${line}`);
  }
  if (extra.length) log(`"${title}": the <reason> placeholder is reported as ${UNEXPLAINED} until a reason is written`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(placeholder), doc.positionAt(placeholder + '<reason>'.length)), 'reviewed: needed by the deploy pipeline');
  assert.ok(await vscode.workspace.applyEdit(edit), 'writing the reason');
  await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === UNEXPLAINED), 'no unexplained suppression once a reason is written');
  const settledAfter = await settled(doc.uri);
  assert.deepEqual(settledAfter.map((d) => `${codeOf(d)}: ${d.message}`).sort(), othersBefore, `diagnostics after "${title}" and a reason (only the suppressed one may go)`);
}

const UNEXPLAINED = 'guardpost/unexplained-suppression';

/** Exact title, or (for lists whose size depends on the IAM catalogue) the title up to its count. */
function titleMatches(title: string, expected: string): boolean {
  return title === expected || (!expected.endsWith(')') && title.startsWith(`${expected} (`));
}

test('the extension activates when an AWS file is opened', async () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  log(`active before any YAML/JSON file was opened: ${ext.isActive}`);
  const doc = await open('iam/policy.json');
  assert.equal(doc.languageId, 'json');
  await activateExtension();
  await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'first diagnostics');
});

test('look-alike files (docker-compose, GitHub workflow, package.json, app config) get no Guardpost diagnostics', async () => {
  const docs = [];
  for (const file of LOOKALIKES) docs.push(await open(file));
  // Opened after the look-alikes: once it has diagnostics, the server has linted the others too.
  const probe = await open('sam/template.yaml');
  await waitForDiagnostics(probe.uri, (ds) => ds.length > 0, 'diagnostics of the SAM template');
  for (const doc of docs) {
    await settled(doc.uri);
    const ours = guardpostDiagnostics(doc.uri);
    assert.deepEqual(ours.map((d) => `${codeOf(d)} ${rangeText(d.range)} ${d.message}`), [], `${vscode.workspace.asRelativePath(doc.uri)} has Guardpost diagnostics`);
  }
});

for (const k of KINDS) {
  test(`${k.kind}: ${RULE} diagnostics have the exact range, severity, message and docs link`, async () => {
    const doc = await open(k.file);
    assert.equal(doc.languageId, k.languageId, 'languageId');
    const ds = await waitForDiagnostics(doc.uri, (all) => all.filter((d) => codeOf(d) === RULE).length >= k.findings.length, `${k.findings.length} ${RULE} diagnostics`);
    await settled(doc.uri);
    const ours = guardpostDiagnostics(doc.uri, RULE);
    assert.deepEqual(
      ours.map((d) => ({ range: rangeText(d.range), text: doc.getText(d.range), severity: severityName(d.severity) })),
      k.findings.map((f) => ({ range: f.range, text: f.text, severity: f.severity })),
      `${RULE} diagnostics of ${k.file}`,
    );
    ours.forEach((d, i) => {
      assert.includes(d.message, k.findings[i].message, 'message');
      assert.equal(d.source, 'guardpost', 'source');
      assert.ok(typeof d.code === 'object' && d.code !== null, 'code carries a link');
      const code = d.code as { value: string | number; target: vscode.Uri };
      assert.equal(String(code.value), RULE, 'code value');
      assert.equal(code.target.toString(true), DOCS_TARGET, 'code link target');
    });
    assert.ok(ds.length >= ours.length);
  });

  test(`${k.kind}: every quick fix is offered, writes the exact text, removes the finding and adds none`, async () => {
    const doc = await open(k.file);
    const original = doc.getText();
    for (const expected of k.fixes) {
      const before = await settled(doc.uri);
      const target = guardpostDiagnostics(doc.uri, RULE).find((d) => rangeText(d.range) === k.findings[0].range);
      assert.ok(target, `finding at ${k.findings[0].range} before "${expected.title}"; have ${JSON.stringify(before.map((d) => rangeText(d.range)))}`);
      const actions = await codeActions(doc.uri, target.range);
      // vscode.executeCodeActionProvider does not return the actions' diagnostics: every quick fix at the
      // finding's range counts (no other extension provides quick fixes for these files here).
      const forRule = actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
      assert.deepEqual(
        forRule.map((a) => a.title).filter((title) => k.fixes.some((f) => titleMatches(title, f.title))).length,
        k.fixes.length,
        `the offered quick fixes ${JSON.stringify(forRule.map((a) => a.title))} against the expected ${JSON.stringify(k.fixes.map((f) => f.title))}`,
      );
      assert.deepEqual(
        forRule.map((a) => k.fixes.findIndex((f) => titleMatches(a.title, f.title))),
        k.fixes.map((_, i) => i),
        `order of the offered quick fixes ${JSON.stringify(forRule.map((a) => a.title))}`,
      );
      const action = forRule.find((a) => titleMatches(a.title, expected.title));
      assert.ok(action, `"${expected.title}" not offered; got ${JSON.stringify(forRule.map((a) => a.title))}`);
      assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value, 'kind');
      assert.equal(action.isPreferred === true, expected.isPreferred, `isPreferred of "${action.title}"`);
      const othersBefore = before.filter((d) => d !== target).map((d) => `${codeOf(d)}: ${d.message}`).sort();
      await applyAction(action);
      if (expected.output) assert.text(doc.getText(), expected.output(original), `text after "${action.title}"`);
      else assert.ok(doc.getText() !== original, `"${action.title}" changed nothing`);
      await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === RULE && d.message === target.message), `the finding to go after "${action.title}"`);
      const after = await settled(doc.uri);
      if (action.title.startsWith('Suppress ')) {
        await checkSuppressionReason(doc, after, othersBefore, action.title);
      } else {
        assert.deepEqual(after.map((d) => `${codeOf(d)}: ${d.message}`).sort(), othersBefore, `diagnostics after "${action.title}" (only the fixed one may go)`);
      }
      await replaceAll(doc, original);
      await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => rangeText(d.range) === k.findings[0].range && codeOf(d) === RULE), 'the finding to come back after undoing');
    }
    // The preferred fix is the only preferred one.
    const target = guardpostDiagnostics(doc.uri, RULE).find((d) => rangeText(d.range) === k.findings[0].range)!;
    const preferred = (await codeActions(doc.uri, target.range)).filter((a) => a.isPreferred);
    assert.deepEqual(preferred.map((a) => a.title), k.fixes.filter((f) => f.isPreferred).map((f) => f.title), 'preferred actions');
    await doc.save();
  }, 120_000);
}

test('a code action request away from any finding offers no Guardpost quick fix', async () => {
  const doc = await open('sam/template.yaml');
  await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'diagnostics');
  const actions = await codeActions(doc.uri, new vscode.Range(0, 0, 0, 0));
  assert.deepEqual(actions.map((a) => a.title), []);
  assert.ok(wsUri('sam/template.yaml').toString() === doc.uri.toString());
});
