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
