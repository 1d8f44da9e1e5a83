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
}

