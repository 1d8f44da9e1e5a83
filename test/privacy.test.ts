/**
 * No output of any kind may contain a full secret (issue 5): lint the secret fixtures and search
 * every output for the fake secrets they hold: findings (messages, related information, fix titles
 * and fix edits), the language server's diagnostics and code actions, and the CLI's text, JSON and
 * SARIF reports. Each check first proves it looked at real output (the findings are there, masked).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../src/cli/main';
import { lint } from '../src/core/engine';
import { LineIndex } from '../src/core/text';
import type { Finding } from '../src/core/types';
import { allRules } from '../src/rules';
import { quickFixes, toDiagnostics } from '../src/server/translate';
import { FIXTURES } from './fixtures/secrets/fake-secrets';

const DIR = join(__dirname, 'fixtures', 'secrets');
const ALL_SECRETS = [...new Set(Object.values(FIXTURES).flat())];

/** Every way a secret could show: in full, its first 5 characters (masks show at most 4), any 8-character run. */
function leaks(output: string, secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const secret of secrets) {
    if (output.includes(secret)) found.push(`${secret.slice(0, 4)}… in full`);
    else if (output.includes(secret.slice(0, 5))) found.push(`${secret.slice(0, 4)}… by its first 5 characters`);
    else {
      for (let i = 0; i + 8 <= secret.length; i++) {
        if (output.includes(secret.slice(i, i + 8))) {
          found.push(`${secret.slice(0, 4)}… by characters ${i}-${i + 8}`);
          break;
        }
      }
    }
  }
  return found;
}

function lintFixture(name: string): { text: string; findings: Finding[] } {
  const text = readFileSync(join(DIR, name), 'utf8');
  return { text, findings: lint(text, { path: name, rules: allRules }).findings };
}

async function cli(format: string): Promise<string> {
  let out = '';
  let err = '';
  const code = await runCli(['lint', DIR, '--format', format], { cwd: resolve(__dirname, '..'), stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  assert.equal(code, 1, `the fixtures have errors, so the CLI exits 1 (stderr: ${err})`);
  return out + err;
}

describe('privacy: no output contains a secret', () => {
  it('the search finds a secret shown in full, by its start, or in part', () => {
    const [secret] = ALL_SECRETS;
    assert.equal(leaks(`x ${secret} y`, [secret]).length, 1);
    assert.equal(leaks(`x ${secret.slice(0, 5)}…(20 chars)`, [secret]).length, 1);
    assert.equal(leaks(`x ${secret.slice(6, 14)} y`, [secret]).length, 1);
    assert.equal(leaks(`x ${secret.slice(0, 4)}…(20 chars)`, [secret]).length, 0);
  });

  for (const [name, secrets] of Object.entries(FIXTURES)) {
    describe(name, () => {
      const { text, findings } = lintFixture(name);
      const lines = new LineIndex(text);

      it('every secret in the fixture is found (so the checks below look at real findings)', () => {
        for (const secret of secrets) {
          const at = text.indexOf(secret);
          assert.ok(at !== -1, 'the fixture holds the secret');
          const covered = findings.some((f) => f.ruleId.startsWith('secrets/') && lines.offset(f.range.start) <= at && at < Math.max(lines.offset(f.range.end), lines.offset(f.range.start) + 1));
          assert.ok(covered, `no secrets/* finding covers the secret starting ${secret.slice(0, 4)}…`);
        }
      });

      it('messages, related information and fix titles show at most 4 characters', () => {
        const words = findings.flatMap((f) => [f.message, ...(f.related ?? []).map((r) => r.message), ...f.fixes.map((x) => x.title)]);
        assert.ok(words.some((w) => /…\(\d+ chars\)/.test(w)), 'some message shows a masked secret');
        assert.deepEqual(leaks(words.join('\n'), ALL_SECRETS), []);
      });

      it('fix edits insert no secret', () => {
        const inserted = findings.flatMap((f) => f.fixes.flatMap((x) => x.edits.map((e) => e.newText)));
        assert.ok(inserted.length > 0, 'the fixture has fixes');
        assert.deepEqual(leaks(inserted.join('\n'), ALL_SECRETS), []);
      });

      it('language server diagnostics and code actions', () => {
        const uri = `file:///work/${name}`;
        const diagnostics = toDiagnostics(findings, uri);
        const whole = { start: { line: 0, character: 0 }, end: { line: lines.lineCount, character: 0 } };
        const actions = quickFixes(findings, { uri, text, language: name.endsWith('.json') ? 'json' : 'yaml', range: whole });
        assert.ok(diagnostics.length > 0 && actions.length > 0);
        // Code actions carry edits of the user's own text (suppression comments); titles and our fixes' new text must not carry secrets.
        const shown = JSON.stringify(diagnostics) + JSON.stringify(actions.map((a) => [a.title, a.edit]));
        assert.deepEqual(leaks(shown, ALL_SECRETS), []);
      });
    });
  }

  for (const format of ['text', 'json', 'sarif']) {
    it(`CLI ${format} output`, async () => {
      const output = await cli(format);
      assert.ok(output.includes('secrets/aws-credentials') && output.includes('AKIA…(20 chars)'), 'the report holds the findings, masked');
      assert.deepEqual(leaks(output, ALL_SECRETS), []);
    });
  }
});
