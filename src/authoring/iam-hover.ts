/**
 * IAM hovers, as pure functions of the text and an offset (the language server translates positions):
 * on an action, what it does, its access level, resource types and condition keys; on a wildcard, how
 * many actions it grants by access level and which (collapsed when long); on a condition key, what it is.
 * Finds policies the way rules do (extractPolicies), so hovers work in every file kind Guardpost reads.
 */
import { literalString, type MapNode, type Node } from '../core/ast';
import { classify } from '../core/classify';
import { ACCESS_LEVELS, actionInfo, catalogInfo, expandActionPattern, isPattern, serviceActions, serviceInfo, type AccessLevel, type ActionInfo } from '../core/iam/catalog';
import { actionDescription } from '../core/iam/descriptions';
import { alternatives } from '../core/intrinsics';
import { extractPolicies, type Statement } from '../core/model/policies';
import { ServerlessService } from '../core/model/serverless';
import { Template } from '../core/model/template';
import { detectLanguage, parseDocument } from '../core/parse';
import type { FileKind, SourceLanguage } from '../core/types';
import { GLOBAL_CONDITION_KEYS } from './global-condition-keys';

export interface AuthoringOptions {
  /** Used to guess the language; never read. */
  path?: string;
  language?: SourceLanguage;
  /** The file kind, when the caller has classified the document already (completion then skips parsing it). */
  kind?: FileKind;
}

/** Markdown to show, and the range (offsets) it is about. */
export interface IamHover {
  markdown: string;
  start: number;
  end: number;
}

/** Access levels from the most to the least dangerous, the order hovers list them in. */
const LEVEL_ORDER: readonly AccessLevel[] = ['Permissions management', 'Write', 'Tagging', 'Read', 'List'];
/** A wildcard granting at most this many actions lists them all; above, each level shows its first few. */
const LIST_ALL_UP_TO = 30;
const PER_LEVEL_WHEN_COLLAPSED = 8;
const CONDITION_KEYS_SHOWN = 12;

/** Every IAM statement of the text, with the element it sits in. */
export function statementsOf(text: string, options: AuthoringOptions = {}): Statement[] {
  const language = options.language ?? detectLanguage(text, options.path);
  const doc = parseDocument(text, language);
  const out: Statement[] = [];
  for (const root of doc.roots) {
    const kind = classify(root);
    if (kind === 'unknown') continue;
    const template = (kind === 'cloudformation' || kind === 'sam') && root.kind === 'map' ? new Template(root, kind) : undefined;
    const serverless = kind === 'serverless' && root.kind === 'map' ? new ServerlessService(root) : undefined;
    for (const policy of extractPolicies({ kind, root, template, serverless })) out.push(...policy.statements);
  }
  return out;
}

const within = (node: Node, offset: number) => offset >= (node.tagStart ?? node.start) && offset <= node.end;

export function iamHoverAt(text: string, offset: number, options: AuthoringOptions = {}): IamHover | undefined {
  for (const statement of statementsOf(text, options)) {
    if (!within(statement.node, offset)) continue;
    for (const [element, name] of [[statement.action, 'Action'], [statement.notAction, 'NotAction']] as const) {
      if (!element || !within(element.node, offset)) continue;
      for (const item of element.items) {
        for (const node of alternatives(item.node)) {
          const value = literalString(node);
          if (value === undefined || !within(node, offset)) continue;
          const markdown = isPattern(value) ? wildcardHoverMarkdown(value) : actionHoverMarkdown(value);
          const note = name === 'NotAction' && statement.effect === 'Allow' ? '\n\n_In `NotAction` of an Allow statement: the statement allows every action **except** these._' : '';
          return { markdown: markdown + note, start: node.start, end: node.end };
        }
      }
    }
    const key = conditionKeyAt(statement.condition, offset);
    if (key) return { markdown: conditionKeyHoverMarkdown(key.value), start: key.node.start, end: key.node.end };
  }
  return undefined;
}

function conditionKeyAt(condition: MapNode | undefined, offset: number): { node: Node; value: string } | undefined {
  if (!condition || !within(condition, offset)) return undefined;
  for (const operator of condition.pairs) {
    if (operator.value.kind !== 'map') continue;
    for (const pair of operator.value.pairs) {
      const value = literalString(pair.key);
      if (value !== undefined && within(pair.key, offset)) return { node: pair.key, value };
    }
  }
  return undefined;
}

/** Hover for one action name (`s3:GetObject`). */
export function actionHoverMarkdown(action: string): string {
  const info = actionInfo(action);
  if (!info) return unknownAction(action);
  const lines = [`**\`${info.id}\`** · ${info.level}`];
  const description = actionDescription(info.id);
  if (description) lines.push(description);
  lines.push(
    info.resourceTypes.length > 0
      ? `**Resource types:** ${info.resourceTypes.map((t) => (t.arn ? `\`${t.name}\` (\`${t.arn}\`)` : `\`${t.name}\``)).join(', ')}`
      : '**Resource:** only `"*"`: this action does not support resource-level permissions',
  );
  if (info.conditionKeys.length > 0) lines.push(`**Condition keys:** ${collapse(info.conditionKeys.map((k) => `\`${k}\``), CONDITION_KEYS_SHOWN)}`);
  return lines.join('\n\n');
}

/** Hover for a wildcard (`s3:Put*`, `*`): how many actions, by access level, and which. */
export function wildcardHoverMarkdown(pattern: string): string {
  const actions = expandActionPattern(pattern);
  if (actions.length === 0) return `**\`${pattern}\`** matches no action in the IAM catalogue (data of ${catalogInfo().dataDate}): check the service prefix and spelling.`;
  const byLevel = new Map<AccessLevel, ActionInfo[]>(ACCESS_LEVELS.map((l) => [l, []]));
  for (const a of actions) byLevel.get(a.level)!.push(a);
  const levels = LEVEL_ORDER.filter((l) => byLevel.get(l)!.length > 0);
  const services = new Set(actions.map((a) => a.service));
  const scope = services.size === 1 ? `of ${serviceInfo([...services][0])?.name ?? [...services][0]}` : `in ${services.size} services`;
  const lines = [
    `**\`${pattern}\`** grants ${plural(actions.length, 'action')} ${scope}: ${levels.map((l) => `${byLevel.get(l)!.length} ${l}`).join(', ')}`,
  ];
  const collapsed = actions.length > LIST_ALL_UP_TO;
  for (const level of levels) {
    const names = byLevel.get(level)!.map((a) => `\`${a.id}\``);
    lines.push(`**${level}** (${names.length}): ${collapsed ? collapse(names, PER_LEVEL_WHEN_COLLAPSED) : names.join(', ')}`);
  }
  return lines.join('\n\n');
}

/** Hover for a condition key: a global key's meaning, or which service and how many of its actions support it. */
export function conditionKeyHoverMarkdown(key: string): string {
  const global = globalKey(key);
  if (global) return `**\`${key}\`** · global condition key\n\n${GLOBAL_CONDITION_KEYS[global]}`;
  const colon = key.indexOf(':');
  const service = colon > 0 ? serviceInfo(key.slice(0, colon)) : undefined;
  if (!service) return `**\`${key}\`**: not a condition key of the IAM catalogue (data of ${catalogInfo().dataDate}).`;
  const template = service.conditionKeys.find((k) => keyMatches(k, key));
  if (!template) return `**\`${key}\`**: ${service.name} has no such condition key (data of ${catalogInfo().dataDate}).`;
  const users = serviceActions(service.prefix).filter((a) => a.conditionKeys.includes(template));
  const which = users.length > 0 ? `, supported by ${plural(users.length, 'action')}: ${collapse(users.map((a) => `\`${a.id}\``), CONDITION_KEYS_SHOWN)}` : '';
  return `**\`${key}\`** · condition key of ${service.name}${which}`;
}

function globalKey(key: string): string | undefined {
  return Object.keys(GLOBAL_CONDITION_KEYS).find((k) => keyMatches(k, key));
}

/** `aws:PrincipalTag/${TagKey}` and `s3:ExistingObjectTag/<key>` match any tag key; names compare case-insensitively. */
function keyMatches(template: string, key: string): boolean {
  const variable = /\$\{[^}]*\}|<[^>]*>/.exec(template);
  if (!variable) return template.toLowerCase() === key.toLowerCase();
  const head = template.slice(0, variable.index).toLowerCase();
  return key.toLowerCase().startsWith(head) && key.length > head.length;
}

function unknownAction(action: string): string {
  const colon = action.indexOf(':');
  const service = colon > 0 ? serviceInfo(action.slice(0, colon)) : undefined;
  if (colon > 0 && !service) return `**\`${action}\`**: \`${action.slice(0, colon)}\` is not an AWS service prefix in the IAM catalogue (data of ${catalogInfo().dataDate}).`;
  return `**\`${action}\`** is not an action of ${service?.name ?? 'the IAM catalogue'} (data of ${catalogInfo().dataDate}): check the spelling; the policy grants nothing for it.`;
}

function collapse(items: string[], shown: number): string {
  return items.length <= shown ? items.join(', ') : `${items.slice(0, shown).join(', ')} … and ${items.length - shown} more`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
