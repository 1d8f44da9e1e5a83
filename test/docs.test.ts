/** Docs stay true to the code: the README's rule table is current and every rule has its page. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../src/rules';
import { rulesTable, snippetsTable } from '../scripts/rules-doc';

const ROOT = join(__dirname, '..');
const ENGINE_RULES = ['parse/syntax-error', 'parse/duplicate-key', 'guardpost/internal-error', 'guardpost/file-too-large', 'guardpost/binary-file', 'guardpost/unexplained-suppression'];

describe('docs', () => {
  it('README rule table is generated from the current rules (run `npm run docs`)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(rulesTable()), 'README.md rule table is stale: run `npm run docs`');
  });

  it('README snippet table is generated from the current snippets (run `npm run docs`)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(snippetsTable()), 'README.md snippet table is stale: run `npm run docs`');
  });

  it('README quick start is the two commands the issue promises', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.match(readme, /```sh\nnpm ci\nnpx guardpost lint examples\/\n```/);
  });

  for (const id of [...allRules.map((r) => r.meta.id), ...ENGINE_RULES]) {
    it(`${id} has a docs page with the standard sections`, () => {
      const page = join(ROOT, 'docs', 'rules', `${id}.md`);
      assert.ok(existsSync(page), `missing ${page}`);
      const text = readFileSync(page, 'utf8');
      assert.ok(text.startsWith(`# ${id}\n`), 'the page starts with the rule id');
      for (const section of ['## What it does']) assert.ok(text.includes(section), `missing "${section}"`);
      if (!ENGINE_RULES.includes(id)) {
        for (const section of ['## Why is this bad?', '## Example', '## Use instead', '## Fixes']) assert.ok(text.includes(section), `missing "${section}"`);
      }
    });
  }

  it('every docs page belongs to a rule', () => {
    const known = new Set([...allRules.map((r) => r.meta.id), ...ENGINE_RULES]);
    const pages = readdirSync(join(ROOT, 'docs', 'rules')).flatMap((family) =>
      readdirSync(join(ROOT, 'docs', 'rules', family)).filter((f) => f.endsWith('.md')).map((f) => `${family}/${f.slice(0, -3)}`),
    );
    const orphans = pages.filter((p) => !known.has(p));
    assert.deepEqual(orphans, []);
  });
});
