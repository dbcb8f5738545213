import { splitIdentifierWords } from './identifier-words.js';

/** Single words that denote a secret value on their own. */
const SECRET_WORDS: ReadonlySet<string> = new Set([
  'password', 'passwords', 'passwd', 'pwd', 'passphrase', 'passcode',
  'secret', 'secrets', 'token', 'tokens', 'apikey', 'apikeys', 'authorization',
  'cookie', 'cookies', 'session', 'privatekey', 'credential', 'credentials',
  'cvv', 'cvc', 'ssn', 'otp', 'totp', 'bearer', 'jwt', 'mnemonic',
  'cardnumber',
]);

/** Two-word sequences that denote a secret (`api key`, `private key`, `card number`). */
const SECRET_WORD_PAIRS: readonly (readonly [string, string])[] = [
  ['api', 'key'], ['api', 'keys'], ['private', 'key'], ['secret', 'key'],
  ['access', 'key'], ['signing', 'key'], ['encryption', 'key'], ['master', 'key'],
  ['client', 'secret'], ['auth', 'header'], ['auth', 'key'], ['auth', 'code'],
  ['card', 'number'], ['credit', 'card'], ['security', 'code'], ['social', 'security'],
];

/**
 * Last words that make the name describe *something about* a secret rather
 * than the secret: `tokenCount`, `passwordMinLength`, `resetTokenExpiresAt`.
 */
const METADATA_WORDS: ReadonlySet<string> = new Set([
  'count', 'counts', 'length', 'len', 'size', 'min', 'max', 'limit', 'limits',
  'type', 'types', 'ttl', 'expiry', 'expires', 'expiration', 'expired', 'at',
  'date', 'time', 'timestamp', 'id', 'ids', 'url', 'uri', 'path', 'name', 'names',
  'field', 'fields', 'label', 'regex', 'pattern', 'policy', 'policies', 'strength',
  'version', 'index', 'hint', 'required', 'enabled', 'disabled', 'valid', 'invalid',
  'error', 'errors', 'message', 'usage', 'budget', 'options', 'config', 'settings',
  'attempts', 'retries', 'tries', 'status', 'state', 'changed', 'updated',
  'created', 'set', 'reset', 'schema', 'rules', 'prefix', 'format', 'strategy',
  'service', 'manager', 'provider', 'store', 'model', 'module', 'repository',
  'payload', 'claims', 'exists', 'match', 'matches', 'ok', 'lifetime', 'duration',
  'timeout', 'window', 'location', 'storage',
]);

/** First words that make the name a boolean or a measurement: `isPasswordValid`, `maxTokens`. */
const QUALIFIER_PREFIXES: ReadonlySet<string> = new Set([
  'is', 'has', 'have', 'should', 'can', 'did', 'was', 'will', 'needs', 'need', 'require',
  'requires', 'allow', 'allows', 'use', 'uses', 'max', 'min', 'num', 'total', 'input',
  'output', 'prompt', 'completion', 'remaining', 'used', 'validate', 'verify', 'check',
  'generate', 'create', 'get', 'set', 'find', 'hash', 'compare', 'reset', 'count',
]);

/** Words before `token` that make it a non-secret: pagination cursors, cancellation tokens. */
const HARMLESS_TOKEN_KINDS: ReadonlySet<string> = new Set([
  'page', 'cursor', 'continuation', 'next', 'prev', 'previous', 'sync', 'cancellation', 'cancel',
]);

/**
 * Whether an identifier or property key names a secret value, matched on its
 * words: `userToken`, `api_key`, `x-api-key`, `authorization`, `passwordHash`
 * match; `tokenCount`, `maxTokens`, `passwordMinLength`, `isPasswordValid`,
 * `resetTokenExpiresAt` do not. `extraWords` adds a team's own single words.
 */
export function isSecretName(name: string, extraWords: readonly string[] = []): boolean {
  const words = splitIdentifierWords(name);
  if (words.length === 0) return false;
  const secretAt = findSecretWordIndex(words, extraWords);
  if (secretAt === -1) return false;
  if (QUALIFIER_PREFIXES.has(words[0]!) && secretAt > 0) return false;
  const last = words[words.length - 1]!;
  const secretWord = words[secretAt]!;
  if (secretWord.startsWith('token') && secretAt > 0 && HARMLESS_TOKEN_KINDS.has(words[secretAt - 1]!)) {
    return false;
  }
  if (secretAt === words.length - 1) return true;
  return !METADATA_WORDS.has(last);
}

function findSecretWordIndex(words: readonly string[], extraWords: readonly string[]): number {
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (SECRET_WORDS.has(word) || extraWords.includes(word)) return index;
    if (isPairEndingAt(words, index + 1)) return index + 1;
  }
  return -1;
}

function isPairEndingAt(words: readonly string[], end: number): boolean {
  if (end < 1 || end >= words.length) return false;
  return SECRET_WORD_PAIRS.some(([first, second]) => words[end - 1] === first && words[end] === second);
}
