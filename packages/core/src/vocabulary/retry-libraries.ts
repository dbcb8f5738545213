import { splitIdentifierWords } from './identifier-words.js';

/**
 * Packages whose `forever: true` option (node-retry's) means "retry without a
 * limit": p-retry, async-retry and promise-retry pass their options to `retry`.
 */
export const FOREVER_RETRY_LIBRARIES: ReadonlySet<string> = new Set([
  'p-retry', 'async-retry', 'retry', 'promise-retry',
]);

/**
 * Option names that set a number of attempts or retries wherever they appear:
 * a non-finite value in any of them means "never stop". `limit` is left out
 * (it only means attempts inside got's `retry: { … }` object), and so are
 * connection-level reconnect options (`reconnectTries`, `reconnectionAttempts`),
 * where reconnecting for the life of the process is the intended design.
 */
export const RETRY_ATTEMPT_OPTIONS: ReadonlySet<string> = new Set([
  'retries', 'retry', 'attempts', 'maxRetries', 'maxAttempts', 'numOfAttempts', 'retryLimit',
  'retryAttempts', 'maxRetryAttempts', 'retryCount', 'maxRetryCount', 'retryTimes',
]);

/** Options objects whose `limit` property is the number of retries (got's `retry: { limit }`). */
export const RETRY_LIMIT_PARENT_OPTIONS: ReadonlySet<string> = new Set(['retry', 'retryOptions', 'retryPolicy']);

/**
 * Option names of a socket or tunnel client's reconnect settings (`{ WebSocket: ws,
 * maxRetries: Infinity, minReconnectionDelay }`): staying connected for the life of
 * the process is the design, so an infinite count next to them is no bug.
 */
export const RECONNECT_OPTION = /reconnect|^websocket$|^connectionTimeout$|^keepAlive/i;

const COUNT_WORDS = new Set(['retry', 'retries', 'attempt', 'attempts', 'tries', 'try']);

/** Whether a parameter or option name says it counts attempts: `maxAttempts`, `retries`, `max_tries`, `retryLimit`. */
export function isAttemptCountName(name: string): boolean {
  return splitIdentifierWords(name).some((word) => COUNT_WORDS.has(word));
}

/** Global constants that stand for "no limit" when given as a number of attempts. */
export const UNBOUNDED_NUMBER_NAMES: ReadonlySet<string> = new Set([
  'Infinity', 'Number.POSITIVE_INFINITY', 'Number.MAX_SAFE_INTEGER', 'Number.MAX_VALUE',
]);

/** String values that retry libraries read as "retry forever" (ts-retry-promise's `retries: 'INFINITELY'`). */
export const UNBOUNDED_RETRY_STRINGS: ReadonlySet<string> = new Set(['INFINITELY']);

/**
 * Error codes and names of conflicts that are right to retry at once (a fresh
 * random key after a unique violation, a lost optimistic lock, a serialization
 * failure): Prisma P2002/P2034, Mongo 11000/WriteConflict, Postgres 23505/40001,
 * MySQL ER_DUP_ENTRY/ER_LOCK_DEADLOCK, SQLite SQLITE_BUSY.
 */
export const RETRY_CONFLICT_MARKERS: ReadonlySet<string> = new Set([
  'P2002', 'P2034', '11000', 'WriteConflict', 'TransientTransactionError', '23505', '40001', '40P01',
  'ER_DUP_ENTRY', 'ER_LOCK_DEADLOCK', 'SQLITE_BUSY', 'SQLITE_CONSTRAINT', 'SequelizeUniqueConstraintError',
]);
