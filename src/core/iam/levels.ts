/** Access-level arithmetic over catalogue actions: counts for messages, one-level replacements for fixes. */
import { ACCESS_LEVELS, expandActionPattern, levelTotals, type AccessLevel, type ActionInfo } from './catalog';

export type LevelCounts = Record<AccessLevel, number>;

export function countLevels(actions: readonly ActionInfo[]): LevelCounts {
  const counts: LevelCounts = { Read: 0, List: 0, Write: 0, 'Permissions management': 0, Tagging: 0 };
  for (const a of actions) counts[a.level]++;
  return counts;
}

let everything: { total: number; counts: LevelCounts } | undefined;

/** Counts for `Action: "*"`, without keeping every action decoded longer than needed. */
export function everyActionCounts(): { total: number; counts: LevelCounts } {
  everything ??= levelTotals();
  return everything;
}

/** "N Write and N Permissions management" (the dangerous levels that are present). */
export function dangerousSummary(counts: LevelCounts): string {
  const parts: string[] = [];
  if (counts.Write) parts.push(`${counts.Write} Write`);
  if (counts['Permissions management']) parts.push(`${counts['Permissions management']} Permissions management`);
  return parts.join(' and ');
}

/** A telling example of what a wildcard grants: a permissions-management action (a *Policy one first), else a write. */
export function exampleAction(actions: readonly ActionInfo[]): ActionInfo | undefined {
  const pm = actions.filter((a) => a.level === 'Permissions management');
  const pool = pm.length ? pm : actions.filter((a) => a.level === 'Write');
  const rank = (a: ActionInfo): number => (/^Put\w*Policy$/.test(a.name) ? 0 : /Policy$/.test(a.name) ? 1 : 2);
  return [...pool].sort((x, y) => rank(x) - rank(y) || x.name.length - y.name.length || x.name.localeCompare(y.name))[0];
}

/** The levels present in an expansion, in catalogue order. */
export function levelsPresent(actions: readonly ActionInfo[]): AccessLevel[] {
  const counts = countLevels(actions);
  return ACCESS_LEVELS.filter((l) => counts[l] > 0);
}

/**
 * The actions of `expansion` at one level, as short as exactness allows: `s3:Get*` when every
 * action that pattern matches is of that level and was already granted; otherwise each action by name.
 * Write and Permissions management are always listed by name, so the result is no wildcard the
 * rule would flag again.
 */
export function levelReplacement(expansion: readonly ActionInfo[], level: AccessLevel): string[] {
  const granted = new Set(expansion.map((a) => a.id));
  const chosen = expansion.filter((a) => a.level === level);
  const compress = level === 'Read' || level === 'List' || level === 'Tagging';
  const out: string[] = [];
  const done = new Set<string>();
  for (const a of chosen) {
    const verb = /^[A-Z][a-z]+/.exec(a.name)?.[0];
    const key = `${a.service}:${verb}`;
    if (compress && verb && !done.has(key)) {
      done.add(key);
      const matched = expandActionPattern(`${a.service}:${verb}*`);
      if (matched.length > 1 && matched.every((m) => m.level === level && granted.has(m.id))) {
        out.push(`${a.service}:${verb}*`);
        continue;
      }
    }
    if (compress && verb && out.includes(`${a.service}:${verb}*`)) continue;
    out.push(a.id);
  }
  return [...new Set(out)].sort();
}
