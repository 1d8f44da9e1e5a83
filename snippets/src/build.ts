/**
 * Builds snippets/yaml.json and snippets/json.json from the readable sources in this folder.
 *
 * CloudFormation/SAM snippets are written once, in YAML (cloudformation.yaml); their JSON twins are
 * derived here so both languages always offer the same secure pattern. Serverless snippets exist
 * only in YAML (serverless.yaml), IAM policy snippets only in JSON (iam-json.yaml holds them as
 * block-literal bodies). Run: `node --import tsx snippets/src/build.ts` (test/snippets checks the
 * generated files are current).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parse, parseDocument, type CollectionTag, type Node as YamlNode, type ScalarTag } from 'yaml';
import { INTRINSIC_SHORT_TAGS, longFormName } from '../../src/core/intrinsic-names';

/** Where a snippet's test inserts it (see test/snippets/hosts.ts). */
export type HostKind =
  | 'cloudformation-resources'
  | 'sam-resources'
  | 'serverless-functions'
  | 'serverless-provider'
  | 'serverless-root'
  | 'iam-statement'
  | 'iam-document';

export interface SnippetSource {
  /** Title shown in the snippet picker (without the family label). */
  title: string;
  prefix: string[];
  description: string;
  host: HostKind;
  /** Snippet body in VS Code snippet syntax. */
  body: string;
}

export interface VsCodeSnippet {
  prefix: string[];
  body: string[];
  description: string;
}

export interface BuiltSnippet extends SnippetSource {
  /** Key in the snippet file. */
  name: string;
  language: 'yaml' | 'json';
}

const HERE = __dirname;
const SNIPPETS_DIR = join(HERE, '..');

/** Reads a source file: a map of id -> {title, prefix, description, host, body}. */
function readSources(file: string): SnippetSource[] {
  const raw = parse(readFileSync(join(HERE, file), 'utf8')) as Record<string, Partial<SnippetSource> & { prefix?: string | string[] }>;
  return Object.entries(raw).map(([id, s]) => {
    if (!s.title || !s.prefix || !s.description || !s.host || typeof s.body !== 'string') throw new Error(`snippet ${id} in ${file} lacks a field`);
    const prefix = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
    if (!prefix.every((p) => p.startsWith('gp-'))) throw new Error(`snippet ${id}: every prefix starts with gp-`);
    return { title: s.title, prefix, description: s.description, host: s.host, body: s.body.replace(/\n+$/, '') };
  });
}

/** Every snippet, in the order of the source files, with its generated twins. */
export function buildAll(): BuiltSnippet[] {
  const out: BuiltSnippet[] = [];
  for (const s of readSources('cloudformation.yaml')) {
    const label = s.host === 'sam-resources' ? 'SAM' : 'CloudFormation';
    out.push({ ...s, name: `${label}: ${s.title}`, language: 'yaml' });
    out.push({ ...s, name: `${label} (JSON): ${s.title}`, language: 'json', body: cloudFormationYamlToJson(s.body) });
  }
  for (const s of readSources('serverless.yaml')) out.push({ ...s, name: `serverless.yml: ${s.title}`, language: 'yaml' });
  for (const s of readSources('iam-json.yaml')) out.push({ ...s, name: `IAM policy: ${s.title}`, language: 'json' });
  return out;
}

/** The content of one snippet file (language id yaml or json). */
export function snippetFile(all: BuiltSnippet[], language: 'yaml' | 'json'): Record<string, VsCodeSnippet> {
  const file: Record<string, VsCodeSnippet> = {};
  for (const s of all.filter((x) => x.language === language)) {
    if (file[s.name]) throw new Error(`duplicate snippet name ${s.name}`);
    file[s.name] = { prefix: s.prefix, body: s.body.split('\n'), description: s.description };
  }
  return file;
}

export function renderFile(all: BuiltSnippet[], language: 'yaml' | 'json'): string {
  return `${JSON.stringify(snippetFile(all, language), null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// YAML -> JSON for CloudFormation snippet bodies.

/** A piece of snippet syntax lifted out of the text so that YAML can parse the rest. */
interface Span {
  raw: string;
  kind: 'escape' | 'tabstop' | 'placeholder' | 'choice' | 'variable';
  index?: number;
  /** Placeholder default or choice options, unescaped. */
  options?: string[];
}

const marker = (i: number) => `gpmk${i}x`;
const MARKER = /gpmk(\d+)x/g;

/** Replaces every snippet construct with a marker; returns the marked text and the spans. */
export function liftSnippetSyntax(body: string): { text: string; spans: Span[] } {
  const spans: Span[] = [];
  let text = '';
  let i = 0;
  const push = (span: Span) => {
    text += marker(spans.length);
    spans.push(span);
  };
  while (i < body.length) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
      push({ raw: body.slice(i, i + 2), kind: 'escape' });
      i += 2;
    } else if (c === '$' && /[0-9]/.test(body[i + 1] ?? '')) {
      const m = /^\$(\d+)/.exec(body.slice(i))!;
      push({ raw: m[0], kind: 'tabstop', index: Number(m[1]) });
      i += m[0].length;
    } else if (c === '$' && /[A-Z_a-z]/.test(body[i + 1] ?? '')) {
      const m = /^\$[A-Z_a-z][A-Z_a-z0-9]*/.exec(body.slice(i))!;
      push({ raw: m[0], kind: 'variable' });
      i += m[0].length;
    } else if (c === '$' && body[i + 1] === '{') {
      const end = closingBrace(body, i + 2);
      const raw = body.slice(i, end + 1);
      push(describe(raw));
      i = end + 1;
    } else {
      text += c;
      i++;
    }
  }
  return { text, spans };
}

function closingBrace(body: string, from: number): number {
  let depth = 0;
  for (let j = from; j < body.length; j++) {
    const c = body[j];
    if (c === '\\') {
      j++;
    } else if (c === '$' && body[j + 1] === '{') {
      depth++;
      j++;
    } else if (c === '}') {
      if (depth === 0) return j;
      depth--;
    }
  }
  throw new Error(`unclosed \${ in snippet: ${body.slice(from - 2, from + 40)}`);
}

function describe(raw: string): Span {
  const inner = raw.slice(2, -1);
  let m = /^(\d+)$/.exec(inner);
  if (m) return { raw, kind: 'tabstop', index: Number(m[1]) };
  m = /^(\d+):([\s\S]*)$/.exec(inner);
  if (m) return { raw, kind: 'placeholder', index: Number(m[1]), options: [m[2].replace(/\\([$}\\])/g, '$1')] };
  m = /^(\d+)\|([\s\S]*)\|$/.exec(inner);
  if (m) {
    const options = m[2].split(/(?<!\\),/).map((o) => o.replace(/\\([,|\\$}])/g, '$1'));
    return { raw, kind: 'choice', index: Number(m[1]), options };
  }
  return { raw, kind: 'variable' };
}

const CFN_TAGS: (ScalarTag | CollectionTag)[] = INTRINSIC_SHORT_TAGS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value } as ScalarTag,
  { tag: `!${name}`, collection: 'seq', resolve: (value: unknown) => value } as unknown as CollectionTag,
  { tag: `!${name}`, collection: 'map', resolve: (value: unknown) => value } as unknown as CollectionTag,
]);

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** YAML node -> JSON value, short-form tags -> long form (`!GetAtt A.B` -> `{"Fn::GetAtt": ["A", "B"]}`). */
function toJson(node: YamlNode | null): Json {
  if (node === null) return null;
  let value: Json;
  if (isMap(node)) {
    const obj: { [key: string]: Json } = {};
    for (const pair of node.items) obj[String(isScalar(pair.key) ? pair.key.value : pair.key)] = toJson(pair.value as YamlNode | null);
    value = obj;
  } else if (isSeq(node)) {
    value = node.items.map((item) => toJson(item as YamlNode | null));
  } else if (isScalar(node)) {
    value = node.value as Json;
  } else {
    throw new Error('aliases are not used in snippets');
  }
  const tag = node.tag;
  if (tag && tag.startsWith('!')) {
    const name = tag.slice(1);
    if (name === 'GetAtt' && typeof value === 'string') {
      const dot = value.indexOf('.');
      value = [value.slice(0, dot), value.slice(dot + 1)];
    }
    return { [longFormName(name)]: value };
  }
  return value;
}

/** JSON.stringify(value, null, 2), except that short lists of scalars (`Fn::GetAtt` pairs) stay on one line. */
function pretty(value: Json, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const line = compact(value);
    if (value.every((v) => v === null || typeof v !== 'object') && line.length <= 60) return line;
    return `[\n${value.map((v) => inner + pretty(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** JSON text of a short value on one line, arrays spaced like the rest of the file. */
function compact(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(compact).join(', ')}]`;
  return JSON.stringify(value);
}

/** Converts a CloudFormation snippet body written in YAML into the same snippet for a JSON template. */
export function cloudFormationYamlToJson(body: string): string {
  // The final cursor sits after the last value; YAML cannot parse a marker glued to a quoted scalar.
  const final = body.endsWith('$0') ? '$0' : '';
  const { text, spans } = liftSnippetSyntax(final ? body.slice(0, -2) : body);
  const doc = parseDocument(text, { customTags: CFN_TAGS });
  if (doc.errors.length) throw new Error(`snippet YAML does not parse: ${doc.errors[0].message}\n${body}`);
  const value = toJson(doc.contents as YamlNode);
  // Snippet syntax: a backslash in the JSON text must be doubled to stay a backslash.
  let json = pretty(value, '').replace(/\\/g, '\\\\');

  // How each placeholder index renders as a whole JSON value: quoted (string) or not.
  const definitions = new Map<number, Span>();
  for (const s of spans) if (s.index !== undefined && s.options && !definitions.has(s.index)) definitions.set(s.index, s);

  json = json.replace(/"gpmk(\d+)x"/g, (_, n: string) => wholeValue(spans[Number(n)], definitions));
  json = json.replace(MARKER, (_, n: string) => {
    const span = spans[Number(n)];
    if (span.options?.some((o) => /["\\]/.test(o))) throw new Error(`placeholder inside a JSON string cannot hold quotes: ${span.raw}`);
    return span.raw;
  });
  const lines = json.split('\n');
  if (lines[0] !== '{' || lines[lines.length - 1] !== '}') throw new Error('a CloudFormation snippet is a map of resources');
  return lines
    .slice(1, -1)
    .map((l) => l.slice(2))
    .join('\n') + final;
}

function wholeValue(span: Span, definitions: Map<number, Span>): string {
  if (span.kind === 'escape' || span.kind === 'variable') return `"${span.raw}"`;
  const definition = span.options ? span : definitions.get(span.index!);
  if (!definition?.options) return `"${span.raw}"`; // a bare tab stop: the user types a string
  const converted = definition.options.map((o) => compact(toJson(parseDocument(o, { customTags: CFN_TAGS }).contents as YamlNode)));
  const quoted = converted.every((c) => c.startsWith('"'));
  if (span !== definition) return quoted ? `"${span.raw}"` : span.raw;
  const esc = (s: string, extra: string) => s.replace(new RegExp(`[\\\\$}${extra}]`, 'g'), (c) => `\\${c}`);
  if (span.kind === 'placeholder') {
    const text = quoted ? converted[0].slice(1, -1) : converted[0];
    const body = `\${${span.index}:${esc(text, '')}}`;
    return quoted ? `"${body}"` : body;
  }
  const options = converted.map((c) => esc(quoted ? c.slice(1, -1) : c, ',|'));
  const body = `\${${span.index}|${options.join(',')}|}`;
  return quoted ? `"${body}"` : body;
}

if (require.main === module) {
  const all = buildAll();
  writeFileSync(join(SNIPPETS_DIR, 'yaml.json'), renderFile(all, 'yaml'));
  writeFileSync(join(SNIPPETS_DIR, 'json.json'), renderFile(all, 'json'));
  console.log(`wrote ${all.filter((s) => s.language === 'yaml').length} YAML and ${all.filter((s) => s.language === 'json').length} JSON snippets`);
}
