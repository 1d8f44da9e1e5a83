/**
 * The engine: text in, findings out. Parses once, classifies each document, builds views lazily,
 * runs the rules that apply, then applies suppressions and configuration. A rule that throws
 * becomes one internal-error finding; the other rules still run.
 */
import type { Node } from './ast';
import { classify } from './classify';
import { ruleSetting, type Config, EMPTY_CONFIG } from './config';
import { Editor } from './edit';
import { extractPolicies, type PolicyDocument } from './model/policies';
import { ServerlessService } from './model/serverless';
import { Template } from './model/template';
import { detectLanguage, parseDocument, type ParsedDocument } from './parse';
import { DUPLICATE_KEY_CODE } from './parse-types';
import type { FixInput, OffsetEdit, ReportInput, Rule, RuleContext } from './rule';
import { commentSuppressions, metadataSuppressions, suppresses, type Suppression } from './suppression';
import type { FileKind, Finding, Fix, LintResult, Severity, SourceLanguage } from './types';

/** Files larger than this are skipped with an info finding (the budget is for templates, not dumps). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export const SYNTAX_ERROR_RULE = 'parse/syntax-error';
export const DUPLICATE_KEY_RULE = 'parse/duplicate-key';
export const INTERNAL_ERROR_RULE = 'guardpost/internal-error';
export const FILE_TOO_LARGE_RULE = 'guardpost/file-too-large';
export const UNEXPLAINED_SUPPRESSION_RULE = 'guardpost/unexplained-suppression';
export const BINARY_FILE_RULE = 'guardpost/binary-file';

export interface LintOptions {
  /** Used to guess the language and in messages; never read. */
  path?: string;
  language?: SourceLanguage;
  rules: readonly Rule[];
  config?: Config;
  /** Files larger than this are skipped (default MAX_FILE_BYTES); benchmarks raise it. */
  maxBytes?: number;
}

/** AWS markers that make a broken file worth a syntax error even before it classifies. */
const AWS_MARKERS = /AWSTemplateFormatVersion|AWS::|"Statement"|^Statement:|^provider:/m;

export function lint(text: string, options: LintOptions): LintResult {
  const config = options.config ?? EMPTY_CONFIG;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const language = options.language ?? detectLanguage(source, options.path);

  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  if (source.length > maxBytes) {
    return { kind: 'unknown', language, findings: [fileFinding(FILE_TOO_LARGE_RULE, `File is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; Guardpost skipped it`)] };
  }
  if (source.indexOf('\u0000') !== -1) {
    return { kind: 'unknown', language, findings: [fileFinding(BINARY_FILE_RULE, 'File looks binary (it contains NUL bytes); Guardpost skipped it')] };
  }

  const doc = parseDocument(source, language);
  const findings: Finding[] = [];
  let fileKind: FileKind = 'unknown';
  const suppressions: Suppression[] = commentSuppressions(source, doc.lines);

  for (const root of doc.roots) {
    const kind = classify(root);
    if (kind === 'unknown') continue;
    if (fileKind === 'unknown') fileKind = kind;
    const context = new Context(doc, kind, root, options.path);
    suppressions.push(...metadataSuppressions(context.template));
    for (const rule of options.rules) {
      if (!rule.meta.kinds.includes(kind) || ruleSetting(config, rule.meta.id) === 'off') continue;
      context.run(rule);
    }
    findings.push(...context.findings);
  }

  const syntax = doc.problems.filter((p) => p.code !== DUPLICATE_KEY_CODE);
  if (fileKind !== 'unknown') {
    for (const p of doc.problems) {
      if (p.code !== DUPLICATE_KEY_CODE) continue;
      findings.push({
        ruleId: DUPLICATE_KEY_RULE,
        severity: 'warning',
        message: `\`${p.message}\` is written twice in this mapping: CloudFormation keeps only the last value, so the earlier one is silently ignored; remove or rename one`,
        range: doc.lines.range(p.start, p.end),
        fixes: [],
        ...(p.relatedStart !== undefined ? { related: [{ message: `the first \`${p.message}\``, range: doc.lines.range(p.relatedStart, p.relatedEnd ?? p.relatedStart) }] } : {}),
      });
    }
  }
  if (syntax.length > 0 && (fileKind !== 'unknown' || AWS_MARKERS.test(source))) {
    const [first] = syntax;
    const more = syntax.length > 1 ? ` (and ${syntax.length - 1} more)` : '';
    findings.unshift({
      ruleId: SYNTAX_ERROR_RULE,
      severity: 'error',
      message: `${language === 'json' ? 'JSON' : 'YAML'} syntax error: ${first.message}${more}`,
      range: doc.lines.range(first.start, Math.max(first.end, first.start)),
      fixes: [],
    });
  }

  return { kind: fileKind, language, findings: finish(findings, suppressions, config, doc, fileKind) };
}

function fileFinding(ruleId: string, message: string): Finding {
  return { ruleId, severity: 'info', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixes: [] };
}

/** Applies suppressions and configured severities, reports reasonless suppressions, sorts. */
function finish(findings: Finding[], suppressions: Suppression[], config: Config, doc: ParsedDocument, kind: FileKind): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const offset = doc.lines.offset(f.range.start);
    if (f.ruleId !== SYNTAX_ERROR_RULE && suppressions.some((s) => suppresses(s, f.ruleId, f.range.start.line, offset))) continue;
    const setting = ruleSetting(config, f.ruleId);
    if (setting === 'off') continue;
    out.push(setting && !(f as ExplicitSeverity)[EXPLICIT] ? { ...f, severity: setting } : f);
  }
  if (kind !== 'unknown' && ruleSetting(config, UNEXPLAINED_SUPPRESSION_RULE) !== 'off') {
    for (const s of suppressions) {
      if (s.reason) continue;
      out.push({
        ruleId: UNEXPLAINED_SUPPRESSION_RULE,
        severity: ruleSetting(config, UNEXPLAINED_SUPPRESSION_RULE) as Severity | undefined ?? 'info',
        message: s.placeholder
          ? `Suppression of ${s.rules.join(', ') || 'all rules'} still has the \`<reason>\` placeholder: replace it with why this is safe`
          : `Suppression of ${s.rules.join(', ') || 'all rules'} gives no reason: add \`-- <why this is safe>\``,
        range: doc.lines.range(s.at.start, s.at.end),
        fixes: [],
      });
    }
  }
  for (const f of out) delete (f as ExplicitSeverity)[EXPLICIT];
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId));
}

/**
 * Puts a fix's edits in text order. Inserts at one offset appear in array order (LSP), and at the
 * end of nested blocks that offset is shared: an entry closing an inner map and one closing an
 * outer map. The more deeply indented text belongs to the inner block, so it goes first.
 */
export function orderEdits(edits: readonly OffsetEdit[]): OffsetEdit[] {
  const depth = (e: OffsetEdit): number => {
    const m = /^,?\r?\n([ \t]*)/.exec(e.newText);
    return m ? m[1].length : -1;
  };
  return edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || (a.e.start === a.e.end && b.e.start === b.e.end ? depth(b.e) - depth(a.e) : 0) || a.i - b.i)
    .map((x) => x.e);
}

const EXPLICIT = Symbol('explicitSeverity');
type ExplicitSeverity = Finding & { [EXPLICIT]?: boolean };

class Context implements RuleContext {
  readonly findings: Finding[] = [];
  readonly text: string;
  readonly language: SourceLanguage;
  readonly lines: ParsedDocument['lines'];
  readonly editor: Editor;
  private currentRule: Rule | undefined;
  private templateView: Template | undefined | null = null;
  private serverlessView: ServerlessService | undefined | null = null;
  private policyView: PolicyDocument[] | undefined;
  private readonly views = new Map<unknown, unknown>();

  constructor(
    readonly doc: ParsedDocument,
    readonly kind: FileKind,
    readonly root: Node,
    readonly path: string | undefined,
  ) {
    this.text = doc.text;
    this.language = doc.language;
    this.lines = doc.lines;
    this.editor = new Editor(doc.text, doc.language, doc.lines);
  }

  get template(): Template | undefined {
    if (this.templateView === null) {
      if ((this.kind === 'cloudformation' || this.kind === 'sam') && this.root.kind === 'map') this.templateView = new Template(this.root, this.kind);
      else this.templateView = this.serverless?.resources;
    }
    return this.templateView;
  }

  get serverless(): ServerlessService | undefined {
    if (this.serverlessView === null) {
      this.serverlessView = this.kind === 'serverless' && this.root.kind === 'map' ? new ServerlessService(this.root) : undefined;
    }
    return this.serverlessView;
  }

  get policies(): PolicyDocument[] {
    this.policyView ??= extractPolicies({ kind: this.kind, root: this.root, template: this.kind === 'serverless' ? undefined : this.template, serverless: this.serverless });
    return this.policyView;
  }

  use<T>(extractor: (context: RuleContext) => T): T {
    if (!this.views.has(extractor)) this.views.set(extractor, extractor(this));
    return this.views.get(extractor) as T;
  }

  run(rule: Rule): void {
    this.currentRule = rule;
    const before = this.findings.length;
    try {
      rule.check(this);
    } catch (error) {
      // Keep what the rule reported before failing? No: a half-run rule may be wrong. Drop it, say so.
      this.findings.length = before;
      this.findings.push({
        ruleId: INTERNAL_ERROR_RULE,
        severity: 'warning',
        message: `Rule ${rule.meta.id} failed on this file and was skipped: ${(error as Error)?.message ?? String(error)}`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        fixes: [],
      });
    } finally {
      this.currentRule = undefined;
    }
  }

  report(input: ReportInput): void {
    const rule = this.currentRule;
    if (!rule) throw new Error('report() called outside a rule');
    const start = input.node ? input.node.tagStart ?? input.node.start : input.start ?? 0;
    const end = input.node ? input.node.end : input.end ?? start;
    const finding: ExplicitSeverity = {
      ruleId: rule.meta.id,
      severity: input.severity ?? rule.meta.defaultSeverity,
      message: input.message,
      range: this.lines.range(start, Math.max(start, end)),
      fixes: (input.fixes ?? []).map((f) => this.fix(f)),
    };
    if (input.resource !== undefined) finding.resource = input.resource;
    if (input.related?.length) {
      finding.related = input.related.map((r) => {
        const s = r.node ? r.node.tagStart ?? r.node.start : r.start ?? 0;
        const e = r.node ? r.node.end : r.end ?? s;
        return { message: r.message, range: this.lines.range(s, e) };
      });
    }
    if (input.severity && input.severity !== rule.meta.defaultSeverity) finding[EXPLICIT] = true;
    this.findings.push(finding);
  }

  private fix(input: FixInput): Fix {
    return {
      title: input.title,
      isPreferred: input.isPreferred ?? false,
      edits: orderEdits(input.edits).map((e) => ({ range: this.lines.range(e.start, e.end), newText: e.newText })),
    };
  }
}
