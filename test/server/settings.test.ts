import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configProblems, effectiveConfig, folderFromConfigText, isExcluded, languageOf, locate, normalizeSettings, unknownRuleKeys } from '../../src/server/settings';

describe('normalizeSettings', () => {
  it('keeps well-formed values and reports bad rule severities', () => {
    const { settings, problems } = normalizeSettings({ enable: false, run: 'onSave', rules: { 'iam/*': 'error', 'secrets/x': 'loud' }, exclude: ['fixtures/**', 3, ''] });
    assert.deepEqual(settings, { enable: false, run: 'onSave', rules: { 'iam/*': 'error' }, exclude: ['fixtures/**'] });
    assert.deepEqual(problems, ['guardpost.rules: secrets/x: expected off, info, warning or error, got "loud"']);
  });
  it('falls back to defaults for missing or odd input', () => {
    assert.deepEqual(normalizeSettings(undefined).settings, { enable: true, run: 'onType', rules: {}, exclude: [] });
    assert.deepEqual(normalizeSettings({ run: 'sometimes', enable: 'yes' }).settings, { enable: true, run: 'onType', rules: {}, exclude: [] });
  });
});

describe('folders and exclusion', () => {
  const { folder: app } = folderFromConfigText('file:///work/app', 'rules:\n  iam/wildcard-action: error\n  secrets/*: off\nignore:\n  - legacy/\n');
  const { folder: nested } = folderFromConfigText('file:///work/app/packages/api', null);
  const folders = [app, nested];

  it('locates the innermost folder and decodes the relative path', () => {
    assert.deepEqual(locate('file:///work/app/packages/api/my%20template.yaml', folders), { folder: nested, relative: 'my template.yaml' });
    assert.equal(locate('file:///work/app/a.yaml', folders)?.relative, 'a.yaml');
    assert.equal(locate('file:///elsewhere/a.yaml', folders), undefined);
    assert.equal(locate('file:///work/application/a.yaml', folders), undefined);
  });

  it('settings override .guardpost.yaml rule by rule; ignore globs add up', () => {
    const { settings } = normalizeSettings({ rules: { 'iam/wildcard-action': 'info' }, exclude: ['tmp/**'] });
    const config = effectiveConfig(settings, app);
    assert.deepEqual(config.rules, { 'iam/wildcard-action': 'info', 'secrets/*': 'off' });
    assert.deepEqual(config.ignore, ['legacy/', 'tmp/**']);
    assert.equal(isExcluded('file:///work/app/legacy/old.yaml', folders, config), true);
    assert.equal(isExcluded('file:///work/app/tmp/x/y.json', folders, config), true);
    assert.equal(isExcluded('file:///work/app/template.yaml', folders, config), false);
    assert.equal(isExcluded('untitled:Untitled-1', folders, config), false);
  });

  it('a broken .guardpost.yaml is reported, not fatal', () => {
    const { folder, problems } = folderFromConfigText('file:///w', 'rules: [1, 2]\n');
    assert.deepEqual(folder.config, { rules: {}, ignore: [] });
    assert.equal(problems.length, 1);
  });
});

describe('languageOf', () => {
  it('trusts the editor language, else the file name and text', () => {
    assert.equal(languageOf('json', 'untitled:1', 'a: 1'), 'json');
    assert.equal(languageOf('yaml', 'file:///x.json', '{}'), 'yaml');
    assert.equal(languageOf(undefined, 'file:///x.json', '{}'), 'json');
    assert.equal(languageOf(undefined, 'file:///x.yml', 'a: 1'), 'yaml');
    assert.equal(languageOf(undefined, 'file:///x.template', '{"a": 1}'), 'json');
  });
});

describe('unknown rule ids', () => {
  const known = ['iam/wildcard-action', 'secrets/aws-credentials', 'parse/syntax-error'];
  it('flags ids and families that name no rule', () => {
    assert.deepEqual(unknownRuleKeys({ 'iam/wildcard-action': 'off', 'iam/*': 'info', 'iam/wilcard-action': 'off', 'net/*': 'off', '*': 'off' }, known), ['iam/wilcard-action', 'net/*']);
  });
  it('adds them to the problems of .guardpost.yaml', () => {
    assert.deepEqual(configProblems('rules:\n  iam/wilcard-action: off\nignor: [x]\n', known), [
      'unknown key `ignor` (expected rules, ignore)',
      'rules: `iam/wilcard-action` is not a Guardpost rule or family',
    ]);
  });
});
