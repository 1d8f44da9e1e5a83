import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { runCli } from '../../src/cli/main';

const root = mkdtempSync(join(tmpdir(), 'guardpost-cli-'));
after(() => rmSync(root, { recursive: true, force: true }));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, 'p-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function run(cwd: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const WILDCARD_POLICY = '{\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::orders/*"}\n  ]\n}\n';
const CLEAN_POLICY = '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}\n';
const BROKEN_TEMPLATE = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A: [\n';

describe('guardpost lint', () => {
  it('prints path:line:col  severity  message  rule-id (1-based) and a summary; warnings exit 0', async () => {
    const dir = project({ 'policy.json': WILDCARD_POLICY, 'docker-compose.yml': 'services: {web: {image: x}}\n' });
    const r = await run(dir, 'lint', '.');
    assert.equal(r.code, 0);
    const [line] = r.stdout.split('\n');
    assert.match(line, /^policy\.json:3:35 {2}warning {2}`s3:\*` in statement 1 .* {2}iam\/wildcard-action$/);
    assert.match(r.stdout, /1 problem \(0 errors, 1 warning, 0 info\) in 1 file of 1 checked\./);
  });

  it('exits 1 on an error-level finding and on warnings over --max-warnings', async () => {
    const dir = project({ 'broken.yaml': BROKEN_TEMPLATE, 'policy.json': WILDCARD_POLICY });
    assert.equal((await run(dir, 'lint', 'broken.yaml')).code, 1);
    assert.equal((await run(dir, 'lint', 'policy.json', '--max-warnings', '0')).code, 1);
    assert.equal((await run(dir, 'lint', 'policy.json', '--max-warnings', '1')).code, 0);
  });

  it('says when nothing is found', async () => {
    const dir = project({ 'policy.json': CLEAN_POLICY });
    const r = await run(dir, 'lint');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, 'No problems found in 1 file.\n');
  });

  it('--rule changes severities and turns rules off; --quiet shows errors only', async () => {
    const dir = project({ 'policy.json': WILDCARD_POLICY });
    const error = await run(dir, 'lint', '--rule', 'iam/wildcard-action=error');
    assert.equal(error.code, 1);
    assert.match(error.stdout, /error {2}`s3:\*`/);
    const off = await run(dir, 'lint', '--rule', 'iam/*=off');
    assert.equal(off.code, 0);
    assert.match(off.stdout, /No problems found/);
    const quiet = await run(dir, 'lint', '--quiet');
    assert.doesNotMatch(quiet.stdout, /wildcard-action/);
  });

  it('honours .guardpost.yaml rules and ignore globs', async () => {
    const dir = project({
      '.guardpost.yaml': 'rules:\n  iam/wildcard-action: error\nignore:\n  - legacy/**\n',
      'policy.json': WILDCARD_POLICY,
      'legacy/old.json': WILDCARD_POLICY,
    });
    const r = await run(dir, 'lint', '--format', 'json');
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.files.map((f: { path: string }) => f.path), ['policy.json']);
    assert.equal(out.files[0].findings[0].severity, 'error');
    assert.equal(r.code, 1);
  });

  it('skips .gitignore\'d paths, node_modules, .aws-sam, cdk.out and .serverless when walking', async () => {
    const dir = project({
      '.gitignore': 'generated/\n',
      'generated/p.json': WILDCARD_POLICY,
      'node_modules/x/p.json': WILDCARD_POLICY,
      '.aws-sam/build/template.json': WILDCARD_POLICY,
      'cdk.out/s.json': WILDCARD_POLICY,
      '.serverless/cf.json': WILDCARD_POLICY,
      'src/p.json': WILDCARD_POLICY,
    });
    const out = JSON.parse((await run(dir, 'lint', '--format', 'json')).stdout);
    assert.deepEqual(out.files.map((f: { path: string }) => f.path), ['src/p.json']);
  });

  it('accepts globs', async () => {
    const dir = project({ 'a/p.json': WILDCARD_POLICY, 'b/p.json': WILDCARD_POLICY });
    const out = JSON.parse((await run(dir, 'lint', 'a/*.json', '--format', 'json')).stdout);
    assert.deepEqual(out.files.map((f: { path: string }) => f.path), ['a/p.json']);
  });

  it('JSON output has the documented, stable shape with 0-based ranges', async () => {
    const dir = project({ 'policy.json': WILDCARD_POLICY });
    const out = JSON.parse((await run(dir, 'lint', '--format', 'json')).stdout);
    assert.equal(out.version, 1);
    const [file] = out.files;
    assert.deepEqual(Object.keys(file), ['path', 'kind', 'findings']);
    assert.equal(file.kind, 'iam-policy');
    const [finding] = file.findings;
    assert.deepEqual(Object.keys(finding), ['ruleId', 'severity', 'message', 'range', 'resource', 'fixes']);
    assert.deepEqual(finding.range, { start: { line: 2, character: 34 }, end: { line: 2, character: 40 } });
    assert.deepEqual(Object.keys(finding.fixes[0]), ['title', 'isPreferred', 'edits']);
  });

  it('SARIF output validates against the official SARIF 2.1.0 schema and carries rules, 1-based regions and fixes', async () => {
    const dir = project({ 'policy.json': WILDCARD_POLICY, 'broken.yaml': BROKEN_TEMPLATE });
    const r = await run(dir, 'lint', '--format', 'sarif');
    const log = JSON.parse(r.stdout);
    const schema = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = (validate as (data: unknown) => boolean)(log);
    assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const run0 = log.runs[0];
    const rule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'iam/wildcard-action');
    assert.match(rule.helpUri, /docs\/rules\/iam\/wildcard-action\.md$/);
    const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'iam/wildcard-action');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 3, startColumn: 35, endLine: 3, endColumn: 41 });
    assert.match(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, /s3:/);
    assert.ok(run0.results.some((x: { ruleId: string; level: string }) => x.ruleId === 'parse/syntax-error' && x.level === 'error'));
  });

  it('--output writes the report to a file', async () => {
    const dir = project({ 'policy.json': WILDCARD_POLICY });
    const r = await run(dir, 'lint', '--format', 'json', '--output', 'report.json');
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).files.length, 1);
  });

  it('--fix applies preferred fixes, keeps a BOM, and leaves unfixable findings', async () => {
    const dir = project({
      'policy.json': '\uFEFF' + WILDCARD_POLICY,
      'admin.yaml': 'Statement:\r\n  - Effect: Allow\r\n    Action: "*"\r\n',
    });
    const r = await run(dir, 'lint', '--fix', '--format', 'json');
    const fixed = readFileSync(join(dir, 'policy.json'), 'utf8');
    assert.ok(fixed.startsWith('\uFEFF{'));
    // The fix's exact text is the rule's business (its own table tests it): here, it was applied.
    assert.doesNotMatch(fixed, /"s3:\*"/);
    assert.equal(JSON.parse(fixed.slice(1)).Statement[0].Effect, 'Allow', 'the fixed file still parses');
    assert.equal(readFileSync(join(dir, 'admin.yaml'), 'utf8'), 'Statement:\r\n  - Effect: Allow\r\n    Action: "*"\r\n', 'no fix for "*": the file is untouched');
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.files.find((f: { path: string }) => f.path === 'policy.json').findings.filter((f: { ruleId: string }) => f.ruleId === 'iam/wildcard-action'), []);
  });

  it('without --fix nothing on disk changes', async () => {
    const dir = project({ 'policy.json': WILDCARD_POLICY });
    await run(dir, 'lint');
    assert.equal(readFileSync(join(dir, 'policy.json'), 'utf8'), WILDCARD_POLICY);
  });

  it('usage and I/O errors exit 2 with a one-line message', async () => {
    const dir = project({ 'policy.json': WILDCARD_POLICY });
    for (const args of [
      ['lint', 'missing.yaml'],
      ['lint', '--format', 'xml'],
      ['lint', '--bogus'],
      ['lint', '--rule', 'no/such-rule=off'],
      ['lint', '--rule', 'iam/wildcard-action=loud'],
      ['lint', '--max-warnings', '-1'],
      ['frobnicate'],
    ]) {
      const r = await run(dir, ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^guardpost: [^\n]+\n$/, args.join(' '));
    }
  });

  it('survives hostile files: binary, huge nesting, empty', async () => {
    const dir = project({ 'deep.json': '['.repeat(20000) + ']'.repeat(20000), 'empty.yaml': '', 'bin.json': '\u0000\u0001' });
    const r = await run(dir, 'lint', '--format', 'json');
    assert.equal(r.code, 0);
  });
});

describe('guardpost rules', () => {
  it('lists rules with metadata as text and JSON', async () => {
    const text = await run(root, 'rules');
    assert.match(text.stdout, /^iam\/wildcard-action +warning +fix +Allow statements/m);
    const json = JSON.parse((await run(root, 'rules', '--format', 'json')).stdout);
    const rule = json.find((r: { id: string }) => r.id === 'iam/wildcard-action');
    assert.equal(rule.defaultSeverity, 'warning');
    assert.match(rule.docs, /wildcard-action\.md$/);
  });

  it('--version prints the version', async () => {
    assert.match((await run(root, '--version')).stdout, /^guardpost \d+\.\d+\.\d+/);
  });
});

describe('guardpost routes', () => {
  it('prints the route table of a folder, with authorization and source file:line', async () => {
    const dir = project({
      'template.yaml': 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        Get:\n          Type: Api\n          Properties: {Path: /orders, Method: get}\n',
    });
    const r = await run(dir, 'routes');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^GET +\/orders +\S+ +NONE \(open\) +template\.yaml:7$/m);
  });

  it('a missing path is a usage error', async () => {
    const r = await run(root, 'routes', 'nope.yaml');
    assert.equal(r.code, 2);
  });
});
