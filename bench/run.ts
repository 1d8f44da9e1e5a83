/**
 * Benchmarks that print figures (never assertions):
 *  1. re-lint latency of a ~300-line template after an edit (p50/p99), against the yaml parse alone;
 *  2. lint time per KB for generated templates of growing size up to 10 MB (linearity);
 *  3. the real-world corpus (../shared/corpora/realworld), in-process per file and per KB, and the
 *     CLI cold over the whole folder (wall clock), when the corpus is present.
 * Run: npm run bench
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { lint } from '../src/core/engine';
import { allRules } from '../src/rules';

const CORPUS = resolve(__dirname, '..', '..', 'shared', 'corpora', 'realworld');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(3) : ms.toFixed(1);
}

/** A SAM/CloudFormation template with `n` functions, each with a role, API event, environment and policy. */
export function generateTemplate(functions: number): string {
  const out = ['AWSTemplateFormatVersion: "2010-09-09"', 'Transform: AWS::Serverless-2016-10-31', 'Parameters:', '  Stage: {Type: String, Default: prod}', 'Resources:'];
  for (let i = 0; i < functions; i++) {
    out.push(
      `  Table${i}:`,
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      BillingMode: PAY_PER_REQUEST',
      `  Fn${i}:`,
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Runtime: nodejs20.x',
      `      Handler: src/fn${i}.handler`,
      '      Environment:',
      '        Variables:',
      `          TABLE_NAME: !Ref Table${i}`,
      `          STAGE: !Sub "\${Stage}-${i}"`,
      '      Policies:',
      '        - Statement:',
      '            - Effect: Allow',
      '              Action: [dynamodb:GetItem, dynamodb:PutItem]',
      `              Resource: !GetAtt Table${i}.Arn`,
      '      Events:',
      '        Get:',
      '          Type: Api',
      `          Properties: {Path: /items/${i}, Method: get}`,
    );
  }
  return out.join('\n') + '\n';
}

function timeLint(text: string, path: string, maxBytes?: number): number {
  const t0 = performance.now();
  lint(text, { path, rules: allRules, maxBytes });
  return performance.now() - t0;
}

function timeParse(text: string): number {
  const t0 = performance.now();
  parseAllDocuments(text);
  return performance.now() - t0;
}

function relintBench(): void {
  const base = generateTemplate(14); // ≈ 300 lines
  const lines = base.split('\n').length;
  // Warm up (the IAM catalogue and JIT), then simulate typing: each run changes one character.
  for (let i = 0; i < 50; i++) timeLint(base, 'template.yaml');
  const lintTimes: number[] = [];
  const parseTimes: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const edited = base.replace('BillingMode: PAY_PER_REQUEST', `BillingMode: PAY_PER_REQUEST${i % 2 ? '' : ' '}`);
    lintTimes.push(timeLint(edited, 'template.yaml'));
    parseTimes.push(timeParse(edited));
  }
  lintTimes.sort((a, b) => a - b);
  parseTimes.sort((a, b) => a - b);
  const p50 = percentile(lintTimes, 50);
  const parse50 = percentile(parseTimes, 50);
  console.log(`re-lint after an edit, ${lines}-line template (${(base.length / 1024).toFixed(1)} KB), 1000 runs:`);
  console.log(`  lint  p50 ${fmt(p50)} ms   p99 ${fmt(percentile(lintTimes, 99))} ms   (budget p50 ≤ 2 ms, p99 ≤ 10 ms)`);
  console.log(`  yaml parse alone p50 ${fmt(parse50)} ms → lint/parse ratio ${(p50 / parse50).toFixed(2)}× (budget ≤ 2×)`);
}

function sizeBench(): void {
  console.log('lint time by template size (linearity; files over 5 MB are skipped in normal use, raised here):');
  for (const functions of [100, 1000, 5000, 23000]) {
    const text = generateTemplate(functions);
    timeLint(text, 't.yaml', Infinity);
    const ms = timeLint(text, 't.yaml', Infinity);
    const parse = timeParse(text);
    const kb = text.length / 1024;
    console.log(`  ${(kb / 1024).toFixed(2).padStart(6)} MB  lint ${fmt(ms).padStart(7)} ms  (${(ms / kb * 1000).toFixed(1)} µs/KB)  yaml parse ${fmt(parse)} ms  ratio ${(ms / parse).toFixed(2)}×`);
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

function corpusBench(): void {
  if (!existsSync(CORPUS)) {
    console.log(`real-world corpus: not present at ${CORPUS}; skipped`);
    return;
  }
  const files = listFiles(CORPUS).filter((f) => /\.(ya?ml|json|template)$/i.test(f));
  const texts = files.map((f) => [f, readFileSync(f, 'utf8')] as const);
  const bytes = texts.reduce((n, [, t]) => n + t.length, 0);
  for (const [f, t] of texts.slice(0, 50)) timeLint(t, f);
  const t0 = performance.now();
  const perFile: number[] = [];
  let findings = 0;
  for (const [f, t] of texts) {
    const s = performance.now();
    findings += lint(t, { path: f, rules: allRules }).findings.length;
    perFile.push(performance.now() - s);
  }
  const total = performance.now() - t0;
  perFile.sort((a, b) => a - b);
  console.log(`real-world corpus, in-process (warm): ${files.length} files, ${(bytes / 1024 / 1024).toFixed(2)} MB, ${findings} findings`);
  console.log(`  total ${fmt(total)} ms   per file p50 ${fmt(percentile(perFile, 50))} ms, p99 ${fmt(percentile(perFile, 99))} ms, max ${fmt(perFile[perFile.length - 1])} ms   ${(total / (bytes / 1024) * 1000).toFixed(1)} µs/KB`);

  const cli = resolve(__dirname, '..', 'bin', 'guardpost.js');
  if (!existsSync(resolve(__dirname, '..', 'dist', 'cli.js'))) {
    console.log('  CLI cold: dist/cli.js missing (run npm run build); skipped');
    return;
  }
  const s = performance.now();
  const r = spawnSync(process.execPath, [cli, 'lint', CORPUS, '--format', 'json', '--output', '/dev/null'], { encoding: 'utf8' });
  console.log(`  CLI cold, \`guardpost lint <corpus>\`: ${fmt(performance.now() - s)} ms wall (exit ${r.status}; budget ≤ 3000 ms)`);
}

if (require.main === module) {
  relintBench();
  sizeBench();
  corpusBench();
}
