import { alternatives, valueOf } from '../../core/intrinsics';
import { extractRuntimeConfig } from '../../core/model/runtime-config';
import type { Rule } from '../../core/rule';
import { maskSecret } from '../../core/secrets/mask';
import { isSecretName, judgeLiteral, type LiteralVerdict } from '../../core/secrets/names';
import { scanCredentials } from '../../core/secrets/scan';
import { moveSecretFixes } from './fixes';
import { credentialNodes } from './shared';

export const plaintextConfig: Rule = {
  meta: {
    id: 'secrets/plaintext-config',
    title: 'Passwords, tokens and keys must not be literal values of environment variables, password properties or String SSM parameters',
    defaultSeverity: 'warning',
    fixable: true,
    kinds: ['cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    const config = context.use(extractRuntimeConfig);
    // Values with a known credential shape are reported, with more to say, by the credential rules.
    const credentials = credentialNodes(context.use(scanCredentials));
    for (const entry of config.entries) {
      if (entry.place === 'user-data' || !entry.secretByName) continue;
      for (const node of alternatives(entry.node)) {
        if (credentials.has(node)) continue;
        const value = valueOf(node);
        // `{{resolve:ssm:...}}` reads a plain String parameter (it cannot read a SecureString), written directly or built by a !Sub.
        const plainSsm = value.kind === 'dynamic-ref' ? value.service === 'ssm' : value.kind === 'sub' && value.template.startsWith('{{resolve:ssm:');
        if (plainSsm && entry.place !== 'ssm-parameter') {
          const fixable = value.kind === 'dynamic-ref' && entry.ssmSecure;
          const secure = value.kind === 'dynamic-ref' ? `{{resolve:ssm-secure:${value.reference}}}` : '';
          context.report({
            node,
            resource: entry.owner,
            message: `${capital(entry.location)} reads a plain String SSM parameter (\`{{resolve:ssm:...}}\`): store the secret as a SecureString or in Secrets Manager${entry.ssmSecure ? ' and read it with `{{resolve:ssm-secure:...}}`' : ''}`,
            fixes: fixable ? [{ title: `Read it as a SecureString: ${secure}`, isPreferred: true, edits: [context.editor.replaceValue(node, secure)] }] : [],
          });
          continue;
        }
        if (value.kind !== 'literal' || typeof value.value !== 'string') continue;
        const judged = entry.ownerType === 'AWS::SecretsManager::Secret' ? judgeSecretString(value.value) : { verdict: judgeLiteral(value.value), secret: value.value };
        const verdict = judged.verdict;
        const secret = judged.secret;
        if (verdict === 'not-secret') continue;
        if (entry.place === 'ssm-parameter') {
          context.report({
            node,
            resource: entry.owner,
            severity: verdict === 'placeholder' ? 'info' : undefined,
            message: verdict === 'placeholder'
              ? `${capital(entry.location)} holds a weak placeholder secret ${maskSecret(secret)}: create the real value outside the template`
              : `${capital(entry.location)} stores the secret ${maskSecret(secret)} in plain text in the template and in SSM: CloudFormation cannot create SecureString parameters, so create it as a SecureString outside the template (or use AWS::SecretsManager::Secret with GenerateSecretString)`,
          });
          continue;
        }
        const fixes = moveSecretFixes(context, entry, node);
        if (verdict === 'placeholder') {
          context.report({
            node,
            resource: entry.owner,
            severity: 'info',
            message: `${capital(entry.location)} is set to a weak placeholder secret ${maskSecret(secret)}: read the real value from Secrets Manager or SSM`,
            fixes,
          });
          continue;
        }
        context.report({
          node,
          resource: entry.owner,
          message: `${capital(entry.location)} is a literal secret ${maskSecret(secret)}: anyone who can read the template${entry.place === 'environment' ? ' or the function configuration' : ' or the stack'} sees it; read it from Secrets Manager or SSM`,
          fixes,
        });
      }
    }
  },
};

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A literal `SecretString` is usually JSON (`{"username": "app", "password": "..."}`): judge the
 * values of its secret-named keys; a username alone is not a secret.
 */
function judgeSecretString(value: string): { verdict: LiteralVerdict; secret: string } {
  const whole = { verdict: judgeLiteral(value), secret: value };
  const text = value.trim();
  if (!text.startsWith('{')) return whole;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return whole;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { verdict: 'not-secret', secret: value };
  let found: { verdict: LiteralVerdict; secret: string } = { verdict: 'not-secret', secret: value };
  for (const [key, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (!isSecretName(key) || typeof v !== 'string') continue;
    const verdict = judgeLiteral(v);
    if (verdict === 'secret') return { verdict, secret: v };
    if (verdict === 'placeholder') found = { verdict, secret: v };
  }
  return found;
}
