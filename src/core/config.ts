/**
 * Configuration: `.guardpost.yaml` at the workspace root, editor settings and CLI flags all become
 * one `Config`. Parsing is pure (text in, config and problems out); finding the file is the edges' job.
 */
import picomatch from 'picomatch';
import { parse as parseYamlValue } from 'yaml';
import { SEVERITIES, type Severity } from './types';

export type RuleSetting = Severity | 'off';

export interface Config {
  /** Per-rule severity or `off`; a `family/*` key applies to the whole family. */
  rules: Record<string, RuleSetting>;
  /** Globs (relative to the config's folder) of paths not to lint. */
  ignore: string[];
}

export const EMPTY_CONFIG: Config = { rules: {}, ignore: [] };

export const CONFIG_FILE_NAME = '.guardpost.yaml';

export function isRuleSetting(value: unknown): value is RuleSetting {
  return value === 'off' || (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value));
}

/** Parses `.guardpost.yaml`. Unknown keys and bad values are reported, never fatal. */
export function parseConfig(text: string): { config: Config; problems: string[] } {
  const problems: string[] = [];
  const config: Config = { rules: {}, ignore: [] };
  let raw: unknown;
  try {
    raw = parseYamlValue(text, { maxAliasCount: 10 });
  } catch (error) {
    return { config, problems: [`cannot parse ${CONFIG_FILE_NAME}: ${(error as Error).message.split('\n')[0]}`] };
  }
  if (raw === null || raw === undefined) return { config, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { config, problems: [`${CONFIG_FILE_NAME} must be a mapping`] };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'rules') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push('`rules` must map rule ids to off, info, warning or error');
        continue;
      }
      for (const [rule, setting] of Object.entries(value as Record<string, unknown>)) {
        const normalized = setting === false ? 'off' : setting;
        if (isRuleSetting(normalized)) config.rules[rule] = normalized;
        else problems.push(`rules.${rule}: expected off, info, warning or error, got ${JSON.stringify(setting)}`);
      }
    } else if (key === 'ignore') {
      const list = Array.isArray(value) ? value : [value];
      for (const glob of list) {
        if (typeof glob === 'string' && glob.trim()) config.ignore.push(glob.trim());
        else problems.push(`ignore: expected glob strings, got ${JSON.stringify(glob)}`);
      }
    } else {
      problems.push(`unknown key \`${key}\` (expected rules, ignore)`);
    }
  }
  return { config, problems };
}

/** Later configs win, rule by rule; ignore lists add up. */
export function mergeConfigs(...configs: (Partial<Config> | undefined)[]): Config {
  const out: Config = { rules: {}, ignore: [] };
  for (const c of configs) {
    if (!c) continue;
    Object.assign(out.rules, c.rules ?? {});
    out.ignore.push(...(c.ignore ?? []));
  }
  return out;
}

/** The setting for a rule: its own key, else its family's `family/*`, else undefined (the default). */
export function ruleSetting(config: Config, ruleId: string): RuleSetting | undefined {
  const own = config.rules[ruleId];
  if (own) return own;
  const slash = ruleId.indexOf('/');
  return slash > 0 ? config.rules[`${ruleId.slice(0, slash)}/*`] : undefined;
}

/** A matcher for ignore globs, on '/'-separated paths relative to the config's folder. */
export function ignoreMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  if (globs.length === 0) return () => false;
  const patterns = globs.flatMap((g) => {
    const clean = g.replace(/^\.\//, '').replace(/\/$/, '');
    // `dir` and `dir/` mean everything under it, as in .gitignore.
    return clean.includes('*') ? [clean] : [clean, `${clean}/**`];
  });
  const isMatch = picomatch(patterns, { dot: true, matchBase: false });
  const names = globs.filter((g) => !g.includes('/'));
  const base = names.length ? picomatch(names, { dot: true, basename: true }) : () => false;
  return (path) => {
    const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
    return isMatch(p) || base(p);
  };
}
