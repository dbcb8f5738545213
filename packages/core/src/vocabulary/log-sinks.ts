import { splitIdentifierWords } from './identifier-words.js';

/** Methods that write a log line, on `console` and on logger objects (pino, winston, bunyan, log4js, Nest `Logger`). */
export const LOG_METHODS: ReadonlySet<string> = new Set([
  'log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly',
  'notice', 'critical', 'crit', 'alert', 'emerg', 'http',
]);

/**
 * Object names that are loggers: `logger.info`, `this.logger.warn`, `req.log.error`,
 * `fastify.log.info`. Matched on the last segment of the callee's object.
 */
export const LOGGER_OBJECT_NAMES: ReadonlySet<string> = new Set([
  'console', 'logger', 'log', 'logging', 'winston', 'pino', 'bunyan', 'log4js', 'signale', 'consola',
]);

/** Logger packages whose default export or factory returns a logger instance. */
export const LOGGER_PACKAGES: ReadonlySet<string> = new Set([
  'pino', 'winston', 'bunyan', 'log4js', 'debug', 'signale', 'consola', 'loglevel', 'npmlog', 'roarr',
]);

/** Helper names that redact or mask a value before it is logged. */
export const REDACTION_HELPERS: ReadonlySet<string> = new Set([
  'redact', 'redacted', 'mask', 'masked', 'sanitize', 'sanitise', 'scrub', 'obfuscate', 'hash',
  'omitSecrets', 'censor', 'anonymize', 'anonymise', 'truncate', 'fingerprint',
]);

/** `console` methods that print their arguments (`console.assert` prints only on failure and is left out). */
export const CONSOLE_METHODS: ReadonlySet<string> = new Set([
  'log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table',
]);

/** Methods and functions that create a logger: `winston.createLogger()`, `log4js.getLogger()`, `logger.child()`. */
export const LOGGER_FACTORY_NAMES: ReadonlySet<string> = new Set([
  'createLogger', 'getLogger', 'child', 'pino', 'pinoLogger', 'createConsola', 'withTag', 'scope',
]);

/** Last words of an object name that make it a logger: `appLogger`, `this.auditLog`, `Logger`, `request.log`. */
const LOGGER_HEAD_WORDS: ReadonlySet<string> = new Set(['logger', 'log', 'logging', 'console']);

/**
 * Whether an object name denotes a logger, matched on its last word so that
 * `logger`, `Logger`, `appLogger`, `auditLog`, `req.log` (segment `log`) match
 * and `catalog`, `blog`, `dialog`, `logLevel` do not. `extraNames` are a team's own logger names.
 */
export function isLoggerObjectName(name: string, extraNames: readonly string[] = []): boolean {
  if (LOGGER_OBJECT_NAMES.has(name) || extraNames.includes(name)) return true;
  const words = splitIdentifierWords(name);
  // `loggerService`, `logService`: a Nest-style logger wrapper. `moderationLogService`, `auditLogService` keep a
  // domain's log: their `log(moderator, …)` writes a row to the database, not a line to a logger.
  if (words.length > 1 && words.at(-1) === 'service') {
    words.pop();
    return words.length === 1 ? LOGGER_HEAD_WORDS.has(words[0]!) : words.at(-1) === 'logger';
  }
  const last = words.at(-1);
  return last !== undefined && LOGGER_HEAD_WORDS.has(last);
}

/** Words that make a helper's name say it redacts: `redactHeaders`, `maskEmail`, `sanitizeUser`, `omitSecrets`. */
const REDACTION_WORDS: ReadonlySet<string> = new Set([
  'redact', 'redacted', 'redaction', 'mask', 'masked', 'sanitize', 'sanitise', 'sanitized', 'sanitised',
  'scrub', 'scrubbed', 'obfuscate', 'obfuscated', 'hash', 'hashed', 'censor', 'censored', 'anonymize',
  'anonymise', 'anonymized', 'omit', 'strip', 'truncate', 'fingerprint', 'safe', 'hide', 'hidden', 'secure',
]);

/**
 * Whether a function name says it redacts or masks its argument before it is
 * logged: `redact`, `mask`, `maskToken`, `sanitizeUser`, `toSafeJson`, `hashToken`,
 * or one of `extraNames` (a team's helpers, matched on the whole name).
 */
export function isRedactionHelperName(name: string, extraNames: readonly string[] = []): boolean {
  if (REDACTION_HELPERS.has(name) || extraNames.includes(name)) return true;
  return splitIdentifierWords(name).some((word) => REDACTION_WORDS.has(word));
}
