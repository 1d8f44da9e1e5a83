// node --import tsx bench/iam-fixes.ts [dir]
// Applies every IAM finding's preferred fix (one at a time) across the corpus; checks each result parses and loses the finding.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lint, SYNTAX_ERROR_RULE } from '../src/core/engine';
import { applyEdits } from '../src/core/fixes';
import { iamRules } from '../src/rules/iam';
function files(d: string): string[] { return readdirSync(d).flatMap((n) => { const p = join(d, n); return statSync(p).isDirectory() ? files(p) : /\.(ya?ml|json|template)$/i.test(n) ? [p] : []; }); }
let fixes = 0, bad = 0, stays = 0;
for (const f of files(process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'corpora', 'realworld'))) {
  const text = readFileSync(f, 'utf8');
  const res = lint(text, { path: f, rules: iamRules });
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (const finding of res.findings) {
    for (const fix of finding.fixes) {
      fixes++;
      const out = applyEdits(src, fix.edits);
      const after = lint(out, { path: f, rules: iamRules.filter((r) => r.meta.id === finding.ruleId) });
      if (after.findings.some((x) => x.ruleId === SYNTAX_ERROR_RULE) && !res.findings.some((x) => x.ruleId === SYNTAX_ERROR_RULE)) { bad++; console.log('BROKEN', f, fix.title); }
      const before = res.findings.filter((x) => x.ruleId === finding.ruleId).length;
      if (after.findings.filter((x) => x.ruleId === finding.ruleId).length >= before) { stays++; console.log('STAYS', f, finding.ruleId, fix.title); }
    }
  }
}
console.log({ fixes, broken: bad, findingStays: stays });
