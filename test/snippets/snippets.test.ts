/**
 * Every snippet, expanded with its default placeholder values into a minimal document of its kind,
 * parses, classifies as that kind and lints with no finding above info against every registered rule.
 * A snippet a rule flags must be made secure; this test is not to be loosened.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildAll, renderFile, type BuiltSnippet } from '../../snippets/src/build';
import { conditionKeyHoverMarkdown, statementsOf } from '../../src/authoring/iam-hover';
import { literalString } from '../../src/core/ast';
import { actionInfo, expandActionPattern, isPattern } from '../../src/core/iam/catalog';
import { lint } from '../../src/core/engine';
import { allRules } from '../../src/rules';
import { expandSnippet } from './expand';
import { hostDocument } from './hosts';

const ROOT = join(__dirname, '..', '..');
const all = buildAll();

describe('snippet expander', () => {
  it('expands defaults, first choices, mirrors, variables and escapes', () => {
    const out = expandSnippet('${1:Name}: ${2|b,a|} ${1} $1 \\${x} \\} \\\\ $TM_FILENAME ${NOPE:dflt} ${3:outer ${4:inner}}$0', {
      variables: { TM_FILENAME: 'f.yaml' },
    });
    assert.equal(out.text, 'Name: b Name Name ${x} } \\ f.yaml dflt outer inner');
    assert.deepEqual(out.tabStops, [1, 2, 3, 4, 0]);
    assert.deepEqual(out.choices, [2]);
    assert.equal(expandSnippet('${1|a,b,c|} $1', { choose: new Map([[1, 2]]) }).text, 'c c');
  });
  it('unescapes commas and pipes in choices', () => {
    assert.equal(expandSnippet('${1|[a\\, b],c\\|d|}').text, '[a, b]');
  });
  it('gives a later mirror with its own default the first default, like VS Code, and reports the conflict', () => {
    const out = expandSnippet('${1:first} ${1:second} ${2:same} ${2:same} $2');
    assert.equal(out.text, 'first first same same same');
    assert.deepEqual(out.conflicts, [1]);
  });
  it('keeps a lone dollar and a backslash before other characters', () => {
    assert.equal(expandSnippet('a $ b \\" c').text, 'a $ b \\" c');
  });
});

describe('snippet files', () => {
  for (const language of ['yaml', 'json'] as const) {
    it(`snippets/${language}.json is generated from snippets/src (run node --import tsx snippets/src/build.ts)`, () => {
      assert.equal(readFileSync(join(ROOT, 'snippets', `${language}.json`), 'utf8'), renderFile(all, language));
    });
    it(`${language}: prefixes start with gp- and are unique`, () => {
      const prefixes = all.filter((s) => s.language === language).flatMap((s) => s.prefix);
      assert.ok(prefixes.every((p) => /^gp-[a-z0-9-]+$/.test(p)), prefixes.join(' '));
      assert.equal(new Set(prefixes).size, prefixes.length);
    });
  }

  it('are contributed to VS Code for the yaml and json language ids', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes?: { snippets?: { language: string; path: string }[] } };
    assert.deepEqual(
      (pkg.contributes?.snippets ?? []).map((s) => `${s.language}=${s.path}`).sort(),
      ['json=./snippets/json.json', 'yaml=./snippets/yaml.json'],
    );
  });

  it('cover every pattern of issue 7', () => {
    const count = (lang: string, host: (h: string) => boolean) => all.filter((s) => s.language === lang && host(s.host)).length;
    assert.ok(count('yaml', (h) => h.endsWith('-resources')) >= 13, 'CloudFormation/SAM YAML');
    assert.equal(count('json', (h) => h.endsWith('-resources')), count('yaml', (h) => h.endsWith('-resources')), 'every CloudFormation snippet has a JSON twin');
    assert.ok(count('yaml', (h) => h.startsWith('serverless')) >= 4, 'serverless.yml');
    assert.ok(count('json', (h) => h.startsWith('iam')) >= 5, 'IAM JSON');
  });
});

describe('every snippet expands into a clean document', () => {
  for (const snippet of all) {
    describe(`${snippet.language}: ${snippet.name} (${snippet.prefix[0]})`, () => {
      const expansion = expandSnippet(snippet.body);
      it('has tab stops, ends at $0 and says what it protects against', () => {
        assert.ok(expansion.tabStops.length >= 2, 'at least one placeholder besides $0');
        assert.equal(expansion.tabStops[expansion.tabStops.length - 1], 0);
        assert.match(snippet.description, /Protects against/);
        assert.deepEqual(expansion.conflicts, [], 'every occurrence of a placeholder has the same default');
      });
      it('lints with no finding above info', () => {
        const host = hostDocument(snippet.host, snippet.language, expansion.text);
        const result = lint(host.text, { path: host.path, rules: allRules });
        assert.equal(result.kind, host.kind, `classified as ${result.kind}:\n${host.text}`);
        const serious = result.findings.filter((f) => f.severity !== 'info');
        assert.deepEqual(serious.map(describeFinding), [], `\n${numbered(host.text)}`);
      });
      it('lints with no finding above info whichever choice the user makes', () => {
        const problems: string[] = [];
        for (const [index, options] of expansion.options) {
          for (let k = 1; k < options.length; k++) {
            const host = hostDocument(snippet.host, snippet.language, expandSnippet(snippet.body, { choose: new Map([[index, k]]) }).text);
            const result = lint(host.text, { path: host.path, rules: allRules });
            if (result.kind !== host.kind) problems.push(`\${${index}} = ${options[k]}: classified as ${result.kind}`);
            for (const f of result.findings) if (f.severity !== 'info') problems.push(`\${${index}} = ${options[k]}: ${describeFinding(f)}`);
          }
        }
        assert.deepEqual(problems, []);
      });
      it('names only actions that exist in the IAM catalogue', () => {
        const host = hostDocument(snippet.host, snippet.language, expansion.text);
        const unknown: string[] = [];
        for (const statement of statementsOf(host.text, { path: host.path })) {
          for (const item of [...(statement.action?.items ?? []), ...(statement.notAction?.items ?? [])]) {
            const action = literalString(item.node);
            if (action !== undefined && !(isPattern(action) ? expandActionPattern(action).length > 0 : actionInfo(action))) unknown.push(action);
          }
        }
        assert.deepEqual(unknown, []);
      });
      it('uses only condition keys that exist (global, service, or an OIDC provider\'s aud/sub)', () => {
        const host = hostDocument(snippet.host, snippet.language, expansion.text);
        const unknown: string[] = [];
        for (const statement of statementsOf(host.text, { path: host.path })) {
          for (const operator of statement.condition?.pairs ?? []) {
            if (operator.value.kind !== 'map') continue;
            for (const pair of operator.value.pairs) {
              const key = String(pair.key.value);
              if (/^[a-z0-9.-]+\.[a-z]+:(aud|sub)$/.test(key)) continue;
              if (/not a condition key|has no such condition key/.test(conditionKeyHoverMarkdown(key))) unknown.push(key);
            }
          }
        }
        assert.deepEqual(unknown, []);
      });
      if (snippet.language === 'json') {
        it('is valid JSON once expanded', () => {
          const host = hostDocument(snippet.host, 'json', expansion.text);
          assert.doesNotThrow(() => JSON.parse(host.text), host.text);
        });
      }
    });
  }
});

function describeFinding(f: { ruleId: string; severity: string; message: string; range: { start: { line: number } } }): string {
  return `${f.range.start.line + 1}: ${f.severity} ${f.ruleId}: ${f.message}`;
}

function numbered(text: string): string {
  return text
    .split('\n')
    .map((l, i) => `${String(i + 1).padStart(3)} ${l}`)
    .join('\n');
}

export type { BuiltSnippet };
