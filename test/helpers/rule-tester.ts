/**
 * Table-driven rule tests, after ESLint's RuleTester: valid cases must produce no finding of the
 * rule; invalid cases list the expected findings (range as `line:col-line:col`, 1-based like the
 * CLI, or the exact underlined text) and, for fixes, the text after applying each one. A fixed
 * text must parse and must have fewer findings of the rule (none, when the case expects one).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint, SYNTAX_ERROR_RULE } from '../../src/core/engine';
import { applyEdits } from '../../src/core/fixes';
import type { Rule } from '../../src/core/rule';
import { LineIndex } from '../../src/core/text';
import type { Finding, Severity } from '../../src/core/types';
import { allRules } from '../../src/rules';

export interface ValidCase {
  name: string;
  /** File name: picks the language (`.json` or `.yaml`). */
  path: string;
  text: string;
}

export interface ExpectedFinding {
  /** Substring the message must contain, or a pattern it must match. */
  message?: string | RegExp;
  /** `line:col-line:col`, 1-based (as the CLI prints). */
  range?: string;
  /** The exact text the finding underlines. */
  text?: string;
  severity?: Severity;
  resource?: string;
}

export interface ExpectedFix {
  /** Which finding (index into the expected findings) the fix belongs to; default 0. */
  finding?: number;
  /** Substring of the fix's title, or a pattern. */
  title: string | RegExp;
  /** The whole text after applying the fix. */
  output: string;
  isPreferred?: boolean;
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
  fixes?: ExpectedFix[];
}

export interface RuleTable {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/** Dedents a template literal: strips the common indentation and the first empty line. */
export function text(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  if (lines.length && lines[lines.length - 1].trim() === '') lines[lines.length - 1] = '';
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

function findingsOf(rule: Rule, path: string, source: string): Finding[] {
  return lint(source, { path, rules: [rule] }).findings;
}

function formatRange(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1}`;
}

function matches(actual: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? actual.includes(expected) : expected.test(actual);
}

export function testRule(rule: Rule, table: RuleTable): void {
  describe(rule.meta.id, () => {
    it('is registered in allRules', () => {
      assert.ok(allRules.includes(rule), `${rule.meta.id} is not in src/rules/index.ts`);
    });
    for (const c of table.valid) {
      it(`valid: ${c.name}`, () => {
        const found = findingsOf(rule, c.path, c.text);
        assert.deepEqual(found.filter((f) => f.ruleId === SYNTAX_ERROR_RULE), [], 'the case must parse');
        assert.deepEqual(found.map((f) => `${formatRange(f)} ${f.message}`), []);
      });
    }
    for (const c of table.invalid) {
      it(`invalid: ${c.name}`, () => {
        const all = findingsOf(rule, c.path, c.text);
        assert.deepEqual(all.filter((f) => f.ruleId === SYNTAX_ERROR_RULE).map((f) => f.message), [], 'the case must parse');
        const found = all.filter((f) => f.ruleId === rule.meta.id);
        assert.equal(found.length, c.findings.length, `expected ${c.findings.length} finding(s), got:\n${found.map((f) => `${formatRange(f)} ${f.message}`).join('\n')}`);
        const lines = new LineIndex(c.text.charCodeAt(0) === 0xfeff ? c.text.slice(1) : c.text);
        c.findings.forEach((expected, i) => {
          const f = found[i];
          if (expected.message !== undefined) assert.ok(matches(f.message, expected.message), `message ${JSON.stringify(f.message)} does not match ${expected.message}`);
          if (expected.range !== undefined) assert.equal(formatRange(f), expected.range);
          if (expected.text !== undefined) {
            assert.equal(lines.text.slice(lines.offset(f.range.start), lines.offset(f.range.end)), expected.text);
          }
          if (expected.severity !== undefined) assert.equal(f.severity, expected.severity);
          if (expected.resource !== undefined) assert.equal(f.resource, expected.resource);
        });
        for (const fx of c.fixes ?? []) {
          const f = found[fx.finding ?? 0];
          const fix = f.fixes.find((x) => matches(x.title, fx.title));
          assert.ok(fix, `no fix titled ${fx.title}; offered: ${JSON.stringify(f.fixes.map((x) => x.title))}`);
          if (fx.isPreferred !== undefined) assert.equal(fix.isPreferred, fx.isPreferred);
          const output = applyEdits(lines.text, fix.edits);
          assert.equal(output, fx.output);
          const after = findingsOf(rule, c.path, output);
          assert.deepEqual(after.filter((x) => x.ruleId === SYNTAX_ERROR_RULE).map((x) => x.message), [], 'the fixed text must parse');
          const left = after.filter((x) => x.ruleId === rule.meta.id);
          assert.ok(left.length < found.length, `the fix must remove a finding; still: ${left.map((x) => x.message).join('; ')}`);
        }
      });
    }
  });
}
