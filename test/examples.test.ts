/**
 * The examples behind the README's quick start: they show every family, and applying every
 * preferred fix (`guardpost lint --fix`) leaves templates that parse, lose those findings and only
 * reference resources and parameters that exist.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { walk, type MapNode } from '../src/core/ast';
import { classify } from '../src/core/classify';
import { lint, SYNTAX_ERROR_RULE } from '../src/core/engine';
import { fixAll } from '../src/core/fixes';
import { valueOf } from '../src/core/intrinsics';
import { ServerlessService } from '../src/core/model/serverless';
import { Template } from '../src/core/model/template';
import { parseDocument } from '../src/core/parse';
import { allRules } from '../src/rules';

const EXAMPLES = join(__dirname, '..', 'examples');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ya?ml|json)$/.test(n) ? [p] : [];
  });
}

/** `!Ref`/`!GetAtt` targets that name nothing in the template. */
function danglingReferences(text: string, path: string): string[] {
  const doc = parseDocument(text, path.endsWith('.json') ? 'json' : 'yaml');
  const root = doc.roots[0];
  const kind = classify(root);
  if (!root || root.kind !== 'map' || (kind !== 'cloudformation' && kind !== 'sam' && kind !== 'serverless')) return [];
  const template = kind === 'serverless' ? new ServerlessService(root as MapNode).resources : new Template(root as MapNode, kind);
  if (!template) return [];
  const known = (name: string) => name.startsWith('AWS::') || template.resourcesById.has(name) || template.parameters.has(name);
  const out: string[] = [];
  for (const node of walk(root)) {
    const v = valueOf(node);
    if (v.kind === 'ref' && !known(v.target)) out.push(`!Ref ${v.target}`);
    if (v.kind === 'getatt' && !known(v.resource)) out.push(`!GetAtt ${v.resource}.${v.attribute}`);
  }
  return out;
}

describe('examples/', () => {
  const all = files(EXAMPLES);

  it('show every rule family and at least one error (the quick start exits 1)', () => {
    const findings = all.flatMap((f) => lint(readFileSync(f, 'utf8'), { path: f, rules: allRules }).findings);
    for (const family of ['iam/', 'secrets/', 'api/']) assert.ok(findings.some((x) => x.ruleId.startsWith(family)), `no ${family} finding`);
    assert.ok(findings.some((x) => x.severity === 'error'));
  });

  for (const file of all) {
    it(`${relative(EXAMPLES, file)}: every preferred fix together gives a sound template`, () => {
      const text = readFileSync(file, 'utf8');
      const options = { path: file, rules: allRules };
      const before = lint(text, options).findings;
      const fixed = fixAll(text, options);
      assert.deepEqual(fixed.remaining.filter((f) => f.ruleId === SYNTAX_ERROR_RULE), [], 'the fixed file parses');
      const fixable = before.filter((f) => f.fixes.some((x) => x.isPreferred)).length;
      assert.ok(before.length - fixed.remaining.length >= (fixable > 0 ? 1 : 0), 'fixes remove findings');
      assert.deepEqual(danglingReferences(fixed.text, file), [], 'every !Ref and !GetAtt names something that exists');
    });
  }
});
