/**
 * Edits that suppress one finding, for the editor's "Suppress" code action. Pure: text in, a Fix
 * out. YAML gets a `# guardpost-disable-next-line` comment above the finding's line (with that
 * line's indentation); JSON cannot carry comments, so a CloudFormation/SAM JSON template gets a
 * `Metadata.guardpost.ignore` entry on the resource (or the template) that holds the finding. A
 * standalone JSON policy has nowhere to put one: no fix.
 */
import { get, getMap, isMap, isSeq, walk, type MapNode, type Node } from './ast';
import { classify } from './classify';
import { Editor, type Emit } from './edit';
import { Template } from './model/template';
import { parseDocument, type ParsedDocument } from './parse';
import type { OffsetEdit } from './rule';
import { DISABLE_FILE, DISABLE_NEXT_LINE, REASON_PLACEHOLDER } from './suppression';
import type { Fix, Range, SourceLanguage } from './types';

export { REASON_PLACEHOLDER };

/** Findings about the file itself, not a place in it: suppressing them means nothing. */
export function isSuppressible(ruleId: string): boolean {
  return !ruleId.startsWith('parse/') && !ruleId.startsWith('guardpost/');
}

export interface SuppressionTarget {
  ruleId: string;
  range: Range;
}

/**
 * Builds suppression fixes for many findings of one text, parsing it at most once.
 */
export class SuppressionFixer {
  private parsed: ParsedDocument | undefined;
  private editorInstance: Editor | undefined;

  constructor(
    readonly text: string,
    readonly language: SourceLanguage,
    readonly reason: string = REASON_PLACEHOLDER,
  ) {}

  private get doc(): ParsedDocument {
    this.parsed ??= parseDocument(this.text, this.language);
    return this.parsed;
  }

  private get editor(): Editor {
    this.editorInstance ??= new Editor(this.doc.text, this.language, this.doc.lines);
    return this.editorInstance;
  }

  fix(target: SuppressionTarget): Fix | undefined {
    if (!isSuppressible(target.ruleId)) return undefined;
    const found = this.language === 'yaml' ? this.yaml(target) : this.metadata(target);
    if (!found) return undefined;
    const { edit } = found;
    return { title: found.title, isPreferred: false, edits: [{ range: this.doc.lines.range(edit.start, edit.end), newText: edit.newText }] };
  }

  private yaml(target: SuppressionTarget): Found | undefined {
    const lines = this.doc.lines;
    const line = Math.min(target.range.start.line, lines.lineCount - 1);
    const offset = lines.offset(target.range.start);
    // A comment inside a multi-line scalar (`|`, `>`, or a quoted/plain string continued on the next
    // lines) would become part of the string: use Metadata, or the file.
    if (this.insideMultilineScalar(offset, line)) {
      return this.metadata(target) ?? this.fileComment(target);
    }
    const indent = lines.indentation(line);
    const at = lines.lineStart(line);
    return {
      title: `Suppress ${target.ruleId} on this line`,
      edit: { start: at, end: at, newText: `${indent}# ${DISABLE_NEXT_LINE} ${target.ruleId} -- ${this.reason}${lines.eol}` },
    };
  }

  private fileComment(target: SuppressionTarget): Found {
    return {
      title: `Suppress ${target.ruleId} in this file`,
      edit: { start: 0, end: 0, newText: `# ${DISABLE_FILE} ${target.ruleId} -- ${this.reason}${this.doc.lines.eol}` },
    };
  }

  /** True when `line` is a continuation line of a scalar that starts on an earlier line. */
  private insideMultilineScalar(offset: number, line: number): boolean {
    for (const root of this.doc.roots) {
      if (offset < root.start || offset > root.end) continue;
      for (const node of walk(root)) {
        if (node.kind === 'scalar' && offset >= node.start && offset <= node.end) {
          if (this.doc.lines.position(node.start).line < line) return true;
        }
      }
    }
    return false;
  }

  /** `Metadata.guardpost.ignore` on the resource holding the finding, else on the template. */
  private metadata(target: SuppressionTarget): Found | undefined {
    const offset = this.doc.lines.offset(target.range.start);
    const root = this.doc.roots.find((r) => offset >= r.start && offset <= r.end) ?? (this.doc.roots.length === 1 ? this.doc.roots[0] : undefined);
    if (!root || !isMap(root)) return undefined;
    const kind = classify(root);
    if (kind !== 'cloudformation' && kind !== 'sam') return undefined;
    const template = new Template(root, kind);
    const entry: Emit = { rule: target.ruleId, reason: this.reason };
    const resource = template.resources.find((r) => offset >= r.keyNode.start && offset <= r.node.end);
    if (resource) {
      const edit = this.addIgnore(resource.node, entry);
      return edit && { title: `Suppress ${target.ruleId} for resource ${resource.logicalId}`, edit };
    }
    const edit = this.addIgnore(root, entry);
    return edit && { title: `Suppress ${target.ruleId} in this template`, edit };
  }

  /** Adds an ignore entry under `owner.Metadata.guardpost.ignore`, creating what is missing. */
  private addIgnore(owner: MapNode, entry: Emit): OffsetEdit | undefined {
    const editor = this.editor;
    const metadataNode = get(owner, 'Metadata');
    if (!metadataNode) return editor.insertPair(this.trimmedMap(owner), 'Metadata', { guardpost: { ignore: [entry] } });
    if (!isMap(metadataNode)) return undefined;
    const guardpostNode = get(metadataNode, 'guardpost');
    if (!guardpostNode) return editor.insertPair(this.trimmedMap(metadataNode), 'guardpost', { ignore: [entry] });
    const guardpost = getMap(metadataNode, 'guardpost');
    if (!guardpost) return undefined;
    const ignore: Node | undefined = get(guardpost, 'ignore');
    if (!ignore) return editor.insertPair(this.trimmedMap(guardpost), 'ignore', [entry]);
    if (!isSeq(ignore)) return undefined;
    const items = ignore.items;
    const last = items[items.length - 1];
    return editor.appendItem(last && !ignore.flow ? { ...ignore, items: [...items.slice(0, -1), this.trimmed(last)] } : ignore, entry);
  }

  /**
   * A YAML block scalar's range runs through its final line break, so an entry "after" it would
   * land a line too late; the Editor inserts after the last entry's end, so end it at its last
   * visible character.
   */
  private trimmedMap(map: MapNode): MapNode {
    if (this.language !== 'yaml' || map.flow || map.pairs.length === 0) return map;
    const last = map.pairs[map.pairs.length - 1];
    return { ...map, pairs: [...map.pairs.slice(0, -1), { ...last, end: this.visibleEnd(last.end, last.start) }] };
  }

  private trimmed(node: Node): Node {
    return this.language === 'yaml' ? { ...node, end: this.visibleEnd(node.end, node.start) } : node;
  }

  private visibleEnd(end: number, floor: number): number {
    let e = end;
    while (e > floor && /\s/.test(this.text[e - 1])) e--;
    return e;
  }
}

interface Found {
  title: string;
  edit: OffsetEdit;
}

/** One suppression fix; see SuppressionFixer to build many for the same text. */
export function suppressionFix(text: string, language: SourceLanguage, target: SuppressionTarget, reason?: string): Fix | undefined {
  return new SuppressionFixer(text, language, reason).fix(target);
}
