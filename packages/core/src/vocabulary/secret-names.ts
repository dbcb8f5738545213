import { splitIdentifierWords } from './identifier-words.js';

/** Single words that denote a secret value on their own. */
const SECRET_WORDS: ReadonlySet<string> = new Set([
  'password', 'passwords', 'passwd', 'pwd', 'psw', 'passphrase', 'passcode',
  'secret', 'secrets', 'token', 'tokens', 'apikey', 'apikeys', 'authorization',
  'cookie', 'cookies', 'session', 'privatekey', 'credentials',
  'cvv', 'cvc', 'ssn', 'otp', 'totp', 'bearer', 'jwt', 'mnemonic',
  'cardnumber',
]);

/** Words that are a secret only as the head of a longer name: `dbPass`, `SMTP_PASS` (but not `pass` alone). */
const COMPOUND_ONLY_SECRET_WORDS: ReadonlySet<string> = new Set(['pass']);

/** Two-word sequences that denote a secret (`api key`, `private key`, `card number`). */
const SECRET_WORD_PAIRS: readonly (readonly [string, string])[] = [
  ['api', 'key'], ['api', 'keys'], ['private', 'key'], ['secret', 'key'], ['secret', 'keys'],
  ['access', 'key'], ['signing', 'key'], ['encryption', 'key'], ['master', 'key'], ['license', 'key'],
  ['client', 'secret'], ['auth', 'header'], ['auth', 'key'], ['auth', 'code'],
  ['card', 'number'], ['credit', 'card'], ['security', 'code'], ['social', 'security'], ['security', 'number'],
  ['seed', 'phrase'], ['recovery', 'phrase'], ['recovery', 'code'], ['recovery', 'codes'],
  ['backup', 'code'], ['backup', 'codes'], ['reset', 'code'], ['verification', 'code'],
  ['mfa', 'code'], ['sms', 'code'],
];

/**
 * Words that, after a secret word, keep the name a secret: another form of
 * the same value (`passwordHash`, `tokenValue`, `apiKeyRaw`, `secretKeyBase`),
 * or a deployment suffix (`API_KEY_PROD`).
 */
const VALUE_FORM_WORDS: ReadonlySet<string> = new Set([
  'hash', 'hashed', 'digest', 'value', 'val', 'str', 'string', 'raw', 'plain', 'plaintext', 'text',
  'encoded', 'encrypted', 'enc', 'cipher', 'ciphertext', 'b64', 'base64', 'hex', 'bytes', 'buf', 'buffer',
  'header', 'pem', 'json', 'obj', 'object', 'code', 'confirm', 'confirmation', 'again', 'repeat',
  'base', 'primary', 'secondary', 'old', 'new', 'prev', 'current',
  'prod', 'production', 'dev', 'development', 'test', 'staging', 'live', 'local', 'sandbox',
]);

/**
 * Words that, anywhere before the secret word, make the name a flag or a
 * measurement of it: `isPasswordValid`, `userHasPassword`, `maxTokens`.
 */
const QUALIFIER_WORDS: ReadonlySet<string> = new Set([
  'is', 'has', 'have', 'should', 'can', 'did', 'was', 'will', 'needs', 'need',
  'max', 'min', 'num', 'total', 'remaining', 'used', 'count',
  // A lifetime: `expireInToken`, `expiresInSecret` are durations in milliseconds.
  'expire', 'expires', 'expiry', 'expiration', 'ttl', 'lifetime',
  'masked', 'redacted', 'obfuscated', 'truncated', 'partial', 'decoded',
  // Keys made to be shipped to browsers: `stripePublishableKey`, `NEXT_PUBLIC_API_KEY`, Algolia's `SEARCH_API_KEY`.
  'public', 'publishable', 'search',
]);

/**
 * First words that make the name a function or an action on a secret rather
 * than the secret: `getToken`, `hashPassword`, `verifyToken`, `requirePassword`.
 */
const VERB_PREFIXES: ReadonlySet<string> = new Set([
  'require', 'requires', 'allow', 'allows', 'use', 'uses', 'validate', 'verify', 'check',
  'generate', 'create', 'get', 'set', 'find', 'hash', 'compare', 'fetch', 'load', 'parse',
  'decode', 'sign', 'issue', 'revoke', 'rotate', 'store', 'save', 'send', 'handle', 'on', 'with',
  'mask', 'redact', 'sanitize', 'sanitise', 'strip', 'remove', 'delete', 'clear', 'invalidate',
]);

/** Words right before `token` that make it an LLM token count, a cursor or a non-secret token kind. */
const HARMLESS_TOKEN_KINDS: ReadonlySet<string> = new Set([
  'page', 'cursor', 'continuation', 'next', 'prev', 'previous', 'sync', 'cancellation', 'cancel',
  'input', 'output', 'prompt', 'completion', 'reasoning', 'cached', 'captcha', 'recaptcha', 'hcaptcha',
  'turnstile', 'lexer', 'parser', 'syntax', 'design', 'css', 'theme', 'color', 'spacing',
  'context', 'history', 'tool', 'tools', 'total', 'system', 'lock', 'mutex', 'lease',
]);

/** Prepositions that name where a value came from, before its source's name: `tokenFromHeaders`, `keyInQuery`. */
const ORIGIN_WORDS: ReadonlySet<string> = new Set(['from', 'in', 'of', 'via']);

/** Words that make `credentials` public-key material: `webauthnCredentials`, `passkeyCredentials`. */
const PUBLIC_CREDENTIAL_WORDS: ReadonlySet<string> = new Set(['webauthn', 'passkey', 'passkeys', 'fido', 'public']);

/**
 * Whether an identifier or property key names a secret value, matched on its
 * words. The name's last word decides (its "head"): it must be a secret word
 * (`userToken`, `api_key`, `x-api-key`, `authorization`, `resetToken`) or a
 * form of one (`passwordHash`, `tokenValue`, `API_KEY_PROD`). A name whose head
 * is something else describes *something about* a secret and does not match:
 * `tokenCount`, `passwordMinLength`, `resetTokenExpiresAt`, `sessionId`,
 * `cookieParser`. Flags, counts and functions do not match either:
 * `isPasswordValid`, `hasPassword`, `maxTokens`, `getToken`, `nextPageToken`.
 * `extraWords` adds a team's own single words (`pin`, `email`).
 */
export function isSecretName(name: string, extraWords: readonly string[] = []): boolean {
  const lowerName = name.toLowerCase();
  // Header names: `set-cookie` carries the session cookie although `set` reads as a verb.
  if (lowerName === 'set-cookie') return true;
  // `password2` → `password`; a word of digits only (`API_KEY_2`) says nothing.
  const words = splitIdentifierWords(name).map(stripTrailingDigits).filter((word) => !/^\d+$/.test(word)).flatMap(splitGluedSecret);
  if (words.length === 0) return false;
  const extra = new Set(extraWords.map((word) => word.toLowerCase()));

  // Peel the value-form and deployment suffixes off the end: `passwordHash` → `password`.
  let head = words.length - 1;
  while (head > 0 && VALUE_FORM_WORDS.has(words[head]!) && !isSecretWordAt(words, head, extra)) head--;
  // Where a value came from does not change what it is: `authTokenFromHeaders`, `passwordInBody`.
  if (!isSecretWordAt(words, head, extra)) {
    const origin = words.findLastIndex((word, index) => index > 0 && index < head && ORIGIN_WORDS.has(word));
    if (origin < 1 || !isSecretWordAt(words, origin - 1, extra)) return false;
    head = origin - 1;
  }
  // A pair such as `api key` starts one word earlier than its head.
  const start = isPairEndingAt(words, head) ? head - 1 : head;

  if (start > 0 && VERB_PREFIXES.has(words[0]!)) return false;
  for (let index = 0; index < start; index++) {
    if (QUALIFIER_WORDS.has(words[index]!)) return false;
  }
  const headWord = words[head]!;
  if ((headWord === 'token' || headWord === 'tokens') && start > 0 && HARMLESS_TOKEN_KINDS.has(words[start - 1]!)) {
    return false;
  }
  // WebAuthn credentials are public keys.
  if (headWord === 'credentials' && words.slice(0, start).some((word) => PUBLIC_CREDENTIAL_WORDS.has(word))) return false;
  return true;
}

/**
 * Whether a name denotes a connection string, which carries a password:
 * `DATABASE_URL`, `MONGO_URI`, `redisUrl`, `PG_CONNECTION_STRING`, `SENTRY_DSN` is not
 * (a DSN without credentials) but `DB_DSN` is.
 */
export function isConnectionStringName(name: string): boolean {
  const words = splitIdentifierWords(name);
  const last = words.at(-1);
  if (last === undefined) return false;
  if (last === 'string' && words.at(-2) === 'connection') return true;
  if (last !== 'url' && last !== 'uri' && last !== 'dsn' && last !== 'urls' && last !== 'uris') return false;
  return words.slice(0, -1).some((word) => DATASTORE_WORDS.has(word));
}

/** Words of datastores and brokers whose connection URLs embed credentials. */
const DATASTORE_WORDS: ReadonlySet<string> = new Set([
  'database', 'db', 'mongo', 'mongodb', 'postgres', 'postgresql', 'pg', 'mysql', 'mariadb', 'mssql',
  'redis', 'amqp', 'rabbitmq', 'rabbit', 'broker', 'kafka', 'elasticsearch', 'elastic', 'smtp', 'mail',
  'ftp', 'sftp', 'clickhouse', 'neo4j', 'cassandra', 'memcached', 'valkey', 'nats', 'cockroach',
]);

/** Secret words long enough to be recognised at the end of an all-lower-case glued word. */
const GLUED_SECRET_SUFFIXES: readonly string[] = ['password', 'passwd', 'psw', 'secret', 'tokens', 'token', 'apikey', 'privatekey'];

/**
 * `signingsecret` → `signing secret`, `accesstoken` → `access token`: names written
 * without any case or separator. Only a secret word at the end is split off.
 */
function splitGluedSecret(word: string): string[] {
  if (SECRET_WORDS.has(word)) return [word];
  for (const suffix of GLUED_SECRET_SUFFIXES) {
    if (word.length >= suffix.length + 2 && word.endsWith(suffix)) return [word.slice(0, -suffix.length), suffix];
  }
  return [word];
}

function isSecretWordAt(words: readonly string[], index: number, extra: ReadonlySet<string>): boolean {
  const word = words[index]!;
  if (SECRET_WORDS.has(word) || extra.has(word)) return true;
  if (COMPOUND_ONLY_SECRET_WORDS.has(word)) return words.length > 1 && index > 0;
  return isPairEndingAt(words, index);
}

function isPairEndingAt(words: readonly string[], end: number): boolean {
  if (end < 1 || end >= words.length) return false;
  return SECRET_WORD_PAIRS.some(([first, second]) => words[end - 1] === first && words[end] === second);
}

/** `password2` → `password`, `token1` → `token`; a word of digits only stays as it is. */
function stripTrailingDigits(word: string): string {
  const stripped = word.replace(/\d+$/, '');
  return stripped.length > 0 ? stripped : word;
}

/** Last words of an enum or constant table whose members are labels: `RedisInstanceType`, `TokenKind`, `AuthMode`. */
const LABEL_TABLE_WORDS: ReadonlySet<string> = new Set(['type', 'types', 'kind', 'kinds', 'enum', 'mode', 'modes', 'category', 'categories']);

/**
 * Whether `Owner.MEMBER` is a label from an enum or constant table (`RedisInstanceType.SESSION`,
 * `TokenType.ACCESS_TOKEN`): the name of a kind of secret, not one.
 */
export function isConstantLabel(owner: string, member: string): boolean {
  return /^[A-Z]/.test(owner) && /^[A-Z][A-Z0-9_]*$/.test(member) && LABEL_TABLE_WORDS.has(splitIdentifierWords(owner).at(-1) ?? '');
}
