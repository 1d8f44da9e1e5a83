/**
 * `guardpost routes [paths...] [--format text|json] [--open]`: the route table of the given files
 * (directories and globs are expanded by `io.listFiles`, when given). Exit 0, or 2 on a usage error or
 * a file that cannot be read.
 */
import { parseArgs } from 'node:util';
import { formatRouteTable, listRoutes, type RouteRow } from '../../core/routes-table';

export interface RoutesIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file as UTF-8; throws when it cannot. */
  readFile(path: string): string;
  /** How a path is shown (e.g. relative to the working directory); the path itself by default. */
  displayPath?(path: string): string;
  /**
   * Expands the arguments (directories, globs; none meaning `.`) into files, as `lint` does. Without
   * it, the arguments are taken as file paths.
   */
  listFiles?(args: readonly string[]): string[];
}

export const ROUTES_USAGE = '[paths...] [--format text|json] [--open]';
export const ROUTES_SUMMARY = 'List every API route with its authorization';

export function routesCommand(argv: readonly string[], io: RoutesIO): number {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { format: { type: 'string', default: 'text' }, open: { type: 'boolean', default: false } } });
  } catch (error) {
    io.stderr(`guardpost routes: ${(error as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.stderr(`guardpost routes: --format must be text or json, not '${format}'\n`);
    return 2;
  }
  let files: readonly string[];
  try {
    files = io.listFiles ? io.listFiles(positionals) : positionals;
  } catch (error) {
    io.stderr(`guardpost routes: ${(error as Error).message}\n`);
    return 2;
  }
  const rows: RouteRow[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = io.readFile(file);
    } catch (error) {
      io.stderr(`guardpost routes: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 2;
    }
    rows.push(...listRoutes(text, io.displayPath ? io.displayPath(file) : file));
  }
  const shown = values.open ? rows.filter((r) => r.open) : rows;
  io.stdout(format === 'json' ? `${JSON.stringify(shown, null, 2)}\n` : formatRouteTable(shown));
  return 0;
}
