/**
 * Which files `guardpost lint` reads: explicit files always; directories walked for YAML/JSON,
 * skipping .gitignore'd paths and folders that hold build output or dependencies.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

export const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'cdk.out', '.aws-sam', '.serverless', '.terraform', '.venv', '__pycache__']);
export const LINTED_EXTENSIONS = ['.yaml', '.yml', '.json', '.template'];

export class UsageError extends Error {}

interface GitIgnoreScope {
  base: string;
  rules: Ignore;
}

function hasLintedExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return LINTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function loadGitIgnore(dir: string): GitIgnoreScope | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: dir, rules: ignore().add(text) };
}

function gitIgnored(scopes: readonly GitIgnoreScope[], path: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const rel = relative(scope.base, path).split(sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (scope.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** Parent .gitignore files from the git root down to `dir` apply too. */
function parentScopes(dir: string): GitIgnoreScope[] {
  const scopes: GitIgnoreScope[] = [];
  let current = resolve(dir);
  for (;;) {
    const parent = resolve(current, '..');
    if (parent === current) break;
    current = parent;
    const scope = loadGitIgnore(current);
    if (scope) scopes.unshift(scope);
    if (existsDir(join(current, '.git'))) break;
  }
  return scopes;
}

function existsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function walk(dir: string, scopes: GitIgnoreScope[], out: string[]): void {
  const own = loadGitIgnore(dir);
  const active = own ? [...scopes, own] : scopes;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || gitIgnored(active, path, true)) continue;
      walk(path, active, out);
    } else if (entry.isFile() && hasLintedExtension(entry.name) && !gitIgnored(active, path, false)) {
      out.push(path);
    }
  }
}

/**
 * Expands the command line's paths and globs into files. A path that does not exist and matches
 * nothing is a usage error (exit 2), so a typo in CI does not pass silently.
 */
export function collectFiles(args: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const arg of args.length ? args : ['.']) {
    const abs = resolve(cwd, arg);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      walk(abs, parentScopes(abs), files);
    } else if (stat?.isFile()) {
      files.push(abs);
    } else if (/[*?[{]/.test(arg)) {
      const matches = globFiles(arg, cwd);
      if (matches.length === 0) throw new UsageError(`no files match ${arg}`);
      files.push(...matches);
    } else {
      throw new UsageError(`no such file or directory: ${arg}`);
    }
  }
  return [...new Set(files)];
}

function globFiles(pattern: string, cwd: string): string[] {
  const normalized = pattern.replace(/\\/g, '/');
  const scan = picomatch.scan(normalized);
  const base = resolve(cwd, scan.base || '.');
  const isMatch = picomatch(normalized, { dot: false });
  const all: string[] = [];
  if (existsDir(base)) walk(base, parentScopes(base), all);
  return all.filter((f) => isMatch(relative(cwd, f).split(sep).join('/')));
}
