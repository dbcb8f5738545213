/**
 * Headers that carry the caller's credential: a handler that reads one checks who is calling, whatever it
 * does with it next (looks the key up, compares it, forwards it to the service that does).
 */
const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  'authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'apikey', 'x-auth-token', 'x-access-token', 'x-token',
]);

/** `Authorization`, `x-api-key`, `X-Project-Token`, `x-webhook-secret`: a request header that carries a credential. */
export function isCredentialHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return CREDENTIAL_HEADERS.has(lower) || /^x-[\w-]*(?:api-?key|token|secret)$/.test(lower);
}

/** Query parameters that carry the caller's credential: `?apiKey=…`, `?token=…`, `?access_token=…`. */
export const CREDENTIAL_QUERY_PARAMETERS: ReadonlySet<string> = new Set([
  'apiKey', 'api_key', 'apikey', 'key', 'token', 'access_token', 'accessToken', 'auth', 'secret',
]);

/**
 * The same as text, for scanning a handler's source: `headers['x-api-key']`, `header('Authorization')`,
 * `headers.get("x-api-key")`, `query.apiKey`, `const { token } = req.query`.
 */
export const CREDENTIAL_READ_PATTERN =
  /\bheaders?\s*(?:\[\s*|\.get\(\s*|\(\s*)['"`](?:authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|x-access-token|x-token|x-[\w-]*(?:api-?key|token|secret))['"`]|\bquery\s*\.\s*(?:apiKey|api_key|apikey|token|access_token|accessToken)\b|\{[^{}]*\b(?:apiKey|api_key|apikey|token|access_token|accessToken|authorization)\b[^{}]*\}\s*=\s*\w+(?:\.req)?\.(?:query|headers)\b/i;
