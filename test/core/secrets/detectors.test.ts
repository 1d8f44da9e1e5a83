import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectSecrets, type SecretKind } from '../../../src/core/secrets/detectors';
import { characterClasses, shannonEntropy } from '../../../src/core/secrets/entropy';
import { maskSecret } from '../../../src/core/secrets/mask';
import { isPlaceholder, isSecretName, judgeLiteral } from '../../../src/core/secrets/names';

// Fake credentials with real shapes, built so no real key is ever committed.
export const FAKE = {
  accessKeyId: 'AKIA' + 'Z3MSJV4WWNKWW5FG',
  sessionKeyId: 'ASIA' + 'QNZG7BYX2L4RMPKT',
  secretAccessKey: 'q8Hf3kZ0/jL2pR9vXw7LmN4bT6yH1sQ5uE+cA0dR',
  sessionToken: 'IQoJb3JpZ2lu' + 'X2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6k3J9mZ2xLrT8pQvW4nB7cY1hKs0fGd5uE9oA2iLx3wIgV7bN1qR4tY8uP3oK6mJ2zX9cW5vB0nA7sD4fG1hJ',
  github: 'ghp_' + 'wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx',
  slack: 'xoxb-' + '2934857261-4829374659123-a8Fk29dLq0ZxPmW7nBv3TcYe',
  slackWebhook: 'https://hooks.slack.com/services/' + 'T0A1B2C3D/B4E5F6G7H/x9Y8z7W6v5U4t3S2r1Q0p9O8',
  stripe: 'sk_live_' + '51HxQ2kLmN8pR4tV6wY9zA1bC3dE5fG7h',
  npm: 'npm_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8',
  google: 'AIza' + 'SyD8-3kLmN9pQ2rT5vW7xZ0aB4cE6fG1hJk',
  sendgrid: 'SG.' + 'ngeVfQFYQlKU0ufo8x5d1A' + '.' + 'TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr',
  twilio: 'SK' + '0123456789abcdef0123456789abcdef',
  jwt: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9' + '.eyJzdWIiOiJvcmRlcnMtc2VydmljZSIsImlhdCI6MTcwMDAwMDAwMH0' + '.Xk3hJ9mQ2pL7vR4tY8wZ1aB5cD6eF0gH2iJ3kL4mN5o',
  pem: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1c7pQ3m2kL9xZ4vT8wR6yN0bH5jF2gD7sA3qE1uI9oP4lK8m\nZ2xLrT8pQvW4nB7cY1hKs0fGd5uE9oA2iLx3wIgV7bN1qR4tY8uP3oK6mJ2zX9cW\n-----END RSA PRIVATE KEY-----',
  dbPassword: 'Tr0ub4dor-3xQ9',
};

function kinds(value: string, options?: Parameters<typeof detectSecrets>[1]): SecretKind[] {
  return detectSecrets(value, options).map((d) => d.kind);
}

describe('detectSecrets: known shapes', () => {
  const cases: [string, string, SecretKind][] = [
    ['access key ID (AKIA)', FAKE.accessKeyId, 'aws-access-key-id'],
    ['temporary access key ID (ASIA)', FAKE.sessionKeyId, 'aws-access-key-id'],
    ['A3T prefix', 'A3TX' + 'QNZG7BYX2L4RMPKT', 'aws-access-key-id'],
    ['GitHub token', FAKE.github, 'github-token'],
    ['Slack bot token', FAKE.slack, 'slack-token'],
    ['Slack webhook', FAKE.slackWebhook, 'slack-webhook'],
    ['Stripe live key', FAKE.stripe, 'stripe-key'],
    ['npm token', FAKE.npm, 'npm-token'],
    ['Google API key', FAKE.google, 'google-api-key'],
    ['SendGrid key', FAKE.sendgrid, 'sendgrid-key'],
    ['Twilio key', FAKE.twilio, 'twilio-key'],
    ['JWT', FAKE.jwt, 'jwt'],
    ['PEM private key', FAKE.pem, 'private-key'],
    ['Postgres URL with a password', `postgres://orders:${FAKE.dbPassword}@db.internal:5432/orders`, 'connection-string'],
    ['MongoDB SRV URL', `mongodb+srv://app:${FAKE.dbPassword}@cluster0.example.net/db`, 'connection-string'],
    ['basic-auth URL', `https://deploy:${FAKE.dbPassword}@artifacts.example.com/repo`, 'basic-auth-url'],
  ];
  for (const [name, value, kind] of cases) {
    it(name, () => assert.deepEqual(kinds(value), [kind]));
    it(`${name}, inside a longer text`, () => assert.deepEqual(kinds(`export X="${value}" # set by ops`), [kind]));
  }

  it('gives offsets inside the value; a URL reports only its password', () => {
    const url = `postgres://orders:${FAKE.dbPassword}@db:5432/x`;
    const [d] = detectSecrets(url);
    assert.equal(url.slice(d.start, d.end), FAKE.dbPassword);
  });

  it('finds a whole PEM block', () => {
    const [d] = detectSecrets(`key: |\n${FAKE.pem}\nrest`);
    assert.ok(d.secret.startsWith('-----BEGIN RSA PRIVATE KEY-----') && d.secret.endsWith('-----END RSA PRIVATE KEY-----'));
  });
});

describe('detectSecrets: AWS secret access keys by context', () => {
  it('a bare 40-character string alone is not enough', () => assert.deepEqual(kinds(FAKE.secretAccessKey), []));
  it('under a key name that says so', () => {
    for (const keyName of ['aws_secret_access_key', 'SecretAccessKey', 'AWS_SECRET_ACCESS_KEY', 'secretKey', 'aws.secret.key']) {
      assert.deepEqual(kinds(FAKE.secretAccessKey, { keyName }), ['aws-secret-access-key'], keyName);
    }
  });
  it('beside an access key ID in the same map', () => assert.deepEqual(kinds(FAKE.secretAccessKey, { besideAccessKey: true }), ['aws-secret-access-key']));
  it('inside text after its key name', () => assert.deepEqual(kinds(`[default]\naws_secret_access_key = ${FAKE.secretAccessKey}\n`), ['aws-secret-access-key']));
  it('inside text next to an access key ID', () => assert.deepEqual(kinds(`aws configure set ${FAKE.accessKeyId} ${FAKE.secretAccessKey}`), ['aws-access-key-id', 'aws-secret-access-key']));
  it('low-entropy 40-character values are not keys, even by name', () => assert.deepEqual(kinds('a'.repeat(40), { keyName: 'SecretAccessKey' }), []));
  it('a 40-character git commit hash is not a key', () => assert.deepEqual(kinds('3f786850e387550fdab836ed7e6dc881de23001b', { keyName: 'SecretAccessKey' }), []));
  it('session token by name or by prefix', () => {
    assert.deepEqual(kinds(FAKE.sessionToken, { keyName: 'aws_session_token' }), ['aws-session-token']);
    assert.deepEqual(kinds(FAKE.sessionToken), ['aws-session-token']);
  });
});

describe('detectSecrets: placeholders and non-secrets', () => {
  it('AWS documentation example keys are placeholders', () => {
    const [id] = detectSecrets('AKIAIOSFODNN7EXAMPLE');
    assert.equal(id.placeholder, true);
    const [secret] = detectSecrets('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', { keyName: 'aws_secret_access_key' });
    assert.deepEqual([secret.kind, secret.placeholder], ['aws-secret-access-key', true]);
  });
  it('a URL whose password is a stand-in is a placeholder', () => {
    const [d] = detectSecrets('mysql://user:password@localhost/db');
    assert.deepEqual([d.kind, d.placeholder], ['connection-string', true]);
  });
  it("jwt.io's sample token is a placeholder", () => {
    const sample = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    const [d] = detectSecrets(sample);
    assert.deepEqual([d.kind, d.placeholder], ['jwt', true]);
    assert.equal(detectSecrets(FAKE.jwt)[0].placeholder, false);
  });
  it('real-looking keys are not placeholders', () => assert.equal(detectSecrets(FAKE.accessKeyId)[0].placeholder, false));
  const quiet: [string, string][] = [
    ['an ARN', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf'],
    ['a URL without credentials', 'https://api.example.com/v1/orders?limit=10'],
    ['a URL whose password is a variable', 'postgres://app:${DbPassword}@${DbHost}:5432/app'],
    ['a handler name', 'src/handlers/orders.createOrderHandler'],
    ['a SHA-256 hash', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['an S3 key', 'artifacts/2024/01/orders-service-1.2.3.zip'],
    ['a base64 word starting with eyJ that is not a JWT', 'eyJ0ZXN0IjoiMSJ9.eyJ0ZXN0IjoiMSJ9.abcdefghijklmnopqrstuvwxyz'],
    ['a public key', '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----'],
    ['an access-key-like word with lower case', 'AKIAz3msjv4wwnkww5fg'],
    ['an access-key-like word inside a longer word', 'XAKIAZ3MSJV4WWNKWW5FGX'],
  ];
  for (const [name, value] of quiet) it(`${name} is not a credential`, () => assert.deepEqual(kinds(value), []));
});

describe('masking, entropy, names', () => {
  it('masks with at most 4 characters and the length', () => {
    assert.equal(maskSecret(FAKE.accessKeyId), 'AKIA…(20 chars)');
    assert.equal(maskSecret('hunter22'), 'hu…(8 chars)');
    assert.equal(maskSecret('abc'), '…(3 chars)');
  });
  it('entropy and character classes tell random from words', () => {
    assert.ok(shannonEntropy(FAKE.secretAccessKey) > 4.5);
    assert.ok(shannonEntropy('aaaaaaaaaaaaaaaaaaaa') === 0);
    assert.equal(characterClasses('abcDEF123+'), 4);
  });
  it('secret names: the last word decides', () => {
    for (const n of ['DB_PASSWORD', 'dbPassword', 'API_KEY', 'apiKey', 'GITHUB_TOKEN', 'client_secret', 'PRIVATE_KEY', 'SlackWebhookSecret', 'MasterUserPassword', 'STRIPE_SECRET_KEY', 'credentials']) {
      assert.equal(isSecretName(n), true, n);
    }
    for (const n of ['SECRET_ARN', 'DB_SECRET_NAME', 'TOKEN_TABLE', 'PASSWORD_PARAMETER_NAME', 'API_KEY_HEADER', 'TOKEN_TTL', 'SECRET_ID', 'TOKEN_URL', 'KeyName', 'BYPASS_CACHE', 'PASS_THROUGH', 'TABLE_NAME', 'SECRETS_MANAGER_ENDPOINT', 'TOKEN_EXPIRY_SECONDS', 'PARAMETERS_SECRETS_EXTENSION_HTTP_PORT', 'PASSWORD_ITERATIONS']) {
      assert.equal(isSecretName(n), false, n);
    }
  });
  it('judges literal values', () => {
    assert.equal(judgeLiteral('Tr0ub4dor-3xQ9'), 'secret');
    for (const v of ['', 'true', '3600', 'arn:aws:iam::123456789012:role/x', '/prod/db/password', '{{resolve:secretsmanager:x}}', '${ssm:/x}', 'https://example.com/x', 'two words', 'prod/orders/db', 'orders-db-credentials', 'stripe_api_key', 'Bearer-${ssm:/orders/token}', 'x{{resolve:ssm:/a}}']) {
      assert.equal(judgeLiteral(v), 'not-secret', v);
    }
    for (const v of ['changeme', 'YOUR-API-KEY-HERE', 'REPLACE-WITH-YOUR-SECRET', 'AIzaXXXX', 'KeyValue', 'MyAPIkey', '<password>', 'abc123', 'dummy-value', 'password123']) {
      assert.equal(judgeLiteral(v), 'placeholder', v);
      assert.equal(isPlaceholder(v), true, v);
    }
  });
});
