import { describe, expect, it } from 'vitest';
import {
  FOREVER_RETRY_LIBRARIES,
  RETRY_ATTEMPT_OPTIONS,
  RETRY_LIMIT_PARENT_OPTIONS,
  UNBOUNDED_NUMBER_NAMES,
  UNBOUNDED_RETRY_STRINGS,
} from '../src/index.js';

describe('retry-libraries vocabulary', () => {
  it('lists the packages whose forever: true means retry without limit', () => {
    for (const name of ['p-retry', 'async-retry', 'retry', 'promise-retry']) expect(FOREVER_RETRY_LIBRARIES.has(name)).toBe(true);
    expect(FOREVER_RETRY_LIBRARIES.has('got')).toBe(false);
  });

  it('names attempt options but not got\'s bare limit or connection reconnects', () => {
    for (const name of ['retries', 'attempts', 'maxRetries', 'maxAttempts', 'numOfAttempts', 'retryAttempts']) {
      expect(RETRY_ATTEMPT_OPTIONS.has(name)).toBe(true);
    }
    for (const name of ['limit', 'reconnectTries', 'reconnectionAttempts', 'maxRetriesPerRequest']) {
      expect(RETRY_ATTEMPT_OPTIONS.has(name)).toBe(false);
    }
    expect(RETRY_LIMIT_PARENT_OPTIONS.has('retry')).toBe(true);
  });

  it('knows the values that mean no limit', () => {
    expect(UNBOUNDED_NUMBER_NAMES.has('Infinity')).toBe(true);
    expect(UNBOUNDED_NUMBER_NAMES.has('Number.MAX_SAFE_INTEGER')).toBe(true);
    expect(UNBOUNDED_NUMBER_NAMES.has('Number.MIN_SAFE_INTEGER')).toBe(false);
    expect(UNBOUNDED_RETRY_STRINGS.has('INFINITELY')).toBe(true);
  });
});
