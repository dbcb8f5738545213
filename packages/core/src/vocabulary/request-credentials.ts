/**
 * Headers that carry the caller's credential: a handler that reads one checks who is calling, whatever it
 * does with it next (looks the key up, compares it, forwards it to the service that does).
 */
const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  'authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'apikey', 'x-auth-token', 'x-access-token', 'x-token',
]);

/**
 * A project's own credential header (`X-Project-Token`, `x-webhook-secret`), or a provider's signature of the
 * request (`x-slack-signature`, `x-hub-signature-256`): whoever checks it checks who sent the request.
 */
const CUSTOM_CREDENTIAL_HEADER = 'x-[\\w-]*(?:api-?key|token|secret|signature(?:-256)?)';
const CUSTOM_CREDENTIAL_HEADER_NAME = new RegExp(`^${CUSTOM_CREDENTIAL_HEADER}$`);

/** `Authorization`, `x-api-key`, `X-Project-Token`, `x-webhook-secret`, `x-slack-signature`: a request header that carries a credential. */
export function isCredentialHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return CREDENTIAL_HEADERS.has(lower) || CUSTOM_CREDENTIAL_HEADER_NAME.test(lower);
}

/** Query parameters that carry the caller's credential: `?apiKey=…`, `?token=…`, `?access_token=…`. */
export const CREDENTIAL_QUERY_PARAMETERS: ReadonlySet<string> = new Set([
  'apiKey', 'api_key', 'apikey', 'key', 'token', 'access_token', 'accessToken', 'auth', 'secret',
]);

/** Query names too common in other code to find by text alone: `key`, `auth`, `secret`. */
const GENERIC_QUERY_NAMES: ReadonlySet<string> = new Set(['key', 'auth', 'secret']);
const headerAlternatives = [...CREDENTIAL_HEADERS, CUSTOM_CREDENTIAL_HEADER].join('|');
const queryAlternatives = [...CREDENTIAL_QUERY_PARAMETERS].filter((name) => !GENERIC_QUERY_NAMES.has(name)).join('|');

/**
 * The same as text, for scanning a handler's source: `headers['x-api-key']`, `header('Authorization')`,
 * `headers.get("x-api-key")`, `query.apiKey`, `const { token } = req.query`. Not a header set on a request the
 * code sends (`headers['Authorization'] = \`Bearer ${token}\``).
 */
export const CREDENTIAL_READ_PATTERN = new RegExp(
  `\\bheaders?\\s*(?:\\[\\s*|\\.get\\(\\s*|\\(\\s*)['"\`](?:${headerAlternatives})['"\`](?!\\s*\\]\\s*=(?!=))` +
    `|\\bquery\\s*\\.\\s*(?:${queryAlternatives})\\b` +
    `|\\{[^{}]*\\b(?:${queryAlternatives}|authorization)\\b[^{}]*\\}\\s*=\\s*\\w+(?:\\.req)?\\.(?:query|headers)\\b`,
  'i',
);
