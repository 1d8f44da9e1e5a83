// The extension manifest and the VSIX contents: what ships and what the editor is told.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { normalizeSettings } from '../../src/server/settings';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  browser: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: boolean };
  contributes: { commands: { command: string }[]; configuration: { properties: Record<string, { default: unknown }> } };
};

describe('VSIX contents', () => {
  it('vsce ships only bundles, grammars, snippets, docs and top-level files', () => {
    const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
    const listed = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    assert.equal(listed.status, 0, listed.stderr);
    const files = listed.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    assert.ok(files.includes('package.json') && files.includes('LICENSE') && files.includes('images/icon.png'), files.join('\n'));
    assert.ok(files.includes('walkthrough/example-template.yaml'), 'the walkthrough example ships');
    const forbidden = files.filter((f) => /^(src|test|bench|scripts|node_modules|examples|\.e2e)\/|\.map$|\.ts$|\.vsix$/.test(f));
    assert.deepEqual(forbidden, []);
    const allowed = /^(dist\/(web\/)?(extension|server)\.js|syntaxes\/[^/]+\.json|snippets\/[^/]+\.json|docs\/.+\.(md|png)|walkthrough\/(.+\.(md|png|svg)|example-template\.yaml)|images\/icon\.png|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/;
    assert.deepEqual(files.filter((f) => !allowed.test(f)), []);
  });
});

describe('manifest', () => {
  it('points at the desktop and web bundles', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.browser, './dist/web/extension.js');
  });

  it('activates on YAML, JSON and its command, and runs in untrusted and virtual workspaces', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:yaml', 'onLanguage:json', 'onCommand:guardpost.lintWorkspace', 'onCommand:guardpost.walkthrough.openExample', 'onCommand:guardpost.showRoutes']);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    assert.ok(manifest.contributes.commands.some((c) => c.command === 'guardpost.lintWorkspace'));
    assert.ok(manifest.contributes.commands.some((c) => c.command === 'guardpost.walkthrough.openExample'));
  });

  it('declares exactly the settings the server reads, with the same defaults', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(properties).sort(), ['guardpost.enable', 'guardpost.exclude', 'guardpost.rules', 'guardpost.run']);
    const defaults = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k.slice('guardpost.'.length), v.default]));
    assert.deepEqual(normalizeSettings(defaults).settings, defaults);
  });
});
