import { lint, type LintOptions } from './engine';
import { LineIndex } from './text';
import type { Fix, Finding, TextEdit } from './types';

/**
 * Applies edits given in positions of `text`. Edits must not overlap. As in LSP (and VS Code),
 * inserts at the same position appear in the text in the order of the array.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const lines = new LineIndex(text);
  const offsets = edits
    .map((e, index) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText, index }))
    // Applied from the end backwards; at one position the later edit goes in first, so the earlier one lands before it.
    .sort((a, b) => b.start - a.start || b.end - a.end || b.index - a.index);
  let out = text;
  for (const e of offsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Picks fixes whose edits do not overlap each other, in order. */
export function compatibleFixes(fixes: readonly Fix[], text: string): Fix[] {
  const lines = new LineIndex(text);
  const taken: { start: number; end: number }[] = [];
  const chosen: Fix[] = [];
  for (const fix of fixes) {
    const spans = fix.edits.map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end) }));
    const clash = spans.some((s) => taken.some((t) => s.start < t.end && t.start < s.end || (s.start === s.end && s.start === t.start) || (t.start === t.end && t.start === s.start)));
    if (clash) continue;
    taken.push(...spans);
    chosen.push(fix);
  }
  return chosen;
}

export interface FixAllResult {
  text: string;
  /** Number of fixes applied over all passes. */
  applied: number;
  /** Findings left after fixing. */
  remaining: Finding[];
}

/**
 * Applies every finding's preferred fix, re-linting between passes (fixes may overlap or make
 * each other moot), until nothing more applies. `text` has no BOM.
 */
export function fixAll(text: string, options: LintOptions, maxPasses = 10): FixAllResult {
  let current = text;
  let applied = 0;
  let result = lint(current, options);
  for (let pass = 0; pass < maxPasses; pass++) {
    const preferred = result.findings.flatMap((f) => f.fixes.filter((x) => x.isPreferred).slice(0, 1));
    const chosen = compatibleFixes(preferred, current);
    if (chosen.length === 0) break;
    const next = applyEdits(current, chosen.flatMap((f) => f.edits));
    if (next === current) break;
    current = next;
    applied += chosen.length;
    result = lint(current, options);
  }
  return { text: current, applied, remaining: result.findings };
}
