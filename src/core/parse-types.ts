/** Deeper than any real template; past this a document is reported instead of analysed. */
export const MAX_NESTING = 512;

export class NestingTooDeepError extends Error {
  constructor() {
    super(`nesting deeper than ${MAX_NESTING} levels`);
  }
}

export interface ParseProblem {
  message: string;
  start: number;
  end: number;
  /** The parser's error code (YAML), e.g. BAD_INDENT; DUPLICATE_KEY_CODE for a repeated key. */
  code?: string;
  /** For a duplicate key: where the first one is. */
  relatedStart?: number;
  relatedEnd?: number;
}

/** Not a syntax error: CloudFormation accepts a repeated key and keeps the last value. */
export const DUPLICATE_KEY_CODE = 'DUPLICATE_KEY';

