/**
 * Fixes that add authorization to a route, one per authorizer the file already defines (else
 * AWS_IAM), written where the route's source keeps it: AuthorizationType + AuthorizerId, SAM
 * `Auth.Authorizer`, serverless `authorizer:`.
 */
import { get, getMap, getPair, isMap, literalString, type MapNode, type Node } from '../../core/ast';
import { Intrinsic, ref, type Editor, type Emit } from '../../core/edit';
import { intrinsicOf } from '../../core/intrinsics';
import type { AuthorizerDef, Route } from '../../core/model/routes';
import type { FixInput, OffsetEdit, RuleContext } from '../../core/rule';
import { globalsEdit } from './stages';

const KIND_WORDS: Record<AuthorizerDef['kind'], string> = { cognito: 'Cognito authorizer', lambda: 'Lambda authorizer', jwt: 'JWT authorizer', iam: 'IAM' };

function title(def: AuthorizerDef): string {
  return def.kind === 'iam' ? 'Require AWS_IAM (signed requests)' : `Require the ${KIND_WORDS[def.kind]} ${def.name}`;
}

/** A node rewritten as a value to emit (to copy an authorizer another event uses). */
export function nodeToEmit(node: Node): Emit {
  const fn = intrinsicOf(node);
  if (fn && node.tag) return new Intrinsic(node.tag.slice(1), nodeToEmit(fn.argument));
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(nodeToEmit);
  const out: { [key: string]: Emit } = {};
  for (const p of node.pairs) out[String(p.key.value)] = nodeToEmit(p.value);
  return out;
}

/** Sets several keys of a map in one go; inserted keys share one edit so they keep their order. */
export function setPairs(editor: Editor, map: MapNode, values: [string, Emit][]): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  let insert: OffsetEdit | undefined;
  for (const [key, value] of values) {
    if (getPair(map, key)) edits.push(editor.setPair(map, key, value));
    else {
      const e = editor.insertPair(map, key, value);
      if (insert && insert.start === e.start) insert.newText += e.newText;
      else {
        insert = e;
        edits.push(e);
      }
    }
  }
  return edits;
}

function cfnType(def: AuthorizerDef): string {
  return def.kind === 'iam' ? 'AWS_IAM' : def.kind === 'cognito' ? 'COGNITO_USER_POOLS' : def.kind === 'jwt' ? 'JWT' : 'CUSTOM';
}

function edits(route: Route, def: AuthorizerDef, editor: Editor): OffsetEdit[] | undefined {
  const target = route.target;
  switch (target.kind) {
    case 'cfn-route': {
      const values: [string, Emit][] = [['AuthorizationType', cfnType(def)]];
      if (def.kind !== 'iam') values.push(['AuthorizerId', ref(def.name)]);
      return setPairs(editor, target.properties, values);
    }
    case 'sam-event': {
      const name = def.kind === 'iam' ? 'AWS_IAM' : def.name;
      const auth = getMap(target.properties, 'Auth');
      if (auth) return [editor.setPair(auth, 'Authorizer', name)];
      if (target.properties) return [editor.insertPair(target.properties, 'Auth', { Authorizer: name })];
      return [editor.insertPair(target.event, 'Properties', { Auth: { Authorizer: name } })];
    }
    case 'serverless-event': {
      const ev = target.event;
      const http = ev.type === 'http';
      let value: Emit;
      if (http) value = def.kind === 'iam' ? 'aws_iam' : def.node ? nodeToEmit(def.node) : { name: def.name };
      else value = def.kind === 'iam' ? { type: 'aws_iam' } : { name: def.name };
      if (isMap(ev.node)) return [editor.setPair(ev.node, 'authorizer', value)];
      const short = literalString(ev.node);
      if (short === undefined) return undefined;
      const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(short);
      if (!m) return undefined;
      return [editor.replaceValue(ev.node, { path: m[2], method: m[1], authorizer: value })];
    }
    default:
      return undefined;
  }
}

/**
 * SAM HTTP APIs accept `Authorizer: AWS_IAM` only when the API sets `Auth.EnableIamAuthorizer: true`:
 * when no authorizer is defined, offer both edits together (explicit APIs, or the implicit one through
 * `Globals.HttpApi` when it has no `Auth` yet).
 */
function enableIamFix(route: Route, context: RuleContext): FixInput | undefined {
  if (route.source !== 'sam-httpapi-event' || route.iamUsable || route.target.kind !== 'sam-event') return undefined;
  const t = context.template;
  if (!t) return undefined;
  const editor = context.editor;
  let apiEdit: OffsetEdit | undefined;
  const api = t.resourcesById.get(route.api);
  if (api) {
    const own = getPair(api.properties, 'Auth');
    if (own && (!isMap(own.value) || intrinsicOf(own.value))) return undefined;
    if (own) apiEdit = editor.setPair(own.value as MapNode, 'EnableIamAuthorizer', true);
    else if (api.properties && !t.property(api, 'Auth')) apiEdit = editor.insertPair(api.properties, 'Auth', { EnableIamAuthorizer: true });
  } else if (route.api === 'ServerlessHttpApi' && !get(getMap(t.globalsNode, 'HttpApi'), 'Auth')) {
    apiEdit = globalsEdit(context, 'HttpApi', 'Auth', { EnableIamAuthorizer: true });
  }
  const eventEdits = edits(route, { name: 'AWS_IAM', kind: 'iam' }, editor);
  if (!apiEdit || !eventEdits) return undefined;
  return { title: `Require AWS_IAM (signed requests) and enable IAM authorization on ${route.api}`, isPreferred: true, edits: [apiEdit, ...eventEdits] };
}

/** One fix per usable authorizer; the first is preferred. */
export function authorizeFixes(route: Route, context: RuleContext): FixInput[] {
  const fixes: FixInput[] = [];
  for (const def of route.authorizers) {
    if (def.kind === 'iam' && !route.iamUsable) continue;
    const e = edits(route, def, context.editor);
    if (e) fixes.push({ title: title(def), isPreferred: fixes.length === 0, edits: e });
  }
  if (fixes.length === 0) {
    const iam = enableIamFix(route, context);
    if (iam) fixes.push(iam);
  }
  return fixes;
}
