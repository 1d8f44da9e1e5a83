/** Every preferred secrets fix applied together (as `--fix` and fix-all on save do) leaves valid files without the secrets. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SYNTAX_ERROR_RULE } from '../../../src/core/engine';
import { fixAll } from '../../../src/core/fixes';
import { secretsRules } from '../../../src/rules/secrets';
import { FIXTURES } from '../../fixtures/secrets/fake-secrets';

const DIR = join(__dirname, '..', '..', 'fixtures', 'secrets');

/** What is left on purpose: findings whose fix would change more than the secret. */
const LEFT: Record<string, string[]> = {
  'sam-template.yaml': ['secrets/noecho-leak Output Signing exposes NoEcho parameter SigningSecret'],
  'cloudformation.json': [],
  'serverless.yml': [],
};

describe('secrets fix-all on the fixtures', () => {
  for (const [name, secrets] of Object.entries(FIXTURES)) {
    it(name, () => {
      const text = readFileSync(join(DIR, name), 'utf8');
      const result = fixAll(text, { path: name, rules: secretsRules });
      assert.ok(result.applied >= secrets.length - 1, `applied ${result.applied} fixes`);
      assert.deepEqual(result.remaining.filter((f) => f.ruleId === SYNTAX_ERROR_RULE), [], 'the fixed file parses');
      assert.deepEqual(result.remaining.map((f) => `${f.ruleId} ${f.message.split(':')[0]}`), LEFT[name]);
      for (const secret of secrets) assert.ok(!result.text.includes(secret), `${secret.slice(0, 4)}… is gone from the file`);
    });
  }
});
