import { describe, expect, it } from 'vitest';
import { CREDENTIAL_READ_PATTERN, isCredentialHeaderName } from '../src/index.js';

describe('isCredentialHeaderName', () => {
  it.each(['Authorization', 'x-api-key', 'X-Auth-Token', 'x-project-token', 'x-webhook-secret', 'x-slack-signature', 'X-Hub-Signature-256'])('%s carries a credential', (name) => {
    expect(isCredentialHeaderName(name)).toBe(true);
  });
  it.each(['content-type', 'x-request-id', 'user-agent', 'x-forwarded-for'])('%s does not', (name) => {
    expect(isCredentialHeaderName(name)).toBe(false);
  });
});

describe('CREDENTIAL_READ_PATTERN', () => {
  it.each([
    "const key = req.headers['x-api-key'];",
    "const auth = request.headers.get('Authorization');",
    "const key = c.req.header('X-API-Key');",
    'const token = req.query.token;',
    'const { token } = req.query;',
  ])('finds %s', (code) => {
    expect(CREDENTIAL_READ_PATTERN.test(code)).toBe(true);
  });
  it.each(["headers['Authorization'] = `Bearer ${token}`;", "const type = req.headers['content-type'];", 'const { page } = req.query;', 'const token = crypto.randomUUID();'])('ignores %s', (code) => {
    expect(CREDENTIAL_READ_PATTERN.test(code)).toBe(false);
  });
});
