/**
 * Field names that are internal by default: they serve the server (billing,
 * support, cross-system references) and never belong in a response. Teams add
 * their own with `settings.redline.internalFields` or a rule option. Compare
 * them on identifier words (`splitIdentifierWords`), so `stripe_customer_id`
 * matches `stripeCustomerId`.
 */
export const DEFAULT_INTERNAL_FIELDS: readonly string[] = [
  'internalId',
  'internalNotes',
  'internalNote',
  'internalComment',
  'internalComments',
  'adminNotes',
  'stripeCustomerId',
  'stripeSubscriptionId',
];
