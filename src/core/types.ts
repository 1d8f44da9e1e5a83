/** Shared value types of the engine. Positions follow LSP/VS Code: 0-based line and UTF-16 character. */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type FileKind = 'iam-policy' | 'cloudformation' | 'sam' | 'serverless' | 'unknown';

export type SourceLanguage = 'yaml' | 'json';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  /** The fix a user would pick by default; the one applied by `--fix` and fix-all. */
  isPreferred: boolean;
  edits: TextEdit[];
}

export interface RelatedInformation {
  message: string;
  range: Range;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** What is at fault: a logical ID, a function name, a statement Sid or index. */
  resource?: string;
  fixes: Fix[];
  related?: RelatedInformation[];
}

export interface LintResult {
  kind: FileKind;
  language: SourceLanguage;
  findings: Finding[];
}
