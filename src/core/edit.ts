/**
 * Style-aware text edits for fixes. Fixes are edits on the original text built from node ranges;
 * this module renders values in the file's language (YAML short-form tags or JSON long form),
 * indentation and quoting, so a fix reads as if the user had written it.
 */
import { nodeStart, type MapNode, type Node, type SeqNode, type ScalarNode } from './ast';
import type { OffsetEdit } from './rule';
import type { LineIndex } from './text';
import type { SourceLanguage } from './types';

/** A CloudFormation intrinsic to write: `new Intrinsic('GetAtt', 'Orders.Arn')`. */
export class Intrinsic {
  constructor(
    /** Short name: Ref, GetAtt, Sub, Join, If... */
    readonly name: string,
    readonly argument: Emit,
  ) {}
}

/** A value a fix writes. Plain objects keep their key order. */
export type Emit = string | number | boolean | null | Intrinsic | Emit[] | { [key: string]: Emit };

export const ref = (name: string): Intrinsic => new Intrinsic('Ref', name);
export const getAtt = (resource: string, attribute: string): Intrinsic => new Intrinsic('GetAtt', `${resource}.${attribute}`);
export const sub = (template: string): Intrinsic => new Intrinsic('Sub', template);

const YAML_RESERVED = /^(?:true|false|yes|no|on|off|null|~|y|n)$/i;
const YAML_NUMBER = /^[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.\d+|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i;

export class Editor {
  private unit: string | undefined;
  private quote: "'" | '"' | undefined;

  constructor(
    readonly text: string,
    readonly language: SourceLanguage,
    readonly lines: LineIndex,
  ) {}

  /** The file's indentation step (two spaces unless the file shows otherwise). */
  get indentUnit(): string {
    if (this.unit === undefined) this.unit = detectIndentUnit(this.text, this.language);
    return this.unit;
  }

  /** The quote the file prefers for strings that need one. */
  get preferredQuote(): "'" | '"' {
    if (this.quote === undefined) {
      if (this.language === 'json') this.quote = '"';
      else {
        const single = this.text.indexOf("'");
        const double = this.text.indexOf('"');
        this.quote = double !== -1 && (single === -1 || double < single) ? '"' : "'";
      }
    }
    return this.quote;
  }

  /** Indentation of the line a node starts on. */
  indentAt(offset: number): string {
    return this.lines.indentation(this.lines.position(offset).line);
  }

  /**
   * Indentation of the key on the line of an offset: for `  - http: GET x` that is the column of
   * `http` (4), not the line's indentation (2), so a block written under the key nests under it.
   */
  keyIndentAt(offset: number): string {
    const line = this.lines.lineText(this.lines.position(offset).line);
    const m = /^[ \t]*(?:-[ \t]+)*/.exec(line);
    return ' '.repeat(m ? m[0].length : 0);
  }

  /** Column of an offset, as spaces to line something up under it. */
  columnOf(offset: number): number {
    return this.lines.position(offset).character;
  }

  /** Replaces a node (tag included) with raw text. */
  replaceText(node: Node, newText: string): OffsetEdit {
    return { start: nodeStart(node), end: node.end, newText };
  }

  /** Replaces a node with a value rendered for its place; scalars keep the quote style they had. */
  replaceValue(node: Node, value: Emit): OffsetEdit {
    if (typeof value === 'string' && node.kind === 'scalar' && !node.tag) {
      return this.replaceText(node, this.scalarLike(node, value));
    }
    const inFlow = this.language === 'json' || this.isInsideFlow(node);
    const indent = this.keyIndentAt(nodeStart(node));
    const text = this.render(value, indent, inFlow ? 'flow' : 'inline');
    const edit = this.replaceText(node, text);
    if (text.startsWith(this.lines.eol)) {
      // A block collection starts on the next line: drop the spaces left after `key:`.
      while (edit.start > 0 && this.text[edit.start - 1] === ' ') edit.start--;
    }
    return edit;
  }

  /** Adds `key: value` as the last entry of a map. */
  insertPair(map: MapNode, key: string, value: Emit): OffsetEdit {
    const eol = this.lines.eol;
    if (this.language === 'json') {
      const k = JSON.stringify(key);
      if (map.pairs.length === 0) return { start: map.start + 1, end: map.start + 1, newText: `${k}: ${this.renderJson(value, this.indentAt(map.start))}` };
      const last = map.pairs[map.pairs.length - 1];
      const multiline = this.lines.position(map.start).line !== this.lines.position(last.end).line;
      const indent = multiline ? this.indentAt(last.start) : '';
      return { start: last.end, end: last.end, newText: multiline ? `,${eol}${indent}${k}: ${this.renderJson(value, indent)}` : `, ${k}: ${this.renderJson(value, indent, true)}` };
    }
    const k = this.yamlKey(key);
    if (map.flow || map.pairs.length === 0) {
      const close = map.end - 1;
      const text = `${map.pairs.length ? ', ' : ''}${k}: ${this.render(value, '', 'flow')}`;
      if (map.pairs.length === 0 && !map.flow) {
        // An empty block map is written `Key:` or `Key: {}`; replace the whole value.
        return { start: map.start, end: map.end, newText: `{${text}}` };
      }
      return { start: close, end: close, newText: text };
    }
    const last = map.pairs[map.pairs.length - 1];
    const indent = ' '.repeat(this.columnOf(map.pairs[0].start));
    const lineEnd = this.lines.lineEnd(this.lines.position(last.end).line);
    return { start: lineEnd, end: lineEnd, newText: `${eol}${indent}${k}:${this.afterKey(value, indent)}` };
  }

  /** Sets a key: replaces its value when present, else inserts it. */
  setPair(map: MapNode, key: string, value: Emit): OffsetEdit {
    const existing = map.pairs.find((p) => p.key.value === key);
    return existing ? this.replaceValue(existing.value, value) : this.insertPair(map, key, value);
  }

  /** Removes an entry, with its line when it has one to itself. */
  removePair(map: MapNode, key: string): OffsetEdit | undefined {
    const index = map.pairs.findIndex((p) => p.key.value === key);
    if (index === -1) return undefined;
    const pair = map.pairs[index];
    if (this.language === 'json' || map.flow) {
      const prev = map.pairs[index - 1];
      const next = map.pairs[index + 1];
      if (next) return { start: pair.start, end: next.start, newText: '' };
      if (prev) return { start: prev.end, end: pair.end, newText: '' };
      return { start: pair.start, end: pair.end, newText: '' };
    }
    const first = this.lines.position(pair.start).line;
    const last = this.lines.position(pair.end).line;
    const start = this.lines.lineStart(first);
    const end = last + 1 < this.lines.lineCount ? this.lines.lineStart(last + 1) : this.lines.lineEnd(last);
    return { start, end, newText: '' };
  }

  /** Appends an item to a sequence. */
  appendItem(seq: SeqNode, value: Emit): OffsetEdit {
    const eol = this.lines.eol;
    if (this.language === 'json' || seq.flow || seq.items.length === 0) {
      const close = seq.end - 1;
      const render = this.language === 'json' ? this.renderJson(value, this.indentAt(seq.start)) : this.render(value, '', 'flow');
      return { start: close, end: close, newText: `${seq.items.length ? ', ' : ''}${render}` };
    }
    const last = seq.items[seq.items.length - 1];
    const dash = this.text.lastIndexOf('-', nodeStart(seq.items[0]));
    const indent = ' '.repeat(this.columnOf(dash));
    const lineEnd = this.lines.lineEnd(this.lines.position(last.end).line);
    return { start: lineEnd, end: lineEnd, newText: `${eol}${indent}- ${this.render(value, indent + '  ', 'item')}` };
  }

  /** Text after `key:` in block YAML: ` value`, or a newline and an indented block. */
  afterKey(value: Emit, indent: string): string {
    if (isCollection(value)) {
      const isEmpty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
      if (isEmpty) return ` ${this.render(value, indent, 'flow')}`;
      return this.lines.eol + this.renderBlock(value, indent + this.indentUnit);
    }
    return ` ${this.render(value, indent, 'inline')}`;
  }

  /**
   * Renders a value. `inline` is a value after `key: ` in block YAML (collections become blocks on
   * following lines, indented one step from `indent`); `item` is after `- `; `flow` stays on one line.
   */
  render(value: Emit, indent: string, mode: 'inline' | 'item' | 'flow'): string {
    if (this.language === 'json') return this.renderJson(value, indent);
    if (value instanceof Intrinsic) return this.renderIntrinsic(value, indent, mode);
    if (Array.isArray(value) || (value !== null && typeof value === 'object')) {
      if (mode === 'flow') return this.renderFlow(value);
      const eol = this.lines.eol;
      if (mode === 'item') {
        // First entry continues the `- ` line; the rest line up under it.
        const block = this.renderBlock(value, indent);
        return block.slice(indent.length);
      }
      return eol + this.renderBlock(value, indent + this.indentUnit);
    }
    return this.scalar(value);
  }

  private renderIntrinsic(value: Intrinsic, indent: string, mode: 'inline' | 'item' | 'flow'): string {
    const tag = `!${value.name}`;
    const arg = value.argument;
    // YAML allows one tag per node: a nested intrinsic is written in long form.
    if (arg instanceof Intrinsic) return `${tag} ${this.renderFlow(longForm(arg))}`;
    if (!isCollection(arg)) return `${tag} ${this.scalar(arg, mode === 'flow')}`;
    if (mode === 'flow' || Array.isArray(arg) && arg.every((a) => !isCollection(a))) return `${tag} ${this.renderFlow(arg)}`;
    return `${tag}${this.lines.eol}${this.renderBlock(arg, (mode === 'item' ? indent : indent + this.indentUnit))}`;
  }

  /** Block YAML lines, each starting with `indent`. */
  renderBlock(value: Emit, indent: string): string {
    const eol = this.lines.eol;
    if (Array.isArray(value)) {
      return value.map((item) => `${indent}- ${this.render(item, indent + '  ', 'item')}`).join(eol);
    }
    if (value !== null && typeof value === 'object' && !(value instanceof Intrinsic)) {
      return Object.entries(value)
        .map(([k, v]) => `${indent}${this.yamlKey(k)}:${this.afterKey(v, indent)}`)
        .join(eol);
    }
    return indent + this.render(value, indent, 'inline');
  }

  private renderFlow(value: Emit): string {
    if (value instanceof Intrinsic) return this.renderIntrinsic(value, '', 'flow');
    if (Array.isArray(value)) return `[${value.map((v) => this.renderFlow(v)).join(', ')}]`;
    if (value !== null && typeof value === 'object') {
      return `{${Object.entries(value).map(([k, v]) => `${this.yamlKey(k)}: ${this.renderFlow(v)}`).join(', ')}}`;
    }
    return this.scalar(value, true);
  }

  /** JSON text; `compact` keeps everything on one line (for an object written on one line). */
  renderJson(value: Emit, indent: string, compact = false): string {
    const unit = this.indentUnit;
    const eol = this.lines.eol;
    const go = (v: Emit, ind: string): string => {
      if (v instanceof Intrinsic) return go(longForm(v), ind);
      if (compact) return compactJson(v);
      if (Array.isArray(v)) {
        if (v.every((x) => !isCollection(x))) return `[${v.map((x) => go(x, ind)).join(', ')}]`;
        return `[${eol}${v.map((x) => ind + unit + go(x, ind + unit)).join(`,${eol}`)}${eol}${ind}]`;
      }
      if (v !== null && typeof v === 'object') {
        const entries = Object.entries(v);
        if (entries.length === 0) return '{}';
        // One key with a scalar or a list of scalars stays on one line: `{"Fn::GetAtt": ["T", "Arn"]}`.
        if (entries.length === 1 && (!isCollection(entries[0][1]) || (Array.isArray(entries[0][1]) && entries[0][1].every((x) => !isCollection(x))))) {
          return `{${JSON.stringify(entries[0][0])}: ${go(entries[0][1], ind)}}`;
        }
        return `{${eol}${entries.map(([k, x]) => `${ind}${unit}${JSON.stringify(k)}: ${go(x, ind + unit)}`).join(`,${eol}`)}${eol}${ind}}`;
      }
      return JSON.stringify(v);
    };
    return go(value, indent);
  }

  /** A YAML scalar: plain where that reads back as the same string, else quoted in the file's style. */
  scalar(value: string | number | boolean | null, inFlow = false): string {
    if (typeof value !== 'string') return value === null ? 'null' : String(value);
    if (this.language === 'json') return JSON.stringify(value);
    if (isPlainSafe(value, inFlow)) return value;
    return this.quoted(value, this.preferredQuote);
  }

  private quoted(value: string, quote: "'" | '"'): string {
    if (quote === "'" && !/[\n\r\t]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
    return JSON.stringify(value);
  }

  /** A string written with the same quoting as an existing scalar. */
  private scalarLike(node: ScalarNode, value: string): string {
    if (this.language === 'json') return JSON.stringify(value);
    if (node.style === 'single') return this.quoted(value, "'");
    if (node.style === 'double') return JSON.stringify(value);
    return this.scalar(value, this.isInsideFlow(node));
  }

  private yamlKey(key: string): string {
    return isPlainSafe(key, true) ? key : this.quoted(key, this.preferredQuote);
  }

  /** Whether a node sits inside a `[...]` or `{...}` on its line (so it must be written flow style). */
  private isInsideFlow(node: Node): boolean {
    const start = nodeStart(node);
    const lineStart = this.lines.lineStart(this.lines.position(start).line);
    const before = this.text.slice(lineStart, start);
    let depth = 0;
    for (const ch of before) {
      if (ch === '[' || ch === '{') depth++;
      else if ((ch === ']' || ch === '}') && depth > 0) depth--;
    }
    return depth > 0;
  }
}

/** One-line JSON with a space after `:` and `,`, as people write it. */
function compactJson(value: Emit): string {
  if (value instanceof Intrinsic) return compactJson(longForm(value));
  if (Array.isArray(value)) return `[${value.map(compactJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${compactJson(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}

function isCollection(value: Emit): value is Emit[] | { [key: string]: Emit } {
  return Array.isArray(value) || (value !== null && typeof value === 'object' && !(value instanceof Intrinsic));
}

/** The JSON long form of an intrinsic: `{"Fn::GetAtt": ["A", "B"]}`. */
export function longForm(value: Intrinsic): { [key: string]: Emit } {
  const name = value.name === 'Ref' || value.name === 'Condition' ? value.name : `Fn::${value.name}`;
  if (value.name === 'GetAtt' && typeof value.argument === 'string') {
    const dot = value.argument.indexOf('.');
    return { [name]: [value.argument.slice(0, dot), value.argument.slice(dot + 1)] };
  }
  return { [name]: value.argument };
}

function isPlainSafe(value: string, inFlow: boolean): boolean {
  if (value === '' || value.trim() !== value) return false;
  if (YAML_RESERVED.test(value) || YAML_NUMBER.test(value)) return false;
  if (/^[-?:,\[\]{}#&*!|>'"%@`]/.test(value) && !/^[-?:][^\s]/.test(value)) return false;
  if (/^[*&!{\[]/.test(value)) return false;
  if (/: |:$| #|[\n\r\t]/.test(value)) return false;
  if (inFlow && /[,\[\]{}]/.test(value)) return false;
  return true;
}

function detectIndentUnit(text: string, language: SourceLanguage): string {
  // The first indented line that follows a less-indented one gives the step.
  const lines = text.split('\n', 200);
  let previous = 0;
  for (const line of lines) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const m = /^[ \t]*/.exec(line)![0];
    if (m.length > previous) {
      if (m.startsWith('\t')) return language === 'json' ? '\t' : '  ';
      const step = m.length - previous;
      if (step >= 2 && step <= 8) return ' '.repeat(step);
    }
    previous = m.length;
  }
  return '  ';
}

/**
 * Replaces one item of a list (or a single value standing for a list) with several values,
 * keeping the list's layout: block items on their own lines, flow and JSON items inline.
 */
export function replaceWithItems(editor: Editor, element: Node, item: Node, values: Emit[]): OffsetEdit[] {
  if (element.kind !== 'seq' || element.tag) {
    return [editor.replaceValue(element, values.length === 1 ? values[0] : values)];
  }
  const inline = editor.language === 'json' || element.flow;
  if (inline) {
    const rendered = values.map((v) => (editor.language === 'json' ? editor.renderJson(v, '') : editor.render(v, '', 'flow')));
    const indentation = editor.language === 'json' && editor.lines.position(element.start).line !== editor.lines.position(element.end).line
      ? `,${editor.lines.eol}${editor.indentAt(nodeStart(item))}`
      : ', ';
    return [editor.replaceText(item, rendered.join(indentation))];
  }
  const dash = editor.text.lastIndexOf('-', nodeStart(item));
  const indent = ' '.repeat(editor.columnOf(dash));
  const [first, ...rest] = values;
  const edits: OffsetEdit[] = [editor.replaceValue(item, first)];
  if (rest.length) {
    const lineEnd = editor.lines.lineEnd(editor.lines.position(item.end).line);
    const text = rest.map((v) => `${editor.lines.eol}${indent}- ${editor.render(v, indent + '  ', 'item')}`).join('');
    edits.push({ start: lineEnd, end: lineEnd, newText: text });
  }
  return edits;
}
