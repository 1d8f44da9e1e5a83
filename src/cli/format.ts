/**
 * Output formats of `guardpost lint`: text for people, JSON (documented, stable) and SARIF 2.1.0
 * for code-scanning tools. Paths are as given or relative to the working directory, with `/`.
 */
import { docsUrl } from '../core/rule';
import type { Rule } from '../core/rule';
import type { FileKind, Finding, Severity } from '../core/types';

export interface FileResult {
  /** Display path: relative to the working directory, `/`-separated. */
  path: string;
  kind: FileKind;
  findings: Finding[];
}

export const JSON_FORMAT_VERSION = 1;

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export function countFindings(results: readonly FileResult[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const r of results) for (const f of r.findings) counts[f.severity]++;
  return counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `path:line:col  severity  message  rule-id`, 1-based, and a summary line. */
export function formatText(results: readonly FileResult[], checkedFiles: number): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      lines.push(`${r.path}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${f.message}  ${f.ruleId}`);
    }
  }
  const c = countFindings(results);
  const total = c.error + c.warning + c.info;
  const withFindings = results.filter((r) => r.findings.length > 0).length;
  if (total === 0) lines.push(`No problems found in ${plural(checkedFiles, 'file')}.`);
  else {
    if (lines.length) lines.push('');
    lines.push(`${plural(total, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info) in ${plural(withFindings, 'file')} of ${checkedFiles} checked.`);
  }
  return lines.join('\n') + '\n';
}

/** `{"version":1,"files":[{"path","kind","findings":[...]}]}`, 0-based ranges. */
export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify({
    version: JSON_FORMAT_VERSION,
    files: results.map((r) => ({
      path: r.path,
      kind: r.kind,
      findings: r.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        range: f.range,
        ...(f.resource !== undefined ? { resource: f.resource } : {}),
        fixes: f.fixes,
        ...(f.related?.length ? { related: f.related } : {}),
      })),
    })),
  }, null, 2) + '\n';
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

function region(range: Finding['range']): SarifRegion {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** Engine-level rule ids (syntax errors, internal errors...) that have no Rule object. */
const BUILTIN_RULES: Record<string, { title: string; level: Severity }> = {
  'parse/syntax-error': { title: 'The file does not parse as YAML or JSON', level: 'error' },
  'parse/duplicate-key': { title: 'A key is written twice in one mapping; only the last value counts', level: 'warning' },
  'guardpost/internal-error': { title: 'A rule failed on this file', level: 'warning' },
  'guardpost/file-too-large': { title: 'The file is too large to lint', level: 'info' },
  'guardpost/binary-file': { title: 'The file is binary', level: 'info' },
  'guardpost/unexplained-suppression': { title: 'A suppression gives no reason', level: 'info' },
};

/** @param srcRoot file URI of the folder paths are relative to, ending in `/`. */
export function formatSarif(results: readonly FileResult[], rules: readonly Rule[], toolVersion: string, srcRoot?: string): string {
  const used = new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)));
  const descriptors = [
    ...rules.map((r) => ({ id: r.meta.id, title: r.meta.title, level: r.meta.defaultSeverity })),
    ...Object.entries(BUILTIN_RULES).filter(([id]) => used.has(id)).map(([id, v]) => ({ id, title: v.title, level: v.level })),
  ];
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const sarifResults = results.flatMap((r) =>
    r.findings.map((f) => {
      const location = { artifactLocation: { uri: encodeURI(r.path), uriBaseId: '%SRCROOT%' } };
      return {
        ruleId: f.ruleId,
        ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { ...location, region: region(f.range) } }],
        ...(f.related?.length
          ? { relatedLocations: f.related.map((rel, i) => ({ id: i, message: { text: rel.message }, physicalLocation: { ...location, region: region(rel.range) } })) }
          : {}),
        ...(f.fixes.length
          ? {
              fixes: f.fixes.map((fix) => ({
                description: { text: fix.title },
                artifactChanges: [{
                  artifactLocation: location.artifactLocation,
                  replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
                }],
              })),
            }
          : {}),
        ...(f.resource !== undefined ? { properties: { resource: f.resource } } : {}),
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Guardpost',
          version: toolVersion,
          informationUri: 'https://github.com/guardpost-dev/guardpost',
          rules: descriptors.map((d) => ({
            id: d.id,
            name: d.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
            shortDescription: { text: d.title },
            helpUri: docsUrl(d.id),
            defaultConfiguration: { level: SARIF_LEVEL[d.level] },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      ...(srcRoot ? { originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot } } } : {}),
      results: sarifResults,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
