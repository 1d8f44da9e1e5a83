/**
 * Fixes that move a literal secret out of the file: a Secrets Manager dynamic reference, an SSM
 * SecureString reference where CloudFormation supports one, a NoEcho parameter, or in
 * serverless.yml an `${ssm:...}` variable. Names are derived from the owner and the variable so
 * the reference reads as the user would have written it. No fix ever contains the secret.
 */
import { ref } from '../../core/edit';
import type { ConfigEntry } from '../../core/model/runtime-config';
import { nameWords } from '../../core/secrets/names';
import type { FixInput, RuleContext } from '../../core/rule';
import type { Node } from '../../core/ast';

export interface MoveOptions {
  /** For leaked keys: the title says the key must be rotated first. */
  rotate?: string;
}

export function moveSecretFixes(context: RuleContext, entry: ConfigEntry, node: Node, options: MoveOptions = {}): FixInput[] {
  const prefix = options.rotate ? `Rotate this ${options.rotate} (moving it does not un-leak it), then ` : '';
  const cap = (s: string): string => (prefix ? s : s.charAt(0).toUpperCase() + s.slice(1));
  const key = lastSegment(entry.name);
  if (entry.syntax === 'serverless' && (entry.origin === 'provider' || entry.origin === 'function')) {
    const service = context.serverless?.serviceName ?? 'service';
    const path = entry.origin === 'function' ? `/${service}/\${sls:stage}/${entry.owner}/${key}` : `/${service}/\${sls:stage}/${key}`;
    const variable = `\${ssm:${path}}`;
    return [{ title: `${prefix}${cap(`read ${key} from SSM Parameter Store: ${variable}`)}`, isPreferred: true, edits: [context.editor.replaceValue(node, variable)] }];
  }
  const secretName = entry.origin === 'globals' ? 'FunctionGlobals' : entry.owner;
  const dynamic = `{{resolve:secretsmanager:${secretName}:SecretString:${key}}}`;
  // A secret's own SecretString cannot read itself from Secrets Manager: only the parameter fix applies there.
  const isSecretItself = entry.ownerType === 'AWS::SecretsManager::Secret';
  const fixes: FixInput[] = isSecretItself ? [] : [
    { title: `${prefix}${cap(`read ${key} from Secrets Manager: ${dynamic}`)}`, isPreferred: true, edits: [context.editor.replaceValue(node, dynamic)] },
  ];
  if (entry.ssmSecure) {
    const secure = `{{resolve:ssm-secure:/${entry.owner}/${key}}}`;
    fixes.push({ title: `${prefix}${cap(`read ${key} from an SSM SecureString parameter: ${secure}`)}`, edits: [context.editor.replaceValue(node, secure)] });
  }
  const template = context.template;
  if (template && (context.kind === 'cloudformation' || context.kind === 'sam')) {
    const name = parameterName(entry, (n) => template.parameters.has(n) || template.resourcesById.has(n));
    const declaration = { Type: 'String', NoEcho: true, Description: `${entry.location.charAt(0).toUpperCase()}${entry.location.slice(1)}` };
    const insert = template.parametersNode
      ? context.editor.insertPair(template.parametersNode, name, declaration)
      : context.editor.insertPair(template.root, 'Parameters', { [name]: declaration });
    fixes.push({ title: `${prefix}${cap(`pass ${key} as a NoEcho parameter ${name}`)}`, isPreferred: isSecretItself, edits: [context.editor.replaceValue(node, ref(name)), insert] });
  }
  return fixes;
}

function lastSegment(path: string): string {
  const parts = path.replace(/\[\d+\]/g, '').split('.');
  return parts[parts.length - 1] || path;
}

/** `OrdersFn` + `DB_PASSWORD` → `OrdersFnDbPassword`: alphanumeric, as CloudFormation requires, and unused. */
function parameterName(entry: ConfigEntry, taken: (name: string) => boolean): string {
  const owner = entry.origin === 'globals' ? 'Function' : entry.owner;
  const words = [...nameWords(owner), ...nameWords(lastSegment(entry.name))];
  const base = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('').replace(/[^A-Za-z0-9]/g, '') || 'Secret';
  let name = base;
  for (let i = 2; taken(name); i++) name = `${base}${i}`;
  return name;
}
