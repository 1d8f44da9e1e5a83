/**
 * Judging names and literal values: does `DB_PASSWORD` name a secret (yes), does `SECRET_ARN`
 * (no: it names where the secret is), is `changeme` a secret (a weak placeholder), is
 * `/prod/db/password` (no: an SSM parameter name). Precision first: when unsure, not a secret.
 */

/** Words that make a name a secret's name. */
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'secrets', 'token', 'apikey', 'credential', 'credentials', 'privatekey', 'secretkey', 'accesskey', 'authkey', 'clientsecret', 'signingkey', 'encryptionkey', 'masterkey', 'pass']);
/** Two-word names that say secret: api_key, private_key, client_secret... */
const SECRET_PAIRS = new Set(['api key', 'private key', 'secret key', 'access key', 'auth key', 'client secret', 'signing key', 'encryption key', 'master key', 'app key', 'license key', 'webhook secret', 'hmac key', 'shared key', 'session key']);
/**
 * When a name ends with one of these, the value is about the secret, not the secret:
 * SECRET_ARN, TOKEN_TABLE, PASSWORD_PARAMETER_NAME, API_KEY_HEADER, TOKEN_TTL...
 */
const DESCRIPTIVE_LAST = new Set([
  'arn', 'arns', 'name', 'names', 'id', 'ids', 'table', 'bucket', 'url', 'uri', 'urls', 'endpoint', 'host', 'path', 'param', 'params', 'parameter',
  'parameters', 'region', 'ttl', 'length', 'len', 'expiry', 'expiration', 'expires', 'lifetime', 'duration', 'timeout', 'header', 'type', 'field',
  'prefix', 'suffix', 'version', 'file', 'filename', 'location', 'queue', 'topic', 'stream', 'key' + 'id', 'enabled', 'required', 'policy', 'rotation',
  'format', 'algorithm', 'alias', 'kms', 'kmskey', 'store', 'source', 'mode', 'count', 'size', 'limit', 'age', 'min', 'max', 'minimum', 'maximum',
  'interval', 'days', 'hours', 'seconds', 'minutes', 'role', 'user', 'username', 'login', 'email', 'issuer', 'audience', 'scope', 'scopes', 'cache',
  'provider', 'service', 'function', 'lambda', 'resource', 'ref', 'reference', 'manager', 'vault', 'label', 'description', 'hint', 'regex', 'pattern',
  'policy', 'group', 'index', 'attribute', 'column', 'property', 'env', 'variable', 'var', 'secretid', 'arnsuffix',
  'port', 'iterations', 'rounds', 'retries', 'attempts', 'level', 'strength', 'complexity', 'handler', 'template',
]);

/** Splits `dbPassword`, `DB_PASSWORD`, `db-password`, `MasterUserPassword` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether a variable, parameter or key name says its value is a secret. */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  const last = words[words.length - 1];
  if (DESCRIPTIVE_LAST.has(last)) return false;
  // "SECRET_NAME_PREFIX", "TOKEN_URL_PATH": a descriptive word anywhere after the secret word.
  let secretAt = -1;
  for (let i = 0; i < words.length; i++) {
    if (SECRET_WORDS.has(words[i]) || (i + 1 < words.length && SECRET_PAIRS.has(`${words[i]} ${words[i + 1]}`))) {
      secretAt = i;
    }
  }
  if (secretAt === -1) return false;
  for (let i = secretAt + 1; i < words.length; i++) {
    if (DESCRIPTIVE_LAST.has(words[i])) return false;
  }
  // "pass" alone is too ambiguous (PASS_THROUGH, BYPASS); only as a whole last word.
  if (words[secretAt] === 'pass' && secretAt !== words.length - 1) return false;
  return true;
}

/** Values that are words about configuration, never secrets. */
const NON_SECRET_VALUES = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'null', 'none', 'nil', 'undefined', 'enabled', 'disabled', 'required', 'optional', 'auto', 'default', 'n/a', 'na', '-', '*']);

/** Obvious placeholders: reported as weak placeholders (info), never as leaks. */
const PLACEHOLDER = /^(?:change[-_ ]?me.*|changeit|replace[-_ ]?me.*|password\d*|passw0rd|secret\d*|mysecret|mypassword|example\w*|dummy\w*|test\d*|testing|todo|tbd|fixme|placeholder|xxx+|\*{3,}|\.{3,}|<[^>]*>|\[[^\]]*\]|your[-_ ]?\w*|insert[-_ ]?\w*|fill[-_ ]?\w*|admin|admin123|root|default|temp\d*|pass\d*|12345\d*|abc123|qwerty|letmein|foo(?:bar)?|bar)$/i;

export type LiteralVerdict = 'secret' | 'placeholder' | 'not-secret';

/**
 * Judges a literal value found where a secret is expected (a secret-named variable, a password
 * property). Not secret: empty, numbers, booleans, ARNs, URLs without credentials, SSM parameter
 * names, references written as text (`${...}`, `{{...}}`, `$VAR`), values with spaces (prose).
 */
export function judgeLiteral(value: string | number | boolean | null): LiteralVerdict {
  if (typeof value !== 'string') return 'not-secret';
  const v = value.trim();
  if (v.length < 4) return v.length === 0 ? 'not-secret' : PLACEHOLDER.test(v) ? 'placeholder' : 'not-secret';
  const lower = v.toLowerCase();
  if (NON_SECRET_VALUES.has(lower)) return 'not-secret';
  if (/^-?\d+(?:\.\d+)?$/.test(v)) return 'not-secret';
  if (lower.startsWith('arn:')) return 'not-secret';
  // A value with a variable or reference inside (`Bearer ${ssm:/x}`, `pre-{{resolve:...}}`) is resolved elsewhere.
  if (v.includes('${') || v.includes('{{resolve:') || v.startsWith('$(') || /^\$[A-Z_][A-Z0-9_]*$/.test(v) || v.startsWith('%{')) return 'not-secret';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]+@/i.test(v) ? 'secret' : 'not-secret';
  if (v.startsWith('/') && !/\s/.test(v)) return 'not-secret';
  // Secrets Manager names and paths: `prod/orders/db`, `orders-db-credentials` name a secret, they are not one.
  if (/^[a-z0-9._-]+(?:\/[a-z0-9._-]+)+$/.test(v)) return 'not-secret';
  if (/^[a-z0-9]+(?:[-_][a-z0-9]+)+$/.test(v) && nameWords(v).some((w) => SECRET_WORDS.has(w) || w === 'key' || w === 'creds')) return 'not-secret';
  if (/\s/.test(v)) return 'not-secret';
  if (isPlaceholder(v)) return 'placeholder';
  return 'secret';
}

/** Stand-in words: a value containing one is an example, not a credential. */
const PLACEHOLDER_WORDS = /example|sample|dummy|placeholder|change[-_ ]?me|changeit|replace|your[-_ ]?|insert[-_ ]|fill[-_ ]?in|xxxx|\*\*\*|todo|(?:^|[-_ ])here$|^my[-_]?(?:api[-_]?)?(?:key|secret|token|pass(?:word)?)$/i;
/** Values made only of words about secrets (`KeyValue`, `MyApiKey`, `secret-token`) name a secret, they are not one. */
const ABOUT_WORDS = new Set(['key', 'value', 'api', 'apikey', 'secret', 'token', 'password', 'pass', 'passwd', 'my', 'your', 'the', 'a', 'test', 'demo', 'auth', 'access', 'client', 'id', 'string', 'new', 'some', 'default', 'value1', 'value2', 'foo', 'bar', 'hello', 'world']);

/** Obvious stand-ins: `changeme`, `YOUR-API-KEY-HERE`, `AIzaXXXX`, `KeyValue`. */
export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER.test(value) || PLACEHOLDER_WORDS.test(value)) return true;
  const words = nameWords(value);
  return words.length > 0 && words.every((w) => ABOUT_WORDS.has(w));
}

/**
 * Judges a value declared secret by its place (a NoEcho parameter's Default): anything but an
 * empty value, a number, a boolean word, an ARN or a reference is the secret, whatever it looks like.
 */
export function judgeDeclaredSecret(value: string): LiteralVerdict {
  const v = value.trim();
  if (v === '' || NON_SECRET_VALUES.has(v.toLowerCase()) || /^-?\d+(?:\.\d+)?$/.test(v)) return 'not-secret';
  if (v.toLowerCase().startsWith('arn:') || v.startsWith('{{resolve:') || v.startsWith('${')) return 'not-secret';
  return isPlaceholder(v) ? 'placeholder' : 'secret';
}
