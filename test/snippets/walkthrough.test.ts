/**
 * The walkthrough (contributes.walkthroughs) tells a story that must stay true as rules change: the example
 * template has exactly the finding the steps describe, its preferred fix removes it, and the snippet the last
 * step inserts leaves the fixed template clean.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildAll } from '../../snippets/src/build';
import { lint } from '../../src/core/engine';
import { applyEdits } from '../../src/core/fixes';
import { allRules } from '../../src/rules';
import { expandSnippet } from './expand';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = 'walkthrough/example-template.yaml';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes?: { walkthroughs?: { id: string; title: string; steps: Step[] }[]; commands?: { command: string }[] };
};
const walkthrough = pkg.contributes?.walkthroughs?.find((w) => w.id === 'guardpost.gettingStarted');

/** Commands VS Code provides that the steps link to or wait for. */
const BUILT_IN = new Set([
  'workbench.actions.view.problems',
  'workbench.action.openSettings',
  'editor.action.quickFix',
  'editor.action.autoFix',
  'editor.action.insertSnippet',
  'acceptSelectedSuggestion',
]);
/** Implemented by the extension client: opens walkthrough/example-template.yaml as an untitled YAML document. */
const GUARDPOST_COMMANDS = new Set(['guardpost.walkthrough.openExample']);

describe('walkthrough', () => {
  it('is contributed with steps that open, show, fix and insert, each with its markdown', () => {
    assert.ok(walkthrough, 'contributes.walkthroughs has guardpost.gettingStarted');
    assert.deepEqual(walkthrough.steps.map((s) => s.id).slice(0, 4), ['openExample', 'seeFinding', 'applyFix', 'insertSnippet']);
    for (const step of walkthrough.steps) {
      assert.ok(step.title && step.description, step.id);
      assert.ok(step.media.markdown && existsSync(join(ROOT, step.media.markdown)), `${step.id}: ${step.media.markdown}`);
    }
  });

  it('links only to VS Code commands or to the Guardpost command that opens the example', () => {
    for (const step of walkthrough!.steps) {
      const linked = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
      const awaited = (step.completionEvents ?? []).map((e) => e.replace(/^onCommand:/, ''));
      for (const command of [...linked, ...awaited]) assert.ok(BUILT_IN.has(command) || GUARDPOST_COMMANDS.has(command), `${step.id}: ${command}`);
    }
    const declared = new Set((pkg.contributes?.commands ?? []).map((c) => c.command));
    for (const command of GUARDPOST_COMMANDS) assert.ok(declared.has(command), `${command} is declared in contributes.commands`);
  });

  const text = readFileSync(join(ROOT, EXAMPLE), 'utf8');
  const result = lint(text, { path: EXAMPLE, rules: allRules });
  const serious = result.findings.filter((f) => f.severity !== 'info');

  it('example template: one finding, iam/wildcard-action on s3:*, as the steps say', () => {
    assert.equal(result.kind, 'sam');
    assert.deepEqual(serious.map((f) => f.ruleId), ['iam/wildcard-action'], JSON.stringify(result.findings, null, 1));
    const line = text.split('\n')[serious[0].range.start.line];
    assert.match(line, /Action: s3:\*/);
    assert.match(readFileSync(join(ROOT, 'walkthrough/see-finding.md'), 'utf8'), /iam\/wildcard-action/);
  });

  const preferred = serious[0]?.fixes.find((f) => f.isPreferred);
  const fixed = preferred ? applyEdits(text, preferred.edits) : text;

  it('its preferred fix is the one the step names, and removes every finding', () => {
    assert.ok(preferred, 'a preferred fix');
    assert.match(preferred.title, /Read actions/);
    const step = walkthrough!.steps.find((s) => s.id === 'applyFix')!;
    assert.match(step.description, /Read actions/);
    assert.deepEqual(lint(fixed, { path: EXAMPLE, rules: allRules }).findings.filter((f) => f.severity !== 'info'), []);
  });

  it('apply-fix.md shows the list the fix really writes', () => {
    const shown = /```yaml\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'walkthrough/apply-fix.md'), 'utf8'))![1];
    const items = shown.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('- '));
    assert.ok(items.length > 0);
    const written = fixed.split('\n').map((l) => l.trim());
    for (const item of items) assert.ok(written.includes(item), `${item} is not in the fixed template:\n${fixed}`);
  });

  it('inserting gp-s3-bucket on the empty line of the fixed template keeps it clean', () => {
    const snippet = buildAll().find((s) => s.language === 'yaml' && s.prefix.includes('gp-s3-bucket'));
    assert.ok(snippet, 'gp-s3-bucket exists');
    const lines = fixed.split('\n');
    const at = lines.findIndex((l, i) => i > 0 && /Step 4/.test(lines[i - 1]) && l === '');
    assert.ok(at > 0, 'the example keeps an empty line for the snippet');
    lines[at] = `  ${expandSnippet(snippet.body).text.split('\n').join('\n  ')}`;
    const after = lines.join('\n');
    const findings = lint(after, { path: EXAMPLE, rules: allRules }).findings.filter((f) => f.severity !== 'info');
    assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message}`), [], after);
  });
});
