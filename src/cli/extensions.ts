/**
 * Commands and version details that other parts of the project contribute to the CLI
 * (`guardpost routes`, the IAM catalogue's data date), kept apart from the core command set.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { catalogInfo } from '../core/iam/catalog';
import { routesCommand, ROUTES_SUMMARY, ROUTES_USAGE } from './commands/routes';
import { collectFiles } from './files';
import type { CliIO } from './main';

export interface ExtraCommand {
  usage: string;
  summary: string;
  run(argv: readonly string[], io: CliIO): number | Promise<number>;
}

/** Splits argv into positionals and the rest, so directories and globs can be expanded here. */
function expandPositionals(argv: readonly string[], cwd: string, valued: readonly string[]): string[] {
  const options: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('-')) {
      options.push(a);
      if (valued.includes(a) && i + 1 < argv.length) options.push(argv[++i]);
    } else paths.push(a);
  }
  return [...options, ...collectFiles(paths, cwd)];
}

export const extraCommands: Record<string, ExtraCommand> = {
  routes: {
    usage: ROUTES_USAGE,
    summary: ROUTES_SUMMARY,
    run(argv, io) {
      return routesCommand(expandPositionals(argv, io.cwd, ['--format']), {
        stdout: io.stdout,
        stderr: io.stderr,
        readFile: (p) => readFileSync(p, 'utf8'),
        displayPath: (p) => {
          const rel = relative(io.cwd, p);
          return (rel && !rel.startsWith('..') ? rel : p).split(sep).join('/');
        },
      });
    },
  },
};

/** Appended to `guardpost --version`: the IAM catalogue's data date. */
export function versionDetails(): string {
  const info = catalogInfo();
  return ` (IAM catalogue ${info.dataDate}: ${info.services} services, ${info.actions} actions)`;
}
