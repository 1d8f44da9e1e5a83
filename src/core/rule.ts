import type { Node } from './ast';
import type { Editor } from './edit';
import type { PolicyDocument } from './model/policies';
import type { ServerlessService } from './model/serverless';
import type { Template } from './model/template';
import type { LineIndex } from './text';
import type { FileKind, Severity, SourceLanguage } from './types';

/** Where every rule's docs page lives; the diagnostic's code and SARIF's helpUri link here. */
export const DOCS_BASE_URL = 'https://github.com/guardpost-dev/guardpost/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

export interface RuleMeta {
  /** `family/name`, e.g. `iam/wildcard-action`. */
  id: string;
  /** One line, shown in rule lists. */
  title: string;
  defaultSeverity: Severity;
  /** Whether the rule offers fixes. */
  fixable: boolean;
  /** The file kinds the rule reads. */
  kinds: readonly FileKind[];
}

/** An edit in offsets of the original text; the engine turns offsets into positions. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface FixInput {
  title: string;
  isPreferred?: boolean;
  edits: OffsetEdit[];
}

export interface ReportInput {
  /** The node to underline; or give start/end offsets. */
  node?: Node;
  start?: number;
  end?: number;
  message: string;
  resource?: string;
  /** Only for findings deliberately weaker or stronger than the rule's default (e.g. an explicit public route at info). */
  severity?: Severity;
  fixes?: FixInput[];
  related?: { node?: Node; start?: number; end?: number; message: string }[];
}

/** What a rule sees: the parsed document and its views, computed once and shared by all rules. */
export interface RuleContext {
  readonly kind: FileKind;
  readonly language: SourceLanguage;
  readonly text: string;
  readonly lines: LineIndex;
  readonly root: Node;
  /** CloudFormation/SAM template, or the `resources:` of serverless.yml. */
  readonly template: Template | undefined;
  readonly serverless: ServerlessService | undefined;
  readonly policies: readonly PolicyDocument[];
  /** Style-aware text edits for fixes. */
  readonly editor: Editor;
  /** A view computed once per document: pass the same extractor function, get the same result. */
  use<T>(extractor: (context: RuleContext) => T): T;
  report(finding: ReportInput): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Pure: reads the context, calls `report`. No I/O, no vscode, no network. */
  check(context: RuleContext): void;
}
