/**
 * Credentials with a known shape, found inside any string value.
 *
 * Why a catalogue of our own rather than secretlint's rules (evaluated for this, v12 and v13):
 * - @secretlint/core 13 requires Node >= 22; the project runs on Node 20 (VS Code's own runtime).
 * - its recommended preset imports `node:path` and `node:fs`, so esbuild cannot bundle it for the
 *   browser web worker (vscode.dev) without shims, and its `debug` dependency breaks an ESM bundle;
 * - its API is asynchronous and line-oriented (it reports text offsets of a whole file), while rules
 *   here are synchronous and judge one value at a time with its key name, its siblings and what
 *   the value flows into: the contextual AWS secret key and the placeholder handling need that.
 * The shapes below follow the same public token formats (secretlint, gitleaks, the vendors' docs).
 *
 * Cost: one cheap length test, then one combined regular expression per string. V8 rejects most
 * positions on the first character, so a scan is linear in the string's length.
 */
import { shannonEntropy, looksRandom } from './entropy';

export type SecretKind =
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'aws-session-token'
  | 'private-key'
  | 'github-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'stripe-key'
  | 'npm-token'
  | 'google-api-key'
  | 'sendgrid-key'
  | 'twilio-key'
  | 'jwt'
  | 'connection-string'
  | 'basic-auth-url';

export interface Detection {
  kind: SecretKind;
  /** In words, for messages: "AWS access key ID". */
  label: string;
  /** AWS credentials have their own rule; the rest are "other known credentials". */
  aws: boolean;
  /** The credential (for masking and privacy tests; never print it). */
  secret: string;
  /** Offsets inside the string value. */
  start: number;
  end: number;
  /** AWS documentation's example keys and other obvious stand-ins. */
  placeholder: boolean;
}

export const SECRET_LABELS: Record<SecretKind, string> = {
  'aws-access-key-id': 'AWS access key ID',
  'aws-secret-access-key': 'AWS secret access key',
  'aws-session-token': 'AWS session token',
  'private-key': 'private key',
  'github-token': 'GitHub token',
  'slack-token': 'Slack token',
  'slack-webhook': 'Slack webhook URL',
  'stripe-key': 'Stripe secret key',
  'npm-token': 'npm access token',
  'google-api-key': 'Google API key',
  'sendgrid-key': 'SendGrid API key',
  'twilio-key': 'Twilio API key',
  jwt: 'JSON Web Token',
  'connection-string': 'database connection string with a password',
  'basic-auth-url': 'URL with a password',
};

/** The shortest credential matched here (a Twilio SK key is 34, an access key ID 20). */
const MIN_LENGTH = 16;

/**
 * One pass over the string. Groups: 1 access key ID, 2 PEM header, 3 GitHub, 4 Slack token,
 * 5 Slack webhook, 6 Stripe, 7 npm, 8 Google, 9 SendGrid, 10 Twilio, 11 JWT, 12 URL with user info.
 */
const SHAPES = new RegExp(
  [
    /(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Za-z0-9])/.source,
    /(-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)/.source,
    /(?<![A-Za-z0-9_])((?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{82}))(?![A-Za-z0-9_])/.source,
    /(?<![A-Za-z0-9])(xox(?:[baprs]|e\.[a-z]+)-[0-9A-Za-z-]{10,250})(?![A-Za-z0-9-])/.source,
    /(https:\/\/hooks\.slack\.com\/(?:services|workflows)\/[A-Za-z0-9+/]{8,}\/[A-Za-z0-9+/]{8,}\/[A-Za-z0-9+/]{16,})/.source,
    /(?<![A-Za-z0-9])((?:sk|rk)_live_[0-9A-Za-z]{24,247})(?![A-Za-z0-9])/.source,
    /(?<![A-Za-z0-9])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])/.source,
    /(?<![A-Za-z0-9_-])(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/.source,
    /(?<![A-Za-z0-9])(SG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43})(?![A-Za-z0-9_-])/.source,
    /(?<![A-Za-z0-9])(SK[0-9a-f]{32})(?![A-Za-z0-9])/.source,
    /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-])/.source,
    /\b([a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@"'`<>{}$]+:[^\s/@"'`<>{}$]+@[A-Za-z0-9.-]+)/.source,
  ].join('|'),
  'g',
);

const SHAPE_KINDS: (SecretKind | 'pem' | 'url')[] = [
  'aws-access-key-id', 'pem', 'github-token', 'slack-token', 'slack-webhook', 'stripe-key', 'npm-token', 'google-api-key', 'sendgrid-key', 'twilio-key', 'jwt', 'url',
];

const DB_SCHEMES = /^(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|oracle|jdbc:[a-z]+|cockroachdb|neo4j|couchbase|clickhouse|snowflake)$/i;

/** A URL password that is a variable or a stand-in, not a credential. */
const URL_PASSWORD_PLACEHOLDER = /^(?:password|passwd|pass|pwd|secret|x+|\*+|changeme|example|your[-_]?password|<.*>|\[.*\]|%s|token)$/i;

/** Key names that say the value is an AWS secret access key / session token. */
export const AWS_SECRET_KEY_NAME = /(?:^|[^a-z])(?:aws)?[_.-]?secret[_.-]?(?:access)?[_.-]?key$|secretaccesskey$|^aws[_.-]?secret$/i;
export const AWS_SESSION_TOKEN_NAME = /(?:session|security)[_.-]?token$/i;
const BASE64_40 = /^[A-Za-z0-9/+]{40}$/;

/** In free text (UserData, a config file in a string): `aws_secret_access_key = ...`. */
const INLINE_AWS_SECRET = /(?:aws_?secret_?access_?key|secret_?access_?key|SecretAccessKey|AWS_SECRET_KEY)["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi;
/** A 40-character base64 word, for the text around an access key ID. */
const BARE_40 = /(?<![A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g;

/** AWS session tokens (STS) start with these base64 prefixes. */
const SESSION_TOKEN_PREFIX = /^(?:FwoGZXIvYXdz|IQoJb3JpZ2lu|FQoGZXIvYXdz|AQoDYXdz|AgoJb3JpZ2lu)[A-Za-z0-9/+=]{80,}$/;

export interface DetectOptions {
  /** The key the value sits under (`aws_secret_access_key`, `DB_PASSWORD`). */
  keyName?: string;
  /** A sibling value in the same map is an AWS access key ID. */
  besideAccessKey?: boolean;
}

export function isAccessKeyId(value: string): boolean {
  return value.length === 20 && /^(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}$/.test(value);
}

/** Every credential in a string value. Cheap for the short strings most templates are made of. */
export function detectSecrets(value: string, options: DetectOptions = {}): Detection[] {
  if (value.length < MIN_LENGTH) return [];
  const found: Detection[] = [];
  let accessKeyInText = false;
  SHAPES.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SHAPES.exec(value)) !== null) {
    let group = 1;
    while (group < m.length && m[group] === undefined) group++;
    const kind = SHAPE_KINDS[group - 1];
    const text = m[group];
    const start = m.index + m[0].indexOf(text);
    if (kind === 'pem') {
      const pem = pemBlock(value, start);
      found.push(make('private-key', pem, start, /EXAMPLE|\.\.\.|<|xxx/i.test(pem.slice(0, 200)) || pem.length < 120));
      SHAPES.lastIndex = start + pem.length;
      continue;
    }
    if (kind === 'url') {
      const url = judgeUrl(text);
      if (url) found.push(make(url.kind, url.secret, start + url.offset, url.placeholder));
      continue;
    }
    if (kind === 'aws-access-key-id') {
      accessKeyInText = true;
      found.push(make(kind, text, start, text.endsWith('EXAMPLE') || isLowVariety(text.slice(4))));
      continue;
    }
    if (kind === 'jwt' && !isJwt(text)) continue;
    found.push(make(kind, text, start, /example|xxxx|0000000000|1234567890abcdef/i.test(text) || (kind === 'jwt' && isSampleJwt(text))));
  }

  const key = options.keyName;
  if (key && AWS_SECRET_KEY_NAME.test(key) || options.besideAccessKey) {
    const v = value.trim();
    if (BASE64_40.test(v) && (looksRandom(v, 3.8) || v.includes('EXAMPLEKEY'))) {
      found.push(make('aws-secret-access-key', v, value.indexOf(v), v.includes('EXAMPLEKEY')));
    }
  }
  if (key && AWS_SESSION_TOKEN_NAME.test(key) || SESSION_TOKEN_PREFIX.test(value)) {
    const v = value.trim();
    if (v.length >= 100 && /^[A-Za-z0-9/+=]+$/.test(v) && shannonEntropy(v) >= 4.5) found.push(make('aws-session-token', v, value.indexOf(v), false));
  }
  // Secret access keys inside text: after their key name, or anywhere near an access key ID.
  if (value.length > 40 && (accessKeyInText || /ecret_?access_?key|ecretAccessKey|SECRET_KEY/i.test(value))) {
    const seen = new Set(found.map((d) => d.start));
    const pattern = accessKeyInText ? BARE_40 : INLINE_AWS_SECRET;
    pattern.lastIndex = 0;
    while ((m = pattern.exec(value)) !== null) {
      const text = m[1];
      const start = m.index + m[0].lastIndexOf(text);
      if (seen.has(start)) continue;
      const placeholder = text.includes('EXAMPLEKEY');
      if (!placeholder && !looksRandom(text, 4)) continue;
      // A bare 40-character word near a key ID must still look like base64 (has a digit or / or +).
      if (accessKeyInText && !/[0-9/+]/.test(text)) continue;
      found.push(make('aws-secret-access-key', text, start, placeholder));
    }
  }
  return found;
}

function make(kind: SecretKind, secret: string, start: number, placeholder: boolean): Detection {
  return { kind, label: SECRET_LABELS[kind], aws: kind.startsWith('aws-'), secret, start, end: start + secret.length, placeholder };
}

/** From `-----BEGIN ... PRIVATE KEY-----` to its END line (or the end of the value). */
function pemBlock(value: string, start: number): string {
  const endMarker = value.indexOf('-----END', start + 10);
  if (endMarker === -1) return value.slice(start);
  const close = value.indexOf('-----', endMarker + 8);
  return value.slice(start, close === -1 ? value.length : close + 5);
}

function isLowVariety(s: string): boolean {
  return new Set(s).size <= 4;
}

function isJwt(token: string): boolean {
  // The header must decode to JSON with "alg": a long base64 word starting with eyJ is not enough.
  const header = token.slice(0, token.indexOf('.'));
  try {
    const json = decodeBase64Url(header);
    return /"alg"\s*:/.test(json);
  } catch {
    return false;
  }
}

/** jwt.io's sample token (subject 1234567890, John Doe) is documentation, not a credential. */
function isSampleJwt(token: string): boolean {
  const parts = token.split('.');
  try {
    return /"sub"\s*:\s*"1234567890"|John Doe/.test(decodeBase64Url(parts[1] ?? ''));
  } catch {
    return false;
  }
}

function decodeBase64Url(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  // atob exists in Node 20 and in web workers.
  return atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
}

/** `scheme://user:password@host`: the password is the secret; variables and stand-ins are not. */
function judgeUrl(url: string): { kind: SecretKind; secret: string; offset: number; placeholder: boolean } | undefined {
  const schemeEnd = url.indexOf('://');
  const scheme = url.slice(0, schemeEnd);
  const at = url.lastIndexOf('@');
  const userInfo = url.slice(schemeEnd + 3, at);
  const colon = userInfo.indexOf(':');
  if (colon === -1) return undefined;
  const password = userInfo.slice(colon + 1);
  if (!password || /^[$%{]/.test(password) || password.includes('${')) return undefined;
  const kind: SecretKind = DB_SCHEMES.test(scheme) ? 'connection-string' : /^(?:https?|ftps?|sftp|smtps?|ldaps?|git\+https?|ssh|wss?)$/i.test(scheme) ? 'basic-auth-url' : 'connection-string';
  if (kind === 'connection-string' && !DB_SCHEMES.test(scheme)) return undefined;
  return { kind, secret: password, offset: schemeEnd + 3 + colon + 1, placeholder: URL_PASSWORD_PLACEHOLDER.test(password) };
}
