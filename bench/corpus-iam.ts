// Lints every file of a corpus with the IAM rules; prints counts per rule and the time.
// node --import tsx bench/corpus-iam.ts [dir] [--dump findings.jsonl]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { lint } from '../src/core/engine';
import { iamRules } from '../src/rules/iam';

const args = process.argv.slice(2);
const dumpAt = args.indexOf('--dump');
const dump = dumpAt !== -1 ? args[dumpAt + 1] : undefined;
const dir = args.find((a, i) => !a.startsWith('--') && i !== dumpAt + 1) ?? join(__dirname, '..', '..', 'shared', 'corpora', 'realworld');

function files(d: string): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ya?ml|json|template)$/i.test(n) ? [p] : [];
  });
}

const all = files(dir);
const counts = new Map<string, number>();
const kinds = new Map<string, number>();
const lines: string[] = [];
let lintMs = 0;
let parseMs = 0;
// Warm up (JIT) and load the catalogue once, so the loop measures steady-state cost.
lint('{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}', { path: 'warm.json', rules: iamRules });
for (const file of all) {
  const text = readFileSync(file, 'utf8');
  const t0 = performance.now();
  const result = lint(text, { path: file, rules: iamRules });
  lintMs += performance.now() - t0;
  // The same lint with no rules: parse, classify and views, the budget the rules are measured against.
  const t1 = performance.now();
  lint(text, { path: file, rules: [] });
  parseMs += performance.now() - t1;
  kinds.set(result.kind, (kinds.get(result.kind) ?? 0) + 1);
  for (const f of result.findings) {
    counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    lines.push(JSON.stringify({ file: relative(dir, file), line: f.range.start.line + 1, rule: f.ruleId, severity: f.severity, message: f.message }));
  }
}
console.log(`${all.length} files (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})`);
for (const [rule, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${rule.padEnd(32)} ${n}`);
console.log(`lint with the IAM rules ${lintMs.toFixed(0)} ms; the same lint with no rules ${parseMs.toFixed(0)} ms (IAM rules: +${((lintMs / parseMs - 1) * 100).toFixed(0)}%)`);
if (dump) writeFileSync(dump, lines.join('\n') + '\n');

// Steadier numbers on a busy machine: alternate whole-corpus runs with and without the rules, keep the best of each.
const texts = all.map((f) => [f, readFileSync(f, 'utf8')] as const);
const run = (rules: typeof iamRules): number => {
  const t = performance.now();
  for (const [f, x] of texts) lint(x, { path: f, rules });
  return performance.now() - t;
};
const best = { none: Infinity, iam: Infinity };
for (let i = 0; i < 3; i++) {
  best.none = Math.min(best.none, run([]));
  best.iam = Math.min(best.iam, run(iamRules));
}
console.log(`best of 3 whole-corpus runs: no rules ${best.none.toFixed(0)} ms, IAM rules ${best.iam.toFixed(0)} ms (+${((best.iam / best.none - 1) * 100).toFixed(0)}%)`);
