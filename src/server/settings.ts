/**
 * Editor settings and workspace folders, as the server sees them. Pure: raw values in, checked
 * values out, so a bad setting never reaches the engine.
 */
import { ignoreMatcher, isRuleSetting, mergeConfigs, parseConfig, type Config, type RuleSetting } from '../core/config';
import { detectLanguage } from '../core/parse';
import type { SourceLanguage } from '../core/types';

export interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** Rule id or `family/*` to a severity or off. */
  rules: Record<string, RuleSetting>;
  /** Globs, relative to the workspace folder, of files not to lint. */
  exclude: string[];
}

export const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType', rules: {}, exclude: [] };

/** Reads the `guardpost` settings section, keeping only well-formed values. */
export function normalizeSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const settings: Settings = { enable: true, run: 'onType', rules: {}, exclude: [] };
  if (raw === null || typeof raw !== 'object') return { settings, problems };
  const r = raw as Record<string, unknown>;
  if (typeof r.enable === 'boolean') settings.enable = r.enable;
  if (r.run === 'onSave' || r.run === 'onType') settings.run = r.run;
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    for (const [id, value] of Object.entries(r.rules as Record<string, unknown>)) {
      if (isRuleSetting(value)) settings.rules[id] = value;
      else problems.push(`guardpost.rules: ${id}: expected off, info, warning or error, got ${JSON.stringify(value)}`);
    }
  }
  if (Array.isArray(r.exclude)) {
    for (const glob of r.exclude) {
      if (typeof glob === 'string' && glob.trim()) settings.exclude.push(glob.trim());
    }
  }
  return { settings, problems };
}

/** A workspace folder and its `.guardpost.yaml`, when it has one. */
export interface Folder {
  uri: string;
  config: Config;
}

export function folderFromConfigText(uri: string, text: string | null | undefined): { folder: Folder; problems: string[] } {
  if (text === null || text === undefined) return { folder: { uri, config: { rules: {}, ignore: [] } }, problems: [] };
  const { config, problems } = parseConfig(text);
  return { folder: { uri, config }, problems };
}

/** The innermost folder holding `uri`, and the '/'-separated path of `uri` inside it. */
export function locate(uri: string, folders: readonly Folder[]): { folder: Folder; relative: string } | undefined {
  let best: { folder: Folder; relative: string } | undefined;
  for (const folder of folders) {
    const base = folder.uri.endsWith('/') ? folder.uri : `${folder.uri}/`;
    if (!uri.startsWith(base)) continue;
    if (best && best.folder.uri.length >= folder.uri.length) continue;
    best = { folder, relative: safeDecode(uri.slice(base.length).split(/[?#]/)[0]) };
  }
  return best;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Settings win over the folder's `.guardpost.yaml`, rule by rule. */
export function effectiveConfig(settings: Settings, folder: Folder | undefined): Config {
  return mergeConfigs(folder?.config, { rules: settings.rules, ignore: settings.exclude });
}

const matchers = new Map<string, (path: string) => boolean>();

/** Whether a file is excluded by `guardpost.exclude` or the folder config's `ignore`. Files outside any folder never are. */
export function isExcluded(uri: string, folders: readonly Folder[], config: Config): boolean {
  const where = locate(uri, folders);
  if (!where || config.ignore.length === 0) return false;
  const key = JSON.stringify(config.ignore);
  let match = matchers.get(key);
  if (!match) {
    if (matchers.size > 50) matchers.clear();
    match = ignoreMatcher(config.ignore);
    matchers.set(key, match);
  }
  return match(where.relative);
}

/** The language to parse a document as: from the editor's language id, else from the name and text. */
export function languageOf(languageId: string | undefined, uri: string, text: string): SourceLanguage {
  if (languageId === 'json' || languageId === 'jsonc') return 'json';
  if (languageId === 'yaml') return 'yaml';
  return detectLanguage(text, uri.split(/[?#]/)[0]);
}

/** Directories the workspace lint never walks into (as the CLI). */
export const SKIPPED_DIRECTORIES = ['node_modules', '.git', 'cdk.out', '.aws-sam', '.serverless'] as const;

/** Rule ids and `family/*` keys of a config or setting that name no rule (a typo silently does nothing otherwise). */
export function unknownRuleKeys(rules: Record<string, unknown>, knownIds: readonly string[]): string[] {
  const families = new Set(knownIds.map((id) => id.slice(0, id.indexOf('/'))));
  return Object.keys(rules).filter((key) => {
    if (key === '*') return false;
    if (key.endsWith('/*')) return !families.has(key.slice(0, -2));
    return !knownIds.includes(key);
  });
}

/** Problems of a `.guardpost.yaml` text, unknown rule ids included. */
export function configProblems(text: string, knownIds: readonly string[]): string[] {
  const { config, problems } = parseConfig(text);
  return [...problems, ...unknownRuleKeys(config.rules, knownIds).map((key) => `rules: \`${key}\` is not a Guardpost rule or family`)];
}
