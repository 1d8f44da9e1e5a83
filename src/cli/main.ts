/**
 * The command line: translates between the terminal and the core, nothing more.
 *   guardpost lint [paths or globs...] [--format text|json|sarif] [--output FILE] [--fix]
 *                  [--rule id=off|info|warning|error]... [--max-warnings N] [--quiet] [--config FILE]
 *   guardpost rules [--format text|json]
 *   guardpost routes [paths...]
 *   guardpost --version | --help
 * Exit codes: 0 clean (no errors, warnings within --max-warnings), 1 findings, 2 usage or I/O error.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CONFIG_FILE_NAME, ignoreMatcher, isRuleSetting, mergeConfigs, parseConfig, type Config } from '../core/config';
import { docsUrl } from '../core/rule';
import { allRules } from '../rules';
import { collectFiles, UsageError } from './files';
import { countFindings, formatJson, formatSarif, formatText, type FileResult } from './format';
import { extraCommands, versionDetails } from './extensions';
import { lintFiles } from './lint-files';

export const VERSION: string = (require('../../package.json') as { version: string }).version;

export interface CliIO {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

const HELP = `Usage: guardpost <command> [options]

Commands:
  lint [paths or globs...]   Lint CloudFormation, SAM, serverless.yml and IAM policy files (default: .)
  rules                      List the rules
${Object.entries(extraCommands).map(([name, c]) => `  ${name} ${c.usage}\n  ${''.padEnd(27)}${c.summary}`).join('\n')}

Options for lint:
  --format text|json|sarif   Output format (default: text)
  --output FILE              Write the report to FILE instead of standard output
  --fix                      Apply each finding's preferred fix and write the files
  --rule ID=LEVEL            Set a rule (or family/*) to off, info, warning or error; repeatable
  --max-warnings N           Exit 1 when there are more than N warnings
  --quiet                    Report errors only
  --config FILE              Use this config instead of the nearest ${CONFIG_FILE_NAME}

Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings, 2 usage or I/O error.
`;

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v' || command === 'version') {
      io.stdout(`guardpost ${VERSION}${versionDetails()}\n`);
      return 0;
    }
    if (command === 'lint') return await lintCommand(rest, io);
    if (command === 'rules') return rulesCommand(rest, io);
    const extra = extraCommands[command];
    if (extra) return await extra.run(rest, io);
    throw new UsageError(`unknown command '${command}' (try: guardpost --help)`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      io.stderr(`guardpost: ${(error as Error).message.split('\n')[0]}\n`);
      return 2;
    }
    const e = error as NodeJS.ErrnoException;
    if (e && typeof e.code === 'string' && e.syscall) {
      io.stderr(`guardpost: ${e.code}: cannot ${e.syscall} ${e.path ?? ''}\n`);
      return 2;
    }
    throw error;
  }
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return (rel && !rel.startsWith('..') ? rel : file).split(sep).join('/');
}

/** The nearest .guardpost.yaml from `start` upwards, stopping at a git root. */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function loadConfig(path: string | undefined, io: CliIO): { config: Config; base: string } {
  if (!path) return { config: { rules: {}, ignore: [] }, base: io.cwd };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read config ${path}`);
  }
  const { config, problems } = parseConfig(text);
  for (const p of problems) io.stderr(`guardpost: ${displayPath(path, io.cwd)}: ${p}\n`);
  return { config, base: dirname(path) };
}

async function lintCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      output: { type: 'string', short: 'o' },
      fix: { type: 'boolean', default: false },
      rule: { type: 'string', multiple: true, default: [] },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      config: { type: 'string', short: 'c' },
    },
  });
  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number ≥ 0');
  }
  const cliRules: Config['rules'] = {};
  for (const r of values.rule ?? []) {
    const eq = r.lastIndexOf('=');
    const id = r.slice(0, eq);
    const level = r.slice(eq + 1);
    if (eq <= 0 || !isRuleSetting(level)) throw new UsageError(`--rule takes ID=off|info|warning|error, not '${r}'`);
    const known = allRules.some((x) => x.meta.id === id || (id.endsWith('/*') && x.meta.id.startsWith(id.slice(0, -1))));
    if (!known) throw new UsageError(`unknown rule '${id}' (see: guardpost rules)`);
    cliRules[id] = level;
  }

  const configPath = values.config ? resolve(io.cwd, values.config) : findConfigFile(io.cwd);
  const { config: fileConfig, base } = loadConfig(configPath, io);
  const config = mergeConfigs(fileConfig, { rules: cliRules });
  const ignored = ignoreMatcher(config.ignore);

  const files = collectFiles(positionals, io.cwd).filter((f) => !ignored(relative(base, f).split(sep).join('/')));
  const outcomes = await lintFiles(files, config, values.fix ?? false);
  const results: FileResult[] = [];
  let checked = 0;
  let fixedFiles = 0;
  for (const outcome of outcomes) {
    if (outcome.readError) {
      io.stderr(`guardpost: cannot read ${displayPath(outcome.file, io.cwd)}: ${outcome.readError}\n`);
      return 2;
    }
    if (outcome.fixed) fixedFiles++;
    if (outcome.kind === 'unknown' && outcome.findings.length === 0) continue;
    checked++;
    const findings = values.quiet ? outcome.findings.filter((f) => f.severity === 'error') : outcome.findings;
    results.push({ path: displayPath(outcome.file, io.cwd), kind: outcome.kind, findings });
  }

  let report: string;
  if (format === 'json') report = formatJson(results);
  else if (format === 'sarif') report = formatSarif(results, allRules, VERSION, pathToFileURL(io.cwd + sep).href);
  else report = formatText(results, checked);
  if (values.output) {
    try {
      writeFileSync(resolve(io.cwd, values.output), report);
    } catch (error) {
      throw new UsageError(`cannot write ${values.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  } else {
    io.stdout(report);
  }
  if (values.fix && format === 'text') io.stderr(`guardpost: fixed ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}\n`);

  const counts = countFindings(results);
  if (counts.error > 0) return 1;
  if (maxWarnings >= 0 && counts.warning > maxWarnings) return 1;
  return 0;
}

function rulesCommand(argv: readonly string[], io: CliIO): number {
  const { values } = parseArgs({ args: [...argv], options: { format: { type: 'string', default: 'text' } } });
  const rules = [...allRules].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  if (values.format === 'json') {
    io.stdout(JSON.stringify(rules.map((r) => ({ ...r.meta, docs: docsUrl(r.meta.id) })), null, 2) + '\n');
    return 0;
  }
  if (values.format !== 'text') throw new UsageError(`--format must be text or json, not '${values.format}'`);
  const width = Math.max(...rules.map((r) => r.meta.id.length));
  for (const r of rules) io.stdout(`${r.meta.id.padEnd(width)}  ${r.meta.defaultSeverity.padEnd(7)}  ${r.meta.fixable ? 'fix' : '   '}  ${r.meta.title}\n`);
  return 0;
}

/** Entry for bin/guardpost.js. */
export async function main(): Promise<void> {
  const io: CliIO = {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  };
  let code: number;
  try {
    code = await runCli(process.argv.slice(2), io);
  } catch (error) {
    process.stderr.write(`guardpost: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    code = 2;
  }
  process.exitCode = code;
}
