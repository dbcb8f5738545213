/** Packages whose options configure how often a call is retried. */
export const RETRY_LIBRARIES: ReadonlySet<string> = new Set([
  'p-retry', 'async-retry', 'retry', 'axios-retry', 'got', 'bullmq', 'bull', 'bee-queue',
  'promise-retry', 'exponential-backoff', 'cockatiel', 'ts-retry-promise',
]);

/** Option names that set the number of attempts. */
export const RETRY_COUNT_OPTIONS: ReadonlySet<string> = new Set([
  'retries', 'retry', 'attempts', 'maxRetries', 'maxAttempts', 'limit', 'numOfAttempts', 'retryLimit',
]);
