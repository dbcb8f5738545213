import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERNAL_FIELDS, splitIdentifierWords } from '../src/index.js';

describe('DEFAULT_INTERNAL_FIELDS', () => {
  it('holds the fields the issue names as internal', () => {
    expect(DEFAULT_INTERNAL_FIELDS).toEqual(expect.arrayContaining(['internalId', 'stripeCustomerId', 'internalNotes']));
  });

  it('compares on identifier words, so snake_case columns match camelCase names', () => {
    const keys = new Set(DEFAULT_INTERNAL_FIELDS.map((name) => splitIdentifierWords(name).join(' ')));
    expect(keys.has(splitIdentifierWords('stripe_customer_id').join(' '))).toBe(true);
    expect(keys.has(splitIdentifierWords('customerId').join(' '))).toBe(false);
  });
});
