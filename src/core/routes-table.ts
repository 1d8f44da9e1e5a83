/**
 * The route table behind `guardpost routes` and the editor's "Show API Routes": every route of a
 * file with its authorization and where it is declared. Parses and classifies like the engine, then
 * runs the one route extractor.
 */
import { classify } from './classify';
import { extractRoutes, describeAuth, type AuthKind, type Route } from './model/routes';
import { ServerlessService } from './model/serverless';
import { Template } from './model/template';
import { detectLanguage, parseDocument } from './parse';

export interface RouteRow {
  method: string;
  path: string;
  /** The API's logical ID, SAM implicit API, serverless service, or the function of a URL. */
  api: string;
  /** In words: `NONE (open)`, `Cognito (UserPoolAuth)`, `AWS_IAM`... */
  authorization: string;
  /** Machine-readable authorization kind. */
  authKind: AuthKind;
  /** True when anyone on the internet can call it (open, explicit NONE, API key only); false for CORS preflight. */
  open: boolean;
  preflight: boolean;
  source: Route['source'];
  /** Logical ID or function name that declares the route. */
  owner: string;
  file: string;
  /** 1-based. */
  line: number;
  column: number;
}

/** Kinds that let anyone on the internet call the route. */
export const OPEN_KINDS: readonly AuthKind[] = ['open', 'explicit-none', 'api-key-only'];

/** Every route in one file's text (all YAML documents). Files that are not templates give none. */
export function listRoutes(text: string, path: string): RouteRow[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doc = parseDocument(source, detectLanguage(source, path));
  const rows: RouteRow[] = [];
  for (const root of doc.roots) {
    const kind = classify(root);
    if ((kind !== 'cloudformation' && kind !== 'sam' && kind !== 'serverless') || root.kind !== 'map') continue;
    const serverless = kind === 'serverless' ? new ServerlessService(root) : undefined;
    const template = serverless ? serverless.resources : new Template(root, kind);
    for (const route of extractRoutes({ kind, template, serverless })) {
      const pos = doc.lines.position(route.node.tagStart ?? route.node.start);
      rows.push({
        method: route.method,
        path: route.path,
        api: route.api,
        authorization: route.preflight ? 'CORS preflight' : describeAuth(route.auth),
        authKind: route.auth.kind,
        open: !route.preflight && OPEN_KINDS.includes(route.auth.kind),
        preflight: route.preflight,
        source: route.source,
        owner: route.owner,
        file: path,
        line: pos.line + 1,
        column: pos.character + 1,
      });
    }
  }
  return rows;
}

/** A plain-text table for the terminal: METHOD, PATH, API, AUTHORIZATION, SOURCE (file:line). */
export function formatRouteTable(rows: readonly RouteRow[]): string {
  if (rows.length === 0) return 'No API routes found.\n';
  const header = ['METHOD', 'PATH', 'API', 'AUTHORIZATION', 'SOURCE'];
  const body = rows.map((r) => [r.method, r.path, r.api, r.authorization, `${r.file}:${r.line}`]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  const open = rows.filter((r) => r.open).length;
  const summary = `${rows.length} route${rows.length === 1 ? '' : 's'}, ${open} open to anyone`;
  return [line(header), ...body.map(line), '', summary, ''].join('\n');
}
