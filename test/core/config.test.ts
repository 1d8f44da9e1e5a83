import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ignoreMatcher, mergeConfigs, parseConfig, ruleSetting } from '../../src/core/config';

describe('.guardpost.yaml', () => {
  it('reads rule settings and ignore globs', () => {
    const { config, problems } = parseConfig('rules:\n  iam/wildcard-action: error\n  secrets/*: off\n  api/waf: false\nignore:\n  - examples/**\n  - legacy\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(config, { rules: { 'iam/wildcard-action': 'error', 'secrets/*': 'off', 'api/waf': 'off' }, ignore: ['examples/**', 'legacy'] });
    assert.equal(ruleSetting(config, 'secrets/aws-access-key'), 'off');
    assert.equal(ruleSetting(config, 'iam/admin-access'), undefined);
  });

  it('reports bad values and unknown keys without failing', () => {
    const { config, problems } = parseConfig('rules:\n  iam/wildcard-action: loud\nignroe: [x]\n');
    assert.deepEqual(config.rules, {});
    assert.equal(problems.length, 2);
    assert.match(problems[0], /expected off, info, warning or error/);
    assert.match(problems[1], /unknown key `ignroe`/);
  });

  it('survives broken YAML', () => {
    const { problems } = parseConfig('rules: [\n');
    assert.match(problems[0], /cannot parse/);
  });

  it('merges later over earlier', () => {
    const merged = mergeConfigs({ rules: { a: 'error', b: 'info' }, ignore: ['x'] }, { rules: { a: 'off' }, ignore: ['y'] });
    assert.deepEqual(merged, { rules: { a: 'off', b: 'info' }, ignore: ['x', 'y'] });
  });

  it('matches ignore globs like .gitignore: folders, globs and bare names', () => {
    const ignored = ignoreMatcher(['legacy', 'build/**', '*.generated.yaml']);
    assert.equal(ignored('legacy/a.yaml'), true);
    assert.equal(ignored('build/x/t.json'), true);
    assert.equal(ignored('deep/dir/stack.generated.yaml'), true);
    assert.equal(ignored('src/template.yaml'), false);
  });
});
