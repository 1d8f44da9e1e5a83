import type { Node } from './ast';
import { parseJson } from './parse-json';
import { AliasBombError, parseYaml } from './parse-yaml';
import { NestingTooDeepError, type ParseProblem } from './parse-types';
import { LineIndex } from './text';
import type { SourceLanguage } from './types';

export type { ParseProblem } from './parse-types';

/** A file parsed once, with positions: the input of every later step. */
export interface ParsedDocument {
  text: string;
  language: SourceLanguage;
  lines: LineIndex;
  /** One per YAML document (`---`); JSON has at most one. */
  roots: Node[];
  problems: ParseProblem[];
}

/** Guess the language from the path, else from the text: JSON starts with `{` or `[`. */
export function detectLanguage(text: string, path?: string): SourceLanguage {
  if (path) {
    const lower = path.toLowerCase();
    if (lower.endsWith('.json') || lower.endsWith('.template') && text.trimStart().startsWith('{')) return 'json';
    if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  }
  const first = text.trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

export function parseDocument(text: string, language: SourceLanguage): ParsedDocument {
  const lines = new LineIndex(text);
  try {
    const { roots, problems } = language === 'json' ? parseJson(text) : parseYaml(text);
    return { text, language, lines, roots, problems };
  } catch (error) {
    // Hostile input (aliases that expand without bound, extreme nesting) is reported, not analysed.
    let message: string;
    if (error instanceof AliasBombError) message = 'YAML aliases expand too far (possible alias bomb); the file was not analysed';
    else if (error instanceof NestingTooDeepError || error instanceof RangeError) message = 'Nesting too deep to analyse; the file was not analysed';
    else throw error;
    return { text, language, lines, roots: [], problems: [{ message, start: 0, end: Math.min(text.length, lines.lineEnd(0)) }] };
  }
}
